"""A batch worker's kernels forked from its zygote (`lkjip.zigot`): a new process per report
with nothing left from the one before, dying with its launcher, the zygote dying with its
worker, Ctrl-C reaching the kernel, a normal kernel whenever the zygote cannot serve, and the
same executed notebook as with a normal kernel."""

import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_core.utils import run_sync

from lkjip import laporan, zigot
from lkjip.bangun import kernel
from lkjip.bangun.kernel import KernelAwal, siapkan_pekerja
from tests.klien_kernel import jalankan
from tests.mini import tulis_mini

pytestmark = pytest.mark.skipif(not zigot.mungkin(), reason="zygote: Linux only")

CONTOH = Path(__file__).parent / "fixtures" / "notebooks" / "laporan_contoh"


@pytest.fixture
def induk():
    """This process as a batch worker with its zygote; the zygote is stopped afterwards."""
    siapkan_pekerja()
    z = zigot._AKTIF[os.getpid()]
    yield z
    zigot.matikan()


def _induk_dari(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _tunggu_mati(pid: int, detik: float = 15) -> bool:
    """Whether process `pid` is gone (or a zombie) within `detik` seconds."""
    akhir = time.monotonic() + detik
    while time.monotonic() < akhir:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


CETAK_PID = "import os; print(os.getpid(), os.getppid())"


def test_kernel_baru_per_laporan_tanpa_sisa_laporan_sebelumnya(induk, tmp_path):
    with KernelAwal(tmp_path).mulai() as satu:
        pid_satu, ppid_satu = map(int, jalankan(satu, CETAK_PID).split())
        jalankan(satu, "SISA = 'laporan satu'\nimport numpy\nprint(numpy.random.rand())")
        acak_satu = jalankan(satu, "print(numpy.random.rand())")
        peluncur = satu.km.provisioner.process.pid
    with KernelAwal(tmp_path).mulai() as dua:
        pid_dua, ppid_dua = map(int, jalankan(dua, CETAK_PID).split())
        ada = jalankan(dua, "print('SISA' in globals(), os.getcwd())")
        acak_dua = jalankan(dua, "import numpy; numpy.random.rand(); print(numpy.random.rand())")
    assert ppid_satu == ppid_dua == induk.proses.pid  # both forked from the zygote
    assert pid_satu not in (pid_dua, peluncur)  # a process of its own, not the launcher
    assert ada.split() == ["False", str(tmp_path)]
    assert acak_satu != acak_dua  # numpy's global generator reseeded in each kernel


def test_kernel_dari_zigot_tanpa_basis_data_riwayat(induk, tmp_path):
    # as a normal kernel (tests/test_kernel_opsi.py): IPython's history in memory only
    kode = ("h = get_ipython().history_manager\n"
            "print(h.enabled, type(h.db).__name__, h.save_thread is None)")
    with KernelAwal(tmp_path).mulai() as k:
        assert k.km.kernel_spec.argv[1:3] == ["-S", "-c"]  # forked from the zygote
        assert jalankan(k, kode).split() == ["False", "DummyDB", "True"]


def test_kernel_dari_zigot_malloc_hemat(induk, tmp_path):
    """A kernel forked from the zygote inherits its malloc settings (`zigot.malloc_hemat`):
    six threads allocating at once share at most two arenas, and a 300 kB block freed does
    not raise the mmap threshold (the next one is mapped on its own)."""
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("glibc malloc")
    kode = (f"import sys\nsys.path.insert(0, {str(Path(__file__).parents[1])!r})\n"
            "from tests.test_malloc_pekerja import malloc_di_pekerja\n"
            "print(*malloc_di_pekerja(0))")
    with KernelAwal(tmp_path).mulai() as k:
        assert k.km.kernel_spec.argv[1:3] == ["-S", "-c"]  # forked from the zygote
        assert jalankan(k, kode).split() == ["2", "1"]


def test_pandas_memilih_seperti_di_kernel_biasa(induk, tmp_path):
    kode = "import pandas; print(pandas.get_option('display.max_columns'))"
    with KernelAwal(tmp_path).mulai() as k:
        bercabang = jalankan(k, kode)
        assert k.km.kernel_spec.argv[1:3] == ["-S", "-c"]
    zigot.matikan()
    with KernelAwal(tmp_path).mulai() as k:
        assert jalankan(k, kode) == bercabang == "20\n"  # pandas' choice inside a kernel


def test_kernel_dari_zigot_seperti_kernel_biasa_sesudah_impor_zigot(induk, tmp_path):
    # the zygote imported the debugger support every kernel imports when it starts (debugpy
    # sets PYDEVD_USE_FRAME_EVAL then) and the chart savers' backends: a forked kernel has
    # them without importing them, and the environment a normal kernel has after that import
    kode = ("import os, sys\n"
            "print(os.environ.get('PYDEVD_USE_FRAME_EVAL'), 'debugpy' in sys.modules,"
            " 'matplotlib.backends.backend_svg' in sys.modules)")
    with KernelAwal(tmp_path).mulai() as k:
        assert k.km.kernel_spec.argv[1:3] == ["-S", "-c"]  # forked from the zygote
        pid, ppid = map(int, jalankan(k, CETAK_PID).split())
        assert ppid == induk.proses.pid
        bercabang = jalankan(k, kode)
    zigot.matikan()
    with KernelAwal(tmp_path).mulai() as k:  # a normal kernel
        biasa = jalankan(k, kode)
    assert bercabang.split() == ["NO", "True", "True"]
    assert biasa.split()[:2] == ["NO", "True"]


def test_impor_zigot_mencatat_yang_diset_dan_memulihkan_lingkungan(tmp_path, monkeypatch):
    (tmp_path / "lkjip_contoh_impor.py").write_text(
        "import os\n"
        "if 'LKJIP_CONTOH' not in os.environ:\n"
        "    os.environ['LKJIP_CONTOH'] = os.environ['LKJIP_CONTOH_ADA'] + '2'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("LKJIP_CONTOH_ADA", "1")
    monkeypatch.delenv("LKJIP_CONTOH", raising=False)
    try:
        dibaca, diset = zigot._impor(("lkjip_contoh_impor",))
    finally:
        sys.modules.pop("lkjip_contoh_impor", None)
    assert {"LKJIP_CONTOH", "LKJIP_CONTOH_ADA"} <= dibaca
    assert diset == {"LKJIP_CONTOH": "12"}
    assert "LKJIP_CONTOH" not in os.environ  # compared with what a launcher sends as before


def test_sigkill_peluncur_mengakhiri_kernel(induk, tmp_path):
    with KernelAwal(tmp_path).mulai() as k:
        pid, _ = map(int, jalankan(k, CETAK_PID).split())
        peluncur = k.km.provisioner.process
        assert pid != peluncur.pid
        os.kill(peluncur.pid, signal.SIGKILL)
        peluncur.wait(timeout=10)
        assert _tunggu_mati(pid)


def test_ctrl_c_sampai_ke_kernel_dan_status_kembali_ke_peluncur(induk, tmp_path):
    with KernelAwal(tmp_path).mulai() as k:
        jalankan(k, "import signal, time")
        klien = k.km.blocking_client()
        klien.start_channels()
        try:
            klien.wait_for_ready(timeout=60)
            # stop_on_error=False: after an error reply ipykernel aborts the execute requests
            # that reach it before its "stop aborting" message (posted from its shell thread
            # after the reply), so the os._exit below, sent at once, was at times aborted and
            # the kernel lived on (CI of 207126f: the wait below timed out)
            msg_id = klien.execute("print('tidur', flush=True); time.sleep(60)",
                                   stop_on_error=False)
            while klien.get_iopub_msg(timeout=30)["content"].get("text") != "tidur\n":
                pass  # until the cell runs: a SIGINT before it would be ignored
            run_sync(k.km.interrupt_kernel)()  # SIGINT to the launcher, forwarded to the kernel
            balas = klien.get_shell_msg(timeout=30)
            assert balas["parent_header"]["msg_id"] == msg_id
            assert balas["content"]["ename"] == "KeyboardInterrupt"
            klien.execute("import os; os._exit(7)")
            assert k.km.provisioner.process.wait(timeout=30) == 7  # the kernel's exit status
        finally:
            klien.stop_channels()


def test_zigot_berakhir_bersama_pekerjanya(tmp_path):
    kode = ("import os, sys, time\nfrom lkjip import zigot\nfrom lkjip.bangun.kernel import "
            "siapkan_pekerja\nsiapkan_pekerja()\n"
            "print(zigot._AKTIF[os.getpid()].proses.pid, flush=True)\ntime.sleep(600)\n")
    pekerja = subprocess.Popen([sys.executable, "-c", kode], stdout=subprocess.PIPE, text=True)
    try:
        pid = int(pekerja.stdout.readline())
        assert _induk_dari(pid) == pekerja.pid
    finally:
        pekerja.kill()
        pekerja.wait()
    assert _tunggu_mati(pid)



def test_pekerja_menuai_zigotnya_saat_keluar():
    """A worker that exits stops and reaps its zygote, so the zygote's CPU time (its imports
    here; the kernels it reaped, in a batch) reaches the worker's parent through getrusage.
    The worker reports its own CPU time and exits once the zygote has spent >= 0,3 CPU-s
    (read from /proc); the parent's children time must exceed the worker's own by that. An
    orphaned zygote (reaped by init) would leave the difference near 0."""
    import resource

    kode = ("import os, resource, sys, time\nfrom lkjip import zigot\n"
            "from lkjip.bangun.kernel import siapkan_pekerja\nsiapkan_pekerja()\n"
            "pid = zigot._AKTIF[os.getpid()].proses.pid\n"
            "def cpu():\n"
            "    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()\n"
            "    return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')\n"
            "batas = time.monotonic() + 120\n"
            "while cpu() < 0.3 and time.monotonic() < batas:\n"
            "    time.sleep(0.05)\n"
            "r = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(cpu(), r.ru_utime + r.ru_stime, flush=True)\n")
    def anak() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    awal = anak()
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                           check=True, timeout=180)
    zigot_cpu, sendiri = map(float, hasil.stdout.split())
    assert zigot_cpu >= 0.3
    assert anak() - awal >= sendiri + 0.25, (anak() - awal, sendiri, zigot_cpu)


def test_kernel_biasa_bila_zigot_mati(induk, tmp_path, monkeypatch):
    spec_zigot = induk.spec(kernel._pengelola("python3").kernel_spec)
    induk.proses.kill()
    induk.proses.wait()
    with KernelAwal(tmp_path).mulai() as k:  # the worker sees it dead: the normal spec
        assert "-S" not in k.km.kernel_spec.argv
        pid, ppid = map(int, jalankan(k, CETAK_PID).split())
        assert ppid == os.getpid()
    # a launcher whose zygote is gone execs the normal kernel itself: the same pid
    monkeypatch.setattr(zigot, "pasang", lambda km: setattr(km, "_kernel_spec", spec_zigot))
    with KernelAwal(tmp_path).mulai() as k:
        assert k.km.kernel_spec.argv[1:3] == ["-S", "-c"]
        pid, ppid = map(int, jalankan(k, CETAK_PID).split())
        assert (pid, ppid) == (k.km.provisioner.process.pid, os.getpid())


def test_kernel_biasa_bila_lingkungan_yang_dibaca_saat_impor_berbeda(induk, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path))  # matplotlib reads it when imported
    with KernelAwal(tmp_path).mulai() as k:
        pid, ppid = map(int, jalankan(k, CETAK_PID).split())
        assert pid == k.km.provisioner.process.pid  # the launcher became the kernel
        assert jalankan(k, "print(os.environ['MPLCONFIGDIR'])").strip() == str(tmp_path)
    monkeypatch.undo()
    monkeypatch.setenv("LKJIP_TIDAK_DIBACA", "1")  # read by no module: forked still
    with KernelAwal(tmp_path).mulai() as k:
        pid, ppid = map(int, jalankan(k, CETAK_PID).split())
        assert ppid == induk.proses.pid


