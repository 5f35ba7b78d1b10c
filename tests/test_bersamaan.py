"""Export steps beside the build process (issue 15): same files as in order, errors and Ctrl-C
end the child, no child in a batch worker."""

import io
import multiprocessing
import os
import sys
import threading
import time
import zipfile

import pypdf
import pytest
from nbformat.v4 import new_markdown_cell

from lkjip import bersamaan, ekspor
from lkjip.galat import LkjipError, Masalah
from tests.test_ekspor import _nb_grafik

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork: Linux only")


def _pid() -> dict:
    return {"pid": str(os.getpid()).encode()}


def _gagal() -> dict:
    raise LkjipError(Masalah("x.csv", baris=3, pesan="rusak"))


def _lama() -> dict:
    time.sleep(60)
    return {}


def test_langkah_di_proses_anak_dan_diberitahukan_berurutan():
    langkah, dilapor = [("satu", _pid), ("dua", lambda: {"dua": b"2"})], []
    with bersamaan.di_samping(langkah, paralel=True) as tunggu:
        hasil = tunggu(dilapor.append)
    assert dilapor == ["satu", "dua"]
    assert hasil["dua"] == b"2" and hasil["pid"] != str(os.getpid()).encode()  # in the child
    assert multiprocessing.active_children() == []


def test_tanpa_paralel_di_proses_ini():
    with bersamaan.di_samping([("satu", _pid)], paralel=False) as tunggu:
        assert tunggu(lambda p: None) == {"pid": str(os.getpid()).encode()}


def test_galat_langkah_muncul_di_proses_induk_dengan_jenisnya():
    langkah = [("gagal", _gagal), ("tak sampai", _pid)]
    with pytest.raises(LkjipError, match="rusak"):
        with bersamaan.di_samping(langkah, paralel=True) as tunggu:
            tunggu(lambda p: None)
    assert multiprocessing.active_children() == []


def test_langkah_di_benang_berurutan_dan_galatnya_muncul_di_pemanggil():
    """BENANG (Chromium's PDF: the step waits on the browser): the steps run in a thread of
    this process, told and returned in order; a failing step raises with its own type."""
    langkah, dilapor = [("satu", _pid), ("dua", lambda: {"dua": b"2"})], []
    with bersamaan.di_samping(langkah, paralel=bersamaan.BENANG) as tunggu:
        hasil = tunggu(dilapor.append)
    assert dilapor == ["satu", "dua"] and hasil == {"pid": str(os.getpid()).encode(),
                                                    "dua": b"2"}
    with pytest.raises(LkjipError, match="rusak"):
        with bersamaan.di_samping([("gagal", _gagal), ("tak sampai", _pid)],
                                  paralel=bersamaan.BENANG) as tunggu:
            tunggu(lambda p: None)
    assert not any(t.name == "lkjip-ekspor-samping" for t in threading.enumerate())


def test_galat_atau_ctrl_c_di_induk_menghentikan_anak_segera():
    for galat in (ValueError, KeyboardInterrupt):
        mulai = time.monotonic()
        with pytest.raises(galat):
            with bersamaan.di_samping([("lama", _lama)], paralel=True):
                raise galat()
        assert multiprocessing.active_children() == []
        assert time.monotonic() - mulai < 30  # killed, not waited for (the step takes 60 s)


def _di_pekerja(_) -> bool:
    return bersamaan.paralel_bawaan()


def test_tidak_paralel_di_pekerja_batch_atau_dengan_thread_lain():
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.map(_di_pekerja, [0]) == [False]
    henti = threading.Event()
    lain = threading.Thread(target=henti.wait)
    lain.start()
    try:
        assert not bersamaan.paralel_bawaan()
    finally:
        henti.set()
        lain.join()


def _teks_pdf(isi: bytes) -> list[str]:
    return [h.extract_text() for h in pypdf.PdfReader(io.BytesIO(isi)).pages]


def test_berkas_kecamatan_sama_dengan_atau_tanpa_paralel():
    nb = _nb_grafik()
    kertas = new_markdown_cell("## Catatan Pemeriksaan")
    kertas.metadata["lkjip"] = {"dokumen": ekspor.KERTAS_KERJA}
    nb.cells.append(kertas)
    urut, dilapor = {}, {}
    for paralel in (False, True, bersamaan.BENANG):
        dilapor[paralel] = []
        urut[paralel] = ekspor.berkas_kecamatan(nb, "contoh", 2023, paralel=paralel,
                                                kemajuan=dilapor[paralel].append)
    a, b, c = urut[False], urut[True], urut[bersamaan.BENANG]
    assert list(a) == list(b) == list(c) == ["lkjip_contoh_2023.html", "lkjip_contoh_2023.docx",
                                  "lkjip_contoh_2023.pdf", "kertas_kerja_contoh_2023.html",
                                  "kertas_kerja_contoh_2023.pdf"]
    assert dilapor[False] == dilapor[True] == dilapor[bersamaan.BENANG] == [
        "menulis LKjIP: HTML", "menulis LKjIP: DOCX", "menulis kertas kerja: HTML",
        "menulis kertas kerja: PDF", "menulis LKjIP: PDF"]
    for nama in ("lkjip_contoh_2023.html", "kertas_kerja_contoh_2023.html"):
        assert a[nama] == b[nama] == c[nama]
    for nama in ("lkjip_contoh_2023.pdf", "kertas_kerja_contoh_2023.pdf"):
        assert _teks_pdf(a[nama]) == _teks_pdf(b[nama]) == _teks_pdf(c[nama])
    assert "Catatan Pemeriksaan" in " ".join(_teks_pdf(b["kertas_kerja_contoh_2023.pdf"]))
    docx = [zipfile.ZipFile(io.BytesIO(x["lkjip_contoh_2023.docx"])).read("word/document.xml")
            for x in (a, b, c)]
    assert docx[0] == docx[1] == docx[2]
    assert multiprocessing.active_children() == []
