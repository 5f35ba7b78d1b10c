"""The views of Bab III's analysis and of the seed's documentary content: tables
(lkjip.tabel_analisis, lkjip.tabel_dokumen), sentences (lkjip.narasi_analisis), the organisation
chart (lkjip.grafik) and the sections (lkjip.susun), on the mini kecamatan and the example.
Hand calculations as in tests/test_analisis.py."""

from __future__ import annotations

import pytest

from lkjip import grafik, narasi_analisis, susun, tabel, tabel_analisis, tabel_dokumen
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.pembanding import muat_pembanding
from tests import test_analisis
from tests.mini import BERKAS_MINI, tulis_mini
from tests.test_analisis import _muat

mini, contoh = test_analisis.mini, test_analisis.contoh  # the same fixtures


def test_tabel_perbandingan_mini(mini):
    data, hasil = mini
    t = tabel_analisis.tabel_perbandingan(data, hasil, "IKU-01", "3.5")
    df = t.df
    assert list(df.index) == ["target", "tahun:2022", "renstra",
                              "standar:nasional:" + df.index[-1].split(":", 2)[2]]
    assert list(df.loc["target"])[1:4] == ["80,00", "77,78", "-2,22"]       # 77,78 − 80
    assert list(df.loc["tahun:2022"])[1:] == ["76,00", "77,78", "+1,78", "naik 2,34\xa0% (membaik)"]
    assert list(df.loc["renstra"])[3] == "-7,22"                             # 77,78 − 85
    assert "3 tahun tersisa, rata-rata 2,41 per tahun" in df.loc["renstra", "Keterangan"]
    assert list(df.iloc[-1])[1:4] == ["88,31", "77,78", "-10,53"]            # mutu A bound


def test_tabel_perbandingan_with_the_kabupaten(tmp_path):
    tulis_mini(tmp_path)
    tulis_mini(tmp_path, "alfa", {"2023/komposit.csv": BERKAS_MINI["2023/komposit.csv"]
                                  .replace("pengaduan,1", "data_publik,1")})
    data = muat("contoh", 2023, tmp_path)
    hasil = hitung(data)
    lain = muat_pembanding(data, folders=[])
    df = tabel_analisis.tabel_perbandingan(data, hasil, "IKU-02", "3.7", lain).df
    # alfa: (data publik 1/1 = 100 + desa 75)/2 = 87,50; mean (62,50 + 87,50)/2 = 75,00
    assert list(df.loc["kabupaten"])[1:] == ["75,00", "62,50", "-12,50",
                                             "peringkat 2 dari 2 kecamatan"]
    assert list(df.loc["standar:provinsi:Rerata cakupan layanan kecamatan se-provinsi"])[3] == \
        "-7,50"
    k = narasi_analisis.kalimat_kabupaten(data, hasil, "IKU-02", lain)
    assert "berada di peringkat ke-2 dan 12,50 poin di bawah rerata kabupaten (75,00)" in k
    assert k.endswith("Realisasi tertinggi dicapai Kecamatan Alfa (87,50) dan yang terendah "
                      "Kecamatan Contoh (62,50).")
    assert "sintetis" not in k


def test_tabel_komponen_and_daftar(mini, contoh):
    data, hasil = mini
    k = tabel_analisis.tabel_komponen(data, hasil, "CL", "3.9").df
    assert list(k["Kekurangan dari 100 (poin)"]) == ["25,00", "12,50", "37,50"]  # 100 − 62,50
    assert list(k["Bobot"])[:2] == ["1/2", "1/2"]
    d = tabel_analisis.tabel_daftar(data, hasil, "desa", "CL.2", "3.10")
    assert d.df.iloc[-1, -1] == "3 dari 4" and d.df.iloc[3, -1] == "tidak"     # Delta
    data, hasil = contoh
    assert [n for n, _ in tabel_analisis.daftar_komposit(data, "CL")] == [
        "CL.1.1", "CL.1.2", "CL.1.3", "CL.5"]
    p = tabel_analisis.tabel_daftar(data, hasil, "layanan_pelimpahan", "CL.1.3", "3.12")
    assert p.df.iloc[-1, -1] == "2 dari 9"
    assert list(p.df.iloc[1]) == ["2.", "Rekomendasi", "6", "ya"]
    assert list(p.df.iloc[5]) == ["6.", "Fasilitasi", "5", "ya"]
    assert p.sumber.startswith("Peraturan Bupati Pemalang Nomor 50 Tahun 2017")
    assert tabel_analisis.tabel_komponen(data, hasil, "CL", "3.9").df.iloc[-1, -1] == "13,19"


