"""Cross-file rules of the quarterly (triwulan) files: load errors, like `lkjip.referensi`.

The four optional files of quarterly monitoring (data/README.md, "Triwulan") point into the
PK tables: `realisasi_pk_tw.csv` and `penjelasan_tw.csv` into `pk_indikator.csv`,
`realisasi_anggaran_tw.csv` into `pk_anggaran.csv`, each by (kode_pejabat, no). How a PK row's
quarters accumulate, and its direction, come from `renstra/indikator.csv` when the row names a
Renstra indicator, else from its row in `realisasi_pk_tw.csv` (`sifat_pk`). Without them the
figures cannot be computed, so a missing or contradicting one is a load error, not a finding.
`ambang_tw.csv` overrides the package's early-warning thresholds and must be a complete,
descending set of bands.
"""

from __future__ import annotations

import pandas as pd

from lkjip.capaian import METODE_ARAH, metode_salah  # the arah → metode rule, one home
from lkjip.galat import Masalah
from lkjip.skema import STATUS_TW

TW = ("tw1", "tw2", "tw3", "tw4")
SIFAT = ("akumulasi_tw", "arah", "metode")


def _kosong(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v)) or str(v).strip() == ""


def _kunci(df: pd.DataFrame) -> set[tuple[str, int]]:
    return {(str(p), int(n)) for p, n in zip(df["kode_pejabat"], df["no"], strict=True)}


def _ref_pk(tabel, berkas, anak: str, induk: str) -> list[Masalah]:
    """Rows of `anak` whose (kode_pejabat, no) is not a row of `induk`."""
    sah = _kunci(tabel[induk])
    return [
        Masalah(berkas[anak], int(r["_baris"]), "no", f"{r['kode_pejabat']} {r['no']}",
                f"pasangan kode_pejabat dan no yang ada di {berkas[induk]}")
        for _, r in tabel[anak].iterrows() if (str(r["kode_pejabat"]), int(r["no"])) not in sah
    ]


def sifat_pk(tabel: dict) -> dict[tuple[str, int], dict]:
    """(kode_pejabat, no) of every PK indicator row → its akumulasi_tw, arah and metode.

    From `renstra/indikator.csv` for a row with kode_indikator, else from the row of
    `realisasi_pk_tw.csv` (metode empty: rasio for naik, selisih for turun, the defaults of
    `lkjip.capaian`). A value not known is None.
    """
    renstra = {r["kode_indikator"]: {k: r[k] for k in SIFAT}
               for _, r in tabel["indikator"].iterrows()}
    tw = {(str(r["kode_pejabat"]), int(r["no"])): r for _, r in tabel["realisasi_pk_tw"].iterrows()}
    hasil = {}
    for _, r in tabel["pk_indikator"].iterrows():
        kunci = (str(r["kode_pejabat"]), int(r["no"]))
        if not _kosong(r["kode_indikator"]) and r["kode_indikator"] in renstra:
            hasil[kunci] = dict(renstra[r["kode_indikator"]])
            continue
        baris = tw.get(kunci)
        sifat = {k: None if baris is None or _kosong(baris[k]) else baris[k] for k in SIFAT}
        if sifat["metode"] is None and sifat["arah"] in METODE_ARAH:
            sifat["metode"] = METODE_ARAH[sifat["arah"]][0]
        hasil[kunci] = sifat
    return hasil


