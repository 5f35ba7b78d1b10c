"""The chapter notebooks: committed clean, parameterised, runnable alone; the example report
built once per session, its figures checked in the executed notebook, the HTML and the PDF.

Expected figures are computed by hand from the seed's inputs (see tests/test_tabel.py for the
arithmetic): capaian IKM 100,95 and cakupan 91,68, realisasi 82,78 and 86,81, capaian
sasaran 96,32 (Sangat Tinggi), penyerapan 97,90, anggaran 2.522.467.250.
"""

from __future__ import annotations

import ast
import builtins
import re
import shutil
import subprocess
import sys

import nbformat
import papermill
import pytest
from bs4 import BeautifulSoup

from lkjip import config

BAB = sorted(config.NOTEBOOKS.glob("*.ipynb")) + sorted(
    config.NOTEBOOKS.glob("kertas_kerja/*.ipynb"))
MILIK_LAPORAN = [p for p in BAB if p.name[:2] in {"00", "01", "02", "03", "04", "05"}]


def _sel_kode(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", BAB, ids=lambda p: p.name)
def test_committed_without_outputs_and_one_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    kode = _sel_kode(nb)
    assert all(c.outputs == [] and c.execution_count is None for c in kode)
    param = [c for c in kode if "parameters" in c.metadata.get("tags", [])]
    assert len(param) == 1
    assert {"kecamatan", "tahun", "data_dir"} <= _nama_disimpan(param[0].source)


SEMUA = BAB + sorted(config.NOTEBOOKS.glob("*/*.ipynb"))


@pytest.mark.parametrize("path", SEMUA, ids=lambda p: p.relative_to(config.NOTEBOOKS).as_posix())
def test_parameters_under_a_heading_in_indonesian_and_the_installed_kernel(path):
    """An analyst sees where to change the parameters; the notebook opens unmodified."""
    from jupyter_client.kernelspec import KernelSpecManager
    from papermill.translators import PythonTranslator

    nb = nbformat.read(path, as_version=4)
    i = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    assert i >= 1 and nb.cells[i - 1].cell_type == "markdown"
    assert nb.cells[i - 1].source.startswith("### Parameter — ubah di sini")
    assert "petunjuk" in nb.cells[i - 1].metadata["tags"]  # not in the report
    komentar = [b.split("#", 1)[1] for b in nb.cells[i].source.splitlines() if "#" in b]
    assert komentar and not any("lkjip." in k or "None:" in k for k in komentar), komentar
    # papermill reads each parameter with its help text (`papermill --help-notebook`)
    dibaca = PythonTranslator.inspect(nb.cells[i])
    assert len(dibaca) == len(nb.cells[i].source.splitlines()) and all(p.help for p in dibaca)
    terpasang = KernelSpecManager().get_kernel_spec("python3")
    assert nb.metadata.kernelspec == {"name": "python3", "language": "python",
                                      "display_name": terpasang.display_name}


def _nama_disimpan(sumber: str) -> set[str]:
    pohon = ast.parse(sumber)
    nama = {n.id for n in ast.walk(pohon) if isinstance(n, ast.Name)
            and isinstance(n.ctx, ast.Store)}
    for n in ast.walk(pohon):
        if isinstance(n, ast.Import | ast.ImportFrom):
            nama |= {(a.asname or a.name).split(".")[0] for a in n.names}
    return nama


@pytest.mark.parametrize("path", MILIK_LAPORAN, ids=lambda p: p.name)
def test_runs_on_its_own(path):
    """Every name a notebook uses is defined in it (not by an earlier chapter)."""
    kode = _sel_kode(nbformat.read(path, as_version=4))
    ada = set(dir(builtins)) | {"display"}
    for sel in kode:
        pohon = ast.parse(sel.source)
        dipakai = {n.id for n in ast.walk(pohon) if isinstance(n, ast.Name)
                   and isinstance(n.ctx, ast.Load)}
        ada |= _nama_disimpan(sel.source)
        assert dipakai <= ada, f"{path.name}: {sorted(dipakai - ada)} belum didefinisikan"


@pytest.mark.parametrize("path", MILIK_LAPORAN, ids=lambda p: p.name)
def test_code_cells_only_call_into_lkjip(path):
    for sel in _sel_kode(nbformat.read(path, as_version=4)):
        pohon = ast.parse(sel.source)
        assert not any(isinstance(n, ast.For | ast.While | ast.FunctionDef | ast.ClassDef |
                                  ast.If) for n in ast.walk(pohon)), sel.source
        assert len(sel.source.splitlines()) <= 5, sel.source


def test_bab3_alone_in_a_kernel(tmp_path):
    path = config.NOTEBOOKS / "03_bab3_akuntabilitas.ipynb"
    nb = papermill.execute_notebook(str(path), str(tmp_path / "bab3.ipynb"),
                                    kernel_name="python3", progress_bar=False,
                                    cwd=str(config.NOTEBOOKS))
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells
                   for o in c.get("outputs", []))
    assert "Tabel 3.2" in html and "91,68" in html
    assert 'data-lkjip="gaya"' in html  # the tables carry their style into JupyterLab


