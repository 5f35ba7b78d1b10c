"""Tests for lkjip.ikm (Permenpan RB 14/2017)."""

from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

from lkjip.ikm import (
    KONVENSI,
    KUNCI_UNSUR,
    UNSUR,
    ikm,
    ikm_dari_nrr,
    ikm_per,
    ikm_tahunan,
    krejcie_morgan,
    kunci_unsur,
    mutu_ikm,
)

D = Decimal
# A worked example of Permenpan RB 14/2017's formula: n = 29, answer sums per unsur in the
# regulation's order (persyaratan … sarana)
JUMLAH_CONTOH = [105, 101, 100, 116, 102, 105, 106, 105, 115]


def _kolom(jumlah: int, n: int) -> list[int]:
    """n answers in 1–4 whose sum is `jumlah` (e.g. 105 over 29 = 18 fours + 11 threes)."""
    dasar, sisa = divmod(jumlah, n)
    return [dasar + 1] * sisa + [dasar] * (n - sisa)


def _contoh(n: int = 29) -> pd.DataFrame:
    df = pd.DataFrame({k: _kolom(j, n) for k, j in zip(KUNCI_UNSUR, JUMLAH_CONTOH, strict=True)})
    assert df.sum().tolist() == JUMLAH_CONTOH
    return df


def test_contoh_domain_91_48():
    # Σ sums = 955; IKM = 955 / 29 / 9 × 25 = 23 875 / 261 = 91,4751… → 91,48, mutu A
    hasil = ikm(_contoh())
    assert hasil.nilai == 91.48
    assert hasil.mutu == "A"
    assert hasil.kinerja == "Sangat Baik"
    assert hasil.responden == 29
    assert abs(Fraction(hasil.angka.nilai) - Fraction(23875, 261)) < Fraction(1, 10**20)


def test_nrr_dan_nilai_unsur_tidak_dibulatkan():
    hasil = ikm(_contoh())
    assert hasil.nrr.index.tolist() == list(KUNCI_UNSUR)
    assert hasil.nrr["persyaratan"] == pytest.approx(105 / 29)  # 3,6206…
    assert hasil.nrr["biaya"] == 4.0  # 116 / 29
    assert hasil.nilai_unsur["persyaratan"] == pytest.approx(105 / 29 * 25)  # 90,517…
    # 115 / 29 = 3,965517…, unrounded
    assert abs(Fraction(hasil.nrr_decimal["sarana"]) - Fraction(115, 29)) < Fraction(1, 10**20)


def test_urutan_kolom_dan_nama_lengkap_tidak_berpengaruh():
    df = _contoh()
    df = df.rename(columns={u.kunci: u.nama for u in UNSUR})
    df = df[list(reversed(df.columns))]  # sarana before pengaduan, etc.
    df["periode"] = "S1"
    df["layanan"] = "KTP"
    assert ikm(df).nilai == 91.48


def test_kolom_diabaikan():
    df = _contoh()
    df["jenis_kelamin"] = "L"
    with pytest.raises(ValueError, match="jenis_kelamin"):
        ikm(df)
    assert ikm(df, abaikan=["jenis_kelamin"]).nilai == 91.48


@pytest.mark.parametrize("salah", [5, 0, 2.5, "abc", None, "3,5"])
def test_jawaban_harus_bulat_1_sampai_4(salah):
    df = _contoh().astype(object)
    df.loc[3, "waktu"] = salah
    with pytest.raises(ValueError, match="'waktu'.*1–4"):
        ikm(df)


def test_jawaban_teks_angka_diterima():
    df = _contoh().astype(str)  # "4", "3" as read from CSV
    assert ikm(df).nilai == 91.48


def test_baris_disebut_bila_ada():
    df = _contoh()
    df["_baris"] = range(2, 31)
    df.loc[0, "biaya"] = 7
    with pytest.raises(ValueError, match="baris 2"):
        ikm(df)


def test_unsur_kurang():
    with pytest.raises(ValueError, match="tidak lengkap.*sarana"):
        ikm(_contoh().drop(columns=["sarana"]))


def test_unsur_ganda():
    df = _contoh()
    df["Waktu Penyelesaian"] = df["waktu"]
    with pytest.raises(ValueError, match="dua kolom"):
        ikm(df)


def test_tanpa_responden():
    with pytest.raises(ValueError, match="responden"):
        ikm(_contoh().iloc[0:0])


@pytest.mark.parametrize(
    ("nama", "kunci"),
    [
        ("Persyaratan", "persyaratan"),
        ("SISTEM, MEKANISME, DAN PROSEDUR", "prosedur"),
        ("Sistem Mekanisme dan Prosedur", "prosedur"),
        ("waktu penyelesaian", "waktu"),
        ("Biaya / Tarif", "biaya"),
        (" biaya ", "biaya"),
        ("Produk Spesifikasi Jenis Pelayanan", "produk"),
        ("kompetensi_pelaksana", "kompetensi"),
        ("Perilaku Pelaksana", "perilaku"),
        ("Penanganan Pengaduan, Saran dan Masukan", "pengaduan"),
        ("Sarana dan Prasarana", "sarana"),
        ("sarana_prasarana", "sarana"),
        ("layanan", None),
        ("kecepatan", None),
    ],
)
def test_kunci_unsur(nama, kunci):
    assert kunci_unsur(nama) == kunci


def test_unsur_berurutan_sembilan():
    assert len(UNSUR) == 9
    assert KUNCI_UNSUR[7] == "pengaduan" and KUNCI_UNSUR[8] == "sarana"