def test_tabel_capaian_pk_example(contoh):
    data, hasil = contoh
    t = tabel_analisis.tabel_capaian_pk(data, hasil, "3.3")
    # pelayanan publik: realisasi = CL.1 = (40 + 100 + 22,2222) / 3 = 54,074074; capaian
    # 54,074074 / 92,22 × 100 = 58,6359 → 58,64 (rounded once, at the end; 58,63 from the
    # printed 54,07), ≤ 75,50: Sangat Rendah on the seed's scale
    assert list(t.df.loc["camat:3"])[3:7] == ["92,22", "54,07", "58,64", "Sangat Rendah"]
    # masyarakat desa aktif: realisasi = CL.2 = (60 + 100) / 2 = 80; 80 / 100 × 100 = 80,00,
    # 75,51–81,25: Rendah
    assert list(t.df.loc["camat:4"])[3:7] == ["100,00", "80,00", "80,00", "Rendah"]
    # desa bertata kelola: CL.5 = 17/17 × 100 = 100; 100 / 88,24 × 100 = 113,327 → 113,33
    assert list(t.df.loc["camat:7"])[3:7] == ["88,24", "100,00", "113,33", "Sangat Tinggi"]
    assert "dihitung dari realisasi sebelum pembulatan (54,0741)" in t.catatan
    assert "realisasi Indeks Reformasi Birokrasi belum tersedia" in t.catatan
    k = narasi_analisis.kalimat_capaian_pk(data, hasil)
    # 5 measured rows; capaian ≥ 100: trantibum 100, konflik 100, desa 113,33 → 3
    assert k.startswith("Dari lima indikator kinerja program yang realisasinya tersedia, tiga ")
    assert "Persentase pelayanan publik yang tersedia (58,64\xa0%, kategori Sangat Rendah)" in k


def test_tabel_anggaran_pendukung(mini, contoh, tmp_path):
    data, hasil = mini
    t = tabel_analisis.tabel_anggaran_pendukung(data, hasil, "S1", "3.14")
    assert list(t.df.columns) == ["No.", "Program/Kegiatan", "Pagu (Rp)"]   # no realisasi below
    assert list(t.df["No."])[:3] == ["I.", "1.", "2."]
    assert "realisasi anggaran tersedia per sasaran saja (950.000, penyerapan 95,00\xa0%)" in \
        t.catatan
    real = "tingkat,kode,realisasi\nkegiatan,1.1,500000\n"
    data, hasil = _muat(tmp_path, {"2023/realisasi_anggaran.csv": real})
    t = tabel_analisis.tabel_anggaran_pendukung(data, hasil, "S1", "3.14")
    assert list(t.df.loc["1.1"])[2:] == ["600.000", "500.000", "83,33"]      # 500/600
    assert list(t.df.loc["1.2"])[3:] == ["–", "–"]      # 1.2 has no row
    # the program's realisasi is not the sum of the rows given under it while 1.2 (pagu
    # 400.000) has none: 500.000 / 1.000.000 = 50,00 would count 1.2 as Rp 0 without a word
    assert list(t.df.loc["1"])[3:] == ["–", "–"]
    assert t.catatan == ("realisasi '–': tidak tersedia pada tingkat itu; kegiatan 1.2 belum "
                         "mempunyai baris realisasi, sehingga realisasi di atasnya dan jumlahnya "
                         "tidak dihitung (tidak dianggap Rp 0).")
    data, hasil = contoh
    k = narasi_analisis.kalimat_anggaran_pendukung(data, hasil, "S1")
    # programs 6; kegiatan 8 + 3 + 2 + 2 + 1 + 1 = 17
    assert ("didukung oleh enam program dan tujuh belas kegiatan dalam DPA dengan pagu "
            "Rp 2.522.467.250") in k


