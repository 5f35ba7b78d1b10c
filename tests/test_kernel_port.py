"""A report's kernel never fails to start because of a TCP port collision
(`lkjip.bangun.kernel`): on Linux it uses no TCP port at all (abstract Unix sockets), and over
TCP (Windows, macOS) a kernel that died at start because a port it was given was taken is
started again with new ports, a bounded number of times, and no other failure is retried.

The collision is forced, not waited for: jupyter_client's port pick
(``LocalPortCache.find_available_port``) is made to name a port this test holds bound and
listening, as another process that got the same "free" port would."""

import json
import os
import socket
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.connect import LocalPortCache

from lkjip import laporan, zigot
from lkjip.bangun import kernel
from lkjip.bangun.kernel import KernelAwal, buka_klien, siapkan_pekerja, tutup_klien
from tests.klien_kernel import jalankan
from tests.mini import tulis_mini

linux_ipc = pytest.mark.skipif(not kernel.ipc_mungkin(), reason="abstract ipc: Linux only")


@pytest.fixture
def port_direbut(monkeypatch):
    """A port held bound and listening here; jupyter_client's pick names it as the kernel's
    first (shell) port at each of the next `kali[0]` kernel starts (all when None)."""
    sok = socket.socket()
    sok.bind(("127.0.0.1", 0))
    sok.listen()
    port = sok.getsockname()[1]
    kali: list = [None]
    asli = LocalPortCache.find_available_port
    dipilih: list[int] = []

    def pilih(self, ip):
        baru = len(dipilih) % 5 == 0 and (kali[0] is None or len(dipilih) < 5 * kali[0])
        dipilih.append(port if baru else asli(self, ip))
        return dipilih[-1]

    monkeypatch.setattr(LocalPortCache, "find_available_port", pilih)
    yield port, kali, dipilih
    sok.close()


@pytest.fixture
def tcp(monkeypatch):
    """Kernels over TCP, as on Windows and macOS."""
    monkeypatch.setattr(kernel, "ipc_mungkin", lambda: False)


def _soket_abstrak(nama: str) -> list[str]:
    """The names of this network namespace's abstract Unix sockets that start with `nama` and
    listen (/proc/net/unix: Flags __SO_ACCEPTCON; a connection accepted on one is also
    listed under its name), sorted."""
    kolom = [b.split() for b in Path("/proc/net/unix").read_text().splitlines()[1:]]
    return sorted(k[7] for k in kolom if len(k) > 7 and k[7].startswith(nama)
                  and int(k[3], 16) & 0x10000)


