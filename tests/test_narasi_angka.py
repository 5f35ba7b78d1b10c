"""Figures in the office's narrative (issue 16): named figures render from the model and follow
the decisions; typed numbers are read with their sentence and checked against the model.

Hand values of the mini kecamatan (tests/mini.py): pengaduan 1 of 2 resolved → CL.1 = 50 %;
desa 3 of 4 with good governance → CL.2 = 75 %; cakupan CL = (50 + 75) / 2 = 62,5 %; target
IKU-02 80 → capaian 62,5 / 80 × 100 = 78,125 → 78,13 %; pagu 600.000 + 400.000 = 1.000.000,
realisasi 950.000 → penyerapan 95,00 %.
Example (Bantarbolang 2023): CL.4 potensi konflik = 1 / 1 × 100 = 100 %; CL.3 gangguan trantibum
= 4 / 4 × 100 = 100 %.
"""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from lkjip import config, narasi, susun
from lkjip.cli import main
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.konteks import keadaan, konteks
from lkjip.muat import muat
from lkjip.periksa import narasi as pn
from lkjip.periksa import periksa
from lkjip.teks_narasi import baca, nama_angka
from tests.mini import BERKAS_MINI, tulis_mini

DATA_CONTOH = config.contoh()  # the example data, wherever the tests run from

KOMPOSIT_KATA = BERKAS_MINI["2023/komposit.csv"].replace("urutan\n", "urutan,kata_kunci\n") \
    .replace("pengaduan,1\n", "pengaduan,1,pengaduan\n").replace("desa,2\n", "desa,2,\n")

# ten typed numbers: five right, three wrong, two matching no figure of the mini
SEPULUH = """Sepanjang tahun 2023 terdapat 2 pengaduan masyarakat.

Pengaduan terselesaikan mencapai 50 %.

Dari 4 desa, desa bertata kelola baik mencapai 80 %.

Cakupan layanan tahun 2023 mencapai 62,50 %, sehingga capaiannya 78,13 %.

Penyerapan anggaran mencapai 92,50 %.

Realisasi anggaran tercatat Rp 905.000.

Sebanyak 33,33 % warga hadir dalam rapat.

Swadaya masyarakat sebesar Rp 1.234.567.
"""


def _mini(tmp_path, narasi_md: dict[str, str], **ganti):
    berkas = {"2023/komposit.csv": KOMPOSIT_KATA, **ganti}
    berkas |= {f"2023/narasi/{k}.md": v for k, v in narasi_md.items()}
    return tulis_mini(tmp_path, ganti=berkas)


def _narasi(temuan):
    return [t for t in temuan if t.aturan.startswith("narasi-")]


def _teks(html: str) -> str:
    """The text a reader sees: tooltips dropped, blocks separated by a space."""
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.select(".lk-jejak-isi"):
        el.decompose()
    for el in soup.find_all(["p", "h1", "h2", "h3", "h4", "li", "td", "th", "div", "br"]):
        el.append(" ")
    return " ".join(soup.get_text("").split())


# ---------------------------------------------------------------- reading the text


def test_sentences_join_a_formula_typed_on_its_own_lines_and_keep_their_lines():
    teks = ("Judul\n\nMaka realisasinya adalah:\n\n= 4/10 × 100\n\n= 40 %\n\n"
            "Kalimat berikut. Lalu 17 desa.")
    k = baca(teks)
    assert [x.teks for x in k] == ["Judul", "Maka realisasinya adalah: = 4/10 × 100 = 40 %",
                                   "Kalimat berikut.", "Lalu 17 desa."]
    assert [(a.teks, a.baris) for a in k[1].angka] == [("40 %", 7)]
    assert [(a.teks, a.benda, a.baris) for a in k[3].angka] == [("17 desa", "desa", 9)]


def test_units_operands_and_what_is_not_read():
    k = baca("Tahun 2023 (Perbup 58 Tahun 2018) ada 5 sub indikator: (40% + 22,22 persen) / 2 "
             "= 31,11%, Rp. 2.469.406.335,00 dan 4 (empat) aduan; IKM 82,94 {ikm/S1}.")
    angka = [(a.teks, a.jenis, a.nilai, a.operan) for x in k for a in x.angka]
    assert angka == [("40%", "persen", Decimal("40"), True),
                     ("22,22 persen", "persen", Decimal("22.22"), True),
                     ("31,11%", "persen", Decimal("31.11"), False),
                     ("Rp. 2.469.406.335,00", "rupiah", Decimal("2469406335.00"), False),
                     ("4 (empat) aduan", "cacah", Decimal(4), False),
                     ("82,94", "nilai", Decimal("82.94"), False)]


