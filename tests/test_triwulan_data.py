"""The quarterly files of the data model: they load typed, empty stays distinct from 0, the
README examples load as written, and each cross-file mistake is a load error naming its place."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lkjip.galat import LkjipError
from lkjip.muat import muat
from tests.mini_tw import REALISASI_ANGGARAN_TW, REALISASI_PK_TW, tulis_mini_tw

README = Path(__file__).resolve().parents[1] / "data" / "README.md"
JUDUL = {
    "realisasi_pk_tw.csv": "kode_pejabat,no,akumulasi_tw,arah,metode,tw1,tw2,tw3,tw4\n",
    "realisasi_anggaran_tw.csv": "kode_pejabat,no,tw1,tw2,tw3,tw4\n",
    "penjelasan_tw.csv": "kode_pejabat,no,triwulan,penjelasan,tindak_lanjut\n",
    "ambang_tw.csv": "jenis,status,batas_bawah\n",
}


def _masalah(tmp_path, ganti) -> list:
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti))
    return e.value.masalah


def test_files_are_optional_and_load_typed(tmp_path):
    kosong = muat("contoh", 2023, tulis_mini_tw(tmp_path / "a", ganti={
        f"2023/{n}": None for n in JUDUL}))
    assert all(len(getattr(kosong, n.removesuffix(".csv"))) == 0 for n in JUDUL)
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path / "b"))
    r = data.realisasi_pk_tw
    assert r["_baris"].tolist() == list(range(2, 10))
    assert data.realisasi_anggaran_tw["tw3"].tolist() == [420_000, 150_000]
    assert data.berkas["realisasi_pk_tw"] == "contoh/2023/realisasi_pk_tw.csv"


def test_empty_quarter_is_not_zero(tmp_path):
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path))
    # sekcam 2 (budget) typed TW I as 0 and TW IV empty: 0 is a number, empty is missing
    ang = data.realisasi_anggaran_tw.set_index(["kode_pejabat", "no"]).loc[("sekcam", 2)]
    assert ang["tw1"] == 0 and pd.isna(ang["tw4"])
    ind = data.realisasi_pk_tw.set_index(["kode_pejabat", "no"]).loc[("sekcam", 6)]
    assert ind["tw1_angka"] == 0.0 and ind["tw4"] is None and pd.isna(ind["tw4_angka"])


def _contoh_readme() -> dict[str, str]:
    """file name → its README example (the ```csv <file> block: header and rows)."""
    teks = README.read_text(encoding="utf-8")
    return {n: isi for n, isi in re.findall(r"^```csv (\S+)\n(.*?)^```", teks,
                                               flags=re.M | re.S) if n in JUDUL}


def test_readme_examples_load_as_written(tmp_path):
    contoh = _contoh_readme()
    assert set(contoh) == set(JUDUL)
    assert all(contoh[n].startswith(JUDUL[n]) for n in JUDUL)
    ganti = {f"2023/{n}": contoh[n] for n in JUDUL}
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti))
    r = data.realisasi_pk_tw.iloc[0]
    assert (r["kode_pejabat"], r["no"], r["akumulasi_tw"], r["tw1"], r["tw3"]) == \
        ("sekcam", 1, "jumlah", "4", None)
    assert data.realisasi_anggaran_tw.iloc[0]["tw2"] == 3_100_000
    assert data.penjelasan_tw.iloc[0]["triwulan"] == "2"
    assert data.ambang_tw["status"].tolist()[1] == "perlu perhatian"


def test_rows_must_point_to_pk_rows(tmp_path):
    masalah = _masalah(tmp_path, {
        "2023/realisasi_pk_tw.csv": REALISASI_PK_TW + "sekcam,9,jumlah,naik,,1,,,\n",
        "2023/realisasi_anggaran_tw.csv": REALISASI_ANGGARAN_TW + "kasi,1,5,,,\n",
        "2023/penjelasan_tw.csv": JUDUL["penjelasan_tw.csv"] + "camat,7,1,Tidak ada,\n"})
    tempat = {(m.berkas.rsplit("/", 1)[-1], m.baris, m.kolom, m.nilai) for m in masalah}
    assert tempat == {("realisasi_pk_tw.csv", 10, "no", "sekcam 9"),
                      ("realisasi_anggaran_tw.csv", 4, "no", "kasi 1"),
                      ("penjelasan_tw.csv", 2, "no", "camat 7")}
    assert "pk_anggaran.csv" in next(m.harapan for m in masalah if m.nilai == "kasi 1")


def test_a_row_without_renstra_code_states_how_it_accumulates(tmp_path):
    isi = REALISASI_PK_TW.replace("sekcam,1,jumlah,naik,", "sekcam,1,,,")
    masalah = _masalah(tmp_path, {"2023/realisasi_pk_tw.csv": isi})
    assert {(m.baris, m.kolom) for m in masalah} == {(4, "akumulasi_tw"), (4, "arah")}
    assert all("indikator Renstra" in m.harapan for m in masalah)


def test_a_renstra_row_repeats_nothing_or_the_same(tmp_path):
    # IKU-02 accumulates 'terakhir' in renstra/indikator.csv; the same is fine, 'jumlah' is not
    isi = REALISASI_PK_TW.replace("camat,1,,,,", "camat,1,terakhir,naik,rasio,").replace(
        "camat,2,,,,", "camat,2,jumlah,,,")
    masalah = _masalah(tmp_path, {"2023/realisasi_pk_tw.csv": isi})
    assert [(m.baris, m.kolom, m.nilai) for m in masalah] == [(3, "akumulasi_tw", "jumlah")]
    assert "'terakhir'" in masalah[0].harapan


def test_metode_fits_arah(tmp_path):
    isi = REALISASI_PK_TW.replace("sekcam,5,jumlah,turun,selisih", "sekcam,5,jumlah,turun,rasio")
    masalah = _masalah(tmp_path, {"2023/realisasi_pk_tw.csv": isi})
    assert [(m.baris, m.kolom, m.harapan) for m in masalah] == [
        (8, "metode", "selisih atau kebalikan untuk arah 'turun'")]


def test_realisasi_written_like_its_target(tmp_path):
    isi = REALISASI_PK_TW.replace("naik,,0,10/1,0,", "naik,,0,10,0,")
    isi = isi.replace("sekcam,1,jumlah,naik,,3,3,4,", "sekcam,1,jumlah,naik,,3,3/1,4,")
    masalah = _masalah(tmp_path, {"2023/realisasi_pk_tw.csv": isi})
    assert {(m.baris, m.kolom, m.nilai) for m in masalah} == {(4, "tw2", "3/1"), (9, "tw2", "10")}


@pytest.mark.parametrize("isi, tempat", [
    ("kinerja,perlu perhatian,90\nkinerja,sesuai jalur,100\nkinerja,diperkirakan tidak tercapai,\n",
     (2, "status")),
    ("kinerja,sesuai jalur,90\nkinerja,perlu perhatian,95\nkinerja,diperkirakan tidak tercapai,\n",
     (3, "batas_bawah")),
    ("kinerja,sesuai jalur,100\nkinerja,perlu perhatian,\nkinerja,diperkirakan tidak tercapai,\n",
     (3, "batas_bawah")),
    ("anggaran,sesuai jalur,95\nanggaran,perlu perhatian,85\n"
     "anggaran,diperkirakan tidak tercapai,50\n", (4, "batas_bawah")),
])
def test_thresholds_of_a_kecamatan_are_complete_and_falling(tmp_path, isi, tempat):
    masalah = _masalah(tmp_path, {"2023/ambang_tw.csv": JUDUL["ambang_tw.csv"] + isi})
    assert [(m.baris, m.kolom) for m in masalah] == [tempat]


def test_unknown_accumulation_and_quarter_are_schema_errors(tmp_path):
    masalah = _masalah(tmp_path, {
        "2023/realisasi_pk_tw.csv": REALISASI_PK_TW.replace("sekcam,4,maks", "sekcam,4,median"),
        "2023/penjelasan_tw.csv": JUDUL["penjelasan_tw.csv"] + "sekcam,1,5,Terlambat,\n"})
    assert {(m.baris, m.kolom, m.nilai) for m in masalah} == {
        (7, "akumulasi_tw", "median"), (2, "triwulan", "5")}
