"""Chromium lays a printed document out only paginated (`lkjip.peramban.TINGGI_LAYAR`, issue
15): before paginating a print it lays the document out once in print media at the tab's own
size, unpaginated, which no page uses; there the document is hidden, while every page of the
print keeps its text."""

import io

import pytest
from pypdf import PdfReader

from lkjip import peramban

pytestmark = pytest.mark.skipif(peramban.cari() is None,
                                reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)")

# three A4 pages (forced breaks), the sheet's margins: a page area of 624 x 933 CSS px
_TIGA = ("<html><head><style>@page { size: A4; margin: 2.5cm 2cm 2.5cm 2.5cm; } "
         "p { break-after: page; }</style></head><body>"
         "<p>satu</p><p>dua</p><p>tiga</p></body></html>")


@pytest.fixture(scope="module")
def mesin():
    p = peramban.Peramban(peramban.cari(), peramban.bendera_layanan(2))
    yield p
    p.tutup()


def _nilai(halaman: peramban.Halaman, ekspresi: str):
    return halaman._kirim("Runtime.evaluate", {"expression": ekspresi, "returnByValue": True}
                          )["result"]["value"]


def test_cetakan_tetap_lengkap(mesin):
    """Paginated, the page area is taller than `TINGGI_LAYAR`: nothing hidden."""
    pembaca = PdfReader(io.BytesIO(mesin.cetak(_TIGA)))
    assert [h.extract_text().strip() for h in pembaca.pages] == ["satu", "dua", "tiga"]


def test_tata_letak_media_cetak_tanpa_halaman_kosong(mesin):
    """In print media at the tab's size (what Chromium lays out before paginating) the
    document as printed (`untuk_cetak`) takes no space; as written, it does."""
    h = mesin._utama
    assert _nilai(h, "innerHeight") <= peramban.TINGGI_LAYAR  # the tab's viewport
    h._kirim("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        tinggi = "document.documentElement.getBoundingClientRect().height"
        for html, kosong in ((peramban.untuk_cetak(_TIGA), True), (_TIGA, False)):
            h._kirim("Page.setDocumentContent", {"frameId": h._bingkai, "html": html})
            assert _nilai(h, "matchMedia('print').matches")
            assert (_nilai(h, tinggi) == 0) == kosong
    finally:
        h._kirim("Emulation.setEmulatedMedia", {"media": ""})
        h._bersihkan()