def test_named_figures_escapes_and_their_problems():
    nama, salah = nama_angka("a {{b}} {capaian/IKU-02:persen} {x:meter} {} {y")
    assert [(n.jalur, n.satuan) for n in nama] == [("capaian/IKU-02", "persen")]
    assert [s[1] for s in salah] == ["{x:meter}", "{}", "{y"]


# ---------------------------------------------------------------- the example


@pytest.fixture(scope="module")
def contoh():
    data = muat("bantarbolang", 2023, DATA_CONTOH)
    return data, hitung(data)


def test_example_potensi_konflik_0_persen_is_a_galat_with_file_line_and_sentence(contoh):
    data, hasil = contoh
    t = [t for t in periksa(data, hasil) if t.berkas.endswith("narasi/komponen/CL.4.md")]
    assert len(t) == 1
    t = t[0]
    # CL.4 = 1 / 1 × 100 = 100 %; the seed's closing sentence says 0 %
    assert (t.tingkat, t.aturan, t.baris, t.tersaji, t.terhitung, t.kunci) == \
        ("galat", "narasi-angka", 11, "0%", "100,00\xa0%", "komposit/CL.4")
    assert "Potensi Konflik Tingkat Desa dan Kecamatan yang Dapat Diselesaikan di tahun 2023 " \
        "mencapai 0%." in t.pesan
    assert t.id == "narasi-angka/komponen-cl.4/berdasarkan-hal-tersebut-maka-persentase/0"
    hasil_cli = CliRunner().invoke(main, ["check", "--kecamatan", "bantarbolang", "--tahun",
                                          "2023", "--data", str(DATA_CONTOH)])
    assert "[galat] CL.4.md baris 11 · narasi/komponen/CL.4.md" in hasil_cli.output
    assert "tertulis 0%, padahal terhitung 100,00\xa0% (komposit/CL.4)" in hasil_cli.output


def test_example_gangguan_trantibum_100_persen_is_consistent(contoh):
    data, hasil = contoh
    # CL.3 = 4 / 4 × 100 = 100 %: the sentence says 100 %
    b = [b for b in pn.bacaan(data, hasil) if b.berkas == "komponen/CL.3"
         and "Gangguan Trantibum" in b.kalimat.teks and "mencapai" in b.kalimat.teks]
    assert [(b_.ketik.teks, b_.hasil, b_.jalur) for b_ in b] == \
        [("100 %", "cocok", ("komposit/CL.3",))]
    assert not [t for t in periksa(data, hasil) if "komponen/CL.3" in t.berkas]


def test_example_findings_on_the_seed_prose(contoh):
    """Every narrative finding of the example, by hand from the seed and the data."""
    data, hasil = contoh
    dapat = {(t.berkas.split("narasi/")[1], t.aturan, t.tersaji, t.terhitung)
             for t in _narasi(periksa(data, hasil))}
    assert dapat == {
        # IKM year = (82,6132 + 82,9421) / 2 = 82,7777 → 82,78; the text says 82,94
        ("indikator/IKU-01.md", "narasi-angka", "82,94", "82,78"),
        # capaian IKU-01 = 82,7777 / 82 × 100 = 100,948 → 100,95
        ("indikator/IKU-01.md", "narasi-angka", "101,15%", "100,95\xa0%"),
        # progres = 82,7777 / 99,73 × 100 = 83,0017 → 83,00 (the text quotes the stated 83,16)
        ("indikator/IKU-01.md", "narasi-tersaji", "83,16%", "83,00\xa0%"),
        ("komponen/CL.4.md", "narasi-angka", "0%", "100,00\xa0%"),
        # CL.1 = (40 + 100 + 22,2222) / 3 = 54,074; the seed's total uses 40 for it
        ("komponen/CL.md", "narasi-tersaji", "40%", "54,07\xa0%"),
        # CL = (54,074 + 80 + 100 + 100 + 100) / 5 = 86,8148
        ("komponen/CL.md", "narasi-angka", "84,00%", "86,81\xa0%"),
    }


def test_example_check_lists_the_numbers_that_could_be_named():
    hasil = CliRunner().invoke(main, ["check", "--kecamatan", "bantarbolang", "--tahun", "2023",
                                      "--data", str(DATA_CONTOH)])
    assert "  narasi/komponen/CL.1.1.md\n" in hasil.output
    assert "    baris 20: 40 % → {komposit/CL.1.1:persen}" in hasil.output
    assert "    baris 1: 10 (sepuluh) jenis data → {daftar/data_publik/penyebut} jenis data" \
        in hasil.output