def _tanpa_id_svg(teks: str) -> str:
    """`teks` with each base64 SVG decoded and its ids (matplotlib salts them with a random
    uuid per figure, so they differ between any two builds) replaced by ``ID``."""
    def buka(m: re.Match) -> str:
        svg = base64.b64decode(m.group(0)).decode()
        return re.sub(r"\b[mp][0-9a-f]{10}\b", "ID", svg)

    return re.sub(r"PD94bWwg[A-Za-z0-9+/=]+", buka, teks)


def _keluaran(nb_path: Path) -> str:
    nb = nbformat.read(nb_path, as_version=4)
    return _tanpa_id_svg(json.dumps([c.get("outputs") for c in nb.cells
                                     if c.cell_type == "code"], sort_keys=True))


def test_keluaran_sama_dengan_kernel_biasa(tmp_path, monkeypatch):
    tulis_mini(tmp_path / "data")
    dipasang = []
    asli = zigot.pasang
    monkeypatch.setattr(zigot, "pasang", lambda km: dipasang.append(asli(km)) or dipasang[-1])
    hasil = {}
    for cara in ("biasa", "zigot"):
        if cara == "zigot":
            siapkan_pekerja()
        try:
            berkas = laporan.bangun("contoh", 2023, data_dir=tmp_path / "data",
                                    out_dir=tmp_path / cara, notebooks_dir=CONTOH)
        finally:
            zigot.matikan()
        hasil[cara] = _keluaran(berkas.notebook)
    assert dipasang == [False, True]
    assert hasil["zigot"] == hasil["biasa"]
    assert "<svg" in hasil["biasa"] and '"ID"' in hasil["biasa"]  # a chart was drawn


