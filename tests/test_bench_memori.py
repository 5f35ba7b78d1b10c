"""`make bench`'s memory accounting (benchmarks/run.py): a process the workers share counts."""

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_bagi_memori_proses_bersama_dibagi_per_pekerja():
    bagi_memori = _run().bagi_memori
    # batch 10 (80 MB) with workers 20 and 30; worker 20 has a kernel (100) and a child (120),
    # worker 30 a kernel (90) and its own browser (200) with a renderer (150); the batch's
    # print service 40 (60) with its browser 41 (300). Shared = 60 + 300 = 360, 180 a worker:
    # worker 20: 200 + 100 + 120 + 180 = 600; worker 30: 190 + 90 + 200 + 150 + 180 = 810.
    pohon = {10: (1, 80), 20: (10, 200), 21: (20, 100), 22: (20, 120), 30: (10, 190),
             31: (30, 90), 32: (30, 200), 33: (32, 150), 40: (10, 60), 41: (40, 300)}
    hasil = bagi_memori(pohon, 10, {20, 30}, 2)
    assert hasil == {"pekerja": {20: 600.0, 30: 810.0}, "bersama": 360, "induk": 80,
                     "pohon": 80 + 420 + 630 + 360}


SKRIP = """
import multiprocessing as mp, subprocess, sys, time
if __name__ == "__main__":
    layanan = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    pekerja = [mp.get_context("spawn").Process(target=time.sleep, args=(60,)) for _ in range(2)]
    for p in pekerja:
        p.start()
    print("siap", flush=True)
    time.sleep(60)
"""


def _catat_dua_pekerja(run, proses):
    """`run.PencatatMemori` on the tree of `proses` (once it printed 'siap') until it has
    sampled two workers, or 30 s."""
    assert proses.stdout.readline().strip() == "siap"
    pencatat = run.PencatatMemori(proses.pid, jobs=2)
    pencatat.start()
    akhir = time.monotonic() + 30
    while time.monotonic() < akhir and len({s[1] for s in pencatat.sampel}) < 2:
        time.sleep(0.1)
    pencatat.berhenti.set()
    pencatat.join()
    return pencatat


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS: Linux")
def test_pencatat_menghitung_layanan_bersama(tmp_path):
    """A real tree: the batch process, two spawn workers and a third child they share."""
    pytest.importorskip("psutil")
    run = _run()
    proses = subprocess.Popen([sys.executable, "-c", SKRIP], stdout=subprocess.PIPE, text=True)
    try:
        pencatat = _catat_dua_pekerja(run, proses)
    finally:
        proses.kill()
        proses.wait()
    detik, pekerja, per_pekerja, bersama, induk, pohon = pencatat.sampel[-1]
    assert len({s[1] for s in pencatat.sampel}) == 2  # both workers, not the shared child
    assert bersama > 0 and induk > 0  # the shared python child is neither a worker nor the batch
    assert per_pekerja > bersama / 2
    sampel = [s for s in pencatat.sampel if s[0] == detik]
    # the tree = the batch + each worker's own + the shared part once
    assert pohon == pytest.approx(induk + sum(s[2] for s in sampel), abs=1)


SKRIP_ZIGOT = """
import ctypes, os, time
# the batch (this process) with a shared child, the zygote, which forks two workers named as
# lkjip.zigot names a pool worker it forked (PR_SET_NAME) and a third child (a kernel)
if os.fork() == 0:
    for nama in (b"lkjip-pekerja", b"lkjip-pekerja", b"python"):
        if os.fork() == 0:
            ctypes.CDLL(None).prctl(15, nama)
            isi = bytearray(20 << 20)
            isi[::4096] = b"x" * len(range(0, 20 << 20, 4096))  # 20 MB of its own
            time.sleep(60)
            os._exit(0)
    time.sleep(60)
    os._exit(0)
print("siap", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS, PR_SET_NAME: Linux")
def test_pencatat_menemukan_pekerja_yang_dicabangkan_zigot():
    """Workers the batch's zygote forked (grandchildren named lkjip-pekerja) are the workers;
    the zygote and its other child are shared."""
    pytest.importorskip("psutil")
    run = _run()
    proses = subprocess.Popen([sys.executable, "-c", SKRIP_ZIGOT], stdout=subprocess.PIPE,
                              text=True)
    try:
        pencatat = _catat_dua_pekerja(run, proses)
        import psutil

        cucu = {p.pid: p.name() for p in psutil.Process(proses.pid).children(recursive=True)}
    finally:
        proses.kill()
        proses.wait()
    pekerja = {s[1] for s in pencatat.sampel}
    assert len(pekerja) == 2 and {cucu[p] for p in pekerja} == {"lkjip-pekerja"}
    detik, _, per_pekerja, bersama, induk, pohon = pencatat.sampel[-1]
    sampel = [s for s in pencatat.sampel if s[0] == detik]
    assert bersama > 20 << 20  # the zygote and its third child (~20 MB written) are shared
    assert pohon == pytest.approx(induk + sum(s[2] for s in sampel), abs=1)