@pytest.mark.parametrize(
    ("nilai", "mutu", "kinerja"),
    [
        (100, "A", "Sangat Baik"),
        (88.31, "A", "Sangat Baik"),
        (88.305, "A", "Sangat Baik"),  # rounds to 88,31
        (88.30, "B", "Baik"),
        (76.61, "B", "Baik"),
        (76.60, "C", "Kurang Baik"),
        (65.00, "C", "Kurang Baik"),
        (64.99, "D", "Tidak Baik"),
        (25, "D", "Tidak Baik"),
    ],
)
def test_mutu(nilai, mutu, kinerja):
    assert mutu_ikm(nilai) == (mutu, kinerja)


@pytest.mark.parametrize("nilai", [24.99, 100.01, None])
def test_mutu_di_luar_rentang(nilai):
    with pytest.raises(ValueError):
        mutu_ikm(nilai)


def test_ikm_dari_nrr():
    # Σ NRR = 29,7396; 29,7396 / 9 × 25 = 82,61 exactly
    hasil = ikm_dari_nrr({u.nama: 3.3044 for u in UNSUR}, responden=140)
    assert hasil.nilai == 82.61
    assert hasil.mutu == "B"
    assert hasil.responden == 140


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [({"persyaratan": 4.5}, "antara 1 dan 4"), ({"kecepatan": 3}, "bukan unsur")],
)
def test_ikm_dari_nrr_tidak_sah(ubah, pesan):
    with pytest.raises(ValueError, match=pesan):
        ikm_dari_nrr({k: 3 for k in KUNCI_UNSUR} | ubah)


def test_ikm_dari_nrr_kurang():
    with pytest.raises(ValueError, match="tidak lengkap"):
        ikm_dari_nrr({k: 3 for k in KUNCI_UNSUR[:8]})


def _semester():
    # S1: all NRR 3,3044 → 82,61; S2: all NRR 3,3176 → 3,3176 × 9 / 9 × 25 = 82,94 (the seed)
    s1 = ikm_dari_nrr({k: 3.3044 for k in KUNCI_UNSUR}, responden=140)
    s2 = ikm_dari_nrr({k: 3.3176 for k in KUNCI_UNSUR}, responden=137)
    return {"S1": s1, "S2": s2}


def test_ikm_tahunan_rerata_semester_seed():
    # (82,61 + 82,94) / 2 = 82,775 → 82,78 (the seed prints 82,94, the S2 value)
    hasil = ikm_tahunan(_semester())
    assert hasil.nilai == 82.78
    assert hasil.responden == 277  # 140 + 137, the seed's 277 respondents


def test_ikm_tahunan_gabungan():
    # NRR = (3,3044 × 140 + 3,3176 × 137) / 277 = (462,616 + 454,5112) / 277 = 917,1272 / 277
    #     = 3,310928…; × 25 = 82,7732… → 82,77
    hasil = ikm_tahunan(_semester(), metode="gabungan")
    assert hasil.nilai == 82.77


def test_ikm_tahunan_gabungan_perlu_responden():
    tanpa = ikm_dari_nrr({k: 3 for k in KUNCI_UNSUR})
    with pytest.raises(ValueError, match="responden"):
        ikm_tahunan([tanpa, tanpa], metode="gabungan")
    assert ikm_tahunan([tanpa, tanpa]).nilai == 75.0  # 3 × 25
    assert ikm_tahunan([tanpa]).responden is None


def test_ikm_tahunan_metode_tidak_dikenal():
    with pytest.raises(ValueError, match="rerata_semester"):
        ikm_tahunan(_semester(), metode="median")


def test_ikm_tahunan_gabungan_sama_dengan_semua_responden():
    # pooled NRR of raw answers = one IKM of all respondents
    df = _contoh()
    df["periode"] = ["S1"] * 10 + ["S2"] * 19
    per = ikm_per(df, "periode")
    assert list(per) == ["S1", "S2"]
    assert per["S1"].responden == 10 and per["S2"].responden == 19
    assert ikm_tahunan(per, "gabungan").nilai == 91.48


def test_ikm_per_kolom_tidak_ada():
    with pytest.raises(ValueError, match="layanan"):
        ikm_per(_contoh(), "layanan")


def test_uraian_ikm():
    uraian = ikm(_contoh()).angka.uraian()
    # NRR shown with 3 decimals: 105 / 29 = 3,6206… → 3,621
    assert uraian.startswith("91,48 = (3,621 + ")
    assert uraian.endswith(") / 9 × 25")


def test_konvensi_menyebut_bobot():
    assert "1/9" in KONVENSI and "25" in KONVENSI


@pytest.mark.parametrize(
    ("populasi", "sampel"),
    [
        # Krejcie & Morgan (1970) table; s = 3,841·N·0,25 / (0,0025·(N−1) + 0,96025)
        (10, 10),  # 9,6025 / 0,98275 = 9,77
        (20, 19),  # 19,205 / 1,00775 = 19,06
        (50, 44),  # 48,0125 / 1,08275 = 44,34
        (100, 80),  # 96,025 / 1,20775 = 79,51
        (200, 132),  # 192,05 / 1,45775 = 131,74
        (300, 169),  # 288,075 / 1,70775 = 168,69
        (500, 217),  # 480,125 / 2,20775 = 217,47 (the table rounds to nearest, not up)
        (1000, 278),  # 960,25 / 3,45775 = 277,71
        (10000, 370),  # 9 602,5 / 25,95775 = 369,93
        (1000000, 384),  # 960 250 / 2 500,95775 = 383,95
    ],
)
def test_krejcie_morgan(populasi, sampel):
    assert krejcie_morgan(populasi) == sampel


@pytest.mark.parametrize("populasi", [0, -5, 1.5, True])
def test_krejcie_morgan_tidak_sah(populasi):
    with pytest.raises(ValueError, match="populasi"):
        krejcie_morgan(populasi)