def kernel_di_pekerja(folder: str) -> tuple[int, int, int, int, str]:
    """In a pool worker: (this worker's pid, its zygote's pid, the kernel's parent pid, the
    kernel's parent_handle, what the kernel's JPY_PARENT_PID says). Waits (at most 60 s) until
    the other task has started too, so that the two run on two workers."""
    (Path(folder) / "mulai").touch()
    akhir = time.monotonic() + 60
    while len(list(Path(folder).parent.glob("*/mulai"))) < 2 and time.monotonic() < akhir:
        time.sleep(0.05)
    siapkan_pekerja()
    with KernelAwal(Path(folder)).mulai() as k:
        _, ppid = map(int, jalankan(k, CETAK_PID).split())
        baris = jalankan(k, "import os\nfrom ipykernel.kernelapp import IPKernelApp\n"
                             "print(IPKernelApp.instance().parent_handle, "
                             "os.environ['JPY_PARENT_PID'])").split()
    return os.getpid(), zigot._AKTIF[os.getpid()].pid, ppid, int(baris[0]), baris[1]


def test_satu_zigot_untuk_semua_pekerja_batch(tmp_path, monkeypatch):
    """A batch's workers fork their kernels from ONE zygote, the batch process's (not one
    each), and each kernel knows its own manager (its worker) as a normal kernel would."""
    from lkjip.bangun.kumpulan import petakan

    monkeypatch.setenv("LKJIP_PERAMBAN_BERSAMA", "0")  # no print service needed here
    folder = [tmp_path / str(i) for i in range(2)]
    for f in folder:
        f.mkdir()
    hasil = petakan(kernel_di_pekerja, [str(f) for f in folder], jobs=2)
    assert zigot.ENV_BERSAMA not in os.environ and os.getpid() not in zigot._AKTIF
    assert len({h[0] for h in hasil}) == 2  # two workers ...
    zigot_pid = {h[1] for h in hasil}
    assert len(zigot_pid) == 1  # ... one zygote ...
    (z,) = zigot_pid
    for pekerja, _, ppid, handle, env in hasil:
        assert ppid == z  # ... every kernel forked from it
        assert handle == pekerja and env == str(pekerja)
    assert _tunggu_mati(z, 5)  # stopped with the batch


