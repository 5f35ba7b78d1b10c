"""The PDF assembled from Chromium prints (lkjip.cetak_peramban): a near-empty page of a chapter
is found and the chapter set again, and the browser dies with the process that started it."""

import io
import os
import signal
import subprocess
import sys
import time
from importlib import resources

import pypdf
import pytest

from lkjip import cetak_peramban, peramban
from lkjip.ekspor_cetak import VARIAN

pytestmark = pytest.mark.skipif(peramban.cari() is None,
                                reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)")

CSS = resources.files("lkjip").joinpath("templates/lkjip/lkjip.css").read_text("utf-8")
KALIMAT = ("Kecamatan melaksanakan pelayanan administrasi kepada masyarakat sesuai dengan "
           "kewenangan yang dilimpahkan oleh Bupati, dan hasilnya diukur setiap triwulan. ")


def _dokumen(alinea: int) -> str:
    """Two chapters; the first of `alinea` paragraphs of four sentences each."""
    bab1 = "".join(f"<p>{KALIMAT * 4}</p>" for _ in range(alinea))
    return (f"<html><head><style>{CSS}</style></head><body><main>"
            '<div class="lk-isi">'
            f'<div class="lk-bab" data-bab="1"><h1 id="bab-i">BAB I</h1>{bab1}</div>'
            f'<div class="lk-bab" data-bab="2"><h1 id="bab-ii">BAB II</h1><p>{KALIMAT * 8}'
            "</p></div></div></main></body></html>")


def _tipis(html: str, cetak) -> list:
    h, bab, ttd = cetak_peramban._penanda(html)
    pembaca, tujuan = cetak_peramban._cetak_bagian(cetak, h, "isi")
    return cetak_peramban.halaman_tipis(pembaca, tujuan, bab, ttd, cetak_peramban._tepi(h))


def test_halaman_tipis_bab_dicetak_ulang_lebih_rapat():
    """A chapter whose last lines spill onto a page of their own: that page is found (under
    300 characters, in chapter 1) and the chapter printed again tighter (lk-rapat's line
    height 1,36 instead of 1,45 takes ~3 more lines a page), so the PDF has no such page."""
    cetak = peramban.peramban().cetak
    # the first length (from 8 paragraphs of ~620 characters, ~9 lines each) whose print
    # leaves chapter 1 a page of its own with a few lines
    for alinea in range(8, 20):
        html = _dokumen(alinea)
        tipis = _tipis(html, cetak)
        if tipis:
            break
    assert tipis and tipis[0][1] == "1", "tidak ada panjang yang menyisakan halaman tipis"
    pdf = pypdf.PdfReader(io.BytesIO(cetak_peramban.susun(html, cetak, VARIAN)))
    glif = cetak_peramban._glif_halaman(pdf)
    halaman_bab2 = next(n for n, p in enumerate(pdf.pages) if "BAB II" in p.extract_text())
    # every page of chapter 1 now holds more than the threshold of text
    assert all(g >= cetak_peramban.BATAS_TIPIS for g, _ in glif[:halaman_bab2])
    assert len(pdf.pages) == len(pypdf.PdfReader(io.BytesIO(cetak(html))).pages) - 1


def test_peramban_mati_bersama_prosesnya():
    """A build killed with SIGKILL (no exit handler runs) leaves no browser behind."""
    kode = ("from lkjip.peramban import peramban; import sys; "
            "print(peramban().proses.pid, flush=True); sys.stdin.read()")
    proses = subprocess.Popen([sys.executable, "-c", kode], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    pid = int(proses.stdout.readline())
    os.kill(pid, 0)  # the browser runs
    proses.send_signal(signal.SIGKILL)
    proses.wait()
    batas = time.monotonic() + 10
    while time.monotonic() < batas:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().split(")")[-1].split()[0] == "Z":  # ended, waiting to be reaped
                    break
        except FileNotFoundError:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"peramban {pid} masih berjalan setelah prosesnya dibunuh")