@linux_ipc
@pytest.mark.parametrize("cara", ["biasa", "zigot"])
def test_linux_kernel_tanpa_port_tcp(tmp_path, port_direbut, cara):
    """The kernel binds its five channels as abstract sockets named in its connection file; a
    port taken by another process does not matter (no TCP port is picked); nothing is left
    after it is closed: no connection file, no socket."""
    _, _, dipilih = port_direbut
    if cara == "zigot":
        siapkan_pekerja()
    try:
        with KernelAwal(tmp_path).mulai() as k:
            info = json.loads(Path(k.km.connection_file).read_text())
            koneksi, nama = Path(k.km.connection_file), info["ip"]
            assert jalankan(k, "print(6 * 7)") == "42\n"
            ada = _soket_abstrak(nama)
            pid_kernel = int(jalankan(k, "import os; print(os.getpid())"))
    finally:
        zigot.matikan()
    assert info["transport"] == "ipc" and nama.startswith(f"@lkjip-kernel-{os.getpid()}-")
    assert kernel._angkutan()["ip"] != kernel._angkutan()["ip"]  # each kernel its own names
    assert [info[s] for s in kernel.SALURAN] == [1, 2, 3, 4, 5]
    assert ada == [f"{nama}-{i}" for i in range(1, 6)]
    assert dipilih == []  # jupyter_client picked no TCP port
    assert not Path(f"/proc/{pid_kernel}").exists() or \
        Path(f"/proc/{pid_kernel}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    assert not koneksi.exists() and _soket_abstrak(nama) == []
    assert not (tmp_path / f"{nama}-1").exists()  # and no ipc file in the kernel's folder


def _buku(folder: Path) -> Path:
    """A report of one chapter: its parameters, then a cell printing 1 + ... + 10 = 55 and
    the year it was given."""
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    param = nbformat.v4.new_code_cell('kecamatan = "contoh"\ntahun = 2000\ndata_dir = "."')
    param.metadata["tags"] = ["parameters"]
    nb.cells = [param, nbformat.v4.new_code_cell("print(sum(range(1, 11)), tahun)")]
    nbformat.write(nb, folder / "00_hitung.ipynb")
    return folder


def _cetakan(nb_path: Path) -> list[str]:
    nb = nbformat.read(nb_path, as_version=4)
    return [o.get("text", "") for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", [])]


def test_tcp_port_direbut_kernel_dimulai_lagi(tmp_path, tcp, port_direbut):
    """Over TCP (as on Windows), the first kernel is given a port another socket holds: it
    dies at start ("Address already in use"), is started again with new ports, and the build's
    result is the one computed by hand."""
    port, kali, dipilih = port_direbut
    kali[0] = 1
    tulis_mini(tmp_path / "data")
    berkas = laporan.bangun("contoh", 2023, data_dir=tmp_path / "data",
                            out_dir=tmp_path / "keluar", notebooks_dir=_buku(tmp_path / "nb"))
    assert dipilih[0] == port and len(dipilih) == 10  # two starts, five ports each
    assert port not in dipilih[5:]
    assert _cetakan(berkas.notebook) == ["55 2023\n"]


@pytest.fixture
def induk():
    """This process as a batch worker with its zygote, stopped afterwards."""
    siapkan_pekerja()
    yield
    zigot.matikan()


@pytest.mark.skipif(not zigot.mungkin(), reason="zygote: Linux only")
def test_tcp_port_direbut_kernel_zigot_dimulai_lagi(tmp_path, tcp, port_direbut, induk):
    """The same with a kernel forked from the zygote: started again through it."""
    port, kali, dipilih = port_direbut
    kali[0] = 1
    with KernelAwal(tmp_path).mulai() as k:
        tutup_klien(buka_klien(k.km, 60))
        assert jalankan(k, "import os; print(6 * 7, os.getppid())").split() == \
            ["42", str(zigot._AKTIF[os.getpid()].proses.pid)]
    assert dipilih[0] == port and len(dipilih) == 10 and port not in dipilih[5:]


def test_tcp_port_direbut_terus_gagal_setelah_tiga_kali(tmp_path, tcp, port_direbut):
    """A port taken at every start: three starts, then the error; the connection file is
    removed."""
    _, _, dipilih = port_direbut
    with KernelAwal(tmp_path).mulai() as k:
        koneksi = Path(k.km.connection_file)
        with pytest.raises(RuntimeError, match="died"):
            buka_klien(k.km, 60)
    assert len(dipilih) == 5 * kernel.COBA_PORT
    assert not koneksi.exists()


def test_tcp_kernel_mati_karena_lain_tidak_dimulai_lagi(tmp_path, tcp, monkeypatch):
    """A kernel that dies at start for another reason (here: its program exits at once) is
    not started again."""
    spek = tmp_path / "jupyter" / "kernels" / "lkjip-mati"
    spek.mkdir(parents=True)
    (spek / "kernel.json").write_text(json.dumps(
        {"argv": [sys.executable, "-c", "raise SystemExit(3)", "-f", "{connection_file}"],
         "display_name": "mati", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    lagi: list = []
    monkeypatch.setattr(kernel, "_mulai_lagi", lagi.append)
    with KernelAwal(tmp_path, kernel_name="lkjip-mati").mulai() as k:
        with pytest.raises(RuntimeError, match="died"):
            tutup_klien(buka_klien(k.km, 60))
        assert k.km.provisioner.process.returncode == 3
    assert lagi == []


def test_port_terpakai_seperti_ikatan_zeromq():
    """In use: a port another socket listens on. Not in use: a free port, and (POSIX) one
    where only a closed connection of the ended kernel waits (TIME_WAIT), which ZeroMQ's
    bind (SO_REUSEADDR) would take."""
    with socket.socket() as dengar:
        if os.name == "posix":  # as ZeroMQ's bind of a kernel's port
            dengar.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        dengar.bind(("127.0.0.1", 0))
        dengar.listen()
        port = dengar.getsockname()[1]
        assert kernel._terpakai("127.0.0.1", port)
        if os.name == "posix":
            with socket.create_connection(("127.0.0.1", port)) as klien:
                diterima, _ = dengar.accept()
                diterima.close()  # the kernel's side closes first ...
                dengar.close()
                klien.recv(1)
            # ... the client then: the kernel's port in TIME_WAIT
            assert not kernel._terpakai("127.0.0.1", port)
    assert not kernel._terpakai("127.0.0.1", port)
