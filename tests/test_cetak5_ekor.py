"""A chapter's setting tried after a near-empty page (lkjip.cetak_peramban.pilih_varian) is
printed from that chapter on only (`_cetak_ekor`, issue 15): the chapters before it and the
front matter measured after the body are not printed again, and the PDF is the one a print of
the whole in the setting kept gives, page for page."""

import io
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

import pypdf
import pytest

from lkjip import cetak_peramban, peramban
from lkjip.ekspor_cetak import VARIAN

pytestmark = pytest.mark.skipif(peramban.cari() is None,
                                reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)")

CSS = resources.files("lkjip").joinpath("templates/lkjip/lkjip.css").read_text("utf-8")
KALIMAT = ("Kecamatan melaksanakan pelayanan administrasi kepada masyarakat sesuai dengan "
           "kewenangan yang dilimpahkan oleh Bupati, dan hasilnya diukur setiap triwulan. ")
JUDUL = ("BAB I PENDAHULUAN", "BAB II CAPAIAN", "BAB III PENUTUP")


def _dokumen(alinea: int) -> str:
    """Cover, Kata Pengantar and Daftar Isi, then three chapters: BAB I over two pages,
    BAB II of `alinea` paragraphs of four sentences, BAB III one paragraph."""
    daftar = "".join(f'<li class="lk-tingkat-1"><a href="#bab-{n}">{j}</a></li>'
                     for n, j in enumerate(JUDUL, start=1))
    depan = ('<div class="lk-depan"><h1 id="kata-pengantar">KATA PENGANTAR</h1>'
             f"<p>{KALIMAT * 4}</p>"
             '<nav class="lk-daftar-bagian"><h1 id="daftar-isi">DAFTAR ISI</h1>'
             f"<ol>{daftar}</ol></nav></div>")
    isi = "".join(
        f'<div class="lk-bab" data-bab="{n}"><h1 id="bab-{n}"><span class="lk-bab-nomor">'
        f"{j.split(' ', 2)[0]} {j.split(' ', 2)[1]}</span> {j.split(' ', 2)[2]}</h1>"
        + f"<p>{KALIMAT * 4}</p>" * jumlah + "</div>"
        for n, (j, jumlah) in enumerate(zip(JUDUL, (12, alinea, 1), strict=True), start=1))
    return (f"<html><head><style>{CSS}</style></head><body>"
            '<section class="lk-sampul"><p class="lk-sampul-judul">LAPORAN KINERJA</p>'
            f'</section><main>{depan}<div class="lk-isi">{isi}</div></main></body></html>')


def _piksel(pdf: bytes, folder: Path, nama: str) -> list[bytes]:
    """Each page of `pdf` as pdftoppm's PNG at 50 dpi (the pages compared by eye elsewhere)."""
    (folder / f"{nama}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(folder / f"{nama}.pdf"),
                    str(folder / nama)], check=True)
    from PIL import Image

    return [Image.open(p).convert("RGB").tobytes()
            for p in sorted(folder.glob(f"{nama}-*.png"))]


def _cari_tipis(mesin) -> str:
    """The first document (`_dokumen`) whose print leaves BAB II a near-empty page."""
    for alinea in range(8, 24):
        html = _dokumen(alinea)
        h, bab, ttd = cetak_peramban._penanda(html)
        pembaca, tujuan = cetak_peramban._cetak_bagian(mesin.cetak, h, "isi")
        tipis = cetak_peramban.halaman_tipis(pembaca, tujuan, bab, ttd, cetak_peramban._tepi(h))
        if tipis:
            assert [b for _, b in tipis] == ["2"]
            return html
    pytest.fail("tidak ada panjang yang menyisakan halaman tipis")


