"""The loader's check without pandera (`lkjip.muat._sah`): it says a file is sound only when
pandera, the schema's judge, finds nothing wrong; a sound kecamatan loads without pandera."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.muat import _normalkan_judul_ikm, _sah, _tanpa_kunci_hilang, baca_csv
from lkjip.skema import BERKAS, skema
from tests.mini import BERKAS_MINI, tulis_mini


def _pandera_sah(df: pd.DataFrame, nama: str) -> bool:
    try:
        _tanpa_kunci_hilang(skema(nama), df).validate(df.drop(columns="_baris"), lazy=True)
    except pa.errors.SchemaErrors:
        return False
    return True


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> dict[str, pd.DataFrame]:
    """Each file of the mini kecamatan as the loader reads it (text cells and ``_baris``)."""
    akar = tulis_mini(tmp_path_factory.mktemp("mini"))
    hasil = {}
    for jalur in BERKAS_MINI:
        nama = jalur.removeprefix("2023/")
        if nama in BERKAS:  # as lkjip.muat._muat_berkas has it before it validates
            df, masalah = baca_csv(akar / "contoh" / jalur, nama, akar)
            assert not masalah
            if nama.startswith("ikm_responden"):
                df = _normalkan_judul_ikm(df)
            for k in BERKAS[nama].kolom:
                if k.opsional and k.nama not in df.columns:
                    df[k.nama] = pd.Series([""] * len(df), index=df.index, dtype=object)
            hasil[nama] = df
    return hasil


def test_berkas_mini_sah_tanpa_pandera(mini):
    # every file of a sound kecamatan passes the check, so pandera is not needed for it
    assert len(mini) == 30
    for nama, df in mini.items():
        assert _pandera_sah(df, nama), nama
        assert _sah(df, BERKAS[nama]), nama


NILAI = st.sampled_from(["", " ", "x", "T1", "S1", "IKU-01", "2023", "80", "80,5", "1.234",
                         "-", "ya", "tidak", "naik", "turun", "%", "persen", "2023-01-31",
                         "Camat", None, 1, 2.5])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.data_too_large])
@given(data=st.data())
def test_sah_hanya_bila_pandera_tidak_menemukan_masalah(mini, data):
    # a file changed at random (a cell, a row repeated, a column dropped or added or renamed):
    # whenever the check says sound, pandera agrees; it never lets a problem through
    nama = data.draw(st.sampled_from(sorted(mini)))
    df = mini[nama].copy()
    kolom = [c for c in df.columns if c != "_baris"]
    for _ in range(data.draw(st.integers(0, 3))):
        ubah = data.draw(st.sampled_from(["sel", "ulang", "buang", "tambah", "ganti_nama"]))
        if ubah == "sel" and len(df):
            baris, kol, nilai = (data.draw(st.sampled_from(list(df.index))),
                                 data.draw(st.sampled_from(kolom)), data.draw(NILAI))
            if nilai is not None and not isinstance(nilai, str):
                # a number in a text column: a column added here ("lain") has pandas 3's str
                # dtype, which refuses one (the loaded files' columns are object)
                df[kol] = df[kol].astype(object)
            df.at[baris, kol] = nilai
        elif ubah == "ulang" and len(df):
            df = pd.concat([df, df.iloc[[data.draw(st.integers(0, len(df) - 1))]]],
                           ignore_index=True)
        elif ubah == "buang" and len(kolom) > 1:
            df = df.drop(columns=data.draw(st.sampled_from(kolom)))
        elif ubah == "tambah":
            df["lain"] = "x"
        elif ubah == "ganti_nama":
            df = df.rename(columns={data.draw(st.sampled_from(kolom)): "lain"})
        kolom = [c for c in df.columns if c != "_baris"]
    if _sah(df, BERKAS[nama]):
        assert _pandera_sah(df, nama)


def test_kecamatan_sah_dimuat_tanpa_mengimpor_pandera(tmp_path):
    # pandera (~0,09 CPU-s, 8 MB a process) is imported only to name problems
    akar = tulis_mini(tmp_path)
    kode = ("import sys; from lkjip.muat import muat; "
            f"muat('contoh', 2023, {str(akar)!r}); print('pandera' in sys.modules)")
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                           check=True)
    assert hasil.stdout.strip() == "False"
