"""`lkjip init`: a workspace an analyst can start from, written outside the package.

A workspace is a plain folder::

    README.md        what is where, and the commands (Bahasa Indonesia)
    data/            the example data (Kecamatan Bantarbolang 2023) and the data model
    notebooks/       the chapter notebooks and the analysis notebook, to explore and try
    outputs/         reports (created by `lkjip build`)

Every path lkjip uses by default resolves from the current folder (`lkjip.config`), so the
commands run inside the workspace need no option. An existing file is never overwritten: a
second ``lkjip init`` only adds what is missing (the analyst's own data and edits stay). The
notebooks' kernel metadata is set to this machine's ``python3`` kernel (`metadata_kernel`), so
JupyterLab does not open them as modified.
The report is built from the chapter notebooks installed with lkjip; the copies here are for
exploring (editing them does not change ``lkjip build``).
"""

from __future__ import annotations

import copy
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lkjip import config
from lkjip.galat import LkjipError, Masalah

README = """\
# Ruang kerja LKjIP

Folder ini dibuat oleh `lkjip init`. Jalankan semua perintah `lkjip` dari folder ini.

- `data/`: data masukan, satu folder per kecamatan dan satu subfolder per tahun (contoh:
  `data/bantarbolang/2023/`); cara mengisinya ada di `data/README.md`.
- `notebooks/`: notebook bab laporan (`00_` … `05_`), bab kertas kerja (`kertas_kerja/`),
  rekap kabupaten (`kabupaten/`), pemantauan triwulan (`triwulan/`) dan contoh analisis
  (`analisis/contoh_analisis.ipynb`), untuk ditelusuri di JupyterLab.
- `outputs/`: laporan yang dibangun (dibuat otomatis).
- `data-sintetis/`: data contoh sintetis kecamatan lain (dibuat oleh `lkjip sintetis`).

## Perintah

```sh
lkjip check --kecamatan bantarbolang --tahun 2023   # muat dan periksa data
lkjip build --kecamatan bantarbolang --tahun 2023   # LKjIP dan kertas kerja di outputs/
lkjip sintetis                                      # data sintetis 13 kecamatan lain
lkjip build-kabupaten --tahun 2023                  # rekap seluruh kecamatan
jupyter lab                                         # buka notebooks/ di peramban
```

## Memulai data kecamatan Anda

```sh
lkjip baru --kecamatan ulujami --tahun 2024               # templat CSV di data/ulujami/
lkjip check --kecamatan ulujami --tahun 2024              # daftar yang belum diisi/salah
lkjip build --kecamatan ulujami --tahun 2024              # setelah check bersih
lkjip baru --kecamatan ulujami --tahun 2025 --dari 2024   # tahun berikutnya
```

Ganti `ulujami` dengan nama folder kecamatan Anda (huruf kecil, tanpa spasi; tanda hubung
boleh). `lkjip baru` menulis setiap berkas CSV berisi judul kolom dan baris contoh berawalan `#`
(baris `#` tidak dibaca); isi setiap berkas menurut `data/README.md` (arti setiap kolom,
satuan, contoh dan aturan pemeriksaannya), lalu jalankan `lkjip check` sampai tidak ada
masalah. Dengan `--dari`, yang berlaku lintas tahun (profil, pegawai, sarana prasarana,
pejabat, daftar desa, layanan, narasi organisasi dan isu strategis) disalin dari tahun itu,
kecuali isian yang khusus satu tahun; Renstra berlaku untuk semua tahun.

Laporan dibangun dari notebook bab yang terpasang bersama lkjip. Notebook di folder ini
adalah salinan untuk ditelusuri dan dicoba: mengubahnya tidak mengubah `lkjip build`.
Di setiap notebook, ubah sel di bawah judul "Parameter — ubah di sini" (kecamatan, tahun),
lalu jalankan semua sel (Run > Run All Cells).
"""


@dataclass
class HasilInit:
    """What `buat` wrote and what it left alone because it was already there."""

    tujuan: Path
    ditulis: list[Path] = field(default_factory=list)
    dilewati: list[Path] = field(default_factory=list)


