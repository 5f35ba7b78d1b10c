"""The computed model on the example (the seed) and on the mini fixture.

Expected values are hand calculations from the seed's inputs, never the seed's derived
figures (which carry errors) and never the program's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip.hitung import hitung
from lkjip.muat import muat
from tests.mini import tulis_mini


@pytest.fixture(scope="module")
def contoh():
    return hitung(muat("bantarbolang", 2023, "data"))


def test_cakupan_layanan_from_components(contoh):
    # CL.1 = (4/10 + 4/4 + 2/9) × 100 / 3 = (40 + 100 + 22,222…) / 3 = 54,074…
    # CL = (54,074… + (60 + 100)/2 + 4/4 + 1/1 + 17/17 × 100) / 5 = 434,074… / 5 = 86,8148…
    assert contoh.komposit["CL.1"].bulat == Decimal("54.07")
    assert contoh.komposit["CL.2"].bulat == Decimal("80.00")
    assert contoh.komposit["CL"].bulat == Decimal("86.81")
    i = contoh.indikator["IKU-02"]
    assert i.realisasi.bulat == Decimal("86.81")
    # 86,8148… / 94,69 × 100 = 91,683… → 91,68; Tinggi on the seed's scale (88,76–93,50)
    assert i.capaian.bulat == Decimal("91.68")
    assert i.kategori == "Tinggi"
    # progress to the end target: 86,8148… / 96,47 × 100 = 89,992… → 89,99
    assert i.progres.bulat == Decimal("89.99")


def test_ikm_semesters_and_year(contoh):
    # the synthetic survey is built to give the published semester values
    assert contoh.ikm_semester["S1"].nilai == 82.61
    assert contoh.ikm_semester["S2"].nilai == 82.94
    assert contoh.ikm_semester["S1"].responden + contoh.ikm_semester["S2"].responden == 277
    # the year is the mean of the semesters (the seed's stated method): ≈ (82,61 + 82,94) / 2
    assert contoh.ikm_tahun.nilai == 82.78
    assert (contoh.ikm_tahun.mutu, contoh.ikm_tahun.kinerja) == ("B", "Baik")
    i = contoh.indikator["IKU-01"]
    # 82,7777… / 82 × 100 = 100,948… → 100,95 (the seed's 101,15 used 82,94)
    assert i.capaian.bulat == Decimal("100.95")
    assert i.kategori == "Sangat Tinggi"
    assert {t: a.bulat for t, a in i.riwayat.items()} == {
        2020: Decimal("78.00"), 2021: Decimal("81.56"), 2022: Decimal("80.63")}


def test_sasaran_and_conclusions(contoh):
    s = contoh.sasaran["S1"]
    # The survey's answer sums (column totals of the CSV): S1 4.015 from 135 respondents,
    # S2 4.240 from 142. IKM S1 = 25 × 4.015 / (9 × 135) = 82,6132…; S2 = 25 × 4.240 /
    # (9 × 142) = 82,9421…; year = 82,7777…; capaian IKU-01 = 82,7777… / 82 × 100 = 100,9484…
    # capaian sasaran = (100,9484… + 91,6832…) / 2 = 96,3158… → 96,32, Sangat Tinggi
    assert s.indikator == ["IKU-01", "IKU-02"]
    assert s.capaian.bulat == Decimal("96.32")
    assert s.kategori == "Sangat Tinggi"
    # Tabel 2.2 programs sum: 2.460.636.770 + 2.047.500 + 15.955.000 + 1.630.000
    #   + 39.437.000 + 2.760.980 = 2.522.467.250; realisasi 2.469.406.335 (Tabel 3.6)
    assert s.pagu.nilai == 2_522_467_250
    assert s.realisasi_anggaran.nilai == 2_469_406_335
    # 2.469.406.335 / 2.522.467.250 × 100 = 97,896… → 97,90
    assert s.penyerapan.bulat == Decimal("97.90")
    assert contoh.kategori_anggaran == "Sangat Tinggi"


def test_budget_tree_totals(contoh):
    a = contoh.anggaran.set_index("kode")
    # Tabel 2.5 murni of program I: 6.212.970 + 1.970.146.000 + 879.000 + 750.000
    #   + 122.480.300 + 16.521.000 + 309.268.000 + 81.447.000 = 2.507.704.270
    assert a.loc["1", "pagu_murni"] == 2_507_704_270
    assert a.loc["1", "selisih"] == -47_067_500
    assert a.loc[a["tingkat"] == "program", "pagu_murni"].sum() == 2_544_412_750
    assert a.loc[a["tingkat"] == "program", "pagu_perubahan"].sum() == 2_522_467_250


def test_pk_budget_sums(contoh):
    pk = contoh.pk_anggaran.set_index("kode_pejabat")
    # Sekcam TW III: 0 + 485.545.250 + 0 + 0 + 31.598.000 + 0 + 60.614.000 + 22.263.500
    #   = 600.020.750 (the seed prints 601.020.750)
    assert pk.loc["sekcam", "tw3"] == 600_020_750
    # Camat's program table as printed (Penunjang typed 2.460.836.770): 2.522.667.250
    assert pk.loc["camat", "anggaran"] == 2_522_667_250


def test_mini_fixture_by_hand(tmp_path):
    h = hitung(muat("contoh", 2023, tulis_mini(tmp_path)))
    # IKM: (8 × 3 + 4) / 9 × 25 = 77,777… → 77,78, mutu B
    assert h.ikm_tahun.nilai == 77.78
    # cakupan: (1/2 + 3/4) × 100 / 2 = 62,5; capaian 62,5 / 80 × 100 = 78,125 → 78,13
    assert h.indikator["IKU-02"].capaian.bulat == Decimal("78.13")
    # penyerapan 950.000 / 1.000.000 = 95,00
    assert h.penyerapan.bulat == Decimal("95.00")
    assert h.anggaran.set_index("kode").loc["1", "pagu_murni"] == 1_300_000


def test_list_counts_carry_their_rows(contoh):
    pembilang, penyebut = contoh.daftar["desa"]
    assert (pembilang.nilai, penyebut.nilai) == (17, 17)
    assert pembilang.masukan[0].file == "bantarbolang/2023/desa.csv"
    assert pembilang.masukan[0].baris == 2
