"""Bab III's analysis tables: each comparison of an indicator, the components of a composite,
the lists behind it, the quarters, the PK of the program level, the programs and kegiatan of a
sasaran with their budget. Views of `lkjip.analisis`, `lkjip.analisis_dukungan` and
`lkjip.pembanding`: they compute nothing but formatting, and return `lkjip.tabel.Tabel`.

>>> tanda(Angka(Decimal("0.78"))), tanda(Angka(Decimal("-7.88"))), tanda(Angka(None))
('+0,78', '-7,88', '–')
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from lkjip import analisis as an
from lkjip import analisis_dukungan as dk
from lkjip.angka import Angka
from lkjip.ejaan import daftar_kata
from lkjip.format import (
    KOSONG,
    format_angka,
    format_nilai,
    format_persen,
    format_target,
    format_target_sd,
)
from lkjip.hitung import tanpa_baris
from lkjip.pembanding import banding
from lkjip.tabel import Tabel, _nomor_anggaran, _tabel, angka_tertulis, persen, rupiah, sumber_olah
from lkjip.triwulan import NAMA_TW

SINTETIS = "data kecamatan lain bersifat sintetis (contoh), bukan data sebenarnya"


def tanda(a: Angka, satuan: str = "%") -> str:
    """A difference of an indicator's values with its sign, in its unit's form
    (`format_nilai`): '+0,78', '-7,88'; '+1' for a count.

    >>> tanda(Angka(Decimal("0.78"))), tanda(Angka(Decimal(-1))), tanda(Angka(Decimal(1)), "kasus")
    ('+0,78', '-1,00', '+1')
    """
    teks = format_nilai(a, satuan)
    return teks if teks == KOSONG or teks.startswith("-") or a.bulat == 0 else f"+{teks}"


# ---------------------------------------------------------------- comparisons of one indicator


def _baris_target(data, i, t) -> tuple:
    ket = f"capaian {format_persen(i.capaian)}" + (f" ({i.kategori})" if i.kategori else "")
    return ("target", f"Target {data.tahun}", format_target(i.target, i.satuan), t.selisih_target,
            ket)


def _baris_tahun(b, judul: str, satuan: str) -> tuple:
    arah = "tetap" if b.selisih.bulat == 0 else "naik" if b.selisih.nilai > 0 else "turun"
    ket = arah + ("" if b.relatif.nilai is None or arah == "tetap"
                  else f" {format_persen(abs(b.relatif.bulat))}")
    if b.membaik is not None and arah != "tetap":
        ket += " (membaik)" if b.membaik else " (memburuk)"
    return (f"tahun:{b.tahun}", judul, format_nilai(b.nilai, satuan), b.selisih, ket)


def _baris_renstra(i, s) -> tuple | None:
    if s.target_akhir is None:
        return None
    ket = f"progres {format_persen(s.progres)}"
    if s.tercapai:
        ket += "; sudah tercapai"
    elif s.per_tahun is not None:
        ket += (f"; {s.sisa_tahun} tahun tersisa, rata-rata {format_nilai(s.per_tahun, i.satuan)} "
                "per tahun")
    return ("renstra", f"Target akhir Renstra {s.tahun_akhir}",
            format_target(s.target_akhir, i.satuan),
            an.selisih(i.realisasi, s.target_akhir, f"realisasi − target akhir {i.kode}"), ket)


def _baris_kabupaten(data, p, satuan: str) -> tuple:
    kab = data.profil.get("kabupaten") or ""
    ket = f"peringkat {p.peringkat} dari {p.n} kecamatan"
    return ("kabupaten", f"Rerata {p.n} kecamatan Kabupaten {kab}".strip(),
            format_nilai(p.rerata, satuan),
            None, ket)


def _baris_standar(st, satuan: str) -> tuple:
    ket = {True: "terpenuhi", False: "belum terpenuhi", None: KOSONG}[st.terpenuhi]
    return (f"standar:{st.tingkat}:{st.uraian}", f"Standar {st.tingkat}: {st.uraian}",
            format_nilai(st.nilai, satuan), st.selisih, f"{ket} ({st.sumber})")


def tabel_perbandingan(data, hasil, kode: str, nomor: str, pembanding=None) -> Tabel:
    """Every comparison of one indicator in one table: the target, earlier years, the Renstra
    end target, the kabupaten's kecamatan, and the standards; Selisih = realisasi − pembanding
    of the printed figures (for the Renstra row: what is still to be gained, negative)."""
    i, t = hasil.indikator[kode], an.tren(data, hasil, kode)
    baris = [_baris_target(data, i, t)]
    for b, judul in ((t.lalu, "Realisasi {}"), (t.awal, "Realisasi {} (terawal)")):
        if b is not None:
            baris.append(_baris_tahun(b, judul.format(b.tahun), i.satuan))
    renstra = _baris_renstra(i, an.sisa_renstra(data, hasil, kode))
    baris += [renstra] if renstra else []
    p = banding(hasil, kode, pembanding)
    if p is not None:
        baris.append(_baris_kabupaten(data, p, i.satuan))
    baris += [_baris_standar(st, i.satuan) for st in an.standar(data, hasil, kode)]
    kolom = ["Pembanding", "Nilai Pembanding", f"Realisasi {data.tahun}", "Selisih",
             "Keterangan"]
    realisasi = format_nilai(i.realisasi, i.satuan)
    df = pd.DataFrame(
        [[judul, nilai, realisasi, KOSONG if beda is None else tanda(beda, i.satuan), ket]
         for _, judul, nilai, beda, ket in baris],
        index=[k for k, *_ in baris], columns=kolom)
    if p is not None:
        df.loc["kabupaten", "Selisih"] = tanda(an.selisih(i.realisasi, p.rerata), i.satuan)
    angka = {(k, "Selisih"): b for k, _, _, b, _ in baris if isinstance(b, Angka)}
    catatan = "Selisih = realisasi − nilai pembanding"
    if any(k.startswith("tahun:") for k, *_ in baris):  # "naik 2,67 %" beside an earlier year
        catatan += "; persen naik/turun = selisih / nilai tahun itu × 100"
    catatan += ", dari angka yang dibulatkan dua desimal"
    if p is not None and pembanding.sintetis and not data.sintetis:
        catatan += f"; {SINTETIS}"
    return _tabel(df, nomor, f"Perbandingan Realisasi {i.indikator}", angka=angka,
                  sumber=sumber_olah(data, i.realisasi), catatan=catatan + ".",
                  uraian=["Pembanding"])


# ---------------------------------------------------------------- composites and lists


def tabel_komponen(data, hasil, kode_akar: str, nomor: str) -> Tabel:
    """Each leaf of a composite: value, weight and the points it costs the composite."""
    daftar = an.komponen(data, hasil, kode_akar)
    baris = [[k.kode.removeprefix(kode_akar + "."), k.nama, persen(k.nilai), f"1/{k.penyebut}",
              persen(k.kekurangan)] for k in daftar]
    akar = hasil.komposit[kode_akar]
    baris.append(["", f"Jumlah (100 − {persen(akar)})", "", "",
                  persen(an.selisih(Decimal(100), akar))])
    kolom = ["No.", "Komponen", "Nilai (%)", "Bobot", "Kekurangan dari 100 (poin)"]
    df = pd.DataFrame(baris, index=[k.kode for k in daftar] + ["jumlah"], columns=kolom)
    nama = dict(zip(data.komposit["kode_node"], data.komposit["nama"], strict=True))
    return _tabel(df, nomor, f"Komponen Penentu {nama[kode_akar]}",
                  angka={(k.kode, kolom[4]): k.kekurangan for k in daftar},
                  sumber=sumber_olah(data, *(k.nilai for k in daftar)), jumlah=True,
                  catatan="bobot = 1 / banyaknya komponen pada setiap tingkat rerata; "
                  "kekurangan = (100 − nilai) × bobot; setiap angka dibulatkan sendiri sehingga "
                  "jumlahnya dapat berbeda 0,01 dari 100 − nilai komposit.")


DAFTAR = {
    # list → (column of the name, column marked ya, header of that column, extra column)
    "data_publik": ("jenis_data", "dipublikasikan", "Dipublikasikan", None),
    "pengaduan": ("uraian", "selesai", "Terselesaikan", "desa"),
    "layanan_pelimpahan": ("jenis_layanan", "tersedia", "Tersedia", "jumlah"),
    "desa": ("nama_desa", "tata_kelola_baik", "Tata Kelola Baik", None),
}
JUDUL_KOLOM = {"jenis_data": "Jenis Data", "uraian": "Pengaduan", "jenis_layanan": "Jenis Layanan",
               "nama_desa": "Desa", "desa": "Desa", "jumlah": "Jumlah Layanan"}


def daftar_komposit(data, kode_akar: str) -> list[tuple[str, str]]:
    """(kode_node, list name) of the nodes of a composite tree that count a list."""
    df = data.komposit
    anak = an._anak_komposit(data)
    urut, tumpuk = [], [kode_akar]
    while tumpuk:
        kode = tumpuk.pop(0)
        urut.append(kode)
        tumpuk = anak.get(kode, []) + tumpuk
    daftar = dict(zip(df["kode_node"], df["daftar"], strict=True))
    return [(k, daftar[k]) for k in urut if isinstance(daftar.get(k), str) and daftar[k]]


def tabel_daftar(data, hasil, nama_daftar: str, kode_node: str, nomor: str) -> Tabel:
    """The list behind a ratio component, as typed, with its count."""
    kol_nama, kol_ya, judul_ya, tambahan = DAFTAR[nama_daftar]
    df = getattr(data, nama_daftar)
    kolom = ["No.", JUDUL_KOLOM[kol_nama]] + ([JUDUL_KOLOM[tambahan]] if tambahan else []) \
        + [judul_ya]
    baris = [[f"{int(r['no'])}.", r[kol_nama]]
             + ([angka_tertulis(r[tambahan]) if tambahan == "jumlah" else (r[tambahan] or KOSONG)]
                if tambahan else [])
             + ["ya" if r[kol_ya] else "tidak"] for _, r in df.iterrows()]
    ya, semua = hasil.daftar[nama_daftar]
    baris.append(["", "Jumlah"] + ([""] if tambahan else [])
                 + [f"{format_angka(ya, 0)} dari {format_angka(semua, 0)}"])
    nama = dict(zip(data.komposit["kode_node"], data.komposit["nama"], strict=True))
    isi = pd.DataFrame(baris, index=list(range(len(df))) + ["jumlah"], columns=kolom)
    sumber = [f"Kecamatan {data.profil.get('nama_kecamatan') or data.kecamatan} tahun {data.tahun}"]
    if nama_daftar == "layanan_pelimpahan":
        sumber = dk.rujukan(data, "pelimpahan") + sumber
    return _tabel(isi, nomor, f"Rincian {nama[kode_node]}", jumlah=True,
                  sumber="; ".join(sumber))


def tabel_triwulan(data, hasil, kode: str, nomor: str) -> Tabel | None:
    """Target, realisasi and capaian up to each reported quarter (s.d. TW), with the office's
    explanation of the quarter when it gave one; None without TW realisasi."""
    daftar = an.triwulan(data, hasil, kode)
    if not daftar:
        return None
    i = hasil.indikator[kode]
    kolom = ["Triwulan", "Target s.d. TW", "Realisasi s.d. TW", "Capaian (%)"]
    jelas = any(t.penjelasan for t in daftar)
    baris = [[f"s.d. {NAMA_TW[t.tw - 1]}", format_target_sd(t.target, i.satuan),
              format_nilai(t.realisasi, i.satuan), persen(t.capaian)]
             + ([t.penjelasan or KOSONG] if jelas else []) for t in daftar]
    df = pd.DataFrame(baris, index=[f"TW{t.tw}" for t in daftar],
                      columns=kolom + (["Penjelasan Kecamatan"] if jelas else []))
    return _tabel(df, nomor, f"Capaian per Triwulan {i.indikator} Tahun {data.tahun}",
                  angka={(f"TW{t.tw}", kolom[3]): t.capaian for t in daftar},
                  sumber=sumber_olah(data, *(t.realisasi for t in daftar)),
                  uraian=["Penjelasan Kecamatan"] if jelas else ())


# ---------------------------------------------------------------- the PK of the program level


def tabel_capaian_pk(data, hasil, nomor: str) -> Tabel | None:
    """Capaian of the PK indicators with a realisasi (pk_realisasi.csv): program level."""
    daftar = dk.capaian_pk(data, hasil)
    if not daftar:
        return None
    kolom = ["No.", "Sasaran Program", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)",
             "Kategori", _judul_pagu(data, daftar)]
    baris = [[f"{n}.", p.sasaran, f"{p.indikator} ({p.satuan})", format_target(p.target, p.satuan),
              format_nilai(p.realisasi, p.satuan), persen(p.capaian), p.kategori or KOSONG,
              rupiah(p.pagu)]
             for n, p in enumerate(daftar, start=1)]
    indeks = [f"{p.kode_pejabat}:{p.no}" for p in daftar]
    angka = {}
    for k, p in zip(indeks, daftar, strict=True):
        angka |= {(k, "Realisasi"): p.realisasi, (k, "Capaian (%)"): p.capaian}
    catatan = _catatan_pk(daftar)
    return _tabel(pd.DataFrame(baris, index=indeks, columns=kolom), nomor,
                  f"Capaian Indikator Kinerja Program Tahun {data.tahun}", angka=angka,
                  sumber=f"Perjanjian Kinerja {data.tahun} dan {sumber_olah(data)}",
                  catatan=catatan, uraian=["Sasaran Program", "Indikator Kinerja"])


def _judul_pagu(data, daftar) -> str:
    """The pagu column's header by the levels its rows name (``kode_anggaran`` may be a
    program, a kegiatan or a sub kegiatan of anggaran.csv): "Pagu Program (Rp)" as in the
    seed when every row names a program, "Pagu Program/Kegiatan (Rp)" for both, "Pagu (Rp)"
    when no row names one."""
    tingkat = dict(zip(data.anggaran["kode"], data.anggaran["tingkat"], strict=True))
    ada = {tingkat.get(p.kode_anggaran) for p in daftar if p.kode_anggaran}
    nama = [n for t, n in (("program", "Program"), ("kegiatan", "Kegiatan"),
                           ("sub_kegiatan", "Sub Kegiatan")) if t in ada]
    return f"Pagu {'/'.join(nama)} (Rp)" if nama else "Pagu (Rp)"


def _catatan_pk(daftar) -> str | None:
    bagian = []
    kosong = [p.indikator for p in daftar if p.realisasi.nilai is None]
    if kosong:
        bagian.append(f"realisasi {', '.join(kosong)} belum tersedia dalam data")
    for p in daftar:
        if p.beda_pembulatan:
            bagian.append(f"capaian {p.indikator} dihitung dari realisasi sebelum pembulatan "
                          f"({format_angka(p.realisasi.nilai, 4)}), sesuai aturan pembulatan "
                          "sekali di akhir")
    return ("; ".join(bagian) + ".") if bagian else None


# ---------------------------------------------------------------- budget of a sasaran


def tabel_anggaran_pendukung(data, hasil, kode_sasaran: str, nomor: str) -> Tabel:
    """The programs, kegiatan and sub kegiatan supporting a sasaran (each once, from the DPA),
    with pagu perubahan, and realisasi and penyerapan where the data has them below the
    sasaran (else those columns are left out and the note says why)."""
    s = hasil.sasaran[kode_sasaran]
    daftar = dk.anggaran_pendukung(data, hasil, kode_sasaran)
    ada = any(b.realisasi.nilai is not None for b in daftar)
    kolom = ["No.", "Program/Kegiatan", "Pagu (Rp)"] + (
        ["Realisasi (Rp)", "Penyerapan (%)"] if ada else [])
    nomor_baris = _nomor_anggaran([b.tingkat for b in daftar])
    baris = [[no, b.nama, rupiah(b.pagu)] + ([rupiah(b.realisasi), persen(b.penyerapan)]
                                             if ada else [])
             for no, b in zip(nomor_baris, daftar, strict=True)]
    baris.append(["", "Jumlah", rupiah(s.pagu)]
                 + ([rupiah(s.realisasi_anggaran), persen(s.penyerapan)] if ada else []))
    indeks = [b.kode for b in daftar] + ["jumlah"]
    tebal = [(b.kode, k) for b in daftar if b.tingkat == "program" for k in kolom]
    kurang = tanpa_baris(data, kode_sasaran)
    catatan = ("realisasi '–': tidak tersedia pada tingkat itu" + (
        f"; {daftar_kata(kurang)} belum mempunyai baris realisasi, sehingga realisasi di atasnya "
        "dan jumlahnya tidak dihitung (tidak dianggap Rp 0)" if kurang else "") if ada and any(
        b.realisasi.nilai is None for b in daftar) else None if ada else
        f"realisasi anggaran tersedia per sasaran saja ({rupiah(s.realisasi_anggaran)}, "
        f"penyerapan {format_persen(s.penyerapan)}), tidak per program dan kegiatan")
    angka = {(b.kode, "Penyerapan (%)"): b.penyerapan for b in daftar} if ada else {}
    return _tabel(pd.DataFrame(baris, index=indeks, columns=kolom), nomor,
                  f"Program dan Kegiatan Pendukung Sasaran {s.sasaran}", angka=angka,
                  tebal=tebal, sumber=f"DPA dan laporan realisasi anggaran {data.tahun}",
                  jumlah=True, catatan=catatan + "." if catatan else None)
