"""click's own words in ``lkjip``'s help and usage errors are Bahasa Indonesia
(`lkjip.cli_bahasa`): an office that types ``lkjip build --help`` or forgets ``--tahun`` reads
no English. The expected sentences are this module's translations as written by hand."""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from lkjip.cli import main
from lkjip.cli_bahasa import TERJEMAHAN

# click's English that must never reach an lkjip user.
INGGRIS = ("Usage:", "Options:", "Commands:", "Show this message", "[required]", "[default",
           "Error:", "Try '", "Missing", "No such", "TEXT", "INTEGER", "PATH")


def _jalankan(*args):
    return CliRunner().invoke(main, list(args), prog_name="lkjip")


def _perintah() -> list[list[str]]:
    return [[]] + [[nama] for nama in sorted(main.commands)]


@pytest.mark.parametrize("perintah", _perintah(), ids=lambda p: " ".join(p) or "lkjip")
def test_bantuan_setiap_perintah_tanpa_bahasa_inggris(perintah):
    hasil = _jalankan(*perintah, "--help")
    assert hasil.exit_code == 0, hasil.output
    assert hasil.output.startswith(f"Cara pakai: lkjip {' '.join(perintah)}".rstrip() + " ")
    assert "\nOpsi:\n" in hasil.output
    assert "Tampilkan bantuan ini, lalu keluar." in hasil.output
    assert [kata for kata in INGGRIS if kata in hasil.output] == []


def test_versi_dalam_bahasa_indonesia():
    """An office asked "which lkjip do you have?" answers with ``lkjip --version``: the
    installed distribution's version (pyproject's), in Indonesian."""
    import tomllib

    proyek = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    hasil = _jalankan("--version")
    assert hasil.exit_code == 0, hasil.output
    assert hasil.output == f"lkjip versi {proyek['project']['version']}\n"
    assert "Tampilkan versi, lalu keluar." in _jalankan("--help").output


def test_bantuan_build_menandai_opsi_wajib_dan_folder():
    keluaran = _jalankan("build", "--help").output
    assert re.search(r"--kecamatan TEKS +Nama folder kecamatan, mis\. bantarbolang\. +\[wajib\]",
                     keluaran)
    assert re.search(r"--data FOLDER +Folder data", keluaran)
    assert "Cara pakai: lkjip build [OPSI]\n" in keluaran
    assert "Cara pakai: lkjip [OPSI] PERINTAH [ARGUMEN]...\n" in _jalankan("--help").output
    assert "Cara pakai: lkjip jelaskan [OPSI] [ANGKA]\n" in _jalankan("jelaskan", "--help").output
    assert "[bawaan: 2; 1<=x<=64]" in _jalankan("batch", "--help").output


@pytest.mark.parametrize(("argumen", "pesan"), [
    (["build", "--tahun", "2023"], "Galat: Opsi wajib belum diisi '--kecamatan'."),
    (["build", "--kecamatan", "a", "--tahun", "2023", "--dat", "x"],
     "Galat: Tidak ada opsi '--dat'. (Maksud Anda salah satu dari: '--data', '--out'?)"),
    (["build", "--kecamatan", "a", "--tahun", "2023", "--analys"],
     "Galat: Tidak ada opsi '--analys'. Maksud Anda '--analis'?"),
    (["batch", "--jobs", "0"], "Galat: Nilai '--jobs' tidak sah: 0 di luar rentang 1<=x<=64."),
    (["batch", "--jobs", "dua"], "Galat: Nilai '--jobs' tidak sah: 'dua' bukan bilangan yang sah."),
    (["bangun"], "Galat: Tidak ada perintah 'bangun'."),
    (["build", "--kecamatan"], "Galat: Opsi '--kecamatan' memerlukan nilai."),
    (["check", "--kecamatan", "a", "--tahun", "2023", "lebih"],
     "Galat: Ada argumen lebih yang tidak dikenal (lebih)"),
])
def test_galat_pemakaian_dalam_bahasa_indonesia(argumen, pesan):
    hasil = _jalankan(*argumen)
    assert hasil.exit_code == 2  # click's exit code for a usage error
    assert pesan in hasil.output
    if hasil.output.count("\n") > 1:  # with the usage line (click omits it for a value missing)
        perintah = argumen[0] if argumen[0] in main.commands else ""
        assert f"Ketik 'lkjip {perintah} --help' untuk bantuan.".replace("  ", " ") in hasil.output
    assert [kata for kata in INGGRIS if kata in hasil.output] == []


def test_setiap_terjemahan_adalah_pesan_click():
    """A key that click never passes to gettext (a typo, or a message reworded in a click
    release) would leave that message in English: each key must be a literal in click's code."""
    modul = [m for nama, m in sorted(sys.modules.items())
             if (nama == "click" or nama.startswith("click.")) and getattr(m, "__file__", None)]
    sumber = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in modul)
    hilang = [k for k in TERJEMAHAN if f'"{k}"' not in sumber and f"'{k}'" not in sumber]
    assert hilang == []


def test_hanya_modul_click_yang_diterjemahkan():
    assert gettext.gettext("Usage:") == "Usage:"
    assert click.core._("Usage:") == "Cara pakai:"


def test_perintah_di_readme_ruang_kerja_dikenal_lkjip():
    """Each command line `lkjip init` writes into the workspace README parses with lkjip's own
    options (a renamed option would leave an office with a command that fails); the README
    says how to start one's own kecamatan (`lkjip baru`)."""
    import shlex

    from lkjip.ruang_kerja import README

    baris = [b.split("#")[0].strip() for b in README.splitlines() if b.startswith("lkjip ")]
    assert any(b.startswith("lkjip baru ") for b in baris)
    for b in baris:
        nama, *argumen = shlex.split(b)[1:]
        perintah = main.commands[nama]
        with perintah.make_context(f"lkjip {nama}", argumen) as ctx:
            assert ctx.params  # parsed: every option known, every required one given
