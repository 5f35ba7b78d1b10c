"""A batch process's service to its pool workers (issue 15, memory per worker): an abstract
Unix socket (Linux) the workers connect to, named in their environment, and the messages on
it. The print service (`lkjip.peramban.LayananCetak`) is one: the browser the workers would
each run runs once, in the batch process, for all of them.

A message is its kind (one byte) and its length (8 bytes, network order), then its bytes
(`kirim`, `terima`). Only a process of the same user is served (``SO_PEERCRED``).

>>> a, b = socket.socketpair()
>>> kirim(a, b"H", "halo".encode())
>>> terima(b)
(b'H', b'halo')
>>> a.close(); terima(b) is None
True
"""

from __future__ import annotations

import os
import secrets
import socket
import struct
import sys
import threading

_KEPALA = struct.Struct("!cQ")  # a message: its kind (one byte) and its length, then its bytes


def kirim(sok: socket.socket, jenis: bytes, isi: bytes) -> None:
    """Send one message."""
    sok.sendall(_KEPALA.pack(jenis, len(isi)) + isi)


def terima(sok: socket.socket) -> tuple[bytes, bytes] | None:
    """(kind, bytes) of the next message; None when the other side closed between two."""
    kepala = _terima_tepat(sok, _KEPALA.size, boleh_habis=True)
    if kepala is None:
        return None
    jenis, panjang = _KEPALA.unpack(kepala)
    return jenis, _terima_tepat(sok, panjang)


def _terima_tepat(sok: socket.socket, n: int, boleh_habis: bool = False) -> bytes | None:
    buf = bytearray(n)
    tampil, dapat = memoryview(buf), 0
    while dapat < n:
        k = sok.recv_into(tampil[dapat:])
        if not k:
            if boleh_habis and dapat == 0:
                return None
            raise ConnectionError("layanan batch terputus di tengah pesan")
        dapat += k
    return bytes(buf)


def hubungkan(alamat: str) -> socket.socket:
    """A connection to the service at `alamat`; OSError when there is none."""
    sok = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sok.connect("\0" + alamat)
    except OSError:
        sok.close()
        raise
    return sok


def milik_proses_ini(alamat: str, nama: str) -> bool:
    """Whether `alamat` is a `nama` service of this very process (it does not use its own)."""
    return alamat.startswith(f"lkjip-{nama}-{os.getpid()}-")


class Layanan:
    """The service's socket: a thread accepts the connections, a thread per connection serves
    it (`layani`, the subclass's), then closes it. ``alamat`` is the name to connect to."""

    def __init__(self, nama: str):
        self.alamat = f"lkjip-{nama}-{os.getpid()}-{secrets.token_hex(8)}"
        self._srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._srv.bind("\0" + self.alamat)
        self._srv.listen(64)
        threading.Thread(target=self._terima, name=f"lkjip-{nama}", daemon=True).start()

    def _terima(self) -> None:
        while True:
            try:
                conn, _ = self._srv.accept()
            except OSError:  # closed (`tutup`)
                return
            threading.Thread(target=self._sambungan, args=(conn,), name="lkjip-layanan-klien",
                             daemon=True).start()

    def _sambungan(self, conn: socket.socket) -> None:
        try:
            kred = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
            if int.from_bytes(kred[4:8], sys.byteorder) == os.getuid():
                self.layani(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def layani(self, conn: socket.socket) -> None:
        """Answer the messages of one connection until it closes."""
        raise NotImplementedError

    def tutup(self) -> None:
        """Stop accepting (the connections being served end with their workers)."""
        try:
            self._srv.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        except OSError:
            pass
        self._srv.close()
