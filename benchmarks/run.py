"""`make bench`: the real report against the plain papermill + nbconvert chain, in one run.

Prints each figure with the load it was measured under, its target (issue 15) and PASS or
FAIL, and writes outputs/bench/*.csv and outputs/bench/bench.png:

1. one report, whole process, every file (edition HTML + PDF + DOCX, working paper HTML +
   PDF): ``lkjip build`` against the plain chain (papermill CLI, then ``jupyter nbconvert
   --to html`` CLI, per chapter notebook, then the same PDF and DOCX steps on the joined
   chapter HTML, `benchmarks/rantai.py`); ULANG runs of each, alternated, medians;
2. a batch of N kecamatan (the example data/bantarbolang and N-1 of the 13 synthetic Pemalang
   kecamatan of ``lkjip sintetis``), ``lkjip batch --jobs 2``: wall seconds per report;
3. core-seconds per report (the batch's CPU time, its workers and kernels included, divided by
   the reports built) and the extrapolation to 576 (Jawa Tengah) and 7.277 (Indonesia)
   kecamatan on one 16-core machine;
4. peak memory (PSS, psutil every 0,25 s over the whole batch tree) per pool worker: the
   worker, all its children (its kernels' launchers, its browser if it has its own) and its
   1/jobs share of the processes the workers share (the print service's browser, the
   batch's zygote and the kernels it forks, multiprocessing's resource tracker),
   `bagi_memori`; whether it stays flat (the last third of the batch against the middle
   third); the batch process and the whole tree beside it. The workers are the batch
   process's children spawned by multiprocessing, or the zygote's children it forked for
   the pool (named ``lkjip-pekerja``, `lkjip.bangun.kumpulan.KonteksZigot`): grandchildren,
   counted as workers all the same, and the zygote they share pages with is shared. CPU of
   shared processes is in (3): the batch process reaps them.

Options (environment, all optional):
  LKJIP_BENCH_BAB=nyata    chapter set: ``nyata`` (notebooks/, the real ~60-page report) or
                           ``contoh`` (tests/fixtures/notebooks/laporan_contoh, the small set)
  LKJIP_BENCH_ULANG=3      runs of the one-report comparison (median)
  LKJIP_BENCH_N=14         batch size (at most 14: the example and 13 synthetic kecamatan)
  LKJIP_BENCH_LANTAI=1     also measure the floor (`benchmarks/lantai.py`, issue 6)
The machine may be shared: every figure says the load average (1 min) when it was taken, and
the one-report runs alternate lkjip and the chain so that both see the same load. Nothing in
the test suite depends on these timings.
"""

from __future__ import annotations

import atexit
import csv
import os
import resource
import shutil
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
INTI, KECAMATAN_JATENG, KECAMATAN_RI = 16, 576, 7277


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


NAMA_BAB = _env("LKJIP_BENCH_BAB", "nyata")
NB_DIR = BAB[NAMA_BAB]
ULANG = int(_env("LKJIP_BENCH_ULANG", "3"))
N = min(int(_env("LKJIP_BENCH_N", "14")), 14)
LANTAI = _env("LKJIP_BENCH_LANTAI", "0") == "1"


def beban() -> str:
    """The load average (1 min), as printed with each figure."""
    return f"beban {os.getloadavg()[0]:.1f}"


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


_TEMBOLOK = tempfile.mkdtemp(prefix="lkjip-bench-tembolok-")  # removed at exit
atexit.register(shutil.rmtree, _TEMBOLOK, ignore_errors=True)


def env_lkjip() -> dict:
    """lkjip's environment for one measured run: the chapter set, and an EMPTY cache folder
    (`lkjip.tembolok`): every run pays loading and validating its data once, as a first build
    does; a batch fills its own cache as it goes (each kecamatan loaded once, not per report),
    never one left warm by an earlier run."""
    tembolok = tempfile.mkdtemp(prefix="tembolok-", dir=_TEMBOLOK)
    return {**os.environ, "LKJIP_NOTEBOOKS": str(NB_DIR), "LKJIP_TEMBOLOK": tembolok}


