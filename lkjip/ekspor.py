"""nbconvert exporters for the LKjIP report: HTML (lkjip template) and PDF (WeasyPrint).

Both are registered as nbconvert exporters (``jupyter nbconvert --to lkjip_html|lkjip_pdf``).
The reader's report hides code and prompts; ``analis=True`` shows them. The cover comes from
``nb.metadata["lkjip"]`` or, failing that, from a ``tampil.sampul(...)`` output in the notebook.
"""

from html import escape

from bs4 import BeautifulSoup
from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, default

from lkjip import config
from lkjip.tampil import DAFTAR_PENANDA, SAMPUL_MIME

SAMPUL_BAWAAN = {
    "kecamatan": "",
    "nama_kecamatan": "",
    "kabupaten": "",
    "provinsi": "",
    "tahun": "",
    "sintetis": False,
    "ada_galat": False,
    "judul": "",
    "periode": "",
}
TAG_TERSEMBUNYI = {"parameters", "injected-parameters", "papermill-error-cell-tag"}
# outputs never shown: scripts, widgets, the cover's facts
MIME_DIBUANG = {
    "application/javascript",
    "application/vnd.jupyter.widget-view+json",
    "application/vnd.jupyter.widget-state+json",
    SAMPUL_MIME,
}


# ---------------------------------------------------------------- the cover's facts


def baca_sampul(nb) -> dict:
    """The cover's facts: defaults, then a ``tampil.sampul`` output, then ``nb.metadata.lkjip``."""
    sampul = dict(SAMPUL_BAWAAN)
    for cell in nb.cells:
        for keluaran in cell.get("outputs", []):
            sampul.update(keluaran.get("data", {}).get(SAMPUL_MIME, {}))
    sampul.update(nb.metadata.get("lkjip", {}))
    return sampul


# ---------------------------------------------------------------- what the reader sees


def _keluaran_tampil(keluaran, analis: bool) -> bool:
    if keluaran.get("output_type") == "stream":
        return analis or keluaran.get("name") != "stderr"
    data = keluaran.get("data")
    if data is None:  # an error output
        return True
    return SAMPUL_MIME not in data and bool(set(data) - MIME_DIBUANG)


def _bersihkan_keluaran(keluaran):
    if "data" in keluaran:
        for mime in MIME_DIBUANG & set(keluaran["data"]):
            del keluaran["data"][mime]
    return keluaran


class SaringLaporan(Preprocessor):
    """Drop what a reader should not see: parameter cells, empty code cells, scripts, stderr."""

    analis = Bool(False).tag(config=True)

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [
                    _bersihkan_keluaran(k) for k in cell.outputs if _keluaran_tampil(k, self.analis)
                ]
        nb.cells = [c for c in nb.cells if self._tampil(c)]
        return nb, resources

    def _tampil(self, cell) -> bool:
        if TAG_TERSEMBUNYI & set(cell.metadata.get("tags", [])):
            return self.analis and "papermill-error-cell-tag" not in cell.metadata["tags"]
        return self.analis or cell.cell_type != "code" or bool(cell.outputs)


# ---------------------------------------------------------------- lists of contents


def _teks_judul(el) -> str:
    for anchor in el.select("a.anchor-link"):
        anchor.extract()
    return " ".join(el.get_text(" ").split())


def _butir(id_: str, teks: str, tingkat: int = 1) -> str:
    return f'<li class="lk-tingkat-{tingkat}"><a href="#{escape(id_)}">{escape(teks)}</a></li>'


def _bagian(id_: str, judul: str, butir: list[str]) -> str:
    return (
        f'<nav class="lk-daftar-bagian"><h1 id="{id_}">{judul}</h1>'
        f"<ol>{''.join(butir)}</ol></nav>"
    )


def _butir_gambar(soup, kelas: str) -> list[str]:
    return [
        _butir(f["id"], _teks_judul(f.figcaption))
        for f in soup.select(f"figure.{kelas}[id]")
        if f.figcaption
    ]


