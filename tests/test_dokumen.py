"""data/README.md against the code (issue 13): its file table is the schema's, and every example
row it shows loads through the loader as written, alone and all together as one kecamatan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkjip.muat import baca_csv, muat, nama_tabel, validasi
from lkjip.skala import tabel_skala
from lkjip.skema import BERKAS, tabel_berkas

README = Path(__file__).resolve().parents[1] / "data" / "README.md"
TEKS = README.read_text(encoding="utf-8")
# ```csv <file>: the file's example; ```csv <file> (more): further rows shown elsewhere
BLOK = re.findall(r"^```csv (\S+)( \(more\))?\n(.*?)^```", TEKS, flags=re.MULTILINE | re.DOTALL)
PERTAMA = {}
for _nama, _lagi, _isi in BLOK:
    assert _lagi or _nama not in PERTAMA, f"two examples of {_nama}"
    if not _lagi:
        PERTAMA[_nama] = _isi
# one survey file at a time (never both); the synthetic survey has the real one's columns
BERSAMA = [n for n in BERKAS if n not in ("ikm_nrr.csv", "ikm_responden_sintetis.csv")]


def test_file_table_is_the_schemas():
    awal = "test_dokumen checks it -->\n"
    isi = TEKS.split(awal, 1)[1].split("<!-- /tabel-berkas -->", 1)[0]
    assert isi == tabel_berkas()


def test_scale_table_is_the_presets():
    awal = "lkjip.skala.tabel_skala(); test_dokumen checks it -->\n"
    isi = TEKS.split(awal, 1)[1].split("<!-- /tabel-skala -->", 1)[0]
    assert isi == tabel_skala()


def test_every_file_has_a_description_and_an_example():
    for nama, b in BERKAS.items():
        assert b.keterangan and b.contoh, nama


@pytest.mark.parametrize("nama", [n for n in BERKAS if n != "ikm_responden_sintetis.csv"])
def test_readme_example_is_the_schemas(nama):
    b = BERKAS[nama]
    assert PERTAMA[nama] == ",".join(b.kolom_nama()) + "\n" + "\n".join(b.contoh) + "\n"


@pytest.mark.parametrize("nama, isi", [(n, i) for n, _, i in BLOK],
                         ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(BLOK)])
def test_each_example_block_reads_and_validates(tmp_path, nama, isi):
    jalur = tmp_path / "contoh.csv"
    jalur.write_text(isi, encoding="utf-8")
    df, masalah = baca_csv(jalur, nama)
    assert masalah == [] and len(df) >= 1
    assert validasi(df, nama, nama) == []


def test_the_examples_together_load_as_one_kecamatan(tmp_path):
    for nama in BERSAMA:
        relatif = nama if nama.startswith("renstra/") else f"2023/{nama}"
        jalur = tmp_path / "bantarbolang" / relatif
        jalur.parent.mkdir(parents=True, exist_ok=True)
        jalur.write_text(PERTAMA[nama], encoding="utf-8")
    data = muat("bantarbolang", 2023, tmp_path)
    for nama in BERSAMA:
        if nama != "profil.csv":
            assert len(getattr(data, nama_tabel(nama))) == len(BERKAS[nama].contoh), nama
    # the realisasi example of the Renstra: "81,12" quoted in a ',' file is 81.12
    assert data.realisasi["realisasi"].tolist() == [81.12]
    assert data.anggaran["pagu_perubahan"].dropna().tolist() == [6_212_970]
