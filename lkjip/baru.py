"""`lkjip baru`: start a kecamatan-year, from nothing or from the year before.

Without ``--dari`` every file of the data model (`lkjip.skema.BERKAS`; one IKM survey file, the
raw answers) is written with its header and its example rows commented out with ``#`` (rows the
loader skips, `lkjip.baca`); the Renstra files only when the kecamatan has no ``renstra/`` yet.
With ``--dari TAHUN`` what spans years is carried over from that year, cell for cell as typed
(`Berkas.salin`: profil, pegawai, sarpras, pejabat, the lists of desa, data and delegated
services, the composite trees, and the narasi of the organisation and the isu strategis), with
the cells that belong to one year emptied (the date of the report and of the PKs, this year's
ya/tidak of each list, the typed values of a composite); this year's files (budget, PK,
realisasi, complaints, survey, stated figures) are written as templates, for the files the
earlier year had and the required ones. The Renstra is shared by the years already.

Then `lkjip check` lists exactly what is left: each template "belum diisi", each emptied cell.
Nothing is overwritten: the year folder must not exist; it is written in a hidden temporary
folder beside it and renamed into place, so a failure leaves nothing half-made.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

from lkjip import config
from lkjip.baca import baca_baris, baca_byte, dekode, pesan_os
from lkjip.galat import LkjipError, Masalah
from lkjip.parameter import cek_nama
from lkjip.skema import BERKAS, WAJIB

SURVEI = ("ikm_responden.csv", "ikm_responden_sintetis.csv", "ikm_nrr.csv")
NARASI_LINTAS_TAHUN = ("gambaran_umum.md", "isu_strategis.md")


def templat(nama: str) -> str:
    """A file's header and its example rows, commented out.

    >>> print(templat("renstra/tujuan.csv"), end="")
    kode_tujuan,tujuan
    #T1,Meningkatkan pelayanan kecamatan yang prima
    """
    b = BERKAS[nama]
    return ",".join(b.kolom_nama()) + "\n" + "".join(f"#{c}\n" for c in b.contoh)


def _csv(baris: list[list[str]], pemisah: str) -> str:
    keluar = io.StringIO()
    csv.writer(keluar, delimiter=pemisah, lineterminator="\n").writerows(baris)
    return keluar.getvalue()


def salin(jalur: Path, nama: str, tahun: int, akar: Path) -> str:
    """The text of an earlier year's file for this year: same delimiter and cells as typed,
    comment rows dropped, the one-year columns of `Berkas.salin` emptied, profil.tahun set."""
    tampil = str(jalur)
    isi, masalah = baca_byte(jalur, tampil, akar)
    teks, m = (None, masalah) if isi is None else dekode(isi, tampil)
    hasil = baca_baris(teks, tampil) if teks is not None else None
    if teks is None or hasil.masalah:
        raise LkjipError(m if teks is None else hasil.masalah)
    judul = [j.strip().lower().lstrip("\ufeff") for j in hasil.baris[0][1]]
    ganti = {k: "" for k in BERKAS[nama].salin}
    if nama == "profil.csv":
        ganti["tahun"] = str(tahun)
    baris = [hasil.baris[0][1]]
    for _, sel in hasil.baris[1:]:
        sel = (sel + [""] * len(judul))[: len(judul)]
        baris.append([ganti.get(j, s) for j, s in zip(judul, sel, strict=True)])
    return _csv(baris, hasil.pemisah)


def rencana(dir_kec: Path, tahun: int, dari: int | None) -> dict[str, str | bytes]:
    """What to write, relative to the kecamatan folder: CSV text, or the bytes of a copy."""
    akar = dir_kec.parent
    tulis: dict[str, str | bytes] = {}
    if not (dir_kec / "renstra").exists():
        tulis |= {n: templat(n) for n in BERKAS if n.startswith("renstra/")}
    asal = dir_kec / str(dari) if dari is not None else None
    for nama, b in BERKAS.items():
        if nama.startswith("renstra/") or nama in SURVEI:
            continue
        lama = asal / nama if asal is not None else None
        if lama is None:
            tulis[f"{tahun}/{nama}"] = templat(nama)
        elif lama.exists() and b.salin is not None:
            tulis[f"{tahun}/{nama}"] = salin(lama, nama, tahun, akar)
        elif lama.exists() or b.perlu == WAJIB:
            tulis[f"{tahun}/{nama}"] = templat(nama)
    survei = "ikm_nrr.csv" if asal is not None and (asal / "ikm_nrr.csv").exists() \
        else "ikm_responden.csv"
    tulis[f"{tahun}/{survei}"] = templat(survei)
    for nama in NARASI_LINTAS_TAHUN if asal is not None else ():
        lama = asal / "narasi" / nama
        if lama.is_file():
            isi, masalah = baca_byte(lama, str(lama), akar, "berkas Markdown")
            if masalah:
                raise LkjipError(masalah)
            tulis[f"{tahun}/narasi/{nama}"] = isi
    return tulis


def baru(kecamatan: str, tahun, dari=None, data_dir=None) -> list[str]:
    """Start a kecamatan-year (see the module docstring); returns the files written,
    relative to the data folder."""
    tahun = cek_nama(kecamatan, tahun)
    dari = None if dari is None else cek_nama(kecamatan, dari)
    data_dir = Path(data_dir if data_dir is not None else config.DATA)
    dir_kec = data_dir / kecamatan
    _cek_tujuan(dir_kec, tahun, dari)
    tulis = rencana(dir_kec, tahun, dari)
    try:
        _tulis_semua(data_dir, dir_kec, tahun, tulis)
    except OSError as e:
        raise LkjipError(Masalah(str(dir_kec), pesan=(
            f"tidak dapat ditulis: {pesan_os(e)}; tidak ada yang dibuat."))) from None
    return sorted(f"{kecamatan}/{n}" for n in tulis)


def catatan_renstra(kecamatan: str, tahun, data_dir=None) -> str | None:
    """A note when the year's `profil.csv` (carried over by ``--dari``) states a Renstra period
    that does not hold the year: `lkjip check` would say so only once every file is filled.

    >>> catatan_renstra("contoh", 2027, "/tidak/ada") is None
    True
    """
    jalur = Path(data_dir if data_dir is not None else config.DATA) / kecamatan / str(tahun) \
        / "profil.csv"
    try:
        hasil = baca_baris(jalur.read_text(encoding="utf-8-sig"), str(jalur))
        judul = [j.strip().lower() for j in hasil.baris[0][1]]
        sel = dict(zip(judul, hasil.baris[1][1], strict=False))
        awal, akhir = int(sel["renstra_awal"]), int(sel["renstra_akhir"])
    except (OSError, UnicodeError, IndexError, KeyError, ValueError):
        return None
    if awal <= int(tahun) <= akhir:
        return None
    return (f"Perhatian: tahun {tahun} di luar periode Renstra {awal}–{akhir} menurut "
            "profil.csv; lkjip check akan melaporkannya sebagai galat. Untuk periode Renstra "
            "baru, lihat data/README.md (\"Periode Renstra berakhir\").")


def _cek_tujuan(dir_kec: Path, tahun: int, dari: int | None) -> None:
    if (dir_kec / str(tahun)).exists():
        raise LkjipError(Masalah(str(dir_kec / str(tahun)), pesan=(
            "sudah ada; lkjip baru tidak menimpa data. Hapus atau pindahkan folder itu dulu "
            "bila memang ingin mulai lagi.")))
    if dari is not None and not (dir_kec / str(dari)).is_dir():
        ada = sorted(p.name for p in dir_kec.iterdir() if p.name.isdigit()) \
            if dir_kec.is_dir() else []
        raise LkjipError(Masalah("(argumen) --dari", nilai=str(dari), harapan=(
            f"tahun yang datanya ada untuk kecamatan {dir_kec.name} "
            f"({', '.join(ada) or 'belum ada tahun'})")))
    if dari == tahun:
        raise LkjipError(Masalah("(argumen) --dari", nilai=str(dari),
                                 harapan="tahun lain dari --tahun"))


def _tulis_semua(data_dir: Path, dir_kec: Path, tahun: int, tulis: dict) -> None:
    """Write everything in a temporary folder, then rename the new folders into place."""
    dir_kec.parent.mkdir(parents=True, exist_ok=True)
    sementara = Path(tempfile.mkdtemp(prefix=f".baru-{dir_kec.name}-", dir=data_dir))
    try:
        for nama, isi in tulis.items():
            jalur = sementara / nama
            jalur.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(isi, bytes):
                jalur.write_bytes(isi)
            else:
                jalur.write_text(isi, encoding="utf-8-sig", newline="")
        dir_kec.mkdir(exist_ok=True)
        for folder in sorted(p.name for p in sementara.iterdir()):
            (sementara / folder).rename(dir_kec / folder)
    finally:
        shutil.rmtree(sementara, ignore_errors=True)
