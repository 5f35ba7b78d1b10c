"""scripts/banding_angka.py, the before/after comparison of a report's figures (issue 17)."""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path

JALUR = Path(__file__).resolve().parents[1] / "scripts" / "banding_angka.py"


def _modul():
    spec = importlib.util.spec_from_file_location("banding_angka", JALUR)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_its_examples_hold():
    hasil = doctest.testmod(_modul())
    assert (hasil.failed, hasil.attempted) == (0, 3)


def test_a_figure_moved_into_a_footnote_is_shown_both_ways(tmp_path, capsys):
    # before: the computed total with a star; after: the signed total, the computed in a note
    (tmp_path / "a.txt").write_text("Total Anggaran 2.460.636.770 600.020.750 *\nHalaman 3\n")
    (tmp_path / "b.txt").write_text(
        "Total Anggaran 2.460.636.770 601.020.750 2)\n"
        "2) tertulis Rp 601.020.750; jumlah rinciannya Rp 600.020.750\n")
    assert _modul().main([str(tmp_path / "a.txt"), "--", str(tmp_path / "b.txt")]) == 0
    keluar = capsys.readouterr().out
    # values: 600.020.750 once before and once after; 601.020.750 twice after, never before
    assert "(1) nilai hanya sebelum: []" in keluar
    assert "nilai hanya sesudah: [('601.020.750', 2)]" in keluar
    assert "(2) baris sebelum, tidak ada sesudah: 1\n      Total Anggaran 2.460.636.770 " \
        "600.020.750 *" in keluar
    assert "(2) baris sesudah, tidak ada sebelum: 2" in keluar