def lkjip_build(kecamatan: str, data: Path, out: Path) -> float:
    return jalankan([BIN / "lkjip", "build", "--kecamatan", kecamatan, "--tahun", TAHUN,
                     "--data", data, "--out", out], env_lkjip())


def bab_rantai() -> list[Path]:
    """The chapters a build runs: the edition's, then the working paper's."""
    from lkjip.laporan import daftar_bab

    return daftar_bab(NB_DIR)


def rantai_polos(kecamatan: str, data: Path, kerja: Path) -> float:
    """The plain chain for one report: papermill CLI + nbconvert CLI per chapter, then the
    same files lkjip writes, by the same PDF and DOCX steps (`benchmarks/rantai.py`)."""
    kerja.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    halaman = {"edisi": [], "kertas_kerja": []}
    for bab in bab_rantai():
        dok = "kertas_kerja" if bab.parent.name == "kertas_kerja" else "edisi"
        hasil = kerja / f"{dok}_{bab.name}"
        jalankan([BIN / "papermill", bab, hasil, "-k", "python3", "--cwd", NB_DIR,
                  "-p", "kecamatan", kecamatan, "-p", "tahun", TAHUN, "-p", "data_dir", data])
        jalankan([BIN / "jupyter", "nbconvert", "--to", "html", hasil])
        halaman[dok].append(hasil.with_suffix(".html"))
    jalankan([sys.executable, ROOT / "benchmarks" / "rantai.py", kerja / "lkjip",
              *halaman["edisi"], "--", *halaman["kertas_kerja"]])
    return time.perf_counter() - t


def data_batch(jumlah: int, kerja: Path) -> Path:
    """The example and `jumlah` - 1 synthetic kecamatan (``lkjip sintetis``); the batch builds
    their year TAHUN."""
    semua = kerja / "sintetis"
    jalankan([BIN / "lkjip", "sintetis", "--out", semua])
    data = kerja / "data-batch"
    shutil.copytree(ROOT / "data" / "bantarbolang", data / "bantarbolang")
    for k in sorted(p.parent.name for p in semua.glob(f"*/{TAHUN}"))[:jumlah - 1]:
        shutil.copytree(semua / k, data / k)
    return data


# ---------------------------------------------------------------- memory


def _memori(proses) -> int:
    """The memory a process costs the machine: its PSS (each shared page divided among the
    processes sharing it; Linux). RSS would count Chromium's binary and shared memory once per
    each of its ~8 processes (~1,2 GB summed for ~460 MB used). Elsewhere its RSS."""
    try:
        return proses.memory_full_info().pss
    except AttributeError:
        return proses.memory_info().rss


NAMA_PEKERJA = "lkjip-pekerja"  # lkjip.zigot.NAMA_PEKERJA: a pool worker the zygote forked


def _pekerja(proses, batch: int) -> bool:
    """Whether `proses` (psutil) is a pool worker of batch process `batch`: spawned by
    multiprocessing (its child), or forked by the batch's zygote (named `NAMA_PEKERJA`)."""
    if proses.name() == NAMA_PEKERJA:
        return True
    return proses.ppid() == batch and "spawn_main" in " ".join(proses.cmdline())


