"""Consistency checks: every contradiction in what a kecamatan typed, with its place and values.

`periksa(data, hasil)` compares every stated figure (``tersaji.csv``) with the figure lkjip
computes (`lkjip.hitung`, read through the catalogue `lkjip.katalog`), and the inputs with each
other (totals and their parts, TW splits and the year, PK and DPA and Renstra, lists and
counts, names). Each finding is a `Temuan`: severity, rule, file and row, the stated and the
computed value, one sentence in Bahasa Indonesia, and a stable ``id`` (rule + place, see
`lkjip.periksa.dasar`). Stated figures are never used to compute anything; a stated figure no
rule can check is reported as info, so nothing typed is silently ignored. This package returns
data; the terminal text and the HTML of findings are views (`lkjip.tampil_periksa`).

Severities: **galat** = two figures contradict each other (one of them is wrong);
**peringatan** = probably wrong or incomplete, but there may be a reason; **info** = worth
knowing, nothing to fix (a difference from rounding alone, a figure that cannot be checked).

The rules live in modules by topic (`renstra`, `anggaran`, `pk`, `indikator`, `ikm`,
`kategori`, `daftar`, `nama`, `tersaji`, `triwulan`, `narasi`); each declares its rules
(`ATURAN`), its checks (`PEMERIKSA`) and its special comparisons of stated figures (`BANDING`,
named by catalogue entries). The table below, the rule ids, titles and order are generated
from them (`MODUL`); a rule a catalogue entry names that no module declares is added after
them.

A difference from rounding alone is info: the stated value equals the computed one rounded
to fewer decimals, or truncated, or lies within 0,01 of it (87,86 for 87,8657).

"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from lkjip import katalog
from lkjip.periksa import (
    anggaran,
    daftar,
    ikm,
    indikator,
    kategori,
    nama,
    narasi,
    pk,
    renstra,
    tersaji,
    triwulan,
)
from lkjip.periksa.dasar import TINGKAT, Aturan, Konteks, Temuan, beda_angka

__all__ = ["ATURAN", "JUDUL_ATURAN", "TINGKAT", "Aturan", "Temuan", "aturan", "ada_galat",
           "beda_angka", "hitung_tingkat", "judul_aturan", "periksa", "tersaji_beda"]

MODUL = (renstra, anggaran, pk, indikator, ikm, kategori, daftar, nama, tersaji, triwulan,
         narasi)


def aturan() -> tuple[Aturan, ...]:
    """Every rule in order: those of the modules, with those only catalogue entries name
    before the stated figures that cannot be checked (``tidak-diperiksa``)."""
    dikenal = [a for m in MODUL for a in m.ATURAN]
    ada, tambah = {a.id for a in dikenal}, []
    for j in katalog.KATALOG:
        if j.aturan and j.aturan not in ada:
            ada.add(j.aturan)
            tambah.append(Aturan(j.aturan, j.judul_aturan or j.uraian, (j.tingkat, "info"),
                                 f"stated {j.besaran} vs computed ({j.jalur or '-'})"))
    i = next(n for n, a in enumerate(dikenal) if a.id == "tidak-diperiksa")
    return tuple(dikenal[:i] + tambah + dikenal[i:])


def judul_aturan(id_aturan: str) -> str:
    """The title of a rule, read from `aturan()` when asked (so a catalogue entry added
    later has its title too); the id itself for a rule nobody declares.

    >>> judul_aturan("tidak-ada-aturan-ini")
    'tidak-ada-aturan-ini'
    """
    return next((a.judul for a in aturan() if a.id == id_aturan), id_aturan)


ATURAN = tuple(a.id for a in aturan())
JUDUL_ATURAN = {a.id: a.judul for a in aturan()}  # as at import; `judul_aturan` follows changes
PEMERIKSA = tuple(cek for m in MODUL for cek in m.PEMERIKSA)
BANDING = {nama_: fungsi for m in MODUL for nama_, fungsi in m.BANDING.items()}


def tabel_aturan(daftar_aturan: Iterable[Aturan] | None = None) -> str:
    """The rule table of this docstring (reStructuredText), from the modules' `ATURAN`."""
    import textwrap

    baris = []
    for a in daftar_aturan or aturan():
        kiri = textwrap.wrap(a.uraian, 60) or [""]
        kanan = [f"{t}," for t in a.tingkat[:-1]] + list(a.tingkat[-1:])
        for i in range(max(len(kiri), len(kanan))):
            baris.append(f"{(a.id if i == 0 else ''):<24} {kiri[i] if i < len(kiri) else '':<60}"
                         f" {kanan[i] if i < len(kanan) else ''}".rstrip())
    garis = f"{'=' * 24} {'=' * 60} {'=' * 10}"
    return "\n".join([garis, f"{'aturan':<24} {'what is compared':<60} tingkat", garis, *baris,
                      garis])


