"""'92,5' typed without quotes in a ',' pk_indikator.csv whose row leaves out its empty TW cells
is as long as the header (found entering a second kecamatan from data/README.md alone): the
loader reads target 92 and TW I 5. Only the pk-tw-target peringatan can see it; it now names
the likely cause."""

from __future__ import annotations

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import BERKAS_MINI, tulis_mini


def _tw_target(tmp_path, baris):
    isi = BERKAS_MINI["2023/pk_indikator.csv"] + baris + "\n"
    tulis_mini(tmp_path, ganti={"2023/pk_indikator.csv": isi})
    return [t for t in periksa(muat("contoh", 2023, tmp_path)) if t.aturan == "pk-tw-target"]


def test_a_decimal_target_split_by_its_comma_is_named(tmp_path):
    # 8 cells for 11 columns: target '92', tw1 '5'; 5 is neither the sum (92) nor TW IV
    temuan = _tw_target(tmp_path, "sekcam,9,Tersusunnya dokumen,Persentase tepat waktu,,%,92,5")
    assert [t.tingkat for t in temuan] == ["peringatan"]
    assert temuan[0].pesan.endswith(
        "Bila yang dimaksud target 92,5: di berkas berpemisah ',' angka berkoma desimal diapit "
        "tanda petik (\"92,5\"); tanpa tanda petik, angka di belakang koma terbaca sebagai TW I.")


def test_tw_targets_that_are_only_wrong_get_no_comma_note(tmp_path):
    temuan = _tw_target(tmp_path, "sekcam,9,Tersusunnya dokumen,Jumlah dokumen,,dokumen,12,3,3,3,2")
    assert len(temuan) == 1 and "tanda petik" not in temuan[0].pesan
