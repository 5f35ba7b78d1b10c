"""Running code in a test's kernel (`lkjip.bangun.kernel.KernelAwal`) and reading what it
printed: shared by the kernel-option and zygote tests."""

from lkjip.bangun.kernel import KernelAwal


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