__doc__ = (__doc__ or "") + tabel_aturan() + "\n"


# ---------------------------------------------------------------- the public API


def _urutan(t: Temuan, urut: dict[str, int]):
    return (urut.get(t.aturan, len(urut)), t.berkas, t.baris or 0, t.tempat, t.pesan)


def periksa(data, hasil=None) -> list[Temuan]:
    """Every finding for one kecamatan-year, sorted by rule then place, numbered 1…, each
    with an id unique in the list. Without `hasil` the figures are computed here."""
    if hasil is None:
        from lkjip.hitung import hitung

        hasil = hitung(data)
    k = Konteks(data, hasil, BANDING)
    urut = {a: i for i, a in enumerate(a.id for a in aturan())}
    temuan = sorted((t for cek in PEMERIKSA for t in cek(k)), key=lambda t: _urutan(t, urut))
    temuan = _id_unik(temuan)
    return [replace(t, nomor=i) for i, t in enumerate(temuan, start=1)]


def _id_unik(temuan: list[Temuan]) -> list[Temuan]:
    """Findings whose place gives the same id (two stated rows alike but for their remark or
    value) get a short hash of what tells them apart; exact repeats a number, in order."""
    sama = Counter(t.id for t in temuan)
    hasil, dipakai = [], set()
    for t in temuan:
        id_ = t.id
        if sama[id_] > 1:
            beda = f"{t.tempat}|{t.tersaji}|{t.terhitung}|{t.pesan}".encode()
            id_ = f"{id_}~{hashlib.sha1(beda).hexdigest()[:4]}"
        calon, n = id_, 1
        while calon in dipakai:
            n += 1
            calon = f"{id_}-{n}"
        dipakai.add(calon)
        hasil.append(replace(t, id=calon))
    return hasil


def ada_galat(temuan: Iterable[Temuan]) -> bool:
    """True when any finding is a galat (the report's cover is then marked).

    >>> ada_galat([Temuan("info", "ikm-sampel", "p.csv", 2, "p")])
    False
    """
    return any(t.tingkat == "galat" for t in temuan)


def tersaji_beda(temuan: Iterable[Temuan]) -> dict[tuple, Temuan]:
    """(besaran, kunci) of each stated figure that differs → its most severe finding."""
    hasil: dict[tuple, Temuan] = {}
    for t in temuan:
        if t.besaran is None or t.terhitung is None or t.aturan == "tidak-diperiksa":
            continue
        kunci = (t.besaran, t.kunci)
        lama = hasil.get(kunci)
        if lama is None or TINGKAT.index(t.tingkat) < TINGKAT.index(lama.tingkat):
            hasil[kunci] = t
    return hasil


def hitung_tingkat(temuan: Iterable[Temuan]) -> dict[str, int]:
    """Number of findings per severity, in the order galat, peringatan, info."""
    jumlah = Counter(t.tingkat for t in temuan)
    return {t: jumlah.get(t, 0) for t in TINGKAT}


def per_aturan(temuan: Iterable[Temuan]) -> dict[str, list[Temuan]]:
    """The findings grouped by rule, in their order."""
    kelompok: dict[str, list[Temuan]] = defaultdict(list)
    for t in temuan:
        kelompok[t.aturan].append(t)
    return dict(kelompok)
