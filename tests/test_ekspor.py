"""Exporters: the reader's HTML (cover, lists, no code, no scripts) and the PDF."""

import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pypdf
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lkjip import ekspor, tampil

JAHAT = "<script>alert(1)</script>"


def _b64(path):
    import base64

    return base64.b64encode(path.read_bytes()).decode()


def _keluaran(obj):
    return new_output("display_data", data={"text/html": obj._repr_html_(), "text/plain": "x"})


def _notebook(**lkjip):
    df = pd.DataFrame({"URAIAN": [JAHAT], "NILAI": ["5"]})
    sampul = tampil.sampul("Contoh", "Pemalang", 2023, sintetis=True)
    kode = new_code_cell("tampil.tabel(df, '1.1', 'Rincian Personil')")
    kode.outputs = [
        new_output("display_data", data=sampul._repr_mimebundle_()),
        _keluaran(tampil.judul_bab("I", "Pendahuluan")),
        _keluaran(tampil.tabel(df, "1.1", "Rincian Personil")),
        new_output("stream", name="stderr", text="FutureWarning: hati-hati"),
    ]
    param = new_code_cell("kecamatan = 'contoh'")
    param.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[param, kode, new_code_cell("x = 1"), new_markdown_cell("## A. Umum")])
    if lkjip:
        nb.metadata["lkjip"] = lkjip
    return nb


@pytest.fixture(params=["chromium", "weasyprint"])
def mesin(request, monkeypatch):
    """The PDF engine a test runs under: Chromium (the default where one is installed, as
    here: scripts/sysdeps.sh) and WeasyPrint (where none is, or LKJIP_PDF=weasyprint)."""
    from lkjip import peramban

    if request.param == "weasyprint":
        monkeypatch.setenv("LKJIP_PDF", "weasyprint")
    else:
        assert peramban.cari(), "Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)"
    return request.param


@pytest.fixture(scope="module")
def html():
    return ekspor.LkjipHTMLExporter().from_notebook_node(_notebook())[0]


def _teks(html: str) -> str:
    """What a reader sees (the code is highlighted in spans: the raw HTML never holds it whole)."""
    return BeautifulSoup(html, "html.parser").get_text()


def test_html_pembaca_tanpa_kode_parameter_stderr_dan_data_sampul(html):
    teks = _teks(html)
    assert "tampil.tabel(df" not in teks and "kecamatan = 'contoh'" not in teks
    assert "FutureWarning" not in html and "Sampul:" not in html
    assert 'class="lk-laporan"' in html  # the body without lk-analis


def test_html_tanpa_script_dan_tanpa_sumber_luar(html):
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for luar in ('src="http', "src='http", 'href="http', "@import", "url(http"):
        assert luar not in html


def test_sampul_dari_keluaran_sampul(html):
    assert "KECAMATAN CONTOH" in html and "PEMERINTAH KABUPATEN PEMALANG" in html
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH" in html and "Tahun 2023" in html
    assert "DATA SINTETIS" in html


def test_daftar_isi_tabel_dari_judul_dan_keterangan(html):
    assert '<a href="#bab-i">BAB I PENDAHULUAN</a>' in html
    assert '<li class="lk-tingkat-2"><a href="#A.-Umum">A. Umum</a></li>' in html
    assert '<a href="#tabel-1-1">Tabel 1.1 Rincian Personil</a>' in html
    assert html.index('id="daftar-isi"') < html.index('id="bab-i"')


def test_id_ganda_dibuat_unik_agar_daftar_isi_menunjuk_halaman_yang_benar():
    nb = _notebook()
    nb.cells.append(new_markdown_cell("## A. Umum"))
    html = ekspor.LkjipHTMLExporter().from_notebook_node(nb)[0]
    assert 'href="#A.-Umum"' in html and 'href="#A.-Umum-2"' in html
    assert 'id="A.-Umum-2"' in html


