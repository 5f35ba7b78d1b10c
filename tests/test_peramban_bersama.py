"""One browser for a whole batch (lkjip.peramban.layanan_bersama): the pool workers print
through the batch process's browser, the same PDFs as their own browser would print, and fall
back to their own browser when the service is gone (issue 15, memory per worker)."""

import io
import os
import re
import signal
import threading

import psutil
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
    jumlah = 0
    for anak in psutil.Process(mesin.proses.pid).children(recursive=True):
        try:
            jumlah += "--type=renderer" in anak.cmdline()
        except psutil.Error:  # ended meanwhile
            continue
    return jumlah


def _cetak_bersamaan(layanan, dokumen: list[str]) -> dict[int, bytes]:
    """The documents printed through the service at once, each by a client of its own."""
    klien = [peramban.KlienCetak(layanan.alamat, layanan.program) for _ in dokumen]
    hasil: dict[int, bytes] = {}
    benang = [threading.Thread(target=lambda i=i: hasil.update({i: klien[i].cetak(
        dokumen[i])})) for i in range(len(dokumen))]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    return hasil


def _hanya_dokumennya(hasil: dict[int, bytes]) -> None:
    for i in hasil:
        teks = PdfReader(io.BytesIO(hasil[i])).pages[0].extract_text()
        assert f"Kecamatan {i}" in teks
        assert not any(f"Kecamatan {j}" in teks for j in hasil if j != i)


def test_dua_pekerja_satu_proses_peramban(monkeypatch):
    """For two workers the service's browser is one process (--single-process: no renderer,
    storage service or print compositor of its own), printing the workers' documents one
    after another in its one tab: it never holds two documents at once."""
    dokumen = [_dokumen(f"Kecamatan {i}", 50) for i in range(2)]
    terbuka, paling = [0], [0]  # documents set and not yet printed: now, at most
    kirim = peramban.Peramban._kirim

    def catat(self, metode, param, *arg, **kw):
        if metode == "Page.setDocumentContent" and param["html"]:
            terbuka[0] += 1
            paling[0] = max(paling[0], terbuka[0])
        hasil = kirim(self, metode, param, *arg, **kw)
        if metode == "Page.printToPDF":
            terbuka[0] -= 1
        return hasil

    monkeypatch.setattr(peramban.Peramban, "_kirim", catat)
    with peramban.layanan_bersama(2) as layanan:
        hasil = _cetak_bersamaan(layanan, dokumen + dokumen)
        mesin = layanan._mesin
        tab = mesin._kirim("Target.getTargets", {})["targetInfos"]
        assert len([t for t in tab if t["type"] == "page"]) == 1  # one tab for both workers
        assert psutil.Process(mesin.proses.pid).children(recursive=True) == []
        assert mesin.satu_proses
    assert paling[0] == 1
    _hanya_dokumennya({i: hasil[i] for i in range(2)})
    _hanya_dokumennya({i: hasil[i + 2] for i in range(2)})


def test_satu_renderer_untuk_dua_pekerja():
    """For more than two workers the service's browser runs one renderer for every two
    (their tabs share it, ~100-150 MB PSS each less): 4 workers printing at once in 4 tabs,
    two renderers. The prints are still the documents asked for."""
    dokumen = [_dokumen(f"Kecamatan {i}", 50) for i in range(4)]
    with peramban.layanan_bersama(4) as layanan:
        hasil = _cetak_bersamaan(layanan, dokumen)
        tab = layanan._mesin._kirim("Target.getTargets", {})["targetInfos"]
        assert len([t for t in tab if t["type"] == "page"]) == 4  # one tab per worker
        assert _renderer(layanan._mesin) == 2
        assert not layanan._mesin.satu_proses
    _hanya_dokumennya(hasil)


def _bunuh(mesin) -> None:
    """End the browser as a crash does (SIGKILL) and wait for its end."""
    mesin.proses.send_signal(signal.SIGKILL)
    mesin.proses.wait(10)


def test_peramban_layanan_yang_mati_dinyalakan_lagi():
    """The service's browser ended between two prints (a crash): the next print starts it
    again and is printed by the service, not by a browser of the worker's own."""
    with peramban.layanan_bersama() as layanan:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        assert klien.cetak(_dokumen("Moga", 3)).startswith(b"%PDF")
        lama = layanan._mesin
        _bunuh(lama)
        sendiri = peramban._SATU.get(os.getpid())
        pdf = klien.cetak(_dokumen("Taman", 3))
        baru = layanan._mesin
        assert baru is not lama and baru.proses.poll() is None
        assert layanan._ulang == peramban.ULANG_LAYANAN - 1
    assert "Taman" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert layanan.alamat not in peramban._LAYANAN_GAGAL
    assert peramban._SATU.get(os.getpid()) is sendiri  # no browser of its own started
    assert baru.proses.poll() is not None  # closed with the service


