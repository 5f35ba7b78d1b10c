"""The edition's page layout as a test reads it from the PDF's text (pypdf), not its pixels."""

from __future__ import annotations

import re

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


def halaman_tipis(pdf, judul: str) -> list[tuple[int, str]]:
    """(page number from 1, body text) of every page with under `BATAS` characters of body
    text, other than the cover, a page holding a chart or a signature, and a scanned page
    (an image and no text)."""
    tipis = []
    for n, hal in enumerate(pypdf.PdfReader(pdf).pages, start=1):
        isi = isi_halaman(hal.extract_text() or "", judul)
        if n == 1 or _PENGECUALIAN.search(isi) or (not isi and list(hal.images)):
            continue
        if len(isi) < BATAS:
            tipis.append((n, isi))
    return tipis
