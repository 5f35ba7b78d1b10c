"""Kabupaten view on three mini kecamatan (tests/mini.py): two load, one is broken.

Hand-computed (see tests/mini.py): IKM = (8×3 + 4)/9 × 25 = 77,78 for all; IKU-01 capaian =
77,777…/80 × 100 = 97,22…
- alfa (the mini as is): cakupan mean(1/2, 3/4) = 62,50 → capaian 78,125; sasaran S1 =
  (97,222… + 78,125)/2 = 87,67 (Sedang); penyerapan 950.000/1.000.000 = 95,00; efisiensi
  87,674 − 95 = −7,33.
- beta (every desa ya, realisasi 900.000, synthetic): cakupan mean(50, 100) = 75 → capaian
  93,75; S1 = (97,222… + 93,75)/2 = 95,49 (Sangat Tinggi); penyerapan 90,00; efisiensi 5,49.
- gama: pejabat.csv missing → fails to load, listed with the reason.
"""

import re
import subprocess

import pandas as pd
import pytest

from lkjip import grafik_kabupaten as gk
from lkjip import kabupaten as kb
from tests.mini import BERKAS_MINI, tulis_mini


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    akar = tmp_path_factory.mktemp("kab")
    tulis_mini(akar, "alfa")
    tulis_mini(akar, "beta", {
        "2023/desa.csv": BERKAS_MINI["2023/desa.csv"].replace("Delta,tidak", "Delta,ya"),
        "2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nsasaran,S1,900000\n",
        "2023/profil.csv": BERKAS_MINI["2023/profil.csv"].replace(",tidak\n", ",ya\n"),
    })
    tulis_mini(akar, "gama", {"2023/pejabat.csv": None})
    return akar


@pytest.fixture(scope="module")
def entri(data_dir):
    return kb.kumpulkan([data_dir], [2022, 2023])


@pytest.fixture(scope="module")
def rekap(data_dir, entri):
    return kb.rekap([data_dir], 2023, entri=entri)


def test_peringkat_dan_angka_rekap(rekap):
    hasil, _ = rekap
    assert list(hasil["kecamatan"]) == ["beta", "alfa"]
    assert list(hasil["peringkat"]) == [1, 2]
    beta, alfa = hasil.iloc[0], hasil.iloc[1]
    assert (beta["capaian"], beta["kategori"], beta["penyerapan"], beta["efisiensi"]) == (
        95.49, "Sangat Tinggi", 90.0, 5.49)
    assert (alfa["capaian"], alfa["kategori"], alfa["penyerapan"], alfa["efisiensi"]) == (
        87.67, "Sedang", 95.0, -7.33)
    assert list(hasil["ikm"]) == [77.78, 77.78] and list(hasil["mutu"]) == ["B", "B"]
    assert list(hasil["sintetis"]) == [True, False]


@pytest.mark.parametrize("pesan, baris, harapan", [
    # each problem a sentence with one full stop, joined by a space; the rest counted
    (["kosong.", "belum ada"], 3, "a.csv: kosong. a.csv: belum ada."),
    (["x.", "y?", "z.", "w."], 2, "a.csv: x. a.csv: y? Ada 2 masalah lain."),
])
def test_ringkas_galat_kalimat_tanpa_titik_ganda(pesan, baris, harapan):
    from lkjip.galat import LkjipError, Masalah

    galat = LkjipError([Masalah("a.csv", pesan=p) for p in pesan])
    assert kb.ringkas_galat(galat, baris) == harapan


def test_rekap_tanpa_entri_memuat_sendiri(data_dir, rekap):
    hasil, gagal = kb.rekap([data_dir], 2023)
    pd.testing.assert_frame_equal(hasil, rekap[0])
    pd.testing.assert_frame_equal(gagal, rekap[1])


def test_tabel_gagal_menyebut_alasan_dan_yang_lain_tetap_dibandingkan(rekap, entri):
    hasil, gagal = rekap
    assert gagal[["kecamatan", "tahun", "status"]].values.tolist() == [
        ["gama", 2023, "gagal dimuat"]]
    assert "pejabat.csv" in gagal.iloc[0]["alasan"]
    assert "berkas wajib tidak ditemukan" in gagal.iloc[0]["alasan"]
    semua = kb.gagal(entri)  # 2022 is missing everywhere
    assert semua[["kecamatan", "tahun", "status"]].values.tolist() == [
        ["alfa", 2022, "tidak ada data"], ["beta", 2022, "tidak ada data"],
        ["gama", 2022, "tidak ada data"], ["gama", 2023, "gagal dimuat"]]
    assert kb.ketersediaan(entri).loc["Gama", "2023"] == "gagal dimuat"


