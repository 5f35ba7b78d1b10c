"""A sasaran whose realisasi rows leave out a part with a pagu (a program or kegiatan typed
without its row in realisasi_anggaran.csv) has no realisasi, no penyerapan and no total: the
sum of the other rows would count the missing part as Rp 0 without a word (found by a second
office typing its data from data/README.md). `lkjip check` lists the part under "Masih perlu
diisi" and Bab III says why the penyerapan is not computed.

The data: tests/fixtures/kecamatan/ulujami 2023 (anggaran.csv, realisasi_anggaran.csv):
  S1 = program 1: kegiatan 1.1 pagu 310.000.000 realisasi 301.350.000,
                  kegiatan 1.2 pagu 140.000.000 realisasi 133.000.000
  S2 = program 2: kegiatan 2.1 pagu  25.000.000 realisasi  24.000.000
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip.folder import belum_diisi
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.narasi import kalimat_penyerapan

DATA = Path(__file__).resolve().parent / "fixtures" / "kecamatan"


def _tanpa_baris(tmp_path: Path, hapus: str, tambah: str = "") -> Path:
    """ulujami 2023 with the realisasi row `hapus` taken out (and `tambah` added)."""
    shutil.copytree(DATA / "ulujami", tmp_path / "ulujami")
    berkas = tmp_path / "ulujami" / "2023" / "realisasi_anggaran.csv"
    baris = [b for b in berkas.read_text(encoding="utf-8").splitlines() if b != hapus]
    berkas.write_text("\n".join(baris + ([tambah] if tambah else [])) + "\n", encoding="utf-8")
    return tmp_path


def test_lengkap_dijumlah():
    h = hitung(muat("ulujami", 2023, DATA))
    s1, s2 = h.sasaran["S1"], h.sasaran["S2"]
    # 301.350.000 + 133.000.000 = 434.350.000; / 450.000.000 × 100 = 96,5222… → 96,52
    assert s1.realisasi_anggaran.nilai == 434_350_000
    assert float(s1.penyerapan.bulat) == 96.52
    # 24.000.000 / 25.000.000 × 100 = 96,00
    assert float(s2.penyerapan.bulat) == 96.0
    # 458.350.000 / 475.000.000 × 100 = 96,4947… → 96,49
    assert h.total_realisasi_anggaran.nilai == 458_350_000
    assert float(h.penyerapan.bulat) == 96.49


def test_kegiatan_tanpa_baris_tidak_dihitung_nol(tmp_path):
    data = muat("ulujami", 2023, _tanpa_baris(tmp_path, "kegiatan,1.2,133000000"))
    h = hitung(data)
    s1 = h.sasaran["S1"]
    # before: 301.350.000 / 450.000.000 = 66,97 % without a word
    assert s1.realisasi_anggaran.nilai is None
    assert "kegiatan 1.2 belum mempunyai baris realisasi" in s1.realisasi_anggaran.rumus
    assert s1.penyerapan.nilai is None
    assert float(h.sasaran["S2"].penyerapan.bulat) == 96.0  # S2 is whole
    assert h.total_realisasi_anggaran.nilai is None and h.penyerapan.nilai is None
    kurang = [k for k in belum_diisi(data) if k.startswith("realisasi_anggaran.csv")]
    assert kurang == [
        "realisasi_anggaran.csv: belum ada baris realisasi kegiatan 1.2 (pagu perubahan "
        "Rp 140.000.000), padahal bagian lain sasaran S1 sudah diisi; realisasi dan penyerapan "
        "anggaran sasaran S1 serta totalnya tampil '–'. Isi barisnya (tulis 0 bila memang tidak "
        "ada realisasi)."]
    assert kalimat_penyerapan(data, h) == (
        "Realisasi anggaran tahun ini belum lengkap (kegiatan 1.2 belum mempunyai baris "
        "realisasi), sehingga penyerapan anggaran keseluruhan tidak dihitung.")


def test_baris_nol_dihitung(tmp_path):
    """A row of 0 says nothing was spent: counted, as typed."""
    data = muat("ulujami", 2023, _tanpa_baris(tmp_path, "kegiatan,1.2,133000000",
                                              "kegiatan,1.2,0"))
    h = hitung(data)
    # 301.350.000 / 450.000.000 × 100 = 66,9666… → 66,97
    assert h.sasaran["S1"].realisasi_anggaran.nilai == 301_350_000
    assert float(h.sasaran["S1"].penyerapan.bulat) == 66.97
    assert not [k for k in belum_diisi(data) if k.startswith("realisasi_anggaran.csv")]


@pytest.mark.parametrize("baris", ["kegiatan,1.1,301350000", "kegiatan,2.1,24000000"])
def test_satu_sasaran_tanpa_baris_sama_sekali(tmp_path, baris):
    """A sasaran with no row at all was '–' already; the other stays computed. Removing 2.1
    leaves S2 without rows (its realisasi '–', not a part of it); removing 1.1 leaves S1 a
    part without a row."""
    data = muat("ulujami", 2023, _tanpa_baris(tmp_path, baris))
    h = hitung(data)
    kode = "S2" if baris.startswith("kegiatan,2.1") else "S1"
    assert h.sasaran[kode].realisasi_anggaran.nilai is None
    assert h.total_realisasi_anggaran.nilai is None
    lain = h.sasaran["S1" if kode == "S2" else "S2"]
    assert lain.realisasi_anggaran.nilai == (434_350_000 if kode == "S2" else 24_000_000)
