"""Hostile text for security tests, and the mini kecamatan with it in every text field.

`tulis_mini_jahat(root)` writes the mini kecamatan (`tests.mini`) whose every free-text cell
(names of desa, indicators, pejabat, sasaran, ... and the profile's names, which go on the
cover) holds one of `TEKS_JAHAT`, and whose narasi Markdown holds raw HTML and hostile links.
It still loads (`muat`), so a report can be built from it.
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from lkjip.skema import BERKAS
from tests.mini import BERKAS_MINI, tulis_mini

PANJANG = "Panjang" + "x" * 5000
TEKS_JAHAT = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<a href=\"javascript:alert(1)\">klik</a>",
    "javascript:alert(1)",
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{display:none}</style>",
    "&lt;b&gt; sudah di-escape &amp;",
    "Desa \u202eabc.exe\u202c Alfa",
    "=HYPERLINK(\"http://jahat.example\",\"klik\")",
    "+62 812 3456",
    "-2+3",
    "@SUM(A1)",
    "{{ 7*7 }} {% raw %}",
    "$\\frac{1}{0}$ \\(x\\)",
    PANJANG,
]
NARASI_JAHAT = """# Judul <script>alert(1)</script>

Paragraf **tebal** <img src=x onerror=alert(1)> dan <b onclick="alert(1)">tebal</b>.

[tautan](javascript:alert(1)) [dua](JaVaScRiPt:alert(1)) [tiga](  javascript:alert(1))
[empat](vbscript:msgbox(1)) [lima](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![gambar](javascript:alert(1)) <javascript:alert(1)> [enam][r]

[r]: javascript:alert(1)

<div onmouseover="alert(1)">div</div>
<iframe src="javascript:alert(1)"></iframe>

=HYPERLINK("http://jahat.example") dan @SUM(A1) dan \u202eabc

""" + PANJANG + "\n"

BERKAS_NARASI = ["isu_strategis", "permasalahan", "solusi", "program_pendukung", "inovasi",
                 "rencana_tindak_lanjut", "gambaran_umum"]


def kolom_teks(nama: str) -> list[str]:
    """The free-text columns of a file kind: type 'teks', no list of allowed values."""
    return [k.nama for k in BERKAS[nama].kolom if k.tipe == "teks" and not k.pilihan]


def _skema(relatif: str) -> str:
    return relatif.split("/", 1)[1] if relatif.startswith("20") else relatif


def _racuni(relatif: str, isi: str, mulai: int) -> tuple[str, int]:
    baris_judul = isi.splitlines()[0]
    pemisah = ";" if baris_judul.count(";") > baris_judul.count(",") else ","
    rows = list(csv.reader(io.StringIO(isi), delimiter=pemisah))
    judul, teks = rows[0], set(kolom_teks(_skema(relatif)))
    for row in rows[1:]:
        for i, kolom in enumerate(judul):
            if kolom in teks:
                row[i] = TEKS_JAHAT[mulai % len(TEKS_JAHAT)]
                mulai += 1
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah, lineterminator="\n").writerows(rows)
    return buf.getvalue(), mulai


SAMPUL_JAHAT = {"nama_kecamatan": "<script>alert(1)</script>",
                "kabupaten": '"><svg onload=alert(1)>'}


def isi_mini_jahat() -> dict:
    """The `ganti` of `tulis_mini`: every free-text cell and every narasi poisoned; the names
    on the cover are `SAMPUL_JAHAT`."""
    ganti, n = {}, 0
    for relatif, isi in BERKAS_MINI.items():
        if relatif.endswith(".csv"):
            ganti[relatif], n = _racuni(relatif, isi, n)
    rows = list(csv.reader(io.StringIO(ganti["2023/profil.csv"])))
    for kolom, nilai in SAMPUL_JAHAT.items():
        rows[1][rows[0].index(kolom)] = nilai
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    ganti["2023/profil.csv"] = buf.getvalue()
    for nama in BERKAS_NARASI:
        ganti[f"2023/narasi/{nama}.md"] = NARASI_JAHAT
    return ganti


def tulis_mini_jahat(root: Path, kecamatan: str = "contoh") -> Path:
    return tulis_mini(root, kecamatan, ganti=isi_mini_jahat())


# --- what the HTML does ------------------------------------------------------------------------

URL_ATRIBUT = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


class Pemeriksa(HTMLParser):
    """Collects what could run in a browser: script-like elements, on* attributes, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bahaya: list[str] = []
        self.teks: list[str] = []
        self.elemen: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elemen.append((tag, dict(attrs)))
        if tag in {"script", "iframe", "object", "embed", "frame", "frameset", "base", "form",
                   "meta", "link"} and tag not in getattr(self, "boleh", ()):
            self.bahaya.append(f"elemen <{tag}>")
        for nama, nilai in attrs:
            if nama.startswith("on"):
                self.bahaya.append(f"atribut {nama}={nilai!r} pada <{tag}>")
            if nama in URL_ATRIBUT and _url_skrip(nilai or ""):
                self.bahaya.append(f"URL {nama}={nilai[:60]!r} pada <{tag}>")
            if nama == "style" and "expression(" in (nilai or "").lower():
                self.bahaya.append(f"style {nilai!r} pada <{tag}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.teks.append(data)


def _url_skrip(url: str) -> bool:
    """javascript:, vbscript: or an HTML data: URL (whitespace and control chars ignored)."""
    bersih = "".join(c for c in url if c > " ").lower()
    if bersih.startswith(("javascript:", "vbscript:")):
        return True
    return bersih.startswith("data:") and not bersih.startswith(("data:image/png",
                                                                 "data:image/svg+xml",
                                                                 "data:image/jpeg"))


def periksa_html(html: str, boleh: tuple = ()) -> Pemeriksa:
    """Parse `html`; `boleh` lists elements the exporter itself is known to emit (e.g. meta)."""
    p = Pemeriksa()
    p.boleh = set(boleh)
    p.feed(html)
    p.close()
    return p