def test_equal_operands_are_named_as_the_figures_in_the_order_the_sentence_names_them(contoh):
    """CL.md: "(3) … gangguan trantibum … + (4) … potensi konflik … + (5) … tata kelola …"
    then "(40% + 80% + 100% + 100% + 100%) / 5": CL.3 = 4 / 4 × 100, CL.4 = 1 / 1 × 100 and
    CL.5 = 17 / 17 × 100 are all 100 %, so each "100%" is the figure named at its place, not
    the first of them three times; `lkjip check` suggests those named forms."""
    data, hasil = contoh
    b = [b for b in pn.bacaan(data, hasil) if b.berkas == "komponen/CL"
         and b.ketik.teks in ("80%", "100%")]
    assert [(b_.ketik.teks, b_.hasil, b_.jalur) for b_ in b] == [
        ("80%", "cocok", ("komposit/CL.2",)), ("100%", "cocok", ("komposit/CL.3",)),
        ("100%", "cocok", ("komposit/CL.4",)), ("100%", "cocok", ("komposit/CL.5",))]
    keluaran = CliRunner().invoke(main, ["check", "--kecamatan", "bantarbolang", "--tahun",
                                         "2023", "--data", str(DATA_CONTOH)]).output
    assert ("    baris 5: 100% → {komposit/CL.3:persen}\n"
            "    baris 5: 100% → {komposit/CL.4:persen}\n"
            "    baris 5: 100% → {komposit/CL.5:persen}\n") in keluaran


def test_example_bab3_prints_each_component_text_with_the_computed_figure():
    data, hasil = konteks("bantarbolang", 2023, DATA_CONTOH)
    teks = _teks(susun.sasaran(data, hasil).isi)
    assert "Persentase potensi konflik tingkat desa dan kecamatan yang tertangani " \
        "Perhitungan: 1 / 1 × 100 = 100,00 %." in teks
    # undecided: the wrong typed figure prints as the computed one
    assert "Dapat Diselesaikan di tahun 2023 mencapai 100,00 %." in teks
    assert "mencapai 0%" not in teks
    assert "Gangguan Trantibum Tingkat Desa dan Kecamatan yang Dapat Diselesaikan di tahun " \
        "2023 mencapai 100 %." in teks
    assert teks.index("Sub indikator ini memiliki formulasi") > \
        teks.index("Perhitungan Cakupan layanan kecamatan")


# ---------------------------------------------------------------- ten typed numbers


def test_ten_typed_numbers_three_galat_two_peringatan(tmp_path):
    data = muat("contoh", 2023, _mini(tmp_path, {"indikator/IKU-02": SEPULUH}))
    temuan = _narasi(periksa(data))
    assert sorted((t.tingkat, t.baris, t.tersaji, t.terhitung) for t in temuan) == [
        ("galat", 5, "80 %", "75,00\xa0%"),  # CL.2 = 3 / 4 × 100 = 75
        ("galat", 9, "92,50 %", "95,00\xa0%"),  # 950.000 / 1.000.000 × 100 = 95
        ("galat", 11, "Rp 905.000", "Rp 950.000"),  # realisasi_anggaran.csv: 950.000
        ("peringatan", 13, "33,33 %", None),
        ("peringatan", 15, "Rp 1.234.567", None),
    ]
    # the five right ones: 2 pengaduan (penyebut 2), 50 % (CL.1 1/2), 4 desa (penyebut 4),
    # 62,50 % (realisasi IKU-02), 78,13 % (capaian 78,125)
    cocok = [(b.ketik.teks, b.jalur[0]) for b in pn.bacaan(data, hitung(data))
             if b.hasil == "cocok"]
    assert cocok == [("2 pengaduan", "daftar/pengaduan/penyebut"), ("50 %", "komposit/CL.1"),
                     ("4 desa", "daftar/desa/penyebut"), ("62,50 %", "realisasi/IKU-02"),
                     ("78,13 %", "capaian/IKU-02")]


