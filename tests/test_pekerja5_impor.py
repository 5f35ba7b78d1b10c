"""What a build's process imports only when used (issue 15): soupsieve, BeautifulSoup's CSS
selector engine, which the export never calls."""

import os
import subprocess
import sys
import textwrap


def _di_proses_baru(kode: str) -> str:
    hasil = subprocess.run([sys.executable, "-c", textwrap.dedent(kode)], capture_output=True,
                           text=True, timeout=180, env=dict(os.environ))
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


def test_ekspor_tanpa_soupsieve_dan_select_tetap_jalan():
    # the reader's HTML of a notebook with a heading, made as a build makes it, imports no
    # soupsieve; a selector asked afterwards imports it and finds what find_all finds
    keluar = _di_proses_baru("""
        import sys
        from lkjip.bangun.jalankan import lewati_rfc3987, tunda_impor
        lewati_rfc3987()
        tunda_impor()
        import nbformat
        from bs4 import BeautifulSoup
        from lkjip.ekspor import html_dan_pembaca
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Bab I")])
        html, _ = html_dan_pembaca(nb, False)
        print("soupsieve.css_parser" in sys.modules)
        soup = BeautifulSoup(html, "html.parser")
        print([h.get_text() for h in soup.select("h1#Bab-I")] ==
              [h.get_text() for h in soup.find_all("h1", id="Bab-I")] != [])
        print("soupsieve.css_parser" in sys.modules, type(sys.modules["soupsieve"]).__name__)
    """)
    assert keluar.splitlines() == ["False", "True", "True module"]
