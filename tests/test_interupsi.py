"""Interrupted runs: builds killed at named points, Ctrl-C, concurrent builds, a full disk.

A build of the mini kecamatan (fixture chapters) runs in a subprocess that sets an action at
one named point of the build (`lkjip.bangun.suntik`): SIGKILL there, a pause there, or
Ctrl-C. After a kill at each point, every report file is either the previous one (same
inode: never touched) or the complete new one, exactly the files the point says were moved
are new, no kernel is left, and the next build removes the killed build's temporary folder
but never a live build's. Ctrl-C (SIGINT to the process group, as a terminal sends it) in a
single build and in a batch leaves no kernel, temporary folder or kernel connection file. The
escalation that stops a batch's workers reaches SIGTERM and SIGKILL when they ignore the
gentler signals. A full disk and a read-only output folder end in `GagalTulis` with the
earlier files intact, for the kecamatan report and the kabupaten view alike, simulated and
real (a tmpfs).
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import docx
import nbformat
import pytest
from pypdf import PdfReader

from lkjip import kabupaten as kb
from lkjip import laporan
from lkjip.bangun import dokumen as modul_dokumen
from lkjip.bangun import kumpulan, suntik, tulis
from lkjip.bangun.kernel import KernelAwal
from tests.mini import tulis_mini

AKAR = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "notebooks"
CONTOH, TIDUR = FIXTURE / "laporan_contoh", FIXTURE / "bab_tidur"
# the fixture chapters have no working paper: the notebook and the edition
NAMA = ["lkjip_contoh_2023.docx", "lkjip_contoh_2023.html", "lkjip_contoh_2023.ipynb",
        "lkjip_contoh_2023.pdf"]


# --- helpers ----------------------------------------

def _lingkungan(akar: Path) -> dict:
    env = dict(os.environ, TMPDIR=str(akar / "tmpdir"), JUPYTER_RUNTIME_DIR=str(akar / "runtime"),
               PYTHONPATH=str(AKAR))
    (akar / "tmpdir").mkdir(exist_ok=True)
    return env


def _mulai(akar: Path, kode: str) -> subprocess.Popen:
    """Run `kode` in a new session (its own process group, like a terminal's job); its
    output goes to files (a pipe would stay open as long as a kernel it started lives)."""
    n = len(list(akar.glob("log-*.out")))
    with open(akar / f"log-{n}.out", "w") as out, open(akar / f"log-{n}.err", "w") as err:
        proses = subprocess.Popen([sys.executable, "-c", textwrap.dedent(kode)], cwd=akar,
                                  env=_lingkungan(akar), start_new_session=True,
                                  stdout=out, stderr=err)
    proses.log = akar / f"log-{n}"
    return proses


def _tunggu(proses: subprocess.Popen, detik: float = 300) -> tuple[str, str]:
    proses.wait(timeout=detik)
    return (proses.log.with_suffix(".out").read_text(), proses.log.with_suffix(".err").read_text())


KODE_BANGUN = """
    import sys, time
    from pathlib import Path
    from lkjip.bangun.suntik import bunuh, pada
    from lkjip.laporan import bangun

    def tunggu(nama):  # pause here, holding the build's lock, until the test says so
        Path("berhenti.tanda").write_text(nama)
        while not Path("lanjut.tanda").exists():
            time.sleep(0.05)

    def bangun_contoh():
        bangun("contoh", 2023, data_dir={data!r}, out_dir={keluar!r}, notebooks_dir={bab!r})

    try:
        if {titik!r}:
            with pada({titik!r}, {aksi}):
                bangun_contoh()
        else:
            bangun_contoh()
    except KeyboardInterrupt:
        sys.exit(130)
"""


def _kode_bangun(akar: Path, titik: str = "", aksi: str = "bunuh", bab: Path | None = None
                 ) -> str:
    return KODE_BANGUN.format(data=str(akar / "data"), keluar=str(akar / "keluar"),
                              bab=str(bab or akar / "bab"), titik=titik, aksi=aksi)


def _kernel_di(folder: Path) -> list[int]:
    """Pids of processes whose working folder is `folder` (a report's kernel runs there)."""
    pid = []
    for p in Path("/proc").iterdir():
        try:
            if p.name.isdigit() and Path(os.readlink(p / "cwd")) == folder.resolve():
                pid.append(int(p.name))
        except OSError:
            continue
    return pid


def _tunggu_tanpa_kernel(folder: Path, detik: float = 15.0) -> list[int]:
    akhir = time.monotonic() + detik
    while (sisa := _kernel_di(folder)) and time.monotonic() < akhir:
        time.sleep(0.2)
    return sisa


def _tunggu_berkas(jalur: Path, proses: subprocess.Popen, detik: float = 120) -> None:
    akhir = time.monotonic() + detik
    while not jalur.exists() and proses.poll() is None and time.monotonic() < akhir:
        time.sleep(0.05)
    assert jalur.exists(), _tunggu(proses, 30)


def _utuh(jalur: Path) -> bool:
    """The file is complete: the HTML ends with </html>, the PDF parses, the notebook reads."""
    if jalur.suffix == ".html":
        return jalur.read_text(encoding="utf-8").rstrip().endswith("</html>")
    if jalur.suffix == ".pdf":
        return len(PdfReader(jalur).pages) > 0
    if jalur.suffix == ".docx":
        return len(docx.Document(str(jalur)).paragraphs) > 0
    nbformat.read(jalur, as_version=4)
    return True


def _isi(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}


def _inode(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.iterdir()}


def _sisa(keluar: Path) -> list[Path]:
    return sorted(keluar.glob(tulis.AWALAN_SEMENTARA + "*"))


@pytest.fixture(scope="module")
def pohon(tmp_path_factory):
    """A data folder, a copy of the fixture chapters and a first complete report."""
    akar = tmp_path_factory.mktemp("interupsi")
    tulis_mini(akar / "data")
    shutil.copytree(CONTOH, akar / "bab")
    proses = _mulai(akar, _kode_bangun(akar))
    _, err = _tunggu(proses)
    assert proses.returncode == 0, err
    return SimpleNamespace(akar=akar, folder=akar / "keluar" / "contoh" / "2023",
                           keluar=akar / "keluar")


# --- SIGKILL at each named point ----------------------------------------

# point → the files a kill there leaves new (moved into place); the notebook is moved first
DIGANTI = {
    "kernel-dimulai": set(),
    "sementara-dibuat": set(),
    "sesudah-jalankan": set(),
    "sebelum-ganti": set(),
    "di-antara-ganti": {"lkjip_contoh_2023.ipynb"},
    "sesudah-ganti": set(NAMA),
}


def test_setiap_titik_diuji():
    assert set(DIGANTI) == set(suntik.TITIK)


@pytest.mark.parametrize("titik", list(DIGANTI))
def test_sigkill_di_titik_meninggalkan_laporan_lama_atau_baru_yang_utuh(pohon, titik):
    sebelum, inode = _isi(pohon.folder), _inode(pohon.folder)
    proses = _mulai(pohon.akar, _kode_bangun(pohon.akar, titik))
    _, err = _tunggu(proses)
    assert proses.returncode == -signal.SIGKILL, err  # it reached the point and died there
    assert _tunggu_tanpa_kernel(pohon.akar / "bab") == []  # the orphan kernel went away
    assert sorted(_isi(pohon.folder)) == NAMA
    baru = {n for n, i in _inode(pohon.folder).items() if i != inode[n]}
    assert baru == DIGANTI[titik]
    for nama in NAMA:
        if nama in baru:
            assert _utuh(pohon.folder / nama), nama
        else:
            assert (pohon.folder / nama).read_bytes() == sebelum[nama], nama
    sisa = _sisa(pohon.keluar)
    assert len(sisa) == (0 if titik == "kernel-dimulai" else 1)
    assert laporan.bersihkan_sisa(pohon.keluar) == sisa  # what the next build does first
    assert _sisa(pohon.keluar) == []


def test_bangun_berikutnya_membuang_sisa_yang_dibunuh_bukan_yang_hidup(pohon):
    mati = _mulai(pohon.akar, _kode_bangun(pohon.akar, "sementara-dibuat"))
    _tunggu(mati)
    assert mati.returncode == -signal.SIGKILL
    sisa_mati = _sisa(pohon.keluar)
    assert len(sisa_mati) == 1
    for tanda in ("berhenti.tanda", "lanjut.tanda"):
        (pohon.akar / tanda).unlink(missing_ok=True)
    hidup = _mulai(pohon.akar, _kode_bangun(pohon.akar, "sementara-dibuat", "tunggu"))
    try:
        _tunggu_berkas(pohon.akar / "berhenti.tanda", hidup)
        sisa_hidup = [p for p in _sisa(pohon.keluar) if p not in sisa_mati]
        assert len(sisa_hidup) == 1
        ketiga = _mulai(pohon.akar, _kode_bangun(pohon.akar))
        _, err = _tunggu(ketiga)
        assert ketiga.returncode == 0, err
        assert _sisa(pohon.keluar) == sisa_hidup  # the killed one's removed, the live one kept
    finally:
        (pohon.akar / "lanjut.tanda").write_text("")
    _, err = _tunggu(hidup)
    assert hidup.returncode == 0, err  # its folder was not pulled from under it
    assert _sisa(pohon.keluar) == []
    assert all(_utuh(pohon.folder / n) for n in NAMA)


def test_bersihkan_sisa_menurut_kunci_dan_umur(tmp_path):
    """In-process: a folder marked live whose lock is free goes; an unmarked one (a build
    between making and locking it) stays while young and goes when an hour old; the folder
    of a live build (its lock held) stays."""
    mati, muda, tua = (tmp_path / f"{tulis.AWALAN_SEMENTARA}{n}" for n in "abc")
    for folder in (mati, muda, tua):
        folder.mkdir()
    (mati / tulis.HIDUP).write_text("999999")
    (mati / "lkjip_contoh_2023.pdf").write_bytes(b"%PDF-1.7 setengah")
    jam_lalu = time.time() - tulis.UMUR_SISA_TANPA_TANDA - 60
    os.utime(tua, (jam_lalu, jam_lalu))
    assert laporan.bersihkan_sisa(tmp_path) == [mati, tua]
    assert _sisa(tmp_path) == [muda]
    with tulis.folder_sementara(tmp_path, "Laporan contoh 2023") as hidup:
        assert (hidup / tulis.HIDUP).read_text() == str(os.getpid())
        assert laporan.bersihkan_sisa(tmp_path) == []
        assert set(_sisa(tmp_path)) == {muda, hidup}
    assert _sisa(tmp_path) == [muda]


def test_dua_bangun_bersamaan_tidak_saling_merusak(pohon):
    proses = [_mulai(pohon.akar, _kode_bangun(pohon.akar)) for _ in range(2)]
    for p in proses:
        _, err = _tunggu(p)
        assert p.returncode == 0, err
    assert _tunggu_tanpa_kernel(pohon.akar / "bab") == []
    assert sorted(_isi(pohon.folder)) == NAMA
    assert all(_utuh(pohon.folder / n) for n in NAMA)
    assert _sisa(pohon.keluar) == []


# --- Ctrl-C ----------------------------------------

def _koneksi_kernel(akar: Path) -> list[Path]:
    """Kernel connection files left in the subprocesses' TMPDIR or Jupyter runtime folder."""
    return sorted([*(akar / "tmpdir").glob("*.json"), *(akar / "runtime").glob("kernel-*.json")])


def test_ctrl_c_di_tengah_sel_tanpa_sisa_dan_laporan_lama_utuh(pohon):
    """A terminal's Ctrl-C while the kernel runs a long cell: exit 130, nothing left behind."""
    bab = pohon.akar / "bab_tidur"
    shutil.copytree(TIDUR, bab)
    sebelum, koneksi = _isi(pohon.folder), _koneksi_kernel(pohon.akar)  # SIGKILLed ones left
    proses = _mulai(pohon.akar, _kode_bangun(pohon.akar, bab=bab))
    _tunggu_berkas(bab / "tidur.tanda", proses)  # the kernel is inside the sleeping cell
    os.killpg(proses.pid, signal.SIGINT)
    _, err = _tunggu(proses, 60)
    assert proses.returncode == 130, err
    assert _tunggu_tanpa_kernel(bab) == []
    assert _isi(pohon.folder) == sebelum
    assert _sisa(pohon.keluar) == []
    assert _koneksi_kernel(pohon.akar) == koneksi


def _pid_kernel(kernel: KernelAwal) -> int:
    return kernel.km.provisioner.process.pid


def _mati(pid: int, detik: float = 10) -> bool:
    """The process ended (gone, or a zombie its parent has not reaped yet)."""
    akhir = time.monotonic() + detik
    while time.monotonic() < akhir:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            return True
        if "\nState:\tZ" in status:
            return True
        time.sleep(0.05)
    return False


def test_tutup_yang_terputus_ctrl_c_tetap_membuang_berkas_koneksi(tmp_path, monkeypatch):
    """A second Ctrl-C that cuts the kernel's shutdown short: the kernel process is still
    killed and its connection file removed (the leak of issue 17)."""
    kernel = KernelAwal(tmp_path).mulai()
    koneksi, pid = Path(kernel.km.connection_file), _pid_kernel(kernel)
    assert koneksi.exists()

    async def terputus(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(kernel.km, "shutdown_kernel", terputus)
    with pytest.raises(KeyboardInterrupt):
        kernel.tutup()
    assert not koneksi.exists()
    assert _mati(pid)
    kernel.tutup()  # again: nothing to do


def test_tutup_kernel_yang_sudah_mati_membuang_berkas_koneksi(tmp_path):
    kernel = KernelAwal(tmp_path).mulai()
    koneksi, pid = Path(kernel.km.connection_file), _pid_kernel(kernel)
    os.kill(pid, signal.SIGKILL)
    assert _mati(pid)
    kernel.tutup()
    assert not koneksi.exists()


def _catat_sinyal(monkeypatch) -> list[tuple[str, int, int]]:
    """Every os.kill / os.killpg of this process from now on, recorded and NOT sent."""
    terkirim: list[tuple[str, int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: terkirim.append(("kill", pid, sig)))
    monkeypatch.setattr(os, "killpg", lambda pg, sig: terkirim.append(("killpg", pg, sig)))
    return terkirim


def test_kernel_yang_sudah_berakhir_tidak_diberi_sinyal(tmp_path, monkeypatch):
    """A kernel that ended and was reaped (nbclient's liveness poll does that): its pid and
    group number are free for other processes, so closing sends no signal at all (jupyter's
    provisioner would killpg the recorded group with SIGINT, then SIGKILL)."""
    kernel = KernelAwal(tmp_path).mulai()
    proses = kernel.km.provisioner.process
    os.kill(proses.pid, signal.SIGKILL)
    proses.wait(timeout=10)  # reaped: the pid may belong to anyone now
    terkirim = _catat_sinyal(monkeypatch)
    kernel.tutup()
    assert terkirim == []


def test_kernel_yang_mati_sebelum_setsid_tidak_membuat_kita_membunuh_grup_sendiri(
        tmp_path, monkeypatch):
    """Ctrl-C (SIGINT to our process group) while a kernel is launched can kill the child
    between fork and its setsid(): jupyter then records OUR group as the kernel's
    (``os.getpgid``) and, closing it, would ``killpg`` our own group with SIGKILL: the batch
    and its workers died with -9 and no message. Here the launch gives such a child."""
    from jupyter_client.provisioning import local_provisioner

    def lahir_mati(cmd, **kw):
        anak = subprocess.Popen(["sh", "-c", "kill -INT $$"])  # in our group, dies of SIGINT
        os.waitid(os.P_PID, anak.pid, os.WEXITED | os.WNOWAIT)  # ended, not reaped
        assert os.getpgid(anak.pid) == os.getpgrp()  # the group jupyter records as its own
        return anak

    monkeypatch.setattr(local_provisioner, "launch_kernel", lahir_mati)
    terkirim = _catat_sinyal(monkeypatch)
    kernel = KernelAwal(tmp_path).mulai()
    assert kernel.km.provisioner.pgid == os.getpgrp()
    kernel.tutup()
    assert terkirim == []


def test_kernel_yang_hidup_tetap_diinterupsi_bersama_grupnya(tmp_path, monkeypatch):
    """The guard keeps the interrupt of a live kernel: SIGINT to its own process group."""
    from jupyter_core.utils import run_sync

    with KernelAwal(tmp_path).mulai() as kernel:
        pid = _pid_kernel(kernel)
        terkirim = _catat_sinyal(monkeypatch)
        run_sync(kernel.km.interrupt_kernel)()
        monkeypatch.undo()
    assert terkirim == [("killpg", pid, signal.SIGINT)]


# An interrupt that lands while ZeroMQ makes one of the kernel's sockets, after the socket
# exists and before its context tracks it (``zmq.Context.socket`` -> ``_add_socket``), raised
# here from that step: the socket is kept alive by the traceback and unknown to the context.
KODE_SOKET_TERPUTUS = """
    import sys, zmq
    from pathlib import Path
    from lkjip.bangun.kernel import KernelAwal

    asli, dibuat = zmq.Context._add_socket, []

    def sela(self, soket):
        dibuat.append(soket)
        if len(dibuat) == {nomor}:
            raise KeyboardInterrupt
        return asli(self, soket)

    zmq.Context._add_socket = sela
    try:
        KernelAwal(Path("kerja").resolve()).mulai()
    except KeyboardInterrupt:
        sys.exit(130)
"""


# the kernel manager's control socket (made in its start), the client's shell socket
@pytest.mark.parametrize("nomor", [1, 2])
def test_interupsi_saat_soket_kernel_dibuat_tidak_menggantung(tmp_path, nomor):
    """`KernelAwal.mulai` interrupted inside the construction of a ZeroMQ socket: its `tutup`
    ends, the kernel and its connection file are gone. Before, the context's term waited
    forever for the socket it did not know of (a SIGTERM-stopped batch hung so, jobs 1)."""
    (tmp_path / "kerja").mkdir()
    proses = _mulai(tmp_path, KODE_SOKET_TERPUTUS.format(nomor=nomor))
    try:
        _, err = _tunggu(proses, 60)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait()
        raise
    assert proses.returncode == 130, err  # interrupted at that socket, then ended
    assert _tunggu_tanpa_kernel(tmp_path / "kerja") == []
    assert _koneksi_kernel(tmp_path) == []


def test_akhiri_konteks_tidak_menunggu_soket_yang_tidak_dikenal_konteksnya():
    """In-process: a socket its context does not track (made without ``Context.socket``, as
    one an interrupt cut off before ``_add_socket``). `sapu` finds and closes it, and the
    context ends; without `sapu` its term cannot end while the socket is open, and is waited
    for only `batas` seconds; it ends once the socket is closed."""
    import threading

    import zmq

    from lkjip.bangun.kernel import akhiri_konteks

    konteks = zmq.Context()
    soket = zmq.Socket(konteks, zmq.DEALER)
    assert soket not in konteks._sockets
    akhiri_konteks(konteks, sapu=True)
    assert soket.closed and konteks.closed

    konteks = zmq.Context()
    soket, dikenal = zmq.Socket(konteks, zmq.DEALER), konteks.socket(zmq.DEALER)
    akhiri_konteks(konteks, batas=0.1)
    assert dikenal.closed and not soket.closed and not konteks.closed  # returned all the same
    soket.close()
    for t in threading.enumerate():
        if t.name == "lkjip-zmq-term":
            t.join(30)
    assert konteks.closed


KODE_BATCH = """
    import json, sys
    from lkjip import laporan
    daftar = [(k, 2023) for k in ("satu", "dua", "tiga", "empat")]
    try:
        hasil = laporan.bangun_banyak(daftar, data_dir={data!r}, out_dir={keluar!r},
                                      jobs={jobs}, notebooks_dir={bab!r})
        kode = 0
    except laporan.Dibatalkan as e:
        print(str(e), file=sys.stderr)
        hasil, kode = e.hasil, 130
    print(json.dumps([[h.kecamatan, h.ok, h.alasan] for h in hasil]))
    sys.exit(kode)
"""


def _batch_berjalan(tmp_path: Path, jobs: int) -> tuple[subprocess.Popen, Path]:
    """A batch of 4 mini kecamatan (`KODE_BATCH`) once its first report is there and the
    others are running; its output folder."""
    for k in ("satu", "dua", "tiga", "empat"):
        tulis_mini(tmp_path / "data", kecamatan=k)
    shutil.copytree(CONTOH, tmp_path / "bab")
    keluar = tmp_path / "keluar"
    proses = _mulai(tmp_path, KODE_BATCH.format(data=str(tmp_path / "data"), keluar=str(keluar),
                                                bab=str(tmp_path / "bab"), jobs=jobs))
    akhir = time.monotonic() + 240
    while not list(keluar.glob("*/2023/*.pdf")) and time.monotonic() < akhir:
        time.sleep(0.1)
    assert proses.poll() is None, _tunggu(proses)
    return proses, keluar


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_menghentikan_batch_tanpa_sisa_dan_melaporkan(tmp_path, jobs):
    proses, keluar = _batch_berjalan(tmp_path, jobs)  # Ctrl-C while others are running
    os.killpg(proses.pid, signal.SIGINT)
    keluaran, err = _tunggu(proses, 120)
    assert proses.returncode == 130, err
    hasil = json.loads(keluaran.strip().splitlines()[-1])
    assert "Dibatalkan (Ctrl-C)" in err and len(hasil) == 4
    dibangun = [k for k, ok, _ in hasil if ok]
    assert dibangun and len(dibangun) < 4, hasil
    for k, ok, alasan in hasil:
        folder = keluar / k / "2023"
        if ok:
            assert all(_utuh(folder / f"lkjip_{k}_2023{e}")
                       for e in (".docx", ".html", ".ipynb", ".pdf"))
        else:
            assert alasan == laporan.ALASAN_BATAL
    assert _tunggu_tanpa_kernel(tmp_path / "bab") == []
    assert _sisa(keluar) == []
    assert _koneksi_kernel(tmp_path) == []


def _sesi(sid: int) -> list[str]:
    """The processes still running in session `sid` (the batch's, with its workers and their
    browsers; kernels start sessions of their own: `_tunggu_tanpa_kernel`)."""
    sisa = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.getsid(int(pid)) == sid and int(pid) != sid:
                with open(f"/proc/{pid}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                        sisa.append(pid)
        except (OSError, IndexError):
            pass
    return sisa


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_menghentikan_batch_tanpa_pekerja_yatim(tmp_path, jobs):
    """SIGTERM to the batch process alone (a scheduler's stop, `timeout`) stops it as Ctrl-C
    does: its workers are stopped, no process of its session, no kernel and no temporary
    folder left. Before, the batch ended at once and its two workers lived on as orphans,
    each with a browser of its own."""
    proses, keluar = _batch_berjalan(tmp_path, jobs)
    os.kill(proses.pid, signal.SIGTERM)
    keluaran, err = _tunggu(proses, 120)
    assert proses.returncode == 130, err
    hasil = json.loads(keluaran.strip().splitlines()[-1])
    assert len(hasil) == 4 and any(ok for _, ok, _ in hasil), hasil
    # the workers learn of it only from the batch (`hentikan`): the reports they were
    # building may end first
    assert all(ok or alasan == laporan.alasan_batal("sinyal berhenti")
               for _, ok, alasan in hasil), hasil
    assert "Dibatalkan (sinyal berhenti)" in err
    akhir = time.monotonic() + 30
    while _sesi(proses.pid) and time.monotonic() < akhir:
        time.sleep(0.2)
    assert _sesi(proses.pid) == []
    assert _tunggu_tanpa_kernel(tmp_path / "bab") == []
    assert _sisa(keluar) == []
    assert _koneksi_kernel(tmp_path) == []


def _sigterm_terpasang() -> None:
    """SIGTERM is handled here now (else sending it would end the test run)."""
    assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)


def test_sigterm_ditahan_di_mana_ctrl_c_ditahan():
    """In-process: SIGTERM while a batch runs is a Ctrl-C, held back where Ctrl-C is
    (`tahan_ctrl_c`, around the making of a kernel's sockets) and raised after that block;
    the default handler is back afterwards."""
    from lkjip.bangun.sinyal import tahan_ctrl_c

    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    terjadi = []
    with pytest.raises(KeyboardInterrupt), kumpulan.ingat_ctrl_c() as ditekan:
        with tahan_ctrl_c():
            _sigterm_terpasang()
            signal.raise_signal(signal.SIGTERM)
            terjadi.append("blok selesai")
        terjadi.append("sesudah blok")
    assert terjadi == ["blok selesai"]
    assert ditekan == [signal.SIGTERM, signal.SIGINT]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize("sinyal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_di_dalam_mesin_impor_tidak_meninggalkan_kunci_impor(tmp_path, monkeypatch,
                                                                    sinyal):
    """In-process: a batch's Ctrl-C or SIGTERM handled inside the weakref callback of an
    import's module lock, right after it took the global import lock (the first line the
    handler can run at, before the ``try`` that releases it; simulated with a trace function
    calling the handler there): the lock is released and the KeyboardInterrupt comes after,
    outside. Before, the lock stayed held (any import in another thread waited forever) and
    the KeyboardInterrupt was swallowed ("Exception ignored in ... cb")."""
    import _imp

    modul = f"modul_lkjip_uji_impor_{sinyal.name.lower()}"
    (tmp_path / f"{modul}.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    dipanggil: list[int] = []

    def di_cb(frame, event, arg):
        if event == "line" and _imp.lock_held() and not dipanggil:
            dipanggil.append(frame.f_lineno)
            signal.getsignal(sinyal)(sinyal, frame)  # the signal lands here
        return di_cb

    def jejak(frame, event, arg):
        kode = frame.f_code
        return di_cb if kode.co_name == "cb" and "importlib" in kode.co_filename else None

    dipegang = None
    try:
        with pytest.raises(KeyboardInterrupt) as e, kumpulan.ingat_ctrl_c() as ditekan:
            sys.settrace(jejak)
            try:
                importlib.import_module(modul)
            finally:
                sys.settrace(None)
            time.sleep(10)  # the SIGINT sent again arrives by here (or already did)
    finally:
        dipegang = _imp.lock_held()
        while _imp.lock_held():  # a failure must not hang the rest of the run
            try:
                _imp.release_lock()
            except RuntimeError:
                break
    assert dipanggil  # the handler ran inside the callback, holding the import lock
    assert dipegang is False
    tb = e.value.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    assert not tb.tb_frame.f_code.co_filename.startswith("<frozen")  # raised outside
    # recorded there, then the SIGINT sent again (once more for each time it landed in import)
    assert ditekan[0] == sinyal and set(ditekan[1:]) == {signal.SIGINT}
    sys.modules.pop(modul, None)


def _tugas_sigterm(t: int) -> int:
    if t == 1:
        _sigterm_terpasang()
        signal.raise_signal(signal.SIGTERM)
    return t * 10


def test_sigterm_menghentikan_petakan_dengan_sebabnya():
    """In-process, jobs 1: SIGTERM in the second of three tasks stops the batch there, as
    Ctrl-C would, and says it was a stop signal."""
    with pytest.raises(kumpulan.Terputus) as e:
        kumpulan.petakan(_tugas_sigterm, [0, 1, 2], jobs=1)
    assert e.value.hasil == [0, None, None]
    assert e.value.sebelum == [True, False, False]
    assert e.value.sebab == kumpulan.SEBAB_BERHENTI
    assert str(e.value) == "Dibatalkan (sinyal berhenti)"
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


# --- stopping a batch's workers: SIGINT, then SIGTERM, then SIGKILL ----------------

class _Proses:
    """A subprocess seen as the ``multiprocessing.Process`` that `kumpulan.hentikan` stops."""

    def __init__(self, abaikan: list[str]):
        kode = ("import signal, sys, time\n"
                + "".join(f"signal.signal(signal.{s}, signal.SIG_IGN)\n" for s in abaikan)
                + "print('siap', flush=True)\ntime.sleep(600)\n")
        self.popen = subprocess.Popen([sys.executable, "-c", kode], stdout=subprocess.PIPE,
                                      text=True)
        assert self.popen.stdout.readline().strip() == "siap"  # its handlers are set
        self.pid = self.popen.pid

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def terminate(self) -> None:
        self.popen.terminate()

    def kill(self) -> None:
        self.popen.kill()


def test_hentikan_naik_dari_sigint_ke_sigterm_ke_sigkill():
    patuh, keras, batu = _Proses([]), _Proses(["SIGINT"]), _Proses(["SIGINT", "SIGTERM"])
    try:
        kumpulan.hentikan([patuh, keras, batu], jeda=(0.2, 0.5, 0.5, 5.0))
        kode = [p.popen.wait(timeout=5) for p in (patuh, keras, batu)]
    finally:
        for p in (patuh, keras, batu):
            p.popen.kill()
            p.popen.wait()
    assert kode == [-signal.SIGINT, -signal.SIGTERM, -signal.SIGKILL]


# --- full disk, read-only folder ----------------------------------------

@pytest.fixture(scope="module")
def kabupaten_lama(pohon):
    """A first kabupaten report over the mini kecamatan, in its own output folder."""
    keluar = pohon.akar / "keluar-kab"
    berkas = kb.bangun_kabupaten(2023, [pohon.akar / "data"], keluar)
    return SimpleNamespace(folder=berkas.pdf.parent, keluar=keluar)


def _bangun_kecamatan(pohon, keluar: Path):
    return laporan.bangun("contoh", 2023, data_dir=pohon.akar / "data", out_dir=keluar,
                          notebooks_dir=pohon.akar / "bab")


def _bangun_kabupaten(pohon, keluar: Path):
    return kb.bangun_kabupaten(2023, [pohon.akar / "data"], keluar)


DOKUMEN = {"kecamatan": (_bangun_kecamatan, "contoh/2023"),
           "kabupaten": (_bangun_kabupaten, "kabupaten/2023")}


@pytest.fixture(params=list(DOKUMEN))
def tanpa_kernel(request, pohon, kabupaten_lama, monkeypatch):
    """A document's build without a kernel: its execution returns the executed notebook of
    its first build, so only the writing runs. Gives (build, earlier folder, sub-path)."""
    bangun, jalur = DOKUMEN[request.param]
    lama = pohon.folder if request.param == "kecamatan" else kabupaten_lama.folder
    nb = nbformat.read(next(lama.glob("*.ipynb")), as_version=4)
    monkeypatch.setattr(modul_dokumen, "jalankan", lambda *a, **k: nb)
    monkeypatch.setattr(modul_dokumen, "mulai_kernel", lambda *a, **k: _KernelPalsu())
    return SimpleNamespace(bangun=lambda keluar: bangun(pohon, keluar), lama=lama, jalur=jalur)


class _KernelPalsu:
    km = None

    def __enter__(self):
        return self

    def siapkan(self, kode: str) -> None:  # `KernelAwal.siapkan`: nothing to prepare
        return None

    def __exit__(self, *exc):
        return None


def _salin_laporan(dok, keluar: Path) -> Path:
    folder = keluar / dok.jalur
    shutil.copytree(dok.lama, folder)
    return folder


@pytest.mark.parametrize("kode, kata", [(errno.ENOSPC, "disk penuh"),
                                        (errno.EROFS, "hanya-baca"),
                                        (errno.EACCES, "izin")])
@pytest.mark.parametrize("di", ["os.replace", "tempfile.mkdtemp", "Path.write_bytes"])
def test_disk_penuh_atau_hanya_baca_disimulasikan(tanpa_kernel, tmp_path, monkeypatch, kode,
                                                  kata, di):
    folder = _salin_laporan(tanpa_kernel, tmp_path)
    sebelum = _isi(folder)

    def gagal(*a, **k):
        raise OSError(kode, os.strerror(kode), str(a[0]) if a else None)
    modul, nama = di.split(".")
    sasaran = {"os": os, "tempfile": tulis.tempfile, "Path": Path}[modul]
    monkeypatch.setattr(sasaran, nama, gagal)
    with pytest.raises(laporan.GagalTulis, match=kata) as e:
        tanpa_kernel.bangun(tmp_path)
    monkeypatch.undo()
    assert "Laporan sebelumnya tidak diubah" in str(e.value)
    assert _isi(folder) == sebelum
    assert _sisa(tmp_path) == []


@pytest.fixture
def tmpfs(tmp_path):
    """A small real file system (tmpfs) mounted at tmp_path/fs; skipped when not permitted."""
    titik = tmp_path / "fs"
    titik.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(titik)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"tidak dapat memasang tmpfs: {r.stderr.strip()}")
    yield titik
    subprocess.run(["umount", "-l", str(titik)], check=False)


def test_folder_keluaran_benar_benar_hanya_baca(tanpa_kernel, tmpfs):
    folder = _salin_laporan(tanpa_kernel, tmpfs)
    sebelum = _isi(folder)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    with pytest.raises(laporan.GagalTulis, match="hanya-baca"):
        tanpa_kernel.bangun(tmpfs)
    assert _isi(folder) == sebelum


def test_disk_benar_benar_penuh(tanpa_kernel, tmpfs):
    folder = _salin_laporan(tanpa_kernel, tmpfs)
    sebelum = _isi(folder)
    fd = os.open(tmpfs / "pengisi", os.O_CREAT | os.O_WRONLY)
    try:  # fill what is left
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError as e:
        assert e.errno == errno.ENOSPC
    finally:
        os.close(fd)
    with pytest.raises(laporan.GagalTulis, match="disk penuh"):
        tanpa_kernel.bangun(tmpfs)
    assert _isi(folder) == sebelum
    assert _sisa(tmpfs) == []


def test_ctrl_c_saat_folder_dibuat_tidak_meninggalkan_folder(tmp_path, monkeypatch):
    """In-process: Ctrl-C arriving right after the temporary folder is made (before it is
    locked and marked live) is held, then delivered inside the block's cleanup: no folder is
    left. Before, such a folder had no ``.hidup`` and stayed an hour (a batch stopped with
    Ctrl-C, CI)."""
    buat = tulis.tempfile.mkdtemp

    def buat_lalu_ctrl_c(**kw):
        folder = buat(**kw)
        os.kill(os.getpid(), signal.SIGINT)
        return folder

    monkeypatch.setattr(tulis.tempfile, "mkdtemp", buat_lalu_ctrl_c)
    dijalankan = []
    with pytest.raises(KeyboardInterrupt):
        with tulis.folder_sementara(tmp_path, "Laporan contoh 2023"):
            dijalankan.append(True)
    assert dijalankan == [] and _sisa(tmp_path) == []


def test_folder_yang_sedang_dihapus_tidak_diambil_bangun_lain(tmp_path, monkeypatch):
    """In-process: at the moment a build releases its lock to remove its folder, another
    build's `bersihkan_sisa` must not take that folder for a killed build's (it would lock
    it, recreating ``.kunci`` inside a folder being removed, and remove it beside its owner);
    the owner removes it."""
    kunci_asli = tulis._kunci
    dilihat = []

    def kunci_diamati(tmp):
        kunci = kunci_asli(tmp)
        lepas = kunci.release

        def lepas_lalu_lihat(*a, **kw):
            hasil = lepas(*a, **kw)
            dilihat.append(tulis.bersihkan_sisa(tmp_path))  # the other build looks now
            return hasil

        kunci.release = lepas_lalu_lihat
        return kunci

    monkeypatch.setattr(tulis, "_kunci", kunci_diamati)
    with tulis.folder_sementara(tmp_path, "Laporan contoh 2023") as tmp:
        (tmp / "lkjip_contoh_2023.pdf").write_bytes(b"%PDF-1.7")
    assert dilihat == [[]] and _sisa(tmp_path) == []
