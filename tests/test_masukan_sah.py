"""Input the docs allow never crashes a command or a build (issue 13): an empty pagu_murni on a
leaf (an item added in the perubahan has no pagu murni) is the documented 'not available',
counted 0 in its program's sum."""

from __future__ import annotations

from click.testing import CliRunner

from lkjip import laporan
from lkjip.cli import main
from lkjip.hitung import hitung
from lkjip.muat import muat
from tests.mini import BERKAS_MINI, tulis_mini

# kegiatan 1.1 added in the perubahan: no pagu murni, pagu perubahan 600.000
ANGGARAN = BERKAS_MINI["2023/anggaran.csv"].replace(";900.000;600.000", ";;600.000")


def test_empty_leaf_pagu_murni_counts_zero(tmp_path):
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti={"2023/anggaran.csv": ANGGARAN}))
    program = hitung(data).anggaran.set_index("kode").loc["1"]
    # murni 0 (1.1, empty) + 400.000 (1.2) = 400.000; perubahan 600.000 + 400.000 = 1.000.000
    assert (int(program["pagu_murni"]), int(program["pagu_perubahan"])) == (400_000, 1_000_000)


def test_jelaskan_explains_an_empty_leaf_pagu_murni(tmp_path):
    tulis_mini(tmp_path, ganti={"2023/anggaran.csv": ANGGARAN})
    hasil = CliRunner().invoke(main, ["jelaskan", "--kecamatan", "contoh", "--tahun", "2023",
                                      "--data", str(tmp_path), "anggaran/1/pagu_murni"])
    assert hasil.exit_code == 0, hasil.output
    assert "pagu murni 1 = 400.000" in hasil.output
    assert "400.000 = 0 + 400.000" in hasil.output


def test_report_builds_with_an_empty_leaf_pagu_murni(tmp_path):
    tulis_mini(tmp_path / "data", ganti={"2023/anggaran.csv": ANGGARAN})
    berkas = laporan.bangun("contoh", 2023, data_dir=tmp_path / "data", out_dir=tmp_path / "k",
                            muat_dulu=True)
    assert berkas.pdf.stat().st_size > 0 and berkas.html.stat().st_size > 0


# --- a cell the docs require by the row, or that the row would ignore --------------------------

def _masalah(tmp_path, ganti):
    import pytest

    from lkjip.galat import LkjipError

    tulis_mini(tmp_path, ganti=ganti)
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    return [(m.berkas.rsplit("/", 1)[-1], m.baris, m.kolom, m.nilai, m.harapan)
            for m in e.value.masalah]


def test_pns_without_golongan_is_refused_not_a_crash_of_tabel_1_3(tmp_path):
    # before: loaded, then pegawai.tabel_golongan raised ValueError in the notebook
    pegawai = BERKAS_MINI["2023/pegawai.csv"].replace("2,,Pelaksana,PNS,SLTA,II",
                                                     "2,,Pelaksana,PNS,SLTA,")
    assert _masalah(tmp_path, {"2023/pegawai.csv": pegawai}) == [
        ("pegawai.csv", 3, "golongan", None,
         "salah satu dari: I, II, III, IV, karena status 'PNS'")]


def test_list_node_with_typed_counts_is_refused_not_ignored(tmp_path):
    # before: CL.2 counted desa.csv (3 of 4 = 75) and the typed 1/2 vanished without a word
    komposit = BERKAS_MINI["2023/komposit.csv"].replace(
        "CL.2,CL,,Desa bertata kelola baik,rasio,,,,desa,2",
        "CL.2,CL,,Desa bertata kelola baik,rasio,1,2,,desa,2")
    assert _masalah(tmp_path, {"2023/komposit.csv": komposit}) == [
        ("komposit.csv", 4, "pembilang", "1",
         "kosong, karena daftar diisi (nilai ini tidak dipakai)"),
        ("komposit.csv", 4, "penyebut", "2",
         "kosong, karena daftar diisi (nilai ini tidak dipakai)")]


def test_value_typed_on_a_mean_node_is_refused(tmp_path):
    komposit = BERKAS_MINI["2023/komposit.csv"].replace(
        "CL,,IKU-02,Cakupan layanan,rerata,,,,,1", "CL,,IKU-02,Cakupan layanan,rerata,,,62,,1")
    assert _masalah(tmp_path, {"2023/komposit.csv": komposit}) == [
        ("komposit.csv", 2, "nilai", "62",
         "kosong, karena jenis 'rerata' atau 'rasio' atau 'ikm' (nilai ini tidak dipakai)")]


def test_kegiatan_naming_a_sasaran_is_refused(tmp_path):
    # a program's sasaran is the kegiatan's: a second one would be ignored
    anggaran = BERKAS_MINI["2023/anggaran.csv"].replace("1.2;1;kegiatan;Administrasi Umum;;",
                                                       "1.2;1;kegiatan;Administrasi Umum;S1;")
    assert _masalah(tmp_path, {"2023/anggaran.csv": anggaran}) == [
        ("anggaran.csv", 4, "kode_sasaran", "S1",
         "kosong, karena tingkat 'kegiatan' atau 'sub_kegiatan' (nilai ini tidak dipakai)")]