def test_satu_parse_tetap_memberi_alt_dan_jangkar_mengikuti_id_baru():
    # nbconvert's own pass after its template (skipped: one parse, ekspor._alt_gambar) gave an
    # image without alt its text; a repeated h4 (not in Daftar Isi, so it keeps its anchor
    # link) is renamed "-2" and its anchor link points at the new id
    nb = _notebook()
    gambar = new_code_cell("gambar")
    gambar.outputs = [new_output("display_data", data={"text/html": '<img src="x.png">',
                                                       "text/plain": "x"})]
    nb.cells += [new_markdown_cell("#### Rincian"), gambar, new_markdown_cell("#### Rincian")]
    sup = BeautifulSoup(ekspor.LkjipHTMLExporter().from_notebook_node(nb)[0], "html.parser")
    assert sup.find("img", src="x.png")["alt"] == "No description has been provided for this image"
    jangkar = [(h["id"], h.find("a", class_="anchor-link")["href"]) for h in sup("h4")]
    assert jangkar == [("Rincian", "#Rincian"), ("Rincian-2", "#Rincian-2")]


def test_pengekspor_dipakai_ulang_tanpa_membawa_keadaan():
    # exporters are reused (templates compiled once): a document exported after another
    # (DRAF, synthetic, Petarukan) is what a fresh exporter makes of it; an exporter in use
    # is never handed to another thread, a free one is reused by any thread
    import threading

    pertama = _notebook(sintetis=False, draf=True, nama_kecamatan="Petarukan")
    kedua = _notebook()
    ekspor.html_dan_pembaca(pertama, analis=True)
    assert ekspor.html_dan_pembaca(kedua, analis=False) == (
        (segar := ekspor.LkjipHTMLExporter().from_notebook_node(kedua)[0]), segar)
    assert "KECAMATAN CONTOH" in segar and 'class="lk-draf"' not in segar
    lain = []

    def ambil():
        with ekspor._pengekspor(False) as pengekspor:
            lain.append(pengekspor)

    with ekspor._pengekspor(False) as dipakai:
        utas = threading.Thread(target=ambil)
        utas.start()
        utas.join()
        assert lain[0] is not dipakai
    utas = threading.Thread(target=ambil)
    utas.start()
    utas.join()
    assert lain[1] is dipakai or lain[1] is lain[0]


def test_pengekspor_bebas_selama_lintasan_html_dan_html_word():
    # the exporter is held for the template only: while the HTML pass and the Word HTML run
    # (the early edition's, in its thread), another export takes the same exporter, no new one
    nb, bebas = _notebook(), []

    def tertulis(html, pembaca):
        with ekspor._pengekspor(False) as pengekspor:
            bebas.append(pengekspor)

    ekspor.html_dan_word(nb, False)
    with ekspor._pengekspor(False) as dipakai:
        pass
    ekspor.html_dan_word(nb, False, tertulis)
    assert bebas == [dipakai]


def test_heap_dibekukan_sekali_saja(monkeypatch):
    # the modules' objects are frozen out of the collector once a process: a batch worker that
    # froze at every report would keep each report's cycles for good
    import gc

    beku = []
    monkeypatch.setattr(ekspor, "_BEKU", [])
    monkeypatch.setattr(gc, "freeze", lambda: beku.append(1))
    ekspor._bekukan()
    ekspor._bekukan()
    assert beku == [1]


