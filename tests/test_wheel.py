"""A normal install works anywhere: the wheel, installed into a fresh venv, run from an empty
folder, writes only into that folder and never into site-packages (issue 14).

The wheel is built from this checkout (hatchling, no build isolation: no download) and
installed with ``--no-deps`` into a new venv. Installing its ~150 dependencies again would
cost two minutes of the suite, so the fresh venv reaches the already installed ones through a
``.pth`` line naming this venv's site-packages; that directory's own ``.pth`` files (the
editable install of lkjip) are not processed there, so ``import lkjip`` can only find the
wheel's copy, which the test checks. What the wheel declares is checked apart: every
requirement in its metadata must be satisfied by what the fresh venv sees (``pip check``).
The Jupyter kernel is the one ipykernel provides for the running interpreter (no kernel spec is
installed, as after ``pip install lkjip``), with a private Jupyter data folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _jalankan(args, cwd, env, boleh=(0,)) -> subprocess.CompletedProcess:
    hasil = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert hasil.returncode in boleh, f"{args}\n{hasil.stdout}\n{hasil.stderr}"
    assert "Traceback" not in hasil.stderr, hasil.stderr
    return hasil


def _notebooks_checkout() -> list[str]:
    folder = REPO / "notebooks"
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def _daftar(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder`: relative path → (size, mtime)."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    """A fresh venv holding the wheel of this checkout; returns (bin folder, site-packages)."""
    akar = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip"]
    _jalankan(pip + ["wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(akar / "dist"),
                     str(REPO)], akar, os.environ)
    (roda,) = (akar / "dist").glob("lkjip-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(akar / "venv")], check=True)
    python = akar / "venv" / "bin" / "python"
    _jalankan(pip + ["--python", str(python), "install", "-q", "--no-deps", "--no-index",
                     str(roda)], akar, os.environ)
    situs = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path("
                                 "'purelib'))"], capture_output=True, text=True,
                                check=True).stdout.strip())
    (situs / "_dependensi_uji.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return python.parent, situs


@pytest.fixture
def env(venv, tmp_path):
    bersih = {k: v for k, v in os.environ.items()
              if not k.startswith(("LKJIP_", "JUPYTER_", "PYTHON", "VIRTUAL_ENV"))}
    bersih["PATH"] = f"{venv[0]}{os.pathsep}{bersih.get('PATH', '')}"
    bersih["JUPYTER_DATA_DIR"] = str(tmp_path / "jupyter-data")  # no user kernel spec
    bersih["LKJIP_TEMBOLOK"] = str(tmp_path / "tembolok")  # not the user's ~/.cache/lkjip
    # nbconvert's templates are data files of its own install (share/jupyter), not modules:
    # shown to the fresh venv without this venv's kernel spec, which would run the checkout
    jalur = tmp_path / "jupyter-path"
    jalur.mkdir()
    (jalur / "nbconvert").symlink_to(Path(sys.prefix) / "share" / "jupyter" / "nbconvert")
    bersih["JUPYTER_PATH"] = str(jalur)
    return bersih


def test_wheel_carries_notebooks_examples_templates_and_scales(venv, env, tmp_path):
    kode = ("import lkjip, lkjip.config as c, lkjip.kabupaten as k, lkjip.laporan as lap; "
            "print(lkjip.__file__); print(c.notebooks()); print(c.contoh()); "
            "print(len(lap.daftar_bab(c.notebooks())), k.notebook_kabupaten().is_file(),"
            " (c.TEMPLATES / 'lkjip' / 'lkjip.css').is_file(), len(list(c.SKALA.glob('*.csv'))),"
            " (c.contoh() / 'bantarbolang' / '2023' / 'profil.csv').is_file(),"
            " (c.TEMPLATES / 'lkjip' / 'referensi.docx').is_file())")
    baris = _jalankan([venv[0] / "python", "-c", kode], tmp_path, env).stdout.splitlines()
    paket = venv[1] / "lkjip"
    assert baris[:3] == [str(paket / "__init__.py"), str(paket / "notebooks"),
                         str(paket / "contoh")]
    # 6 chapters of the edition and 3 of the working paper; the Word edition's styles
    assert baris[3] == "9 True True 3 True True"
    # every notebook of the checkout (working paper, quarterly, kabupaten, analysis) and the
    # early-warning thresholds
    kode = ("import lkjip.config as c, lkjip.peringatan_tw as p; "
            "print(sorted(str(b.relative_to(c.notebooks())) for b in "
            "c.notebooks().rglob('*.ipynb'))); print(p.BERKAS_AMBANG.is_file(), "
            "p.BERKAS_AMBANG.is_relative_to(c.PACKAGE))")
    baris = _jalankan([venv[0] / "python", "-c", kode], tmp_path, env).stdout.splitlines()
    assert baris == [str(_notebooks_checkout()), "True True"]
    assert {"kertas_kerja/01_catatan_pemeriksaan.ipynb", "triwulan/monitoring_triwulan.ipynb",
            "analisis/contoh_analisis.ipynb"} <= set(_notebooks_checkout())
    # the kernel a build starts is the fresh venv's own interpreter (ipykernel's native spec)
    kernel = ("from jupyter_client.kernelspec import KernelSpecManager as K; "
              "print(K().get_kernel_spec('python3').argv[0])")
    assert _jalankan([venv[0] / "python", "-c", kernel], tmp_path, env).stdout.strip() == str(
        venv[0] / "python")
    # what the wheel declares is installed (the requirements of its metadata hold)
    _jalankan([sys.executable, "-m", "pip", "--python", str(venv[0] / "python"), "check"],
              tmp_path, env)


def test_from_an_empty_folder_everything_lands_there(venv, env, tmp_path):
    ruang = tmp_path / "ruang"
    ruang.mkdir()
    sebelum = _daftar(venv[1])
    lkjip = str(venv[0] / "lkjip")

    _jalankan([lkjip, "init"], ruang, env)
    assert (ruang / "data" / "bantarbolang" / "2023" / "profil.csv").is_file()
    salinan = ruang / "notebooks"
    assert sorted(str(p.relative_to(salinan)) for p in salinan.rglob("*.ipynb")) == (
        _notebooks_checkout())
    assert "Ruang kerja LKjIP" in (ruang / "README.md").read_text(encoding="utf-8")

    cek = _jalankan([lkjip, "check", "--kecamatan", "bantarbolang", "--tahun", "2023"], ruang,
                    env, boleh=(0, 1))  # 1: the example's data have findings of tingkat galat
    assert "Data Kecamatan Bantarbolang, Kabupaten Pemalang, tahun 2023" in cek.stdout

    _jalankan([lkjip, "build", "--kecamatan", "bantarbolang", "--tahun", "2023"], ruang, env)
    laporan = ruang / "outputs" / "bantarbolang" / "2023"
    assert {p.name for p in laporan.iterdir()} >= {
        f"lkjip_bantarbolang_2023.{e}" for e in ("html", "pdf", "docx", "ipynb")} | {
        f"kertas_kerja_bantarbolang_2023.{e}" for e in ("html", "pdf")}
    assert (laporan / "lkjip_bantarbolang_2023.pdf").read_bytes()[:5] == b"%PDF-"

    _jalankan([lkjip, "sintetis"], ruang, env)
    assert len(list((ruang / "data-sintetis").glob("*/2023/profil.csv"))) == 13
    assert (ruang / "data-sintetis" / "KESALAHAN_SENGAJA.csv").is_file()

    assert _daftar(venv[1]) == sebelum, "lkjip menulis ke site-packages"
    assert sorted(p.name for p in ruang.iterdir()) == [
        "README.md", "data", "data-sintetis", "notebooks", "outputs"]


def test_init_never_writes_into_the_package(venv, env, tmp_path):
    hasil = _jalankan([venv[0] / "lkjip", "init", str(venv[1] / "lkjip" / "x")], tmp_path, env,
                      boleh=(1,))
    assert "berada di dalam paket lkjip yang terpasang" in hasil.stderr
    assert not (venv[1] / "lkjip" / "x").exists()