def _jalankan_bab(path, keluar, **parameter):
    import papermill

    return papermill.execute_notebook(str(path), str(keluar), parameters=parameter,
                                      kernel_name="python3", progress_bar=False,
                                      cwd=str(keluar.parent))


@pytest.mark.parametrize("tahun, pesan", [
    (2031, "- parameter `tahun`: data tahun 2031 tidak ditemukan untuk kecamatan bantarbolang ("),
    ("2023x", "- parameter `tahun`: nilai '2023x' tidak sah; seharusnya tahun empat angka, "
              "mis. 2023."),
])
def test_a_wrong_parameter_shows_the_indonesian_message_alone(tmp_path, tahun, pesan):
    from papermill.exceptions import PapermillExecutionError

    keluar = tmp_path / "bab4.ipynb"
    with pytest.raises(PapermillExecutionError) as e:
        _jalankan_bab(config.NOTEBOOKS / "04_bab4_penutup.ipynb", keluar, tahun=tahun,
                      data_dir=str(config.contoh()))
    nb = nbformat.read(keluar, as_version=4)
    galat = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(galat) == 1
    galat = galat[0]
    teks = "\n".join(galat.traceback)  # what JupyterLab shows under the cell
    assert teks.splitlines()[0] == "Parameter tidak sah:" and pesan in teks
    assert len(teks.splitlines()) == 2  # the message alone: no frame, no "Traceback", no code
    assert galat.ename == "ParameterTidakSah" and galat.evalue == teks
    assert "Cell In" not in str(e.value) and "File " not in str(e.value)


def test_analysis_notebook_runs_and_is_not_a_chapter(tmp_path):
    from lkjip.laporan import daftar_bab

    path = config.NOTEBOOKS / "analisis" / "contoh_analisis.ipynb"
    assert path not in daftar_bab(config.NOTEBOOKS)
    nb = _jalankan_bab(path, tmp_path / "analisis.ipynb", data_dir=str(config.contoh()))
    keluaran = {c.id: c.outputs for c in nb.cells if c.cell_type == "code"}
    assert all(o.output_type != "error" for k in keluaran.values() for o in k)
    assert len([c for c in nb.cells if c.cell_type == "code"
                and "injected-parameters" not in c.metadata.get("tags", [])]) <= 10
    teks = " ".join(o.get("data", {}).get("text/html", "") for k in keluaran.values() for o in k)
    assert "100.95" in teks and "91.68" in teks  # capaian of IKU-01 and IKU-02, as numbers
    assert any("image/png" in o.get("data", {}) for k in keluaran.values() for o in k)


