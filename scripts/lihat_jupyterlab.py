"""Open a chapter notebook in real JupyterLab, in Debian's Chromium, run it, take screenshots.

What an analyst sees, checked by a person (issue 14): the notebook opens unmodified (no dirty
mark on its tab), the parameters sit under "Parameter — ubah di sini", and after Run All the
report tables keep the report's look (text columns left, numbers right, header shading, a
differing stated figure highlighted). The script prints what it measured and writes PNGs to
look at; it is not part of `make test` (it needs a browser and takes a minute).

    python3 -m venv /tmp/pw && /tmp/pw/bin/pip install playwright   # no browser download
    /tmp/pw/bin/python scripts/lihat_jupyterlab.py [--venv .venv] [--keluar outputs/lihat]

It makes a fresh workspace with ``lkjip init`` (so it also shows the installed notebooks),
starts ``jupyter lab`` from the project venv on a free local port (``--allow-root``: the
machine runs as root), drives /usr/bin/chromium headless with Playwright, and stops both.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGUMEN_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--no-first-run"]
BAB = "notebooks/03_bab3_akuntabilitas.ipynb"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_server(url: str, batas: float = 120) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"jupyter lab tidak menjawab di {url}")


def mulai_lab(venv: Path, ruang: Path, port: int, token: str) -> subprocess.Popen:
    args = [str(venv / "bin" / "jupyter"), "lab", "--no-browser", "--allow-root",
            f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={ruang}", "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = open(ruang.parent / "jupyterlab.log", "w")  # kept open for the server
    return subprocess.Popen(args, cwd=ruang, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def _tab_kotor(page) -> bool:
    return page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count() > 0


def _gaya_tabel(page) -> dict:
    """Computed style of Tabel 3.2's cells as the browser applies it."""
    return page.evaluate("""() => {
        const t = document.querySelector('#tabel-3-2');
        if (!t) return null;
        const teks = t.querySelector('tbody td:not(.lk-angka)');
        const angka = t.querySelector('tbody td.lk-angka');
        const th = t.querySelector('thead th');
        const beda = document.querySelector('td.lk-beda');
        const s = el => el ? getComputedStyle(el) : null;
        return {teks_align: s(teks).textAlign, angka_align: s(angka).textAlign,
                th_bg: s(th).backgroundColor, td_border: s(teks).borderTopStyle,
                baris_ganjil_bg: s(t.querySelector('tbody tr')).backgroundColor,
                beda_bg: beda ? s(beda).backgroundColor : null};
    }""")


def lihat(venv: Path, keluar: Path) -> dict:
    from playwright.sync_api import sync_playwright

    keluar.mkdir(parents=True, exist_ok=True)
    akar = Path(tempfile.mkdtemp(prefix="lihat-lab-"))
    ruang = akar / "ruang"
    subprocess.run([str(venv / "bin" / "lkjip"), "init", str(ruang)], check=True)
    port, token = _port_bebas(), secrets.token_hex(16)
    lab = mulai_lab(venv, ruang, port, token)
    hasil: dict = {"ruang": str(ruang)}
    try:
        _tunggu_server(f"http://127.0.0.1:{port}/api/status?token={token}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/lab/tree/{BAB}?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
            page.wait_for_selector(".jp-StatusBar-TextItem:has-text('| Idle')",
                                   timeout=120_000)  # the kernel is up and has answered
            time.sleep(2)  # let the kernel's info reply update the metadata, if it would
            if page.locator("button:text-is('No')").count():  # "notified about Jupyter news?"
                page.click("button:text-is('No')")
            hasil["kotor_saat_dibuka"] = _tab_kotor(page)
            page.screenshot(path=str(keluar / "1_dibuka.png"))
            page.click(".lm-MenuBar-itemLabel:text-is('Run')", timeout=10_000)
            page.click(".lm-Menu-itemLabel:text-is('Run All Cells')", timeout=10_000)
            page.wait_for_selector("#tabel-3-2", timeout=180_000)
            page.wait_for_selector(".jp-StatusBar-TextItem:has-text('| Idle')",
                                   timeout=180_000)
            time.sleep(1)
            hasil["galat_sel"] = page.locator(".jp-OutputArea-output[data-mime-type*="
                                              "'error']").count()
            hasil["gaya_tabel_3_2"] = _gaya_tabel(page)
            tabel = page.locator("#tabel-3-2")
            tabel.evaluate("e => e.scrollIntoView({block: 'start'})")
            time.sleep(2)  # JupyterLab renders the cells scrolled to a moment later
            page.screenshot(path=str(keluar / "2_tabel_3_2.png"))
            tabel.screenshot(path=str(keluar / "3_tabel_3_2_dekat.png"))
            browser.close()
    finally:
        os.killpg(lab.pid, 15)
        lab.wait(timeout=30)
    return hasil


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=Path(".venv"))
    parser.add_argument("--keluar", type=Path, default=Path("outputs/lihat"))
    a = parser.parse_args()
    hasil = lihat(a.venv.resolve(), a.keluar.resolve())
    print(json.dumps(hasil, indent=1))
    gaya = hasil.get("gaya_tabel_3_2") or {}
    ok = (not hasil["kotor_saat_dibuka"] and hasil["galat_sel"] == 0
          and gaya.get("teks_align") in ("left", "start") and gaya.get("angka_align") == "right")
    print("OK" if ok else "BERBEDA: lihat gambar di " + str(a.keluar))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
