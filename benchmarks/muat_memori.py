"""`make bench` (loader part): peak memory of `lkjip.muat.muat` on a large IKM survey.

Copies data/bantarbolang 2023 into a temporary folder, replaces its survey by N synthetic
respondents (``ikm_responden_sintetis.csv``, 13 columns, ~50 bytes a row), and loads it in a
fresh process per size, reading that process's peak resident memory (``ru_maxrss``) before
and after the load; then runs the whole ``lkjip check`` (load, compute with provenance, check)
in another fresh process. Issue 13 sets the target: under 500 MB at 100.000 respondents.

Environment (optional):
  LKJIP_BENCH_RESPONDEN="100000,345000"   the survey sizes measured

Prints one line per size and writes outputs/bench/muat_memori.csv. Nothing in the test suite
depends on these figures.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "outputs" / "bench"
TARGET_MB = 500
TARGET_N = 100_000
UKUR = """
import resource, sys
from lkjip.muat import muat
awal = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data = muat("bantarbolang", 2023, sys.argv[1])
puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(awal // 1024, puncak // 1024, len(data.ikm_responden))
"""
# `lkjip check` as a user runs it: load, compute, check, print (one process)
UKUR_CHECK = """
import resource, sys
from lkjip.cli import main
try:
    main(["check", "--kecamatan", "bantarbolang", "--tahun", "2023", "--data", sys.argv[1]])
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
"""


def tulis_survei(jalur: Path, n: int) -> None:
    """N respondents over two semesters, answers cycling 1–4 (any valid survey will do)."""
    judul = ("no,periode,tanggal,layanan,persyaratan,prosedur,waktu,biaya,produk,kompetensi,"
             "perilaku,sarana,pengaduan\n")
    with jalur.open("w", encoding="utf-8", newline="") as f:
        f.write(judul)
        for i in range(1, n + 1):
            semester = "S1" if i <= n // 2 else "S2"
            bulan = 3 if semester == "S1" else 9
            jawaban = ",".join(str((i + j) % 4 + 1) for j in range(9))
            f.write(f"{i},{semester},2023-{bulan:02d}-15,Rekomendasi,{jawaban}\n")


def ukur(n: int) -> dict:
    """Peak RSS (MB) of one fresh process loading the example with n respondents."""
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-muat-") as tmp:
        data = Path(tmp)
        shutil.copytree(ROOT / "data" / "bantarbolang", data / "bantarbolang")
        jalur = data / "bantarbolang" / "2023" / "ikm_responden_sintetis.csv"
        tulis_survei(jalur, n)
        ukuran = jalur.stat().st_size
        hasil = subprocess.run([sys.executable, "-c", UKUR, str(data)], capture_output=True,
                               text=True, cwd=ROOT)
        cek = subprocess.run([sys.executable, "-c", UKUR_CHECK, str(data)], capture_output=True,
                             text=True, cwd=ROOT)
    if hasil.returncode != 0:
        return {"responden": n, "mb_berkas": ukuran / 2**20, "awal": None, "puncak": None,
                "puncak_check": None, "galat": hasil.stderr.strip().splitlines()[-1][:200]}
    awal, puncak, dimuat = (int(x) for x in hasil.stdout.split())
    assert dimuat == n, (dimuat, n)
    return {"responden": n, "mb_berkas": ukuran / 2**20, "awal": awal, "puncak": puncak,
            "puncak_check": int(cek.stderr.strip().splitlines()[-1]), "galat": ""}


def _status(h: dict, kunci: str) -> str:
    if h["responden"] != TARGET_N:
        return ""
    return (" PASS" if h[kunci] < TARGET_MB else " FAIL") + f" (target < {TARGET_MB} MB)"


def main() -> None:
    ukuran = [int(x) for x in os.environ.get("LKJIP_BENCH_RESPONDEN", "100000,345000").split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    hasil = [ukur(n) for n in ukuran]
    print("Memori muat (puncak RSS satu proses, ru_maxrss):")
    for h in hasil:
        if h["puncak"] is None:
            print(f"  {h['responden']:>9,} responden ({h['mb_berkas']:.1f} MB): {h['galat']}")
            continue
        print(f"  {h['responden']:>9,} responden ({h['mb_berkas']:.1f} MB): muat: setelah impor "
              f"{h['awal']} MB, puncak {h['puncak']} MB{_status(h, 'puncak')}; lkjip check: "
              f"puncak {h['puncak_check']} MB{_status(h, 'puncak_check')}")
    with (OUT / "muat_memori.csv").open("w", newline="", encoding="utf-8") as f:
        tulis = csv.DictWriter(f, fieldnames=list(hasil[0]))
        tulis.writeheader()
        tulis.writerows(hasil)


if __name__ == "__main__":
    main()
