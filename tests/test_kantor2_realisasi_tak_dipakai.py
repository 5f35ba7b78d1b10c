"""A realisasi typed in renstra/realisasi.csv for this year of an indicator lkjip computes is
not used (found entering a second kecamatan from data/README.md alone: the office typed its own
IKM 2024 there and the report printed another one without a word). When it differs from the
computed value, `lkjip check` says so.

Hand values of the mini (tests/mini.py): IKM 2023 = 28 / 9 × 25 = 77,78 (IKU-01, ikm);
Cakupan 2023 = (1/2 × 100 + 3/4 × 100) / 2 = 62,50 (IKU-02, komposit).
"""

from __future__ import annotations

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import BERKAS_MINI, tulis_mini

REALISASI = BERKAS_MINI["renstra/realisasi.csv"]  # rows 2-3: 2022


def _temuan(tmp_path, *baris):
    isi = REALISASI + "".join(b + "\n" for b in baris)
    tulis_mini(tmp_path, ganti={"renstra/realisasi.csv": isi})
    return [t for t in periksa(muat("contoh", 2023, tmp_path))
            if t.aturan == "realisasi-indikator"]


def test_a_typed_realisasi_that_the_report_does_not_print_is_a_galat(tmp_path):
    temuan = _temuan(tmp_path, "IKU-01,2023,tahun,77.70", 'IKU-02,2023,tahun,"60,00"')
    assert [(t.tingkat, t.baris, t.tersaji, t.terhitung) for t in temuan] == [
        ("galat", 4, "77,70", "77,78"), ("galat", 5, "60,00", "62,50")]
    assert temuan[0].pesan == (
        "Realisasi IKU-01 2023 diketik 77,70 di renstra/realisasi.csv, padahal lkjip "
        "menghitungnya dari survei IKM 2023: 77,78. Baris ini tidak dipakai; laporan mencetak "
        "77,78. Hapus baris ini, atau pindahkan angka kantor ke tersaji.csv (besaran "
        "realisasi, kunci IKU-01) agar tetap dibandingkan.")
    assert "dari pohon komposit.csv: 62,50." in temuan[1].pesan


def test_the_same_value_or_an_earlier_year_is_not_a_finding(tmp_path):
    assert _temuan(tmp_path, "IKU-01,2023,tahun,77.78", "IKU-02,2023,tahun,62.5") == []
