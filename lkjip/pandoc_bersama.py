"""Pandoc, in this process or in the batch's (issue 15, memory per worker).

`docx(html, gambar, referensi)` is the .docx pandoc writes from `html`, its pictures
(`gambar`: file name -> bytes) in a temporary folder that is pandoc's only resource path,
with the reference document `referensi` (`pandoc`). A pandoc holds ~170-200 MB PSS while it
runs (the pages of its 160 MB binary and its heap). In a batch's pool worker the conversion
is sent to the batch process instead (`LayananPandoc`, started by `layanan_bersama` around
the pool in `lkjip.bangun.kumpulan` and named in the workers' environment,
``LKJIP_LAYANAN_PANDOC``), which runs at most one pandoc for every two workers at once
(`batas`) and sends the document back: the same pandoc, arguments and files, so the same
document. Where the service cannot be reached, or its pandoc failed, pandoc runs in this
process (and raises its own error). ``LKJIP_PANDOC_BERSAMA=0`` turns the service off.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import sys
import tempfile
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path

from lkjip import layanan, lingkungan

ENV_LAYANAN = "LKJIP_LAYANAN_PANDOC"
_KLIEN: dict[int, tuple[str, socket.socket]] = {}  # pid -> this process's connection
_GAGAL: set[str] = set()  # services this process could not reach: pandoc runs here then
_KUNCI = threading.Lock()


def batas(jobs: int) -> int:
    """Pandocs run at once for `jobs` workers: one for every two (a worker spends ~0,5 of its
    ~5 s a report in pandoc, so two rarely wait on each other).

    >>> batas(1), batas(2), batas(3), batas(16)
    (1, 1, 2, 8)
    """
    return max(1, (jobs + 1) // 2)


def docx(html: str, gambar: Mapping[str, bytes], referensi) -> bytes:
    """The .docx of `html` (see the module): made by the batch's service where this process
    is a worker of a batch that serves one, else here (`pandoc`)."""
    alamat = os.environ.get(ENV_LAYANAN, "")
    if alamat and alamat not in _GAGAL and not layanan.milik_proses_ini(alamat, "pandoc"):
        hasil = _lewat_layanan(alamat, html, gambar, referensi)
        if hasil is not None:
            return hasil
    return pandoc(html, gambar, referensi)


def pandoc(html: str, gambar: Mapping[str, bytes], referensi) -> bytes:
    """The .docx pandoc writes here. ``verify_format=False``: by default pypandoc asks
    pandoc for its lists of formats before every conversion, two more pandoc processes a
    report for formats (html, docx) every pandoc has."""
    import pypandoc

    with tempfile.TemporaryDirectory() as tmp:
        for nama, isi in gambar.items():
            (Path(tmp) / nama).write_bytes(isi)
        keluar = Path(tmp) / "edisi.docx"
        pypandoc.convert_text(html, "docx", format="html", outputfile=str(keluar),
                              extra_args=["--reference-doc", str(referensi),
                                          "--resource-path", tmp], verify_format=False)
        return keluar.read_bytes()


def _lewat_layanan(alamat: str, html: str, gambar: Mapping[str, bytes], referensi
                   ) -> bytes | None:
    """The document the service at `alamat` made; None when it could not: its pandoc failed
    (asked again next time), or the service is gone (not asked again)."""
    isi = json.dumps({"html": html, "referensi": str(referensi), "gambar": {
        nama: base64.b64encode(b).decode("ascii") for nama, b in gambar.items()}})
    with _KUNCI:
        ada = _KLIEN.get(os.getpid())
        try:
            if ada is None or ada[0] != alamat:
                ada = _KLIEN[os.getpid()] = (alamat, layanan.hubungkan(alamat))
            layanan.kirim(ada[1], b"D", isi.encode("utf-8"))
            jawab = layanan.terima(ada[1])
        except OSError:
            jawab = None
        if jawab is None:
            _GAGAL.add(alamat)
            if ada is not None:
                ada[1].close()
                _KLIEN.pop(os.getpid(), None)
            return None
    return jawab[1] if jawab[0] == b"P" else None


class LayananPandoc(layanan.Layanan):
    """The batch process's pandoc service (see the module): each connection's documents are
    converted by `pandoc` here, at most `batas` (jobs) at once."""

    def __init__(self, jobs: int = 2):
        self._batas = threading.BoundedSemaphore(batas(jobs))
        super().__init__("pandoc")

    def layani(self, conn: socket.socket) -> None:
        while (pesan := layanan.terima(conn)) is not None:
            try:
                isi = json.loads(pesan[1])
                gambar = {nama: base64.b64decode(b) for nama, b in isi["gambar"].items()}
                with self._batas:
                    hasil = pandoc(isi["html"], gambar, isi["referensi"])
            except (RuntimeError, OSError, ValueError, KeyError) as e:  # the worker runs it
                layanan.kirim(conn, b"E", str(e).encode("utf-8", "replace"))
            else:
                layanan.kirim(conn, b"P", hasil)


@contextmanager
def layanan_bersama(jobs: int = 2):
    """While the block runs, the pool workers this process spawns have their documents
    converted by this process's `LayananPandoc` (Linux; not turned off by
    ``LKJIP_PANDOC_BERSAMA=0``); it stops accepting when the block ends."""
    if (not sys.platform.startswith("linux")
            or os.environ.get("LKJIP_PANDOC_BERSAMA", "1") == "0"):
        yield None
        return
    srv = LayananPandoc(jobs)
    try:
        with lingkungan.variabel(ENV_LAYANAN, srv.alamat):
            yield srv
    finally:
        srv.tutup()