def test_mesin_disiapkan_dengan_pypdf():
    # pypdf (the print's pages joined, the scans merged) is imported with the engines, while
    # the kernel runs, not by the edition's print after the cells ran
    keluar = subprocess.run(
        [sys.executable, "-c", "import sys; from lkjip import ekspor; a = 'pypdf' in sys.modules;"
         " ekspor.siapkan_mesin(); print(a, 'pypdf' in sys.modules)"],
        capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert keluar == ["False", "True"]


def test_metadata_notebook_mengalahkan_keluaran_sampul():
    nb = _notebook(sintetis=False, draf=True, nama_kecamatan="Petarukan")
    html = ekspor.LkjipHTMLExporter().from_notebook_node(nb)[0]
    assert "DATA SINTETIS" not in html and "KECAMATAN PETARUKAN" in html
    assert BeautifulSoup(html, "html.parser").select_one("div.lk-draf").get_text() == "DRAF"
    assert "<title>DRAF — LKjIP Kecamatan Petarukan Tahun 2023</title>" in html
    assert "Memuat temuan" not in html  # no cover warning: the DRAF mark says it


def test_draf_di_setiap_halaman_pdf_dan_metadata_lalu_hilang_setelah_diputuskan(mesin):
    """While a galat is undecided every page says DRAF and so does the PDF's metadata; with
    every galat decided neither does."""
    nb = _notebook(draf=True)
    for i in range(3):  # three more pages
        nb.cells.append(new_markdown_cell(f"# Bab {i}\n\nisi"))
    pdf = pypdf.PdfReader(io.BytesIO(ekspor.ekspor(nb)[1]))
    assert len(pdf.pages) >= 4
    assert all("DRAF" in h.extract_text() for h in pdf.pages)
    assert pdf.metadata.title.startswith("DRAF") and "DRAF" in pdf.metadata.get("/Keywords", "")
    nb.metadata["lkjip"]["draf"] = False
    pdf = pypdf.PdfReader(io.BytesIO(ekspor.ekspor(nb)[1]))
    assert not any("DRAF" in h.extract_text() for h in pdf.pages)
    assert "DRAF" not in (pdf.metadata.title or "") + pdf.metadata.get("/Keywords", "")


def test_pisah_edisi_dan_kertas_kerja():
    nb = _notebook()
    kertas = new_markdown_cell("# Catatan Pemeriksaan Data")
    kertas.metadata["lkjip"] = {"dokumen": "kertas_kerja"}
    nb.cells.append(kertas)
    bagian = ekspor.pisah(nb)
    assert [c.source for c in bagian["kertas_kerja"].cells] == ["# Catatan Pemeriksaan Data"]
    assert bagian["kertas_kerja"].metadata["lkjip"]["nama_kecamatan"] == "Contoh"
    assert len(bagian["edisi"].cells) == len(nb.cells) - 1
    html = ekspor.LkjipHTMLExporter().from_notebook_node(bagian["kertas_kerja"])[0]
    assert "KERTAS KERJA PENYUSUNAN" in html and "Catatan Pemeriksaan Data" in html


def test_analis_menampilkan_kode():
    html = ekspor.LkjipHTMLExporter(analis=True).from_notebook_node(_notebook())[0]
    teks = _teks(html)
    assert "tampil.tabel(df, '1.1', 'Rincian Personil')" in teks
    assert "kecamatan = 'contoh'" in teks and "FutureWarning: hati-hati" in teks
    assert 'class="lk-laporan lk-analis"' in html


def test_pdf_sampul_sintetis_dan_nomor_halaman(html, mesin):
    pdf = pypdf.PdfReader(io.BytesIO(ekspor.html_ke_pdf(html)))
    halaman = [p.extract_text() for p in pdf.pages]
    assert "DATA SINTETIS" in halaman[0] and "LAPORAN KINERJA" in halaman[0]
    assert all("DATA SINTETIS" in h for h in halaman)
    assert pdf.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4


def _baris(teks: str) -> list[str]:
    return [b.strip() for b in teks.splitlines() if b.strip()]


def test_halaman_depan_romawi_isi_arab_dan_judul_berjalan(html, mesin):
    # cover (no number, no header) | DAFTAR ISI, TABEL: i, ii (no chart: no DAFTAR GRAFIK) |
    # BAB I: 1
    isi = ekspor.html_ke_pdf(html)
    pdf = pypdf.PdfReader(io.BytesIO(isi))
    # poppler lays the text out by position (the footer last, whichever order the engine drew
    # in) and reads kerned text whole (pypdf before 7 splits "DAFT AR" in Chromium's PDF)
    teks = subprocess.run(["pdftotext", "-layout", "-", "-"], input=isi, check=True,
                          capture_output=True).stdout.decode()
    halaman = [_baris(h) for h in teks.split("\f") if h.strip()]
    judul = "LKjIP Kecamatan Contoh Tahun 2023"
    nomor = [h[-1].split()[-1] for h in halaman]  # the footer's last word (after DATA SINTETIS)
    assert judul not in " ".join(halaman[0]) and nomor[0] not in ("1", "i")  # cover: no number
    bab = nomor.index("1")
    assert bab == 3 and nomor[1:bab + 1] == ["i", "ii", "1"] and "BAB I" in halaman[bab]
    assert all(judul in " ".join(h) for h in halaman[1:])
    # one family for body and headings (BAB I is a heading): DejaVu Serif, regular and bold
    keluarga = set()

    def catat(teks, cm, tm, font, ukuran):
        if teks.strip() and font:
            keluarga.add(str(font["/BaseFont"]).split("+")[-1])

    for p in pdf.pages[1:]:
        p.extract_text(visitor_text=catat)
    # (WeasyPrint names it DejaVu-Serif, Chromium DejaVuSerif)
    assert keluarga and all(k.replace("-", "").startswith("DejaVuSerif") for k in keluarga), \
        keluarga
    # the Daftar Isi gives the front matter's pages in roman, the chapters' in arabic
    daftar = " ".join(halaman[1])
    assert re.search(r"DAFTAR ISI[\s.]+i(\s|$)", daftar), daftar
    assert re.search(r"BAB I\b[^0-9]*?[\s.]1(\s|$)", daftar), daftar


def test_pengekspor_pdf():
    pdf, resources = ekspor.LkjipPDFExporter().from_notebook_node(_notebook())
    assert pdf.startswith(b"%PDF") and resources["output_extension"] == ".pdf"


def test_pdf_tidak_mengambil_berkas_lokal(tmp_path, mesin):
    import matplotlib.image

    gambar = tmp_path / "x.png"
    matplotlib.image.imsave(gambar, [[0.0, 1.0], [1.0, 0.0]])
    html = f'<p>a</p><img src="{gambar.as_uri()}"><img src="data:image/png;base64,{_b64(gambar)}">'
    pdf = pypdf.PdfReader(io.BytesIO(ekspor.html_ke_pdf(html)))
    assert len(pdf.pages[0].images) == 1  # only the embedded one


def test_terdaftar_sebagai_pengekspor_nbconvert(tmp_path):
    path = tmp_path / "x.ipynb"
    nbformat.write(_notebook(), path)
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run([jupyter, "nbconvert", "--to", "lkjip_html", str(path)], check=True,
                   capture_output=True)
    assert "KECAMATAN CONTOH" in (tmp_path / "x.html").read_text(encoding="utf-8")


def _nb_grafik():
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.barh(["Persyaratan"], [84.56])
    ax.set_xlabel("nilai unsur")
    nb = _notebook()
    nb.cells[1].outputs.append(new_output(
        "display_data", data=tampil.grafik(fig, "3.2", "Nilai Unsur")._repr_mimebundle_()))
    return nb


def test_pdf_memakai_salinan_grafik_yang_teksnya_teks_html_tetap_svg_jalur():
    # issue 15: the screen SVG draws letters as paths (same on every screen); the PDF's copy
    # keeps text as text (WeasyPrint draws it ~5x faster, and the PDF's text is searchable)
    nb = _nb_grafik()
    html, pdf = ekspor.ekspor(nb)
    cetak = ekspor.svg_cetak(nb)
    assert list(cetak) == ["grafik-3-2"]
    import base64

    svg = base64.b64decode(cetak["grafik-3-2"]).decode()
    assert "<text" in svg and "Persyaratan" in svg
    assert cetak["grafik-3-2"] not in html  # the saved HTML keeps the screen SVG
    layar = BeautifulSoup(html, "html.parser").select_one("#grafik-3-2 img")["src"]
    assert "<text" not in base64.b64decode(layar.split(",", 1)[1]).decode()
    teks = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Persyaratan" in teks and "nilai unsur" in teks  # drawn from the text copy
    assert ekspor.GRAFIK_CETAK_MIME not in html


def test_pdf_dokumen_lain_juga_dari_salinan_cetak(tmp_path):
    # the quarterly and kabupaten PDFs (lkjip.bangun.keluaran.Keluaran.pdf) draw their charts
    # from the same print copies as the edition: the chart's words are text in the PDF (the
    # screen SVG draws them as paths, which pypdf cannot read back)
    from lkjip.bangun.keluaran import Keluaran

    Keluaran(_nb_grafik()).pdf(tmp_path / "x.pdf")
    teks = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "x.pdf").pages)
    assert "Persyaratan" in teks and "nilai unsur" in teks


