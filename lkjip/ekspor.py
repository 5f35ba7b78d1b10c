"""nbconvert exporters for the LKjIP report: HTML (lkjip template), PDF (WeasyPrint), and the
files of a kecamatan build: the edition and the working paper from one executed notebook.

HTML and PDF are registered as nbconvert exporters (``jupyter nbconvert --to
lkjip_html|lkjip_pdf``). The reader's report hides code and prompts; ``analis=True`` shows
them. The cover comes from ``nb.metadata["lkjip"]`` or, failing that, from a
``tampil.sampul(...)`` output in the notebook.

A kecamatan build executes the edition's chapters and the working paper's together, once
(`lkjip.laporan.gabung` tags each cell ``metadata.lkjip.dokumen``); `berkas_kecamatan` splits
the executed notebook (`pisah`) and writes:
- the edition ``lkjip_<k>_<t>.html|.pdf|.docx``: the LKjIP as signed, with the scans of the
  signed PK merged after its last page (PDF) and a DRAF mark on every page and in the PDF's
  metadata while a galat is undecided (`lkjip.keputusan`);
- the working paper ``kertas_kerja_<k>_<t>.html|.pdf``.

The pages themselves (the marks the print sheet lays out by, WeasyPrint, near-empty pages set
again, the scans appended) are `lkjip.ekspor_cetak`.

Speed (issue 15): the reader's HTML is made in one BeautifulSoup pass after the template
(`lkjip.ekspor_daftar`), and the Word edition's HTML from that same tree (`html_dan_word`).
Exporters are kept for reuse (`_pengekspor`), so their templates compile once. `siapkan_mesin`
freezes the objects loaded by then out of the garbage collector (`_bekukan`). Rejected: the
lxml parser (a parse ~25 % faster, ~0,02 s, and its tree differs: the example's HTML written
back is not the same); Jinja's bytecode cache on disk (~0,05 s a process, for files to keep
safe and current).
"""

import base64
import copy
import gc
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, default

from lkjip import config
from lkjip.ekspor_cetak import gabung_pdf, html_ke_pdf, untuk_cetak
from lkjip.ekspor_daftar import sisipkan_daftar
from lkjip.gaya import buang_gaya
from lkjip.tampil import GRAFIK_CETAK_MIME, GRAFIK_PNG_MIME, SAMPUL_MIME

PINDAIAN_MIME = "application/vnd.lkjip.pindaian+json"  # lkjip.susun.pindaian_pk
EDISI, KERTAS_KERJA = "edisi", "kertas_kerja"
SAMPUL_BAWAAN = {
    "kecamatan": "",
    "nama_kecamatan": "",
    "kabupaten": "",
    "provinsi": "",
    "tahun": "",
    "sintetis": False,
    "draf": False,
    "alamat": "",
    "logo": "",
    "dokumen": EDISI,
    "judul": "",
    "periode": "",
}
TAG_TERSEMBUNYI = {"parameters", "injected-parameters", "papermill-error-cell-tag"}
# never shown, even to the analyst: the "Parameter — ubah di sini" guidance above `parameters`
TAG_PETUNJUK = "petunjuk"
# outputs never shown: scripts, widgets, the cover's facts, charts' PNG copies, scanned PDFs
MIME_DIBUANG = {
    "application/javascript",
    "application/vnd.jupyter.widget-view+json",
    "application/vnd.jupyter.widget-state+json",
    SAMPUL_MIME,
    GRAFIK_PNG_MIME,
    GRAFIK_CETAK_MIME,
    PINDAIAN_MIME,
}


# ---------------------------------------------------------------- the cover's facts


