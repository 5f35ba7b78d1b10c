"""A build's kernel loads its kecamatan-year before the first cell (`konteks.siapkan`): the
cells then find the same objects, and nothing a cell would have shown is lost."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

from lkjip import konteks as k
from tests.mini import tulis_mini


@pytest.fixture
def kosong():
    """The kernel's caches empty before and after each test."""
    for f in (k._edisi, k._muat, k._periksa, k._keadaan):
        f.cache_clear()
    yield
    for f in (k._edisi, k._muat, k._periksa, k._keadaan):
        f.cache_clear()


def _isi() -> int:
    return sum(f.cache_info().currsize for f in (k._edisi, k._muat, k._periksa, k._keadaan))


def test_siapkan_memuat_apa_yang_dibaca_sel_pertama(tmp_path, kosong):
    root = tulis_mini(tmp_path)
    assert k.siapkan("contoh", 2023, root) is True
    assert all(m in sys.modules for m in k.MODUL_BAB)
    muat = k._muat.cache_info()
    data, hasil = k.konteks("contoh", "2023", str(root))  # as the injected parameters give them
    putusan = k.keadaan("contoh", 2023, root)
    assert (data.kecamatan, data.tahun) == ("contoh", 2023)
    assert putusan is k.keadaan("contoh", 2023, root)
    # nothing loaded or checked again: every answer from the caches siapkan filled
    assert k._muat.cache_info().misses == muat.misses
    assert k._periksa.cache_info().misses == 1 and k._keadaan.cache_info().misses == 1


def test_siapkan_tidak_pernah_gagal_sel_yang_melapor(tmp_path, kosong):
    """A kecamatan that does not exist (or data that do not load): False, caches empty; the
    first cell raises the same error itself, named with its chapter and cell."""
    root = tulis_mini(tmp_path)
    assert k.siapkan("tidak-ada", 2023, root) is False
    assert k.siapkan("contoh", 1999, root) is False
    assert _isi() == 0


def test_peringatan_ditampilkan_sel_bukan_siapkan(tmp_path, kosong, monkeypatch, capsys):
    """A warning (or output) while loading would be lost in the silent execute: siapkan
    empties the caches, and the cell's own load shows it as before."""
    import lkjip.tembolok

    asli = lkjip.tembolok.muat_hitung

    def berisik(*args, **kwargs):
        warnings.warn("kolom aneh", UserWarning, stacklevel=1)
        print("dicetak")
        return asli(*args, **kwargs)

    monkeypatch.setattr(lkjip.tembolok, "muat_hitung", berisik)
    root = tulis_mini(tmp_path)
    assert k.siapkan("contoh", 2023, root) is False
    assert _isi() == 0
    assert capsys.readouterr().out == ""  # nothing printed by siapkan itself
    with pytest.warns(UserWarning, match="kolom aneh"):
        k.konteks("contoh", 2023, root)
    assert "dicetak" in capsys.readouterr().out


def test_modul_bab_memuat_semua_yang_diimpor_bab():
    """`MODUL_BAB` restates which lkjip modules the report's chapters import; a chapter that
    imports another one would only lose `siapkan`'s head start (the cell imports it itself),
    silently. Every ``from lkjip import ...`` / ``import lkjip.x`` in the shipped chapters and
    working-paper chapters names a module in MODUL_BAB, the kernel's pre-imports, or
    lkjip.konteks (which `siapkan` runs in)."""
    import ast
    import json

    from lkjip.bangun.jalankan import FOLDER_KERTAS_KERJA, POLA_BAB
    from lkjip.bangun.kernel import PRAIMPOR

    akar = Path(__file__).resolve().parents[1] / "notebooks"
    bab = sorted(akar.glob(POLA_BAB)) + sorted((akar / FOLDER_KERTAS_KERJA).glob(POLA_BAB))
    diimpor = set()
    for nb in bab:
        for sel in json.loads(nb.read_text("utf-8"))["cells"]:
            if sel["cell_type"] != "code":
                continue
            for simpul in ast.walk(ast.parse("".join(sel["source"]))):
                modul = getattr(simpul, "module", None) or ""
                if isinstance(simpul, ast.ImportFrom) and modul == "lkjip":
                    diimpor |= {f"lkjip.{a.name}" for a in simpul.names}
                elif isinstance(simpul, ast.ImportFrom) and modul.startswith("lkjip."):
                    diimpor.add(modul)
                elif isinstance(simpul, ast.Import):
                    diimpor |= {a.name for a in simpul.names if a.name.startswith("lkjip.")}
    assert len(bab) >= 8 and "lkjip.susun" in diimpor  # the walk found the chapters' imports
    praimpor = {m.strip() for m in PRAIMPOR.removeprefix("import ").split(",")}
    assert diimpor - set(k.MODUL_BAB) - praimpor - {"lkjip.konteks"} == set()
