"""One build path for every document: `Dokumen` says what to build, `bangun_dokumen` builds it.

A document is notebooks run with parameters and written in some formats under a name in a
folder; the kecamatan report (`lkjip.laporan`), the kabupaten view (`lkjip.kabupaten`) and
any new kind are each a `Dokumen` handed to `bangun_dokumen`, which gives them all the same
kernel handling, lock, temporary folder, atomic renames, disk errors and Ctrl-C handling.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lkjip.bangun.galat import gagal_tulis
from lkjip.bangun.jalankan import (
    gabung,
    isi_sampul,
    jalankan,
    lewati_rfc3987,
    mulai_kernel,
    tunda_impor,
)
from lkjip.bangun.keluaran import FORMAT_BAWAAN, cek_format, tulis_format
from lkjip.bangun.suntik import titik
from lkjip.bangun.tulis import folder_sementara, pindahkan


@dataclass(frozen=True)
class Dokumen:
    """What one document is: which notebooks, run with which parameters, written where.

    ``judul`` names it in messages ("Laporan bantarbolang 2023"); ``bab`` are its notebooks,
    joined in this order (only the first ``parameters`` cell is kept); ``parameter`` is
    injected there; the files are ``<folder>/<nama>.<format>`` for each of ``format``
    (`keluaran.Keluaran`: ipynb, html, pdf). ``ekspor(nb, kemajuan)``, when given, returns
    more files of the executed notebook by file name (``{"kertas_kerja_x_2023.pdf": b"…"}``:
    several documents from one execution) and tells its steps to ``kemajuan``. ``sampul``:
    cover facts used where the notebook leaves them empty; ``analis`` shows the code in the
    HTML; ``cwd`` is the kernel's working folder (default: the first notebook's).
    ``pantau(indeks, nb)``, when given, is told each cell as it starts, with the notebook
    being executed, every cell before it run (the kecamatan report starts its edition's
    export at the working paper's first cell, `lkjip.laporan`); it must not raise.
    ``siap``: code the document's kernel runs silently once ``siapkan`` is done and before
    the first cell (the kecamatan report loads its data there, `lkjip.konteks.siapkan`).
    """

    judul: str
    bab: tuple[Path, ...]
    parameter: dict
    folder: Path
    nama: str
    format: tuple[str, ...] = FORMAT_BAWAAN
    analis: bool = False
    sampul: dict = field(default_factory=dict)
    cwd: Path | None = None
    ekspor: Callable[..., dict[str, bytes]] | None = None
    pantau: Callable[[int, object], object] | None = None
    siap: str = ""

    def __post_init__(self):
        object.__setattr__(self, "bab", tuple(Path(b).resolve() for b in self.bab))
        object.__setattr__(self, "folder", Path(self.folder).resolve())
        cek_format(self.format)

    @property
    def tempat_kernel(self) -> Path:
        return Path(self.cwd).resolve() if self.cwd else self.bab[0].parent


@dataclass(frozen=True)
class BerkasLaporan:
    """The files of one built document, in the order written: ``berkas["pdf"]`` or
    ``berkas.pdf`` is ``<nama>.pdf``; ``berkas["kertas_kerja_x_2023.pdf"]`` a file by name."""

    nama: str
    jalur: tuple[Path, ...]

    def __getitem__(self, kunci: str) -> Path:
        for p in self.jalur:
            if p.name in (kunci, f"{self.nama}.{kunci}"):
                return p
        raise KeyError(kunci)

    def get(self, kunci: str) -> Path | None:
        try:
            return self[kunci]
        except KeyError:
            return None

    def __iter__(self):
        return iter(self.jalur)

    def semua(self) -> list[Path]:
        """Every file, the notebook last (the order a person looks at them)."""
        return [p for p in self.jalur if p.suffix != ".ipynb"] + \
            [p for p in self.jalur if p.suffix == ".ipynb"]

    @property
    def notebook(self) -> Path | None:
        return self.get("ipynb")

    @property
    def html(self) -> Path | None:
        return self.get("html")

    @property
    def pdf(self) -> Path | None:
        return self.get("pdf")

    @property
    def docx(self) -> Path | None:
        return self.get("docx")


def _diam(pesan: str) -> None:
    """No progress to tell."""


def bangun_dokumen(*dokumen: Dokumen, out_dir, siapkan: Callable[[], object] | None = None,
                   kemajuan: Callable[[str], object] | None = None
                   ) -> tuple[BerkasLaporan, ...]:
    """Build one or more documents together; return their files, in the same order.

    The first document's kernel starts at once and boots while ``siapkan()`` runs (e.g. load
    and check the data: an `LkjipError` there stops the build before anything is written).
    Each document is then executed in a kernel of its own and written in the temporary
    folder; only when every file of every document is complete are they moved into place,
    one ``os.replace`` each. ``kemajuan(pesan)`` is told each step ("bab 2/8: …",
    "menulis PDF"). Raises `GagalBangun` (a cell failed, or the kernel), `GagalTulis` (disk),
    or `KeyboardInterrupt` (Ctrl-C): in each case no earlier file was changed, the kernel is
    shut down and the temporary folder removed.
    """
    if not dokumen:
        raise ValueError("bangun_dokumen: tidak ada dokumen")
    lewati_rfc3987()
    tunda_impor()
    lapor = kemajuan or _diam
    out_dir, judul = Path(out_dir).resolve(), dokumen[0].judul
    with mulai_kernel(judul, dokumen[0].tempat_kernel) as kernel:
        titik("kernel-dimulai")
        if siapkan is not None:
            siapkan()
        kernel.siapkan(dokumen[0].siap)
        gabungan = [gabung(d.bab) for d in dokumen]
        with folder_sementara(out_dir, judul) as tmp:
            titik("sementara-dibuat")
            ditulis = []
            for i, (d, nb) in enumerate(zip(dokumen, gabungan, strict=True)):
                nb = _jalankan(d, nb, kernel if i == 0 else None, lapor)
                ditulis.append(_tulis(d, nb, tmp / str(i), lapor))
            pindahkan([(p, d.folder / p.name) for d, berkas in zip(dokumen, ditulis, strict=True)
                       for p in berkas], judul)
            titik("sesudah-ganti")
    return tuple(BerkasLaporan(d.nama, tuple(d.folder / p.name for p in berkas))
                 for d, berkas in zip(dokumen, ditulis, strict=True))


def _jalankan(d: Dokumen, nb, kernel, lapor):
    """Execute `d` in `kernel` (or a new one), shut it down, fill in the cover."""
    with kernel or mulai_kernel(d.judul, d.tempat_kernel) as k:
        nb = jalankan(nb, d.parameter, d.judul, d.tempat_kernel, km=k.km, kemajuan=lapor,
                      pantau=d.pantau)
    titik("sesudah-jalankan")  # the kernel is gone: its memory is free for the export
    return isi_sampul(nb, d.sampul)


def _tulis(d: Dokumen, nb, folder: Path, lapor) -> list[Path]:
    """Write `d`'s files in `folder`: its formats, then what its ``ekspor`` gives."""
    try:
        folder.mkdir()
        berkas = list(tulis_format(nb, d.format, folder, d.nama, d.analis, lapor).values())
        for nama, isi in (d.ekspor(nb, lapor) if d.ekspor else {}).items():
            if Path(nama).name != nama or nama in {p.name for p in berkas}:
                raise ValueError(f"{d.judul}: nama berkas ekspor tidak sah: {nama!r}")
            berkas.append(folder / nama)
            berkas[-1].write_bytes(isi)
    except OSError as e:
        raise gagal_tulis(d.judul, d.folder, e) from e
    return berkas