def test_finding_ids_survive_a_line_added_above(tmp_path):
    def baris_per_id(folder, md):
        data = muat("contoh", 2023, _mini(folder, {"indikator/IKU-02": md}))
        return {t.id: t.baris for t in _narasi(periksa(data))}

    lama = baris_per_id(tmp_path / "a", SEPULUH)
    baru = baris_per_id(tmp_path / "b", "Pengantar.\n\n" + SEPULUH)
    assert set(lama) == set(baru) and len(lama) == 5
    assert all(baru[i] == lama[i] + 2 for i in lama)
    assert "narasi-angka/indikator-iku-02/penyerapan-anggaran-mencapai-92-50/92-50" in lama


def test_category_word_the_scale_does_not_give(tmp_path):
    # capaian IKU-02 78,125 → 78,13: bantarbolang-2023 scale 75,51–81,25 = Rendah
    md = {"inovasi": "Capaian cakupan layanan 78,13 %, kategori Sangat Tinggi. IKM 77,78 dengan "
                     "kategori baik."}
    data = muat("contoh", 2023, _mini(tmp_path, md))
    temuan = _narasi(periksa(data))
    assert [(t.aturan, t.tersaji, t.terhitung) for t in temuan] == \
        [("narasi-kategori", "Sangat Tinggi", "Rendah")]  # IKM 77,78 is mutu B (Baik): right
    teks = _teks(narasi.teks(data, "inovasi", hitung(data)).isi)
    assert "78,13 %, kategori Rendah." in teks


# ---------------------------------------------------------------- named figures


def test_unknown_path_is_a_load_error_naming_file_line_and_close_paths(tmp_path):
    md = {"inovasi": "Baris satu.\n\nCapaian {capaian/IKU-2:persen}, {penyerapan:rupiah} {{x}} {y"}
    data = muat("contoh", 2023, _mini(tmp_path, md))
    with pytest.raises(LkjipError) as e:
        periksa(data)
    pesan = [str(m) for m in e.value.masalah]
    assert len(pesan) == 3
    assert pesan[0].startswith("contoh/2023/narasi/inovasi.md, baris 3: '{y'")
    assert pesan[1].startswith("contoh/2023/narasi/inovasi.md, baris 3: angka bernama "
                               "'{capaian/IKU-2:persen}' tidak dikenal. Jalur yang mirip: "
                               "capaian/IKU-02")
    assert "'{penyerapan:rupiah}' bersatuan 'rupiah', padahal angkanya bukan rupiah" in pesan[2]
    hasil = CliRunner().invoke(main, ["check", "--kecamatan", "contoh", "--tahun", "2023",
                                      "--data", str(tmp_path)])
    assert hasil.exit_code == 1 and "Traceback" not in hasil.output
    assert "capaian/IKU-02" in hasil.output


def test_named_figures_render_with_provenance_and_escapes(tmp_path):
    md = {"inovasi": "Cakupan {realisasi/IKU-02:persen}, capaian {capaian/IKU-02}, pagu "
                     "{anggaran/total/pagu_perubahan:rupiah}, {{kurung}} biasa."}
    data = muat("contoh", 2023, _mini(tmp_path, md))
    html = narasi.teks(data, "inovasi", hitung(data)).isi
    assert _teks(html) == "Cakupan 62,50 %, capaian 78,13, pagu Rp 1.000.000, {kurung} biasa."
    soup = BeautifulSoup(html, "html.parser")
    nilai = [s.get_text() for s in soup.select(".lk-jejak-nilai")]
    assert nilai == ["62,50\xa0%", "78,13", "Rp 1.000.000"]
    assert "62,50 = (50,00 + 75,00) / 2" in soup.select(".lk-jejak-isi")[0].get_text()


def test_a_tersaji_decision_changes_what_the_named_form_prints(tmp_path):
    tersaji = BERKAS_MINI["2023/tersaji.csv"] + 'komposit,CL,"64,00",Bab III\n'
    md = {"inovasi": "Cakupan {realisasi/IKU-02:persen}, capaian {capaian/IKU-02:persen}."}
    root = _mini(tmp_path, md, **{"2023/tersaji.csv": tersaji})
    data, hasil = konteks("contoh", 2023, root)
    assert _teks(narasi.teks(data, "inovasi", hasil).isi) == "Cakupan 62,50 %, capaian 78,13 %."
    t = [t for t in periksa(data) if t.aturan == "komposit" and t.kunci == "CL"][0]
    (root / "contoh" / "2023" / "keputusan.csv").write_text(
        f"temuan,putusan,alasan\n{t.id},tersaji,angka resmi kantor\n", encoding="utf-8")
    data, hasil = konteks("contoh", 2023, root)
    # CL fixed at 64,00 → realisasi IKU-02 64,00, capaian 64 / 80 × 100 = 80,00
    assert _teks(narasi.teks(data, "inovasi", hasil).isi) == "Cakupan 64,00 %, capaian 80,00 %."


