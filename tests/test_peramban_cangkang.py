"""Chromium's headless shell prints before the browser (`lkjip.peramban.CALON`, issue 15): the
same PDFs from less memory. Which program `cari` picks, and that both give the same pages."""

import shutil
import subprocess
from pathlib import Path

import pytest

from lkjip import peramban


def _program(folder: Path, nama: str) -> Path:
    jalur = folder / nama
    jalur.write_text("#!/bin/sh\nexit 0\n")
    jalur.chmod(0o755)
    return jalur


@pytest.fixture
def path_sendiri(tmp_path, monkeypatch):
    """A PATH of one empty folder; no LKJIP_PERAMBAN or LKJIP_PDF; `CALON` without Debian's
    absolute path of the headless shell (installed on this machine, it would win every test)."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(peramban, "CALON", peramban.CALON[1:])
    monkeypatch.delenv("LKJIP_PERAMBAN", raising=False)
    monkeypatch.delenv("LKJIP_PDF", raising=False)
    monkeypatch.setattr(peramban.sys, "platform", "linux")
    return tmp_path


def test_cangkang_didahulukan(path_sendiri):
    _program(path_sendiri, "chromium")
    cangkang = _program(path_sendiri, "chromium-headless-shell")
    assert peramban.cari() == str(cangkang)


def test_program_debian_bukan_skripnya(path_sendiri, monkeypatch):
    """Debian's /usr/bin/chromium-headless-shell runs the program as its child (no exec): the
    program itself is taken, so that killing the browser kills the browser."""
    program = _program(path_sendiri, "program-cangkang")
    _program(path_sendiri, "chromium-headless-shell")
    monkeypatch.setattr(peramban, "CALON", (str(program), *peramban.CALON))
    assert peramban.cari() == str(program)


def test_tanpa_cangkang_peramban_biasa(path_sendiri):
    assert peramban.cari() is None
    chromium = _program(path_sendiri, "chromium")
    assert peramban.cari() == str(chromium)


def test_cangkang_chrome_for_testing(path_sendiri):
    _program(path_sendiri, "google-chrome")
    cangkang = _program(path_sendiri, "chrome-headless-shell")
    assert peramban.cari() == str(cangkang)


def test_pilihan_pengguna_tetap_menang(path_sendiri, monkeypatch):
    _program(path_sendiri, "chromium-headless-shell")
    chromium = _program(path_sendiri, "chromium")
    monkeypatch.setenv("LKJIP_PERAMBAN", "chromium")
    assert peramban.cari() == str(chromium)
    monkeypatch.setenv("LKJIP_PDF", "weasyprint")
    assert peramban.cari() is None


# a page of text, a table that breaks across pages with its header repeated, an SVG: what the
# report's prints hold
_DOKUMEN = (
    "<html><head><style>@page { size: A4; margin: 2cm; } body { font-family: 'DejaVu Sans'; } "
    "th, td { border: 1px solid #444; padding: 2px 4px; }</style></head><body>"
    "<h1>BAB I PENDAHULUAN</h1><p>" + "Capaian kinerja Kecamatan Bantarbolang. " * 40 + "</p>"
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120">'
    '<rect x="10" y="10" width="120" height="100" fill="#4472c4"/>'
    '<text x="150" y="60" font-size="14">Realisasi 98,76 %</text></svg>'
    "<table><thead><tr><th>No</th><th>Indikator</th><th>Target</th></tr></thead><tbody>"
    + "".join(f"<tr><td>{n}</td><td>Indikator {n}</td><td>{n * 3},5 %</td></tr>"
              for n in range(1, 90))
    + "</tbody></table></body></html>")


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromium-headless-shell")
                         and shutil.which("pdftoppm")),
                    reason="chromium dan chromium-headless-shell tidak keduanya terpasang")
def test_cangkang_dan_peramban_mencetak_halaman_sama(tmp_path):
    """The shell's print and the browser's, of the same document, give the same pages, pixel
    for pixel (as the report's do: `make bench`'s 14 built with each, PDFs byte-identical)."""
    halaman = {}
    for nama in ("chromium", "chromium-headless-shell"):
        p = peramban.Peramban(shutil.which(nama), peramban.bendera_layanan(2))
        try:
            pdf = tmp_path / f"{nama}.pdf"
            pdf.write_bytes(p.cetak(_DOKUMEN))
        finally:
            p.tutup()
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / nama)],
                       check=True)
        halaman[nama] = [f.read_bytes() for f in sorted(tmp_path.glob(f"{nama}-*.png"))]
    assert len(halaman["chromium"]) >= 3
    assert halaman["chromium"] == halaman["chromium-headless-shell"]


@pytest.mark.parametrize("nama", [n for n in ("chromium-headless-shell", "chromium")
                                  if shutil.which(n)])
def test_tab_di_bawah_tinggi_layar(nama):
    """Every browser's tab has a viewport below `TINGGI_LAYAR` (`UKURAN_TAB`; the shell's own
    is 600 px high), so none lays a print out unpaginated first."""
    p = peramban.Peramban(shutil.which(nama), peramban.bendera_layanan(2))
    try:
        tinggi = p._utama._kirim("Runtime.evaluate", {"expression": "innerHeight",
                                                      "returnByValue": True})["result"]["value"]
    finally:
        p.tutup()
    assert 0 < tinggi <= peramban.TINGGI_LAYAR
