"""The browser that prints the PDFs (lkjip.peramban) keeps no more than a print needs: no
WebUI or spare renderers, and a printed document's memory given back (issue 15)."""

import psutil
import pytest

from lkjip import peramban

pytestmark = pytest.mark.skipif(peramban.cari() is None,
                                reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)")

# one table row ~77 characters: 4 000 rows make a document of ~308 000 characters, over
# BERSIHKAN_SETELAH, which lays out to 91 pages
BARIS = "<tr><td>Kecamatan Bantarbolang</td><td>{n}</td><td>Rp 1.234.567.{n:03d}</td></tr>"


def _dokumen(baris: int) -> str:
    isi = "".join(BARIS.format(n=n % 1000) for n in range(baris))
    return f"<html><head></head><body><table>{isi}</table></body></html>"


@pytest.fixture
def browser():
    """A browser of its own (not the process's shared one), closed after the test."""
    b = peramban.Peramban(peramban.cari())
    yield b
    b.tutup()


def _isi_halaman(b: peramban.Peramban) -> int:
    """Characters of the page's document as it is now."""
    return b._kirim("Runtime.evaluate", {
        "expression": "document.documentElement.outerHTML.length", "returnByValue": True},
        b._sesi)["result"]["value"]


def test_dokumen_besar_dikosongkan_setelah_dicetak(browser, monkeypatch):
    """After a print of more than BERSIHKAN_SETELAH characters the page holds an empty
    document (its garbage collected); a small print is left as it is, until the small ones
    together pass the threshold."""
    besar = _dokumen(4000)
    assert len(besar) > peramban.BERSIHKAN_SETELAH
    assert browser.cetak(besar).startswith(b"%PDF")
    # an empty document is "<html><head></head><body></body></html>": 39 characters
    assert _isi_halaman(browser) == 39
    kecil = _dokumen(20)  # ~1 600 characters
    monkeypatch.setattr(peramban, "BERSIHKAN_SETELAH", 3 * len(kecil))
    for _ in range(2):
        assert browser.cetak(kecil).startswith(b"%PDF")
        assert _isi_halaman(browser) > 1500  # still there: 1 or 2 small prints, under 3
    browser.cetak(kecil)  # the third together reaches the threshold
    assert _isi_halaman(browser) == 39
    assert browser.cetak(kecil).startswith(b"%PDF")  # it still prints after being emptied


def test_hanya_satu_halaman_dan_satu_renderer(browser):
    """The browser has the one tab it prints in and no other target (the omnibox popups the
    new headless mode preloads as WebUI pages are off), and one renderer process (no spare
    one kept warm); the GPU process and the network service run in the browser process."""
    browser.cetak(_dokumen(10))
    target = browser._kirim("Target.getTargets", {})["targetInfos"]
    assert [t["type"] for t in target] == ["page"]
    jenis = []
    for anak in psutil.Process(browser.proses.pid).children(recursive=True):
        try:
            baris = anak.cmdline()
        except psutil.NoSuchProcess:  # a print's compositor that just ended
            continue
        jenis += [a.split("=", 1)[1] for a in baris if a.startswith("--type=")]
        jenis += [a.split("=", 1)[1] for a in baris if a.startswith("--utility-sub-type=")]
    assert jenis.count("renderer") == 1, jenis
    assert "gpu-process" not in jenis and "network.mojom.NetworkService" not in jenis, jenis


def test_cetakan_tanpa_pohon_struktur(browser):
    """A print carries no structure tree (tagged PDF): the joined report never kept one, and
    building it cost a quarter of a print's CPU."""
    pdf = browser.cetak(_dokumen(50))
    assert b"/StructTreeRoot" not in pdf and b"/MarkInfo" not in pdf


@pytest.mark.parametrize(("bendera", "ditekan"), [((), False), (("--single-process",), True)])
def test_peramban_satu_proses_membuang_cache_setelah_cetakan_besar(bendera, ditekan):
    """After a large print a --single-process browser is also told of critical memory
    pressure (it drops its caches; it grew ~9 MB a report without), a browser of several
    processes is not; a small print tells neither."""
    b = peramban.Peramban(peramban.cari(), bendera)
    try:
        asli, dikirim = b._kirim, []
        b._kirim = lambda metode, param, *arg, **kw: (dikirim.append(metode),
                                                      asli(metode, param, *arg, **kw))[1]
        b.cetak(_dokumen(20))
        assert "Memory.simulatePressureNotification" not in dikirim
        assert b.cetak(_dokumen(4000)).startswith(b"%PDF")
        assert ("Memory.simulatePressureNotification" in dikirim) is ditekan
        assert "HeapProfiler.collectGarbage" in dikirim
        assert b.cetak(_dokumen(20)).startswith(b"%PDF")  # it still prints afterwards
    finally:
        b.tutup()
