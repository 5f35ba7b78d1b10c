"""The options of a report's kernel (`lkjip.bangun.kernel.KernelAwal`): no IPython history
database, so a build writes nothing to ~/.ipython/profile_default/history.sqlite (the file
grew with every cell of every build; issue 15). The zygote's kernels: tests/test_zigot.py.
And its spec, looked up without importing IPython in the build process."""

import json
import os
import subprocess
import sys
import textwrap

from lkjip import zigot
from lkjip.bangun.kernel import KernelAwal
from tests.klien_kernel import jalankan

RIWAYAT = ("h = get_ipython().history_manager\n"
           "print(h.enabled, type(h.db).__name__, h.save_thread is None)")


def test_kernel_tanpa_basis_data_riwayat(tmp_path):
    assert zigot._AKTIF.get(os.getpid()) is None  # a normal kernel here, not a forked one
    with KernelAwal(tmp_path).mulai() as k:
        assert "--HistoryManager.enabled=False" in k.km.provisioner.process.args
        assert jalankan(k, RIWAYAT).split() == ["False", "DummyDB", "True"]
        # what a cell computed is still there for the next (in memory: Out, _)
        jalankan(k, "21 * 2")
        assert jalankan(k, "print(Out[max(Out)], _)").split() == ["42", "42"]


def _di_proses_baru(kode: str, env: dict | None = None) -> str:
    hasil = subprocess.run([sys.executable, "-c", textwrap.dedent(kode)], capture_output=True,
                           text=True, timeout=120, env={**os.environ, **(env or {})})
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


def test_spek_kernel_sama_dengan_bawaan_tanpa_mengimpor_ipython():
    # the build process looks the spec up without IPython (imported only for its legacy
    # kernel folder), and finds the very spec jupyter_client's default lookup finds
    keluar = _di_proses_baru("""
        import sys
        from lkjip.bangun.kernel import _pengelola
        spek = _pengelola("python3").kernel_spec
        print("IPython" in sys.modules)
        from jupyter_client.kernelspec import KernelSpecManager
        bawaan = KernelSpecManager().get_kernel_spec("python3")
        print(spek.to_dict() == bawaan.to_dict(), spek.resource_dir == bawaan.resource_dir)
    """)
    assert keluar.split() == ["False", "True", "True"]


def test_spek_hanya_di_folder_ipython_tetap_ditemukan(tmp_path):
    # a spec only in IPython's legacy folder (<IPYTHONDIR>/kernels): the default lookup
    folder = tmp_path / "ipython" / "kernels" / "lkjip-uji"
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps(
        {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "uji", "language": "python"}))
    keluar = _di_proses_baru("""
        from lkjip.bangun.kernel import _pengelola
        from lkjip.zigot import pencari_spek as _pencari_spek
        print(_pencari_spek("lkjip-uji"), _pengelola("lkjip-uji").kernel_spec.resource_dir)
    """, env={"IPYTHONDIR": str(tmp_path / "ipython")})
    assert keluar.split() == ["None", str(folder)]


def test_tutup_tidak_menunggu_giliran_periksa(tmp_path, monkeypatch):
    # jupyter_client's forced shutdown waits for the kernel's end by polling every 0,1 s
    # (asyncio.sleep); KernelAwal kills and waits for it first, so that wait finds it ended
    # and never sleeps its 0,1 s. The process is gone and reaped either way.
    from jupyter_client.provisioning import local_provisioner

    tidur: list[float] = []
    asli = local_provisioner.asyncio.sleep

    async def catat(detik, *a, **k):
        tidur.append(detik)
        return await asli(detik, *a, **k)

    k = KernelAwal(tmp_path).mulai()
    proses = k.km.provisioner.process
    jalankan(k, "1")
    monkeypatch.setattr(local_provisioner.asyncio, "sleep", catat)
    k.tutup()
    assert proses.poll() is not None and k.km is None
    assert 0.1 not in tidur  # (other waits, e.g. 0,01 s, are not this poll)