def baca_sampul(nb) -> dict:
    """The cover's facts: defaults, then a ``tampil.sampul`` output, then ``nb.metadata.lkjip``;
    with neither (a chapter run alone), the notebook's parameters and the kecamatan's profile
    (`lkjip.sampul.sampul_notebook`)."""
    sampul = dict(SAMPUL_BAWAAN)
    for cell in nb.cells:
        for keluaran in cell.get("outputs", []):
            sampul.update(keluaran.get("data", {}).get(SAMPUL_MIME, {}))
    sampul.update(nb.metadata.get("lkjip", {}))
    if not sampul["nama_kecamatan"]:
        from lkjip.sampul import sampul_notebook

        sampul.update(sampul_notebook(nb))
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
        if "text/html" in keluaran["data"]:  # the notebook's copy of the sheet (lkjip.gaya)
            keluaran["data"]["text/html"] = buang_gaya(keluaran["data"]["text/html"])
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
        if TAG_PETUNJUK in cell.metadata.get("tags", []):
            return False
        if TAG_TERSEMBUNYI & set(cell.metadata.get("tags", [])):
            return self.analis and "papermill-error-cell-tag" not in cell.metadata["tags"]
        return self.analis or cell.cell_type != "code" or bool(cell.outputs)


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

    @default("optimistic_validation")
    def _optimistic_validation_default(self):
        return True  # the notebook validated once after the preprocessors, not after each (12)

    def from_notebook_node(self, nb, resources=None, lalu=None, tertulis=None, **kw):
        """HTML of the notebook (its document, edition or working paper, from its metadata).
        With `lalu`, a function of the HTML's tree once written (`sisipkan_daftar`): its
        result in ``resources["lalu"]``; `tertulis(html)` is told the HTML once written,
        before `lalu` runs."""
        html, resources = self.templat(nb, resources, **kw)
        return _sisipkan(html, resources, self.log, lalu, tertulis)

    def templat(self, nb, resources=None, **kw):
        """`from_notebook_node` up to its HTML pass (`sisipkan_daftar`), the part that needs
        this exporter: the template's HTML and the resources."""
        self.exclude_input = self.exclude_input_prompt = not self.analis
        self.exclude_output_prompt = not self.analis
        resources = dict(resources or {})
        resources["lkjip"] = baca_sampul(nb)
        nb, resources = SaringLaporan(analis=self.analis).preprocess(_salin(nb), resources)
        return self._html_templat(nb, resources, **kw)

    def _html_templat(self, nb, resources, **kw):
        """`HTMLExporter.from_notebook_node` (nbconvert 7.16.5 to 7.17) without its last step,
        a BeautifulSoup parse, two selects and a serialisation of the whole document (~0.2 s
        for the example's edition, five times its template): `sisipkan_daftar` does that
        step in its own parse (`_alt_gambar`)."""
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        self.register_filter("highlight_code", self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
        resources = self._init_resources(resources)
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources))
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


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
        return pdf_cetak(html, nb), resources


def _salin(nb):
    """A copy of `nb` that `SaringLaporan` may change without changing `nb`: the notebook,
    each cell, each output and its ``data`` copied (one level each), the rest shared.
    SaringLaporan only sets ``nb.cells`` and ``cell.outputs`` and deletes or replaces MIME
    entries of an output's ``data``, and nbconvert deep-copies what it is given before its
    own preprocessors run. A deep copy of the whole notebook was ~0,008 CPU-s for the
    example's edition (~0,0007 so; issue 15), for the same HTML."""
    salinan = _salin_simpul(nb)
    sel = []
    for cell in nb.cells:
        sel.append(_salin_simpul(cell))
        if "outputs" in cell:
            keluaran = [_salin_simpul(k) for k in cell["outputs"]]
            for k in keluaran:
                if "data" in k:
                    dict.__setitem__(k, "data", _salin_simpul(k["data"]))
            dict.__setitem__(sel[-1], "outputs", keluaran)
    dict.__setitem__(salinan, "cells", sel)
    return salinan


def _salin_simpul(simpul):
    """A NotebookNode with `simpul`'s items, the values themselves (``copy.copy`` of a
    NotebookNode goes through ``__reduce_ex__`` and ``__setitem__``, ~8x as long)."""
    from nbformat import NotebookNode

    salinan = NotebookNode()
    dict.update(salinan, simpul)
    return salinan


