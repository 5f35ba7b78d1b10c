"""Tests for lkjip.anggaran, on the seed's Tabel 2.5 and Tabel 3.6."""

import math
from decimal import Decimal

import pandas as pd
import pytest

from lkjip.anggaran import (
    ATURAN_PAGU_NOL,
    efisiensi,
    jumlah_pohon,
    penyerapan,
    penyerapan_angka,
    perubahan,
    total_pohon,
)

N = None
# Tabel 2.5 of the seed, kegiatan rows as printed; program rows carry no pagu (computed).
TABEL_2_5 = [
    ("1", N, N, N),
    ("1.1", "1", 6_212_970, 6_212_970),
    ("1.2", "1", 1_970_146_000, 1_943_200_500),
    ("1.3", "1", 879_000, 879_000),
    ("1.4", "1", 750_000, 750_000),
    ("1.5", "1", 122_480_300, 127_030_300),
    ("1.6", "1", 16_521_000, 58_661_000),
    ("1.7", "1", 309_268_000, 242_456_000),
    ("1.8", "1", 81_447_000, 81_447_000),
    ("2", N, N, N),
    ("2.1", "2", 445_000, 445_000),
    ("2.2", "2", 1_135_000, 1_135_000),
    ("2.3", "2", 467_500, 467_500),
    ("3", N, N, N),
    ("3.1", "3", 15_050_000, 15_050_000),
    ("3.2", "3", 905_000, 905_000),
    ("4", N, N, N),
    ("4.1", "4", 740_000, 740_000),
    ("4.2", "4", 890_000, 890_000),
    ("5", N, N, N),
    ("5.1", "5", 14_315_000, 39_437_000),
    ("6", N, N, N),
    ("6.1", "6", 2_760_980, 2_760_980),
]


def _anggaran(baris=TABEL_2_5) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=["kode", "kode_induk", "pagu_murni", "pagu_perubahan"])


def test_program_i_seed():
    murni = jumlah_pohon(_anggaran(), "pagu_murni")
    ubah = jumlah_pohon(_anggaran(), "pagu_perubahan")
    # 6.212.970 + 1.970.146.000 + 879.000 + 750.000 + 122.480.300 + 16.521.000
    #   + 309.268.000 + 81.447.000 = 2.507.704.270
    assert murni["1"] == 2_507_704_270
    # 6.212.970 + 1.943.200.500 + 879.000 + 750.000 + 127.030.300 + 58.661.000
    #   + 242.456.000 + 81.447.000 = 2.460.636.770
    assert ubah["1"] == 2_460_636_770
    # 2.460.636.770 − 2.507.704.270 = −47.067.500, printed (47.067.500)
    assert perubahan(murni["1"], ubah["1"]) == -47_067_500
    assert type(murni["1"]) is int


@pytest.mark.parametrize(
    ("kode", "murni", "ubah"),
    [
        ("2", 2_047_500, 2_047_500),  # 445.000 + 1.135.000 + 467.500
        ("3", 15_955_000, 15_955_000),  # 15.050.000 + 905.000
        ("4", 1_630_000, 1_630_000),  # 740.000 + 890.000
        ("5", 14_315_000, 39_437_000),
        ("6", 2_760_980, 2_760_980),
        ("1.2", 1_970_146_000, 1_943_200_500),  # a leaf keeps its own value
    ],
)
def test_program_lain_seed(kode, murni, ubah):
    assert jumlah_pohon(_anggaran(), "pagu_murni")[kode] == murni
    assert jumlah_pohon(_anggaran(), "pagu_perubahan")[kode] == ubah


def test_total_seed():
    # murni: 2.507.704.270 + 2.047.500 + 15.955.000 + 1.630.000 + 14.315.000 + 2.760.980
    #   = 2.544.412.750 (the seed's JUMLAH and Bab II text)
    murni = total_pohon(_anggaran(), "pagu_murni")
    # perubahan: 2.460.636.770 + 2.047.500 + 15.955.000 + 1.630.000 + 39.437.000 + 2.760.980
    #   = 2.522.467.250
    ubah = total_pohon(_anggaran(), "pagu_perubahan")
    assert (murni, ubah) == (2_544_412_750, 2_522_467_250)
    assert perubahan(murni, ubah) == -21_945_500  # printed (21.945.500)


@pytest.mark.parametrize(
    ("murni", "ubah", "selisih"),
    [
        (1_970_146_000, 1_943_200_500, -26_945_500),
        (122_480_300, 127_030_300, 4_550_000),
        (16_521_000, 58_661_000, 42_140_000),
        (309_268_000, 242_456_000, -66_812_000),
        (14_315_000, 39_437_000, 25_122_000),
        (6_212_970, 6_212_970, 0),
        ("2.544.412.750", "2.522.467.250", -21_945_500),  # typed text
        ("0,10", "0,30", Decimal("0.20")),  # sen stay exact
    ],
)
def test_perubahan(murni, ubah, selisih):
    assert perubahan(murni, ubah) == selisih


