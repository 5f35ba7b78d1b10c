"""`make bench`: lkjip against the plain papermill + nbconvert chain, both measured in this run.

Prints four figures, their ratios and PASS/FAIL per target of issue 6, and writes
outputs/bench/*.csv and outputs/bench/bench.png:

1. one report, whole process, HTML + PDF: ``lkjip build`` against the plain chain (papermill
   CLI, then ``jupyter nbconvert --to html`` CLI, per chapter notebook, then the same
   WeasyPrint PDF step on the joined chapter HTML), median of ULANG runs each;
2. a batch of N kecamatan (``lkjip batch --jobs 2``): wall time per report, against the plain
   chain run sequentially (on RANTAI of the N, extrapolated per report: said in the printout);
3. the floor (kernel start + imports + the report's cells + one export, in a warm process) and
   the batch's time per report as a multiple of it;
4. a batch of N_BESAR kecamatan: time per report against batch 2, and peak memory (RSS) of the
   pool workers and of their kernels, sampled with psutil.

Environment (all optional):
  LKJIP_BENCH_N="14,200"   the two batch sizes
  LKJIP_BENCH_ULANG=5      runs of the one-report comparison (median)
  LKJIP_BENCH_RANTAI=3     kecamatan of the batch the plain chain is run on
  LKJIP_BENCH_BAB=contoh   chapter set: ``contoh`` (tests/fixtures/notebooks/laporan_contoh,
                           the machinery with little content) or ``nyata`` (notebooks/, the
                           real 60-page report; one PDF then costs ~15 s, so use small N)
Synthetic kecamatan come from ``lkjip sintetis --jumlah N``; the one-report comparison uses
data/bantarbolang 2023. Nothing in the test suite depends on these timings.
"""

from __future__ import annotations

import csv
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUT = ROOT / "outputs" / "bench"
TAHUN = 2023
JOBS = 2
BAB = {"contoh": ROOT / "tests" / "fixtures" / "notebooks" / "laporan_contoh",
       "nyata": ROOT / "notebooks"}


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


N_KECIL, N_BESAR = (int(x) for x in _env("LKJIP_BENCH_N", "14,200").split(","))
ULANG = int(_env("LKJIP_BENCH_ULANG", "5"))
RANTAI = int(_env("LKJIP_BENCH_RANTAI", "3"))
NAMA_BAB = _env("LKJIP_BENCH_BAB", "contoh")
NB_DIR = BAB[NAMA_BAB]
# target 5 is about the notebooks analysts open: the real ones when they exist
BAB_JUPYTERLAB = BAB["nyata"] if list(BAB["nyata"].glob("0*_*.ipynb")) else NB_DIR


# ---------------------------------------------------------------- running things