def _sisipkan(html: str, resources: dict, log, lalu=None, tertulis=None) -> tuple[str, dict]:
    """The rest of `LkjipHTMLExporter.from_notebook_node` after `templat`: `sisipkan_daftar`."""
    if lalu is None:
        return sisipkan_daftar(html, log, tertulis=tertulis), resources
    html, resources["lalu"] = sisipkan_daftar(html, log, lalu, tertulis)
    return html, resources


def ekspor(nb, analis: bool = False) -> tuple[str, bytes]:
    """HTML (with code when ``analis``) and the reader's PDF of an executed notebook."""
    html, pembaca = html_dan_pembaca(nb, analis)
    return html, pdf_cetak(pembaca, nb)


def html_dan_pembaca(nb, analis: bool) -> tuple[str, str]:
    """(HTML as asked, the reader's HTML): the same string unless ``analis``."""
    return _html_dan_pembaca(nb, analis)[:2]


def html_dan_word(nb, analis: bool, tertulis=None) -> tuple[str, str, tuple]:
    """`html_dan_pembaca` and the reader's HTML as the Word edition reads it
    (`lkjip.word_html.siapkan_pohon`, for `ke_docx`), made from the reader's own tree once that is
    written: the document is parsed once for both (~0,09 CPU-s a report, issue 15).
    `tertulis(html, pembaca)`, when given, is told `html_dan_pembaca` as soon as both are
    written, before the Word edition's HTML is made from the tree (`lkjip.laporan.EdisiDini`
    prints the PDF meanwhile)."""
    from lkjip.ekspor_daftar import tulis_html
    from lkjip.word_html import siapkan_pohon

    png = png_grafik(nb)
    return _html_dan_pembaca(nb, analis, lambda soup: siapkan_pohon(soup, png, tulis_html),
                             tertulis)


def _html_dan_pembaca(nb, analis: bool, lalu=None, tertulis=None) -> tuple:
    """(HTML as asked, the reader's HTML, `lalu` of the reader's tree or None);
    `tertulis(html, pembaca)` told both once written, before `lalu` runs. The exporter is
    held for its template only, not for the HTML pass after it: another thread's export (the
    working paper's, beside the early edition's pass and Word HTML, `lkjip.laporan.EdisiDini`)
    then finds it free instead of compiling the templates of one more (~0,15 CPU-s)."""
    html, sumber = _html(nb, analis, lalu=None if analis else lalu,
                         tertulis=None if analis or tertulis is None else lambda h: tertulis(h, h))
    if not analis:
        return html, html, sumber.get("lalu")
    pembaca, sumber = _html(nb, False, lalu=lalu,
                            tertulis=None if tertulis is None else lambda p: tertulis(html, p))
    return html, pembaca, sumber.get("lalu")


def _html(nb, analis: bool, lalu=None, tertulis=None) -> tuple[str, dict]:
    """`LkjipHTMLExporter.from_notebook_node` by a kept exporter, held for its template only."""
    with _pengekspor(analis) as pengekspor:
        html, sumber = pengekspor.templat(nb)
        log = pengekspor.log
    return _sisipkan(html, sumber, log, lalu, tertulis)


_BEBAS: dict[bool, list[LkjipHTMLExporter]] = {False: [], True: []}
_KUNCI_BEBAS = threading.Lock()


@contextmanager
def _pengekspor(analis: bool) -> Iterator[LkjipHTMLExporter]:
    """An exporter of this kind no other thread is using, kept for reuse after the block: its
    templates compile once a process (~0.05 s an exporter), whichever thread exports (the
    early edition's is new each build, `lkjip.laporan.EdisiDini`). One user at a time: an
    exporter holds a call's state while it runs (a Dask worker may use several threads)."""
    with _KUNCI_BEBAS:
        bebas = _BEBAS[analis]
        pengekspor = bebas.pop() if bebas else None
    if pengekspor is None:
        pengekspor = LkjipHTMLExporter(analis=analis)
    try:
        yield pengekspor
    finally:
        with _KUNCI_BEBAS:
            _BEBAS[analis].append(pengekspor)


# ---------------------------------------------------------------- the kecamatan build's files


