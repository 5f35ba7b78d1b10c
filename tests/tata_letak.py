"""The edition's page layout as a test reads it from the PDF's text (pypdf), not its pixels."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pypdf

BATAS = 300  # characters: a page with less body text is a layout fault (issue 12)
_NOMOR = re.compile(r"^(?:DATA SINTETIS\s*)?(?:[ivxlc]+|\d+)$")  # the footer line
_PENGECUALIAN = re.compile(r"Grafik \d|Gambar \d|Pihak Kedua|NIP[ .]")


def isi_halaman(teks: str, judul: str) -> str:
    """A page's body text: the running header (the short title, DRAF) and the footer's page
    number left out."""
    baris = [b.strip() for b in teks.splitlines() if b.strip()]
    baris = [b.replace(judul, "").replace("DRAF", "").strip() for b in baris]
    return "\n".join(b for b in baris if b and not _NOMOR.match(b))


def nomor_halaman(halaman) -> str:
    """The page number printed in a page's footer: the number-like word drawn lowest on the
    page (read by position, since WeasyPrint draws the margins last and Chromium first).
    '' when the page has none (the cover)."""
    potong = []

    def catat(teks, cm, tm, font, ukuran):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        for kata in teks.split():
            potong.append((round(y), x, kata))

    halaman.extract_text(visitor_text=catat)
    if not potong:
        return ""
    bawah = min(y for y, _, _ in potong)
    kata = [k for y, _, k in sorted(potong, key=lambda p: p[1]) if y <= bawah + 3]
    return next((k for k in reversed(kata) if re.fullmatch(r"[ivxlc]+|\d+", k)), "")


def teks_halaman(pdf) -> tuple[str, ...]:
    """pypdf's ``extract_text()`` of each page of the PDF file `pdf`, read once per session
    for each file and version (path, size, modification time): pypdf takes ~0,2 CPU-s a page
    (the example's 60-page edition: 11,5 CPU-s), and the tests of one report read its pages
    several times. The tuple is shared: the files are the session's read-only builds."""
    berkas = Path(pdf).resolve()
    st = berkas.stat()
    return _teks_halaman(str(berkas), st.st_size, st.st_mtime_ns)


@functools.cache
def _teks_halaman(berkas: str, ukuran: int, mtime_ns: int) -> tuple[str, ...]:
    return tuple(h.extract_text() for h in pypdf.PdfReader(berkas).pages)


def halaman_tipis(pdf, judul: str) -> list[tuple[int, str]]:
    """(page number from 1, body text) of every page with under `BATAS` characters of body
    text, other than the cover, a page holding a chart or a signature, and a scanned page
    (an image and no text)."""
    tipis, pembaca = [], None
    for n, teks in enumerate(teks_halaman(pdf), start=1):
        isi = isi_halaman(teks or "", judul)
        if n == 1 or _PENGECUALIAN.search(isi):
            continue
        if not isi:
            pembaca = pembaca or pypdf.PdfReader(pdf)
            if list(pembaca.pages[n - 1].images):
                continue
        if len(isi) < BATAS:
            tipis.append((n, isi))
    return tipis


def salah_nomor_daftar(teks_pdf: str, judul_daftar: list[str]) -> list[tuple[str, str]]:
    """(entry, page number printed) of every entry of the lists of contents whose number is not
    a page the entry's heading or caption stands on ("?": no number found). `teks_pdf`:
    ``pdftotext -layout`` (pages split by form feeds, each ending with its footer's number);
    `judul_daftar`: the entries' titles, as the lists print them."""
    # the letters of the DRAF watermark, drawn across the text, left out
    halaman = [" ".join(w for w in h.split() if w not in "DRAF") for h in teks_pdf.split("\f")
               if h.strip()]
    nomor = [h.split()[-1] for h in halaman]
    awal = next(n for n, h in enumerate(halaman) if "DAFTAR ISI" in h)
    # the lists' pages: the front matter's (numbered i, ii, …) from Daftar Isi on, or in a
    # document without front matter each page that opens with a list's heading
    daftar = " ".join(h for h, n in zip(halaman[awal:], nomor[awal:], strict=True)
                      if re.fullmatch("[ivxlc]+", n) or " DAFTAR " in f" {h[:90]}")
    salah = []
    for judul in judul_daftar:
        m = re.search(re.escape(judul) + r"[\s.]*?\s([ivxlc]+|\d+)(?=\s|$)", daftar)
        if m is None:
            salah.append((judul, "?"))
        elif not any(judul in h for h, n in zip(halaman, nomor, strict=True)
                     if n == m.group(1)):
            salah.append((judul, m.group(1)))
    return salah


_JUDUL_TABEL = re.compile(r"^Tabel (?:[ivxlc]+|[\dL]+\.\d+)\s")


def judul_tabel_terpisah(teks_pdf: str) -> list[tuple[int, str]]:
    """(page from 1, line) of each table caption among the last two lines of a page's body:
    a caption at a page's foot, its table on the next page. `teks_pdf` as in
    `salah_nomor_daftar`; the front matter (its lists of tables) is left out. (A chart's
    caption stands under the chart: it may end a page.)"""
    hasil = []
    for n, hal in enumerate(teks_pdf.split("\f"), start=1):
        baris = [b.strip() for b in hal.splitlines() if b.strip()]
        if not baris or re.fullmatch("[ivxlc]+", baris[-1].split()[-1]):
            continue
        hasil += [(n, b) for b in baris[-3:-1] if _JUDUL_TABEL.match(b)]  # not the footer
    return hasil
