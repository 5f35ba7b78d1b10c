"""One rule for printing a typed target, in the yearly edition and the quarterly report:
by the indicator's unit as the realisasi beside it (`lkjip.format.format_target`), never
rounded, an ``a/b`` target as typed; only the Lampiran reproduces the signed PK as typed.

Expected strings are written by hand from the typed rows of tests/fixtures/kecamatan/moga
(kantor4's Moga 2024) and data/bantarbolang, by the rule: a percentage, index or score with
two decimals (90 → "90,00", "83,5" → "83,50"), a count as exact as it is (10 kasus → "10").
A target typed with more places than the unit prints (83,456 on an indeks) prints them all:
capaian is computed from 83,456, so "83,46" would be another figure (84,06 / 83,46 × 100 =
100,72 too, but 83,46 is not what the Renstra says).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip import narasi
from lkjip import tabel as tb
from lkjip import tabel_analisis as ta
from lkjip import tabel_triwulan as tt
from lkjip.format import format_target
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.tabel_lampiran import tabel_pk_indikator
from lkjip.triwulan import hitung_triwulan
from tests.mini_tw import baris_tabel

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kecamatan"
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize(("typed", "satuan", "printed"), [
    ("90", "%", "90,00"),            # a whole % target beside a realisasi "92,50"
    ("83,5", "indeks", "83,50"),     # the IKM target of Moga 2024
    ("83,50", "indeks", "83,50"),    # typed with its trailing zero: the same
    (82, "indeks", "82,00"),         # Bantarbolang's IKM target (seed: "82" beside "82,94")
    ("94,69", "%", "94,69"),
    ("12,73", "skor", "12,73"),
    ("0", "indeks", "0,00"),         # a PK quarter without an IKM target
    ("83,456", "%", "83,456"),       # more places than the unit's two: all of them
    ("99,1234", "indeks", "99,1234"),
    ("10", "kasus", "10"),           # a count: as exact as it is
    ("3,50", "kasus", "3,5"),
    ("1,125", "dokumen", "1,125"),
    ("1.500", "orang", "1.500"),     # thousands
    ("10/1", "orang/kegiatan", "10/1"),  # a/b: as typed
    (None, "%", "–"),
])
def test_the_rule(typed, satuan, printed):
    assert format_target(typed, satuan) == printed


# ---------------------------------------------------------------- the yearly edition (Moga)


@pytest.fixture(scope="module")
def moga():
    data = muat("moga", 2024, FIXTURE)
    return data, hitung(data)


def _kolom(t, judul) -> list[str]:
    return list(t.df[judul])


def test_tabel_i_and_tabel_3_2_print_the_target_as_the_realisasi(moga):
    data, hasil = moga
    i = tb.tabel_ikhtisar(data, hasil)
    baris = {k: list(v) for k, v in i.df.iterrows()}
    # IKU-01 indeks "83,5" → 83,50; IKU-02 % 90 → 90,00; IKU-03 kasus 10 → 10; IKU-04 % 85
    assert [baris[k][2] for k in ("IKU-01", "IKU-02", "IKU-03", "IKU-04")] == \
        ["83,50", "90,00", "10", "85,00"]
    c = tb.tabel_capaian(data, hasil)
    target = [c.df.loc[k, ("Tahun 2024", "Target")] for k in ("IKU-01", "IKU-02", "IKU-03")]
    assert target == ["83,50", "90,00", "10"]
    # target akhir Renstra (indikator.csv): 85, 95, 8 → by unit
    akhir = [c.df.loc[k, ("Target Akhir Renstra (2026)", "")] for k in ("IKU-01", "IKU-02",
                                                                        "IKU-03")]
    assert akhir == ["85,00", "95,00", "8"]


def test_tabel_2_1_and_2_4(moga):
    data, hasil = moga
    t21 = tb.tabel_tujuan_sasaran(data, hasil)
    assert list(t21.df["Target Akhir Renstra (2026)"]) == ["85,00", "95,00", "8", "90,00"]
    t24 = tb.tabel_pk(data, hasil)
    # camat 1: "83,50", TW I–IV empty/83,50/empty/83,50; camat 3 (kasus): 10; 3, 3, 2, 2
    assert list(t24.df.iloc[0, 4:]) == ["83,50", "–", "83,50", "–", "83,50"]
    assert list(t24.df.iloc[1, 4:]) == ["90,00"] * 5
    assert list(t24.df.iloc[2, 4:]) == ["10", "3", "3", "2", "2"]


def test_tabel_3_3_and_the_comparison_table(moga):
    data, hasil = moga
    t = tb.tabel_sasaran(data, hasil, "S1")
    assert t.df.loc["IKU-01", ("Tahun 2024", "Target")] == "83,50"
    assert t.df.loc["IKU-02", ("Renstra", "Target Akhir 2026")] == "95,00"
    p = ta.tabel_perbandingan(data, hasil, "IKU-01", "3.4")
    teks = [list(r) for _, r in p.df.iterrows()]
    assert ["Target 2024", "83,50"] in [r[:2] for r in teks]
    assert ["Target akhir Renstra 2026", "85,00"] in [r[:2] for r in teks]


def test_the_sentence_says_the_target_as_the_table(moga):
    data, hasil = moga
    assert "menargetkan indeks 83,50 untuk indikator" in narasi.kalimat_capaian(
        data, hasil, "IKU-01")
    assert "menargetkan 90,00\xa0% untuk" in narasi.kalimat_capaian(data, hasil, "IKU-02")


def test_the_lampiran_reproduces_the_signed_pk_as_typed(moga):
    data, _ = moga
    t = tabel_pk_indikator(data, "camat", "L.1")
    # pk_indikator.csv: "83,50" (trailing zero dropped as before), 90, 10, 85
    assert list(t.df["Target"]) == ["83,5", "90", "10", "85"]


# ---------------------------------------------------------------- the quarterly report (Moga)




def test_the_quarterly_report_prints_the_same_targets(moga):
    data, _ = moga
    h = hitung_triwulan(data, 2)
    camat = {b[0]: b for b in baris_tabel(tt.tabel_indikator_pejabat(h, "camat", "3.1"))}
    # Target, Target s.d. TW II: IKU-01 83,50 / 83,50 (terakhir); IKU-02 90,00 / 90,00;
    # IKU-03 (kasus, jumlah) 10 / 3 + 3 = 6
    assert camat["1."][3:5] == ["83,50", "83,50"]
    assert camat["2."][3:5] == ["90,00", "90,00"]
    assert camat["3."][3:5] == ["10", "6"]


# ---------------------------------------------------------------- a target with three places


@pytest.fixture(scope="module")
def tiga_desimal(tmp_path_factory):
    """Moga with IKU-01's 2024 target typed 83,456 in target.csv and the Camat's PK (target,
    TW II, TW IV)."""
    akar = tmp_path_factory.mktemp("tiga")
    shutil.copytree(FIXTURE / "moga", akar / "moga")
    for berkas, lama, baru in (
            ("renstra/target.csv", 'IKU-01,2024,"83,5"', 'IKU-01,2024,"83,456"'),
            ("2024/pk_indikator.csv", '"83,50",,"83,50",,"83,50"',
             '"83,456",,"83,456",,"83,456"')):
        p = akar / "moga" / berkas
        teks = p.read_text(encoding="utf-8")
        assert lama in teks
        p.write_text(teks.replace(lama, baru), encoding="utf-8")
    data = muat("moga", 2024, akar)
    return data, hitung(data)


def test_a_target_is_never_rounded_to_another_figure(tiga_desimal):
    data, hasil = tiga_desimal
    assert tb.tabel_capaian(data, hasil).df.loc["IKU-01", ("Tahun 2024", "Target")] == "83,456"
    assert list(tb.tabel_pk(data, hasil).df.iloc[0, 4:]) == \
        ["83,456", "–", "83,456", "–", "83,456"]
    assert "menargetkan indeks 83,456 untuk" in narasi.kalimat_capaian(data, hasil, "IKU-01")
    # the hover and `lkjip jelaskan`: 84,06 (Moga's IKM 2024) / 83,456 × 100 = 100,72
    assert hasil.indikator["IKU-01"].capaian.uraian() == "100,72 = 84,06 / 83,456 × 100"
    h = hitung_triwulan(data, 2)
    camat = {b[0]: b for b in baris_tabel(tt.tabel_indikator_pejabat(h, "camat", "3.1"))}
    assert camat["1."][3:5] == ["83,456", "83,456"]   # s.d. TW II = TW II's typed 83,456


# ---------------------------------------------------------------- Bantarbolang 2023


def test_bantarbolang_tabel_2_4():
    data = muat("bantarbolang", 2023, DATA)
    t = tb.tabel_pk(data)
    # pk_indikator.csv camat 1: indeks 82; 0, 0, 82, 82 — camat 2: % "94,69"; "34,31" …
    assert list(t.df.iloc[0, 4:]) == ["82,00", "0,00", "0,00", "82,00", "82,00"]
    assert list(t.df.iloc[1, 4:]) == ["94,69", "34,31", "33,31", "15,21", "11,86"]