def test_nbconvert_cover_of_a_chapter_run_alone(tmp_path):
    """`jupyter nbconvert --to lkjip_html|lkjip_pdf` on a papermill-run chapter: the cover
    names the kecamatan from its parameters and profile (no build metadata)."""
    from lkjip.ekspor import LkjipPDFExporter

    keluar = tmp_path / "bab4.ipynb"
    nb = _jalankan_bab(config.NOTEBOOKS / "04_bab4_penutup.ipynb", keluar, kecamatan="Bantarbolang",
                       data_dir=str(config.contoh()))
    assert "lkjip" not in nb.metadata
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "lkjip_html",
                    str(keluar)], check=True, capture_output=True, cwd=tmp_path)
    sup = BeautifulSoup((tmp_path / "bab4.html").read_text(encoding="utf-8"), "html.parser")
    sampul = " ".join(sup.select_one("section.lk-sampul").get_text(" ").split())
    assert sampul == ("PEMERINTAH KABUPATEN PEMALANG KECAMATAN BANTARBOLANG LAPORAN KINERJA "
                      "INSTANSI PEMERINTAH (LKjIP) Tahun 2023")
    assert sup.title.get_text() == "LKjIP Kecamatan Bantarbolang Tahun 2023"
    pdf, _ = LkjipPDFExporter().from_notebook_node(nbformat.read(keluar, as_version=4))
    (tmp_path / "bab4.pdf").write_bytes(pdf)
    teks = subprocess.run(["pdftotext", "-l", "1", str(tmp_path / "bab4.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "KECAMATAN BANTARBOLANG" in teks and "Tahun 2023" in teks


# ---------------------------------------------------------------- one build of the example


@pytest.fixture(scope="session")
def laporan(laporan_contoh):
    """The example built with the kabupaten's synthetic kecamatan beside it (Bab III compares
    the IKM with theirs: Grafik 3.2), once per session (tests/conftest.py)."""
    return laporan_contoh


@pytest.fixture(scope="session")
def sup(laporan):
    """The HTML report as the reader sees it printed: provenance pop-ups left out."""
    sup = BeautifulSoup(laporan.html.read_text(encoding="utf-8"), "html.parser")
    for el in sup.select(".lk-jejak-isi, sup.lk-jejak-nomor"):
        el.decompose()
    return sup


def _teks_pdf(path) -> str:
    if shutil.which("pdftotext"):
        hasil = subprocess.run(["pdftotext", "-layout", str(path), "-"],
                               capture_output=True, text=True, check=True)
        return hasil.stdout
    import pypdf

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


@pytest.fixture(scope="session")
def teks_pdf(laporan):
    return _teks_pdf(laporan.pdf)


@pytest.fixture(scope="session")
def teks_kertas(laporan):
    return _teks_pdf(laporan.kertas_pdf)


def _teks(sup, id_: str) -> str:
    el = sup.find(id=id_)
    assert el is not None, id_
    el = el.find_parent("nav") or el
    return " ".join(el.get_text(" ").split())


def _baris(sup, id_tabel: str, awal: str) -> list[str]:
    """The cells of the first row of a table whose first cells contain `awal`."""
    for tr in sup.find(id=id_tabel).find_all("tr"):
        sel = [" ".join(td.get_text(" ").split()).rstrip("*").strip()
               for td in tr.find_all("td")]
        if any(awal in s for s in sel[:3]):
            return sel
    raise AssertionError(f"{awal!r} tidak ada di {id_tabel}")


def test_executed_notebook_has_no_error(laporan):
    nb = nbformat.read(laporan.notebook, as_version=4)
    assert not [o for c in _sel_kode(nb) for o in c.outputs if o.output_type == "error"]


def test_capaian_of_each_indicator(sup):
    ikm = _baris(sup, "tabel-3-2", "Indeks kepuasan")
    cakupan = _baris(sup, "tabel-3-2", "Cakupan layanan")
    # target, realisasi, capaian, kategori, target akhir, progres
    assert ikm[-6:] == ["82,00", "82,78", "100,95", "Sangat Tinggi", "99,73", "83,00"]
    assert cakupan[-6:] == ["94,69", "86,81", "91,68", "Tinggi", "96,47", "89,99"]


def test_sasaran_ikm_budget_and_conclusions(sup):
    # Bab III numbers: 3.3 program-level PK, 3.5/3.7 comparisons, 3.9–3.13 components and
    # lists, 3.14 supporting programs (issue 12)
    assert _baris(sup, "tabel-3-4", "Persentase Capaian Sasaran")[-4:-2] == ["96,32",
                                                                             "Sangat Tinggi"]
    assert _baris(sup, "tabel-3-6", "Indeks Kepuasan Masyarakat")[-2] == "82,78"
    assert _baris(sup, "tabel-2-5", "JUMLAH")[-3:] == ["2.544.412.750", "2.522.467.250",
                                                        "(21.945.500)"]
    assert _baris(sup, "tabel-3-15", "Jumlah")[-3:] == ["2.522.467.250", "2.469.406.335",
                                                       "97,90"]
    assert _baris(sup, "tabel-4-1", "Capaian kinerja")[1:] == ["96,32", "Sangat Tinggi"]
    assert _baris(sup, "tabel-3-8", "Cakupan layanan kecamatan")[-1] == "86,81"


def test_generated_sentences_in_the_report(sup):
    teks = " ".join(sup.get_text(" ").split())
    assert ("Realisasinya mencapai 86,81 % sehingga capaian indikator tersebut adalah "
            "91,68 % dengan kategori Tinggi.") in teks
    assert "Berdasarkan pemenuhan capaian kinerja 96,32 %, kategori Sangat Tinggi." in teks


def test_one_build_writes_the_edition_and_the_working_paper(laporan):
    assert {p.name for p in laporan.semua()} == {
        "lkjip_bantarbolang_2023.html", "lkjip_bantarbolang_2023.pdf",
        "lkjip_bantarbolang_2023.docx", "lkjip_bantarbolang_2023.ipynb",
        "kertas_kerja_bantarbolang_2023.html", "kertas_kerja_bantarbolang_2023.pdf"}
    assert all(p.stat().st_size > 0 for p in laporan.semua())


def test_edition_has_no_review_markup_and_says_draf(sup, teks_pdf, laporan):
    """The signed edition: no highlight, asterisk, P-number, cover warning, Catatan
    Pemeriksaan or Lampiran Perhitungan; the example has undecided galat, so DRAF."""
    teks = " ".join(teks_pdf.split())
    assert not re.search(r"\bP-\d", teks)
    for kata in ("catatan pemeriksaan", "lampiran perhitungan", "memuat temuan", "galat"):
        assert kata not in teks.lower()
    assert not sup.select(".lk-beda, a.lk-ke-catatan, sup.lk-jejak-nomor, .lk-sampul-galat")
    import pypdf

    from tests.tata_letak import teks_halaman

    assert all("DRAF" in h for h in teks_halaman(laporan.pdf))
    assert pypdf.PdfReader(laporan.pdf).metadata.title.startswith("DRAF")


def test_signed_parts_kata_pengantar_and_pk_perubahan(teks_pdf):
    teks = " ".join(teks_pdf.split())
    assert ("Kecamatan Bantarbolang Kabupaten Pemalang Tahun 2023 disusun berdasarkan Perjanjian "
            "Kinerja (Perubahan) Tahun 2023") in teks
    assert "Pemalang, 31 Januari 2024" in teks and "NIP. 19670524 199503 1 004" in teks
    # pejabat.csv says every PK of 2023 was revised
    assert "1. Perjanjian Kinerja Tahun 2023 (Perubahan) Camat Bantarbolang" in teks
    assert teks.count("Pihak Kedua,") == 16  # 8 PK, each signed on its text and its lampiran


def test_working_paper_has_findings_decisions_appendix_and_inputs(teks_kertas):
    teks = " ".join(teks_kertas.split())
    assert re.search(r"\bP-\d", teks)
    for kata in ("catatan pemeriksaan data", "lampiran perhitungan", "data masukan"):
        assert kata in teks.lower()
    # a finding points to this report's tables, never to the seed's numbering
    assert "Realisasi IKU-02 (Cakupan layanan kecamatan) tersaji 83,20" in teks
    assert "Tabel 3.2 Capaian Kinerja atas Perjanjian Kinerja Tahun 2023" in teks
    assert "Belum diputuskan" in teks and "tersaji.csv baris 3" in teks
    # tersaji.csv's sumber names the seed's tables ("Ikhtisar Eksekutif; Tabel 3.2; Tabel 3.5"
    # for cakupan): never printed as if they were this report's
    assert "Tabel 3.2; Tabel 3.5" not in teks and "Tabel 3.3 (Persentase" not in teks


def test_synthetic_inputs_are_labelled_where_used(sup):
    """The IKM answers are synthetic: every table and chart computed from them says so."""
    # Tabel 3.2 capaian, 3.4 sasaran, 3.5 the IKM's comparisons, 3.6 survey; Grafik 3.1 IKM
    # trend, 3.2 IKM per kecamatan, 3.3 unsur (Tabel 3.3 is the program-level PK: no IKM)
    for id_ in ("tabel-i", "tabel-3-2", "tabel-3-4", "tabel-3-5", "tabel-3-6", "tabel-4-1",
                "grafik-3-1", "grafik-3-2", "grafik-3-3"):
        sumber = sup.find(id=id_).select_one("p.lk-sumber").get_text()
        assert "data sintetis" in sumber and "ikm_responden_sintetis.csv" in sumber, id_
    # a table computed from typed data alone does not
    assert "sintetis" not in sup.find(id="tabel-2-5").get_text()


def test_lists_of_contents(sup):
    isi = _teks(sup, "daftar-isi")
    for bab in ("KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN",
                "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"):
        assert bab in isi.upper()
    assert "Tabel 3.15 Target dan Realisasi Anggaran" in _teks(sup, "daftar-tabel")
    assert "Grafik 2.1 Pagu Sebelum dan Setelah Perubahan" in _teks(sup, "daftar-grafik")


def test_pdf_has_captions_and_figures(teks_pdf):
    teks = " ".join(teks_pdf.split())
    for caption in ("Tabel 1.1 Rincian Jumlah Personil", "Grafik 1.1 Rincian Jumlah Personil",
                    "Tabel 1.2 Rincian Berdasarkan Tingkat Pendidikan",
                    "Tabel 2.5 Rencana Anggaran Tahun 2023",
                    "Tabel 3.1 Skala Nilai Peringkat Kinerja",
                    "Tabel 3.2 Capaian Kinerja atas Perjanjian Kinerja Tahun 2023",
                    "Tabel 3.6 Hasil Survei Kepuasan Masyarakat", "Tabel L.1", "DAFTAR ISI"):
        assert caption in teks
    for angka in ("91,68", "100,95", "96,32", "97,90", "82,78", "2.522.467.250",
                  "(21.945.500)"):
        assert angka in teks


def test_word_edition_read_back(laporan, sup):
    """The .docx: Word heading styles, real tables with the Indonesian number format, the
    charts as images, the signature blocks, A4 with page numbers, DRAF while undecided."""
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(laporan.docx))
    judul = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    for bab in ("KATA PENGANTAR", "BAB I PENDAHULUAN", "BAB III AKUNTABILITAS KINERJA",
                "BAB IV PENUTUP"):
        assert bab in judul
    assert any(p.style.name == "Heading 2" for p in d.paragraphs)
    sel = [c.text for t in d.tables for r in t.rows for c in r.cells]
    assert "2.522.467.250" in sel and "(21.945.500)" in sel
    grafik = len(sup.select("figure.lk-grafik"))
    assert grafik >= 8 and len(d.inline_shapes) == grafik
    ttd = [t for t in d.tables if any(p.style.name == "Tanda Tangan" for r in t.rows
                                      for c in r.cells for p in c.paragraphs)]
    # the Camat twice (Kata Pengantar, Bab IV) and each of the 8 PK twice (text and lampiran)
    assert len(ttd) == 2 + 2 * 8
    teks_ttd = " ".join(c.text for t in ttd for r in t.rows for c in r.cells)
    assert "UMAR AZIS, S. Sos" in teks_ttd and "NIP. 19670524 199503 1 004" in teks_ttd
    assert "Pihak Kedua," in teks_ttd and "MANSUR HIDAYAT, S.T." in teks_ttd
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for t in ttd for r in t.rows)
    # each PK (but the first, after the Lampiran's introduction) and each PK's lampiran
    # starts a page, as in the PDF
    pk = [p for p in d.paragraphs
          if re.match(r"(\d+\. Perjanjian Kinerja|Lampiran Perjanjian Kinerja) Tahun", p.text)]
    assert len(pk) == 16 and [bool(p.paragraph_format.page_break_before) for p in pk] == \
        [False] + [True] * 15
    s = d.sections[0]
    assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)
    assert "PAGE" in "".join(i.text for i in s.footer._element.iter(qn("w:instrText")))
    assert s.header.paragraphs[0].text == "DRAF" and d.core_properties.title.startswith("DRAF")
    assert s.header.paragraphs[-1].text == "LKjIP Kecamatan Bantarbolang Tahun 2023"
    # front matter i, ii, … (the cover unnumbered), the body from BAB I 1, 2, …
    nomor = [t._sectPr.find(qn("w:pgNumType")) for t in d.sections]
    assert len(nomor) == 2 and nomor[0].get(qn("w:fmt")) == "lowerRoman"
    assert nomor[1].get(qn("w:start")) == "1" and nomor[1].get(qn("w:fmt")) is None
    assert d.sections[0].different_first_page_header_footer
    awal = next(p for p in d.paragraphs if p.text.startswith("BAB I "))
    assert awal._p.getprevious().find(qn("w:pPr")).find(qn("w:sectPr")) is not None


