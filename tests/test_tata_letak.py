"""Page layout of the edition of a synthetic kecamatan (the example's is checked in
test_notebooks): no near-empty page, front matter numbered i, ii, …, the body 1, 2, …"""

import subprocess

import pypdf
import pytest

from lkjip import laporan, sintetis
from tests.tata_letak import halaman_tipis, isi_halaman, nomor_halaman


@pytest.fixture(scope="module")
def edisi(tmp_path_factory):
    akar = tmp_path_factory.mktemp("tata_letak")
    nama = sintetis.tulis(akar / "data", jumlah=1)[0]
    return laporan.bangun(nama, 2023, data_dir=akar / "data", out_dir=akar / "keluar").pdf


JUDUL = "LKjIP Kecamatan Sintetis 0001 Tahun 2023"


def test_no_page_is_near_empty(edisi):
    assert halaman_tipis(edisi, JUDUL) == []


def test_front_matter_roman_body_arabic_with_running_header(edisi):
    halaman = pypdf.PdfReader(edisi).pages
    # poppler reads Chromium's kerned text whole (pypdf before 7 splits "PENDAHUL UAN")
    teks = subprocess.run(["pdftotext", "-layout", str(edisi), "-"], check=True,
                          capture_output=True, text=True).stdout.split("\f")[:len(halaman)]
    nomor = [nomor_halaman(p) for p in halaman]
    bab = next(n for n, t in enumerate(teks) if "PENDAHULUAN" in isi_halaman(t, JUDUL)[:40])
    # the cover has no number; Kata Pengantar … Daftar Grafik: i, ii, …; BAB I: 1
    assert nomor[1] == "i" and nomor[bab] == "1" and nomor[bab + 1] == "2"
    assert all(n.isalpha() and set(n) <= set("ivx") for n in nomor[1:bab])
    assert JUDUL not in teks[0] and all(JUDUL in t for t in teks[1:])


def test_list_numbers_are_the_pages_and_no_caption_left_at_a_foot(edisi):
    from bs4 import BeautifulSoup

    from tests.tata_letak import judul_tabel_terpisah, salah_nomor_daftar

    sup = BeautifulSoup(edisi.with_suffix(".html").read_text(encoding="utf-8"), "html.parser")
    judul = [" ".join(a.get_text().split()) for nav in sup.select("nav.lk-daftar-bagian")
             for a in nav.select("a")]
    teks = subprocess.run(["pdftotext", "-layout", str(edisi), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert len(judul) > 20 and salah_nomor_daftar(teks, judul) == []
    assert judul_tabel_terpisah(teks) == []
