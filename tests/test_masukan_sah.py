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
