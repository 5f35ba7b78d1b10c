"""`lkjip check`'s "Masih perlu diisi" (lkjip.folder.belum_diisi): an indicator typed directly
whose quarters are in realisasi_pk_tw.csv but whose year is not in renstra/realisasi.csv gets no
yearly realisasi (data/README.md, realisasi_pk_tw.csv); the clerk is told where to type it
(bahasa3's finding on the Watukumpul fixture)."""

from __future__ import annotations

import shutil
from pathlib import Path

from lkjip.folder import belum_diisi
from lkjip.hitung import hitung
from lkjip.muat import muat

FIXTURE = Path(__file__).parent / "fixtures" / "kecamatan" / "watukumpul"


def test_quarters_in_the_pk_file_point_to_the_renstra_file(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "watukumpul")
    realisasi = tmp_path / "watukumpul" / "renstra" / "realisasi.csv"
    teks = realisasi.read_text(encoding="utf-8")
    assert "IKU-05;2024;tahun;52\n" in teks  # its quarters 11 + 14 + 13 + 14 (jumlah)
    realisasi.write_text(teks.replace("IKU-05;2024;tahun;52\n", ""), encoding="utf-8")
    data = muat("watukumpul", 2024, tmp_path)
    assert hitung(data).indikator["IKU-05"].realisasi.nilai is None
    kurang = [k for k in belum_diisi(data) if k.startswith("renstra/realisasi.csv")]
    assert kurang == [
        "renstra/realisasi.csv: belum ada realisasi 2024 untuk IKU-05 (Jumlah patroli dan "
        "operasi ketenteraman dan ketertiban umum); capaiannya tampil '–'. Triwulannya sudah "
        "diisi di realisasi_pk_tw.csv (baris 4), tetapi realisasi tahunan hanya dibaca dari "
        "renstra/realisasi.csv: isi di sana satu baris periode 'tahun' atau keempat baris "
        "TW1–TW4.",
        # IKU-06 has no quarter anywhere: the plain note
        "renstra/realisasi.csv: belum ada realisasi 2024 untuk IKU-06 (Persentase desa dengan "
        "Satlinmas terlatih); capaiannya tampil '–'."]