def _cek_sifat(tabel, berkas) -> list[Masalah]:
    """A row without kode_indikator states akumulasi_tw and arah; a Renstra row repeats
    nothing or the same; metode fits arah."""
    pk = {(str(r["kode_pejabat"]), int(r["no"])): r for _, r in tabel["pk_indikator"].iterrows()}
    sifat, b = sifat_pk(tabel), berkas["realisasi_pk_tw"]
    masalah = []
    for _, r in tabel["realisasi_pk_tw"].iterrows():
        kunci, baris = (str(r["kode_pejabat"]), int(r["no"])), int(r["_baris"])
        if kunci not in pk:
            continue  # reported by _ref_pk
        kode = pk[kunci]["kode_indikator"]
        if _kosong(kode):
            masalah += [Masalah(b, baris, k, None, apa) for k, apa in (
                ("akumulasi_tw", "jumlah, terakhir, maks atau rerata (baris PK ini tidak "
                                 "bernomor indikator Renstra)"),
                ("arah", "naik atau turun (baris PK ini tidak bernomor indikator Renstra)"),
            ) if _kosong(r[k])]
        else:
            masalah += [Masalah(b, baris, k, r[k], f"kosong atau '{sifat[kunci][k]}' seperti "
                                                   f"indikator {kode} di renstra/indikator.csv")
                        for k in SIFAT if not _kosong(r[k]) and r[k] != sifat[kunci][k]]
        arah, metode = sifat[kunci]["arah"], r["metode"]
        salah = arah in METODE_ARAH and metode_salah(arah, metode)
        if _kosong(kode) and not _kosong(metode) and salah:
            masalah.append(Masalah(b, baris, "metode", metode, salah))
    return masalah


def _pecahan(teks) -> bool | None:
    """None for an empty cell or 0 (nothing, in either form), else whether it is `a/b`."""
    if _kosong(teks) or str(teks).strip() in ("0", "0,0", "0.0"):
        return None
    return "/" in str(teks)


def _cek_bentuk(tabel, berkas) -> list[Masalah]:
    """A realisasi is written like its target: `a/b` for an `a/b` target, a number otherwise
    (0 for a quarter with nothing fits both, as the seed's TW targets write it)."""
    target = {(str(r["kode_pejabat"]), int(r["no"])): r["target"]
              for _, r in tabel["pk_indikator"].iterrows()}
    masalah = []
    for _, r in tabel["realisasi_pk_tw"].iterrows():
        t = target.get((str(r["kode_pejabat"]), int(r["no"])))
        if t is None:
            continue
        for kolom in TW:
            if _pecahan(r[kolom]) not in (None, _pecahan(t)):
                harapan = (f"pecahan a/b seperti targetnya ({t})" if _pecahan(t)
                           else f"angka seperti targetnya ({t})")
                masalah.append(Masalah(berkas["realisasi_pk_tw"], int(r["_baris"]), kolom,
                                       r[kolom], harapan))
    return masalah


def _cek_ambang(df: pd.DataFrame, b: str) -> list[Masalah]:
    """Each jenis given: the three statuses, best first, bounds falling, the last empty."""
    masalah = []
    for jenis, kelompok in df.groupby("jenis", sort=True):
        status = list(kelompok["status"])
        if status != list(STATUS_TW):
            masalah.append(Masalah(b, int(kelompok["_baris"].iloc[0]), "status", ", ".join(status),
                                   f"tiga baris jenis '{jenis}' berurutan: {', '.join(STATUS_TW)}"))
            continue
        batas = list(kelompok["batas_bawah"])
        baris = list(kelompok["_baris"])
        if not pd.isna(batas[2]):
            masalah.append(Masalah(b, int(baris[2]), "batas_bawah", f"{batas[2]:g}",
                                   "kosong (status terendah berlaku di bawah batas di atasnya)"))
        for i in (0, 1):
            if pd.isna(batas[i]):
                masalah.append(Masalah(b, int(baris[i]), "batas_bawah", None, "angka batas"))
        if not pd.isna(batas[0]) and not pd.isna(batas[1]) and batas[1] >= batas[0]:
            masalah.append(Masalah(b, int(baris[1]), "batas_bawah", f"{batas[1]:g}",
                                   f"kurang dari batas '{STATUS_TW[0]}' ({batas[0]:g})"))
    return masalah


def cek_referensi_tw(tabel: dict, berkas: dict) -> list[Masalah]:
    """Every cross-file problem of the quarterly files at once (none when they are absent)."""
    masalah = _ref_pk(tabel, berkas, "realisasi_pk_tw", "pk_indikator")
    masalah += _ref_pk(tabel, berkas, "penjelasan_tw", "pk_indikator")
    masalah += _ref_pk(tabel, berkas, "realisasi_anggaran_tw", "pk_anggaran")
    masalah += _cek_sifat(tabel, berkas)
    masalah += _cek_bentuk(tabel, berkas)
    masalah += _cek_ambang(tabel["ambang_tw"], berkas["ambang_tw"])
    return masalah
