"""Found by typing Kecamatan Watukumpul 2024 as an office (helper kantor3): a year typed twice.

A Renstra indicator's realisasi of the year typed as a `tahun` row of renstra/realisasi.csv
beside its four quarters (TW rows there, or realisasi_pk_tw.csv) that make another value: the
yearly figures used the `tahun` row and the quarterly table the quarters, without a word.
Expected values by hand from tests/mini.py `sasaran_ganda(3)`: IKU-04 (jumlah, turun, target
10) has the year 8 typed; IKU-05 (terakhir, %) the year 30.
"""

from __future__ import annotations

from lkjip.muat import muat
from lkjip.periksa import periksa
from tests.mini import sasaran_ganda, tulis_mini


def _tw_tahun(tmp_path, tambah_renstra="", realisasi_pk_tw=None) -> list:
    ganti = sasaran_ganda(3)
    ganti["renstra/realisasi.csv"] += tambah_renstra
    if realisasi_pk_tw is not None:
        ganti["2023/realisasi_pk_tw.csv"] = ("kode_pejabat,no,akumulasi_tw,arah,metode,"
                                             "tw1,tw2,tw3,tw4\n" + realisasi_pk_tw)
    data = muat("contoh", 2023, tulis_mini(tmp_path, ganti=ganti))
    return [t for t in periksa(data) if t.aturan == "tw-tahun"]


def test_quarters_summing_to_the_typed_year_are_no_finding(tmp_path):
    # IKU-04 jumlah: 2 + 2 + 3 + 1 = 8 = the tahun row; IKU-05 terakhir: TW IV 30 = the year
    tw = ("IKU-04,2023,TW1,2\nIKU-04,2023,TW2,2\nIKU-04,2023,TW3,3\nIKU-04,2023,TW4,1\n"
          "IKU-05,2023,TW1,10\nIKU-05,2023,TW2,20\nIKU-05,2023,TW3,25\nIKU-05,2023,TW4,30\n")
    assert _tw_tahun(tmp_path, tw) == []


def test_quarters_in_renstra_making_another_year_is_a_galat(tmp_path):
    # 2 + 2 + 2 + 1 = 7, typed year 8 (renstra/realisasi.csv row 5 in sasaran_ganda(3))
    tw = "IKU-04,2023,TW1,2\nIKU-04,2023,TW2,2\nIKU-04,2023,TW3,2\nIKU-04,2023,TW4,1\n"
    (t,) = _tw_tahun(tmp_path, tw)
    assert (t.tingkat, t.letak, t.tersaji, t.terhitung) == (
        "galat", "realisasi.csv baris 5", "8", "7")
    assert "renstra/realisasi.csv baris 7, 8, 9, 10; 2, 2, 2, 1" in t.pesan
    assert "hapus baris 'tahun'" in t.pesan


def test_quarters_of_realisasi_pk_tw_making_another_year_is_a_galat(tmp_path):
    # camat 4 = IKU-04: 3 + 3 + 2 + 3 = 11, typed year 8; IKU-05 terakhir: TW IV 30 = 30
    tw = "camat,4,,,,3,3,2,3\ncamat,5,,,,10,20,25,30\n"
    (t,) = _tw_tahun(tmp_path, realisasi_pk_tw=tw)
    assert (t.letak, t.tersaji, t.terhitung) == ("realisasi.csv baris 5", "8", "11")
    assert "realisasi_pk_tw.csv baris 2; 3, 3, 2, 3" in t.pesan
    assert "hapus baris" not in t.pesan


def test_an_incomplete_year_of_quarters_is_not_compared(tmp_path):
    # TW IV not reported yet: the year is the typed one, nothing to compare
    assert _tw_tahun(tmp_path, realisasi_pk_tw="camat,4,,,,3,3,2,\n") == []


