"""Building documents: one build path for the kecamatan report, the kabupaten view, and more.

A document (`Dokumen`) is a list of notebooks run with parameters and written in some
formats under a name in a folder. `bangun_dokumen` builds it: joins the notebooks, executes
them once in a kernel of its own, exports each format, and moves the files into place
atomically. Every kind of document goes through it, so all get the same lock, temporary
folder, disk errors, Ctrl-C handling and progress. A new kind is one call::

    from lkjip.bangun import Dokumen, bangun_dokumen

    dok = Dokumen(judul=f"Laporan triwulan {kecamatan} {tahun} TW{tw}",
                  bab=(NOTEBOOKS / "triwulan" / "lkjip_triwulan.ipynb",),
                  parameter={"kecamatan": kecamatan, "tahun": tahun, "triwulan": tw},
                  folder=out / kecamatan / str(tahun), nama=f"triwulan_{kecamatan}_{tahun}_{tw}",
                  format=("ipynb", "html", "pdf"))
    (berkas,) = bangun_dokumen(dok, out_dir=out, kemajuan=lapor)   # berkas.pdf, berkas["html"]

Several documents of one build (an edition and its working paper) are built together:
``edisi, kertas = bangun_dokumen(dok_edisi, dok_kertas, out_dir=out)`` runs each in its own
kernel and moves the files of both into place only when all are complete. A format (ipynb,
html, pdf, docx) is a method of `keluaran.Keluaran` named by its extension, listed in a
document's ``format``. The kecamatan report is `lkjip.laporan.dokumen`; the kabupaten view is
`lkjip.kabupaten.bangun_kabupaten`.

Modules, by concern: `dokumen` (the build itself), `jalankan` (join, execute with papermill
in an early kernel), `kernel` (that kernel and its clients), `mesin` (the papermill engine:
lkjip's client, each cell's start told), `keluaran` (one writer per format), `tulis`
(temporary folder, lock, stale-folder cleanup, atomic renames), `galat` (`GagalBangun`,
`GagalTulis`), `sinyal` (Ctrl-C held back where a cut would leave a mess), `kumpulan` (a batch
on a process pool or Dask, Ctrl-C), `suntik` (named points where a test injects a fault).

Speed (issue 6). A report's cost is set by the machinery, so a build:
- joins the chapters into one notebook and runs it once, in one kernel (not one per chapter);
- starts that kernel first, with pandas, matplotlib and lkjip queued for import in it
  (`kernel.KernelAwal`), and loads and checks the data while it boots;
- exports in-process (nbconvert HTML, then the PDF printed by one Chromium the process keeps,
  `lkjip.peramban`, or laid out by WeasyPrint where there is none): no process per step;
- shuts the kernel down at once (papermill's graceful shutdown sometimes stalls ~2.6 s);
- skips the imports of jsonschema's format checkers (rfc3987_syntax's grammar ~0.9 s a process,
  `jalankan.lewati_rfc3987`) and imports papermill's requests and BeautifulSoup's CSS
  selector engine (soupsieve) only if used (`jalankan.tunda_impor`), both called when a build
  starts: importing this package changes nothing in ``sys.modules``.
A batch runs builds on a spawn process pool (or a Dask cluster's executor); each worker pays
its imports (nbformat, papermill, nbconvert, its first template compile) and its browser once
and keeps them warm for all its reports. What a worker never reuses is a kernel: every report gets
a new kernel that no other report has run in, so no state, import or figure carries over.
On Linux a pool worker's kernels are forked from a zygote that imported ipykernel, pandas,
matplotlib and lkjip once and never runs report code (`lkjip.zigot`; numpy's generator is
reseeded in each kernel): a new process per report, minus ~0,7 CPU-s of start and imports.
Rejected: running reports one after another in one kernel (state leaks between reports).
In the real report (60 pages) WeasyPrint's layout of the PDF was most of the time; Chromium
prints both documents in ~1,6 CPU-s (``make bench`` measures a build).

Interrupted and concurrent builds: each build writes its own temporary folder
``<out>/.bangun-*`` and renames each finished file into place with ``os.replace`` (atomic on
one file system). So a build killed at any moment (even SIGKILL) leaves, for each file,
either the previous complete file or the new complete one, never a truncated file; the
renames follow each other within microseconds, and a kill exactly between them would leave
e.g. the new HTML next to the previous PDF (both complete). Ctrl-C there is held until the
renames are done. Two builds of the same document at once do not corrupt each other: the
last rename wins. A build holds a lock (the ``filelock`` package: portable) on ``.kunci`` in
its temporary folder while it lives; the folder of a killed build is unlocked and is removed
by the next build in the same output folder (`bersihkan_sisa`). A full disk, a read-only
folder or a missing permission ends in `GagalTulis` with the earlier files intact. Ctrl-C
raises KeyboardInterrupt after the kernel was shut down (its connection file removed) and
the temporary folder removed; a batch interrupted with Ctrl-C stops its workers and raises
`lkjip.laporan.Dibatalkan`, which lists what was built.

Tests kill or interrupt a build at the named points of `suntik.TITIK` (``suntik.pada(nama,
aksi)``), not at a fraction of a measured duration. Portable: no POSIX-only import or signal
at module level; SIGINT escalation only where the system has it (`kumpulan.hentikan`).
"""

from lkjip.bangun.dokumen import BerkasLaporan, Dokumen, bangun_dokumen
from lkjip.bangun.galat import GagalBangun, GagalTulis
from lkjip.bangun.suntik import TITIK
from lkjip.bangun.tulis import bersihkan_sisa

__all__ = ["TITIK", "BerkasLaporan", "Dokumen", "GagalBangun", "GagalTulis", "bangun_dokumen",
           "bersihkan_sisa"]