def test_efisiensi_stated_with_or_without_rule(mini, contoh):
    data, hasil = mini
    t = tabel.tabel_efisiensi(data, hasil)
    assert list(t.df.loc["total"])[-2:] == ["-7,33", "Kurang efisien"]
    assert "Keputusan Camat Contoh" in narasi_analisis.kalimat_efisiensi_aturan(data, hasil)
    data, hasil = contoh
    assert "tanpa menyimpulkan efisien atau tidak" in narasi_analisis.kalimat_efisiensi_aturan(
        data, hasil)


def test_tabel_belanja_and_sentence(mini, contoh):
    data, hasil = mini
    t = tabel_dokumen.tabel_belanja(data, hasil, "2.6")
    assert list(t.df.loc["jumlah"]) == ["Jumlah", "1.300.000", "100,00", "1.000.000", "100,00"]
    assert "sebelum perubahan sama dengan jumlah pagu DPA (Rp 1.300.000)" in t.catatan
    data, hasil = contoh
    t = tabel_dokumen.tabel_belanja(data, hasil, "2.6")
    # the example's belanja.csv gives the split before the perubahan only: no empty columns;
    # 2.526.771.750 + 17.641.000 = 2.544.412.750, the DPA's pagu murni
    assert {t for t, _ in t.df.columns} == {"Jenis Belanja", "Sebelum Perubahan"}
    assert list(t.df.loc["jumlah"]) == ["Jumlah", "2.544.412.750", "100,00"]
    assert "setelah perubahan belum tersedia" in t.catatan
    k = narasi_analisis.kalimat_belanja(data, hasil)
    assert k == ("Anggaran murni sebesar Rp 2.544.412.750 terdiri atas Belanja Operasi "
                 "Rp 2.526.771.750 (99,31\xa0%) dan Belanja Modal Rp 17.641.000 (0,69\xa0%).")


def test_sentences_of_causes_and_standards(contoh):
    data, hasil = contoh
    k = narasi_analisis.kalimat_penyebab_komposit(data, hasil, "CL")
    assert k.startswith("Cakupan layanan kecamatan berada 13,19 poin di bawah 100\xa0%.")
    assert "Camat yang tersedia (22,22\xa0%; 5,19 poin), Persentase data pemerintahan yang " \
           "dipublikasi (40,00\xa0%; 4,00 poin), dan Persentase kehadiran di Musrenbang Desa " \
           "(60,00\xa0%; 4,00 poin)" in k
    i = narasi_analisis.kalimat_penyebab_ikm(data, hasil)
    assert "Penanganan Pengaduan, Saran dan Masukan (69,16, mutu C)" in i
    s = narasi_analisis.kalimat_standar(data, hasil, "IKU-01")
    assert "belum memenuhi standar nasional" in s and "selisih 5,53 poin" in s
    assert narasi_analisis.kalimat_triwulan(data, hasil, "IKU-01") == ""


def test_office_narrative_beside_its_indicator(contoh):
    data, hasil = contoh
    ikm = narasi_analisis.narasi_indikator(data, hasil, "IKU-01").isi
    cakupan = narasi_analisis.narasi_indikator(data, hasil, "IKU-02").isi
    assert "Masih kurangnya SDM pada seksi pelayanan." in ikm and "media sosial" not in ikm
    assert "Belum maksimalnya publikasi pelayanan publik" in cakupan
    assert narasi_analisis.narasi_indikator(data, hasil, "IKU-03") is None
    assert narasi_analisis.narasi_sisa(data, hasil, "permasalahan") is None  # all claimed


