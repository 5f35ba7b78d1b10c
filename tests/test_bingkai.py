"""Results as data (lkjip.bingkai): short reprs, compact HTML, DataFrames of the result.

Expected values are computed by hand from the seed (/work/shared/seeds/000_7dc05856800abd87.txt)
and the example's inputs (4 significant decimals carried, rounded half-up at the end):
- IKM: semester 1 82,61 and semester 2 82,94 (seed, the IKM paragraph; unrounded 82,6…/82,9…),
  the year's IKM their mean ≈ 82,776 → 82,78; target 82; capaian 82,776 / 82 × 100 = 100,948
  → 100,95 (from the printed 82,78: 100,951 → 100,95 too). Mutu B (76,61 ≤ 82,78 < 88,31).
- Cakupan layanan: the composite (54,074 + 80 + 100 + 100 + 100) / 5 = 86,815 → 86,81; target
  94,69; capaian 86,815 / 94,69 × 100 = 91,683 → 91,68 (Tinggi: 88,76 ≤ 91,68 < 93,51).
- Sasaran S1: (100,948 + 91,683) / 2 = 96,316 → 96,32 (Sangat Tinggi).
- Anggaran: Tabel 2.5 JUMLAH pagu murni 2.544.412.750, perubahan 2.522.467.250; realisasi
  2.469.406.335 (Tabel 3.6); penyerapan 2.469.406.335 / 2.522.467.250 × 100 = 97,896 → 97,90.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lkjip import config
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import muat


@pytest.fixture(scope="module")
def data():
    return muat("bantarbolang", 2023, config.contoh())


@pytest.fixture(scope="module")
def hasil(data):
    return hitung(data)


def test_reprs_are_short(data, hasil):
    figur = hasil.indikator["IKU-01"].capaian
    for obj in (data, hasil, figur, hasil.indikator["IKU-02"], hasil.sasaran["S1"]):
        assert len(repr(obj)) < 2000, type(obj)
    for obj in (data, hasil, figur):
        assert len(obj._repr_html_()) < 2000, type(obj)
    assert repr(figur) == "<Angka capaian IKU-01: 100,95 = 82,78 / 82,00 × 100>"
    assert "capaian kinerja 96,32\xa0% (Sangat Tinggi)" in repr(hasil)
    assert "Kecamatan Bantarbolang, Kabupaten Pemalang" in repr(data)


def test_html_of_a_figure_with_many_inputs_stays_short(hasil):
    # the year's IKM: 9 NRR inputs, each from 277 answers
    ikm = hasil.ikm_tahun.angka
    assert len(ikm.masukan) == 9
    html = ikm._repr_html_()
    assert len(html) < 2000 and "… dan 5 masukan lainnya" in html


def test_frame_indikator_dtypes_and_values(hasil):
    df = hasil.to_frame("indikator")
    assert df.index.name == "kode" and list(df.index) == ["IKU-01", "IKU-02", "IKU-03", "IKU-04"]
    for kolom in ("target", "realisasi", "capaian", "target_akhir", "progres"):
        assert df[kolom].dtype == "float64", kolom
    assert isinstance(df["kategori"].dtype, pd.CategoricalDtype) and df["kategori"].cat.ordered
    assert df.loc["IKU-01", ["target", "realisasi", "capaian"]].tolist() == [82.0, 82.78, 100.95]
    assert df.loc["IKU-02", ["target", "realisasi", "capaian"]].tolist() == [94.69, 86.81, 91.68]
    assert df.loc["IKU-01", "kategori"] == "Sangat Tinggi"
    assert df.loc["IKU-02", "kategori"] == "Tinggi"
    terukur = df.dropna(subset=["kategori"]).sort_values("kategori")  # ordered, lowest first
    assert terukur.index.tolist() == ["IKU-02", "IKU-01"]
    # IKU-03/04 have no target or realisasi in 2023: missing, not 0
    assert math.isnan(df.loc["IKU-03", "capaian"]) and pd.isna(df.loc["IKU-03", "kategori"])


def test_frame_sasaran_and_budget(hasil):
    df = hasil.to_frame("sasaran")
    s1 = df.loc["S1"]
    assert s1["capaian"] == 96.32 and s1["kategori"] == "Sangat Tinggi"
    assert df["pagu"].dtype == "Int64" and s1["pagu"] == 2522467250
    assert s1["realisasi_anggaran"] == 2469406335
    assert s1["penyerapan"] == 97.90 and s1["indikator"] == "IKU-01, IKU-02"
    ang = hasil.to_frame("anggaran")
    program = ang[ang["tingkat"] == "program"]
    assert program["pagu_perubahan"].sum() == 2522467250  # Tabel 2.5 JUMLAH
    assert program["pagu_murni"].sum() == 2544412750
    assert ang.loc["1", "selisih"] == 2460636770 - 2507704270


def test_frame_ikm(hasil):
    df = hasil.to_frame("ikm")
    assert list(df.index) == ["S1", "S2", "tahun"]
    assert df["ikm"].tolist() == [82.61, 82.94, 82.78]
    assert df.loc["tahun", "mutu"] == "B" and df["responden"].tolist() == [135, 142, 277]
    assert df["nrr_persyaratan"].dtype == "float64"


def test_frame_pegawai_sums_to_the_people(data, hasil):
    df = hasil.to_frame("pegawai")
    assert df.index.name == "jabatan" and "Jumlah" not in df.index
    assert int(df["jumlah"].sum()) == len(data.pegawai)
    pendidikan = df.filter(like="pendidikan_").sum(axis=1)
    assert (pendidikan == df["jumlah"]).all()


def test_unknown_bagian_names_the_valid_ones(hasil):
    with pytest.raises(LkjipError) as e:
        hasil.to_frame("capaian")
    assert "pilih salah satu: indikator, sasaran, anggaran, ikm, pegawai, riwayat" in str(e.value)


def test_frame_riwayat_compares_years(hasil):
    # renstra/realisasi.csv: IKU-01 78 (2020), 81,56 (2021), 80,63 (2022); 2023 computed 82,78
    # with target 82 (renstra/target.csv); IKU-02 2020 left empty, 96,32, 81,12, then 86,81
    df = hasil.to_frame("riwayat")
    assert df.index.names == ["kode", "tahun"]
    assert df.loc["IKU-01", "realisasi"].to_dict() == {2020: 78.0, 2021: 81.56, 2022: 80.63,
                                                       2023: 82.78}
    assert df.loc[("IKU-01", 2023), "target"] == 82.0
    assert math.isnan(df.loc[("IKU-01", 2021), "target"])
    assert df.loc["IKU-02", "realisasi"].to_dict() == {2021: 96.32, 2022: 81.12, 2023: 86.81}
