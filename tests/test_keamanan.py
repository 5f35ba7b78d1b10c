"""Security: hostile text is shown as text, CSV written for people cannot run formulas,
bad names never reach the disk, and a build writes only under its output folder.

Hostile text (`tests.racun.TEKS_JAHAT`) is rendered through every `lkjip.tampil` helper (fast),
and once through a real build of the mini kecamatan with hostile text in every free-text field
and narasi (the real chapter notebooks, if any, plus a fixture notebook that shows every table
and narasi as is). The HTML is parsed: no script element, event attribute or script URL may
come from data, and the hostile strings must be there as text.
"""

from __future__ import annotations

import base64
import builtins
import csv
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import matplotlib
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip import laporan, tampil
from lkjip.aman import netralkan_formula, tulis_csv
from lkjip.galat import LkjipError
from lkjip.muat import cek_nama, muat
from lkjip.parameter import cek_parameter
from tests.racun import (
    NARASI_JAHAT,
    PANJANG,
    SAMPUL_JAHAT,
    TEKS_JAHAT,
    periksa_html,
    tulis_mini_jahat,
)

matplotlib.use("Agg")

AKAR = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "notebooks"
TEKS = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _aman(html: str, boleh: tuple = ()) -> list[str]:
    return periksa_html(html, boleh).bahaya


def _teks(html: str) -> str:
    return "".join(periksa_html(html).teks)


# --- every tampil helper -------------------------------------------------------------------------

def _semua_helper(s: str) -> dict[str, str]:
    import matplotlib.pyplot as plt

    df = pd.DataFrame({s: [s, 1.5], "Nilai": ["87,87", s]}, index=[s, "b"])
    multi = pd.DataFrame([[s, s]], columns=pd.MultiIndex.from_tuples([(s, "a"), ("B", s)]))
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.set_title(s)  # data text drawn in the chart itself, as grafik.py draws names and labels
    ax.bar([s], [1], label=s)
    return {
        "tabel": tampil.tabel(df, "1.1", s, sumber=s, catatan=s).isi,
        "tabel indeks": tampil.tabel(df, "1.2", "T", indeks=True).isi,
        "tabel multiindex": tampil.tabel(multi, "1.3", "T").isi,
        "judul_bab": tampil.judul_bab("I", s).isi,
        "judul_bab tanpa nomor": tampil.judul_bab(None, s).isi,
        "subjudul": tampil.subjudul(s, tingkat=3).isi,
        "paragraf": tampil.paragraf(s).isi,
        "grafik": tampil.grafik(fig, "1.1", s, sumber=s).isi,
    }


# matplotlib writes drawn text into the SVG as an XML comment: text that would end it early
KOMENTAR_JAHAT = "--><script>alert(1)</script><!--"


@pytest.mark.parametrize("s", TEKS_JAHAT + [KOMENTAR_JAHAT], ids=lambda s: s[:20])
def test_tampil_menampilkan_teks_jahat_sebagai_teks(s):
    for helper, html in _semua_helper(s).items():
        assert _aman(html) == [], helper
        tampak = s.upper() if helper.startswith("judul_bab") else s  # chapter titles in caps
        assert tampak in _teks(html), helper
    assert s in periksa_html(tampil.grafik(_fig(), "1", s).isi).elemen[1][1]["alt"]


def _svg(html: str) -> str:
    """The SVG of a chart, from its data URI."""
    awal = html.index("data:image/svg+xml;base64,") + len("data:image/svg+xml;base64,")
    return base64.b64decode(html[awal:html.index('"', awal)]).decode("utf-8")


@pytest.mark.parametrize("s", TEKS_JAHAT + [KOMENTAR_JAHAT], ids=lambda s: s[:20])
def test_grafik_svg_dengan_teks_jahat_tetap_gambar(s):
    """Text drawn in a chart (title, bar name, legend) leaves the SVG well-formed, without
    script, event attribute, foreign content or link out, and never as raw markup."""
    svg = _svg(_semua_helper(s)["grafik"])
    akar = ElementTree.fromstring(svg)  # well-formed: the text did not break out
    for el in akar.iter():
        nama = el.tag.rsplit("}", 1)[-1].lower()
        assert nama not in ("script", "foreignobject", "iframe", "a"), nama
        for atribut, nilai in el.attrib.items():
            atribut = atribut.rsplit("}", 1)[-1].lower()
            assert not atribut.startswith("on"), (nama, atribut)
            if atribut == "href":
                assert nilai.startswith(("#", "data:image/png")), nilai
    if "<" in s:
        assert s not in svg