def test_a_wrong_typed_number_prints_computed_unless_decided_tersaji(tmp_path):
    root = _mini(tmp_path, {"komponen/CL.2": "Desa bertata kelola baik mencapai 80 %."})
    data, hasil = konteks("contoh", 2023, root)
    assert "mencapai 75,00 %." in _teks(narasi.teks(data, "komponen/CL.2", hasil).isi)
    t = _narasi(periksa(data))[0]
    (root / "contoh" / "2023" / "keputusan.csv").write_text(
        f"temuan,putusan,alasan\n{t.id},tersaji,kalimat ini tentang tahun lalu\n",
        encoding="utf-8")
    data, hasil = konteks("contoh", 2023, root)
    putusan = keadaan("contoh", 2023, root)
    assert not putusan.draf or t.id not in {x.id for x in putusan.galat_terbuka}
    assert "mencapai 80 %." in _teks(narasi.teks(data, "komponen/CL.2", hasil, putusan).isi)


def test_named_figure_reads_the_same_in_html_pdf_and_docx(tmp_path):
    import docx
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from lkjip import ekspor, tampil

    md = {"inovasi": "Capaian cakupan layanan {capaian/IKU-02:persen} dari pagu "
                     "{anggaran/total/pagu_perubahan:rupiah}."}
    data = muat("contoh", 2023, _mini(tmp_path, md))
    sel = new_code_cell("narasi.teks(data, 'inovasi', hasil)")
    sel.outputs = [new_output("display_data", data=tampil.sampul(
        "Contoh", "Pemalang", 2023)._repr_mimebundle_()),
        new_output("display_data", data=narasi.teks(data, "inovasi", hitung(data))
                   ._repr_mimebundle_())]
    berkas = ekspor.berkas_kecamatan(new_notebook(cells=[sel]), "contoh", 2023)
    kalimat = "Capaian cakupan layanan 78,13 % dari pagu Rp 1.000.000."
    assert kalimat in _teks(berkas["lkjip_contoh_2023.html"].decode())
    # pdftotext reads in reading order (pypdf puts each figure's span after its line)
    pdf = subprocess.run(["pdftotext", "-", "-"], input=berkas["lkjip_contoh_2023.pdf"],
                         capture_output=True, check=True).stdout.decode()
    assert kalimat in " ".join(pdf.split())
    doc = docx.Document(io.BytesIO(berkas["lkjip_contoh_2023.docx"]))
    assert kalimat in [" ".join(p.text.split()) for p in doc.paragraphs]


# ---------------------------------------------------------------- the loader


def test_per_figure_files_must_name_a_code_and_be_markdown(tmp_path):
    root = _mini(tmp_path, {"komponen/CL.9": "x", "indikator/IKU-02": "y"})
    (root / "contoh" / "2023" / "narasi" / "komponen" / "catatan.txt").write_text("z")
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, root)
    pesan = " | ".join(str(m) for m in e.value.masalah)
    assert "contoh/2023/narasi/komponen/catatan.txt: tidak dikenal oleh model data" in pesan
    (root / "contoh" / "2023" / "narasi" / "komponen" / "catatan.txt").unlink()
    with pytest.raises(LkjipError) as e:
        muat("contoh", 2023, root)
    (m,) = e.value.masalah
    assert str(m).startswith(
        "contoh/2023/narasi/komponen/CL.9.md: 'CL.9' bukan kode_node di komposit.csv (yang "
        "ada: CL, CL.1, CL.2); nama berkas ini harus <kode_node>.md. Mungkin maksudnya: ")
    assert "CL.1" in str(m).rsplit(":", 1)[1] and "CL.2" in str(m).rsplit(":", 1)[1]


def test_a_narrative_without_typed_numbers_is_read_without_the_models_figures(contoh,
                                                                              monkeypatch):
    # a file whose sentences type no number needs neither the figures' paths nor the
    # subjects (issue 15; each ~a few ms): none kept from earlier tests
    from lkjip.periksa import bahan_narasi

    monkeypatch.setattr(bahan_narasi, "_BAHAN", {})
    data, hasil = contoh
    tanpa = {k: v for k, v in data.narasi.items()
             if not any(k_.angka for k_ in baca(v, ("Baik",)))}
    dengan = {k: v for k, v in data.narasi.items() if k not in tanpa}
    assert tanpa and dengan

    def jangan(*_):
        raise AssertionError("not needed")

    monkeypatch.setattr(bahan_narasi, "semua_jalur", jangan)
    monkeypatch.setattr(bahan_narasi, "_subjek_data", jangan)
    for nama in tanpa:
        assert pn.bacaan_berkas(data, hasil, nama) == []
    with pytest.raises(AssertionError, match="not needed"):
        pn.bacaan_berkas(data, hasil, next(iter(dengan)))


