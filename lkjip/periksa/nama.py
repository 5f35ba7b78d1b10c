"""One spelling per name: people, the kecamatan and kabupaten in PK titles, desa in
complaints."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lkjip.periksa.dasar import Aturan, Konteks, Temuan, kosong
from lkjip.teks import mirip, normal_nama, normal_teks

MIRIP = 0.85  # difflib ratio from which two different names are taken as one name misspelt

ATURAN = (
    Aturan("ejaan-nama", "Ejaan nama", ("peringatan",),
           "one spelling per name: people (pejabat, profil, pegawai), kecamatan and kabupaten "
           "in titles, desa in complaints"),
)


def _nama_orang(k: Konteks) -> list[tuple[str, str, str, int]]:
    """(name as typed, table, column, row) of every person named in the data."""
    nama = [(k.data.profil["camat_nama"], "profil", "camat_nama", 2)]
    for tabel, kolom in (("pejabat", "nama"), ("pejabat", "nama_atasan"), ("pegawai", "nama")):
        df = getattr(k.data, tabel)
        nama += [(v, tabel, kolom, b) for v, b in zip(df[kolom], df["_baris"], strict=True)
                 if not kosong(v)]
    return nama


def cek_ejaan(k: Konteks) -> list[Temuan]:
    """One spelling per name: people, the kecamatan and kabupaten, desa in complaints."""
    return _ejaan_orang(k) + _ejaan_wilayah(k) + _ejaan_desa(k)


def _ejaan_orang(k: Konteks) -> list[Temuan]:
    pertama: dict[str, tuple] = {}
    for item in _nama_orang(k):
        pertama.setdefault(normal_nama(item[0]), item)
    hasil, kunci = [], list(pertama)
    for i, a in enumerate(kunci):
        for b in kunci[i + 1:]:
            if a and b and mirip(a, b) >= MIRIP:
                hasil.append(_temuan_ejaan(k, pertama[a], pertama[b], "Nama"))
    return hasil


def _temuan_ejaan(k, a, b, apa) -> Temuan:
    pesan = (f"{apa} '{b[0]}' ({PurePosixPath(k.berkas(b[1])).name} baris {b[3]}, {b[2]}) "
             f"mirip '{a[0]}' ({PurePosixPath(k.berkas(a[1])).name} baris {a[3]}, {a[2]}); "
             "satu nama sebaiknya ditulis dengan satu ejaan.")
    return k.temuan("peringatan", "ejaan-nama", b[1], b[3], f"{b[1]} {b[2]}", pesan,
                    kunci_id=("orang", normal_nama(b[0]), normal_nama(a[0])), tersaji=str(b[0]),
                    terhitung=str(a[0]))


_WILAYAH = (("kecamatan", "nama_kecamatan", r"\b(?:camat|kecamatan)\s+([a-z][a-z ]*)"),
            ("kabupaten", "kabupaten", r"\b(?:bupati|kabupaten)\s+([a-z][a-z ]*)"))


_KATA_SAMBUNG = {"dan", "di", "yang", "se", "atau", "pada", "tingkat"}


def _ejaan_wilayah(k: Konteks) -> list[Temuan]:
    """'Camat X', 'Kabupaten Y' in the PK titles against the profile's names."""
    p, df, hasil = k.data.profil, k.data.pejabat, []
    for apa, kolom_profil, pola in _WILAYAH:
        benar = normal_teks(p[kolom_profil])
        for kolom in ("jabatan", "jabatan_atasan"):
            for v, b, kode in zip(df[kolom], df["_baris"], df["kode_pejabat"], strict=True):
                m = None if kosong(v) else re.search(pola, normal_teks(v))
                if m and m.group(1).split()[0] not in _KATA_SAMBUNG \
                        and not m.group(1).startswith(benar):
                    pesan = (f"Nama {apa} pada '{v}' berbeda dari profil ('{p[kolom_profil]}'); "
                             "satu nama sebaiknya ditulis dengan satu ejaan.")
                    hasil.append(k.temuan("peringatan", "ejaan-nama", "pejabat", b,
                                          f"pejabat {kolom}", pesan,
                                          kunci_id=(apa, kode, kolom), tersaji=str(v),
                                          terhitung=str(p[kolom_profil])))
    return hasil


def _ejaan_desa(k: Konteks) -> list[Temuan]:
    """Desa named in complaints against the desa list."""
    desa = {normal_teks(d): d for d in k.data.desa["nama_desa"]}
    hasil = []
    for _, r in k.data.pengaduan.iterrows():
        nama = None if kosong(r["desa"]) else normal_teks(r["desa"])
        if nama is None or nama in desa or not desa:
            continue
        dekat = max(desa, key=lambda d: mirip(nama, d))
        saran = f", mungkin '{desa[dekat]}'" if mirip(nama, dekat) >= MIRIP else ""
        pesan = f"Desa '{r['desa']}' pada pengaduan no {r['no']} tidak ada di daftar desa{saran}."
        hasil.append(k.temuan("peringatan", "ejaan-nama", "pengaduan", r["_baris"],
                              f"pengaduan no {r['no']}", pesan,
                              kunci_id=("desa", nama, r["uraian"]), tersaji=str(r["desa"]),
                              terhitung=desa[dekat] if saran else None))
    return hasil


PEMERIKSA = (cek_ejaan,)
BANDING: dict = {}
