"""Synthetic (demo) data for the other kecamatan of Kabupaten Pemalang, in the data model.

`tulis(out_dir)` writes the 13 kecamatan besides Bantarbolang for 2021–2024;
`tulis(out_dir, jumlah=N)` writes N kecamatan named ``sintetis-0001``… for scale tests.
Everything is drawn from numpy Generators seeded with ``(seed, kecamatan index[, tahun])``,
so the same seed gives byte-identical files, and kecamatan *i* does not depend on how many
were asked for. Every profil says ``sintetis = ya`` (reports built on it say SINTETIS).

The stated figures (``tersaji.csv``) are what lkjip computes from the written inputs, read
through the catalogue (`lkjip.katalog.nilai_tersaji`; this package computes no figure of its
own), except for a few deliberate errors of the kinds the consistency checks look for, listed
in ``<out>/KESALAHAN_SENGAJA.csv`` (`RENCANA_KESALAHAN`). Modules: `kosakata` (names, the
Renstra, the plan), `masukan` (one year's input files), `tersaji` (stated figures, narrative,
deliberate errors).

>>> slug("Ulujami"), nama_kecamatan(0), len(KECAMATAN)
('ulujami', 'Pemalang', 13)
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from lkjip.galat import LkjipError, Masalah
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.sintetis.kosakata import (
    KECAMATAN,
    KOLOM_MANIFEST,
    MANIFEST,
    RENCANA_KESALAHAN,
    RENSTRA,
    SEED,
    TAHUN,
    baris_csv,
    buat_kec,
    nama_kecamatan,
    slug,
)
from lkjip.sintetis.masukan import (
    Tahun,
    berkas_masukan,
    buat_anggaran,
    buat_daftar,
    buat_ikm,
    buat_komposit,
    buat_pk_anggaran,
    buat_realisasi,
    buat_realisasi_anggaran,
    penyerapan_tahun,
    renstra,
)
from lkjip.sintetis.tersaji import gandakan_desa, narasi, sisipkan_kesalahan, tersaji
from lkjip.sintetis_triwulan import RENCANA as RENCANA_TW
from lkjip.sintetis_triwulan import berkas_triwulan, sisipkan_kesalahan_tw

__all__ = ["KECAMATAN", "KOLOM_MANIFEST", "MANIFEST", "RENCANA_KESALAHAN", "RENSTRA", "SEED",
           "TAHUN", "baca_manifest", "buat_kecamatan", "nama_kecamatan", "slug", "tulis"]


def buat_kecamatan(seed: int, indeks: int, nama: str) -> tuple[dict[str, str], list[dict]]:
    """Every file of one kecamatan (path under its folder → text) and its deliberate errors.

    The inputs of every year are drawn first; lkjip then loads and computes them (`_hitung`),
    and the stated figures are read from its results through the catalogue.
    """
    k = buat_kec(seed, indeks, nama)
    realisasi = buat_realisasi(k, seed)
    rencana = {(i, t): j for i, t, j in RENCANA_KESALAHAN}
    semua: list[Tahun] = []
    for tahun in TAHUN:
        th = Tahun(k, tahun, np.random.default_rng([seed, indeks, tahun]))
        for langkah in (buat_anggaran, buat_pk_anggaran, buat_realisasi_anggaran, buat_daftar,
                        buat_ikm):
            langkah(th)
        if rencana.get((indeks, tahun)) == "desa_ganda":
            gandakan_desa(th)
        realisasi[("IKU-04", tahun)] = penyerapan_tahun(th)
        th.berkas = berkas_masukan(th, buat_komposit(th))
        semua.append(th)
    berkas = renstra(k, realisasi)
    hasil = _hitung(k.slug, berkas, semua)
    kesalahan: list[dict] = []
    for th in semua:
        h = hasil[th.tahun]
        th.berkas |= {f"{th.tahun}/tersaji.csv": tersaji(th, h)} | narasi(th, h)
        # quarterly realisasi (issue 18), from the yearly realisasi lkjip computes
        tahunan = SimpleNamespace(realisasi={k: i.realisasi for k, i in h.indikator.items()})
        th.berkas |= berkas_triwulan(seed, th, tahunan)
        if (indeks, th.tahun) in rencana:
            sisipkan_kesalahan(th, rencana[(indeks, th.tahun)], h)
        if (indeks, th.tahun) in RENCANA_TW:
            th.kesalahan.append(sisipkan_kesalahan_tw(th, RENCANA_TW[(indeks, th.tahun)]))
        berkas |= th.berkas
        kesalahan += th.kesalahan
    return berkas, kesalahan


def _hitung(nama_slug: str, renstra_: dict[str, str], semua: list[Tahun]) -> dict:
    """lkjip's own results (`lkjip.muat`, `lkjip.hitung`) on the inputs, per year: written to
    a temporary folder and loaded as any kecamatan is."""
    with tempfile.TemporaryDirectory(prefix="lkjip-sintetis-") as tmp:
        berkas = dict(renstra_)
        for th in semua:
            berkas |= th.berkas
        _tulis_berkas(Path(tmp) / nama_slug, berkas)
        return {th.tahun: hitung(muat(nama_slug, th.tahun, tmp)) for th in semua}


def _aman_ditimpa(folder: Path) -> bool:
    """Only a folder of synthetic data (every profil says sintetis = ya) may be replaced."""
    for p in folder.glob("*/profil.csv"):
        baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8-sig"))))
        if len(baris) < 2 or baris[1][-1].strip().lower() not in ("ya", "y", "1", "true"):
            return False
    return True


def _tulis_kecamatan(out: Path, nama_slug: str, berkas: dict[str, str]) -> None:
    folder = out / nama_slug
    if folder.exists():
        if not _aman_ditimpa(folder):
            raise LkjipError(Masalah(str(folder), pesan=(
                "berisi data yang bukan sintetis (profil.csv: sintetis = tidak); "
                "tidak ditimpa. Pilih folder lain dengan --out.")))
        shutil.rmtree(folder)
    _tulis_berkas(folder, berkas)


def _tulis_berkas(folder: Path, berkas: dict[str, str]) -> None:
    for sub in sorted({str(Path(jalur).parent) for jalur in berkas}):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for jalur, isi in berkas.items():
        (folder / jalur).write_bytes(isi.encode("utf-8"))


def tulis(out_dir, jumlah: int | None = None, seed: int = SEED) -> list[str]:
    """Write the synthetic kecamatan under `out_dir`; return their folder names.

    Without `jumlah`: the 13 kecamatan of Pemalang besides Bantarbolang. With it: N
    kecamatan ``sintetis-0001``…. The manifest of deliberate errors goes to
    ``<out_dir>/KESALAHAN_SENGAJA.csv``.
    """
    out = Path(out_dir)
    n = len(KECAMATAN) if jumlah is None else int(jumlah)
    if n < 1:
        raise LkjipError(Masalah("(argumen) --jumlah", nilai=str(jumlah), harapan="angka ≥ 1"))
    out.mkdir(parents=True, exist_ok=True)
    semua, nama_folder = [], []
    for i in range(n):
        nama = nama_kecamatan(i, jumlah)
        berkas, kesalahan = buat_kecamatan(seed, i, nama)
        _tulis_kecamatan(out, slug(nama), berkas)
        semua += kesalahan
        nama_folder.append(slug(nama))
    manifest = baris_csv([KOLOM_MANIFEST] + [[e[k] for k in KOLOM_MANIFEST] for e in semua])
    (out / MANIFEST).write_text(manifest, encoding="utf-8", newline="\n")
    return nama_folder


def baca_manifest(out_dir) -> pd.DataFrame:
    """The deliberate errors written by `tulis`, one row each."""
    return pd.read_csv(Path(out_dir) / MANIFEST, dtype=str, keep_default_na=False)
