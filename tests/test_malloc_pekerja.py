"""A batch's pool workers and its kernels keep less freed memory in glibc's malloc
(lkjip.zigot.malloc_hemat: at most two arenas, large blocks mapped on their own; issue 15)."""

import platform
import sys
import threading

import pytest

from lkjip.bangun.kumpulan import petakan


def _heap_malloc() -> int:
    """How many malloc arenas (heaps) this process has, from glibc's malloc_info."""
    import ctypes
    import tempfile

    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    with tempfile.NamedTemporaryFile(suffix=".xml") as f:
        fp = libc.fopen(f.name.encode(), b"w")
        libc.malloc_info(0, ctypes.c_void_p(fp))
        libc.fclose(ctypes.c_void_p(fp))
        return f.read().count(b"<heap nr=")


def malloc_di_pekerja(_) -> tuple[int, int]:
    """In a pool worker: the malloc arenas after six threads each allocated at once, and
    whether a second 300 kB block, after one freed, is mapped on its own (mallinfo2's hblks
    count goes up by one) rather than carved from a heap."""
    import ctypes

    mulai, lepas = threading.Barrier(6), threading.Event()

    def pakai() -> None:
        blok = bytearray(4096)  # over pymalloc's 512 bytes: glibc's malloc, this thread's arena
        mulai.wait()
        lepas.wait()
        del blok

    benang = [threading.Thread(target=pakai) for _ in range(6)]
    for b in benang:
        b.start()
    arena = _heap_malloc()
    lepas.set()
    for b in benang:
        b.join()

    class Info(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
                                                    "hblkhd", "usmblks", "fsmblks",
                                                    "uordblks", "fordblks", "keepcost")]

    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = Info
    besar = bytearray(300_000)
    del besar  # freed: glibc's dynamic threshold would now rise above 300 kB
    sebelum = libc.mallinfo2().hblks
    kedua = bytearray(300_000)
    dipetakan = libc.mallinfo2().hblks - sebelum
    del kedua
    return arena, dipetakan


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc malloc")
def test_pekerja_malloc_hemat(monkeypatch):
    """A pool worker's malloc keeps at most two arenas (six threads allocating at once would
    get six, plus the main one) and maps a large block on its own even after one was freed."""
    monkeypatch.setenv("LKJIP_ZIGOT", "0")
    monkeypatch.setenv("LKJIP_PERAMBAN_BERSAMA", "0")
    assert petakan(malloc_di_pekerja, [1, 2], jobs=2) == [(2, 1), (2, 1)]


def _rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def _sisakan_lubang() -> list:
    """Allocate ~80 MB in 4 kB blocks (glibc's malloc, below any mmap threshold), keep only
    one block at the end (so the heap cannot shrink from its top) and free the rest: ~80 MB of
    free pages between live blocks that malloc keeps."""
    blok = [bytearray(4096) for _ in range(20_000)]
    ujung = [bytearray(4096)]
    del blok
    return ujung


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc malloc")
def test_pekerja_mengembalikan_halaman_bebas_setelah_tugas():
    """After each task a worker gives the free pages of its malloc heaps back
    (kumpulan._lalu_rapikan): ~80 MB freed in small blocks behind one live block leave the
    process's resident memory, which they do not without it."""
    from lkjip.bangun import kumpulan

    kumpulan.rapikan()
    awal = _rss()
    ujung = _sisakan_lubang()
    tanpa = _rss() - awal
    del ujung
    kumpulan.rapikan()
    awal = _rss()
    ujung = kumpulan._lalu_rapikan(lambda _: _sisakan_lubang(), None)
    dengan = _rss() - awal
    assert len(ujung) == 1
    assert tanpa > 60 * 1024 * 1024  # kept by malloc
    assert dengan < 20 * 1024 * 1024  # given back after the task
