"""Bab III's comparisons (lkjip.analisis, lkjip.analisis_dukungan, lkjip.pembanding) on the mini
kecamatan (tests/mini.py) and on the example, every expected value computed by hand.

Mini kecamatan, by hand:
- IKU-01 (IKM): 8 unsur answered 3, perilaku 4 → (8 × 3 + 4) / 9 × 25 = 77,777… → 77,78; target
  80, end target 85, realisasi 2022 76.
- IKU-02 (cakupan): (pengaduan 1/2 = 50 + desa 3/4 = 75) / 2 = 62,50; target 80, end target 90,
  no earlier realisasi.
- Renstra 2021–2026, report year 2023: 2026 − 2023 = 3 years left.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from lkjip import analisis as an
from lkjip import analisis_dukungan as dk
from lkjip import config
from lkjip import pembanding as pb
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import muat
from tests.mini import BERKAS_MINI, UNSUR, tulis_mini

D = Decimal


def _muat(root, ganti=None, kecamatan="contoh"):
    tulis_mini(root, kecamatan, ganti=ganti)
    data = muat(kecamatan, 2023, root)
    return data, hitung(data)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return _muat(tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="module")
def contoh():
    data = muat("bantarbolang", 2023, config.contoh())
    return data, hitung(data)


# ---------------------------------------------------------------- target and earlier years


def test_target_and_trend_mini(mini):
    data, hasil = mini
    t = an.tren(data, hasil, "IKU-01")
    assert t.selisih_target.bulat == D("-2.22")          # 77,78 − 80,00
    assert t.lalu.tahun == 2022 and t.lalu.selisih.bulat == D("1.78")  # 77,78 − 76,00
    assert t.lalu.relatif.bulat == D("2.34")             # 1,78 / 76 × 100 = 2,342
    assert t.lalu.membaik is True and t.awal is None     # one earlier year only
    assert list(t.realisasi) == [2022, 2023] and list(t.capaian) == [2023]  # no 2022 target
    t2 = an.tren(data, hasil, "IKU-02")
    assert t2.selisih_target.bulat == D("-17.50")        # 62,50 − 80,00
    assert t2.lalu is None                               # 2022 typed empty: not available


def test_trend_example(contoh):
    data, hasil = contoh
    t = an.tren(data, hasil, "IKU-01")
    assert t.selisih_target.bulat == D("0.78")           # 82,78 − 82
    assert (t.lalu.tahun, t.lalu.selisih.bulat) == (2022, D("2.15"))  # 82,78 − 80,63
    assert t.lalu.relatif.bulat == D("2.67")             # 2,15 / 80,63 × 100 = 2,6665
    assert (t.awal.tahun, t.awal.selisih.bulat) == (2020, D("4.78"))  # 82,78 − 78
    t2 = an.tren(data, hasil, "IKU-02")
    assert t2.selisih_target.bulat == D("-7.88")         # 86,81 − 94,69
    assert (t2.lalu.tahun, t2.lalu.selisih.bulat) == (2022, D("5.69"))  # 86,81 − 81,12
    assert (t2.awal.tahun, t2.awal.selisih.bulat) == (2021, D("-9.51"))  # 2020 is NA
    assert t2.awal.membaik is False


@pytest.mark.parametrize("a, b, diharapkan", [
    (D("82.7777"), D("80.63"), D("2.15")),   # printed 82,78 − 80,63
    (D("1.006"), D("0.004"), D("1.01")),     # printed 1,01 − 0,00, not 1,002 → 1,00
    (D("0.005"), D("0"), D("0.01")),         # half up before the difference
])
def test_selisih_of_printed_figures(a, b, diharapkan):
    assert an.selisih(a, b).nilai == diharapkan


def test_lebih_baik_follows_direction():
    naik, turun = an.selisih(D(5), D(3)), an.selisih(D(3), D(5))
    assert an.lebih_baik(naik, "naik") is True and an.lebih_baik(naik, "turun") is False
    assert an.lebih_baik(turun, "turun") is True and an.lebih_baik(an.selisih(1, 1), "naik") is None


# ---------------------------------------------------------------- Renstra end target


def test_sisa_renstra_mini(mini):
    data, hasil = mini
    s = an.sisa_renstra(data, hasil, "IKU-01")
    assert (s.tahun_akhir, s.sisa_tahun) == (2026, 3)
    assert s.sisa.bulat == D("7.22")                     # 85 − 77,78
    assert s.per_tahun.bulat == D("2.41")                # 7,22 / 3 = 2,4067
    assert s.progres.bulat == D("91.50") and s.tercapai is False  # 77,7778 / 85 × 100
    s2 = an.sisa_renstra(data, hasil, "IKU-02")
    assert (s2.sisa.bulat, s2.per_tahun.bulat) == (D("27.50"), D("9.17"))  # 90 − 62,50; / 3


def test_sisa_renstra_example(contoh):
    data, hasil = contoh
    s = an.sisa_renstra(data, hasil, "IKU-01")
    assert (s.sisa.bulat, s.per_tahun.bulat) == (D("16.95"), D("5.65"))  # 99,73 − 82,78; / 3
    s2 = an.sisa_renstra(data, hasil, "IKU-02")
    assert (s2.sisa.bulat, s2.per_tahun.bulat) == (D("9.66"), D("3.22"))  # 96,47 − 86,81; / 3


def test_sisa_renstra_reached_last_year_and_next_target(tmp_path):
    # end target 70 < 77,78: reached; a 2024 target is the next one the Renstra sets
    indikator = BERKAS_MINI["renstra/indikator.csv"].replace("ikm,85", "ikm,70")
    target = BERKAS_MINI["renstra/target.csv"] + "IKU-01,2024,81\n"
    data, hasil = _muat(tmp_path, {"renstra/indikator.csv": indikator,
                                   "renstra/target.csv": target})
    s = an.sisa_renstra(data, hasil, "IKU-01")
    assert s.tercapai is True and s.per_tahun is None and s.sisa.bulat == D("-7.78")
    assert s.target_berikut[0] == 2024 and s.target_berikut[1].nilai == D(81)


def test_sisa_renstra_in_the_last_year(tmp_path):
    profil = BERKAS_MINI["2023/profil.csv"].replace(",2021,2026,", ",2019,2023,")
    data, hasil = _muat(tmp_path, {"2023/profil.csv": profil})
    s = an.sisa_renstra(data, hasil, "IKU-01")
    assert s.sisa_tahun == 0 and s.per_tahun is None and s.sisa.bulat == D("7.22")


# ---------------------------------------------------------------- standards


def test_standar_from_file_and_ikm_mutu(mini):
    data, hasil = mini
    [prov] = an.standar(data, hasil, "IKU-02")
    assert (prov.tingkat, prov.nilai.nilai, prov.selisih.bulat) == ("provinsi", D(70),
                                                                    D("-7.50"))  # 62,50 − 70
    assert prov.terpenuhi is False
    [mutu] = an.standar(data, hasil, "IKU-01")
    # 77,78 is mutu B (76,61–88,30): the next band, A, starts at 88,31 → 77,78 − 88,31
    assert (mutu.tingkat, mutu.nilai.nilai, mutu.selisih.bulat) == ("nasional", D("88.31"),
                                                                    D("-10.53"))
    assert "mutu pelayanan A" in mutu.uraian and mutu.terpenuhi is False


def test_standar_example(contoh):
    data, hasil = contoh
    [mutu] = an.standar(data, hasil, "IKU-01")
    assert mutu.selisih.bulat == D("-5.53")              # 82,78 − 88,31
    assert an.standar(data, hasil, "IKU-02") == []       # no standar.csv in the example


# ---------------------------------------------------------------- causes


def test_komponen_mini(mini):
    data, hasil = mini
    k = an.komponen(data, hasil, "CL")
    # each of 2 leaves weighs 1/2: (100 − 50)/2 = 25,00; (100 − 75)/2 = 12,50; sum 37,50
    assert [(x.kode, x.penyebut, x.kekurangan.bulat) for x in k] == [
        ("CL.1", 2, D("25.00")), ("CL.2", 2, D("12.50"))]
    assert [x.kode for x in an.komponen_terlemah(k)] == ["CL.1", "CL.2"]
    assert [x.kode for x in an.komponen_terkuat(k)] == ["CL.2"]


def test_komponen_example(contoh):
    data, hasil = contoh
    k = {x.kode: x for x in an.komponen(data, hasil, "CL")}
    # 1/5 × 1/3 = 1/15 under CL.1, 1/5 × 1/2 = 1/10 under CL.2, 1/5 for CL.3–CL.5
    assert [k[c].penyebut for c in ("CL.1.1", "CL.1.3", "CL.2.1", "CL.5")] == [15, 15, 10, 5]
    assert k["CL.1.3"].kekurangan.bulat == D("5.19")     # (100 − 22,222…)/15 = 5,185
    assert k["CL.1.1"].kekurangan.bulat == D("4.00")     # (100 − 40)/15
    assert k["CL.2.1"].kekurangan.bulat == D("4.00")     # (100 − 60)/10
    total = sum(x.kekurangan.nilai for x in k.values())
    assert round(total, 2) == D("13.19")                 # 100 − 86,81 = 13,19
    lemah = an.komponen_terlemah(list(k.values()))
    assert [x.kode for x in lemah] == ["CL.1.3", "CL.1.1", "CL.2.1"]  # ties in tree order


def test_unsur_below_ikm(mini, contoh):
    data, hasil = mini
    bawah = an.unsur_di_bawah(hasil)
    # 8 unsur at 3 × 25 = 75,00 (mutu C: below 76,61) under the IKM 77,78; perilaku 100 above
    assert len(bawah) == 8 and {u.mutu for u in bawah} == {"C"}
    assert "perilaku" not in {u.kunci for u in bawah}
    data, hasil = contoh
    bawah = an.unsur_di_bawah(hasil)
    assert [(u.kunci, round(u.nilai, 2), u.mutu) for u in bawah] == [
        ("pengaduan", D("69.16"), "C"), ("sarana", D("80.05"), "B"), ("waktu", D("80.95"), "B")]


def test_triwulan(tmp_path, mini):
    data, hasil = mini
    assert an.triwulan(data, hasil, "IKU-02") == []     # no TW realisasi in the mini
    realisasi = (BERKAS_MINI["renstra/realisasi.csv"]
                 + "IKU-02,2023,TW1,20\nIKU-02,2023,TW2,30\nIKU-02,2023,TW3,60\n")
    data, hasil = _muat(tmp_path, {"renstra/realisasi.csv": realisasi})
    tw = an.triwulan(data, hasil, "IKU-02")
    # IKU-02 accumulates 'terakhir': PK TW targets 20, 40, 60; realisasi.csv's TW rows 20, 30,
    # 60: 20/20 = 100; 30/40 = 75; 60/60 = 100; TW4 not recorded
    assert [(t.tw, t.capaian.bulat) for t in tw] == [(1, D("100.00")), (2, D("75.00")),
                                                     (3, D("100.00"))]


def test_triwulan_from_the_quarterly_files(tmp_path):
    from tests.mini_tw import BERKAS_TW

    data, hasil = _muat(tmp_path, BERKAS_TW)
    # camat 2 (IKU-02, 'terakhir'): targets s.d. TW 20, 40, 60; realisasi_pk_tw 15, 30, 45
    # → 15/20 = 75; 30/40 = 75; 45/60 = 75; the office explained TW III
    tw = an.triwulan(data, hasil, "IKU-02")
    assert [(t.tw, t.target.nilai, t.realisasi.nilai, t.capaian.bulat, t.penjelasan)
            for t in tw] == [(1, 20, 15, D("75.00"), None), (2, 40, 30, D("75.00"), None),
                             (3, 60, 45, D("75.00"), "Data layanan desa belum lengkap")]
    # camat 1 (IKU-01, IKM 'terakhir'): TW I has no target and no realisasi; s.d. TW II
    # 78/80 = 97,50; s.d. TW III the last target is still 80: 81/80 = 101,25
    assert [(t.tw, t.capaian.bulat) for t in an.triwulan(data, hasil, "IKU-01")] == [
        (2, D("97.50")), (3, D("101.25"))]



def test_quarters_computed_once_for_the_same_objects(tmp_path, monkeypatch):
    # issue 15: a report asks for an indicator's quarters 5 times with the same data and model
    # objects; computed once for them, again for other objects; the caller's list its own
    from lkjip import triwulan as tw_mod
    from tests.mini_tw import BERKAS_TW

    monkeypatch.setattr(an, "_TRIWULAN", {})
    data, hasil = _muat(tmp_path, BERKAS_TW)
    dihitung = []
    asli = tw_mod.hitung_indikator_tw
    monkeypatch.setattr(tw_mod, "hitung_indikator_tw",
                        lambda *a, **k: dihitung.append(a[-1]) or asli(*a, **k))
    pertama = an.triwulan(data, hasil, "IKU-02")
    assert [t.tw for t in pertama] == [1, 2, 3] and dihitung == ["IKU-02"]
    pertama.clear()
    assert [t.tw for t in an.triwulan(data, hasil, "IKU-02")] == [1, 2, 3]
    assert dihitung == ["IKU-02"]
    an.triwulan(data, hasil, "IKU-01")
    data2, hasil2 = _muat(tmp_path, BERKAS_TW)  # the same files, other objects
    assert [t.tw for t in an.triwulan(data2, hasil2, "IKU-02")] == [1, 2, 3]
    assert dihitung == ["IKU-02", "IKU-01", "IKU-02"]


@pytest.mark.parametrize("n", [3, 4])
def test_one_indicator_s_quarters_are_its_rows_of_the_whole_list(tmp_path, n):
    """`an.triwulan` asks `hitung_indikator_tw` for one indicator (``kode``): the rows it
    gets are those of that indicator in the whole list, field for field (the example, whose
    PK has rows of every kind: rated, a/b targets, rows without kode_indikator, and the
    mini kecamatan with quarterly files)."""
    from lkjip.peringatan_tw import muat_ambang
    from lkjip.triwulan import hitung_indikator_tw
    from tests.mini_tw import BERKAS_TW

    contoh = muat("bantarbolang", 2023, config.contoh())
    mini_tw, _ = _muat(tmp_path, BERKAS_TW)
    dinilai = 0
    for data in (contoh, mini_tw):
        ambang = muat_ambang(data)
        semua = hitung_indikator_tw(data, n, ambang)
        kode = {p.kode_indikator for p in semua} - {None}  # None: a row without kode
        assert len(kode) > 1
        dinilai += sum(t.capaian.nilai is not None for p in semua for t in p.titik)
        for k in kode:
            assert hitung_indikator_tw(data, n, ambang, k) == \
                [p for p in semua if p.kode_indikator == k], k
    assert dinilai  # rated rows were among those compared


# ---------------------------------------------------------------- the PK of the program level


def test_capaian_pk_mini(mini):
    data, hasil = mini
    [p] = dk.capaian_pk(data, hasil)
    # Sekcam's "Jumlah dokumen" 3 of 4 = 75,00: ≤ 75,50 is Sangat Rendah on the seed's scale
    assert (p.realisasi.nilai, p.capaian.bulat, p.kategori) == (D(3), D("75.00"),
                                                                "Sangat Rendah")
    assert (p.kode_anggaran, p.program, p.pagu.nilai) == ("1.1", "Administrasi Keuangan",
                                                          D(600000))
    assert p.beda_pembulatan is False


def test_capaian_pk_from_a_composite_node(tmp_path):
    pk = BERKAS_MINI["2023/pk_indikator.csv"] + (
        "camat,3,Terlaksananya Program Penunjang,Persentase pengaduan terselesaikan,,%,60,,,,\n")
    realisasi = BERKAS_MINI["2023/pk_realisasi.csv"] + "camat,3,CL.1,,1,\n"
    data, hasil = _muat(tmp_path, {"2023/pk_indikator.csv": pk,
                                   "2023/pk_realisasi.csv": realisasi})
    p = dk.capaian_pk(data, hasil)[1]
    # node CL.1 = 1/2 × 100 = 50; 50 / 60 × 100 = 83,333 → 83,33 (Sedang: 81,26–88,75)
    assert (p.realisasi.nilai, p.capaian.bulat, p.kategori, p.arah) == (D(50), D("83.33"),
                                                                        "Sedang", "naik")


def test_capaian_pk_example(contoh):
    data, hasil = contoh
    pk = {p.no: p for p in dk.capaian_pk(data, hasil)}
    # pelayanan publik: (40 + 100 + 22,222…)/3 = 54,0741; 54,0741 / 92,22 × 100 = 58,636 → 58,64.
    # From the printed 54,07 it would be 58,631 → 58,63: the report says which it uses.
    assert (pk[3].realisasi.bulat, pk[3].capaian.bulat) == (D("54.07"), D("58.64"))
    assert pk[3].beda_pembulatan is True and pk[3].kategori == "Sangat Rendah"
    assert (pk[4].capaian.bulat, pk[4].kategori) == (D("80.00"), "Rendah")  # 80 / 100
    assert pk[7].capaian.bulat == D("113.33")            # 100 / 88,24 × 100 = 113,327
    assert pk[8].realisasi.nilai is None and pk[8].capaian.nilai is None  # Indeks RB: none
    assert pk[3].pagu.nilai == D(2047500) and pk[8].pagu.nilai == D(2460636770)


@pytest.mark.parametrize("isi, kolom", [
    ("sekcam,9,,3,1.1,naik\n", "no"),                    # no such PK row
    ("sekcam,1,CL.1,3,1.1,naik\n", "realisasi"),         # both a node and a typed value
    ("sekcam,1,CL.9,,1.1,naik\n", "kode_node"),          # unknown node
    ("sekcam,1,,3,9.9,naik\n", "kode_anggaran"),         # unknown budget code
])
def test_pk_realisasi_bad_rows_are_named(tmp_path, isi, kolom):
    kepala = BERKAS_MINI["2023/pk_realisasi.csv"].splitlines()[0] + "\n"
    tulis_mini(tmp_path, ganti={"2023/pk_realisasi.csv": kepala + isi})
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, tmp_path)
    [m] = e.value.masalah
    assert (m.berkas, m.baris, m.kolom) == ("contoh/2023/pk_realisasi.csv", 2, kolom)


# ---------------------------------------------------------------- budget and efficiency


def test_anggaran_pendukung(mini, tmp_path):
    data, hasil = mini
    b = dk.anggaran_pendukung(data, hasil, "S1")
    assert [(x.kode, x.dalam, x.pagu.nilai) for x in b] == [
        ("1", 0, D(1000000)), ("1.1", 1, D(600000)), ("1.2", 1, D(400000))]
    assert all(x.realisasi.nilai is None for x in b)     # realisasi only per sasaran
    real = "tingkat,kode,realisasi\nkegiatan,1.1,500000\nkegiatan,1.2,400000\n"
    data, hasil = _muat(tmp_path / "a", {"2023/realisasi_anggaran.csv": real})
    b = {x.kode: x for x in dk.anggaran_pendukung(data, hasil, "S1")}
    # program = 500.000 + 400.000 = 900.000 → 900.000/1.000.000 = 90,00; 500.000/600.000 = 83,33
    assert (b["1"].realisasi.nilai, b["1"].penyerapan.bulat) == (D(900000), D("90.00"))
    assert (b["1.1"].penyerapan.bulat, b["1.2"].penyerapan.bulat) == (D("83.33"), D("100.00"))
    # leaves only (lkjip.hitung.realisasi_node): a program row above its kegiatan rows is a
    # stated total, not added: program 1 is still 900.000
    real += "program,1,950000\n"
    data, hasil = _muat(tmp_path / "b", {"2023/realisasi_anggaran.csv": real})
    assert dk.anggaran_pendukung(data, hasil, "S1")[0].realisasi.nilai == D(900000)


def test_efisiensi_by_the_office_rule(mini, tmp_path):
    data, hasil = mini
    e = dk.efisiensi(data, hasil)
    # capaian (97,2222 + 78,125)/2 = 87,6736; penyerapan 95,00 → −7,3264 → −7,33 < 0
    assert [(x.kode, x.selisih.bulat, x.efisien) for x in e] == [
        ("S1", D("-7.33"), False), (None, D("-7.33"), False)]
    data, hasil = _muat(tmp_path, {"2023/ketentuan.csv": None})
    assert [x.efisien for x in dk.efisiensi(data, hasil)] == [None, None]  # no rule, no verdict


def test_efisiensi_threshold_below(tmp_path):
    ketentuan = BERKAS_MINI["2023/ketentuan.csv"].replace("efisiensi,0,", "efisiensi,-8,")
    data, hasil = _muat(tmp_path, {"2023/ketentuan.csv": ketentuan})
    assert dk.efisiensi(data, hasil)[0].efisien is True  # −7,33 ≥ −8


def test_rincian_belanja(mini, contoh, tmp_path):
    data, hasil = mini
    r = dk.rincian_belanja(data, hasil)
    # 1.200.000/1.300.000 = 92,3077 → 92,31; 100.000/1.300.000 = 7,69; 950.000/1.000.000 = 95
    assert [(b.jenis, b.porsi_murni.bulat, b.porsi_perubahan.bulat) for b in r.baris] == [
        ("operasi", D("92.31"), D("95.00")), ("modal", D("7.69"), D("5.00"))]
    assert (r.murni.nilai, r.perubahan.nilai) == (D(1300000), D(1000000))
    assert r.selisih("murni").nilai == 0 and r.selisih("perubahan").nilai == 0
    lain = "jenis_belanja,pagu_murni,pagu_perubahan\noperasi,1250000,\nmodal,100000,\n"
    data, hasil = _muat(tmp_path, {"2023/belanja.csv": lain})
    r = dk.rincian_belanja(data, hasil)
    assert r.selisih("murni").nilai == D(50000)          # 1.350.000 − 1.300.000
    assert r.perubahan.nilai is None and r.selisih("perubahan").nilai is None
    data, hasil = contoh
    r = dk.rincian_belanja(data, hasil)
    # 2.526.771.750 + 17.641.000 = 2.544.412.750 = the DPA's pagu murni (Tabel 2.5)
    assert r.murni.nilai == D(2544412750) and r.selisih("murni").nilai == 0
    assert [b.porsi_murni.bulat for b in r.baris] == [D("99.31"), D("0.69")]  # 99,3067; 0,6933


def test_renstra_table_and_pk(mini, contoh, tmp_path):
    data, _ = mini
    assert dk.indikator_renstra(data) == ["IKU-01"] and dk.pk_di_luar_renstra(data) == ["IKU-02"]
    data, _ = contoh
    assert dk.indikator_renstra(data) == ["IKU-01", "IKU-03", "IKU-04"]
    assert dk.pk_di_luar_renstra(data) == ["IKU-02"]  # the seed's Tabel 2.1 lacks cakupan
    data, _ = _muat(tmp_path, {"renstra/indikator_renstra.csv": None})
    assert dk.indikator_renstra(data) == ["IKU-01", "IKU-02"] and not dk.pk_di_luar_renstra(data)


def test_without_the_optional_files_nothing_is_asked(tmp_path):
    ganti = {k: None for k in ("renstra/visi_misi.csv", "renstra/indikator_renstra.csv",
                               "2023/pk_realisasi.csv", "2023/standar.csv", "2023/ketentuan.csv",
                               "2023/rujukan.csv", "2023/instrumen.csv", "2023/belanja.csv")}
    data, hasil = _muat(tmp_path, ganti)
    assert dk.capaian_pk(data, hasil) == [] and dk.rincian_belanja(data, hasil) is None
    assert dk.aturan_efisiensi(data) is None and an.standar(data, hasil, "IKU-02") == []


# ---------------------------------------------------------------- the kabupaten's kecamatan


def _semua(nilai: str) -> str:
    return (f"no,periode,tanggal,layanan,{UNSUR}\n"
            + "".join(f"{n},S{1 + n // 3},,KTP,{nilai}\n" for n in (1, 2, 3, 4)))


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory):
    """contoh (IKM 77,78), alfa (all 4 → 100), beta (2 ×8, perilaku 4 → (16+4)/9×25 = 55,56),
    gamma in another kabupaten, rusak that does not load."""
    root = tmp_path_factory.mktemp("kab")
    tulis_mini(root)
    tulis_mini(root, "alfa", {"2023/ikm_responden.csv": _semua("4,4,4,4,4,4,4,4,4")})
    tulis_mini(root, "beta", {"2023/ikm_responden.csv": _semua("2,2,2,2,2,2,4,2,2")})
    tulis_mini(root, "gamma", {"2023/profil.csv": BERKAS_MINI["2023/profil.csv"].replace(
        "Pemalang,Jawa Tengah", "Tegal,Jawa Tengah")})
    tulis_mini(root, "rusak", {"2023/pegawai.csv": None})
    data = muat("contoh", 2023, root)
    return data, hitung(data), pb.muat_pembanding(data, folders=[])


def test_pembanding_same_kabupaten_only_and_failures_named(kabupaten):
    data, hasil, lain = kabupaten
    assert sorted(h.data.kecamatan for h in lain.hasil) == ["alfa", "beta"]  # gamma: Tegal
    assert [k for k, _ in lain.gagal] == ["rusak"] and "pegawai.csv" in lain.gagal[0][1]
    assert lain.sintetis is False


def test_peringkat_and_mean(kabupaten):
    data, hasil, lain = kabupaten
    p = pb.banding(hasil, "IKU-01", lain)
    # 100 (Alfa) > 77,78 (Contoh) > 55,56 (Beta); mean (100 + 77,7778 + 55,5556)/3 = 77,7778
    assert (p.peringkat, p.n, p.rerata.bulat) == (2, 3, D("77.78"))
    assert [(n, v) for n, v, _ in p.daftar] == [("Alfa", D("100.00")), ("Contoh", D("77.78")),
                                                ("Beta", D("55.56"))]
    assert p.terbaik == ("Alfa", D("100.00")) and p.terburuk == ("Beta", D("55.56"))
    q = pb.banding(hasil, "IKU-02", lain)
    assert (q.peringkat, [r for *_, r in q.daftar]) == (1, [1, 1, 1])  # all 62,50: tied
    assert pb.banding(hasil, "IKU-01", pb.Pembanding()) is None       # nobody to compare


def test_pembanding_skips_own_and_duplicate_folders(kabupaten, tmp_path):
    data, _, _ = kabupaten
    kedua = tmp_path / "kedua"
    shutil.copytree(data.data_dir / "alfa", kedua / "alfa")
    lain = pb.muat_pembanding(data, folders=[kedua])
    assert sorted(h.data.kecamatan for h in lain.hasil) == ["alfa", "beta"]  # alfa once


# ---------------------------------------------------------------- data/README.md examples

BARU = ("renstra/visi_misi.csv", "renstra/indikator_renstra.csv", "2023/pk_realisasi.csv",
        "2023/standar.csv", "2023/ketentuan.csv", "2023/rujukan.csv", "2023/instrumen.csv",
        "2023/belanja.csv")


def _contoh_readme(nama: str) -> str:
    """The file's ```csv example block in data/README.md."""
    teks = (config.contoh() / "README.md").read_text(encoding="utf-8")
    return teks.split(f"```csv {nama.removeprefix('2023/')}\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("nama", BARU)
def test_readme_example_loads_as_written(nama, tmp_path):
    # with the whole example kecamatan (tests/test_dokumen loads the examples with each other)
    shutil.copytree(config.contoh() / "bantarbolang", tmp_path / "bantarbolang")
    (tmp_path / "bantarbolang" / nama).write_text(_contoh_readme(nama), encoding="utf-8")
    data = muat("bantarbolang", 2023, tmp_path)
    tabel = nama.rsplit("/", 1)[1].removesuffix(".csv")
    assert len(getattr(data, tabel)) >= 1


def test_triwulan_shows_only_the_reported_quarters(tmp_path):
    from tests.mini_tw import BERKAS_TW, REALISASI_PK_TW

    # camat 2 (IKU-02, 'terakhir') reports TW I and TW III only: s.d. TW II would repeat 15
    tw = REALISASI_PK_TW.replace("camat,2,,,,15,30,45,", "camat,2,,,,15,,45,")
    data, hasil = _muat(tmp_path, BERKAS_TW | {"2023/realisasi_pk_tw.csv": tw})
    # 15/20 = 75; 45/60 = 75
    daftar = an.triwulan(data, hasil, "IKU-02")
    assert [(t.tw, t.realisasi.nilai, t.capaian.bulat) for t in daftar] == [
        (1, 15, D("75.00")), (3, 45, D("75.00"))]
