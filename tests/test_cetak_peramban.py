"""The PDF assembled from Chromium prints (lkjip.cetak_peramban): a near-empty page of a chapter
is found and the chapter set again, and the browser dies with the process that started it."""

import io
import os
import re
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


def _dicatat(cetak):
    """`cetak` that keeps the HTML of each print it makes."""
    dicetak = []

    def catat(html: str) -> bytes:
        dicetak.append(html)
        return cetak(html)

    return catat, dicetak


def _daftar(butir: list[tuple[str, str, str]]) -> str:
    li = "".join(f'<li class="lk-tingkat-1{kelas}"><a href="#{i}">{judul}</a></li>'
                 for i, judul, kelas in butir)
    return f'<nav class="lk-daftar-bagian"><h1 id="daftar-isi">DAFTAR ISI</h1><ol>{li}</ol></nav>'


def _halaman(pdf: bytes) -> tuple[list[str], str]:
    """The page labels of `pdf` and its text as ``pdftotext -layout`` reads it."""
    label = pypdf.PdfReader(io.BytesIO(pdf)).page_labels
    teks = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    return label, teks


def test_edisi_dari_dua_cetakan_nomor_daftar_isi_benar():
    """Cover, front matter (Kata Pengantar over two pages, then the Daftar Isi listing its own
    entries and the chapters) and body: two prints, the body with the front matter measured
    after it and the front matter with the cover after it; the joined PDF has the cover
    unnumbered, the front matter i, ii, iii, the body 1, 2, …, and every entry of the Daftar
    Isi the page its heading stands on."""
    from tests.tata_letak import nomor_halaman, salah_nomor_daftar

    pengantar = "".join(f"<p>{KALIMAT * 4}</p>" for _ in range(9))  # ~1,5 pages
    depan = (f'<div class="lk-depan"><h1 id="kata-pengantar">KATA PENGANTAR</h1>{pengantar}'
             + _daftar([("kata-pengantar", "KATA PENGANTAR", " lk-romawi"),
                        ("daftar-isi", "DAFTAR ISI", " lk-romawi"),
                        ("bab-i", "BAB I PENDAHULUAN", ""),
                        ("bab-ii", "BAB II PENUTUP", "")]) + "</div>")
    isi = _dokumen(12).split('<div class="lk-isi">', 1)[1]
    isi = isi.replace('>BAB I<', '><span class="lk-bab-nomor">BAB I</span> PENDAHULUAN<', 1)
    isi = isi.replace('>BAB II<', '><span class="lk-bab-nomor">BAB II</span> PENUTUP<', 1)
    html = (f"<html><head><style>{CSS}</style></head><body>"
            '<section class="lk-sampul"><p class="lk-sampul-judul">LAPORAN KINERJA</p>'
            f'</section><main>{depan}<div class="lk-isi">{isi}')
    cetak, dicetak = _dicatat(peramban.peramban().cetak)
    pdf = cetak_peramban.susun(html, cetak, VARIAN)
    label, teks = _halaman(pdf)
    assert len(dicetak) == 2
    assert '<h1 id="bab-ii">' not in dicetak[1]  # the body printed once
    n_depan = sum(h.isalpha() for h in label[1:])  # the Kata Pengantar's pages, Daftar Isi
    n_isi = len(label) - 1 - n_depan
    assert label == ["Sampul", *map(cetak_peramban.romawi, range(1, n_depan + 1)),
                     *map(str, range(1, n_isi + 1))]
    # the Daftar Isi not on page i, BAB II not on page 2: the numbers are not a default
    assert n_depan >= 3 and n_isi >= 3
    pembaca = pypdf.PdfReader(io.BytesIO(pdf))
    assert [nomor_halaman(h) for h in pembaca.pages] == ["", *label[1:]]
    judul = ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "BAB II PENUTUP"]
    assert salah_nomor_daftar(teks, judul) == []
    # each entry a link to the page whose number it prints, the body's chapters too (their
    # targets are not in the front matter's print)
    n = next(n for n, h in enumerate(teks.split("\f")) if "BAB II PENUTUP" in h)
    tertulis = re.findall(rf"^\s*(?:{'|'.join(judul)})\b.*?\s([ivxlc]+|\d+)\s*$",
                          teks.split("\f")[n], re.M)
    halaman = {h.indirect_reference.idnum: label[i] for i, h in enumerate(pembaca.pages)}
    tautan = sorted((a.get_object() for a in pembaca.pages[n]["/Annots"]),
                    key=lambda a: -float(a["/Rect"][3]))
    assert [halaman[a["/Dest"][0].idnum] for a in tautan] == tertulis and len(tertulis) == 4


