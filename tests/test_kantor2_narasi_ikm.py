"""'IKM' in a sentence names the year's IKM (found entering a second kecamatan from
data/README.md alone): "Nilai IKM tahun 2024 sebesar 85,07 dengan unsur terendah penanganan
pengaduan (68,75)." was a galat saying 85,07 should be the unsur's 68,75, because the only
figure the sentence named was the unsur after it.

The mini survey (tests/mini.py): every respondent answers 3 on eight unsur and 4 on perilaku;
IKM = 28 / 9 × 25 = 77,78; unsur pengaduan = 3 × 25 = 75,00.
"""

from __future__ import annotations

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import tulis_mini


def _narasi(tmp_path, kalimat):
    tulis_mini(tmp_path, ganti={"2023/narasi/inovasi.md": kalimat + "\n"})
    return [t for t in periksa(muat("contoh", 2023, tmp_path))
            if t.aturan.startswith("narasi-") and t.berkas.endswith("inovasi.md")]


def test_ikm_and_an_unsur_in_one_sentence_each_meet_their_own_figure(tmp_path):
    assert _narasi(tmp_path, "Nilai IKM tahun 2023 sebesar 77,78 dengan unsur terendah "
                             "penanganan pengaduan (75,00).") == []


def test_a_wrong_ikm_is_compared_with_the_ikm(tmp_path):
    temuan = _narasi(tmp_path, "Nilai IKM tahun 2023 sebesar 77,50 dengan unsur terendah "
                               "penanganan pengaduan (75,00).")
    assert [(t.aturan, t.tersaji, t.terhitung) for t in temuan] == [
        ("narasi-angka", "77,50", "77,78")]
    assert "menyebut IKM tahun ini: tertulis 77,50, padahal terhitung 77,78" in temuan[0].pesan
