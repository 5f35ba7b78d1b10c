"""The edition exported while the working paper's cells still run (`lkjip.laporan.EdisiDini`,
issue 15): the cell hook it starts from, its files used only when the edition did not change."""

import io
import zipfile

import pypdf
import pytest
from nbformat.v4 import new_markdown_cell

from lkjip import ekspor, laporan
from lkjip.bangun import Dokumen, bangun_dokumen
from tests.test_ekspor import _nb_grafik
from tests.test_laporan import CONTOH


def _nb_dua_dokumen():
    nb = _nb_grafik()
    kertas = new_markdown_cell("## Catatan Pemeriksaan")
    kertas.metadata["lkjip"] = {"dokumen": ekspor.KERTAS_KERJA}
    nb.cells.append(kertas)
    return nb


def _dini(nb) -> laporan.EdisiDini:
    dini = laporan.EdisiDini(ekspor.pisah(nb)[ekspor.EDISI], analis=False)
    dini.pdf()  # done before the build's export asks
    return dini


def _teks(berkas: dict) -> dict:
    """What each file says: HTML as is, the PDF's text, the DOCX's document XML."""
    def teks(nama: str, isi: bytes):
        if nama.endswith(".pdf"):
            return [h.extract_text() for h in pypdf.PdfReader(io.BytesIO(isi)).pages]
        if nama.endswith(".docx"):
            return zipfile.ZipFile(io.BytesIO(isi)).read("word/document.xml")
        return isi

    return {nama: teks(nama, isi) for nama, isi in berkas.items()}


def _hitung_buat(monkeypatch) -> list[str]:
    """Which documents' HTML and PDF the export makes itself from now on."""
    dibuat = []
    html_asli, pdf_asli, docx_asli = ekspor.html_dan_pembaca, ekspor.pdf_edisi, ekspor.ke_docx
    word_asli = ekspor.html_dan_word

    def html(nb, analis):
        dibuat.append(f"html {nb.metadata['lkjip']['dokumen']}")
        return html_asli(nb, analis)

    def html_word(nb, analis):  # the edition's HTML with its Word HTML from the same tree
        dibuat.append(f"html {nb.metadata['lkjip']['dokumen']}")
        return word_asli(nb, analis)

    def pdf(edisi, pembaca):
        dibuat.append("pdf edisi")
        return pdf_asli(edisi, pembaca)

    def docx(nb, pembaca, siap=None):
        dibuat.append("docx")
        return docx_asli(nb, pembaca, siap)

    monkeypatch.setattr(ekspor, "html_dan_pembaca", html)
    monkeypatch.setattr(ekspor, "html_dan_word", html_word)
    monkeypatch.setattr(ekspor, "pdf_edisi", pdf)
    monkeypatch.setattr(ekspor, "ke_docx", docx)
    return dibuat


def test_edisi_dini_dipakai_bila_edisinya_tetap(monkeypatch):
    nb = _nb_dua_dokumen()
    biasa = ekspor.berkas_kecamatan(nb, "contoh", 2023)
    dini = _dini(nb)
    dibuat, dilapor = _hitung_buat(monkeypatch), []
    awal = ekspor.berkas_kecamatan(nb, "contoh", 2023, dini=dini, kemajuan=dilapor.append)
    assert dibuat == ["html kertas_kerja"]  # the edition's HTML, DOCX, PDF were the early ones
    assert list(awal) == list(biasa) and _teks(awal) == _teks(biasa)
    assert dilapor == ["menulis LKjIP: HTML", "menulis LKjIP: DOCX", "menulis kertas kerja: HTML",
                       "menulis kertas kerja: PDF", "menulis LKjIP: PDF"]


def _ganti_tabel(nb) -> None:
    # as nbclient does when a later cell updates a display: the output's data replaced
    keluaran = next(k for k in nb.cells[1].outputs if "Rincian Personil" in str(k.get("data")))
    keluaran["data"] = {m: v.replace("Rincian Personil", "Rincian Pegawai") if isinstance(v, str)
                        else v for m, v in keluaran["data"].items()}


