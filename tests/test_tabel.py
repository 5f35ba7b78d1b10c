"""The report's tables on the example (the seed's inputs) and on the small fake kecamatan.

Expected values are computed by hand from the inputs, never taken from the program's output;
the arithmetic is in the comments.
"""

import pytest

from lkjip import tabel, tabel_lampiran
from lkjip.konteks import konteks
from tests.mini import CONTOH, tulis_mini


@pytest.fixture(scope="module")
def contoh():
    return konteks("bantarbolang", 2023, CONTOH)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    root = tulis_mini(tmp_path_factory.mktemp("data"))
    return konteks("contoh", 2023, root)


def test_personil_and_education_totals(contoh):
    data, hasil = contoh
    assert tabel.tabel_personil(data, hasil).sel("Jumlah", "Jumlah (orang)") == "30"
    # Tabel 1.2 Jumlah row as the seed prints it: SD 4, SLTP -, SLTA 10, D3 2, S1 12, S2 2, 30
    df = tabel.tabel_pendidikan(data).df
    assert list(df.loc["Jumlah"])[2:] == ["4", "-", "10", "2", "12", "2", "30"]
    # Tabel 1.3: PNS only, 3 + 10 + 2 = 15
    golongan = tabel.tabel_golongan(data)
    assert list(golongan.df.loc["Jumlah"])[2:] == ["-", "3", "10", "2", "15"]
    # 30 − 15 = 15 tenaga honorer (Tabel 1.1) are not in it: the note says so
    assert golongan.catatan == ("hanya pegawai berstatus PNS (15 dari 30 pegawai pada Tabel 1.1); "
                                "15 pegawai non-PNS (tenaga honorer) tidak mempunyai golongan "
                                "ruang.")


def test_tabel_2_5_budget_from_the_tree(contoh):
    data, hasil = contoh
    t = tabel.tabel_anggaran(data, hasil)
    # murni: 2.507.704.270 + 2.047.500 + 15.955.000 + 1.630.000 + 14.315.000 + 2.760.980
    #      = 2.544.412.750; perubahan: 2.460.636.770 + 2.047.500 + 15.955.000 + 1.630.000
    #      + 39.437.000 + 2.760.980 = 2.522.467.250; selisih = −21.945.500
    assert list(t.df.loc["total"])[2:] == ["2.544.412.750", "2.522.467.250", "(21.945.500)"]
    # program I: 6.212.970 + 1.943.200.500 + 879.000 + 750.000 + 127.030.300 + 58.661.000
    #          + 242.456.000 + 81.447.000 = 2.460.636.770, 47.067.500 less than murni
    assert list(t.df.loc["1"]) == ["I.", "Program Penunjang Urusan Pemerintahan Daerah "
                                   "Kabupaten/Kota", "2.507.704.270", "2.460.636.770",
                                   "(47.067.500)"]
    assert t.df.loc["5.1", "No."] == "1." and t.df.loc["6", "No."] == "VI."
    assert "lk-tebal" in t.tandai[("1", "No.")] and ("1.1", "No.") not in t.tandai
    assert "lk-angka" in t.tandai[("total", tabel.KOLOM_25[2])]


def test_tabel_2_2_and_2_4(contoh):
    data, hasil = contoh
    assert tabel.tabel_sasaran_program(data, hasil).sel(
        "total", "Anggaran (Rp)") == "2.522.467.250"
    pk = tabel.tabel_pk(data, hasil).df
    assert list(pk.iloc[1])[4:] == ["94,69", "34,31", "33,31", "15,21", "11,86"]
    assert list(pk.iloc[0])[4:] == ["82,00", "0,00", "0,00", "82,00", "82,00"]  # indeks: 2 dp


