"""Signature blocks, the Kata Pengantar and the PK's title, from the data (the mini kecamatan
with the optional pejabat.csv columns)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from lkjip import narasi, susun, tanda_tangan
from lkjip.muat import muat
from tests.mini import tulis_mini

PEJABAT = (
    "kode_pejabat,nama,nip,jabatan,kode_atasan,nama_atasan,jabatan_atasan,tanggal_pk,"
    "pangkat,pk_perubahan,nip_atasan,pangkat_atasan\n"
    "camat,Budi,19700101 199501 1 001,Camat Contoh,,Bupati A,Bupati Pemalang,2023-10-23,"
    "Pembina,ya,19600101 198501 1 002,\n"
    "sekcam,Sari,,Sekretaris Kecamatan,camat,,,2023-01-02,Penata,tidak,,\n"
)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    akar = tulis_mini(tmp_path_factory.mktemp("data"), ganti={"2023/pejabat.csv": PEJABAT})
    return muat("contoh", 2023, akar)


def _kolom(html: str) -> list[list[str]]:
    """The lines of each column of a signature block."""
    sup = BeautifulSoup(html, "html.parser")
    return [[p.get_text().strip() for p in td.find_all("p")] for td in sup.select("td")]


def test_blok_pk_kedua_pihak_berdampingan(data):
    kiri, kanan = _kolom(tanda_tangan.blok_pk(data, "camat").isi)
    # Pihak Kedua (the Bupati, from the *_atasan columns) left; place and date over Pihak
    # Pertama right; the signing space, the name, pangkat and NIP where given
    assert kiri == ["", "Pihak Kedua,", "Bupati Pemalang", "", "Bupati A",
                    "NIP. 19600101 198501 1 002"]
    assert kanan == ["Pemalang, 23 Oktober 2023", "Pihak Pertama,", "Camat Contoh", "",
                     "Budi", "Pembina", "NIP. 19700101 199501 1 001"]
    # the superior in pejabat.csv is read from his own row
    kiri, kanan = _kolom(tanda_tangan.blok_pk(data, "sekcam").isi)
    assert kiri[1:5] == ["Pihak Kedua,", "Camat Contoh", "", "Budi"]
    assert kanan[0] == "Pemalang, 2 Januari 2023" and kanan[-1] == "Penata"


def test_blok_tidak_terpotong_dan_bergaya_word(data):
    html = tanda_tangan.blok_pk(data, "camat").isi
    assert 'class="lk-ttd lk-ttd-pk"' in html and 'data-custom-style="Tanda Tangan"' in html
    assert "lk-ttd-ruang" in html  # the space to sign in
    css = (tanda_tangan.__file__.rsplit("/", 1)[0] + "/templates/lkjip/lkjip.css")
    aturan = open(css, encoding="utf-8").read()
    assert ".lk-ttd { break-inside: avoid;" in aturan


def test_blok_camat_kata_pengantar(data):
    (kosong, kanan) = _kolom(tanda_tangan.blok_camat(data).isi)
    assert kosong == []
    assert kanan == ["Pemalang, 31 Januari 2024", "CAMAT CONTOH", "", "Budi", "Pembina",
                     "NIP. 19700101 199501 1 001"]


def test_judul_pk_perubahan_menurut_data(data):
    assert susun.judul_pk(data, "camat") == "Perjanjian Kinerja Tahun 2023 (Perubahan)"
    assert susun.judul_pk(data, "sekcam") == "Perjanjian Kinerja Tahun 2023"


def test_kata_pengantar_suara_kantor(data):
    teks = BeautifulSoup(narasi.kata_pengantar(data).isi, "html.parser").get_text(" ")
    assert ("Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Contoh Kabupaten Pemalang "
            "Tahun 2023 disusun berdasarkan Perjanjian Kinerja (Perubahan) Tahun 2023.") in teks
    assert "kami sampaikan terima kasih" in teks
    for kata in ("dihitung dari data", "lkjip", "rumus"):  # not the software's voice
        assert kata not in teks