def _ganti_sampul(nb) -> None:
    # a working paper's cell showing another cover changes the edition's cover facts
    nb.metadata["lkjip"] = {"nama_kecamatan": "Taman"}


@pytest.mark.parametrize("ubah", [_ganti_tabel, _ganti_sampul])
def test_edisi_dini_dibuang_bila_edisinya_berubah(monkeypatch, ubah):
    nb = _nb_dua_dokumen()
    dini = _dini(nb)
    ubah(nb)
    biasa = ekspor.berkas_kecamatan(nb, "contoh", 2023)
    dibuat = _hitung_buat(monkeypatch)
    awal = ekspor.berkas_kecamatan(nb, "contoh", 2023, dini=dini, paralel=False)  # spied here
    assert dibuat == ["html edisi", "docx", "html kertas_kerja", "pdf edisi"]  # made again
    assert _teks(awal) == _teks(biasa)
    assert ("Rincian Pegawai" in awal["lkjip_contoh_2023.html"].decode()
            or "TAMAN" in awal["lkjip_contoh_2023.html"].decode())


def test_galat_edisi_dini_muncul_saat_hasilnya_diminta(monkeypatch):
    def gagal(nb, analis, tertulis=None):
        raise RuntimeError("templat rusak")

    monkeypatch.setattr(ekspor, "html_dan_word", gagal)
    dini = laporan.EdisiDini(ekspor.pisah(_nb_dua_dokumen())[ekspor.EDISI], analis=False)
    with pytest.raises(RuntimeError, match="templat rusak"):
        dini.html()
    with pytest.raises(RuntimeError, match="templat rusak"):
        dini.pdf()
    with pytest.raises(RuntimeError, match="templat rusak"):
        dini.docx()


@pytest.mark.parametrize("tempat, pesan", [
    # the Word edition failing early
    ("lkjip.ekspor.ke_docx", "penulis Word mati"),
    # the Word edition's HTML failing after the reader's HTML was written
    ("lkjip.word_html.siapkan_pohon", "pohon rusak"),
])
def test_galat_word_dini_hanya_untuk_docx(monkeypatch, tempat, pesan):
    # either way the HTML and PDF are still made, the error where the DOCX is asked for
    def gagal(*args, **kwargs):
        raise RuntimeError(pesan)

    monkeypatch.setattr(tempat, gagal)
    dini = laporan.EdisiDini(ekspor.pisah(_nb_dua_dokumen())[ekspor.EDISI], analis=False)
    assert dini.pdf()[:5] == b"%PDF-" and dini.html()[0].startswith("<!DOCTYPE html>")
    with pytest.raises(RuntimeError, match=pesan):
        dini.docx()


def test_edisi_dini_word_dari_pohon_yang_sama_dan_pdf_dicetak_dulu(monkeypatch):
    # the early edition's Word HTML comes from the reader's own tree (no second parse of the
    # HTML), and the PDF's print begins as soon as the HTML is written, before that Word HTML
    import time

    from lkjip import word_html

    nb = _nb_dua_dokumen()
    biasa = ekspor.berkas_kecamatan(nb, "contoh", 2023)
    urutan, asli_pohon, asli_pdf = [], word_html.siapkan_pohon, ekspor.pdf_edisi

    def pdf(edisi, pembaca):
        urutan.append("pdf")
        return asli_pdf(edisi, pembaca)

    def pohon(soup, png, *tulis):
        batas = time.monotonic() + 10
        while "pdf" not in urutan and time.monotonic() < batas:
            time.sleep(0.01)
        urutan.append("word")
        return asli_pohon(soup, png, *tulis)

    def tanpa_urai(html, png):
        raise AssertionError("the reader's HTML was parsed again")

    monkeypatch.setattr(ekspor, "pdf_edisi", pdf)
    monkeypatch.setattr(word_html, "siapkan_pohon", pohon)
    monkeypatch.setattr(word_html, "_siapkan", tanpa_urai)
    monkeypatch.setattr("lkjip.word._siapkan", tanpa_urai)
    dini = laporan.EdisiDini(ekspor.pisah(nb)[ekspor.EDISI], analis=False)
    awal = ekspor.berkas_kecamatan(nb, "contoh", 2023, dini=dini)
    assert urutan == ["pdf", "word"]
    assert _teks(awal) == _teks(biasa)