def test_setelan_bab_dicoba_dicetak_dari_babnya_saja():
    """BAB II's last lines alone on a page: the setting tried is printed from BAB II on (no
    BAB I, no front matter measured), and the joined PDF has the pages (as pixels), the page
    labels and the Daftar Isi numbers of the same report with that setting given to BAB II
    beforehand, printed whole."""
    mesin = peramban.peramban()
    html = _cari_tipis(mesin)

    dicetak: list[str] = []

    def cetak(teks: str) -> bytes:
        dicetak.append(teks)
        return mesin.cetak(teks)

    pdf = cetak_peramban.susun(html, cetak, VARIAN)
    dicoba = [d for d in dicetak if 'class="lk-bab lk-' in d]
    assert dicoba, "bab II tidak dicoba dengan setelan lain"
    for d in dicoba:  # printed from BAB II on: BAB I and the front matter measured left out
        assert '<h1 id="bab-1">' not in d and '<h1 id="bab-2">' in d
        assert 'class="lk-cetak-ukur"' not in d
    kelas = next(v for v in VARIAN if f'class="lk-bab {v}" data-bab="2"' in dicoba[-1])

    utuh: list[str] = []
    harapan = cetak_peramban.susun(
        html.replace('class="lk-bab" data-bab="2"', f'class="lk-bab {kelas}" data-bab="2"'),
        lambda teks: utuh.append(teks) or mesin.cetak(teks), VARIAN)
    assert len(utuh) == 2  # the setting kept has no near-empty page: body and front, once

    a, b = pypdf.PdfReader(io.BytesIO(pdf)), pypdf.PdfReader(io.BytesIO(harapan))
    assert a.page_labels == b.page_labels
    assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]
    with tempfile.TemporaryDirectory() as d:
        assert _piksel(pdf, Path(d), "a") == _piksel(harapan, Path(d), "b")


def test_weasyprint_menata_setelan_dicoba_utuh(monkeypatch):
    """WeasyPrint's path (`lkjip.ekspor_cetak._susun_pdf`) takes the chapter and the layout
    `pilih_varian` passes for a setting tried and lays the whole out again: with chapter 1
    near-empty in the first layout only, the first setting of VARIAN is kept."""
    from lkjip import ekspor_cetak

    class Dok:
        def __init__(self, html):
            self.html = html

        def write_pdf(self):
            return self.html.encode()

    monkeypatch.setattr(ekspor_cetak, "halaman_tipis",
                        lambda doc: [] if "lk-bab lk-" in doc.html else [(2, "1")])
    html = '<div class="lk-bab" data-bab="1"><h1>BAB I</h1></div>'
    assert ekspor_cetak._susun_pdf(html, Dok) == html.replace(
        'class="lk-bab"', f'class="lk-bab {VARIAN[0]}"').encode()


def test_setelan_yang_sama_tidak_ditata_ulang():
    """A setting that leaves fewer near-empty pages but not none is kept, and the next
    classes are then not put into that chapter (its ``class`` is no longer the plain one):
    the same document, laid out once, not once per class left. By hand: chapter 1 has two
    near-empty pages, one with VARIAN[0]; three settings, so the plain one and VARIAN[0]
    laid out, and VARIAN[0] kept."""
    dicetak = []

    def cetak_tipis(h, *_):
        dicetak.append(h)
        return "tata", [(3, "1")] if "lk-bab lk-" in h else [(2, "1"), (3, "1")]

    html = '<div class="lk-bab" data-bab="1"><h1>BAB I</h1></div>'
    kelas = html.replace('class="lk-bab"', f'class="lk-bab {VARIAN[0]}"')
    assert cetak_peramban.pilih_varian(html, cetak_tipis, VARIAN) == (kelas, "tata", [(3, "1")])
    assert dicetak == [html, kelas]


def test_bab_tidak_di_halamannya_dicetak_utuh(monkeypatch):
    """A print from the chapter on that does not put the chapter's first page where the
    whole puts it (here one empty page too few) is not used: the setting is printed whole,
    as before, and the PDF is byte for byte the one of the report printed whole with that
    setting given beforehand."""
    mesin = peramban.peramban()
    html = _cari_tipis(mesin)
    asli = cetak_peramban._html_ekor
    monkeypatch.setattr(cetak_peramban, "_html_ekor",
                        lambda h, i, awal, s: asli(h, i, awal - 1, s))
    dicetak: list[str] = []
    pdf = cetak_peramban.susun(html, lambda t: dicetak.append(t) or mesin.cetak(t), VARIAN)
    dicoba = [d for d in dicetak if 'class="lk-bab lk-' in d]
    # each setting tried: the print from the chapter on, then the whole
    assert len(dicoba) % 2 == 0 and all('<h1 id="bab-1">' in d for d in dicoba[1::2])
    kelas = next(v for v in VARIAN if f'class="lk-bab {v}" data-bab="2"' in dicoba[-1])
    monkeypatch.undo()
    harapan = cetak_peramban.susun(
        html.replace('class="lk-bab" data-bab="2"', f'class="lk-bab {kelas}" data-bab="2"'),
        mesin.cetak, VARIAN)
    assert pdf == harapan