def bagi_memori(pohon: dict[int, tuple[int, int]], induk: int, pekerja: set[int],
                jobs: int) -> dict:
    """One sample of a batch's process tree split into what each pool worker costs.

    `pohon`: pid -> (parent pid, PSS) of the batch process `induk` and all its descendants;
    `pekerja`: the pool workers' pids (`_pekerja`: children of `induk`, or of the zygote). A
    worker costs its own PSS and that of all its descendants (its kernels' launchers, its own
    browser) plus an equal share (1/`jobs`) of the SHARED processes: the batch's other
    descendants (e.g. the print service every worker prints with, the zygote and its
    kernels). The batch process itself is reported apart (``induk``), and ``pohon`` is the
    whole tree.

    >>> pohon = {1: (0, 80), 2: (1, 200), 3: (2, 100), 4: (1, 190), 5: (4, 110), 6: (1, 300),
    ...          7: (6, 60)}
    >>> bagi_memori(pohon, 1, {2, 4}, 2)  # 200+100 + (300+60)/2; 190+110 + 180
    {'pekerja': {2: 480.0, 4: 480.0}, 'bersama': 360, 'induk': 80, 'pohon': 1040}

    Workers forked by a shared process (the zygote, 6) are counted the same, the zygote and
    its other children (a kernel, 7) shared:

    >>> pohon = {1: (0, 80), 6: (1, 100), 2: (6, 200), 3: (2, 10), 4: (6, 190), 7: (6, 60)}
    >>> bagi_memori(pohon, 1, {2, 4}, 2)  # 200+10 + (100+60)/2; 190 + 80
    {'pekerja': {2: 290.0, 4: 270.0}, 'bersama': 160, 'induk': 80, 'pohon': 640}
    """
    anak: dict[int, list[int]] = {}
    for pid, (ppid, _) in pohon.items():
        anak.setdefault(ppid, []).append(pid)

    def jumlah(akar: int) -> int:
        total, tumpuk = 0, [akar]
        while tumpuk:
            pid = tumpuk.pop()
            total += pohon[pid][1]
            tumpuk += anak.get(pid, [])
        return total

    sendiri = {p: jumlah(p) for p in pekerja if p in pohon}
    pohon_total = jumlah(induk) if induk in pohon else 0
    induk_pss = pohon[induk][1] if induk in pohon else 0
    bersama = pohon_total - induk_pss - sum(sendiri.values())
    return {"pekerja": {p: v + bersama / jobs for p, v in sendiri.items()}, "bersama": bersama,
            "induk": induk_pss, "pohon": pohon_total}


class PencatatMemori(threading.Thread):
    """Samples the memory (`_memori`: PSS) of a whole batch every 0.25 s: the batch process,
    its pool workers with their children (the kernel, a worker's own browser) and any
    process the workers share (the print service), split per worker by `bagi_memori`."""

    def __init__(self, pid: int, jobs: int = JOBS):
        super().__init__(daemon=True)
        self.pid, self.jobs, self.sampel, self.berhenti = pid, jobs, [], threading.Event()
        self._pekerja: set[int] = set()  # once seen: an exiting worker has no command line

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
        import psutil

        pohon = {}
        for p in [induk, *induk.children(recursive=True)]:
            try:
                pohon[p.pid] = (p.ppid(), _memori(p))
                if _pekerja(p, self.pid):
                    self._pekerja.add(p.pid)
            except psutil.Error:
                continue
        pekerja = self._pekerja & set(pohon)
        if not pekerja:
            return
        bagi = bagi_memori(pohon, self.pid, pekerja, self.jobs)
        for pid, v in bagi["pekerja"].items():
            self.sampel.append((detik, pid, v, bagi["bersama"], bagi["induk"], bagi["pohon"]))


def _cpu_anak() -> float:
    pakai = resource.getrusage(resource.RUSAGE_CHILDREN)
    return pakai.ru_utime + pakai.ru_stime


def lkjip_batch(data: Path, out: Path) -> dict:
    """Whole-process `lkjip batch --jobs 2`: wall and CPU seconds (the batch process, its
    workers and their kernels: each waits for its children), reports built, memory."""
    cmd = [BIN / "lkjip", "batch", "--tahun", TAHUN, "--jobs", JOBS, "--data", data,
           "--out", out]
    cpu, t = _cpu_anak(), time.perf_counter()
    with open(OUT / "batch_ringkasan.txt", "w", encoding="utf-8") as ringkasan:
        proses = subprocess.Popen([str(c) for c in cmd], env=env_lkjip(),
                                  stdout=ringkasan, stderr=subprocess.DEVNULL)
        pencatat = PencatatMemori(proses.pid)
        pencatat.start()
        proses.wait()
    detik = time.perf_counter() - t
    pencatat.berhenti.set()
    pencatat.join()
    return {"detik": detik, "cpu": _cpu_anak() - cpu, "pencatat": pencatat,
            "jadi": len(list(out.glob(f"*/{TAHUN}/lkjip_*.pdf")))}