def test_tabel_3_2_capaian_per_indicator(contoh):
    data, hasil = contoh
    t = tabel.tabel_capaian(data, hasil)
    k = "Tahun 2023"
    # cakupan: CL.1 = (40 + 100 + 22,2222)/3 = 54,0741; CL = (54,0741 + 80 + 100 + 100 + 100)/5
    # = 86,8148 → 86,81; capaian 86,8148 / 94,69 × 100 = 91,6832 → 91,68 (Tinggi: 88,76–93,50);
    # progres 86,8148 / 96,47 × 100 = 89,99
    assert t.sel("IKU-02", (k, "Realisasi")) == "86,81"
    assert t.sel("IKU-02", (k, "Capaian (%)")) == "91,68"
    assert t.sel("IKU-02", (k, "Kategori")) == "Tinggi"
    assert t.sel("IKU-02", ("Progres s.d. 2023 (%)", "")) == "89,99"
    # IKM: S1 = 25 × 4015/(9 × 135) = 82,6132; S2 = 25 × 4240/(9 × 142) = 82,9421;
    # year = mean = 82,7777 → 82,78; capaian 82,7777/82 × 100 = 100,948 → 100,95 (Sangat Tinggi)
    assert t.sel("IKU-01", (k, "Realisasi")) == "82,78"
    assert t.sel("IKU-01", (k, "Capaian (%)")) == "100,95"
    assert t.sel("IKU-01", (k, "Kategori")) == "Sangat Tinggi"
    assert "Nilai AKIP" in t.catatan  # no target this year: named, not measured


def test_tables_carry_no_review_markup_but_know_their_stated_figures(contoh):
    """The edition's Tabel 3.2 shows the computed cakupan (86,81, not the seed's 83,20) with no
    mark, asterisk or link; the table records which stated figures its cells show, so the
    working paper can point to it."""
    data, hasil = contoh
    t = tabel.tabel_capaian(data, hasil)
    sel = ("IKU-02", ("Tahun 2023", "Realisasi"))
    assert t.tersaji[sel] == ("realisasi", "IKU-02")
    html = t.html().isi
    assert "86,81" in html and "83,20" not in html
    assert "lk-beda" not in html and "lk-ke-catatan" not in html and "Catatan Pemeriksaan" \
        not in html and "lk-jejak-nomor" not in html


def test_tabel_sasaran_with_earlier_years_and_progress(contoh):
    data, hasil = contoh
    t = tabel.tabel_sasaran(data, hasil, "S1")
    assert [c[1] for c in t.df.columns[1:4]] == ["2020", "2021", "2022"]
    assert list(t.df.loc["IKU-02"])[1:4] == ["–", "96,32", "81,12"]
    # capaian sasaran = (100,948 + 91,683)/2 = 96,316 → 96,32, Sangat Tinggi (≥ 93,51)
    assert t.sel("S1", ("Tahun 2023", "Capaian (%)")) == "96,32"
    assert t.sel("S1", ("Tahun 2023", "Kategori")) == "Sangat Tinggi"
    # progres sasaran = (82,7777/99,73×100 + 89,9915)/2 = (83,0019 + 89,9915)/2 = 86,4967
    assert t.sel("S1", ("Renstra", "Progres s.d. 2023 (%)")) == "86,50"


def test_tabel_ikm_per_unsur(contoh):
    data, hasil = contoh
    t = tabel.tabel_ikm(data, hasil)
    assert t.sel("ikm", ("Semester 1", "Nilai")) == "82,61"
    assert t.sel("ikm", ("Semester 2", "Nilai")) == "82,94"
    assert t.sel("ikm", ("Tahun 2023", "Nilai")) == "82,78"
    assert t.sel("responden", ("Tahun 2023", "Nilai")) == "277"  # 135 + 142
    assert t.sel("perilaku", ("Keterangan", "")) == "Tertinggi"
    assert t.sel("perilaku", ("Tahun 2023", "Nilai")) == "90,05"
    assert t.sel("pengaduan", ("Keterangan", "")) == "Terendah"
    assert t.sel("pengaduan", ("Tahun 2023", "Nilai")) == "69,16"
    assert t.sel("mutu", ("Tahun 2023", "Nilai")) == "B (Baik)"  # 76,61 ≤ 82,78 < 88,31
    assert "data sintetis" in t.sumber and "ikm_responden_sintetis.csv" in t.sumber