@pytest.mark.parametrize("daftar_di_utama", [False, True])
def test_kertas_kerja_isi_utama_dicetak_sekali(daftar_di_utama):
    """A document without chapters whose lists stand before ``main`` (the working paper):
    the whole printed once with stand-in numbers, then only the cover and the lists with
    the true numbers (the main text not printed again); pages 1, 2, … throughout and every
    entry the page its heading stands on. Lists inside ``main``: the whole printed again."""
    from tests.tata_letak import salah_nomor_daftar

    bagian = "".join(f'<h1 id="bagian-{n}">BAGIAN {n}</h1>' + f"<p>{KALIMAT * 4}</p>" * (3 * n)
                     for n in range(1, 4))
    daftar = _daftar([("daftar-isi", "DAFTAR ISI", "")]
                     + [(f"bagian-{n}", f"BAGIAN {n}", "") for n in range(1, 4)])
    html = (f"<html><head><style>{CSS}</style></head><body>"
            '<section class="lk-sampul"><p class="lk-sampul-judul">KERTAS KERJA</p></section>'
            + ("<main>" + daftar if daftar_di_utama else daftar + "<main>")
            + f"{bagian}</main></body></html>")
    cetak, dicetak = _dicatat(peramban.peramban().cetak)
    label, teks = _halaman(cetak_peramban.susun(html, cetak, VARIAN))
    assert len(dicetak) == 2 and ("BAGIAN 3</h1>" in dicetak[1]) == daftar_di_utama
    assert label == [str(n) for n in range(1, len(label) + 1)] and len(label) >= 5
    assert salah_nomor_daftar(teks, ["DAFTAR ISI", "BAGIAN 1", "BAGIAN 2", "BAGIAN 3"]) == []


def test_glif_dan_jalur_dihitung_dari_isi_halaman():
    """Glyphs are counted from the page's content stream: four hex digits each, in a ``Tj``
    string and in the strings of a ``TJ`` array (not its spacing numbers); path segments are
    its ``l`` and ``c`` operators."""
    class Isi:
        def get_data(self):
            # hand count: <00270035> 2 glyphs; [<0024> -20 <00290044>] 1 + 2; so 5 glyphs;
            # one "l" and one "c": 2 segments ("cm" and "Tf" are not paths)
            return (b"1 0 0 1 0 0 cm\nBT\n/F4 16 Tf\n<00270035> Tj\n[<0024> -20 <00290044>] TJ\n"
                    b"ET\n10 20 m\n30 40 l\n1 2 3 4 5 6 c\nS\n")

    class Halaman:
        def get_contents(self):
            return Isi()

    class Pembaca:
        pages = [Halaman(), Halaman()]

    assert cetak_peramban._glif_halaman(Pembaca()) == [(5, 2), (5, 2)]
    assert cetak_peramban._glif_halaman(Pembaca(), 1) == [(5, 2)]


def test_halaman_tipis_menghitung_seperlunya_keputusannya_sama():
    """`halaman_tipis` stops counting a page's glyphs once it holds enough not to be
    near-empty, and its path segments once it holds more than a drawing's worth: it decides
    as the full counts (`_glif_halaman`) do, for every margin around the threshold. Pages by
    hand: 320 glyphs and no path; 290 glyphs (10 in a TJ array) and 41 segments (a drawing);
    290 glyphs and 40 segments; 5 glyphs on a signature page."""
    def isi(tj: int, larik: int, jalur: int) -> bytes:
        return (b"BT\n/F4 16 Tf\n" + b"<0027> Tj\n" * tj
                + (b"[" + b"<0024> -20 " * larik + b"] TJ\n" if larik else b"")
                + b"ET\n10 20 m\n" + b"30 40 l\n" * jalur + b"S\n")

    class Isi:
        def __init__(self, data):
            self.data = data

        def get_data(self):
            return self.data

    class Halaman:
        def __init__(self, data):
            self.isi = Isi(data)

        def get_contents(self):
            return self.isi

    class Pembaca:
        pages = [Halaman(isi(320, 0, 0)), Halaman(isi(280, 10, 41)), Halaman(isi(280, 10, 40)),
                 Halaman(isi(5, 0, 0))]

    penuh = cetak_peramban._glif_halaman(Pembaca())
    assert penuh == [(320, 0), (290, 41), (290, 40), (5, 0)]
    tujuan = {"bab-1": (0, 0.0), "bab-2": (2, 0.0), "lk-ttd-1": (3, 0.0)}
    bab = {"bab-1": "1", "bab-2": "2"}
    for tepi in range(-15, 30):
        harapan = [(n + 1, "1" if n < 2 else "2") for n, (glif, jalur) in enumerate(penuh)
                   if glif - tepi < cetak_peramban.BATAS_TIPIS
                   and jalur <= cetak_peramban.BATAS_JALUR and n != 3]
        assert cetak_peramban.halaman_tipis(Pembaca(), tujuan, bab, ["lk-ttd-1"], tepi) \
            == harapan, tepi
    # counting stopped: at least the number asked, fewer than all
    data = isi(320, 0, 50)
    assert 10 <= cetak_peramban._glif(data, 10) < 320 and cetak_peramban._glif(data) == 320
    assert cetak_peramban._jalur(data, 41) == 41 and cetak_peramban._jalur(data) == 50