def test_no_near_empty_page_and_one_list_marker(laporan, teks_pdf):
    # issue 12: every page but the cover, a chart's or a signature's holds 300 characters or
    # more of body text; a list the office numbered by hand ("- a. Camat;") has one marker
    from tests.tata_letak import halaman_tipis

    assert halaman_tipis(laporan.pdf, "LKjIP Kecamatan Bantarbolang Tahun 2023") == []
    assert "a. Camat;" in teks_pdf and not re.search(r"[•◦▪]\s*[a-z]\.\s", teks_pdf)


def test_every_list_entry_gives_the_page_its_target_stands_on(sup, teks_pdf):
    """Daftar Isi, Tabel, Grafik: each entry's printed number is a page (by its footer) that
    holds the entry's heading or caption, in whichever engine laid the PDF out."""
    from tests.tata_letak import judul_tabel_terpisah, salah_nomor_daftar

    judul = [" ".join(a.get_text().split()) for nav in sup.select("nav.lk-daftar-bagian")
             for a in nav.select("a")]
    assert len(judul) > 80 and salah_nomor_daftar(teks_pdf, judul) == []
    assert judul_tabel_terpisah(teks_pdf) == []  # no table caption at a page's foot


def test_working_paper_has_its_cover_and_its_list_numbers_are_the_pages(laporan, teks_kertas):
    from tests.tata_letak import salah_nomor_daftar

    halaman = teks_kertas.split("\f")
    assert "KERTAS KERJA PENYUSUNAN" in halaman[0] and "DAFTAR ISI" not in halaman[0]
    sup = BeautifulSoup(laporan.kertas_html.read_text(encoding="utf-8"), "html.parser")
    judul = [" ".join(a.get_text().split()) for nav in sup.select("nav.lk-daftar-bagian")
             for a in nav.select("a")]
    assert "CATATAN PEMERIKSAAN DATA" in judul and salah_nomor_daftar(teks_kertas, judul) == []


def test_front_matter_roman_body_arabic(teks_pdf):
    halaman = [h.split() for h in teks_pdf.split("\f") if h.strip()]
    bab = next(n for n, h in enumerate(halaman) if "BAB" in h[:12] and "PENDAHULUAN" in h[:12])
    # Kata Pengantar is page i (after the cover), BAB I page 1
    assert halaman[1][-1] == "i" and "KATA" in halaman[1] and halaman[bab][-1] == "1"