def test_composite_worked_calculation(contoh):
    data, hasil = contoh
    t = tabel.tabel_komposit(data, hasil, "CL")
    assert list(t.df.index) == ["CL.1", "CL.1.1", "CL.1.2", "CL.1.3", "CL.2", "CL.2.1",
                                "CL.2.2", "CL.3", "CL.4", "CL.5", "CL"]
    assert list(t.df.loc["CL.1"]) == ["1", "Persentase pelayanan publik yang tersedia",
                                      "(40,00 + 100,00 + 22,22) / 3", "54,07"]
    assert t.sel("CL.1.3", "Perhitungan") == "2 / 9 × 100"
    assert t.sel("CL", "Perhitungan") == "(54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"
    assert t.sel("CL", "Nilai (%)") == "86,81"
    assert t.jumlah


def test_budget_per_sasaran_and_efficiency(contoh):
    data, hasil = contoh
    t = tabel.tabel_anggaran_sasaran(data, hasil)
    # 2.469.406.335 / 2.522.467.250 × 100 = 97,8965 → 97,90
    assert list(t.df.loc["total"])[2:] == ["2.522.467.250", "2.469.406.335", "97,90"]
    e = tabel.tabel_efisiensi(data, hasil)
    # 96,3158 − 97,8965 = −1,5807 → −1,58; no rule in the data, so no Keterangan column
    assert list(e.df.loc["total"])[1:] == ["96,32", "97,90", "-1,58"]
    assert "Keterangan" not in e.df.columns and e.catatan is None
    # the rule (none) is said once, in the sentence after the table
    from lkjip.narasi_analisis import kalimat_efisiensi_aturan

    assert "belum menetapkan aturan sendiri" in kalimat_efisiensi_aturan(data, hasil)


def test_ikhtisar_and_conclusions(contoh):
    data, hasil = contoh
    i = tabel.tabel_ikhtisar(data, hasil)
    assert i.sel("keseluruhan", "Capaian (%)") == "96,32"
    assert i.sel("keseluruhan", "Kategori") == "Sangat Tinggi"
    k = tabel.tabel_kesimpulan(data, hasil)
    assert list(k.df.loc["kinerja"])[1:] == ["96,32", "Sangat Tinggi"]
    assert list(k.df.loc["anggaran"])[1:] == ["97,90", "Sangat Tinggi"]


def test_skala_in_force(contoh):
    _, hasil = contoh
    df = tabel.tabel_skala(hasil).df
    assert list(df["Interval Nilai Realisasi Kinerja (%)"]) == [
        "≥ 93,51", "88,76 – 93,50", "81,26 – 88,75", "75,51 – 81,25", "≤ 75,50"]


def test_lampiran_pk_parties_and_totals(contoh):
    data, hasil = contoh
    camat = tabel_lampiran.pihak_pk(data, "camat")
    assert (camat["nama_atasan"], camat["jabatan_atasan"]) == ("MANSUR HIDAYAT, S.T.",
                                                               "Bupati Pemalang")
    sekcam = tabel_lampiran.pihak_pk(data, "sekcam")
    assert (sekcam["nama_atasan"], sekcam["tanggal"]) == ("WALUYO, S.STP,MP.", "23 Oktober 2023")
    # the Camat's PK is reproduced as signed: row 6 as typed (2.460.836.770, the PK's typo)
    # and the total as printed, 2.522.467.250 (tersaji.csv), not the rows' sum 2.522.667.250
    t = tabel_lampiran.tabel_pk_anggaran(data, hasil, "camat", "L.3")
    assert t.sel("6", "Anggaran (Rp)") == "2.460.836.770"
    assert t.sel("total", "Anggaran (Rp)") == "2.522.467.250"
    # sekcam TW III as signed: 601.020.750 (the rows give 485.545.250 + 31.598.000 +
    # 60.614.000 + 22.263.500 = 600.020.750; the working paper says so, the PK does not)
    t = tabel_lampiran.tabel_pk_anggaran(data, hasil, "sekcam", "L.5")
    assert t.sel("total", "TW III") == "601.020.750"
    # a PK without a stated total: the rows' sum (kasubbag_umum has none in tersaji.csv)
    assert tabel_lampiran.tertulis(data, "pk_total_anggaran", "kasubbag_umum") is None
    strategis = tabel_lampiran.tabel_pk_indikator(data, "camat", "L.1", strategis=True).df
    program = tabel_lampiran.tabel_pk_indikator(data, "camat", "L.2", strategis=False).df
    assert len(strategis) == 2 and len(program) == 6 and "TW I" in strategis.columns
    assert list(tabel_lampiran.tabel_pk_indikator(data, "kasubbag_umum", "L.6").df.iloc[2])[4:] == [
        "10/1", "0", "10/1", "0", "0"]


