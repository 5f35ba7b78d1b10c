"""Provenance of the example's figures, down to the input rows; CLI; HTML escaping.

Expected values are computed by hand from the input CSV files of the example (row numbers as a
spreadsheet shows them: header = row 1), never pasted from the program's output.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from lkjip import jejak, tampil, tampil_jejak
from lkjip.angka import Angka, Sumber
from lkjip.capaian import ATURAN_NOL_PER_NOL, rasio_angka
from lkjip.cli import main
from lkjip.hitung import hitung
from lkjip.muat import muat

DATA = Path(__file__).resolve().parents[1] / "data"
TAHUN = DATA / "bantarbolang" / "2023"
JAHAT = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', 'a & b "c"']


@pytest.fixture(scope="module")
def contoh():
    return hitung(muat("bantarbolang", 2023, DATA))


def daun(x) -> list[Sumber]:
    """Every input row under a figure (the leaves of its provenance tree)."""
    if isinstance(x, Sumber):
        return daun(x.nilai) if isinstance(x.nilai, Angka) else [x]
    if isinstance(x, Angka):
        return [s for m in x.masukan for s in daun(m)]
    return []


def baris(sumber: list[Sumber], nama_berkas: str, kolom: str) -> list[int]:
    return sorted(s.baris for s in sumber if s.file.endswith(nama_berkas) and s.kolom == kolom)


def baca(nama: str, pemisah: str = ",") -> list[dict]:
    """The rows of an example file as a spreadsheet numbers them (first data row = 2)."""
    with open(TAHUN / nama, encoding="utf-8-sig") as f:
        return [r | {"_baris": i} for i, r in enumerate(csv.DictReader(f, delimiter=pemisah), 2)]


# ---------------------------------------------------------------- capaian


def test_capaian_cakupan_layanan_down_to_target_row_and_lists(contoh):
    a = jejak.cari(contoh, "capaian/IKU-02")
    # realisasi = CL = 86,8148… (below), target 94,69: 86,8148… / 94,69 × 100 = 91,683… → 91,68
    assert a.uraian() == "91,68 = 86,81 / 94,69 × 100"
    realisasi, target = a.masukan
    assert realisasi.uraian() == "86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"
    # renstra/target.csv: header row 1, IKU-01 row 2, IKU-02 row 3 (target 94.69)
    assert target.masukan == (Sumber("bantarbolang/renstra/target.csv", 3, "target", 94.69),)
    teks = jejak.pohon(a)
    assert teks.splitlines()[0] == "capaian IKU-02 = 91,68"
    assert "aturan: arah naik" in teks
    assert "nilai sebelum dibulatkan: 91,683192327" in teks
    assert "bantarbolang/renstra/target.csv baris 3, kolom target: 94,69" in teks
    assert "17 baris: bantarbolang/2023/desa.csv baris 2–18, kolom tata_kelola_baik = ya" in teks


def test_komposit_cakupan_layanan_down_to_desa_and_data_publik_rows(contoh):
    cl = jejak.cari(contoh, "komposit/CL")
    # CL.1 = (4/10 + 4/4 + 2/9) × 100 / 3 = 54,074…; CL.2 = (60 + 100) / 2 = 80;
    # CL.3 = 4/4, CL.4 = 1/1, CL.5 = 17/17 → 100; CL = 434,074… / 5 = 86,8148… → 86,81
    assert cl.uraian() == "86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"
    sumber = daun(cl)
    desa = baca("desa.csv")
    assert baris(sumber, "desa.csv", "tata_kelola_baik") == [
        r["_baris"] for r in desa if r["tata_kelola_baik"] == "ya"] == list(range(2, 19))
    publik = baca("data_publik.csv")
    assert baris(sumber, "data_publik.csv", "dipublikasikan") == [
        r["_baris"] for r in publik if r["dipublikasikan"] == "ya"] == [2, 3, 4, 5]
    assert baris(sumber, "data_publik.csv", "no") == list(range(2, 12))  # 10 entries
    # typed nodes: komposit.csv row 8 (Musrenbang desa 60), row 10 (trantibum 4/4)
    assert Sumber("bantarbolang/2023/komposit.csv", 8, "nilai", 60.0) in sumber
    assert baris(sumber, "komposit.csv", "pembilang") == [10, 11]
    teks = jejak.pohon(cl)
    assert "40,00 = 4 / 10 × 100" in teks and "100,00 = 4 / 4 × 100" in teks
    assert "4 baris: bantarbolang/2023/data_publik.csv baris 2–5, kolom dipublikasikan = ya" \
        in teks


def test_aturan_nol_per_nol_dinyatakan():
    teks = jejak.pohon(rasio_angka(0, 0, label="pengaduan terselesaikan"))
    assert teks.startswith("pengaduan terselesaikan = 100,00")
    assert ATURAN_NOL_PER_NOL[:40] in teks


# ---------------------------------------------------------------- IKM


def test_ikm_tahun_is_mean_of_semesters_down_to_survey_rows(contoh):
    survei = baca("ikm_responden_sintetis.csv")
    s1 = [r for r in survei if r["periode"] == "S1"]
    s2 = [r for r in survei if r["periode"] == "S2"]
    assert (len(s1), len(s2)) == (135, 142)
    tahun = jejak.cari(contoh, "ikm/tahun")
    # year = (IKM S1 + IKM S2) / 2 = (82,6132… + 82,9421…) / 2 = 82,7777… → 82,78
    i1, i2 = (jejak.cari(contoh, f"ikm/{p}") for p in ("S1", "S2"))
    assert abs((i1.nilai + i2.nilai) / 2 - tahun.nilai) < Decimal("1e-20")
    assert tahun.bulat == Decimal("82.78")
    assert "rerata IKM semester" in tahun.aturan
    # each NRR of the year is the mean of the semester NRR, each of those Σ answers / responden
    persyaratan = tahun.masukan[0]
    n1, n2 = persyaratan.masukan
    jumlah1 = sum(int(r["persyaratan"]) for r in s1)
    jumlah2 = sum(int(r["persyaratan"]) for r in s2)
    assert persyaratan.nilai == (Decimal(jumlah1) / 135 + Decimal(jumlah2) / 142) / 2
    assert n1.masukan[0].nilai == jumlah1 and n1.masukan[1].nilai == 135
    assert baris(daun(n1.masukan[0]), "ikm_responden_sintetis.csv", "persyaratan") == [
        r["_baris"] for r in s1]
    assert baris(daun(n2.masukan[0]), "ikm_responden_sintetis.csv", "persyaratan") == [
        r["_baris"] for r in s2]
    # S1 answers sum to 4.015: 25 × 4.015 / (9 × 135) = 82,6132… → 82,61
    total1 = sum(int(r[k]) for r in s1 for k in ("persyaratan", "prosedur", "waktu", "biaya",
                                                  "produk", "kompetensi", "perilaku",
                                                  "pengaduan", "sarana"))
    assert total1 == 4015 and i1.bulat == Decimal("82.61")
    teks = jejak.jelaskan(contoh, "ikm/tahun")
    assert "IKM tahun = 82,78" in teks
    assert "135 baris: bantarbolang/2023/ikm_responden_sintetis.csv baris 2–136, kolom " \
           "persyaratan" in teks


# ---------------------------------------------------------------- budget


def test_pagu_program_1_is_sum_of_its_kegiatan_rows(contoh):
    a = jejak.cari(contoh, "anggaran/1/pagu_perubahan")
    dpa = [r for r in baca("anggaran.csv", ";") if r["kode_induk"] == "1"]
    assert [r["_baris"] for r in dpa] == list(range(3, 11))
    # 6.212.970 + 1.943.200.500 + 879.000 + 750.000 + 127.030.300 + 58.661.000 + 242.456.000
    #   + 81.447.000 = 2.460.636.770
    assert a.nilai == 2_460_636_770
    assert a.uraian() == ("2.460.636.770 = 6.212.970 + 1.943.200.500 + 879.000 + 750.000 + "
                          "127.030.300 + 58.661.000 + 242.456.000 + 81.447.000")
    assert [(s.baris, s.kolom) for s in daun(a)] == [(b, "pagu_perubahan") for b in range(3, 11)]
    assert [s.nilai for s in daun(a)] == [int(r["pagu_perubahan"].replace(".", "")) for r in dpa]
    # murni: 6.212.970 + 1.970.146.000 + 879.000 + 750.000 + 122.480.300 + 16.521.000
    #   + 309.268.000 + 81.447.000 = 2.507.704.270; selisih = 2.460.636.770 − 2.507.704.270
    assert jejak.cari(contoh, "anggaran/1/selisih").nilai == -47_067_500
    # total pagu murni of the six programs (Tabel 2.5): 2.544.412.750
    assert jejak.cari(contoh, "anggaran/total/pagu_murni").nilai == 2_544_412_750


def test_penyerapan_down_to_realisasi_row_and_dpa_rows(contoh):
    a = jejak.cari(contoh, "penyerapan/S1")
    # 2.469.406.335 / 2.522.467.250 × 100 = 97,8964… → 97,90
    assert a.uraian() == "97,90 = 2.469.406.335 / 2.522.467.250 × 100"
    realisasi, pagu = a.masukan
    assert realisasi.masukan == (
        Sumber("bantarbolang/2023/realisasi_anggaran.csv", 2, "realisasi", 2469406335),)
    # pagu S1 = the six programs (all of S1), each the sum of its kegiatan: every leaf row
    leaf = [r["_baris"] for r in baca("anggaran.csv", ";") if r["tingkat"] == "kegiatan"]
    assert baris(daun(pagu), "anggaran.csv", "pagu_perubahan") == leaf
    assert "realisasi_anggaran.csv baris 2, kolom realisasi: 2.469.406.335" in jejak.pohon(a)


# ---------------------------------------------------------------- paths and CLI


def test_path_keys_match_case_insensitively(contoh):
    assert jejak.cari(contoh, "CAPAIAN/iku-02") is contoh.indikator["IKU-02"].capaian
    assert jejak.cari(contoh, "daftar/desa/pembilang").nilai == 17


def test_unknown_path_lists_the_available_ones(contoh):
    with pytest.raises(jejak.JalurTidakDikenal) as e:
        jejak.cari(contoh, "capaian/IKU-99")
    pesan = str(e.value)
    assert pesan.startswith("Angka 'capaian/IKU-99' tidak dikenal. Jalur yang tersedia:")
    assert "capaian/<indikator>" in pesan and "IKU-02" in pesan
    assert "anggaran/<kode>/pagu_perubahan" in pesan


def test_cli_jelaskan_prints_the_tree():
    r = CliRunner().invoke(main, ["jelaskan", "--kecamatan", "bantarbolang", "--tahun", "2023",
                                  "--data", str(DATA), "capaian/IKU-02"])
    assert r.exit_code == 0, r.output
    baris_ = r.output.splitlines()
    assert baris_[:3] == ["capaian/IKU-02", "", "capaian IKU-02 = 91,68"]
    assert "    hitungan: 91,68 = 86,81 / 94,69 × 100" in baris_
    assert any("desa.csv baris 2–18" in b for b in baris_)


def test_cli_jelaskan_unknown_figure_exits_1():
    r = CliRunner().invoke(main, ["jelaskan", "--kecamatan", "bantarbolang", "--tahun", "2023",
                                  "--data", str(DATA), "capaian/xx"])
    assert r.exit_code == 1
    assert "tidak dikenal" in r.output and "komposit/<node>" in r.output


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize("teks", JAHAT)
def test_html_angka_escapes_and_is_focusable(teks):
    a = Angka(Decimal("40"), teks, (Sumber(teks, 2, teks, "4"), Sumber(teks, 3, "x", teks)),
              teks, teks, "{0} / {1}")
    html = tampil_jejak.html_angka(a, teks=teks, nomor="P-3")
    assert "<script" not in html and "<img" not in html
    sup = BeautifulSoup(html, "html.parser")
    nilai = sup.select_one(".lk-jejak-nilai")
    assert nilai["tabindex"] == "0" and nilai.get_text() == teks
    isi = sup.find(id=nilai["aria-describedby"])
    assert isi["role"] == "tooltip" and "display:none" in isi["style"]
    assert teks in isi.get_text()
    assert sup.select_one("sup a")["href"] == "#lampiran-p-3"


def test_tabel_with_angka_cells_explains_without_review_marks(contoh):
    """A table cell explains its figure on hover; the edition has no appendix number or link."""
    cap = contoh.indikator["IKU-02"].capaian
    df = pd.DataFrame({"Indikator": ["Cakupan <layanan>"], "Capaian (%)": ["91,68"],
                       "Angka": [cap]}, index=["IKU-02"])
    html = tampil.tabel(df, "3.2", "Capaian", angka={("IKU-02", "Capaian (%)"): cap}).isi
    sup = BeautifulSoup(html, "html.parser")
    sel = sup.select("td")
    assert sel[0].get_text() == "Cakupan <layanan>"
    assert sel[1].select_one(".lk-jejak-nilai").get_text() == "91,68"
    assert not sup.select("sup") and not sup.select("a")
    assert sel[2].select_one(".lk-jejak-nilai").get_text() == "91,68"  # Angka cell, formatted
    assert "91,68 = 86,81 / 94,69 × 100" in sel[2].select_one("[role=tooltip]").get_text()


def test_paragraf_figures_explain_themselves(contoh):
    cap = contoh.indikator["IKU-02"].capaian
    html = tampil.paragraf("Capaian <b> 91,68 % dan 91,68 lagi", angka=[("91,68", cap)]).isi
    sup = BeautifulSoup(html, "html.parser")
    assert len(sup.select(".lk-jejak-nilai")) == 1 and "&lt;b&gt;" in html


def test_lampiran_numbers_every_table_figure_once(contoh):
    entri = jejak.lampiran(contoh, temuan={}, nomor={"tabel:capaian": "3.2"})
    assert [e.nomor for e in entri] == [f"P-{i}" for i in range(1, len(entri) + 1)]
    jalur = {e.jalur: e for e in entri}
    assert jalur["capaian/IKU-02"].tabel == "Tabel 3.2 Capaian Kinerja atas Perjanjian Kinerja"
    assert jalur["capaian/IKU-02"].uraian == "91,68 = 86,81 / 94,69 × 100"
    assert jalur["komposit/CL"].uraian == "86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"
    assert jalur["penyerapan/S1"].uraian == "97,90 = 2.469.406.335 / 2.522.467.250 × 100"
    assert "penyerapan" not in jalur  # the same figure as penyerapan/total, listed once
    html = BeautifulSoup(tampil_jejak.lampiran_html(entri), "html.parser")
    baris_ = html.find(id=tampil_jejak.id_lampiran(jalur["capaian/IKU-02"].nomor))
    teks = baris_.get_text(" ")
    assert "91,68 = 86,81 / 94,69 × 100" in teks and "target.csv baris 3" in teks


def test_tabel_capaian_and_komposit_cells_explain_themselves(contoh):
    from lkjip import tabel

    for t in (tabel.tabel_capaian(contoh.data, contoh),
              tabel.tabel_komposit(contoh.data, contoh, "CL")):
        html = BeautifulSoup(t.html().isi, "html.parser")
        assert html.select("[tabindex='0']") and not html.select("sup.lk-jejak-nomor")
    # Tabel 2.5's computed totals explain themselves too (pagu murni of program 1)
    html = tabel.tabel_anggaran(contoh.data, contoh).html().isi
    assert "2.507.704.270 = 6.212.970 + 1.970.146.000" in html


def test_cli_jelaskan_without_a_figure_lists_the_paths():
    """kantor3: an analyst who does not know the paths asks without one and gets the list
    (exit 0), with this kecamatan-year's keys: Bantarbolang 2023 has IKU-01..IKU-04, one
    sasaran S1 and the IKM semesters S1, S2 (data/bantarbolang)."""
    r = CliRunner().invoke(main, ["jelaskan", "--kecamatan", "bantarbolang", "--tahun", "2023",
                                  "--data", str(DATA)])
    assert r.exit_code == 0, r.output
    baris_ = r.output.splitlines()
    assert baris_[0].startswith("Jalur angka yang tersedia.")
    assert any(b.startswith("  capaian/<indikator>") and "IKU-01, IKU-02, IKU-03," in b
               for b in baris_)
    assert any(b.startswith("  sasaran/<sasaran>") and "(sasaran: S1)" in b for b in baris_)
    assert any(b.startswith("  ikm/<semester>") and "(semester: S1, S2)" in b for b in baris_)


def test_rujukan_sama_dengan_tanda_sebagai_kunci():
    """`jejak.Rujukan` finds a figure's entry exactly when its (value, formula, inputs, rule)
    equals the entry's: the top figure's label and formatting fields do not count, every
    field of an input does (an input's label, a source cell's value). By hand, figures built
    anew each time (equal, never the same objects), the answers compared with a plain dict
    keyed by those tuples, as the look-up was before its hashes were kept."""

    def buat(label="realisasi IKU-02", label_dalam="IKM S1", sel="3,38", desimal=2):
        dalam = Angka(Decimal("82.78"), "NRR × 25", (Sumber("ikm.csv", 2, "u1", sel),),
                      label=label_dalam)
        return Angka(Decimal("86.81"), "rerata", (dalam, Decimal("90")), "r1", label,
                     desimal=desimal)

    peta = jejak.Rujukan([jejak.Entri("P-1", "Tabel 3.3", "realisasi/IKU-02", buat())])
    polos = {jejak._tanda(buat()): "P-1"}
    for a, ada in [(buat(), True), (buat(label="komposit CL", desimal=0), True),
                   (buat(label_dalam="IKM S2"), False), (buat(sel="3,39"), False)]:
        assert (jejak._tanda(a) in polos) is ada
        assert (a in peta) is ada
        if ada:
            assert peta[a].nomor == "P-1"
        else:
            with pytest.raises(KeyError):
                peta[a]