def test_untuk_cetak_mengganti_hanya_grafik_yang_punya_salinan():
    html = ('<figure class="lk-grafik" id="grafik-1"><img alt="a" class="lk-gambar" '
            'src="data:image/svg+xml;base64,QUFB"></figure>'
            '<figure class="lk-grafik" id="grafik-2"><img alt="b" class="lk-gambar" '
            'src="data:image/svg+xml;base64,QkJC"></figure>')
    hasil = ekspor.untuk_cetak(html, {"grafik-2": "Q0ND", "grafik-9": "RERE"})
    assert hasil == html.replace("QkJC", "Q0ND")


def test_untuk_cetak_tanpa_tooltip_jejak():
    """The print HTML keeps a figure, its Lampiran number and its finding mark, not its
    provenance tooltip (never shown in print), as the reader's HTML serialises them."""
    from decimal import Decimal

    from lkjip.angka import Angka
    from lkjip.tampil_jejak import html_angka

    angka = Angka(Decimal("40"), "Pembilang / Penyebut × 100", (4, 10), label="<b>data</b>",
                  pola="{0} / {1} × 100")
    html = str(BeautifulSoup(f"<p>Capaian {html_angka(angka, nomor='P-1')} %.</p>",
                             "html.parser"))
    assert 'class="lk-jejak-isi"' in html and "Pembilang" in html
    hasil = ekspor.untuk_cetak(html, {})
    assert "lk-jejak-isi" not in hasil and "Pembilang" not in hasil and "data" not in hasil
    # 40 printed at the default two decimals, as the report prints a capaian
    assert BeautifulSoup(hasil, "html.parser").get_text() == "Capaian 40,00P-1 %."