def test_mini_kecamatan(mini):
    data, hasil = mini
    t = tabel.tabel_capaian(data, hasil)
    # cakupan = (1/2 × 100 + 3/4 × 100)/2 = 62,50; capaian 62,5/80 × 100 = 78,125 → 78,13
    assert t.sel("IKU-02", ("Tahun 2023", "Capaian (%)")) == "78,13"
    assert t.sel("IKU-02", ("Tahun 2023", "Kategori")) == "Rendah"  # 75,51–81,25
    # budget: 600.000 + 400.000 = 1.000.000 after, 900.000 + 400.000 = 1.300.000 before
    assert list(tabel.tabel_anggaran(data, hasil).df.loc["total"])[2:] == [
        "1.300.000", "1.000.000", "(300.000)"]
    assert tabel.tabel_anggaran_sasaran(data, hasil).sel(
        "total", "Penyerapan (%)") == "95,00"


def test_text_from_files_is_escaped(mini):
    data, hasil = mini
    data.sarpras.loc[0, "jenis"] = "<script>alert(1)</script>"
    html = tabel.tabel_sarpras(data).html().isi
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("x, teks", [(82.0, "82"), (94.69, "94,69"), ("92,22", "92,22"),
                                     ("10/1", "10/1"), (1234567, "1.234.567"), (None, "–")])
def test_angka_tertulis(x, teks):
    assert tabel.angka_tertulis(x) == teks


def test_lampiran_numbers_tw_flags_and_stated_totals_on_small_frames():
    # issue 15: nomor_lampiran counts the PK rows in one pass, _ada_tw walks the values,
    # tertulis reads a pejabat's stated totals in one pass; the rules as before
    from decimal import Decimal
    from types import SimpleNamespace as NS

    import pandas as pd

    from lkjip import susun

    data = NS(
        pejabat=pd.DataFrame({"kode_pejabat": ["a", "b", "c", "d"]}, dtype=object),
        pk_indikator=pd.DataFrame({"kode_pejabat": ["a", "a", "b", "b", "d", None],
                                   "kode_indikator": ["IKU-1", None, "IKU-2", "IKU-3",
                                                      float("nan"), "IKU-4"]}, dtype=object),
        pk_anggaran=pd.DataFrame({"kode_pejabat": ["c", "a", None]}, dtype=object),
        tersaji=pd.DataFrame({"besaran": ["pk_total_anggaran", "pk_total_anggaran", "pk_total_tw1",
                                          "pk_total_anggaran", "pk_total_tw2"],
                              "kunci": ["a", "a", "a", "b", None],
                              "nilai": ["kira-kira", "1.500", 7.0, "9", "3"]}, dtype=object))
    # a: one Renstra row and one program row → two tables (L.1, L.2), then its budget (L.3);
    # b: only Renstra rows → one table (L.4); c: budget only (L.5); d: one program row (L.6)
    assert susun.nomor_lampiran(data) == {
        "tabel:pk_indikator:a:strategis": "L.1", "tabel:pk_indikator:a:program": "L.2",
        "tabel:pk_anggaran:a": "L.3", "tabel:pk_indikator:b": "L.4",
        "tabel:pk_anggaran:c": "L.5", "tabel:pk_indikator:d": "L.6"}
    # the first readable row of a besaran wins ("kira-kira" is no number); an empty kunci is ""
    assert tabel_lampiran.tertulis(data, "pk_total_anggaran", "a") == Decimal(1500)
    assert tabel_lampiran.tertulis(data, "pk_total_tw1", "a") == Decimal(7)
    assert tabel_lampiran.tertulis(data, "pk_total_tw2", "a") is None
    assert tabel_lampiran.tertulis(data, "pk_total_tw2", "") == Decimal(3)
    tw = {f"tw{i}": pd.array([None, None], dtype="Int64") for i in range(1, 5)}
    assert not tabel_lampiran._ada_tw(pd.DataFrame(tw))
    assert not tabel_lampiran._ada_tw(pd.DataFrame(tw | {"tw4": [None, float("nan")]}))
    assert tabel_lampiran._ada_tw(pd.DataFrame(tw | {"tw3": pd.array([None, 0], dtype="Int64")}))