def test_documentary_sentences(contoh, mini):
    data, _ = contoh
    v = narasi_analisis.kalimat_visi_misi(data)
    assert "“Terwujudnya Kabupaten Pemalang yang Adil, Makmur, Agamis dan Ngangeni”" in v
    assert "mendukung misi ke-2, yaitu Mewujudkan penyelenggaraan tata kelola" in v
    assert narasi_analisis.kalimat_rujukan(data, "renstra", "Ditetapkan melalui") == (
        "Ditetapkan melalui Peraturan Bupati Nomor 38 Tahun 2021 tentang Rencana Strategis "
        "Perangkat Daerah Tahun 2021-2026.")
    assert "SIPD, SIMPEG, e-Presensi, dan e-SAKIP" in narasi_analisis.kalimat_instrumen(data)
    t = tabel.tabel_tujuan_sasaran(data, hasil=hitung(data))
    assert "Cakupan layanan kecamatan" not in list(t.df["Indikator Kinerja"])
    assert t.catatan.startswith("Indikator Cakupan layanan kecamatan diperjanjikan")
    data, _ = mini
    v = narasi_analisis.kalimat_visi_misi(data)
    assert "Misinya: (1) Ekonomi kuat; (2) Tata kelola yang baik." in v


def test_organisation_chart_from_pejabat(contoh):
    data, hasil = contoh
    fig = grafik.struktur_organisasi(data)
    teks = " ".join(t.get_text().replace("\n", " ") for t in fig.axes[0].texts)
    for nama in ("WALUYO, S.STP,MP.", "NUR AZIZ MUHAIMIN, SH", "SODIKIN, S. Pd.I"):
        assert nama in teks
    assert len(fig.axes[0].texts) == 2 * len(data.pejabat)
    html = susun.gambaran_umum(data, hasil).isi
    assert html.index("Struktur Organisasi") < html.index("Gambar 1.1") < html.index(
        "Tugas Pokok dan Fungsi")


def test_comparison_of_a_synthetic_realisasi_says_so(contoh):
    # the example's IKM this year is computed from ikm_responden_sintetis.csv: its comparison
    # table shows that realisasi, so its source line names the synthetic file; cakupan's does not
    data, hasil = contoh
    ikm = tabel_analisis.tabel_perbandingan(data, hasil, "IKU-01", "3.5").sumber
    assert "data sintetis" in ikm and "ikm_responden_sintetis.csv" in ikm
    assert "sintetis" not in tabel_analisis.tabel_perbandingan(data, hasil, "IKU-02", "3.7").sumber


def test_kabupaten_chart_of_a_synthetic_realisasi_says_so(contoh, sintetis_demo):
    # Grafik "IKM per Kecamatan": the peers are synthetic and so is this kecamatan's own bar
    data, hasil = contoh
    lain = muat_pembanding(data, folders=[sintetis_demo])
    nomor = susun.nomor_bab3(data, hasil, lain)
    grafik_ikm = susun._bagian_pembanding(data, hasil, hasil.indikator["IKU-01"], nomor, lain)[-1]
    isi = grafik_ikm.isi
    assert "data kecamatan lain bersifat sintetis" in isi and "ikm_responden_sintetis.csv" in isi


def test_quarters_as_a_cause(tmp_path):
    from tests.mini_tw import BERKAS_TW

    data, hasil = _muat(tmp_path, BERKAS_TW)
    t = tabel_analisis.tabel_triwulan(data, hasil, "IKU-02", "3.9")
    # targets s.d. TW 20, 40, 60; realisasi 15, 30, 45 → 75 each quarter; TW III explained
    assert list(t.df.columns) == ["Triwulan", "Target s.d. TW", "Realisasi s.d. TW",
                                  "Capaian (%)", "Penjelasan Kecamatan"]
    assert list(t.df.loc["TW3"]) == ["s.d. TW III", "60,00", "45,00", "75,00",
                                     "Data layanan desa belum lengkap"]
    assert t.df.loc["TW1", "Penjelasan Kecamatan"] == "–"
    k = narasi_analisis.kalimat_triwulan(data, hasil, "IKU-02")
    # all three quarters at 75,00: none is the lowest; TW III's explanation is given
    assert k == ("Realisasi per triwulan tercatat sampai triwulan III; capaian sampai setiap "
                 "triwulan sama (75,00\xa0%). Penjelasan kecamatan untuk triwulan III: Data "
                 "layanan desa belum lengkap.")
    k = narasi_analisis.kalimat_triwulan(data, hasil, "IKU-01")
    # s.d. TW II 78/80 = 97,50 < s.d. TW III 81/80 = 101,25
    assert k.startswith("Realisasi per triwulan tercatat sampai triwulan III; capaian terendah "
                        "adalah capaian sampai triwulan II (97,50\xa0%).")


