"""The parameters kecamatan, tahun, data_dir: named in every message, all problems at once,
the kecamatan matched ignoring case (lkjip.parameter, issue 14)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from lkjip import config
from lkjip.cli import main
from lkjip.konteks import konteks
from lkjip.parameter import ARGUMEN, ParameterTidakSah, cek_parameter


def _pesan(*args, **kw) -> str:
    with pytest.raises(ParameterTidakSah) as e:
        cek_parameter(*args, **kw)
    return str(e.value)


def test_tahun_not_a_year_names_the_parameter():
    pesan = _pesan("bantarbolang", "2023x", config.contoh())
    assert pesan == ("Parameter tidak sah:\n- parameter `tahun`: nilai '2023x' tidak sah; "
                     "seharusnya tahun empat angka, mis. 2023.")


def test_every_bad_parameter_at_once_before_the_disk():
    pesan = _pesan("../x", "20x3", "/tidak/ada")
    assert "parameter `tahun`: nilai '20x3'" in pesan
    assert "parameter `kecamatan`: nilai '../x'" in pesan


def test_year_without_data_lists_the_years_there():
    pesan = _pesan("bantarbolang", 2031, config.contoh())
    assert "parameter `tahun`: data tahun 2031 tidak ditemukan untuk kecamatan bantarbolang" \
        in pesan and "Tahun yang tersedia: 2023." in pesan


def test_kecamatan_in_any_case(tmp_path):
    assert cek_parameter("Bantarbolang", "2023", config.contoh())[:2] == ("bantarbolang", 2023)
    data, hasil = konteks("BANTARBOLANG", 2023, config.contoh())
    assert data.kecamatan == "bantarbolang"
    assert "kecamatan 'Bantarbolangg' tidak ditemukan. Yang tersedia: bantarbolang" in _pesan(
        "Bantarbolangg", 2023, config.contoh())


def test_missing_data_folder_points_to_lkjip_init(tmp_path, monkeypatch):
    monkeypatch.delenv("LKJIP_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    pesan = _pesan("bantarbolang", 2023)
    assert f"parameter `data_dir`: folder data tidak ditemukan: {tmp_path / 'data'}" in pesan
    assert "`lkjip init`" in pesan and "isi `data_dir`" in pesan
    argumen = _pesan("bantarbolang", 2023, sebutan=ARGUMEN)
    assert "(argumen) --data: folder data tidak ditemukan" in argumen and "beri --data" in argumen


def test_cli_names_options_and_accepts_any_case():
    hasil = CliRunner().invoke(main, ["check", "--kecamatan", "Bantarbolang", "--tahun", "2023",
                                      "--data", str(config.contoh())])
    assert "Data Kecamatan Bantarbolang" in hasil.output
    salah = CliRunner().invoke(main, ["check", "--kecamatan", "bantarbolang", "--tahun", "2023x",
                                      "--data", str(config.contoh())])
    assert salah.exit_code == 1
    assert "(argumen) --tahun: nilai '2023x' tidak sah" in salah.output
