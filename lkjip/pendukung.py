"""Files beside a kecamatan-year's CSV data that the signed edition carries as they are.

- ``logo.png``, ``logo.jpg`` or ``logo.svg`` in ``data/<kecamatan>/<tahun>/``:
  the regency's emblem, printed on the cover (optional).
- ``lampiran/*.pdf``, ``*.png``, ``*.jpg``: scans of the signed Perjanjian Kinerja, appended
  at the end of the edition in file-name order (optional). A PDF's pages are merged into the
  PDF edition unchanged (`lkjip.ekspor`); an image is printed as one page in every format.

The files are read here, in the kernel that builds the report, and travel inside the executed
notebook (base64), so the exporter never reads a path named by the data. A file that is not
what its name says (a ``.png`` that is no PNG, a PDF that does not start with ``%PDF``) is an
error naming the file, before anything is written.

>>> jenis_berkas(b"%PDF-1.7 ..."), jenis_berkas(b"\\x89PNG\\r\\n\\x1a\\n..."), jenis_berkas(b"x")
('application/pdf', 'image/png', None)
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from lkjip.galat import LkjipError, Masalah

NAMA_LOGO = ("logo.png", "logo.jpg", "logo.svg")  # skema.LAIN: known to the folder check
FOLDER_LAMPIRAN = "lampiran"
AKHIRAN = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
           ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
BATAS_BYTE = 50 * 1024 * 1024  # one scan; a larger file is refused, not half-read


@dataclass(frozen=True)
class Berkas:
    """One supporting file: its name as shown, its mime type and its bytes."""

    nama: str
    mime: str
    isi: bytes

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.isi).decode('ascii')}"


def jenis_berkas(isi: bytes) -> str | None:
    """The mime type that a file's first bytes show, or None."""
    if isi.startswith(b"%PDF"):
        return "application/pdf"
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if isi.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    awal = isi[:512].lstrip().lower()
    if awal.startswith(b"<?xml") or awal.startswith(b"<svg"):
        return "image/svg+xml" if b"<svg" in isi[:4096].lower() else None
    return None


def _folder(data) -> Path:
    return Path(data.data_dir) / data.kecamatan / str(data.tahun)


def _baca(path: Path, tampil: str) -> Berkas:
    """Read one file and check that its content is what its extension says."""
    harapan = AKHIRAN[path.suffix.lower()]
    try:
        if path.stat().st_size > BATAS_BYTE:
            raise LkjipError(Masalah(tampil, pesan=(
                f"berkas terlalu besar ({path.stat().st_size:,} byte); paling besar "
                f"{BATAS_BYTE // (1024 * 1024)} MB.").replace(",", ".")))
        isi = path.read_bytes()
    except OSError as e:
        raise LkjipError(Masalah(tampil, pesan=f"tidak dapat dibaca: {e.strerror or e}.")) from None
    if jenis_berkas(isi) != harapan:
        raise LkjipError(Masalah(tampil, pesan=(
            f"isi berkas bukan {path.suffix.lower().lstrip('.').upper()} sebagaimana namanya; "
            "simpan ulang berkas dalam format yang sesuai.")))
    return Berkas(path.name, harapan, isi)


def logo(data) -> Berkas | None:
    """The cover's logo, or None when the folder has none."""
    folder = _folder(data)
    for nama in NAMA_LOGO:
        path = folder / nama
        if path.is_file():
            return _baca(path, f"{data.kecamatan}/{data.tahun}/{nama}")
    return None


def lampiran(data) -> list[Berkas]:
    """The scans of the signed PK under ``lampiran/``, in file-name order; other files there
    are an error (a scan saved in a format the edition cannot carry must not vanish)."""
    folder = _folder(data) / FOLDER_LAMPIRAN
    if not folder.is_dir():
        return []
    hasil, masalah = [], []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        tampil = f"{data.kecamatan}/{data.tahun}/{FOLDER_LAMPIRAN}/{path.name}"
        akhiran = path.suffix.lower()
        if not path.is_file() or akhiran not in AKHIRAN or akhiran == ".svg":
            masalah.append(Masalah(tampil, pesan=(
                "bukan pindaian yang dapat dilampirkan; yang dapat: berkas .pdf, .png atau "
                ".jpg.")))
            continue
        try:
            hasil.append(_baca(path, tampil))
        except LkjipError as e:
            masalah += e.masalah
    if masalah:
        raise LkjipError(masalah)
    return hasil