def test_perubahan_kosong():
    with pytest.raises(ValueError, match="harus terisi"):
        perubahan(None, 5)


def test_nilai_induk_tercetak_diabaikan_dan_daun_kosong_nol():
    baris = [
        ("1", N, 999, 999),  # a printed (wrong) total on the program is not used
        ("1.1", "1", 100, 100),
        ("1.2", "1", N, 50),  # added in the perubahan: no pagu murni
        ("1.2.1", "1.2", N, 50),
    ]
    df = _anggaran(baris)
    assert jumlah_pohon(df, "pagu_murni").tolist() == [100, 100, 0, 0]
    assert jumlah_pohon(df, "pagu_perubahan").tolist() == [150, 100, 50, 50]


def test_jumlah_rupiah_tepat():
    # 0,1 + 0,2 is 0,30000000000000004 in float; Decimal keeps 0,3
    df = _anggaran([("1", N, N, N), ("1.1", "1", 0.1, 0), ("1.2", "1", 0.2, 0)])
    assert jumlah_pohon(df, "pagu_murni")["1"] == Decimal("0.3")


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        ([("1", "2", 1, 1), ("2", "1", 1, 1)], "berputar"),
        ([("1", "9", 1, 1)], "kode_induk"),
        ([("1", N, 1, 1), ("1", N, 1, 1)], "tidak unik"),
    ],
)
def test_pohon_tidak_sah(baris, pesan):
    with pytest.raises(ValueError, match=pesan):
        jumlah_pohon(_anggaran(baris), "pagu_murni")


@pytest.mark.parametrize(
    ("realisasi", "pagu", "diharapkan"),
    [
        # Tabel 3.6: 2.469.406.335 / 2.522.467.250 = 0,978964… → 97,90 (Bab IV prints 92,90)
        (2_469_406_335, 2_522_467_250, 97.90),
        ("2.469.406.335", "Rp 2.522.467.250", 97.90),
        (110, 100, 110.0),  # over-spending shows above 100
        (1, 3, 33.33),
        (2, 3, 66.67),  # 66,666…
        (0, 100, 0.0),
        (1, 8, 12.5),
    ],
)
def test_penyerapan(realisasi, pagu, diharapkan):
    assert penyerapan(realisasi, pagu) == diharapkan


def test_penyerapan_pagu_nol():
    assert math.isnan(penyerapan(0, 0))
    assert penyerapan_angka(0, 0).aturan == ATURAN_PAGU_NOL
    with pytest.raises(ValueError, match="pagu 0"):
        penyerapan(5, 0)
    with pytest.raises(ValueError, match="pagu -1"):
        penyerapan(1, -1)


def test_penyerapan_uraian():
    a = penyerapan_angka(2_469_406_335, 2_522_467_250)
    assert a.uraian() == "97,90 = 2.469.406.335 / 2.522.467.250 × 100"


@pytest.mark.parametrize(
    ("capaian", "serapan", "diharapkan"),
    [
        (101.15, 97.90, 3.25),  # 101,15 − 97,90
        (87.87, 97.90, -10.03),  # 87,87 − 97,90: less output than money spent
        (100, 100, 0.0),
    ],
)
def test_efisiensi(capaian, serapan, diharapkan):
    assert efisiensi(capaian, serapan) == diharapkan


def test_efisiensi_tanpa_data():
    assert math.isnan(efisiensi(None, 97.9))


def test_angka_anggaran_dari_pohon_yang_dibuat_sekali(tmp_path, monkeypatch):
    # mini DPA: program 1 = kegiatan 1.1 + 1.2; murni 900.000 + 400.000 = 1.300.000,
    # perubahan 600.000 + 400.000 = 1.000.000, selisih 1.000.000 − 1.300.000 = −300.000
    from lkjip import anggaran
    from lkjip.hitung import angka_anggaran, hitung
    from lkjip.muat import muat
    from tests.mini import tulis_mini

    hasil = hitung(muat("contoh", 2023, tulis_mini(tmp_path)))

    def jangan(*_):  # the tables ask one kode at a time: the tree is not summed again
        raise AssertionError("pohon dijumlah lagi")

    monkeypatch.setattr(anggaran, "pohon_angka", jangan)
    a = {(k, kol): angka_anggaran(hasil, k, kol) for k in ("1", "1.1", "total")
         for kol in ("pagu_murni", "pagu_perubahan", "selisih")}
    assert [a[("1", k)].nilai for k in ("pagu_murni", "pagu_perubahan", "selisih")] == \
        [1_300_000, 1_000_000, -300_000]
    assert a[("1.1", "selisih")].nilai == -300_000 and a[("total", "pagu_murni")].nilai == 1_300_000
    assert a[("1", "pagu_murni")].uraian() == "1.300.000 = 900.000 + 400.000"
    monkeypatch.undo()  # the same figures, provenance included, as summing the tree each time
    berkas = hasil.data.berkas.get("anggaran", "anggaran.csv")
    for (k, kol), angka in a.items():
        assert angka == anggaran.angka_kode(hasil.data.anggaran, k, kol, berkas)