def cek_di_luar_paket(folder: Path, argumen: str) -> Path:
    """Refuse a folder inside the installed package: lkjip never writes into itself.

    >>> cek_di_luar_paket(config.PACKAGE / "x", "DIR")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lkjip.galat.LkjipError: ...folder ini berada di dalam paket lkjip yang terpasang...
    """
    folder = Path(folder).expanduser().resolve()
    if folder == config.PACKAGE or config.PACKAGE in folder.parents:
        raise LkjipError(Masalah(f"(argumen) {argumen}", pesan=(
            f"folder ini berada di dalam paket lkjip yang terpasang ({folder}); "
            "pilih folder kerja sendiri, mis. `lkjip init ~/lkjip`.")))
    return folder


def _versi_python(python: str) -> str | None:
    """The version of the interpreter a kernel runs (``3.11.7``), None when it cannot tell."""
    if Path(python).resolve() == Path(sys.executable).resolve():
        return platform.python_version()
    try:
        jalan = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                               capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return jalan.stdout.strip() or None


def metadata_kernel() -> dict | None:
    """``kernelspec`` and ``language_info`` as JupyterLab writes them once the installed
    ``python3`` kernel starts; None when there is no such kernel.

    JupyterLab marks a notebook modified as soon as its kernel's reply changes either (the
    kernel's display name, or the Python version in ``language_info``), so the workspace's
    copies carry exactly the values of this machine's kernel and open unmodified.
    """
    try:
        from ipykernel.ipkernel import IPythonKernel
        from jupyter_client.kernelspec import KernelSpecManager

        spec = KernelSpecManager().get_kernel_spec("python3")
    except (ImportError, KeyError, OSError, ValueError):  # NoSuchKernel is a KeyError
        return None
    info = copy.deepcopy(IPythonKernel.language_info)
    info["version"] = _versi_python(spec.argv[0]) or info["version"]
    return {"kernelspec": {"display_name": spec.display_name, "language": spec.language,
                           "name": "python3"}, "language_info": info}


def _salin(asal: Path, tujuan: Path, hasil: HasilInit, metadata: dict | None = None) -> None:
    if tujuan.exists():
        hasil.dilewati.append(tujuan)
        return
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    if metadata and tujuan.suffix == ".ipynb":
        import nbformat  # here, not at module level: the CLI imports this module on every run

        nb = nbformat.read(asal, as_version=4)
        nb.metadata.update(copy.deepcopy(metadata))
        nbformat.write(nb, tujuan)
    else:
        shutil.copyfile(asal, tujuan)
    hasil.ditulis.append(tujuan)


def _salin_folder(asal: Path, tujuan: Path, hasil: HasilInit, pola: str = "*",
                  metadata: dict | None = None) -> None:
    for berkas in sorted(asal.rglob(pola)):
        relatif = berkas.relative_to(asal)
        if berkas.is_file() and not {".ipynb_checkpoints", "__pycache__"} & set(relatif.parts):
            _salin(berkas, tujuan / relatif, hasil, metadata)


def buat(tujuan=".") -> HasilInit:
    """Write a workspace into `tujuan` (created if needed); never overwrite a file."""
    tujuan = cek_di_luar_paket(Path(tujuan), "DIR")
    hasil = HasilInit(tujuan)
    try:
        _salin_folder(config.contoh(), tujuan / "data", hasil)
        _salin_folder(config.notebooks(), tujuan / "notebooks", hasil, "*.ipynb",
                      metadata_kernel())
        readme = tujuan / "README.md"
        if readme.exists():
            hasil.dilewati.append(readme)
        else:
            readme.write_text(README, encoding="utf-8")
            hasil.ditulis.append(readme)
        (tujuan / "outputs").mkdir(exist_ok=True)
    except OSError as e:
        raise LkjipError(Masalah(str(tujuan), pesan=(
            f"ruang kerja tidak dapat ditulis: {e.strerror or e}."))) from e
    return hasil