def test_a_code_typed_with_letter_o_names_the_code_meant(tmp_path):
    # Watukumpul's pk_indikator.csv had IKU-O4 (letter O) for IKU-04: the message listed the
    # codes but did not say which one was meant, as it does for a list value (SMA -> SLTA)
    from lkjip.galat import LkjipError
    from tests.mini import BERKAS_MINI

    pk = BERKAS_MINI["2023/pk_indikator.csv"]
    assert ",IKU-02," in pk
    root = tulis_mini(tmp_path, ganti={"2023/pk_indikator.csv": pk.replace(",IKU-02,", ",IKU-O2,")})
    try:
        muat("contoh", 2023, root)
    except LkjipError as e:
        teks = str(e)
    else:
        raise AssertionError("IKU-O2 accepted")
    assert "nilai 'IKU-O2' tidak sah" in teks
    assert "(IKU-01, IKU-02) (mungkin maksudnya 'IKU-02')" in teks


def test_a_total_row_is_named_as_a_total_row(tmp_path):
    # Watukumpul typed "JUMLAH;;;;;2.275.720.000;2.303.985.000" under anggaran.csv, as the DPA
    # prints it: refused for its empty nama/tingkat, but nothing said it is a total row
    from lkjip.galat import LkjipError
    from tests.mini import BERKAS_MINI

    ang = BERKAS_MINI["2023/anggaran.csv"]
    baris = len(ang.splitlines()) + 1
    pemisah = ";" if ";" in ang.splitlines()[0] else ","
    total = pemisah.join(["JUMLAH"] + [""] * (ang.splitlines()[0].count(pemisah)))
    root = tulis_mini(tmp_path, ganti={"2023/anggaran.csv": ang + total + "\n"})
    try:
        muat("contoh", 2023, root)
    except LkjipError as e:
        pesan = [str(m) for m in e.masalah]
    else:
        raise AssertionError("total row accepted")
    assert any(f"anggaran.csv, baris {baris}, kolom 'kode': nilai 'JUMLAH': baris ini tampak "
               "sebagai baris jumlah/total" in p for p in pesan), pesan


def _tw_anggaran(tmp_path, tw4_11: str, realisasi_11: str) -> list:
    from tests.mini_tw import REALISASI_ANGGARAN_TW, tulis_mini_tw

    # mini_tw: kegiatan 1.1 (PK sekcam 1, anggaran 600.000) realisasi s.d. TW III 420.000;
    # kegiatan 1.2 (sekcam 2, 400.000) s.d. TW III 150.000, TW IV left empty
    assert "sekcam,1,90000,250000,420000,\n" in REALISASI_ANGGARAN_TW
    ganti = {
        "2023/realisasi_anggaran_tw.csv": REALISASI_ANGGARAN_TW.replace(
            "sekcam,1,90000,250000,420000,\n", f"sekcam,1,90000,250000,420000,{tw4_11}\n"),
        "2023/realisasi_anggaran.csv": ("tingkat,kode,realisasi\n"
                                        f"kegiatan,1.1,{realisasi_11}\nkegiatan,1.2,350000\n"),
    }
    data = muat("contoh", 2023, tulis_mini_tw(tmp_path, ganti=ganti))
    return [t for t in periksa(data) if t.aturan == "tw-anggaran-tahun"]


def test_budget_tw4_equal_to_the_year_is_no_finding(tmp_path):
    # 1.1: s.d. TW IV 580.000 = realisasi_anggaran.csv 580.000; 1.2 has no TW IV: not compared
    assert _tw_anggaran(tmp_path, "580000", "580000") == []


def test_budget_tw4_other_than_the_year_is_a_galat(tmp_path):
    # Watukumpul: kegiatan 3.1 60.950.000 for the year, 59.950.000 s.d. TW IV, no word
    (t,) = _tw_anggaran(tmp_path, "570000", "580000")
    assert (t.tingkat, t.letak, t.tersaji, t.terhitung) == (
        "galat", "realisasi_anggaran.csv baris 2", "Rp 580.000", "Rp 570.000")
    assert "PK sekcam no 1; realisasi_anggaran_tw.csv baris 2" in t.pesan
