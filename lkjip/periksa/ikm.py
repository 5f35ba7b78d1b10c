"""The IKM survey: its stated figures, the year against its stated semesters, the sample."""

from __future__ import annotations

from decimal import Decimal

from lkjip.format import format_angka
from lkjip.ikm import krejcie_morgan
from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    angka_row,
    beda_angka,
    kosong,
    persen,
    tertulis,
    tidak_terhitung,
)
from lkjip.teks import normal_teks

ATURAN = (
    Aturan("ikm", "Indeks Kepuasan Masyarakat", ("galat", "info"),
           "stated IKM of the year, per semester, per unsur, number of respondents, mutu vs "
           "computed from the survey"),
    Aturan("ikm-tahun-periode", "IKM tahunan dan semesternya", ("galat",),
           "stated IKM of the year vs its stated semesters (profile's metode_ikm_tahunan)"),
    Aturan("ikm-sampel", "Jumlah responden IKM", ("peringatan", "info"),
           "respondents vs the Krejcie–Morgan minimum for populasi_ikm (info when the "
           "population is unknown)"),
)


def banding_mutu(k: Konteks, row, baca) -> list[Temuan]:
    """The stated mutu of the year's IKM: its letter or its kinerja."""
    h = k.hasil.ikm_tahun
    if h is None:
        return tidak_terhitung(k, row, "IKM tahun ini tidak dapat dihitung")
    if normal_teks(row["nilai"]) in (normal_teks(h.mutu), normal_teks(h.kinerja)):
        return []
    pesan = (f"Mutu IKM tersaji '{row['nilai']}', padahal IKM terhitung {h.nilai} bermutu "
             f"{h.mutu} ({h.kinerja}).")
    return [k.dari_tersaji(row, "galat", "ikm", pesan, row["nilai"], f"{h.mutu} ({h.kinerja})")]


def cek_ikm_periode(k: Konteks) -> list[Temuan]:
    """The stated IKM of the year against its stated semesters (rerata_semester)."""
    tahun, semester = k.tersaji_dari("ikm_tahun"), k.tersaji_dari("ikm_semester")
    if k.data.profil["metode_ikm_tahunan"] != "rerata_semester" or not tahun or not semester:
        return []
    nilai = [angka_row(r) for r in semester]
    if None in nilai:
        return []
    rerata_s = sum(nilai, Decimal(0)) / len(nilai)
    hasil = []
    for row in tahun:
        s = angka_row(row)
        if s is None or beda_angka(s, rerata_s) != "galat":
            continue
        teks = " dan ".join(tertulis(v) for v in nilai)
        pesan = (f"IKM tahun tersaji {tertulis(s)}, padahal rerata IKM semester "
                 f"tersajinya ({teks}) adalah {persen(rerata_s)}.")
        hasil.append(k.dari_tersaji(row, "galat", "ikm-tahun-periode", pesan,
                                    tertulis(s), persen(rerata_s)))
    return hasil


def cek_ikm_sampel(k: Konteks) -> list[Temuan]:
    """Respondents against the Krejcie–Morgan minimum."""
    h = k.hasil.ikm_tahun
    if h is None or h.responden is None:
        return []
    populasi = k.data.profil.get("populasi_ikm")
    tempat = "profil (populasi_ikm)"
    if kosong(populasi):
        pesan = (f"Jumlah responden IKM ({h.responden}) tidak dapat dibandingkan dengan sampel "
                 "minimum Krejcie–Morgan karena populasi_ikm tidak diisi.")
        return [k.temuan("info", "ikm-sampel", "profil", 2, tempat, pesan,
                         kunci_id=("populasi_ikm",), tersaji=str(h.responden))]
    minimum = krejcie_morgan(int(populasi))
    if h.responden >= minimum:
        return []
    pesan = (f"Jumlah responden IKM {h.responden} kurang dari sampel minimum Krejcie–Morgan "
             f"{minimum} untuk populasi {format_angka(populasi, 0)}.")
    tabel = "ikm_nrr" if k.data.sumber_ikm == "ikm_nrr.csv" else "ikm_responden"
    return [k.temuan("peringatan", "ikm-sampel", tabel, None, "survei IKM", pesan,
                     kunci_id=("responden",), tersaji=str(h.responden),
                     terhitung=str(minimum))]


PEMERIKSA = (cek_ikm_periode, cek_ikm_sampel)
BANDING = {"mutu": banding_mutu}
