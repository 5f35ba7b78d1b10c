"""One browser for a whole batch (lkjip.peramban.layanan_bersama): the pool workers print
through the batch process's browser, the same PDFs as their own browser would print, and fall
back to their own browser when the service is gone (issue 15, memory per worker)."""

import io
import os
import re
import threading

import pytest
from pypdf import PdfReader

from lkjip import peramban
from lkjip.bangun.kumpulan import petakan

pytestmark = [
    pytest.mark.skipif(peramban.cari() is None,
                       reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)"),
    pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="layanan: Linux"),
]


def _dokumen(judul: str, baris: int) -> str:
    isi = "".join(f"<tr><td>{judul}</td><td>{n}</td></tr>" for n in range(baris))
    return f"<html><head></head><body><h1>{judul}</h1><table>{isi}</table></body></html>"


def _tanpa_tanggal(pdf: bytes) -> bytes:
    """The PDF without its creation and modification dates (the only bytes that differ
    between two prints of the same HTML a second apart)."""
    return re.sub(rb"/(CreationDate|ModDate) ?\([^)]*\)", b"", pdf)


def test_dua_klien_bersamaan_sama_dengan_peramban_sendiri():
    """Two workers' documents printed at once through the service are, byte for byte but the
    dates, what a browser of one's own prints."""
    dokumen = [_dokumen("Bantarbolang", 300), _dokumen("Ampelgading", 200)]
    sendiri = peramban.Peramban(peramban.cari())
    try:
        harap = [_tanpa_tanggal(sendiri.cetak(h)) for h in dokumen]
    finally:
        sendiri.tutup()
    with peramban.layanan_bersama() as layanan:
        assert os.environ[peramban.ENV_LAYANAN] == layanan.alamat
        klien = [peramban.KlienCetak(layanan.alamat, layanan.program) for _ in dokumen]
        hasil: dict[int, bytes] = {}

        def cetak(i: int) -> None:
            for _ in range(2):
                hasil[i] = klien[i].cetak(dokumen[i])

        benang = [threading.Thread(target=cetak, args=(i,)) for i in range(2)]
        for b in benang:
            b.start()
        for b in benang:
            b.join()
        mesin = layanan._mesin
        assert mesin.proses.poll() is None
    assert peramban.ENV_LAYANAN not in os.environ
    assert mesin.proses.poll() is not None  # the service's browser ended with the block
    assert [_tanpa_tanggal(hasil[i]) for i in range(2)] == harap
    assert layanan.alamat not in peramban._LAYANAN_GAGAL


def test_gambar_gagal_tetap_galat_lewat_layanan():
    """An image that did not load is the caller's error, as with its own browser."""
    rusak = ('<html><body><figure id="gambar-1"><img src="data:image/png;base64,AAAA">'
             '</figure></body></html>')
    with peramban.layanan_bersama() as layanan:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        with pytest.raises(RuntimeError, match="1 gambar tidak masuk ke PDF: gambar-1"):
            klien.cetak(rusak)
        assert klien.cetak(_dokumen("Belik", 3)).startswith(b"%PDF")  # still served
    assert layanan.alamat not in peramban._LAYANAN_GAGAL


def test_layanan_hilang_klien_mencetak_sendiri():
    """When the service is gone, the worker prints with a browser of its own."""
    with peramban.layanan_bersama() as layanan:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        assert klien.cetak(_dokumen("Comal", 3)).startswith(b"%PDF")
    sebelum = peramban._SATU.get(os.getpid())
    assert klien.cetak(_dokumen("Comal", 3)).startswith(b"%PDF")
    assert layanan.alamat in peramban._LAYANAN_GAGAL
    sendiri = peramban._SATU.get(os.getpid())
    assert sendiri is not None and sendiri.proses.poll() is None
    assert sebelum is None or sebelum is sendiri


def cetak_di_pekerja(judul: str) -> tuple[str, bool, bool]:
    """In a pool worker: what prints, whether the PDF came, whether the worker started a
    browser of its own."""
    mesin = peramban.peramban()
    pdf = mesin.cetak(_dokumen(judul, 3))
    return type(mesin).__name__, pdf.startswith(b"%PDF"), os.getpid() in peramban._SATU


def test_pekerja_batch_mencetak_dengan_satu_peramban(monkeypatch):
    monkeypatch.setenv("LKJIP_ZIGOT", "0")  # no zygote needed here
    hasil = petakan(cetak_di_pekerja, ["Moga", "Taman", "Pulosari"], jobs=2)
    assert hasil == [("KlienCetak", True, False)] * 3
    assert peramban.ENV_LAYANAN not in os.environ


def test_layanan_mati_dengan_saklar(monkeypatch):
    monkeypatch.setenv("LKJIP_PERAMBAN_BERSAMA", "0")
    with peramban.layanan_bersama() as layanan:
        assert layanan is None and peramban.ENV_LAYANAN not in os.environ
    hasil = petakan(cetak_di_pekerja, ["Moga", "Taman"], jobs=2)
    assert hasil == [("Peramban", True, True)] * 2


def _renderer(mesin) -> int:
    """How many renderer processes the browser runs (its children with --type=renderer)."""
    import psutil

    jumlah = 0
    for anak in psutil.Process(mesin.proses.pid).children(recursive=True):
        try:
            jumlah += "--type=renderer" in anak.cmdline()
        except psutil.Error:  # ended meanwhile
            continue
    return jumlah


@pytest.mark.parametrize(("jobs", "renderer"), [(2, 1), (4, 2)])
def test_satu_renderer_untuk_dua_pekerja(jobs, renderer):
    """The service's browser runs one renderer for every two workers (their tabs share it,
    ~100-150 MB PSS each less): with 2 workers printing at once in two tabs, one renderer;
    with 4 workers (4 tabs), two. The prints are still the documents asked for."""
    dokumen = [_dokumen(f"Kecamatan {i}", 50) for i in range(jobs)]
    with peramban.layanan_bersama(jobs) as layanan:
        klien = [peramban.KlienCetak(layanan.alamat, layanan.program) for _ in dokumen]
        hasil: dict[int, bytes] = {}
        benang = [threading.Thread(target=lambda i=i: hasil.update({i: klien[i].cetak(
            dokumen[i])})) for i in range(jobs)]
        for b in benang:
            b.start()
        for b in benang:
            b.join()
        tab = layanan._mesin._kirim("Target.getTargets", {})["targetInfos"]
        assert len([t for t in tab if t["type"] == "page"]) == jobs  # one tab per worker
        assert _renderer(layanan._mesin) == renderer
    for i in range(jobs):
        teks = PdfReader(io.BytesIO(hasil[i])).pages[0].extract_text()
        assert f"Kecamatan {i}" in teks and f"Kecamatan {1 - i}" not in teks
