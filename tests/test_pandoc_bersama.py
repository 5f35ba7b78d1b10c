"""Pandoc for a whole batch (lkjip.pandoc_bersama): the pool workers' documents are converted
by the batch process, at most one pandoc for every two workers at once, the same document as
pandoc in the worker; pandoc runs in the worker when the service is gone (issue 15)."""

import io
import os
import sys
import threading
import time
import zipfile

import pytest

from lkjip import layanan, pandoc_bersama
from lkjip.bangun.kumpulan import petakan
from lkjip.word import REFERENSI

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="layanan: Linux")



def _png() -> bytes:
    from PIL import Image

    keluar = io.BytesIO()
    Image.new("RGB", (4, 3), (47, 93, 138)).save(keluar, format="PNG")
    return keluar.getvalue()


PNG = _png()
HTML = ('<html><body><h1>Bab I</h1><p>Capaian 98,5 %.</p>'
        '<figure><img src="g.png" alt="Grafik 1"></figure></body></html>')


def _isi(docx: bytes) -> dict[str, bytes]:
    """The document's parts but its properties (core.xml carries the time it was made)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def docx_di_pekerja(_):
    """In a pool worker: the document, and whether pandoc ran in this worker (pypandoc is
    imported only to run it)."""
    hasil = pandoc_bersama.docx(HTML, {"g.png": PNG}, REFERENSI)
    return hasil, "pypandoc" in sys.modules


def test_pekerja_batch_memakai_pandoc_batch(monkeypatch):
    monkeypatch.setenv("LKJIP_ZIGOT", "0")  # no kernels here
    monkeypatch.setenv("LKJIP_PERAMBAN_BERSAMA", "0")
    harap = _isi(pandoc_bersama.pandoc(HTML, {"g.png": PNG}, REFERENSI))
    assert "word/media/" in " ".join(harap)  # the picture went in
    hasil = petakan(docx_di_pekerja, [1, 2, 3], jobs=2)
    assert [(_isi(d), di_pekerja) for d, di_pekerja in hasil] == [(harap, False)] * 3
    assert pandoc_bersama.ENV_LAYANAN not in os.environ


def test_saklar_mati_pandoc_di_pekerja(monkeypatch):
    monkeypatch.setenv("LKJIP_ZIGOT", "0")
    monkeypatch.setenv("LKJIP_PERAMBAN_BERSAMA", "0")
    monkeypatch.setenv("LKJIP_PANDOC_BERSAMA", "0")
    hasil = petakan(docx_di_pekerja, [1, 2], jobs=2)
    assert [di_pekerja for _, di_pekerja in hasil] == [True, True]


@pytest.mark.parametrize(("jobs", "paling_banyak"), [(2, 1), (4, 2)])
def test_pandoc_bersamaan_dibatasi(monkeypatch, jobs, paling_banyak):
    """`jobs` workers ask at once; the service runs at most one pandoc for every two
    workers: 2 -> 1, 4 -> 2 (each conversion held 0,2 s, so they would all overlap)."""
    jalan, puncak, kunci = [0], [0], threading.Lock()

    def pandoc_lambat(html, gambar, referensi):
        with kunci:
            jalan[0] += 1
            puncak[0] = max(puncak[0], jalan[0])
        time.sleep(0.2)
        with kunci:
            jalan[0] -= 1
        return f"{html}|{sorted(gambar)}|{referensi}".encode()

    monkeypatch.setattr(pandoc_bersama, "pandoc", pandoc_lambat)
    srv = pandoc_bersama.LayananPandoc(jobs)
    hasil: dict[int, bytes | None] = {}

    def minta(i: int) -> None:
        with layanan.hubungkan(srv.alamat) as sok:
            layanan.kirim(sok, b"D", pandoc_bersama.json.dumps(
                {"html": f"dok {i}", "referensi": "ref.docx", "gambar": {"a.png": "AA=="}}
            ).encode())
            hasil[i] = layanan.terima(sok)

    benang = [threading.Thread(target=minta, args=(i,)) for i in range(jobs)]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    srv.tutup()
    assert puncak[0] == paling_banyak
    assert hasil == {i: (b"P", f"dok {i}|['a.png']|ref.docx".encode()) for i in range(jobs)}


def test_pandoc_gagal_di_layanan_lalu_layanan_hilang(monkeypatch):
    """A conversion that fails in the service is made again here (None: the caller runs
    pandoc itself, and raises its own error); a service that is gone is not asked again."""
    def gagal(html, gambar, referensi):
        raise RuntimeError("pandoc: input rusak")

    monkeypatch.setattr(pandoc_bersama, "pandoc", gagal)
    srv = pandoc_bersama.LayananPandoc(2)
    assert pandoc_bersama._lewat_layanan(srv.alamat, HTML, {}, REFERENSI) is None
    assert srv.alamat not in pandoc_bersama._GAGAL
    monkeypatch.setattr(pandoc_bersama, "pandoc", lambda *a: b"docx")
    assert pandoc_bersama._lewat_layanan(srv.alamat, HTML, {}, REFERENSI) == b"docx"
    srv.tutup()
    pandoc_bersama._KLIEN[os.getpid()][1].shutdown(2)  # the connection broken (batch gone)
    assert pandoc_bersama._lewat_layanan(srv.alamat, HTML, {}, REFERENSI) is None
    assert srv.alamat in pandoc_bersama._GAGAL
