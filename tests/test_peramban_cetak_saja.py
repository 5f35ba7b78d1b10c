"""A tab lays its document out for print only (`lkjip.peramban.untuk_cetak`, issue 15): on
screen it shows nothing, while the print has every page, and an image that does not load is
still found."""

import io
import os

import pytest
from pypdf import PdfReader

from lkjip import peramban

pytestmark = pytest.mark.skipif(peramban.cari() is None,
                                reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)")

# three pages: two forced page breaks, whatever the paper
_TIGA = ("<html><head><style>@page { size: A4; } p { break-after: page; }</style></head><body>"
         "<p>satu</p><p>dua</p><p>tiga</p></body></html>")


@pytest.fixture(scope="module")
def mesin():
    p = peramban.Peramban(peramban.cari())
    yield p
    p.tutup()


def _tinggi_layar(halaman: peramban.Halaman) -> float:
    """The height the tab's document takes on screen, in CSS pixels."""
    return halaman._kirim("Runtime.evaluate", {
        "expression": "document.documentElement.getBoundingClientRect().height",
        "returnByValue": True})["result"]["value"]


def test_tiga_halaman_dicetak_tanpa_tata_letak_layar(mesin):
    pdf = mesin.cetak(_TIGA)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3
    # what it printed shows nothing on screen: it was laid out for the print alone
    assert _tinggi_layar(mesin._utama) == 0
    # the same document, not hidden, fills the screen with its three paragraphs
    h = mesin._utama
    h._kirim("Page.setDocumentContent", {"frameId": h._bingkai, "html": _TIGA})
    assert _tinggi_layar(h) > 0


def test_gambar_rusak_tetap_ketahuan(mesin):
    """An image that does not decode is found though the document is not shown."""
    rusak = ('<html><head></head><body><figure id="grafik-9"><img alt="g" '
             'src="data:image/png;base64,AAAA"></figure></body></html>')
    with pytest.raises(RuntimeError, match="1 gambar tidak masuk ke PDF: grafik-9"):
        mesin.cetak(rusak)


@pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="layanan: Linux")
def test_layanan_bersama_juga_hanya_cetak():
    """The batch's print service prints in the same kind of tab (`Halaman.cetak`)."""
    with peramban.layanan_bersama(2) as layanan:
        assert layanan is not None
        klien = peramban.KlienCetak(layanan.alamat, peramban.cari())
        assert len(PdfReader(io.BytesIO(klien.cetak(_TIGA))).pages) == 3
        assert _tinggi_layar(layanan._mesin._utama) == 0
