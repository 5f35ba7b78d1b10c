"""A third office enters its data from data/README.md alone (issue 13): Kecamatan Comal 2024,
made up (tests/fixtures/kecamatan/comal), started with `lkjip baru` and filled by hand. Unlike
Ulujami it uses what the README offers besides: the IKM as NRR aggregates (`ikm_nrr.csv`) with
`gabungan`, `;` files with Indonesian Rupiah, SIPD-style sub kegiatan, a realisasi given per
kegiatan for one program and per program for the other, a lower-is-better count typed per
quarter (`jumlah`) with `kebalikan`, an `ikm` node in the composite. Every figure is computed by
hand below; the variants are the questions the exercise raised (now answered in the README)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip.cli import main
from lkjip.folder import belum_diisi
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.periksa import periksa

DATA = Path(__file__).resolve().parent / "fixtures" / "kecamatan"


@pytest.fixture(scope="module")
def hasil():
    return hitung(muat("comal", 2024, DATA))


@pytest.fixture
def salinan(tmp_path):
    shutil.copytree(DATA / "comal", tmp_path / "comal")
    return tmp_path


def _b(a) -> float | None:
    return None if a is None or a.nilai is None else float(a.bulat)


def _ganti(folder: Path, nama: str, lama: str, baru: str) -> None:
    jalur = folder / "comal" / nama
    teks = jalur.read_text(encoding="utf-8")
    assert lama in teks, lama
    jalur.write_text(teks.replace(lama, baru), encoding="utf-8")


def test_check_finds_nothing_wrong():
    keluar = CliRunner().invoke(main, ["check", "--kecamatan", "comal", "--tahun", "2024",
                                       "--data", str(DATA)])
    assert keluar.exit_code == 0, keluar.output
    assert "tidak menemukan masalah" in keluar.output
    assert "Masih perlu diisi" not in keluar.output


def test_ikm_from_nrr_pooled(hasil):
    # S1 (180 respondents): Σ NRR = 3,2+3,1+3,0+3,6+3,3+3,4+3,5+2,9+3,2 = 29,2;
    #     29,2 / 9 × 25 = 81,111… → 81,11
    # S2 (220): Σ NRR = 3,3+3,2+3,1+3,7+3,4+3,5+3,6+3,0+3,3 = 30,1; 30,1 / 9 × 25 = 83,611… → 83,61
    # year, gabungan: each unsur weighted by respondents, Σ = (180 × 29,2 + 220 × 30,1) / 400
    #     = (5.256 + 6.622) / 400 = 29,695; 29,695 / 9 × 25 = 82,486… → 82,49 → mutu B
    #     (rerata_semester would give (81,111… + 83,611…) / 2 = 82,36)
    assert [_b(hasil.ikm_semester[p].angka) for p in ("S1", "S2")] == [81.11, 83.61]
    assert (hasil.ikm_tahun.nilai, hasil.ikm_tahun.mutu) == (82.49, "B")


def test_composite_with_an_ikm_node(hasil):
    # CL.1 desa 4 of 5 = 80; CL.2 pengaduan 2 of 3 = 66,666…; CL.3 the year's IKM 82,486…;
    # CL.4 typed 45/48 = 93,75; CL = (80 + 66,666… + 82,486… + 93,75) / 4 = 322,902… / 4
    # = 80,725… → 80,73
    assert [_b(hasil.komposit[k]) for k in ("CL.1", "CL.2", "CL.3", "CL.4", "CL")] == [
        80.0, 66.67, 82.49, 93.75, 80.73]


@pytest.mark.parametrize("kode, realisasi, capaian, progres", [
    # IKU-01 ikm: 82,486… / target 2024 83 × 100 = 99,381… → 99,38; / end target 85 = 97,04
    ("IKU-01", 82.49, 99.38, 97.04),
    # IKU-02 komposit: 80,725… / 93 × 100 = 86,801… → 86,80; / 95 × 100 = 84,974… → 84,97
    ("IKU-02", 80.73, 86.8, 84.97),
    # IKU-03 turun/kebalikan, jumlah of TW 1 + 0 + 2 + 1 = 4: 4 / 4 × 100 = 100,00;
    #   to the end target 2: 2 / 4 × 100 = 50,00
    ("IKU-03", 4.0, 100.0, 50.0),
    # IKU-04 typed 70,52: / 71 × 100 = 99,323… → 99,32; / 75 × 100 = 94,026… → 94,03
    ("IKU-04", 70.52, 99.32, 94.03),
])
def test_indicators(hasil, kode, realisasi, capaian, progres):
    i = hasil.indikator[kode]
    assert (_b(i.realisasi), _b(i.capaian), _b(i.progres)) == (realisasi, capaian, progres)


def test_sasaran_budget_and_overall(hasil):
    s1, s2 = hasil.sasaran["S1"], hasil.sasaran["S2"]
    # S1 = (99,380… + 86,801… + 100) / 3 = 286,182… / 3 = 95,394… → 95,39; S2 = IKU-04 99,32
    assert (_b(s1.capaian), _b(s2.capaian)) == (95.39, 99.32)
    # S1 = program 2: pagu 100.000.000 + 55.000.000 (sub kegiatan, perubahan), realisasi typed
    # per program 148.000.000 → 95,483… → 95,48. S2 = program 1: 1.250.000.000 + 280.000.000,
    # realisasi 1.230.500.000 + 271.250.000 = 1.501.750.000 → 98,153… → 98,15
    assert (int(s1.pagu.nilai), int(s1.realisasi_anggaran.nilai)) == (155_000_000, 148_000_000)
    assert (int(s2.pagu.nilai), int(s2.realisasi_anggaran.nilai)) == (
        1_530_000_000, 1_501_750_000)
    assert (_b(s1.penyerapan), _b(s2.penyerapan)) == (95.48, 98.15)
    # efisiensi: 95,394… − 95,483… = −0,089… → −0,09; 99,323… − 98,153… = 1,170… → 1,17
    assert (_b(s1.efisiensi), _b(s2.efisiensi)) == (-0.09, 1.17)
    # overall: (95,394… + 99,323…) / 2 = 97,359… → 97,36; 1.649.750.000 / 1.685.000.000
    # = 97,908… → 97,91; efisiensi 97,359… − 97,908… = −0,549… → −0,55
    assert (_b(hasil.capaian_kinerja), _b(hasil.penyerapan), _b(hasil.efisiensi)) == (
        97.36, 97.91, -0.55)
    # Permendagri 86/2017: ≥ 91 Sangat Tinggi, 76–90 Tinggi (IKU-02's 86,80)
    assert (s1.kategori, hasil.indikator["IKU-02"].kategori) == ("Sangat Tinggi", "Tinggi")


def test_a_year_of_quarters_counts_only_when_all_four_are_filled(salinan):
    # TW4 of IKU-03 missing: the sum of TW I–III (1 + 0 + 2 = 3) would read 4 / 3 = 133,33 %
    # for the year; it is not the year: no realisasi, named under "Masih perlu diisi"
    _ganti(salinan, "renstra/realisasi.csv", "IKU-03,2024,TW4,1\n", "IKU-03,2024,TW4,\n")
    data = muat("comal", 2024, salinan)
    i = hitung(data).indikator["IKU-03"]
    assert (i.realisasi.nilai, i.capaian.nilai) == (None, None)
    assert [k for k in belum_diisi(data) if "IKU-03" in k] == [
        "renstra/realisasi.csv: realisasi IKU-03 tahun 2024 diberikan per triwulan, tetapi TW4 "
        "belum diisi; realisasi tahun itu tampil '–' sampai keempat triwulan diisi (atau isi "
        "satu baris periode 'tahun')."]


def test_a_semester_row_of_realisasi_is_refused(salinan):
    # accepted before and never used: IKU-04 then had no realisasi without a word
    _ganti(salinan, "renstra/realisasi.csv", 'IKU-04,2024,tahun,"70,52"',
           'IKU-04,2024,S1,"69,00"\nIKU-04,2024,S2,"70,52"')
    with pytest.raises(LkjipError) as e:
        muat("comal", 2024, salinan)
    assert [(m.baris, m.kolom, m.nilai) for m in e.value.masalah] == [
        (14, "periode", "S1"), (15, "periode", "S2")]
    assert "tahun, TW1, TW2, TW3, TW4" in e.value.masalah[0].harapan


def test_kebalikan_with_realisasi_zero_is_named(salinan):
    # no unresolved complaint in any quarter: T / 0 has no value; S1's capaian becomes the mean
    # of IKU-01 and IKU-02 alone, (99,380… + 86,801…) / 2 = 93,091… → 93,09: said by check
    for tw in ("TW1,1", "TW3,2", "TW4,1"):
        _ganti(salinan, "renstra/realisasi.csv", f"IKU-03,2024,{tw}\n",
               f"IKU-03,2024,{tw[:3]},0\n")
    data = muat("comal", 2024, salinan)
    h = hitung(data)
    assert (h.indikator["IKU-03"].capaian.nilai, _b(h.sasaran["S1"].capaian)) == (None, 93.09)
    temuan = [t for t in periksa(data, h) if t.aturan == "kebalikan-realisasi-nol"]
    assert [(t.tingkat, t.berkas, t.baris, t.tempat) for t in temuan] == [
        ("peringatan", "comal/renstra/indikator.csv", 4, "IKU-03")]
    assert "gunakan metode 'selisih'" in temuan[0].pesan


@pytest.mark.parametrize("ganti, harapan", [
    # one unsur of S1 typed with 170 respondents, the other eight 180
    ({'S1,waktu,"3,00",180': 'S1,waktu,"3,00",170'},
     [(4, "responden", "170")]),
    # as many rows with one count as with another: no count is "meant"; the periode is named
    ({f'S1,{u},"{n}",180': f'S1,{u},"{n}",190' for u, n in (
        ("persyaratan", "3,20"), ("prosedur", "3,10"), ("waktu", "3,00"), ("biaya", "3,60"))}
     | {'S1,produk,"3,30",180': 'S1,produk,"3,30",170'},
     [(None, None, None)]),
])
def test_nrr_respondents_are_one_count_per_semester(salinan, ganti, harapan):
    for lama, baru in ganti.items():
        _ganti(salinan, "2024/ikm_nrr.csv", lama, baru)
    with pytest.raises(LkjipError) as e:
        muat("comal", 2024, salinan)
    assert [(m.baris, m.kolom, m.nilai) for m in e.value.masalah] == harapan
    assert "responden" in str(e.value)


REALISASI_PK_TW = """kode_pejabat,no,akumulasi_tw,arah,metode,tw1,tw2,tw3,tw4
camat,1,,,,80,81,82,"82,49"
camat,2,,,,78,79,80,"80,73"
camat,3,,,,1,0,2,1
camat,4,,,,,,,"70,52"
sekcam,1,jumlah,naik,,2,1,1,2
kasi_pelayanan,1,terakhir,naik,,90,92,94,96
"""


@pytest.mark.parametrize("pk_camat_4, urutan", [
    # Nilai AKIP (terakhir) is measured once a year: the PK sets only a TW IV target, so
    # TW I–III of its realisasi stay empty (data/README.md, Triwulan)
    ("71,,,,71", []),
    # with a TW II target, TW II is a quarter to report: TW IV filled after it is a galat
    ("71,,71,,71", ["camat/4"]),
])
def test_a_once_a_year_measure_leaves_its_earlier_quarters_empty(salinan, pk_camat_4, urutan):
    (salinan / "comal" / "2024" / "realisasi_pk_tw.csv").write_text(REALISASI_PK_TW, "utf-8")
    _ganti(salinan, "2024/pk_indikator.csv", "nilai,71,,,,71", f"nilai,{pk_camat_4}")
    temuan = periksa(muat("comal", 2024, salinan))
    assert [t.id.split("/pk/")[1] for t in temuan if t.aturan == "tw-urutan"] == urutan
    assert not [t for t in temuan if t.tingkat == "galat" and t.aturan != "tw-urutan"]


@pytest.mark.parametrize("tahun, catatan", [
    # 2025 lies in the Renstra 2021–2026 of Comal's profil.csv: nothing to say
    ("2025", None),
    # 2027 does not: said at once, not after every file is filled (data/README.md)
    ("2027", "Perhatian: tahun 2027 di luar periode Renstra 2021–2026 menurut profil.csv"),
])
def test_baru_dari_names_a_year_past_the_renstra(salinan, tahun, catatan):
    keluar = CliRunner().invoke(main, ["baru", "--kecamatan", "comal", "--tahun", tahun,
                                       "--dari", "2024", "--data", str(salinan)])
    assert keluar.exit_code == 0, keluar.output
    baris = [b for b in keluar.output.splitlines() if b.startswith("Perhatian")]
    assert [b.split(";")[0] for b in baris] == ([catatan] if catatan else [])


@pytest.mark.parametrize("nama, dibuat", [("comal-baru", True), ("comal_baru", False),
                                          ("comal baru", False)])
def test_a_two_word_kecamatan_takes_a_hyphen(tmp_path, nama, dibuat):
    # "huruf kecil tanpa spasi" alone let an office try comal_baru, then refused it unexplained
    keluar = CliRunner().invoke(main, ["baru", "--kecamatan", nama, "--tahun", "2024",
                                       "--data", str(tmp_path)])
    assert (keluar.exit_code == 0) == dibuat, keluar.output
    assert (tmp_path / nama / "2024" / "profil.csv").is_file() == dibuat
    if not dibuat:
        assert "huruf kecil, angka dan tanda hubung '-', tanpa spasi (mis. bantarbolang, " \
               "comal-baru)" in keluar.output
