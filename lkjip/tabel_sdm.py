"""Bab I's tables: personnel by jabatan, education and rank (Tabel 1.1–1.3), sarana and
prasarana (Tabel 1.4). Counts come from `lkjip.pegawai`; a count of 0 prints '-' as the seed
prints it (`lkjip.tabel_dasar.cacah`)."""

from __future__ import annotations

import pandas as pd

from lkjip import pegawai as peg
from lkjip.tabel_dasar import Tabel, _nama, _tabel, angka_tertulis, cacah, dicatat


def _kepala_pegawai(df: pd.DataFrame, grup: str) -> pd.DataFrame:
    """Personnel counts with No. and Jabatan columns, 0 as '-', the Jumlah row last."""
    baris = []
    for i, (jabatan, r) in enumerate(df.iterrows(), start=1):
        no = "" if jabatan == peg.JUMLAH else f"{i}."
        baris.append([no, jabatan] + [cacah(v) for v in r])
    kolom = [("No.", ""), ("Jabatan", "")] + [
        (grup, str(k)) if k != peg.JUMLAH else ("Jumlah", "") for k in df.columns]
    return pd.DataFrame(baris, index=list(df.index), columns=pd.MultiIndex.from_tuples(kolom))


def _sumber_pegawai(data) -> str:
    return f"Data Kepegawaian Kecamatan {_nama(data)} {data.tahun}"


@dicatat
def tabel_personil(data, hasil=None, nomor="1.1") -> Tabel:
    """Tabel 1.1 Rincian Jumlah Personil, per jabatan."""
    df = peg.tabel_jabatan(data.pegawai)
    isi = pd.DataFrame(
        [[("" if j == peg.JUMLAH else f"{i}."), j, cacah(n)]
         for i, (j, n) in enumerate(df[peg.JUMLAH].items(), start=1)],
        index=list(df.index), columns=["No.", "Jabatan", "Jumlah (orang)"])
    sel = {(j, "Jumlah (orang)"): ("jumlah_pegawai", "total" if j == peg.JUMLAH else j)
           for j in df.index}
    return _tabel(isi, nomor, "Rincian Jumlah Personil", sel,
                  sumber=_sumber_pegawai(data), jumlah=True)


def tabel_pendidikan(data, nomor="1.2") -> Tabel:
    """Tabel 1.2 Rincian Berdasarkan Tingkat Pendidikan."""
    df = _kepala_pegawai(peg.tabel_pendidikan(data.pegawai), "Pendidikan")
    return Tabel(df, nomor, "Rincian Berdasarkan Tingkat Pendidikan",
                 sumber=_sumber_pegawai(data), jumlah=True)


def tabel_golongan(data, nomor="1.3") -> Tabel:
    """Tabel 1.3 Rincian Berdasarkan Golongan Ruang (PNS)."""
    golongan = peg.tabel_golongan(data.pegawai)
    df = _kepala_pegawai(golongan, "Golongan Ruang")
    semua, pns = len(data.pegawai), int(golongan.loc[peg.JUMLAH, peg.JUMLAH])
    # a reader compares the Jumlah with Tabel 1.1's: say who is not counted here, and why
    catatan = (f"hanya pegawai berstatus PNS ({pns} dari {semua} pegawai pada Tabel 1.1); "
               f"{semua - pns} pegawai non-PNS (tenaga honorer) tidak mempunyai golongan "
               "ruang." if semua > pns else None)
    return Tabel(df, nomor, "Rincian Berdasarkan Golongan Ruang",
                 sumber=_sumber_pegawai(data), catatan=catatan, jumlah=True)


def tabel_sarpras(data, nomor="1.4") -> Tabel:
    """Tabel 1.4 Sarana dan Prasarana."""
    df = pd.DataFrame(
        [[f"{int(r['no'])}.", r["jenis"], angka_tertulis(r["jumlah"]), r["satuan"]]
         for _, r in data.sarpras.iterrows()],
        columns=["No.", "Jenis", "Jumlah", "Satuan"])
    return Tabel(df, nomor, "Sarana dan Prasarana",
                 sumber=f"Data Aset Kecamatan {_nama(data)} {data.tahun}")