def _butir_isi(soup, penanda) -> list[str]:
    """Daftar Isi entries for h1–h3 with an id, the three lists in place of the marker."""
    butir = []
    for el in soup.find_all(["h1", "h2", "h3", "div"]):
        if el is penanda:
            butir += [_butir("daftar-isi", "DAFTAR ISI"), _butir("daftar-tabel", "DAFTAR TABEL")]
            butir += [_butir("daftar-grafik", "DAFTAR GRAFIK")]
        elif el.name != "div" and el.get("id") and not el.find_parent(class_="lk-sampul"):
            butir.append(_butir(el["id"], _teks_judul(el), int(el.name[1])))
    return butir


def _id_unik(soup) -> None:
    """Rename repeated ids (two chapters may both have "A. Umum"; a figure's tooltip shown
    twice, `lkjip.tampil_jejak.id_tooltip`) so each link and description has one target."""
    terpakai: set[str] = set()
    for el in soup.find_all(id=True):
        id_, n = el["id"], 1
        while el["id"] in terpakai:
            n += 1
            el["id"] = f"{id_}-{n}"
        terpakai.add(el["id"])
        for anchor in el.select("a.anchor-link"):
            anchor["href"] = f"#{el['id']}"
        if el["id"] != id_ and el.parent is not None:
            for fokus in el.parent.find_all(attrs={"aria-describedby": id_}, recursive=False):
                fokus["aria-describedby"] = el["id"]


def sisipkan_daftar(html: str) -> str:
    """Build Daftar Isi/Tabel/Grafik from headings and figcaptions; put them at the marker
    left by ``tampil.daftar()``, or right after the cover."""
    soup = BeautifulSoup(html, "html.parser")
    _id_unik(soup)
    penanda = soup.find("div", id="lkjip-daftar")
    if penanda is None:
        penanda = BeautifulSoup(DAFTAR_PENANDA, "html.parser").div
        soup.find("section", class_="lk-sampul").insert_after(penanda)
    daftar = (
        _bagian("daftar-isi", "DAFTAR ISI", _butir_isi(soup, penanda))
        + _bagian("daftar-tabel", "DAFTAR TABEL", _butir_gambar(soup, "lk-tabel"))
        + _bagian("daftar-grafik", "DAFTAR GRAFIK", _butir_gambar(soup, "lk-grafik"))
    )
    penanda.replace_with(BeautifulSoup(daftar, "html.parser"))
    return str(soup)


# ---------------------------------------------------------------- exporters


class LkjipHTMLExporter(HTMLExporter):
    """Self-contained HTML report: cover, lists of contents, no code unless ``analis``."""

    export_from_notebook = "LKjIP HTML"
    analis = Bool(False, help="Tampilkan kode (laporan untuk analis)").tag(config=True)

    @default("template_name")
    def _template_name_default(self):
        return "lkjip"

    @default("language_code")
    def _language_code_default(self):
        return "id"

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self):
        return [str(config.TEMPLATES)]

    def from_notebook_node(self, nb, resources=None, **kw):
        self.exclude_input = self.exclude_input_prompt = not self.analis
        self.exclude_output_prompt = not self.analis
        resources = dict(resources or {})
        resources["lkjip"] = baca_sampul(nb)
        nb, resources = SaringLaporan(analis=self.analis).preprocess(_salin(nb), resources)
        html, resources = super().from_notebook_node(nb, resources, **kw)
        return sisipkan_daftar(html), resources


class LkjipPDFExporter(LkjipHTMLExporter):
    """A4 PDF of the reader's report, via WeasyPrint; nothing is fetched from outside."""

    export_from_notebook = "LKjIP PDF"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self):
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self):
        return ".html.j2"

    def from_notebook_node(self, nb, resources=None, **kw):
        html, resources = super().from_notebook_node(nb, resources, **kw)
        resources["output_extension"] = ".pdf"
        return html_ke_pdf(html), resources


def _salin(nb):
    import copy

    return copy.deepcopy(nb)


def html_ke_pdf(html: str) -> bytes:
    """Render report HTML to PDF bytes."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # embedded data: URLs only; no file or network access, whatever the HTML holds
    hanya_data = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=".", url_fetcher=hanya_data).write_pdf()


def ekspor(nb, analis: bool = False) -> tuple[str, bytes]:
    """HTML (with code when ``analis``) and the reader's PDF of an executed notebook."""
    html, _ = LkjipHTMLExporter(analis=analis).from_notebook_node(nb)
    pembaca = html if not analis else LkjipHTMLExporter().from_notebook_node(nb)[0]
    return html, html_ke_pdf(pembaca)