def test_the_view_gets_the_checks_readings_of_the_same_model(contoh, monkeypatch):
    # issue 15: the kernel reads every file in the checks, then each printed file again with
    # the same data and model objects; the second reading is the first one's, unless the text
    # changed; another model object is read anew
    from dataclasses import replace

    from lkjip.periksa import bahan_narasi

    monkeypatch.setattr(bahan_narasi, "_BAHAN", {})
    data, hasil = contoh
    nama = "komponen/CL.4"
    semua = pn.bacaan(data, hasil, pn.bahan(data, hasil, pn.semua_jalur(hasil)))
    dibaca = []
    asli = pn._baca_berkas
    monkeypatch.setattr(pn, "_baca_berkas", lambda *a: dibaca.append(a[0]) or asli(*a))
    monkeypatch.setattr(bahan_narasi, "_subjek_data", lambda *_: 1 / 0)
    pertama = pn.bacaan_berkas(data, hasil, nama)
    assert pertama == [b for b in semua if b.berkas == nama] and pertama
    assert dibaca == []
    pertama.clear()  # the caller's list: the kept readings stay
    assert pn.bacaan_berkas(data, hasil, nama) and dibaca == []

    ubah = replace(data, narasi={**data.narasi, nama: data.narasi[nama] + "\n\nCatatan."})
    with pytest.raises(ZeroDivisionError):  # other data: its own Bahan, subjects made anew
        pn.bacaan_berkas(ubah, hasil, nama)
    data.narasi[nama] += " "
    try:  # the same objects, another text: read again, with the subjects kept
        assert pn.bacaan_berkas(data, hasil, nama) and dibaca == [nama, nama]
    finally:
        data.narasi[nama] = data.narasi[nama][:-1]


def test_sebutan_finds_a_phrase_in_any_case_and_skips_the_absent_ones():
    """`_sebutan` skips a phrase a word of which the sentence lacks (case aside) before
    compiling its pattern; positions by hand: 'INDEKS KEPUASAN-masyarakat' starts at 4."""
    from lkjip.periksa.bahan_narasi import Subjek

    ikm = Subjek("ikm", ("indeks kepuasan masyarakat",), {})
    cak = Subjek("cakupan", ("cakupan layanan",), {})
    teks = "Our INDEKS KEPUASAN-masyarakat 82,78; layanan naik."
    assert pn._sebutan(teks, [ikm, cak]) == [(4, 30, ikm)]  # 'cakupan' absent
    # a word inside another word is not a mention (the pattern's boundaries decide)
    assert pn._sebutan("xindeks kepuasan masyarakat", [ikm]) == []


@pytest.mark.parametrize("huruf", ["\u0130", "\u0131", "\u017f", "\u212a"])
def test_sebutan_with_the_letters_ignorecase_folds_to_ascii(huruf):
    """İ and ı match 'i', ſ 's', the Kelvin sign 'k' under re.IGNORECASE: a sentence holding
    one is matched by the pattern itself, not skipped by the ASCII test."""
    from lkjip.periksa.bahan_narasi import Subjek

    kata = {"\u0130": "indeks", "\u0131": "indeks", "\u017f": "kasus", "\u212a": "kasus"}[huruf]
    ganti = kata.replace({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}[huruf],
                         huruf, 1)
    s = Subjek("x", (kata,), {})
    assert pn._sebutan(f"ada {ganti} 3", [s]) == [(4, 4 + len(kata), s)]


def test_only_four_non_ascii_letters_fold_to_ascii_under_ignorecase():
    """`_MIRIP_ASCII` is every non-ASCII character re.IGNORECASE matches to an ASCII letter
    or digit (tried over all of Unicode)."""
    import re
    import sys

    pola = re.compile("[0-9a-z]", re.IGNORECASE)
    mirip = {chr(i) for i in range(128, sys.maxunicode + 1) if pola.match(chr(i))}
    assert mirip == pn._MIRIP_ASCII
