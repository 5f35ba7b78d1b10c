"""Generated sentences quote the computed figures, formatted the Indonesian way; narrative
Markdown renders safely."""

import pytest

from lkjip import narasi, narasi_analisis
from lkjip.konteks import konteks
from tests.mini import CONTOH, tulis_mini


@pytest.fixture(scope="module")
def contoh():
    return konteks("bantarbolang", 2023, CONTOH)


def test_capaian_sentence_of_cakupan(contoh):
    data, hasil = contoh
    # realisasi 86,8148 (composite), capaian 86,8148/94,69 × 100 = 91,6832, Tinggi
    assert narasi.kalimat_capaian(data, hasil, "IKU-02") == (
        "Pada tahun 2023 Kecamatan Bantarbolang menargetkan 94,69\xa0% untuk indikator Cakupan "
        "layanan kecamatan. Realisasinya mencapai 86,81\xa0% sehingga capaian indikator tersebut "
        "adalah 91,68\xa0% dengan kategori Tinggi.")


def test_capaian_sentence_without_target(contoh):
    data, hasil = contoh
    # Nilai AKIP has no target for 2023 in renstra/target.csv: no "menargetkan –"
    assert narasi.kalimat_capaian(data, hasil, "IKU-03") == (
        "Indikator Nilai AKIP tidak memiliki target tahun 2023 sehingga capaiannya tidak diukur.")


def test_capaian_sentence_of_ikm(contoh):
    data, hasil = contoh
    kalimat = narasi.kalimat_capaian(data, hasil, "IKU-01")
    assert "menargetkan indeks 82,00 untuk indikator" in kalimat   # by unit, as Tabel 3.2
    # IKM (82,6132 + 82,9421)/2 = 82,7777; 82,7777/82 × 100 = 100,948
    assert "mencapai 82,78 sehingga" in kalimat
    assert "100,95\xa0% dengan kategori Sangat Tinggi" in kalimat


def test_trend_and_progress(contoh):
    data, hasil = contoh
    # 86,81 − 81,12 = 5,69; 5,69 / 81,12 × 100 = 7,014 → 7,01 %; first year 2021: 86,81 − 96,32
    # = −9,51
    tren = narasi_analisis.kalimat_tren(data, hasil, "IKU-02")
    assert "realisasi tahun 2023 naik 5,69 poin atau 7,01\xa0%" in tren
    assert tren.endswith("(96,32\xa0%), turun 9,51 poin.")
    # 86,8148 / 96,47 × 100 = 89,99; left 96,47 − 86,81 = 9,66 in 2026 − 2023 = 3 years → 3,22
    progres = narasi_analisis.kalimat_progres(data, hasil, "IKU-02")
    assert "target akhir Renstra tahun 2026 sebesar 96,47\xa0%" in progres
    assert "hingga tahun 2023 mencapai 89,99\xa0%." in progres
    assert "masih diperlukan 9,66 poin dalam tiga tahun tersisa (2024–2026), rata-rata 3,22 poin" \
        in progres
    # 86,81 − 94,69 = −7,88
    assert narasi_analisis.kalimat_target(data, hasil, "IKU-02") == (
        "Realisasi tersebut masih 7,88 poin di bawah target.")


def test_ikm_paragraph(contoh):
    data, hasil = contoh
    k = narasi.kalimat_ikm(data, hasil)
    for bagian in ("277 pengguna layanan", "Semester 1 sebesar 82,61", "Semester 2 sebesar 82,94",
                   "adalah 82,78 dengan mutu pelayanan B (Baik)", "Perilaku Pelaksana (90,05)",
                   "Penanganan Pengaduan, Saran dan Masukan (69,16)", "sintetis"):
        assert bagian in k


def test_sasaran_and_conclusions(contoh):
    data, hasil = contoh
    assert "(100,95 + 91,68) / 2 = 96,32\xa0%, dengan kategori Sangat Tinggi" in \
        narasi.kalimat_sasaran(data, hasil, "S1")
    k = narasi.kesimpulan(data, hasil)
    assert k[0] == "Berdasarkan pemenuhan capaian kinerja 96,32\xa0%, kategori Sangat Tinggi."
    # 2.469.406.335 / 2.522.467.250 = 97,8965 %: Sangat Tinggi on the seed's own scale
    assert k[1] == ("Berdasarkan pemenuhan capaian anggaran (penyerapan) 97,90\xa0%, kategori "
                    "Sangat Tinggi.")
    # 96,32 − 97,90 = −1,58 (the working is shown once, in Bab III: kalimat_efisiensi); the
    # example's data states no efficiency rule (ketentuan.csv): the figure, no verdict
    assert k[2] == "Efisiensi penggunaan anggaran -1,58 poin."
    assert narasi.kalimat_efisiensi(data, hasil).endswith("96,32 − 97,90 = -1,58 poin.")