def test_a_chart_that_does_not_render_stops_the_pdf(mesin):
    """A chart silently left out of the PDF is refused (WeasyPrint < 69 dropped every data:
    image under allowed_protocols and only logged it)."""
    import base64

    from lkjip.ekspor import html_ke_pdf

    svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
                           b'<rect width="9" height="9"/></svg>').decode()
    assert html_ke_pdf(f'<img src="data:image/svg+xml;base64,{svg}">')[:5] == b"%PDF-"
    with pytest.raises(RuntimeError, match="1 gambar tidak masuk ke PDF"):
        html_ke_pdf('<img src="data:image/svg+xml;base64,bm90IGFuIGltYWdl">')


def test_daftar_tanpa_isi_tidak_dicetak(html):
    # the document has Tabel 1.1 and no chart (as the working paper): Daftar Tabel is printed
    # and listed in Daftar Isi; Daftar Grafik and Daftar Gambar, which would be empty, are not
    sup = BeautifulSoup(html, "html.parser")
    assert not sup.select("figure.lk-grafik")
    assert sup.find(id="daftar-tabel") is not None and '<a href="#daftar-tabel">' in html
    for kosong in ("daftar-grafik", "daftar-gambar"):
        assert sup.find(id=kosong) is None and f'href="#{kosong}"' not in html