def dokumen_sel(cell) -> str:
    """The document a cell belongs to (``metadata.lkjip.dokumen``, default the edition)."""
    return cell.get("metadata", {}).get("lkjip", {}).get("dokumen", EDISI)


def pisah(nb) -> dict[str, object]:
    """The executed notebook split into its documents, ``{"edisi": nb, "kertas_kerja": nb}``
    (a document without cells is left out); each keeps the notebook's metadata and cover."""
    hasil = {}
    for dok in (EDISI, KERTAS_KERJA):
        sel = [c for c in nb.cells if dokumen_sel(c) == dok]
        if sel:
            bagian = copy.copy(nb)
            bagian.cells = sel
            bagian.metadata = copy.deepcopy(nb.metadata)
            bagian.metadata["lkjip"] = {**baca_sampul(nb), "dokumen": dok}
            hasil[dok] = bagian
    return hasil


def _keluaran(nb, mime: str) -> list:
    return [k["data"][mime] for c in nb.cells for k in c.get("outputs", [])
            if mime in k.get("data", {})]


def png_grafik(nb) -> dict[str, bytes]:
    """The charts' PNG copies of an executed notebook, by figure id (`lkjip.tampil.grafik`)."""
    return {id_: base64.b64decode(b64) for peta in _keluaran(nb, GRAFIK_PNG_MIME)
            for id_, b64 in peta.items()}


def svg_cetak(nb) -> dict[str, str]:
    """The charts' PDF copies (base64 SVG, text as text) of an executed notebook, by figure id."""
    return {id_: b64 for peta in _keluaran(nb, GRAFIK_CETAK_MIME) for id_, b64 in peta.items()}


def pdf_cetak(html: str, nb) -> bytes:
    """The PDF of a notebook's reader HTML, its charts drawn from their print copies."""
    return html_ke_pdf(untuk_cetak(html, svg_cetak(nb)))


def pindaian_pdf(nb) -> list[tuple[str, bytes]]:
    """The scanned PDFs of the signed PK carried by the notebook, in order."""
    return [(b["nama"], base64.b64decode(b["isi"])) for isi in _keluaran(nb, PINDAIAN_MIME)
            for b in isi["berkas"]]


def nama_berkas(kecamatan: str, tahun) -> dict[str, str]:
    """File names of the build without extension, per document.

    >>> nama_berkas("bantarbolang", 2023)["kertas_kerja"]
    'kertas_kerja_bantarbolang_2023'
    """
    return {EDISI: f"lkjip_{kecamatan}_{tahun}", KERTAS_KERJA: f"kertas_kerja_{kecamatan}_{tahun}"}


def judul_dokumen(sampul: dict) -> str:
    """The document's title, as the HTML's ``<title>`` has it (index.html.j2).

    >>> judul_dokumen({**SAMPUL_BAWAAN, "nama_kecamatan": "Bantarbolang", "tahun": 2023})
    'LKjIP Kecamatan Bantarbolang Tahun 2023'
    >>> judul_dokumen({**SAMPUL_BAWAAN, "nama_kecamatan": "Pemalang", "tahun": 2024,
    ...                "judul": "Laporan Pengukuran Kinerja Triwulan",
    ...                "periode": "Triwulan III Tahun 2024"})
    'Laporan Pengukuran Kinerja Triwulan Kecamatan Pemalang Triwulan III Tahun 2024'
    """
    periode = sampul["periode"] or f"Tahun {sampul['tahun']}"
    return f"{sampul['judul'] or 'LKjIP'} Kecamatan {sampul['nama_kecamatan']} {periode}"


def ke_docx(nb, pembaca: str, siap: tuple | None = None) -> bytes:
    """The .docx of an executed notebook (`lkjip.word`), from its reader's HTML `pembaca`
    (prepared for Word already when `siap` is given: `html_dan_word`): its charts as PNG,
    the title, subject and DRAF mark from its cover. Every document written as Word (the
    edition, the quarterly reports: `lkjip.bangun.keluaran.Keluaran.docx`) goes through
    here."""
    from lkjip.word import html_ke_docx

    sampul = baca_sampul(nb)
    subjek = sampul["judul"] or "LKjIP untuk ditandatangani"
    return html_ke_docx(pembaca, None if siap else png_grafik(nb), draf=bool(sampul["draf"]),
                        judul=judul_dokumen(sampul), subjek=subjek, siap=siap)