def _fig():
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(1, 1))[0]


@TEKS
@given(s=st.text(alphabet=st.sampled_from(list("<>&\"'=/ :;()[]!*_#`\\\n\t-+@aAsjv\u202e\x0b")),
                 max_size=60) | st.text(max_size=30))
def test_teks_apa_pun_tampil_utuh_dan_tanpa_markup(s):
    """Any text comes back, as text, from paragraf and a table cell (line breaks as <br>)."""
    for html in (tampil.paragraf(s).isi, tampil.tabel(pd.DataFrame({"k": [s]}), "1", "j").isi):
        p = periksa_html(html)
        assert p.bahaya == []
        dibuat = {t for t, _ in p.elemen}
        assert dibuat <= {"p", "br", "figure", "figcaption", "span", "table", "thead", "tbody",
                          "tr", "th", "td"}
    teks = _teks(tampil.paragraf(s).isi)
    assert teks == s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "") or \
        teks == s.replace("\n", "")


@pytest.mark.parametrize("md", [
    NARASI_JAHAT,
    "[a](javascript:alert(1))", "[a](JAVASCRIPT:alert(1))", "[a]( javascript:alert(1) )",
    "[a](java\nscript:alert(1))", "[a](&#106;avascript:alert(1))", "[a](java&#x09;script:x)",
    "[a](vbscript:x)", "[a](data:text/html,<script>alert(1)</script>)", "<javascript:alert(1)>",
    "![x](javascript:alert(1))", '[a](x "onclick=alert(1)")', "[a][r]\n\n[r]: javascript:alert(1)",
    "<scr<script>ipt>alert(1)</script>", "```html\n<script>alert(1)</script>\n```",
    "| a | <img src=x onerror=alert(1)> |\n|---|---|\n| <script>x</script> | b |",
    "<details open ontoggle=alert(1)>", "<a href='x' onmouseover='alert(1)'>x</a>",
], ids=lambda s: s[:25])
def test_markdown_tidak_meloloskan_html_mentah_atau_url_skrip(md):
    html = tampil.markdown(md).isi
    assert _aman(html) == []


@TEKS
@given(md=st.text(alphabet=st.sampled_from(list("<>&\"'=/ :()[]!*_#`\\\n-aijnoprstvx|")),
                  max_size=80))
def test_markdown_acak_tanpa_markup_berbahaya(md):
    assert _aman(tampil.markdown(md).isi) == []


# --- CSV for people ------------------------------------------------------------------------