def test_pantau_dikabari_tiap_sel_setelah_sel_sebelumnya_berjalan(tmp_path):
    # Dokumen.pantau(indeks, nb): each cell as it starts, with the notebook being executed,
    # every code cell before it run (execution_count set) and none after it
    dilihat = []

    def pantau(indeks, nb):
        dilihat.append((indeks, [(i, c.execution_count is not None) for i, c in enumerate(nb.cells)
                                 if c.cell_type == "code"]))

    dok = Dokumen(judul="Dokumen pantau", bab=tuple(laporan.daftar_bab(CONTOH)),
                  parameter={"kecamatan": "contoh", "tahun": 2023, "data_dir": str(tmp_path)},
                  folder=tmp_path / "pantau", nama="pantau", format=("ipynb",), pantau=pantau)
    (berkas,) = bangun_dokumen(dok, out_dir=tmp_path)
    assert [i for i, _ in dilihat] == list(range(len(dilihat))) and len(dilihat) > 3
    for indeks, kode in dilihat:
        assert all(sudah == (i < indeks) for i, sudah in kode), indeks


def test_tanpa_dini_benang_tetap_benang(monkeypatch):
    # without an early edition, paralel=BENANG still prints in a thread, never a forked child
    # (a Dask worker is daemonic: it may have no children)
    from lkjip import bersamaan

    def tanpa_anak(*a, **k):
        raise AssertionError("a child process was started")

    monkeypatch.setattr(bersamaan.multiprocessing, "get_context", tanpa_anak)
    berkas = ekspor.berkas_kecamatan(_nb_dua_dokumen(), "contoh", 2023, paralel=bersamaan.BENANG)
    assert set(berkas) >= {"lkjip_contoh_2023.pdf", "kertas_kerja_contoh_2023.pdf"}


def test_pdf_kertas_kerja_dicetak_di_samping_docx(monkeypatch):
    # where Chromium prints (BENANG), the working paper's PDF is printed while the Word edition
    # is made, not after it: the DOCX step finds the working paper's print already begun
    from lkjip import bersamaan

    mulai, asli_pdf, asli_docx = [], ekspor.pdf_cetak, ekspor.ke_docx

    def pdf(html, nb):
        mulai.append(nb.metadata["lkjip"]["dokumen"])
        return asli_pdf(html, nb)

    def docx(nb, pembaca, siap=None):
        import time

        batas = time.monotonic() + 10
        while "kertas_kerja" not in mulai and time.monotonic() < batas:
            time.sleep(0.01)
        mulai.append("docx")
        return asli_docx(nb, pembaca, siap)

    monkeypatch.setattr(ekspor, "pdf_cetak", pdf)
    monkeypatch.setattr(ekspor, "ke_docx", docx)
    dilapor = []
    berkas = ekspor.berkas_kecamatan(_nb_dua_dokumen(), "contoh", 2023, paralel=bersamaan.BENANG,
                                     kemajuan=dilapor.append)
    assert mulai.index("kertas_kerja") < mulai.index("docx")
    assert dilapor == ["menulis LKjIP: HTML", "menulis LKjIP: DOCX", "menulis kertas kerja: HTML",
                       "menulis kertas kerja: PDF", "menulis LKjIP: PDF"]
    assert "Catatan Pemeriksaan" in " ".join(_teks(berkas)["kertas_kerja_contoh_2023.pdf"])
