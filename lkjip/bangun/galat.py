"""The errors of a build: a document that could not be built, or not written."""

from __future__ import annotations

import errno
from pathlib import Path

from lkjip.galat import LkjipError, Masalah

# errno names that a system may lack (Windows has no EDQUOT): looked up, never assumed
_ALASAN_OS = {
    "ENOSPC": "disk penuh",
    "EDQUOT": "kuota disk habis",
    "EROFS": "folder keluaran hanya-baca (read-only)",
    "EACCES": "tidak ada izin menulis ke folder keluaran",
    "EPERM": "tidak ada izin menulis ke folder keluaran",
}
ALASAN_OS = {getattr(errno, nama): teks for nama, teks in _ALASAN_OS.items()
             if hasattr(errno, nama)}


class GagalBangun(LkjipError):
    """A document could not be built; names the chapter file and cell that failed.

    >>> print(GagalBangun("Laporan contoh 2023", [Masalah("01_bab1.ipynb", pesan="sel ke-3: E")]))
    Laporan contoh 2023 gagal dibangun:
    - 01_bab1.ipynb: sel ke-3: E
    """

    def __init__(self, judul: str, masalah: list[Masalah]):
        self.judul = judul
        super().__init__(masalah)

    def ringkasan(self) -> str:
        baris = [f"{self.judul} gagal dibangun:"]
        return "\n".join(baris + [f"- {m}" for m in self.masalah])


class GagalTulis(GagalBangun):
    """The files could not be written (disk full, read-only folder, no permission)."""


def gagal_tulis(judul: str, folder: Path, e: OSError, diganti=()) -> GagalTulis:
    """The Indonesian message for an OSError while writing a document; `diganti`: the files
    already moved into place when it happened (the others are still the earlier ones).

    >>> print(gagal_tulis("Laporan contoh 2023", Path("/o"), OSError(errno.ENOSPC, "No space")))
    Laporan contoh 2023 gagal dibangun:
    - /o: tidak dapat menulis laporan: disk penuh. Laporan sebelumnya tidak diubah.
    >>> print(gagal_tulis("X", Path("/o"), OSError(errno.EIO, "I/O error"), [Path("/o/x.ipynb")]))
    X gagal dibangun:
    - /o: tidak dapat menulis laporan: I/O error. Sudah diganti: x.ipynb; berkas lain masih \
versi sebelumnya.
    """
    alasan = ALASAN_OS.get(e.errno) or f"{e.strerror or e}"
    akibat = "Laporan sebelumnya tidak diubah." if not diganti else (
        f"Sudah diganti: {', '.join(Path(p).name for p in diganti)}; "
        "berkas lain masih versi sebelumnya.")
    pesan = f"tidak dapat menulis laporan: {alasan}. {akibat}"
    return GagalTulis(judul, [Masalah(str(folder), pesan=pesan)])


def gagal_kernel(judul: str, e: BaseException) -> GagalBangun:
    """A kernel that would not start or died while running the document."""
    pesan = f"kernel gagal: {type(e).__name__}: {e}"
    return GagalBangun(judul, [Masalah("(notebook gabungan)", pesan=pesan)])
