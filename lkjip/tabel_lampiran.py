"""The Lampiran's tables: the Perjanjian Kinerja of every pejabat, reproduced as signed.

A signed document is reproduced with the figures it was signed with: the target table as typed
(TW I–IV where typed; '82', '94,69', '100' as in the seed's Lampiran, while Bab II–III and the
quarterly report print the same targets by their unit, `lkjip.format.format_target`) and the
budget table whose total is the one stated in ``tersaji.csv`` when the office typed it; a
correction the office decided is a footnote (`kaki`), never a changed cell
(`lkjip.susun.kaki_pk`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

from lkjip.angka import ke_decimal
from lkjip.format import KOSONG
from lkjip.tabel import _ulang_kosong
from lkjip.tabel_dasar import TW, Tabel, _tabel, angka_tertulis, dicatat, rupiah, tanggal


def pihak_pk(data, kode_pejabat: str) -> dict:
    """The two parties of a PK: names and positions of Pihak Pertama and Pihak Kedua."""
    from lkjip.muat import pejabat_per_kode

    df = pejabat_per_kode(data)
    p = df[kode_pejabat]
    atasan = p["kode_atasan"]
    if isinstance(atasan, str) and atasan in df:
        nama2, jabatan2 = df[atasan]["nama"], df[atasan]["jabatan"]
    else:
        nama2, jabatan2 = p["nama_atasan"] or "", p["jabatan_atasan"] or ""
    return {"nama": p["nama"], "jabatan": p["jabatan"], "nip": p["nip"],
            "nama_atasan": nama2, "jabatan_atasan": jabatan2, "tanggal": tanggal(p["tanggal_pk"])}


def _ada_tw(df: pd.DataFrame) -> bool:
    """Whether a PK's rows type a TW I–IV value (missing as pandas sees it: None, NaN, NA);
    the values walked, not a frame of flags made (a tenth of the cost, issue 15)."""
    return any(pd.notna(v) for i in range(1, 5) for v in df[f"tw{i}"].tolist())


def _target_tertulis(r, tw: bool) -> list[str]:
    """A PK row's target (and TW I–IV when the PK types them) as signed: as typed, an empty
    quarter '–'."""
    kolom = ["target"] + ([f"tw{i}" for i in range(1, 5)] if tw else [])
    return [angka_tertulis(r[k]) if r[k] is not None else KOSONG for k in kolom]


def tabel_pk_indikator(data, kode_pejabat: str, nomor: str, strategis: bool | None = None) -> Tabel:
    """A PK's target table: sasaran, indikator, satuan, target (and TW I–IV where typed).

    ``strategis`` True/False keeps only the rows with/without a Renstra indicator (the Camat's
    sasaran strategis and sasaran program); None keeps all.
    """
    df = data.pk_indikator[data.pk_indikator["kode_pejabat"] == kode_pejabat].sort_values("no")
    if strategis is not None:
        df = df[df["kode_indikator"].notna() == strategis]
    jenis = {True: "Sasaran Strategis", False: "Sasaran Program", None: "Sasaran"}[strategis]
    tw = _ada_tw(df)
    baris = [[f"{n}.", s, r["indikator"], r["satuan"]] + _target_tertulis(r, tw)
             for n, (s, (_, r)) in enumerate(zip(_ulang_kosong(list(df["sasaran"])),
                                                 df.iterrows(), strict=True), start=1)]
    kolom = ["No.", jenis, "Indikator Kinerja", "Satuan", "Target"] + (list(TW) if tw else [])
    pihak = pihak_pk(data, kode_pejabat)
    return _tabel(pd.DataFrame(baris, columns=kolom), nomor,
                  f"Target Kinerja {pihak['jabatan']} Tahun {data.tahun}",
                  uraian=[jenis, "Indikator Kinerja"] if tw else [])


_TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}


def tertulis(data, besaran: str, kunci) -> Decimal | None:
    """A stated figure of ``tersaji.csv`` as a number (the first row for it), or None.

    A signed document (a PK) is reproduced with the figures it was signed with: its total as
    stated, not as recomputed.
    """
    return _tertulis_kunci(data, kunci).get(besaran)


def _tertulis_kunci(data, kunci) -> dict[str, Decimal]:
    """`tertulis` of every besaran stated for `kunci`: one pass over ``tersaji.csv`` for a
    PK's five totals, not a filter of the whole file for each (issue 15)."""
    df = data.tersaji
    pilih = df[df["kunci"].fillna("").astype(str) == str(kunci)]
    hasil: dict[str, Decimal] = {}
    for besaran, nilai in zip(pilih["besaran"], pilih["nilai"], strict=True):
        if besaran not in hasil:
            d = ke_decimal(nilai) if not isinstance(nilai, str) else _baca(nilai)
            if d is not None:
                hasil[besaran] = d
    return hasil


def _baca(teks: str) -> Decimal | None:
    from lkjip.bilangan import baca_angka

    try:
        return baca_angka(teks)
    except ValueError:
        return None


@dicatat
def tabel_pk_anggaran(data, hasil, kode_pejabat: str, nomor: str, kaki: Mapping | None = None
                      ) -> Tabel | None:
    """A PK's budget table with TW I–IV, reproduced as signed: the rows as typed, the total
    as stated in ``tersaji.csv`` when the office typed it (else the sum of the rows). ``kaki``
    maps ``(row, column)`` (row ``no`` as text, or ``"total"``) to a footnote, e.g. a
    correction the office decided. None when the PK has no budget."""
    df = data.pk_anggaran[data.pk_anggaran["kode_pejabat"] == kode_pejabat].sort_values("no")
    if not len(df):
        return None
    tw = _ada_tw(df)
    jenis = "/".join(dict.fromkeys(_TINGKAT[t] for t in df["tingkat"]))
    kolom_nilai = ["Anggaran (Rp)"] + (list(TW) if tw else [])
    sumber_kolom = ["anggaran"] + ([f"tw{i}" for i in range(1, 5)] if tw else [])
    besaran = ["pk_total_anggaran"] + [f"pk_total_tw{i}" for i in range(1, 5)]
    baris = [[f"{n}.", r["uraian"]] + [rupiah(r[k]) for k in sumber_kolom]
             for n, (_, r) in enumerate(df.iterrows(), start=1)]
    hitung = hasil.pk_anggaran.set_index("kode_pejabat").loc[kode_pejabat]  # leaves only
    tersaji = _tertulis_kunci(data, kode_pejabat)
    total = [tersaji.get(b) for b in besaran[:len(sumber_kolom)]]
    baris.append(["", "Total Anggaran"] + [rupiah(hitung[k] if t is None else t)
                                           for k, t in zip(sumber_kolom, total, strict=True)])
    isi = pd.DataFrame(baris, index=list(df["no"].astype(str)) + ["total"],
                       columns=["No.", jenis, *kolom_nilai])
    sel = {("total", k): (b, kode_pejabat) for k, b in zip(kolom_nilai, besaran, strict=False)}
    pihak = pihak_pk(data, kode_pejabat)
    return _tabel(isi, nomor, f"Anggaran {pihak['jabatan']} Tahun {data.tahun}",
                  sel, jumlah=True, uraian=[jenis] if tw else [], kaki=dict(kaki or {}))