def test_tersaji_tabel_dari_catatan_sama_dengan_dibangun_ulang(contoh, mini):
    """`tersaji_tabel` answers a table built already (same function, arguments, data and
    hasil objects) from the record `dicatat` kept as built, without building it again; a
    change of data or hasil, a table changed after it was built, an argument that cannot be
    a key: the table as built now."""
    from lkjip.tabel_dasar import Tabel, dicatat, tersaji_tabel

    dibangun = []

    @dicatat
    def tabel_uji(data, hasil, nomor="9.9", kaki=None):
        dibangun.append(nomor)
        return Tabel(None, nomor, "Uji", tersaji={("total", "x"): ("besaran_uji", nomor)})

    data, hasil = contoh
    t = tabel_uji(data, hasil, "9.1")
    t.tersaji[("total", "y")] = ("diubah", None)  # changed after it was built
    assert tersaji_tabel(tabel_uji, data, hasil, "9.1") == (
        "9.1", "Uji", {("total", "x"): ("besaran_uji", "9.1")})
    assert dibangun == ["9.1"]
    # another number, a keyword in place of a position: built (the record keys the call)
    assert tersaji_tabel(tabel_uji, data, hasil, nomor="9.1")[0] == "9.1"
    assert dibangun == ["9.1", "9.1"]
    # a footnote mapping cannot be a key: built each time
    tabel_uji(data, hasil, "9.2", {"a": 1})
    tersaji_tabel(tabel_uji, data, hasil, "9.2", {"a": 1})
    assert dibangun == ["9.1", "9.1", "9.2", "9.2"]
    # another kecamatan's data: the record starts again, then the first one is built again
    tersaji_tabel(tabel_uji, *mini, "9.1")
    tersaji_tabel(tabel_uji, data, hasil, "9.1")
    assert dibangun == ["9.1", "9.1", "9.2", "9.2", "9.1", "9.1"]


def test_letak_tersaji_sama_dari_tabel_edisi_dan_dibangun_sendiri(contoh):
    """The working paper's places of each stated figure are the same whether the edition's
    tables were built before in the process (the chapters, as in a build's kernel: read from
    the record) or not (built for it)."""
    from lkjip import kertas, susun, tabel_dasar

    data, hasil = contoh
    tabel_dasar._TERSAJI.clear()
    tabel_dasar._DARI.clear()
    sendiri = kertas.letak_tersaji(data, hasil)
    tabel_dasar._TERSAJI.clear()
    nomor = susun.nomor_bab3(data, hasil)
    tabel.tabel_ikhtisar(data, hasil)  # the chapters' calls, as the notebooks write them
    tabel.tabel_capaian(data, hasil, nomor=nomor["tabel:capaian"])
    susun.sasaran(data, hasil, nomor, None, None)
    susun.lampiran_pk(data, hasil)
    dicatat = len(tabel_dasar._TERSAJI)
    assert dicatat >= 3 + len(susun.sasaran_terukur(hasil))
    assert kertas.letak_tersaji(data, hasil) == sendiri
    # Tabel 3.2 holds the indicators' stated figures (its caption as Bab III numbers it)
    assert any(j.startswith(f"Tabel {nomor['tabel:capaian']} ") for d in sendiri.values()
               for j in d)