@pytest.mark.parametrize("tw, terendah", [
    # s.d. TW III: 36 / 60 × 100 = 60,00, below 75,00 of TW I and II
    ("camat,2,,,,15,30,36,", "triwulan III (60,00\xa0%). Penjelasan kecamatan untuk triwulan "
                             "tersebut"),
    # s.d. TW I 15/20 = 75,00; TW II 32/40 = 80,00; TW III 45/60 = 75,00: both named
    ("camat,2,,,,15,32,45,", "triwulan I dan III (75,00\xa0%). Penjelasan kecamatan untuk "
                             "triwulan III"),
])
def test_the_lowest_quarter_with_the_offices_explanation(tmp_path, tw, terendah):
    from tests.mini_tw import BERKAS_TW, REALISASI_PK_TW

    tw = REALISASI_PK_TW.replace("camat,2,,,,15,30,45,", tw)
    data, hasil = _muat(tmp_path, BERKAS_TW | {"2023/realisasi_pk_tw.csv": tw})
    assert narasi_analisis.kalimat_triwulan(data, hasil, "IKU-02") == (
        "Realisasi per triwulan tercatat sampai triwulan III; capaian terendah adalah capaian "
        f"sampai {terendah}: Data layanan desa belum lengkap.")


def test_judul_kolom_pagu_menurut_tingkat_kode_anggaran(mini, contoh, tmp_path):
    """pk_realisasi.csv's kode_anggaran may name a program or a kegiatan (data/README.md): the
    column says which; the example's rows name programs 1-6 of its anggaran.csv."""
    def judul(data, hasil):
        return list(tabel_analisis.tabel_capaian_pk(data, hasil, "3.3").df.columns)[-1]

    assert judul(*contoh) == "Pagu Program (Rp)"
    assert judul(*mini) == "Pagu Kegiatan (Rp)"  # sekcam 1 -> 1.1, a kegiatan: 600.000
    assert tabel_analisis.tabel_capaian_pk(*mini, "3.3").df.iloc[0, -1] == "600.000"
    kepala = "kode_pejabat,no,kode_node,realisasi,kode_anggaran,arah\n"
    keduanya = kepala + "sekcam,1,,3,1.1,naik\ncamat,2,,60,1,naik\n"
    assert judul(*_muat(tmp_path / "a", {"2023/pk_realisasi.csv": keduanya})) == \
        "Pagu Program/Kegiatan (Rp)"
    tanpa = kepala + "sekcam,1,,3,,naik\n"
    assert judul(*_muat(tmp_path / "b", {"2023/pk_realisasi.csv": tanpa})) == "Pagu (Rp)"


def test_catatan_perbandingan_menjelaskan_persen_naik_turun(contoh):
    """The Keterangan's "naik 2,67 %" is the change of the printed figures relative to the
    earlier year: (82,78 − 80,63) / 80,63 × 100 = 2,15 / 80,63 × 100 = 2,6665 → 2,67; the note
    says so (a reader recomputing from the unrounded IKM would find another last digit)."""
    data, hasil = contoh
    t = tabel_analisis.tabel_perbandingan(data, hasil, "IKU-01", "3.5")
    assert t.df.loc["tahun:2022", "Keterangan"] == "naik 2,67\xa0% (membaik)"
    assert t.df.loc["tahun:2020", "Keterangan"] == "naik 6,13\xa0% (membaik)"  # 4,78 / 78
    assert t.catatan == ("Selisih = realisasi − nilai pembanding; persen naik/turun = selisih / "
                         "nilai tahun itu × 100, dari angka yang dibulatkan dua desimal.")
    tanpa_tahun = tabel_analisis.tabel_perbandingan(data, hasil, "IKU-03", "3.5")
    assert tanpa_tahun.catatan == ("Selisih = realisasi − nilai pembanding, dari angka yang "
                                   "dibulatkan dua desimal.")