def puncak_mb(pencatat: PencatatMemori, awal: float = 0.0, akhir: float = 1e9,
              kolom: int = 2) -> float:
    """Peak over the samples in [awal, akhir) of column `kolom` of `PencatatMemori.sampel`, in
    MB: 2 one worker with its children and its share of the shared processes (the target), 3
    the shared processes, 4 the batch process, 5 the whole tree."""
    sampel = [s[kolom] for s in pencatat.sampel if awal <= s[0] < akhir]
    return max(sampel, default=0) / (1024 * 1024)


# ---------------------------------------------------------------- the floor (issue 6)


def lantai(data: Path) -> dict:
    import json

    hasil = subprocess.run([sys.executable, ROOT / "benchmarks" / "lantai.py", NB_DIR, data,
                            "bantarbolang", str(TAHUN), "3", NB_DIR],
                           capture_output=True, text=True, check=True)
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


def satu_laporan(kerja: Path) -> dict:
    """(1): ULANG alternated runs of `lkjip build` and of the plain chain, medians."""
    data, lk, rp, bb = ROOT / "data", [], [], []
    for i in range(ULANG):
        bb.append(os.getloadavg()[0])
        lk.append(lkjip_build("bantarbolang", data, kerja / f"satu-{i}"))
        rp.append(rantai_polos("bantarbolang", data, kerja / f"rantai-{i}"))
        print(f"    putaran {i + 1}: lkjip build {lk[-1]:.2f} s, rantai polos {rp[-1]:.2f} s "
              f"({beban()})", flush=True)
    tulis_csv("satu_laporan.csv", ["putaran", "beban_awal", "lkjip_build_s", "rantai_polos_s"],
              [(i + 1, f"{b:.2f}", f"{a:.3f}", f"{c:.3f}")
               for i, (b, a, c) in enumerate(zip(bb, lk, rp, strict=True))])
    return {"lkjip": statistics.median(lk), "rantai": statistics.median(rp), "beban": beban()}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    kerja = Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    print(f"lkjip bench: bab {NAMA_BAB} ({NB_DIR.relative_to(ROOT)}), ulang={ULANG}, N={N}, "
          f"jobs={JOBS}, {os.cpu_count()} CPU, {beban()} (uptime); kerja {kerja}", flush=True)

    print(f"\n(1) satu laporan, proses utuh, semua berkas (HTML+PDF+DOCX edisi, HTML+PDF "
          f"kertas kerja), {ULANG} putaran bergantian:", flush=True)
    satu = satu_laporan(kerja)
    rasio = satu["rantai"] / satu["lkjip"]
    print(f"    median: lkjip build {satu['lkjip']:.2f} s | rantai polos {satu['rantai']:.2f} s"
          f" | rasio {rasio:.1f}x ({satu['beban']})", flush=True)

    batch = lkjip_batch(data_batch(N, kerja), kerja / "batch")
    per_laporan = batch["detik"] / N
    inti_detik = batch["cpu"] / max(batch["jadi"], 1)
    b_batch = beban()
    print(f"\n(2) batch {N} kecamatan, --jobs {JOBS}: {batch['detik']:.1f} s, "
          f"{batch['jadi']}/{N} laporan jadi = {per_laporan:.2f} s per laporan ({b_batch})")
    menit = {n: inti_detik * n / INTI / 60 for n in (KECAMATAN_JATENG, KECAMATAN_RI)}
    print(f"\n(3) {inti_detik:.2f} detik-inti per laporan (CPU batch / laporan jadi) -> "
          f"{KECAMATAN_JATENG} kecamatan {menit[KECAMATAN_JATENG]:.0f} menit, {KECAMATAN_RI} "
          f"kecamatan {menit[KECAMATAN_RI]:.0f} menit pada {INTI} inti ({b_batch}; di bawah "
          "beban, detik-inti juga naik)")
    pencatat = batch["pencatat"]
    puncak = puncak_mb(pencatat)
    tengah = puncak_mb(pencatat, batch["detik"] / 3, 2 * batch["detik"] / 3)
    akhir = puncak_mb(pencatat, 2 * batch["detik"] / 3)
    bersama, induk, pohon = (puncak_mb(pencatat, kolom=k) for k in (3, 4, 5))
    print(f"\n(4) puncak memori (PSS) per pekerja = pekerja + semua anaknya (zigot, kernel, "
          f"peramban sendiri) + 1/{JOBS} proses bersama (layanan cetak): {puncak:.0f} MB; "
          f"sepertiga tengah {tengah:.0f} MB, sepertiga akhir {akhir:.0f} MB ({b_batch}). "
          f"Puncak proses bersama {bersama:.0f} MB, proses batch sendiri {induk:.0f} MB, "
          f"seluruh pohon batch {pohon:.0f} MB = {pohon / JOBS:.0f} MB per job")

    target = [
        ("satu laporan, proses utuh (s)", satu["lkjip"], "<= 5", satu["lkjip"] <= 5,
         satu["beban"]),
        ("satu laporan: rantai polos / lkjip (x)", rasio, ">= 12", rasio >= 12, satu["beban"]),
        (f"batch {N}, --jobs {JOBS}: detik per laporan", per_laporan, "<= 2,5",
         per_laporan <= 2.5, b_batch),
        ("puncak memori per pekerja + anaknya (MB)", puncak, "< 400", puncak < 400, b_batch),
        ("memori datar: sepertiga akhir / tengah", akhir / max(tengah, 1), "<= 1,1",
         akhir <= 1.1 * tengah, b_batch),
        (f"{KECAMATAN_RI} kecamatan pada {INTI} inti (menit)", menit[KECAMATAN_RI], "< 40",
         menit[KECAMATAN_RI] < 40, b_batch),
        ("semua laporan batch jadi", batch["jadi"], f"= {N}", batch["jadi"] == N, b_batch),
    ]
    if LANTAI:
        target.append(_lantai(per_laporan))
    print(f"\nTarget issue 15 (bab {NAMA_BAB}; mesin 2 inti, mungkin dipakai bersama):")
    for nama_t, nilai, batas, ok, b in target:
        print(f"  {'PASS' if ok else 'FAIL'}  {nama_t}: {nilai:.2f} (target {batas}; {b})")

    tulis_csv("batch.csv", ["n", "jobs", "detik", "jadi", "detik_per_laporan", "detik_inti",
                            "puncak_pekerja_kernel_mb"],
              [(N, JOBS, f"{batch['detik']:.2f}", batch["jadi"], f"{per_laporan:.3f}",
                f"{inti_detik:.3f}", f"{puncak:.0f}")])
    tulis_csv("memori.csv", ["detik", "pid_pekerja", "pss_pekerja_anak_bagian_bersama",
                             "pss_bersama", "pss_induk", "pss_pohon"],
              [(f"{s[0]:.2f}", *s[1:]) for s in pencatat.sampel])
    tulis_csv("target.csv", ["target", "nilai", "batas", "hasil", "beban"],
              [(n, f"{v:.3f}", b, "PASS" if ok else "FAIL", bb) for n, v, b, ok, bb in target])
    grafik({"rantai polos, 1 laporan": satu["rantai"], "lkjip build, 1 laporan": satu["lkjip"],
            f"batch {N}, per laporan": per_laporan, "detik-inti per laporan": inti_detik})
    print(f"\nCSV dan grafik: {OUT.relative_to(ROOT)}/; kerja (hapus bila tak perlu): {kerja}")


def _lantai(per_laporan: float) -> tuple:
    """The floor (issue 6): a warm process's kernel + imports + cells + one export."""
    hasil = lantai(ROOT / "data")
    lt = statistics.median(sum(r.values()) for r in hasil["lantai"])
    print(f"\n(5) lantai (proses hangat, median 3): {lt:.2f} s; batch {per_laporan / lt:.2f}x "
          f"lantai ({beban()})")
    return ("batch per laporan / lantai (x)", per_laporan / lt, "<= 1,5", per_laporan / lt <= 1.5,
            beban())


if __name__ == "__main__":
    main()