def test_jumlah_temuan_pemeriksaan_atau_tidak_tersedia(rekap, entri):
    hasil, _ = rekap
    assert hasil["temuan_galat"].notna().all()
    alfa = next(e for e in entri if e.kecamatan == "alfa" and e.hasil is not None)
    assert set(kb.hitung_temuan(alfa.hasil.data, alfa.hasil)) == {"galat", "peringatan", "info"}
    # a kecamatan-year without findings (not loaded) shows "tidak tersedia"
    assert kb.tabel_rekap(hasil.assign(temuan_galat=None))[("Temuan", "G")].tolist() == [
        "tidak tersedia", "tidak tersedia"]


def test_per_sasaran_ikm_unsur_dan_tren(entri):
    sasaran = kb.per_sasaran(entri, 2023)
    assert sasaran[["kecamatan", "kode_sasaran", "capaian", "kategori"]].values.tolist() == [
        ["alfa", "S1", 87.67, "Sedang"], ["beta", "S1", 95.49, "Sangat Tinggi"]]
    unsur = kb.ikm_unsur(entri, 2023)
    assert list(unsur.index) == ["Alfa", "Beta"]
    assert unsur.loc["Alfa", "Perilaku Pelaksana"] == 100 and unsur.loc["Alfa", "Persyaratan"] == 75
    tren = kb.tren(entri)
    alfa = tren[(tren["kecamatan"] == "alfa") & (tren["kode_indikator"] == "IKU-01")]
    assert alfa[["tahun", "realisasi", "sumber"]].values.tolist() == [
        [2022, 76.0, "tertulis"], [2023, 77.78, "dihitung"]]
    assert kb.nama_indikator(tren) == {"IKU-01": "Indeks kepuasan masyarakat",
                                       "IKU-02": "Cakupan layanan"}


def test_tabel_dan_kalimat_berformat_indonesia(rekap):
    hasil, gagal = rekap
    tabel = kb.tabel_rekap(hasil)
    assert tabel[("Capaian kinerja", "%")].tolist() == ["95,49\xa0%", "87,67\xa0%"]
    assert tabel[("Kecamatan", "")].tolist() == ["Beta *", "Alfa"]
    teks = kb.kalimat_ringkasan(hasil, gagal, 2023)
    assert "membandingkan 2 kecamatan" in teks and "tertinggi dicapai Kecamatan Beta" in teks
    assert "1 kecamatan tidak dapat dimuat (gama)" in teks


def test_grafik(rekap, entri):
    hasil, _ = rekap
    assert [t.get_text() for t in gk.capaian(hasil).axes[0].texts] == ["87,67", "95,49"]
    assert len(gk.ikm_unsur(kb.ikm_unsur(entri, 2023)).axes[0].texts) == 2 * 9
    assert len(gk.semua_tren(kb.tren(entri), "3", 2023)) == 2


def test_folder_kosong_atau_tidak_ada(tmp_path):
    hasil, gagal = kb.rekap([tmp_path / "tidak-ada"], 2023)
    assert hasil.empty and gagal.empty
    assert kb.kalimat_ringkasan(hasil, gagal, 2023).startswith("Tidak ada data")


def test_kecamatan_ganda_dipakai_yang_pertama(data_dir, tmp_path):
    tulis_mini(tmp_path, "alfa")
    assert kb.cari_kecamatan([data_dir, tmp_path])["alfa"] == data_dir


def test_build_kabupaten_html_pdf_sintetis(data_dir, tmp_path):
    from click.testing import CliRunner

    from lkjip.cli import main

    hasil = CliRunner().invoke(main, ["build-kabupaten", "--tahun", "2023", "--data",
                                      str(data_dir), "--out", str(tmp_path)])
    assert hasil.exit_code == 0, hasil.output
    folder = tmp_path / "kabupaten" / "2023"
    assert sorted(p.name for p in folder.iterdir()) == [
        "lkjip_kabupaten_2023.html", "lkjip_kabupaten_2023.ipynb", "lkjip_kabupaten_2023.pdf"]
    teks = subprocess.run(["pdftotext", "-layout", str(folder / "lkjip_kabupaten_2023.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    halaman = teks.split("\f")
    assert "DATA SINTETIS" in halaman[0] and "SE-KABUPATEN PEMALANG" in halaman[0]
    assert "DATA SINTETIS" in halaman[1]  # the page footer
    # the figures of test_tabel_dan_kalimat_berformat_indonesia, in the PDF, Beta first
    baris = [" ".join(b.split()) for b in teks.splitlines()]
    assert [b.split(" %")[0] for b in baris if re.match(r"[12] (Alfa|Beta)", b)] == [
        "1 Beta * 95,49", "2 Alfa 87,67"]
    assert "1 kecamatan tidak dapat dimuat (gama)" in " ".join(baris)
    assert "Gama 2023 gagal dimuat gama/2023/pejabat.csv: berkas wajib tidak ditemukan." in baris
