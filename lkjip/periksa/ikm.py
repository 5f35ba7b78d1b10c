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
           "computed from the survey (info: a stated IKM that is the sum of NRR x 0,111 x 25)"),
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


BOBOT_0111 = Decimal("0.111")


def cek_ikm_bobot(k: Konteks) -> list[Temuan]:
    """A stated IKM (semester or year) that differs from the computed one but equals the sum of
    NRR x 0,111 x 25, the weight many offices' spreadsheets use for 1/9: said next to the
    galat, since 'tersaji 82,56, padahal terhitung 82,64' alone leaves the office looking for
    a wrong answer in the survey."""
    hasil = []
    for row in k.tersaji_dari("ikm_semester") + k.tersaji_dari("ikm_tahun"):
        h = (k.hasil.ikm_tahun if row["besaran"] == "ikm_tahun"
             else k.hasil.ikm_semester.get(str(row["kunci"]).strip().upper()))
        s = angka_row(row)
        nrr = h.nrr_decimal if h is not None else {}
        if s is None or len(nrr) != 9:
            continue
        jumlah = sum(nrr.values(), Decimal(0))
        tepat, lama = jumlah / 9 * 25, jumlah * BOBOT_0111 * 25
        if beda_angka(s, tepat) != "galat" or beda_angka(s, lama) == "galat":
            continue
        apa = "IKM tahun" if row["besaran"] == "ikm_tahun" else f"IKM semester {row['kunci']}"
        j = format_angka(jumlah, 3)
        pesan = (f"{apa} tersaji {tertulis(s)} adalah hasil bobot 0,111 per unsur: Σ NRR {j} × "
                 f"0,111 × 25 = {persen(lama)}. lkjip memakai bobot tepat 1/9 (Permenpan RB "
                 f"14/2017): {j} / 9 × 25 = {persen(tepat)}; bobot 0,111 lebih kecil daripada "
                 "1/9, sehingga IKM-nya selalu sedikit lebih rendah. Tidak ada jawaban survei "
                 "yang salah: perbaiki angka tersaji, atau putuskan galatnya 'tersaji' (dengan "
                 "alasan) bila angka itu sudah terbit.")
        hasil.append(k.dari_tersaji(row, "info", "ikm", pesan, tertulis(s), persen(tepat),
                                    sub="bobot"))
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


PEMERIKSA = (cek_ikm_periode, cek_ikm_bobot, cek_ikm_sampel)
BANDING = {"mutu": banding_mutu}