NAMA_DOKUMEN = {EDISI: "LKjIP", KERTAS_KERJA: "kertas kerja"}


def berkas_kecamatan(nb, kecamatan: str, tahun, analis: bool = False, kemajuan=None,
                     paralel: bool | None = None, dini=None) -> dict[str, bytes]:
    """Every file of a kecamatan build from its executed notebook: file name → content.

    The edition: HTML, PDF (scans merged), DOCX (`lkjip.word`); the working paper (when the
    notebook has its chapters): HTML and PDF. ``analis`` puts the code in both HTML files.
    ``kemajuan(pesan)`` is told each file before it is made ("menulis LKjIP: PDF").

    Order: the edition's HTML and DOCX, the working paper, the edition's PDF last (the Word
    edition is written while this process is small, issue 15).
    ``paralel``: the edition's PDF is made beside the others (`lkjip.bersamaan`): by default in
    a thread when Chromium prints it (the browser works in its own process), else laid out by
    WeasyPrint in a forked child where a core is free and this is no batch worker
    (`bersamaan.paralel_bawaan`).
    ``dini``: the edition begun before the working paper's cells ran (`lkjip.laporan.EdisiDini`),
    its ``dini.html()``, ``.docx()`` and ``.pdf()`` used only when ``dini.cocok(edition)``
    (the edition is still what it began from), else made here again."""
    from lkjip.bersamaan import BENANG, di_samping, paralel_bawaan
    from lkjip.peramban import peramban

    lapor = kemajuan or (lambda pesan: None)
    nama, bagian = nama_berkas(kecamatan, tahun), pisah(nb)
    edisi, hasil, pembaca, siap = bagian.get(EDISI), {}, "", None
    if dini is not None and (edisi is None or not dini.cocok(edisi)):
        dini = dini.batal()  # what it made is not this edition's
    if edisi is not None:
        lapor(f"menulis {NAMA_DOKUMEN[EDISI]}: HTML")
        html, pembaca, siap = (*dini.html(), None) if dini else html_dan_word(edisi, analis)
        hasil[f"{nama[EDISI]}.html"] = html.encode("utf-8")
    if paralel is None:  # Chromium prints in its own process: a thread waits on it
        paralel = BENANG if peramban() is not None else paralel_bawaan()
    if paralel:
        siapkan_mesin()  # the child inherits the engines instead of importing them again
    langkah_pdf = _langkah_pdf(edisi, nama[EDISI], pembaca, dini)
    with ExitStack() as samping:
        tunggu = samping.enter_context(
            di_samping(langkah_pdf, paralel if dini is None else False))
        for pesan, buat in _langkah_lain(bagian, nama, analis, (pembaca, siap),
                                         samping if paralel == BENANG else None, dini):
            lapor(pesan)
            hasil.update(buat())
        hasil.update(tunggu(lapor))
    urutan = [f"{nama[EDISI]}.{a}" for a in ("html", "docx", "pdf")]
    return {k: hasil[k] for k in urutan + sorted(set(hasil) - set(urutan))}


def siapkan_mesin() -> None:
    """Start the PDF engine (Chromium, `lkjip.peramban`; else import WeasyPrint), import the
    Word engine and pypdf (the print's pages are read and joined with it, the scans merged:
    ~0,07-0,1 CPU-s of imports, with Pillow and fontTools, that the edition's print paid after
    the cells ran) and warm the HTML exporter (~0.7 s), e.g. while a build's kernel boots
    (`lkjip.laporan.bangun`) rather than after its cells ran; then, once a process, set what
    is loaded by then aside from the garbage collector (`_bekukan`)."""
    import docx  # noqa: F401
    import nbformat
    import pypdf.filters  # noqa: F401  (what the print's pages are read with, ~9 ms more)

    from lkjip.peramban import peramban

    if peramban() is None:
        import weasyprint  # noqa: F401

    import lkjip.bersamaan  # noqa: F401  (the export's and the Word edition's other modules)
    import lkjip.word  # noqa: F401
    import lkjip.word_tulis  # noqa: F401

    if not _BEBAS[False]:  # an exporter's templates compiled (once)
        with _pengekspor(False) as pengekspor:
            pengekspor.from_notebook_node(nbformat.v4.new_notebook())
    _bekukan()


