"""An office whose spreadsheet weighs each unsur 0,111 instead of 1/9 states an IKM a little
lower than lkjip's (found entering a second kecamatan from data/README.md alone): the galat
alone sent the office looking for a wrong survey answer; an info next to it names the weight.

The mini survey (tests/mini.py): in each semester every respondent answers 3 on eight unsur
and 4 on perilaku, so the sum of NRR is 8 × 3 + 4 = 28 and
  1/9:    28 / 9 × 25 = 77,777… -> 77,78
  0,111:  28 × 0,111 × 25 = 77,70
"""

from __future__ import annotations

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import tulis_mini

JUDUL = "besaran,kunci,nilai,sumber\n"


def _ikm(tmp_path, *baris):
    tulis_mini(tmp_path, ganti={"2023/tersaji.csv": JUDUL + "".join(b + "\n" for b in baris)})
    return [t for t in periksa(muat("contoh", 2023, tmp_path)) if t.aturan == "ikm"]


def test_a_stated_ikm_weighed_0111_is_named_next_to_its_galat(tmp_path):
    temuan = _ikm(tmp_path, 'ikm_semester,S1,"77,70",Tabel Hasil Survei',
                  'ikm_tahun,,"77,70",Bab III')
    assert sorted((t.tingkat, t.baris) for t in temuan) == [
        ("galat", 2), ("galat", 3), ("info", 2), ("info", 3)]
    info = [t for t in temuan if t.tingkat == "info"]
    assert info[0].pesan.startswith(
        "IKM semester S1 tersaji 77,70 adalah hasil bobot 0,111 per unsur: Σ NRR 28,000 × "
        "0,111 × 25 = 77,70. lkjip memakai bobot tepat 1/9 (Permenpan RB 14/2017): 28,000 / 9 "
        "× 25 = 77,78;")
    assert info[1].pesan.startswith("IKM tahun tersaji 77,70 adalah hasil bobot 0,111")
    assert len({t.id for t in temuan}) == 4


def test_another_wrong_ikm_or_the_right_one_gets_no_weight_note(tmp_path):
    temuan = _ikm(tmp_path, 'ikm_semester,S1,"77,60",Tabel Hasil Survei',
                  'ikm_semester,S2,"77,78",Tabel Hasil Survei')
    assert [(t.tingkat, t.baris) for t in temuan] == [("galat", 2)]
