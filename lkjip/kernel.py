"""A report's kernel, started early: it boots while the build process does other work.

Starting a kernel (~0.5 s) and importing pandas, matplotlib and lkjip in it (~0.7 s) is most of
what a small report's execution costs, and all of it happens in the kernel process. So a build
starts its kernel first and queues those imports in it (a silent execute: no output, no
execution count), then loads and checks the data, joins the chapters and imports papermill in
the build process while the kernel gets ready; papermill then runs the report's cells in that
kernel. Each report still gets a new kernel of its own that no other report has used, started
from the kernel spec as papermill would start it: reports stay isolated.
"""

from __future__ import annotations

from pathlib import Path

PRAIMPOR = "import pandas, matplotlib.pyplot, lkjip"


class KernelAwal:
    """``with KernelAwal(cwd).mulai() as kernel: papermill.execute_notebook(..., km=kernel.km)``.

    The kernel is shut down (immediately) on leaving the block, whatever happened.
    """

    def __init__(self, cwd: Path, kernel_name: str = "python3", praimpor: str = PRAIMPOR):
        self.cwd, self.kernel_name, self.praimpor = Path(cwd), kernel_name, praimpor
        self.km = self._klien = None

    def mulai(self) -> KernelAwal:
        """Start the kernel and queue the imports; returns at once, the kernel boots meanwhile."""
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        try:
            run_sync(self.km.start_kernel)(cwd=str(self.cwd))
            self._klien = self.km.blocking_client()
            self._klien.start_channels(iopub=False, stdin=False, hb=False, control=False)
            self._klien.execute(self.praimpor, silent=True, store_history=False)
        except BaseException:
            self.tutup()
            raise
        return self

    def tutup(self) -> None:
        """Shut the kernel down now; again is a no-op."""
        from jupyter_core.utils import run_sync

        if self._klien is not None:
            self._klien.stop_channels()
            self._klien = None
        if self.km is not None and self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)

    def __enter__(self) -> KernelAwal:
        return self

    def __exit__(self, *exc) -> None:
        self.tutup()
