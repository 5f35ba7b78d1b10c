"""Every figure over more than one sasaran, on the mini kecamatan with two and three sasaran.

The fixture (`tests.mini.sasaran_ganda`) and its hand calculation: S1 is the mini's sasaran
(IKM 77,777… and cakupan 62,5 against targets 80), S2 has one indicator (Nilai AKIP 45 of 50),
S3 two (a lower-is-better count 8 against 10, and 30 of 40). The sasaran have 2, 1 and 2
indicators, so the mean of the sasaran (the rule) and the mean of the indicators differ.

Rules (Permenpan RB 53/2014, as the seed's Bab III prints them): capaian = Realisasi / Target
× 100, lower is better (2 × Target − Realisasi) / Target × 100; capaian sasaran = mean of its
indicators' capaian ("metode rata-rata data kelompok"); capaian kinerja = mean of the sasaran;
penyerapan = realisasi / pagu × 100; efisiensi = capaian kinerja − penyerapan; rounded half-up
to 2 decimals once, at the end. Categories on the seed's Tabel 3.1 (bantarbolang-2023):
≥ 93,51 Sangat Tinggi; 88,76–93,50 Tinggi; 81,26–88,75 Sedang.
Expected values are computed by hand (comments), never pasted from the program's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip import tabel
from lkjip.format import format_angka
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.periksa import periksa
from lkjip.tampil_periksa import cetak_temuan
from tests.mini import sasaran_ganda, tulis_mini

D = Decimal


def _hasil(tmp_path, n: int, **ganti):
    tulis_mini(tmp_path, ganti=sasaran_ganda(n) | ganti)
    return hitung(muat("contoh", 2023, tmp_path))


# ---------------------------------------------------------------- capaian


def test_capaian_per_sasaran_tiga_sasaran(tmp_path):
    h = _hasil(tmp_path, 3)
    s = h.sasaran
    assert list(s) == ["S1", "S2", "S3"]
    assert [s[k].indikator for k in s] == [["IKU-01", "IKU-02"], ["IKU-03"], ["IKU-04", "IKU-05"]]
    # S1 = (700/9 / 80 × 100 + 62,5 / 80 × 100) / 2 = (97,2222… + 78,125) / 2 = 87,6736… → 87,67
    assert s["S1"].capaian.bulat == D("87.67") and s["S1"].kategori == "Sedang"
    # S2 = 45 / 50 × 100 = 90,00 → Tinggi (88,76–93,50)
    assert s["S2"].capaian.bulat == D("90.00") and s["S2"].kategori == "Tinggi"
    # IKU-04 lower is better: (2 × 10 − 8) / 10 × 100 = 120; IKU-05 30 / 40 × 100 = 75
    assert h.indikator["IKU-04"].capaian.bulat == D("120.00")
    assert h.indikator["IKU-05"].capaian.bulat == D("75.00")
    # S3 = (120 + 75) / 2 = 97,50 → Sangat Tinggi
    assert s["S3"].capaian.bulat == D("97.50") and s["S3"].kategori == "Sangat Tinggi"


@pytest.mark.parametrize(("n", "keseluruhan", "kategori"), [
    # (87,6736… + 90) / 2 = 25585/288 = 88,8368… → 88,84 Tinggi; the mean of the three
    # indicators would be (97,2222… + 78,125 + 90) / 3 = 88,449… → 88,45 Sedang
    (2, D("88.84"), "Tinggi"),
    # (87,6736… + 90 + 97,5) / 3 = 39625/432 = 91,7245… → 91,72 Tinggi; the mean of the five
    # indicators would be (97,2222… + 78,125 + 90 + 120 + 75) / 5 = 92,069… → 92,07
    (3, D("91.72"), "Tinggi"),
])
def test_capaian_kinerja_adalah_rerata_sasaran_bukan_rerata_indikator(tmp_path, n, keseluruhan,
                                                                      kategori):
    h = _hasil(tmp_path, n)
    assert h.capaian_kinerja.bulat == keseluruhan
    assert h.kategori_kinerja == kategori


def test_capaian_kinerja_dibulatkan_sekali(tmp_path):
    """The overall figure is the mean of the unrounded sasaran: (87,6736… + 90) / 2 = 88,8368…;
    from the rounded 87,67 it would be 88,835 → 88,84 too, so look at the unrounded value."""
    h = _hasil(tmp_path, 2)
    # 25585 / 288 = 88,836805555…
    assert abs(h.capaian_kinerja.nilai - D(25585) / D(288)) < D("1e-20")


# ---------------------------------------------------------------- budget


@pytest.mark.parametrize(("n", "pagu", "realisasi", "penyerapan"), [
    # S1 600.000 + 400.000 + S2 300.000 = 1.300.000; 950.000 + 240.000 = 1.190.000;
    # 1.190.000 / 1.300.000 × 100 = 91,538… → 91,54
    (2, 1_300_000, 1_190_000, D("91.54")),
    # + S3 250.000 + 150.000 = 1.700.000; + 390.000 = 1.580.000; 1.580.000 / 1.700.000 × 100
    # = 92,941… → 92,94
    (3, 1_700_000, 1_580_000, D("92.94")),
])
def test_anggaran_per_sasaran_dan_jumlahnya(tmp_path, n, pagu, realisasi, penyerapan):
    h = _hasil(tmp_path, n)
    per = {k: (s.pagu.nilai, s.realisasi_anggaran.nilai, s.penyerapan.bulat)
           for k, s in h.sasaran.items()}
    harapan = {"S1": (1_000_000, 950_000, D("95.00")),  # 950.000 / 1.000.000
               "S2": (300_000, 240_000, D("80.00")),  # 240.000 / 300.000
               "S3": (400_000, 390_000, D("97.50"))}  # 390.000 / 400.000
    assert per == {k: harapan[k] for k in list(harapan)[:n]}
    assert sum(s.pagu.nilai for s in h.sasaran.values()) == pagu
    assert sum(s.realisasi_anggaran.nilai for s in h.sasaran.values()) == realisasi
    assert h.penyerapan.bulat == penyerapan
    assert h.kategori_anggaran == "Tinggi"  # 91,54 and 92,94 are both in 88,76–93,50


@pytest.mark.parametrize(("n", "per_sasaran", "keseluruhan"), [
    # S1 87,6736… − 95 = −7,3263… → −7,33; S2 90 − 80 = 10; whole 88,8368… − 91,5384…
    # = −2,7016… → −2,70
    (2, {"S1": D("-7.33"), "S2": D("10.00")}, D("-2.70")),
    # S3 97,5 − 97,5 = 0; whole 91,7245… − 92,9411… = −1,2166… → −1,22
    (3, {"S1": D("-7.33"), "S2": D("10.00"), "S3": D("0.00")}, D("-1.22")),
])
def test_efisiensi_per_sasaran_dan_keseluruhan(tmp_path, n, per_sasaran, keseluruhan):
    h = _hasil(tmp_path, n)
    assert {k: s.efisiensi.bulat for k, s in h.sasaran.items()} == per_sasaran
    assert h.efisiensi.bulat == keseluruhan


def test_tabel_anggaran_sasaran_tiga_sasaran(tmp_path):
    h = _hasil(tmp_path, 3)
    t = tabel.tabel_anggaran_sasaran(h.data, h)
    kolom = ["Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)"]
    assert [t.sel("S2", k) for k in kolom] == ["300.000", "240.000", "80,00"]
    assert [t.sel("S3", k) for k in kolom] == ["400.000", "390.000", "97,50"]
    assert [t.sel("total", k) for k in kolom] == ["1.700.000", "1.580.000", "92,94"]


def test_tabel_ikhtisar_dan_kesimpulan_tiga_sasaran(tmp_path):
    h = _hasil(tmp_path, 3)
    ikhtisar = tabel.tabel_ikhtisar(h.data, h)
    assert [ikhtisar.sel(k, "Capaian (%)") for k in ("S1", "S2", "S3", "keseluruhan")] == [
        "87,67", "90,00", "97,50", "91,72"]
    assert ikhtisar.sel("keseluruhan", "Kategori") == "Tinggi"
    kesimpulan = tabel.tabel_kesimpulan(h.data, h)
    assert kesimpulan.sel("kinerja", "Nilai (%)") == "91,72"
    assert kesimpulan.sel("anggaran", "Nilai (%)") == "92,94"
    assert kesimpulan.sel("efisiensi", "Nilai (%)") == "-1,22"


# ---------------------------------------------------------------- realisasi without a sasaran row

REALISASI_TANPA_SASARAN = {
    # S2 only through its kegiatan 2.1, S3 only through its program 3
    "2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nsasaran,S1,950000\n"
                                   "kegiatan,2.1,240000\nprogram,3,390000\n",
}


def test_realisasi_dari_program_dan_kegiatan_tanpa_baris_sasaran(tmp_path):
    h = _hasil(tmp_path, 3, **REALISASI_TANPA_SASARAN)
    # S2: kegiatan 2.1 belongs to program 2 (S2): 240.000; S3: program 3: 390.000
    assert h.sasaran["S2"].realisasi_anggaran.nilai == 240_000
    assert h.sasaran["S3"].realisasi_anggaran.nilai == 390_000
    assert h.penyerapan.bulat == D("92.94")  # 1.580.000 / 1.700.000, as with sasaran rows


def test_realisasi_program_dan_rinciannya_tidak_dihitung_dua_kali(tmp_path):
    """A program row and the rows of its kegiatan are the same money: program 3 = 390.000
    = kegiatan 3.1 245.000 + 3.2 145.000. S3 spent 390.000, not 780.000."""
    ganti = {"2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nsasaran,S1,950000\n"
             "sasaran,S2,240000\nprogram,3,390000\nkegiatan,3.1,245000\nkegiatan,3.2,145000\n"}
    h = _hasil(tmp_path, 3, **ganti)
    assert h.sasaran["S3"].realisasi_anggaran.nilai == 390_000
    assert h.sasaran["S3"].penyerapan.bulat == D("97.50")  # 390.000 / 400.000


@pytest.mark.parametrize(("rincian", "realisasi", "bagian"), [
    # the program row says 400.000, its kegiatan 245.000 + 145.000 = 390.000: the lowest level
    # given is the figure (leaves only), the program row is a stated total that contradicts it
    ("kegiatan,3.1,245000\nkegiatan,3.2,145000\n", 390_000, "Rp 390.000"),
    # only kegiatan 3.1 given beside the program row: 245.000 is what the rows show, and the
    # program row (400.000) does not agree with its parts
    ("kegiatan,3.1,245000\n", 245_000, "Rp 245.000"),
])
def test_realisasi_program_yang_tidak_sama_dengan_rinciannya(tmp_path, rincian, realisasi,
                                                             bagian):
    ganti = {"2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nsasaran,S1,950000\n"
             "sasaran,S2,240000\nprogram,3,400000\n" + rincian}
    h = _hasil(tmp_path, 3, **ganti)
    assert h.sasaran["S3"].realisasi_anggaran.nilai == realisasi
    temuan = [t for t in periksa(h.data, h) if t.aturan == "jumlah-anggaran"]
    assert [(t.tingkat, t.berkas, t.baris, t.tersaji, t.terhitung) for t in temuan] == [
        ("galat", "contoh/2023/realisasi_anggaran.csv", 4, "Rp 400.000", bagian)]


def test_tanpa_realisasi_satu_sasaran_penyerapan_keseluruhan_tidak_dihitung(tmp_path):
    """S3 has a pagu (400.000) but no realisasi row: the whole year's penyerapan is unknown.
    (950.000 + 240.000) / (1.000.000 + 300.000) = 91,54 would look like the whole budget's
    while it covers 1.300.000 of 1.700.000, beside a Bab III sentence saying it is not
    computed; so it is not given, nor its category or the efisiensi."""
    ganti = {"2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nsasaran,S1,950000\n"
                                            "sasaran,S2,240000\n"}
    h = _hasil(tmp_path, 3, **ganti)
    assert h.sasaran["S2"].penyerapan.bulat == D("80.00")  # the known sasaran keep theirs
    assert h.sasaran["S3"].realisasi_anggaran.nilai is None
    assert (h.penyerapan.nilai, h.kategori_anggaran, h.efisiensi.nilai) == (None, None, None)
    t = tabel.tabel_anggaran_sasaran(h.data, h)
    assert [t.sel("total", k) for k in ("Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)")] \
        == ["1.700.000", "–", "–"]
    assert tabel.tabel_kesimpulan(h.data, h).sel("anggaran", "Nilai (%)") == "–"


def test_realisasi_hanya_kegiatan_dijumlah_ke_sasaran(tmp_path):
    # S3 from its two kegiatan: 245.000 + 145.000 = 390.000
    ganti = {"2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nprogram,1,950000\n"
             "program,2,240000\nkegiatan,3.1,245000\nkegiatan,3.2,145000\n"}
    h = _hasil(tmp_path, 3, **ganti)
    assert {k: s.realisasi_anggaran.nilai for k, s in h.sasaran.items()} == {
        "S1": 950_000, "S2": 240_000, "S3": 390_000}


# ---------------------------------------------------------------- stated figures per sasaran

JUDUL = "besaran,kunci,nilai,sumber\n"
BENAR = (  # every stated budget figure of the three-sasaran fixture, correct (hand values above)
    "pagu_sasaran,S1,1000000,Tabel 3.6\n"
    "pagu_sasaran,S2,300000,Tabel 3.6\n"
    "pagu_sasaran,S3,400000,Tabel 3.6\n"
    "pagu_sasaran,total,1700000,Tabel 3.6\n"
    "realisasi_anggaran,S1,950000,Tabel 3.6\n"
    "realisasi_anggaran,S2,240000,Tabel 3.6\n"
    "realisasi_anggaran,S3,390000,Tabel 3.6\n"
    "realisasi_anggaran,total,1580000,Tabel 3.6\n"
    "penyerapan,S2,80,Tabel 3.6\n"
    'penyerapan,S3,"97,50",Tabel 3.6\n'
    'penyerapan,total,"92,94",Tabel 3.6\n'
    'capaian_sasaran,S1,"87,67",Tabel 3.3\n'
    "capaian_sasaran,S2,90,Tabel 3.5\n"
    'capaian_sasaran,S3,"97,5",Tabel 3.7\n'
    "kategori_kinerja,S2,Tinggi,Tabel 3.5\n"
    "kategori_kinerja,keseluruhan,Tinggi,Bab IV\n"
    "kategori_anggaran,S2,Rendah,Tabel 3.6\n"  # 80,00: 75,51–81,25 Rendah
)


def _temuan_tersaji(tmp_path, baris: str):
    tulis_mini(tmp_path, ganti=sasaran_ganda(3) | {"2023/tersaji.csv": JUDUL + baris})
    temuan = periksa(muat("contoh", 2023, tmp_path))
    return [t for t in temuan if t.berkas.endswith("tersaji.csv")], temuan


def test_angka_tersaji_per_sasaran_yang_benar_lolos(tmp_path):
    tersaji, semua = _temuan_tersaji(tmp_path, BENAR)
    assert tersaji == [], cetak_temuan(semua)


@pytest.mark.parametrize(("baris", "aturan", "tersaji", "terhitung"), [
    # pagu S2 = kegiatan 2.1 = 300.000
    ("pagu_sasaran,S2,350000,Tabel 3.6", "anggaran-sasaran", "Rp 350.000", "Rp 300.000"),
    # pagu of all sasaran: 1.000.000 + 300.000 + 400.000
    ("pagu_sasaran,total,1.600.000,Tabel 3.6", "anggaran-sasaran", "Rp 1.600.000",
     "Rp 1.700.000"),
    ("realisasi_anggaran,S3,400000,Tabel 3.6", "anggaran-sasaran", "Rp 400.000", "Rp 390.000"),
    # 950.000 + 240.000 + 390.000
    ("realisasi_anggaran,total,1600000,Tabel 3.6", "anggaran-sasaran", "Rp 1.600.000",
     "Rp 1.580.000"),
    # 390.000 / 400.000 × 100 = 97,50
    ('penyerapan,S3,"97,00",Tabel 3.6', "penyerapan", "97,00", "97,50"),
    ("penyerapan,total,95,Tabel 3.6", "penyerapan", "95", "92,94"),
    ("capaian_sasaran,S3,120,Tabel 3.7", "capaian-sasaran", "120", "97,50"),
    # the mean of the five indicators (92,07) is not the capaian kinerja (91,72): its category
    # Tinggi is still right, but "Sangat Tinggi" is not
    ("kategori_kinerja,keseluruhan,Sangat Tinggi,Bab IV", "kategori", "Sangat Tinggi",
     "Tinggi"),
    ("kategori_anggaran,S2,Tinggi,Tabel 3.6", "kategori", "Tinggi", "Rendah"),
])
def test_angka_tersaji_per_sasaran_yang_salah_ditemukan(tmp_path, baris, aturan, tersaji,
                                                        terhitung):
    temuan, semua = _temuan_tersaji(tmp_path, baris + "\n")
    assert [(t.tingkat, t.aturan, t.baris, t.tersaji, t.terhitung) for t in temuan] == [
        ("galat", aturan, 2, tersaji, terhitung)], cetak_temuan(semua)


# ---------------------------------------------------------------- progres_sasaran


@pytest.mark.parametrize(("kode", "progres"), [
    # IKU-01 700/9 / 85 × 100 = 91,5032…; IKU-02 62,5 / 90 × 100 = 69,4444…;
    # (91,5032… + 69,4444…) / 2 = 24625/306 = 80,4738… → 80,47
    ("S1", "80,47"),
    ("S2", "75,00"),  # 45 / 60 × 100
    # IKU-04 lower is better, against the end target: (2 × 5 − 8) / 5 × 100 = 40;
    # IKU-05 30 / 50 × 100 = 60; (40 + 60) / 2 = 50
    ("S3", "50,00"),
])
def test_progres_sasaran_tiga_sasaran(tmp_path, kode, progres):
    h = _hasil(tmp_path, 3)
    t = tabel.tabel_sasaran(h.data, h, kode)
    assert t.df.loc[kode].iloc[-1] == progres
    assert format_angka(tabel.progres_sasaran(h, kode), 2) == progres


@pytest.mark.parametrize(("baris", "harapan"), [
    ('progres_sasaran,S1,"80,47",Tabel 3.3', []),  # correct (hand value above)
    ("progres_sasaran,S3,50,Tabel 3.7", []),
    ("progres_sasaran,S1,90,Tabel 3.3", [("galat", "progres-renstra", "90", "80,47")]),
    # the seed's kind of slip: the realisasi typed as the progress (S2: 45 instead of 75)
    ("progres_sasaran,S2,45,Tabel 3.5", [("galat", "progres-renstra", "45", "75,00")]),
])
def test_progres_sasaran_tersaji_diperiksa(tmp_path, baris, harapan):
    """The report prints each sasaran's progress (Tabel 3.3/3.5), so a stated one is checked
    against it like any other figure, not left as 'cannot be checked'."""
    temuan, semua = _temuan_tersaji(tmp_path, baris + "\n")
    assert [(t.tingkat, t.aturan, t.tersaji, t.terhitung) for t in temuan] == harapan, \
        cetak_temuan(semua)


def test_indikator_tanpa_realisasi_keluar_dari_capaian_dan_progres_sasaran(tmp_path):
    """An indicator with a target but no realisasi yet (IKU-05, its 2023 row left out) is not
    measured: its sasaran's capaian AND progres are the means over the measured one (IKU-04)
    only, and the report says so under Tabel 3.2, under the sasaran's table and in its
    paragraph. Before, the progres printed "–" beside a capaian of 120 without a word (an
    office typing Watukumpul 2024, kantor3)."""
    from lkjip import narasi
    from tests.mini import _REALISASI_GANDA, _tanpa

    h = _hasil(tmp_path, 3, **{"renstra/realisasi.csv": _tanpa(_REALISASI_GANDA, "IKU-05,2023")})
    assert not h.indikator["IKU-05"].diukur and h.indikator["IKU-05"].target is not None
    # IKU-04 lower is better: capaian (2 × 10 − 8) / 10 × 100 = 120; progres against the end
    # target 5: (2 × 5 − 8) / 5 × 100 = 40; the sasaran's are IKU-04's own
    assert h.sasaran["S3"].capaian.bulat == D("120.00")
    assert tabel.progres_sasaran(h, "S3").bulat == D("40.00")
    t = tabel.tabel_sasaran(h.data, h, "S3")
    assert t.df.loc["S3"].iloc[-1] == "40,00"
    kalimat = ("Realisasi indikator Persentase konflik tertangani belum tersedia sehingga "
               "capaiannya tidak dapat dihitung dan tidak dihitung dalam capaian maupun progres "
               "sasaran.")
    assert t.catatan == kalimat
    assert kalimat in tabel.tabel_capaian(h.data, h).catatan
    assert narasi.kalimat_sasaran(h.data, h, "S3").endswith(kalimat)
    # the other sasaran are as before (hand values of test_progres_sasaran_tiga_sasaran)
    assert format_angka(tabel.progres_sasaran(h, "S1"), 2) == "80,47"
    assert tabel.tabel_sasaran(h.data, h, "S1").catatan is None
