"""Stated categories: against the scale on the computed figure, and against the stated figure
printed beside them."""

from __future__ import annotations

from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    angka_row,
    kosong,
    tempat_sumber,
    tertulis,
)
from lkjip.skala import kategori, muat_skala
from lkjip.teks import normal_teks

ATURAN = (
    Aturan("kategori", "Kategori capaian", ("galat",),
           "stated category vs the scale in force: on the computed figure, and on the stated "
           "figure printed in the same place"),
)


def banding_kategori(k: Konteks, row, baca) -> list[Temuan]:
    """A stated category (``kategori_kinerja``, ``kategori_anggaran``)."""
    angka = baca.angka(k.hasil)
    terhitung = None if angka is None or angka.nilai is None else k.hasil.kategori(angka)
    skala = k.hasil.skala
    hasil = []
    if terhitung is not None and not _kategori_sama(row["nilai"], terhitung, skala):
        apa = baca.jenis.teks_apa(k.hasil, baca.kunci)
        pesan = (f"Kategori {apa} tersaji '{row['nilai']}', padahal skala {skala} "
                 f"memberi '{terhitung}' untuk angka terhitung.")
        hasil.append(k.dari_tersaji(row, "galat", "kategori", pesan, row["nilai"], terhitung))
    # a category of one indicator belongs to its stated capaian
    pasangan = "capaian" if baca.kunci[0] in k.hasil.indikator else baca.jenis.pasangan
    return hasil + _kategori_angka_sendiri(k, row, pasangan)


def _kategori_sama(tersaji: str, nama: str, skala: str) -> bool:
    """A stated category names the band by its name or its code ('Sedang' or 'S')."""
    df = muat_skala(skala)
    kode = dict(zip(df["kategori"], df["kode"], strict=True)).get(nama, "")
    return normal_teks(tersaji) in {normal_teks(nama), normal_teks(kode)}


def _kategori_angka_sendiri(k: Konteks, row, pasangan: str) -> list[Temuan]:
    """The stated category against the stated figure printed in the same place."""
    calon = _angka_pasangan(k, row, pasangan)
    skala = k.hasil.skala
    nilai = [(r, angka_row(r)) for r in calon]
    nilai = [(r, v) for r, v in nilai if v is not None]
    if not nilai or any(_kategori_sama(row["nilai"], kategori(v, skala), skala)
                        for _, v in nilai):
        return []
    r, v = nilai[0]
    menurut = kategori(v, skala)
    pesan = (f"Kategori tersaji '{row['nilai']}' bertentangan dengan angka tersajinya sendiri "
             f"{tertulis(v)} ({r['sumber']}), yang menurut skala {skala} "
             f"berkategori '{menurut}'.")
    return [k.dari_tersaji(row, "galat", "kategori", pesan, row["nilai"], menurut,
                           sub="angka-tersaji")]


def _angka_pasangan(k: Konteks, row, pasangan: str) -> list[dict]:
    """Stated figures the category belongs to; those printed in the same place if any."""
    kunci = row["kunci"]
    if kosong(kunci) or kunci in ("keseluruhan", "total"):
        sah = {None, "", "total", "keseluruhan"}
        if len(k.hasil.sasaran) == 1:
            sah |= set(k.hasil.sasaran)
    else:
        sah = {kunci}
    calon = [r for r in k.tersaji_dari(pasangan) if r["kunci"] in sah]
    tempat = tempat_sumber(row["sumber"])
    sama = [r for r in calon if tempat_sumber(r["sumber"]) & tempat]
    return sama or calon


PEMERIKSA: tuple = ()
BANDING = {"kategori": banding_kategori}