def pekerja_diri(berkas: str, bakar: float = 0.0, keluar: int = 0) -> None:
    """In a process of the batch's pool context: write what it is to `berkas` (JSON), spend
    `bakar` CPU-seconds, exit with `keluar`."""
    import pandas

    mulai = time.process_time()
    while time.process_time() - mulai < bakar:
        pass
    Path(berkas).write_text(json.dumps({
        "pid": os.getpid(), "ppid": os.getppid(), "pgrp": os.getpgrp(),
        "nama": Path("/proc/self/comm").read_text().strip(),
        "kolom": pandas.get_option("display.max_columns"),
        "env": os.environ.get("LKJIP_CONTOH_PEKERJA"),
        "sigint": signal.getsignal(signal.SIGINT) is signal.default_int_handler,
        "keluaran": os.readlink("/proc/self/fd/2")}))
    sys.exit(keluar)


def test_pekerja_pool_dicabangkan_zigot_batch(tmp_path, monkeypatch):
    """A batch's pool worker is forked by its zygote: the zygote's child, named as such, in
    the batch's process group (a terminal's Ctrl-C reaches it), with Python's Ctrl-C handler,
    the batch's environment and stderr, pandas' column limit of a process outside a kernel;
    its exit code comes back through the zygote, and its CPU time goes to the zygote's
    children (so to the batch's, which reaps the zygote)."""
    import psutil

    from lkjip.bangun.kumpulan import KonteksZigot

    monkeypatch.setenv("LKJIP_CONTOH_PEKERJA", "ya")
    with zigot.bersama("python3") as z:
        assert z is not None and os.getpgid(z.proses.pid) == os.getpgrp()
        proses = KonteksZigot().Process(target=pekerja_diri,
                                        args=(str(tmp_path / "diri.json"), 0.5, 7))
        proses.start()
        proses.join(120)
        assert proses.exitcode == 7
        anak_zigot = psutil.Process(z.proses.pid).cpu_times()
        assert anak_zigot.children_user + anak_zigot.children_system >= 0.4
    diri = json.loads((tmp_path / "diri.json").read_text())
    assert diri["pid"] == proses.pid and diri["ppid"] == z.proses.pid
    assert diri["nama"] == zigot.NAMA_PEKERJA and diri["pgrp"] == os.getpgrp()
    assert diri["sigint"] and diri["env"] == "ya" and diri["kolom"] == 0
    assert diri["keluaran"] == os.readlink("/proc/self/fd/2")


def test_pekerja_pool_dibuat_biasa_bila_zigot_menolak(tmp_path, monkeypatch):
    """An environment the zygote did not import under (a variable C libraries read): the
    zygote refuses, and the worker is spawned by this process as before."""
    from lkjip.bangun.kumpulan import KonteksZigot

    with zigot.bersama("python3") as z:
        assert z is not None
        monkeypatch.setenv("OMP_LKJIP_CONTOH", "1")
        proses = KonteksZigot().Process(target=pekerja_diri, args=(str(tmp_path / "d.json"),))
        proses.start()
        proses.join(120)
        assert proses.exitcode == 0
    diri = json.loads((tmp_path / "d.json").read_text())
    assert diri["ppid"] == os.getpid() and diri["nama"] != zigot.NAMA_PEKERJA
