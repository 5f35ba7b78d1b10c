"""Default folders resolve from the current folder when used (never at import), and
`lkjip init` writes a workspace there without overwriting anything (issue 14)."""

from __future__ import annotations

import nbformat
import pytest
from click.testing import CliRunner

from lkjip import config, ruang_kerja
from lkjip.cli import main
from lkjip.galat import LkjipError


@pytest.fixture
def ruang(tmp_path, monkeypatch):
    for nama in ("LKJIP_DATA", "LKJIP_OUTPUTS", "LKJIP_DATA_SINTETIS", "LKJIP_NOTEBOOKS"):
        monkeypatch.delenv(nama, raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "notebooks" / "analisis" / "lebih").mkdir(parents=True)
    return tmp_path


def test_data_is_found_from_the_workspace_and_its_notebook_folders(ruang, monkeypatch):
    for folder in (ruang, ruang / "notebooks", ruang / "notebooks" / "analisis"):
        monkeypatch.chdir(folder)
        assert config.data() == config.DATA == ruang / "data"
    monkeypatch.chdir(ruang / "notebooks" / "analisis" / "lebih")  # three levels: not looked
    assert config.data() == ruang / "notebooks" / "analisis" / "lebih" / "data"


def test_synthetic_folder_as_a_process_started_elsewhere_finds_it(ruang, monkeypatch):
    """A build's kernel starts in the notebooks folder: the build process asks where that
    kernel will find data-sintetis/ (its own current folder may be another)."""
    (ruang / "data-sintetis").mkdir()
    monkeypatch.chdir(ruang.parent)
    assert config.data_sintetis(dari=ruang / "notebooks") == ruang / "data-sintetis"
    assert config.data_sintetis() == ruang.parent / "data-sintetis"


def test_writes_go_to_the_current_folder(ruang, monkeypatch):
    monkeypatch.chdir(ruang / "notebooks")
    assert config.outputs() == config.OUTPUTS == ruang / "notebooks" / "outputs"
    assert config.data_sintetis_baru() == ruang / "notebooks" / "data-sintetis"


def test_environment_read_at_each_use(ruang, monkeypatch, tmp_path_factory):
    lain = tmp_path_factory.mktemp("lain")
    monkeypatch.chdir(ruang)
    monkeypatch.setenv("LKJIP_DATA", str(lain))
    monkeypatch.setenv("LKJIP_OUTPUTS", str(lain / "o"))
    assert config.DATA == lain and config.outputs() == lain / "o"
    monkeypatch.delenv("LKJIP_DATA")
    assert config.DATA == ruang / "data"


def test_shipped_folders_are_read_where_they_are():
    assert (config.notebooks() / "kabupaten" / "lkjip_kabupaten.ipynb").is_file()
    assert (config.contoh() / "bantarbolang" / "2023" / "profil.csv").is_file()
    with pytest.raises(AttributeError):
        config.TIDAK_ADA  # noqa: B018


def test_init_writes_a_workspace_and_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, ["init", "kerja"])
    assert hasil.exit_code == 0, hasil.output
    kerja = tmp_path / "kerja"
    assert (kerja / "data" / "README.md").is_file()
    assert (kerja / "data" / "bantarbolang" / "renstra" / "indikator.csv").is_file()
    assert (kerja / "notebooks" / "kabupaten" / "lkjip_kabupaten.ipynb").is_file()
    assert (kerja / "outputs").is_dir()
    assert "lkjip build --kecamatan bantarbolang" in (kerja / "README.md").read_text("utf-8")
    assert "cd kerja" in hasil.output
    # the copies carry this machine's kernel metadata, as JupyterLab would write it
    from ipykernel.ipkernel import IPythonKernel

    nb = nbformat.read(kerja / "notebooks" / "03_bab3_akuntabilitas.ipynb", as_version=4)
    assert nb.metadata.language_info == IPythonKernel.language_info
    assert nb.metadata.kernelspec.name == "python3"
    profil = kerja / "data" / "bantarbolang" / "2023" / "profil.csv"
    profil.write_text("diubah analis", encoding="utf-8")
    lagi = ruang_kerja.buat(kerja)
    assert lagi.ditulis == [] and profil in lagi.dilewati
    assert profil.read_text(encoding="utf-8") == "diubah analis"


def test_nothing_is_written_inside_the_package(tmp_path):
    with pytest.raises(LkjipError, match="di dalam paket lkjip"):
        ruang_kerja.buat(config.PACKAGE / "notebooks-salinan")
    hasil = CliRunner().invoke(main, ["sintetis", "--out", str(config.PACKAGE / "x")])
    assert hasil.exit_code == 1 and "di dalam paket lkjip" in hasil.output
    assert not (config.PACKAGE / "x").exists()