_BEKU: list[bool] = []


def _bekukan() -> None:
    """``gc.freeze()``, once a process: the ~125 000 objects of the modules imported by now
    are left out of every later full collection. A build's export makes large trees
    (BeautifulSoup, python-docx) whose cycles keep the collector busy: its full collections,
    each walking every object of the process, were ~0,6 s of the build process's CPU; with
    this, half (measured on the example, 10 full collections either way). Once only, so a
    batch worker's memory stays flat: objects are still freed as their last reference goes,
    only cycles among the frozen ones are never collected. A forked child (the edition's
    PDF, `lkjip.bersamaan`) inherits them frozen and does not walk them either."""
    if not _BEKU:
        gc.freeze()
        _BEKU.append(True)


def pdf_edisi(edisi, pembaca: str) -> bytes:
    """The edition's PDF from its reader HTML, the scans of the signed PK merged after it."""
    return gabung_pdf(pdf_cetak(pembaca, edisi), pindaian_pdf(edisi))


def _langkah_pdf(edisi, nama: str, pembaca: str, dini=None) -> list:
    """The edition's PDF as a step ``(message, make files)``, the one a forked child takes
    (`berkas_kecamatan`); with `dini`, the PDF it printed (waited for)."""
    if edisi is None:
        return []

    def pdf() -> dict[str, bytes]:
        return {f"{nama}.pdf": dini.pdf() if dini else pdf_edisi(edisi, pembaca)}

    return [(f"menulis {NAMA_DOKUMEN[EDISI]}: PDF", pdf)]


def _langkah_lain(bagian: dict, nama: dict, analis: bool, pembaca: tuple, samping=None,
                  dini=None) -> list:
    """The steps besides the edition's HTML and PDF, as ``(message, make files)``: the Word
    edition (from ``pembaca``, the edition's reader HTML and its Word HTML: `ke_docx`), then
    the working paper's HTML and PDF. With `samping` (an ExitStack, where
    Chromium prints) the working paper's HTML is made now and its PDF printed in a thread
    while the Word edition is made (Chromium prints meanwhile), not after it; the steps then hand
    over what was made, so they are told in the same order."""
    langkah = []
    if EDISI in bagian:

        def docx() -> dict[str, bytes]:
            isi = dini.docx() if dini else ke_docx(bagian[EDISI], *pembaca)
            return {f"{nama[EDISI]}.docx": isi}

        langkah.append((f"menulis {NAMA_DOKUMEN[EDISI]}: DOCX", docx))
    if KERTAS_KERJA in bagian:
        kertas, simpan = bagian[KERTAS_KERJA], {}

        def kertas_html() -> dict[str, bytes]:
            html, simpan["pembaca"] = html_dan_pembaca(kertas, analis)
            return {f"{nama[KERTAS_KERJA]}.html": html.encode("utf-8")}

        def kertas_pdf() -> dict[str, bytes]:
            pdf = pdf_cetak(simpan["pembaca"], kertas)
            return {f"{nama[KERTAS_KERJA]}.pdf": pdf}

        pesan = [f"menulis {NAMA_DOKUMEN[KERTAS_KERJA]}: {a}" for a in ("HTML", "PDF")]
        if samping is not None:
            from lkjip.bersamaan import BENANG, di_samping

            sudah = kertas_html()
            tunggu = samping.enter_context(di_samping([(pesan[1], kertas_pdf)], BENANG))
            kertas_html, kertas_pdf = (lambda: sudah), (lambda: tunggu(lambda p: None))
        langkah += [(pesan[0], kertas_html), (pesan[1], kertas_pdf)]
    return langkah