def test_cetakan_yang_terputus_dicetak_lagi(monkeypatch):
    """The browser ended during a print: the print is made again in a new browser, and the
    worker gets its PDF from the service."""
    asli = peramban.Halaman.cetak
    dibunuh = []

    def cetak_lalu_mati(self, html):
        if not dibunuh:  # the first print: its browser dies before it answers
            dibunuh.append(self.peramban)
            _bunuh(self.peramban)
        return asli(self, html)

    monkeypatch.setattr(peramban.Halaman, "cetak", cetak_lalu_mati)
    with peramban.layanan_bersama() as layanan:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        pdf = klien.cetak(_dokumen("Pulosari", 3))
        assert layanan._mesin is not dibunuh[0] and layanan._mesin.proses.poll() is None
        assert layanan._ulang == peramban.ULANG_LAYANAN - 1
    assert "Pulosari" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert layanan.alamat not in peramban._LAYANAN_GAGAL


def test_tanpa_sisa_nyala_ulang_pekerja_mencetak_sendiri(monkeypatch):
    """With no restarts left, a worker whose service browser ended prints with its own."""
    monkeypatch.setattr(peramban, "ULANG_LAYANAN", 0)
    with peramban.layanan_bersama() as layanan:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        assert klien.cetak(_dokumen("Belik", 3)).startswith(b"%PDF")
        _bunuh(layanan._mesin)
        pdf = klien.cetak(_dokumen("Bodeh", 3))
        assert layanan.alamat in peramban._LAYANAN_GAGAL
    assert "Bodeh" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    sendiri = peramban._SATU.get(os.getpid())
    assert sendiri is not None and sendiri.proses.poll() is None


def test_tab_layanan_dikosongkan_bila_diam(monkeypatch):
    """A tab the service printed a small document in (under BERSIHKAN_SETELAH, so not emptied
    by the print itself) is emptied once no print came for JEDA_DIAM seconds: the browser
    does not hold it while the workers' kernels run."""
    monkeypatch.setattr(peramban, "JEDA_DIAM", 0.05)
    kosong = threading.Event()
    bersihkan = peramban.Halaman._bersihkan

    def catat(self):
        try:
            bersihkan(self)
        finally:
            kosong.set()

    monkeypatch.setattr(peramban.Halaman, "_bersihkan", catat)
    # the service's own steps, without a client (which would print with a browser of its
    # own if the service's failed: a one-process browser sometimes crashes at start)
    layanan = peramban.LayananCetak(peramban.cari(), 2)
    try:
        tab = layanan._halaman(layanan._berjalan())
        assert tab is layanan._mesin._utama
        assert tab.cetak(_dokumen("Moga", 3)).startswith(b"%PDF")
        layanan._bila_diam(tab)  # as `layani` after each print
        assert kosong.wait(60)
        isi = tab._kirim("Runtime.evaluate", {"expression": "document.body.innerHTML",
                                               "returnByValue": True})["result"]["value"]
        assert tab._kotor == 0 and "Moga" not in isi
        assert tab.cetak(_dokumen("Taman", 3)).startswith(b"%PDF")  # still prints
    finally:
        layanan.tutup()


def test_peramban_layanan_yang_macet_diakhiri_dan_dinyalakan_lagi(monkeypatch):
    """The service's browser stopped answering (here: stopped with SIGSTOP): the print that
    waited BATAS_DETIK ends it, and both workers' prints (the second waiting behind the
    first in the one tab) are made by a browser started again, not by their own."""
    monkeypatch.setattr(peramban, "BATAS_DETIK", 3)
    dokumen = [_dokumen(f"Kecamatan {i}", 3) for i in range(2)]
    with peramban.layanan_bersama(2) as layanan:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        assert klien.cetak(dokumen[0]).startswith(b"%PDF")
        lama = layanan._mesin
        lama.proses.send_signal(signal.SIGSTOP)
        hasil = _cetak_bersamaan(layanan, dokumen)
        baru = layanan._mesin
        assert lama.proses.poll() is not None  # ended (SIGKILL ends a stopped process)
        assert baru is not lama and baru.proses.poll() is None
        assert layanan._ulang == peramban.ULANG_LAYANAN - 1
    _hanya_dokumennya(hasil)
    assert layanan.alamat not in peramban._LAYANAN_GAGAL
