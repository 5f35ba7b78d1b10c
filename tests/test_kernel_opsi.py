"""The options of a report's kernel (`lkjip.bangun.kernel.KernelAwal`): no IPython history
database, so a build writes nothing to ~/.ipython/profile_default/history.sqlite (the file
grew with every cell of every build; issue 15). The zygote's kernels: tests/test_zigot.py."""

import os

from lkjip import zigot
from lkjip.bangun.kernel import KernelAwal

RIWAYAT = ("h = get_ipython().history_manager\n"
           "print(h.enabled, type(h.db).__name__, h.save_thread is None)")


def jalankan(kernel: KernelAwal, kode: str) -> str:
    """Run `kode` in the kernel; return what it printed."""
    klien = kernel.km.blocking_client()
    klien.start_channels()
    try:
        klien.wait_for_ready(timeout=60)
        keluar: list[str] = []
        balas = klien.execute_interactive(
            kode, timeout=60,
            output_hook=lambda m: keluar.append(m["content"].get("text", "")))
        assert balas["content"]["status"] == "ok", balas["content"]
        return "".join(keluar)
    finally:
        klien.stop_channels()


def test_kernel_tanpa_basis_data_riwayat(tmp_path):
    assert zigot._AKTIF.get(os.getpid()) is None  # a normal kernel here, not a forked one
    with KernelAwal(tmp_path).mulai() as k:
        assert "--HistoryManager.enabled=False" in k.km.provisioner.process.args
        assert jalankan(k, RIWAYAT).split() == ["False", "DummyDB", "True"]
        # what a cell computed is still there for the next (in memory: Out, _)
        jalankan(k, "21 * 2")
        assert jalankan(k, "print(Out[max(Out)], _)").split() == ["42", "42"]