@pytest.mark.parametrize("awal", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_netralkan_formula_memberi_apostrof(awal):
    assert netralkan_formula(awal + "1+1") == "'" + awal + "1+1"


def test_tulis_csv_menetralkan_teks_tetapi_bukan_angka(tmp_path):
    df = pd.DataFrame({"nama_desa": TEKS_JAHAT[:14], "jumlah": range(-7, 7),
                       "=kolom": [-1.5] * 14})
    jalur = tulis_csv(df, tmp_path / "keluar" / "desa.csv")
    with jalur.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["nama_desa", "jumlah", "'=kolom"]
    for (nama, jumlah, pecahan), asli, n in zip(rows[1:], TEKS_JAHAT, range(-7, 7), strict=False):
        assert nama == ("'" + asli if asli[0] in "=+-@" else asli)
        assert (jumlah, pecahan) == (str(n), "-1.5")
    assert [p.name for p in jalur.parent.iterdir()] == ["desa.csv"]  # no temp file left


# Modules that write lkjip *input* files (the data model, read back by `muat`), not tables for
# people: neutralising would turn a typed '-47.067.500' into text. Their text is their own.
PENULIS_DATA_MASUKAN = {"aman.py", "sintetis.py", "baru.py", "sintetis_triwulan.py"}


def test_paket_tidak_menulis_csv_tanpa_tulis_csv():
    """Every CSV the package writes for people goes through lkjip.aman (grep for writers)."""
    pelanggar = []
    for py in sorted((AKAR / "lkjip").glob("*.py")):
        if py.name in PENULIS_DATA_MASUKAN:
            continue
        for no, baris in enumerate(py.read_text(encoding="utf-8").splitlines(), start=1):
            if any(pola in baris for pola in (".to_csv(", "csv.writer(", "csv.DictWriter(",
                                              ".to_excel(")):
                pelanggar.append(f"{py.name}:{no}: {baris.strip()}")
    assert pelanggar == [], "tulis lewat lkjip.aman.tulis_csv:\n" + "\n".join(pelanggar)


# --- names that are not plain slugs or years ---------------------------------------------------

NAMA_BURUK = ["../x", "..", ".", "/etc", "/tmp/x", "a/b", "a\\b", "a\x00b", "", "ñandu",
              "-contoh", "contoh-", "contoh/../..", "~root", "$HOME", "*", "contoh;rm -rf"]
# spellings of an existing folder a user may type (issue 14): matched, ignoring case, spaces
# around and spaces for hyphens, against the folders listed; never used as a path themselves
NAMA_LONGGAR = {"A B": "a-b", "Contoh": "contoh", "contoh ": "contoh", " contoh": "contoh",
                "contoh\n": "contoh", "con toh": "con-toh", "CONTOH": "contoh"}
TAHUN_BURUK = ["", "23", "2023/../..", "../2023", "2023\x00", "20233", "1899", "2100", "-1",
               "2023\n", " 2023", "２０２３", "20٢٣", None, True, 2023.0, "2023.0", "0x7e7"]


class _Disentuh(Exception):
    pass


@contextmanager
def tanpa_disk():
    """Within: any file-system access fails loudly (with an exception that is not LkjipError)."""
    def larang(*a, **k):
        raise _Disentuh(a[:2])
    with pytest.MonkeyPatch.context() as mp:
        for nama in ("open", "read_bytes", "read_text", "write_bytes", "write_text", "is_dir",
                     "is_file", "exists", "iterdir", "glob", "mkdir", "stat", "resolve", "touch",
                     "unlink"):
            mp.setattr(Path, nama, larang)
        for modul, nama in ((os, "replace"), (os, "rename"), (os, "mkdir"), (os, "makedirs"),
                            (os, "listdir"), (os, "scandir"), (os, "stat"), (tempfile, "mkdtemp"),
                            (tempfile, "mkstemp"), (shutil, "rmtree"), (builtins, "open")):
            mp.setattr(modul, nama, larang)
        yield


def _ditolak(fungsi, *args, **kwargs) -> LkjipError:
    with tanpa_disk():
        try:
            fungsi(*args, **kwargs)
        except LkjipError as e:
            return e
    raise AssertionError("tidak ditolak")


@pytest.mark.parametrize("kecamatan", NAMA_BURUK, ids=repr)
def test_kecamatan_buruk_ditolak_sebelum_disentuh(kecamatan):
    assert "parameter `kecamatan`" in str(_ditolak(muat, kecamatan, 2023, "/tidak/ada"))
    e = _ditolak(laporan.bangun, kecamatan, 2023, data_dir="/d", out_dir="/o", notebooks_dir="/n")
    assert "parameter `kecamatan`" in str(e)


@pytest.mark.parametrize("kecamatan", NAMA_LONGGAR, ids=repr)
def test_ejaan_longgar_dicocokkan_dengan_folder_yang_ada(kecamatan, tmp_path):
    for nama in ("contoh", "a-b", "con-toh"):
        (tmp_path / nama / "2023").mkdir(parents=True)
    assert cek_parameter(kecamatan, 2023, tmp_path)[0] == NAMA_LONGGAR[kecamatan]
    (tmp_path / "contoh").rename(tmp_path / "lain")
    if NAMA_LONGGAR[kecamatan] == "contoh":  # no folder matches: refused, naming those there
        with pytest.raises(LkjipError, match="a-b, con-toh, lain"):
            cek_parameter(kecamatan, 2023, tmp_path)


@pytest.mark.parametrize("tahun", TAHUN_BURUK, ids=repr)
def test_tahun_buruk_ditolak_sebelum_disentuh(tahun):
    assert "parameter `tahun`" in str(_ditolak(muat, "contoh", tahun, "/tidak/ada"))
    e = _ditolak(laporan.bangun, "contoh", tahun, data_dir="/d", out_dir="/o", notebooks_dir="/n")
    assert "parameter `tahun`" in str(e)


def test_nama_baik_diterima():
    assert cek_nama("bantar-bolang2", "2023") == 2023 and cek_nama("x1", 1999) == 1999


def test_batch_nama_buruk_tidak_menyentuh_disk(tmp_path):
    hasil = laporan.bangun_banyak([("../x", 2023), ("contoh", "../2023")], data_dir=tmp_path,
                                  out_dir=tmp_path / "keluar", notebooks_dir=tmp_path)
    assert [h.ok for h in hasil] == [False, False]
    assert list(tmp_path.iterdir()) == []


# --- one real build of hostile data ---------------------------------------------------------------

def _sidik(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def laporan_jahat(tmp_path_factory):
    """The mini kecamatan poisoned, built once with the real chapters (if any) + the fixture
    that shows every table and narasi as is. Returns (files, html, snapshots before/after)."""
    akar = tmp_path_factory.mktemp("jahat")
    data_dir = tulis_mini_jahat(akar / "data")
    bab = akar / "notebooks"
    bab.mkdir()
    for nb in sorted((AKAR / "notebooks").glob(laporan.POLA_BAB)):
        shutil.copy(nb, bab / nb.name)
    shutil.copy(FIXTURE / "laporan_data" / "00_semua_teks.ipynb", bab / "99_semua_teks.ipynb")
    sebelum = {"data": _sidik(data_dir), "notebooks": _sidik(bab)}
    isi_akar = sorted(p.name for p in akar.iterdir())
    berkas = laporan.bangun("contoh", 2023, data_dir=data_dir, out_dir=akar / "keluar",
                            notebooks_dir=bab)
    sesudah = {"data": _sidik(data_dir), "notebooks": _sidik(bab)}
    return berkas, berkas.html.read_text(encoding="utf-8"), (sebelum, sesudah), akar, isi_akar


def test_laporan_jahat_tanpa_skrip_atribut_peristiwa_atau_url_skrip(laporan_jahat):
    _, html, *_ = laporan_jahat
    assert _aman(html, boleh=("meta",)) == []
    assert "<script" not in html.lower()


def test_laporan_jahat_menampilkan_teks_sebagai_teks(laporan_jahat):
    _, html, *_ = laporan_jahat
    teks = _teks(html)
    for s in TEKS_JAHAT:
        assert s in teks, s[:40]
    assert PANJANG in teks


def test_sampul_dari_data_jahat_diloloskan(laporan_jahat):
    """The cover and <title> (exporter template, from the kecamatan's profil) show it as text."""
    from bs4 import BeautifulSoup

    _, html, *_ = laporan_jahat
    soup = BeautifulSoup(html, "html.parser")
    nama, kabupaten = SAMPUL_JAHAT["nama_kecamatan"], SAMPUL_JAHAT["kabupaten"]
    assert nama in soup.title.get_text()
    sampul = soup.select_one("section.lk-sampul").get_text()
    assert f"KECAMATAN {nama.upper()}" in sampul and kabupaten.upper() in sampul


def test_bangun_hanya_menulis_di_folder_keluaran(laporan_jahat):
    berkas, _, (sebelum, sesudah), akar, isi_akar = laporan_jahat
    assert sebelum == sesudah  # data and notebooks untouched
    assert sorted(p.name for p in akar.iterdir()) == sorted(isi_akar + ["keluar"])
    keluar = sorted(str(p.relative_to(akar / "keluar")) for p in (akar / "keluar").rglob("*"))
    assert keluar == ["contoh", "contoh/2023",
                      "contoh/2023/lkjip_contoh_2023.docx", "contoh/2023/lkjip_contoh_2023.html",
                      "contoh/2023/lkjip_contoh_2023.ipynb", "contoh/2023/lkjip_contoh_2023.pdf"]
    assert berkas.pdf.read_bytes().startswith(b"%PDF")
