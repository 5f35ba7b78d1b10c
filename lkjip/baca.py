"""Reading input files as a spreadsheet wrote them: bytes, text, rows (CSV and narasi Markdown).

Every input file of a kecamatan goes through `baca_byte`, which refuses, with a `Masalah`
naming the file instead of an exception: a symlink (or a folder link on the way) that resolves
outside the data folder (the content would be published from elsewhere), an entry that is not a
regular file (a folder named ``inovasi.md``, a FIFO that would block), a file above
`BATAS_BYTE`, and any OS error (permission, disk), in Bahasa Indonesia (`pesan_os`).

Text (`dekode`) is UTF-8 with or without BOM, for CSV and Markdown alike; Windows-1252 or
UTF-16, as Excel also saves, is refused with the menu entry to use instead: guessing an
encoding would mangle names without a word.

Rows (`baca_baris`) are the spreadsheet's rows: one CSV record is one row whatever its quoting
(a quoted Alt+Enter line break does not shift later row numbers, as counting physical lines
would); line ends may be CRLF, LF or CR alone (Excel's "CSV (Macintosh)"); a first line
``sep=;`` (Excel's delimiter hint) sets the delimiter and, as in Excel, is not a row; empty
header cells at the end (Excel's used range, ``…;pagu_perubahan;;;;``) are dropped when their
columns are empty; a row whose first cell starts with ``#`` is a comment (the example rows
`lkjip baru` writes), skipped but still counted.

Why a size limit: a file is read whole and every cell becomes a Python string, so memory grows
about 20 times the file size through validation (measured by benchmarks/muat_memori.py). 20 MB
holds far more than any kecamatan types (an IKM survey of 400.000 respondents); above it the
file is refused before it is read.

>>> b = baca_baris('sep=;\\rkode;nama;;\\r#1;contoh\\r1;"a\\r\\nb"\\r2;c\\r', "x.csv")
>>> b.pemisah, b.komentar, b.baris, b.lebar_judul
(';', 1, [(1, ['kode', 'nama']), (3, ['1', 'a\\nb']), (4, ['2', 'c'])], 4)
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
import sys
from pathlib import Path
from typing import NamedTuple

from lkjip.galat import Masalah

BATAS_BYTE = 20 * 2**20
KOMENTAR = "#"
_SEP = re.compile(r"\s*sep\s*=\s*(.)\s*", re.IGNORECASE)
_ALASAN_OS = {
    errno.EACCES: "tidak ada izin untuk membacanya",
    errno.EPERM: "tidak ada izin untuk membacanya",
    errno.EISDIR: "ini sebuah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
    errno.ENOENT: "tidak ditemukan",
    errno.ELOOP: "tautan simbolik berputar",
    errno.EIO: "kesalahan baca pada perangkat penyimpanan (disk)",
    errno.ENOSPC: "ruang penyimpanan (disk) penuh",
    errno.EROFS: "penyimpanan hanya dapat dibaca",
    errno.ENAMETOOLONG: "nama jalurnya terlalu panjang",
}


def pesan_os(e: OSError) -> str:
    """An OS error as a short Indonesian reason (the English one of the OS as the fallback).

    >>> pesan_os(PermissionError(13, "Permission denied"))
    'tidak ada izin untuk membacanya'
    """
    return _ALASAN_OS.get(e.errno, f"galat sistem: {e.strerror or e}")


# --- bytes ---------------------------------------------------------------------------------

def di_dalam(jalur: Path, akar: Path) -> bool:
    """True when `jalur`, every link on the way followed, lies inside the folder `akar`."""
    try:
        jalur.resolve().relative_to(akar.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def cek_entri(jalur: Path, nama: str, akar: Path | None, apa: str = "berkas") -> list[Masalah]:
    """Problems with reading `jalur` at all: outside the data folder, not a regular file, too
    large, unreadable. Empty when it can be read."""
    if akar is not None and not di_dalam(jalur, akar):
        return [Masalah(nama, pesan=(
            "adalah tautan simbolik (symlink) yang menunjuk ke luar folder data; lkjip hanya "
            "membaca berkas di dalam folder data. Salin berkasnya ke sini."))]
    try:
        info = jalur.stat()
    except OSError as e:
        if jalur.is_symlink():
            return [Masalah(nama, pesan="adalah tautan simbolik (symlink) yang rusak.")]
        return [Masalah(nama, pesan=f"tidak dapat dibaca: {pesan_os(e)}.")]
    if stat.S_ISDIR(info.st_mode):
        return [Masalah(nama, pesan=f"adalah sebuah folder, padahal seharusnya {apa}.")]
    if not stat.S_ISREG(info.st_mode):
        return [Masalah(nama, pesan=f"bukan berkas biasa, padahal seharusnya {apa}.")]
    if info.st_size > BATAS_BYTE:
        return [Masalah(nama, pesan=(
            f"berukuran {info.st_size / 2**20:.1f} MB, melebihi batas "
            f"{BATAS_BYTE // 2**20} MB per berkas (lihat data/README.md)."))]
    return []


def baca_byte(jalur: Path, nama: str, akar: Path | None = None,
              apa: str = "berkas") -> tuple[bytes | None, list[Masalah]]:
    """The bytes of one input file, or None and the problems (`cek_entri`, OS errors)."""
    masalah = cek_entri(jalur, nama, akar, apa)
    if masalah:
        return None, masalah
    try:
        with jalur.open("rb") as f:
            isi = f.read(BATAS_BYTE + 1)
    except OSError as e:
        return None, [Masalah(nama, pesan=f"tidak dapat dibaca: {pesan_os(e)}.")]
    if len(isi) > BATAS_BYTE:  # grew while being read
        return None, [Masalah(nama, pesan=f"melebihi batas {BATAS_BYTE // 2**20} MB per berkas.")]
    return isi, []


# --- text ----------------------------------------------------------------------------------

def _baris_ke(isi: bytes, posisi: int) -> int:
    """The line (1-based) of a byte position, any line end counted once."""
    awal = isi[:posisi]
    return awal.count(b"\n") + awal.count(b"\r") - awal.count(b"\r\n") + 1


def dekode(isi: bytes, nama: str, jenis: str = "CSV UTF-8") -> tuple[str | None, list[Masalah]]:
    """UTF-8 text (BOM dropped), or None and a message saying how to save the file instead.

    >>> dekode("Pek\\u00e9n".encode("cp1252"), "desa.csv")[1][0].pesan[:32]
    'bukan teks UTF-8 (mungkin disimp'
    """
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Masalah(nama, pesan=(
            "tersimpan sebagai UTF-16 (Excel 'Unicode Text'); simpan ulang sebagai "
            f"'{jenis}'."))]
    if b"\x00" in isi:
        baris = _baris_ke(isi, isi.index(b"\x00"))
        return None, [Masalah(nama, baris, pesan="berisi karakter NUL; ini bukan berkas teks.")]
    try:
        return isi.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        return None, [Masalah(nama, _baris_ke(isi, e.start), pesan=(
            "bukan teks UTF-8 (mungkin disimpan sebagai 'CSV (Comma delimited)' atau teks "
            f"Windows-1252); simpan ulang sebagai '{jenis}'."))]


# --- rows ----------------------------------------------------------------------------------

def pemisah(baris_judul: str) -> str:
    """`;` when the header has more of them than of `,`."""
    return ";" if baris_judul.count(";") > baris_judul.count(",") else ","


def _baris_pertama(teks: str) -> tuple[str, str]:
    """The first line and the rest, any line end."""
    m = re.search(r"\r\n|\r|\n", teks)
    return (teks, "") if m is None else (teks[: m.start()], teks[m.end():])


class Baris(NamedTuple):
    """The rows of one CSV text: ``(spreadsheet row, cells)`` with the header first, the
    delimiter, how many comment rows were skipped, and the problems."""

    baris: list[tuple[int, list[str]]]
    pemisah: str
    komentar: int
    masalah: list[Masalah]
    # the header's cells as read, empty ones at its end included (Excel's used range), which
    # `baris` drops: a data row longer than this is not the used range (`lkjip.muat`)
    lebar_judul: int = 0


def baca_baris(teks: str, nama: str) -> Baris:
    """The header and data rows of a CSV text, numbered as the spreadsheet shows them.

    Comment rows (first cell starting with ``#``) and empty rows are left out; their numbers
    are skipped. Trailing empty header cells are dropped (`_potong_judul`; ``lebar_judul``
    keeps the header's width as read).
    """
    pertama, sisa = _baris_pertama(teks)
    m = _SEP.fullmatch(pertama)
    if m:
        teks, tanda = sisa, m.group(1)
    else:
        tanda = pemisah(pertama)
    pembaca = csv.reader(io.StringIO(teks, newline=None), delimiter=tanda)
    hasil: list[tuple[int, list[str]]] = []
    nomor, komentar = 0, 0
    try:
        for nomor, sel in enumerate(pembaca, start=1):  # noqa: B007 (nomor used after)
            if nomor == 1 or _isi(sel):
                hasil.append((nomor, [_satu(c) for c in sel]))
            elif _komentar(sel):
                komentar += 1
    except csv.Error as e:
        pesan = f"tidak dapat dibaca sebagai CSV ({_pesan_csv(e)})."
        return Baris([], tanda, komentar, [Masalah(nama, nomor + 1, pesan=pesan)])
    return Baris(_potong_judul(hasil), tanda, komentar, [], len(hasil[0][1]) if hasil else 0)


def _satu(sel: str) -> str:
    """A short cell as one shared string object: a survey repeats its dates, services and
    semesters in every row (memory grows with distinct values, not with rows)."""
    return sys.intern(sel) if len(sel) <= 24 else sel


def _komentar(sel: list[str]) -> bool:
    return bool(sel) and sel[0].lstrip("\ufeff").lstrip().startswith(KOMENTAR)


def _isi(sel: list[str]) -> bool:
    """A data row: not empty, not a comment."""
    return any(s.strip() for s in sel) and not _komentar(sel)


def _pesan_csv(e: csv.Error) -> str:
    teks = str(e)
    if "field larger than field limit" in teks:
        return "satu sel terlalu panjang; mungkin tanda petik pembuka tanpa penutup"
    if "new-line character" in teks:
        return "baris baru di dalam sel tanpa tanda petik"
    if "NUL" in teks:
        return "berisi karakter NUL"
    return "susunan tanda petik tidak sah"


def _potong_judul(baris: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Drop empty header cells at the end of the header (Excel's used range)."""
    if not baris:
        return baris
    nomor, judul = baris[0]
    while judul and not judul[-1].strip():
        judul = judul[:-1]
    return [(nomor, judul)] + baris[1:]


def tulis_teks(jalur: Path, teks: str) -> None:
    """Write a new text file (UTF-8 with BOM for Excel), refusing to replace one."""
    with open(jalur, "x", encoding="utf-8-sig", newline="") as f:
        f.write(teks)
    os.chmod(jalur, 0o644)