def jalankan(cmd: list, env: dict | None = None) -> float:
    """Seconds of one whole-process command; it must succeed."""
    t = time.perf_counter()
    hasil = subprocess.run([str(c) for c in cmd], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    if hasil.returncode != 0:
        raise SystemExit(f"gagal ({hasil.returncode}): {' '.join(map(str, cmd))}\n"
                         f"{hasil.stderr[-2000:]}")
    return time.perf_counter() - t


def env_lkjip() -> dict:
    return {**os.environ, "LKJIP_NOTEBOOKS": str(NB_DIR)}


def lkjip_build(kecamatan: str, data: Path, out: Path) -> float:
    return jalankan([BIN / "lkjip", "build", "--kecamatan", kecamatan, "--tahun", TAHUN,
                     "--data", data, "--out", out], env_lkjip())


def rantai_polos(kecamatan: str, data: Path, kerja: Path) -> float:
    """The plain chain for one report: papermill CLI + nbconvert CLI per chapter, then PDF."""
    kerja.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    halaman = []
    for bab in sorted(NB_DIR.glob("0*_*.ipynb")):
        hasil = kerja / bab.name
        jalankan([BIN / "papermill", bab, hasil, "-k", "python3", "--cwd", NB_DIR,
                  "-p", "kecamatan", kecamatan, "-p", "tahun", TAHUN, "-p", "data_dir", data])
        jalankan([BIN / "jupyter", "nbconvert", "--to", "html", hasil])
        halaman.append(hasil.with_suffix(".html"))
    jalankan([sys.executable, ROOT / "benchmarks" / "rantai.py", kerja / "laporan.pdf", *halaman])
    return time.perf_counter() - t


def sintetis(jumlah: int, out: Path) -> Path:
    jalankan([BIN / "lkjip", "sintetis", "--jumlah", jumlah, "--out", out])
    return out


# ---------------------------------------------------------------- memory


class PencatatMemori(threading.Thread):
    """Samples the RSS of a batch's pool workers and of their kernels (psutil), every 0.25 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.sampel, self.berhenti = pid, [], threading.Event()

    def run(self) -> None:
        import psutil

        induk = psutil.Process(self.pid)
        mulai = time.perf_counter()
        while not self.berhenti.wait(0.25):
            try:
                self._catat(induk, time.perf_counter() - mulai)
            except psutil.Error:
                continue

    def _catat(self, induk, detik: float) -> None:
        for pekerja in induk.children():
            if "spawn_main" not in " ".join(pekerja.cmdline()):
                continue
            kernel = sum(k.memory_info().rss for k in pekerja.children(recursive=True))
            self.sampel.append((detik, pekerja.pid, pekerja.memory_info().rss, kernel))


def lkjip_batch(data: Path, out: Path) -> tuple[float, int, PencatatMemori]:
    """Whole-process `lkjip batch --jobs 2`: seconds, reports built, memory samples."""
    cmd = [BIN / "lkjip", "batch", "--tahun", TAHUN, "--jobs", JOBS, "--data", data,
           "--out", out]
    t = time.perf_counter()
    ringkasan = open(OUT / f"batch_{out.name}.txt", "w", encoding="utf-8")
    proses = subprocess.Popen([str(c) for c in cmd], env=env_lkjip(),
                              stdout=ringkasan, stderr=subprocess.DEVNULL)
    pencatat = PencatatMemori(proses.pid)
    pencatat.start()
    proses.wait()
    detik = time.perf_counter() - t
    ringkasan.close()  # the batch's summary table, failures and why
    pencatat.berhenti.set()
    pencatat.join()
    return detik, len(list(out.glob(f"*/{TAHUN}/*.pdf"))), pencatat


def puncak_mb(pencatat: PencatatMemori, awal: float = 0.0, akhir: float = 1e9) -> dict:
    sampel = [s for s in pencatat.sampel if awal <= s[0] < akhir] or [(0, 0, 0, 0)]
    mb = 1024 * 1024
    return {"pekerja": max(s[2] for s in sampel) / mb, "kernel": max(s[3] for s in sampel) / mb,
            "pekerja_dan_kernel": max(s[2] + s[3] for s in sampel) / mb}


# ---------------------------------------------------------------- the floor


def lantai(data: Path) -> dict:
    hasil = subprocess.run([sys.executable, ROOT / "benchmarks" / "lantai.py", NB_DIR, data,
                            "bantarbolang", str(TAHUN), "3", BAB_JUPYTERLAB],
                           capture_output=True, text=True, check=True)
    import json

    return json.loads(hasil.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report


def tulis_csv(nama: str, kepala: list[str], baris: list) -> None:
    with open(OUT / nama, "w", newline="", encoding="utf-8") as f:
        penulis = csv.writer(f)
        penulis.writerow(kepala)
        penulis.writerows(baris)


def grafik(batang: dict[str, float]) -> None:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.barh(list(batang), list(batang.values()), color="#1f77b4")
    for i, v in enumerate(batang.values()):
        ax.text(v, i, f" {v:.2f} s", va="center")
    ax.set_xlabel("detik per laporan (median, mesin 2 inti)")
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(OUT / "bench.png", dpi=120)


def _lulus(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    kerja = Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    data_contoh = ROOT / "data"
    print(f"lkjip bench: bab {NAMA_BAB} ({NB_DIR.relative_to(ROOT)}), N={N_KECIL},{N_BESAR}, "
          f"ulang={ULANG}, jobs={JOBS}, {os.cpu_count()} CPU, "
          f"beban awal {os.getloadavg()[0]:.2f}; kerja {kerja}")

    # 1. one report, whole process
    lk = [lkjip_build("bantarbolang", data_contoh, kerja / f"satu-{i}") for i in range(ULANG)]
    rp = [rantai_polos("bantarbolang", data_contoh, kerja / f"rantai-{i}") for i in range(ULANG)]
    lk1, rp1 = statistics.median(lk), statistics.median(rp)
    tulis_csv("satu_laporan.csv", ["run", "lkjip_build_s", "rantai_polos_s"],
              [(i + 1, f"{a:.3f}", f"{b:.3f}")
               for i, (a, b) in enumerate(zip(lk, rp, strict=True))])
    print(f"\n(1) satu laporan, proses utuh, HTML + PDF (median {ULANG} kali):\n"
          f"    lkjip build {lk1:.2f} s | rantai polos {rp1:.2f} s | rasio {rp1 / lk1:.1f}x")

    # 2. a batch of N_KECIL
    d_kecil = sintetis(N_KECIL, kerja / "data-kecil")
    b_kecil, jadi_kecil, mem_kecil = lkjip_batch(d_kecil, kerja / "batch-kecil")
    per_kecil = b_kecil / N_KECIL
    nama = sorted(p.name for p in d_kecil.iterdir() if p.is_dir())[:RANTAI]
    rp_batch = [rantai_polos(k, d_kecil, kerja / f"rantai-batch-{k}") for k in nama]
    rp_per = statistics.median(rp_batch)
    print(f"\n(2) batch {N_KECIL} kecamatan, --jobs {JOBS}: {b_kecil:.1f} s "
          f"({jadi_kecil}/{N_KECIL} laporan jadi) = {per_kecil:.2f} s per laporan\n"
          f"    rantai polos berurutan: median {rp_per:.2f} s per laporan, diukur pada "
          f"{len(nama)} dari {N_KECIL} kecamatan lalu DIEKSTRAPOLASI ke {N_KECIL} "
          f"({rp_per * N_KECIL:.0f} s)\n    rasio {rp_per / per_kecil:.1f}x per laporan")

    # 3. the floor
    hasil_lantai = lantai(data_contoh)
    komponen = {k: statistics.median(r[k] for r in hasil_lantai["lantai"])
                for k in ("kernel", "impor", "sel", "ekspor")}
    lt = statistics.median(sum(r.values()) for r in hasil_lantai["lantai"])
    print(f"\n(3) lantai (proses hangat, median 3): {lt:.2f} s = "
          + " + ".join(f"{k} {v:.2f}" for k, v in komponen.items())
          + f"\n    batch {N_KECIL}: {per_kecil:.2f} s per laporan = {per_kecil / lt:.2f}x lantai")

    # 4. a batch of N_BESAR
    d_besar = sintetis(N_BESAR, kerja / "data-besar")
    b_besar, jadi_besar, mem_besar = lkjip_batch(d_besar, kerja / "batch-besar")
    per_besar = b_besar / N_BESAR
    m_kecil, m_besar = puncak_mb(mem_kecil), puncak_mb(mem_besar)
    # growth: the middle third against the last (the first holds the workers' start-up)
    awal = puncak_mb(mem_besar, b_besar / 3, 2 * b_besar / 3)
    akhir = puncak_mb(mem_besar, 2 * b_besar / 3)
    print(f"\n(4) batch {N_BESAR} kecamatan: {b_besar:.1f} s ({jadi_besar}/{N_BESAR} jadi) = "
          f"{per_besar:.2f} s per laporan = {per_besar / per_kecil:.2f}x batch {N_KECIL}\n"
          f"    puncak RSS (psutil, sampel 0,25 s): proses pekerja {m_besar['pekerja']:.0f} MB,"
          f" kernelnya {m_besar['kernel']:.0f} MB, pekerja + kernel "
          f"{m_besar['pekerja_dan_kernel']:.0f} MB (batch {N_KECIL}: "
          f"{m_kecil['pekerja_dan_kernel']:.0f} MB)\n"
          f"    pekerja + kernel, sepertiga tengah {awal['pekerja_dan_kernel']:.0f} MB, "
          f"sepertiga akhir {akhir['pekerja_dan_kernel']:.0f} MB")

    bab = hasil_lantai["bab"]
    print(f"\n(5) tiap notebook bab {BAB_JUPYTERLAB.relative_to(ROOT)} sendiri "
          "(papermill in-process, kernel termasuk): "
          + ", ".join(f"{k} {v:.2f} s" for k, v in bab.items()))

    target = [
        ("batch per laporan >= 15x lebih cepat dari rantai polos", rp_per / per_kecil, 15,
         rp_per / per_kecil >= 15),
        ("batch per laporan <= 1,5x lantai", per_kecil / lt, 1.5, per_kecil / lt <= 1.5),
        ("satu laporan >= 4x lebih cepat dari rantai polos", rp1 / lk1, 4, rp1 / lk1 >= 4),
        (f"batch {N_BESAR} per laporan dalam 10 % batch {N_KECIL}", per_besar / per_kecil, 1.1,
         per_besar / per_kecil <= 1.1),
        ("puncak memori per pekerja (+ kernel) < 400 MB", m_besar["pekerja_dan_kernel"], 400,
         m_besar["pekerja_dan_kernel"] < 400),
        ("memori tidak tumbuh (sepertiga akhir <= tengah + 10 %)",
         akhir["pekerja_dan_kernel"] / max(awal["pekerja_dan_kernel"], 1), 1.1,
         akhir["pekerja_dan_kernel"] <= 1.1 * awal["pekerja_dan_kernel"]),
        ("tiap notebook bab < 3 s", max(bab.values()), 3, max(bab.values()) < 3),
    ]
    print(f"\nTarget (beban akhir {os.getloadavg()[0]:.2f}; mesin dipakai bersama):")
    for nama_t, nilai, batas, ok in target:
        print(f"  {_lulus(ok)}  {nama_t}: {nilai:.2f} (batas {batas})")

    tulis_csv("batch.csv", ["n", "jobs", "detik", "jadi", "detik_per_laporan",
                            "puncak_pekerja_mb", "puncak_kernel_mb", "puncak_pekerja_kernel_mb"],
              [(n, JOBS, f"{d:.2f}", j, f"{d / n:.3f}", *(f"{m[k]:.0f}" for k in m))
               for n, d, j, m in ((N_KECIL, b_kecil, jadi_kecil, m_kecil),
                                  (N_BESAR, b_besar, jadi_besar, m_besar))])
    tulis_csv("rantai_batch.csv", ["kecamatan", "rantai_polos_s"],
              [(k, f"{v:.3f}") for k, v in zip(nama, rp_batch, strict=True)])
    tulis_csv("lantai.csv", ["komponen", "detik"],
              [(k, f"{v:.3f}") for k, v in komponen.items()] + [("jumlah", f"{lt:.3f}")])
    tulis_csv("memori.csv", ["batch", "detik", "pid_pekerja", "rss_pekerja", "rss_kernel"],
              [(n, f"{s[0]:.2f}", *s[1:]) for n, m in ((N_KECIL, mem_kecil),
                                                      (N_BESAR, mem_besar)) for s in m.sampel])
    tulis_csv("bab.csv", ["notebook", "detik"], [(k, f"{v:.3f}") for k, v in bab.items()])
    tulis_csv("target.csv", ["target", "nilai", "batas", "hasil"],
              [(n, f"{v:.3f}", b, _lulus(ok)) for n, v, b, ok in target])
    grafik({"rantai polos, 1 laporan": rp1, "lkjip build, 1 laporan": lk1,
            "lantai": lt, f"batch {N_KECIL}, per laporan": per_kecil,
            f"batch {N_BESAR}, per laporan": per_besar})
    print(f"\nCSV dan grafik: {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