def test_budget_sentence(contoh):
    data, hasil = contoh
    k = narasi.kalimat_anggaran(data, hasil)
    assert "anggaran murni sebesar Rp\xa02.544.412.750" in k
    assert "berubah menjadi Rp\xa02.522.467.250 (berkurang Rp\xa021.945.500)" in k


def test_year_of_the_renstra_is_computed(contoh):
    data, _ = contoh
    # 2023 − 2021 + 1 = 3: the seed says "keempat"
    assert narasi.tahun_ke(data) == 3
    assert "tahun ketiga" in narasi.kalimat_penutup(data)


def test_formulas_in_force_state_the_rules(contoh):
    data, hasil = contoh
    html = narasi.rumus_berlaku(data, hasil).isi
    for bagian in ("Apabila target bernilai 0", "Rasio 0/0", "1/9",
                   "skala nilai peringkat kinerja Kecamatan Bantarbolang", "Realisasi tahun 2023"):
        assert bagian in html
    # no label that the rule repeats, no preset file name, no "tahun berjalan"
    for salah in ("Target bernilai 0:", "bantarbolang-2023", "tahun berjalan"):
        assert salah not in html


def test_narrative_markdown_is_safe_and_missing_files_say_so(tmp_path):
    root = tulis_mini(tmp_path, ganti={
        "2023/narasi/permasalahan.md": "**Kurang** SDM <script>alert(1)</script>"})
    data, hasil = konteks("contoh", 2023, root)
    html = narasi.teks(data, "permasalahan", hasil).isi
    assert "<strong>Kurang</strong>" in html and "<script>" not in html
    assert "(belum diisi)" in narasi.teks(data, "inovasi", hasil).isi


def test_sentences_are_escaped(contoh):
    html = narasi.paragraf("5 < 6 & <b>").isi
    assert html == '<p class="lk-paragraf">5 &lt; 6 &amp; &lt;b&gt;</p>'
    assert "&lt;i&gt;" in narasi.daftar(["<i>x</i>"]).isi


def test_quoted_figures_explain_themselves(contoh):
    from html.parser import HTMLParser

    data, hasil = contoh
    html = narasi.paragraf(narasi.kalimat_capaian(data, hasil, "IKU-02"))._repr_html_()

    class Fokus(HTMLParser):
        def __init__(self):
            super().__init__()
            self.fokus = []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if a.get("tabindex") == "0":
                self.fokus.append(a.get("aria-describedby"))

    p = Fokus()
    p.feed(html)
    # target 94,69, realisasi 86,81 and capaian 91,68 are the three quoted figures
    assert len(p.fokus) == 3 and all(p.fokus)
    assert "Realisasi / Target × 100" in html


@pytest.mark.parametrize("metode, progres", [
    # the three-sasaran mini (tests.mini.sasaran_ganda): IKU-04 lower is better, target akhir 5,
    # realisasi 8; the naik rule would give 8 / 5 × 100 = 160
    ("selisih", "40.00"),  # (2 × 5 − 8) / 5 × 100 = 40
    ("kebalikan", "62.50"),  # 5 / 8 × 100 = 62,5
])
def test_stated_progress_rule_covers_lower_is_better(tmp_path, metode, progres):
    from decimal import Decimal

    from tests.mini import sasaran_ganda

    ganti = sasaran_ganda(3)
    ganti["renstra/indikator.csv"] = ganti["renstra/indikator.csv"].replace(
        "turun,selisih", f"turun,{metode}")
    data, hasil = konteks("contoh", 2023, tulis_mini(tmp_path, ganti=ganti))
    assert hasil.indikator["IKU-04"].progres.bulat == Decimal(progres)
    html = narasi.rumus_berlaku(data, hasil).isi
    # the year by its number, not "tahun berjalan" (issue 12); "%" bound by a no-break space
    assert ("bila makin tinggi makin baik, Progres = Realisasi tahun 2023 / Target akhir "
            "Renstra × 100\xa0%") in html
    assert ("bila makin rendah makin baik, Progres = (2 × Target akhir Renstra − Realisasi "
            "tahun 2023) / Target akhir Renstra × 100\xa0% (atau Target akhir Renstra / "
            "Realisasi tahun 2023 × 100\xa0% bila") in html
