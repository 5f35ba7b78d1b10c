"""The report's tables, built from the data (`lkjip.muat`) and the computed model (`lkjip.hitung`).

Each function returns a `Tabel` (`lkjip.tabel_dasar`): a DataFrame of display text (numbers
already formatted the Indonesian way by `lkjip.format`), its number and caption as the seed
prints them, the source line, and the cells to mark. A `Tabel` shows itself in a notebook
(``_repr_html_`` through `lkjip.tampil.tabel`, which escapes every text).

This module holds Bab II–IV and the Ikhtisar; Bab I is `lkjip.tabel_sdm` and the Lampiran's
PK tables `lkjip.tabel_lampiran`. The cell formatting and Bab I are re-exported here
(``tabel.persen``, ``tabel.tabel_personil``), as notebooks call them.

Tables carry no review markup: a figure is the one of `hasil` (the computed model, with the
office's decisions on stated figures applied, `lkjip.keputusan`). Each table records which
stated figures (``tersaji.csv`` besaran, kunci) its cells show (`Tabel.tersaji`), so the working
paper can say where in this report a finding lies; a PK table may carry footnotes (`kaki`).
"""

from __future__ import annotations

import pandas as pd

from lkjip.angka import Angka
from lkjip.ejaan import daftar_kata, kapital
from lkjip.format import KOSONG, format_angka, format_nilai, format_target
from lkjip.ikm import UNSUR
from lkjip.skala import muat_skala, nama_skala
from lkjip.tabel_dasar import (
    ROMAWI,
    TW,
    Tabel,
    _nama,
    _tabel,
    angka_tertulis,
    dicatat,
    persen,
    rupiah,
    sumber_olah,
)
from lkjip.tabel_dasar import TEBAL as TEBAL
from lkjip.tabel_dasar import URAIAN as URAIAN
from lkjip.tabel_dasar import cacah as cacah
from lkjip.tabel_dasar import tanggal as tanggal
from lkjip.tabel_sdm import tabel_golongan as tabel_golongan
from lkjip.tabel_sdm import tabel_pendidikan as tabel_pendidikan
from lkjip.tabel_sdm import tabel_personil as tabel_personil
from lkjip.tabel_sdm import tabel_sarpras as tabel_sarpras

# ---------------------------------------------------------------- Bab II


def _isi(df: pd.DataFrame) -> pd.DataFrame:
    """A data table without its spreadsheet-row column (for joins)."""
    return df.drop(columns="_baris", errors="ignore")


def _ulang_kosong(nilai: list) -> list:
    """Blank a value that repeats the row above (the seed's merged cells)."""
    return [v if i == 0 or v != nilai[i - 1] else "" for i, v in enumerate(nilai)]


def _catatan_tanpa_renstra(data) -> str:
    """PK indicators the Renstra's own table does not list (renstra/indikator_renstra.csv)."""
    from lkjip.analisis_dukungan import pk_di_luar_renstra

    kode = pk_di_luar_renstra(data)
    if not kode:
        return ""
    nama = dict(zip(data.indikator["kode_indikator"], data.indikator["indikator"], strict=True))
    return (f"indikator {daftar_kata([nama[k] for k in kode])} diperjanjikan dalam Perjanjian "
            f"Kinerja tahun {data.tahun} tetapi tidak tercantum dalam tabel tujuan, sasaran, dan "
            "indikator Renstra.")


def tabel_tujuan_sasaran(data, hasil, nomor="2.1") -> Tabel:
    """Tabel 2.1 Tujuan, Sasaran, dan Indikator Kinerja: the Renstra as the data holds it (the
    indicators of ``indikator_renstra.csv`` when given), with the Renstra end target; the note
    names PK indicators the Renstra's table lacks."""
    from lkjip.analisis_dukungan import indikator_renstra

    sasaran = _isi(data.sasaran).merge(_isi(data.tujuan), on="kode_tujuan")
    df = _isi(data.indikator).merge(sasaran, on="kode_sasaran")
    df = df[df["kode_indikator"].isin(indikator_renstra(data))]
    akhir = data.profil.get("renstra_akhir")
    no_tujuan = {k: f"{i}." for i, k in enumerate(data.tujuan["kode_tujuan"], start=1)}
    isi = pd.DataFrame({
        "No.": _ulang_kosong([no_tujuan[k] for k in df["kode_tujuan"]]),
        "Tujuan": _ulang_kosong(list(df["tujuan"])),
        "Sasaran": _ulang_kosong(list(df["sasaran"])),
        "Indikator Kinerja": list(df["indikator"]),
        "Satuan": list(df["satuan"]),
        f"Target Akhir Renstra ({akhir})": [
            format_target(hasil.indikator[k].target_akhir, hasil.indikator[k].satuan)
            for k in df["kode_indikator"]],
    })
    catatan = _catatan_tanpa_renstra(data)
    return Tabel(isi, nomor, "Tujuan, Sasaran, dan Indikator Kinerja",
                 sumber=f"Renstra Kecamatan {_nama(data)} {data.profil.get('renstra_awal')}"
                 f"–{akhir}", catatan=kapital(catatan) or None)


def _pohon_urut(tree: pd.DataFrame) -> list[int]:
    """Row positions of the budget tree in depth-first order, siblings in file order."""
    anak: dict = {}
    for pos, induk in enumerate(tree["kode_induk"]):
        anak.setdefault(None if pd.isna(induk) or induk == "" else induk, []).append(pos)
    kode = list(tree["kode"])
    urut: list[int] = []

    def turun(induk):
        for pos in anak.get(induk, []):
            urut.append(pos)
            turun(kode[pos])

    turun(None)
    return urut


@dicatat
def tabel_sasaran_program(data, hasil, nomor="2.2") -> Tabel:
    """Tabel 2.2 Sasaran dan Program, anggaran (pagu perubahan) summed from the DPA tree."""
    tree = hasil.anggaran
    program = tree[tree["tingkat"] == "program"]
    nama_sasaran = dict(zip(data.sasaran["kode_sasaran"], data.sasaran["sasaran"], strict=True))
    baris, sel = [], {}
    for i, kode_s in enumerate(data.sasaran["kode_sasaran"], start=1):
        milik = program[program["kode_sasaran"] == kode_s]
        for j, (_, p) in enumerate(milik.iterrows(), start=1):
            baris.append((p["kode"], [f"{i}." if j == 1 else "", nama_sasaran[kode_s] if j == 1
                                      else "", f"{j}. {p['nama']}", rupiah(p["pagu_perubahan"])]))
            sel[(p["kode"], "Anggaran (Rp)")] = ("anggaran_program_sasaran", p["kode"])
    total = program["pagu_perubahan"].sum()
    baris.append(("total", ["", "", "Jumlah", rupiah(total)]))
    sel[("total", "Anggaran (Rp)")] = ("anggaran_program_sasaran", "total")
    df = pd.DataFrame([b for _, b in baris], index=[k for k, _ in baris],
                      columns=["No.", "Sasaran", "Program", "Anggaran (Rp)"])
    return _tabel(df, nomor, "Sasaran dan Program", sel,
                  sumber=f"DPA Kecamatan {_nama(data)} {data.tahun}", jumlah=True)


def tabel_strategi(data, nomor="2.3") -> Tabel:
    """Tabel 2.3 Strategi dan Arah Kebijakan, one row per kebijakan."""
    df = (_isi(data.kebijakan).merge(_isi(data.strategi), on="kode_strategi", how="right")
          .merge(_isi(data.sasaran), on="kode_sasaran").merge(_isi(data.tujuan), on="kode_tujuan"))
    isi = pd.DataFrame({
        "Tujuan": _ulang_kosong(list(df["tujuan"])),
        "Sasaran": _ulang_kosong(list(df["sasaran"])),
        "Strategi": _ulang_kosong([f"{k}. {s}" for k, s in zip(df["kode_strategi"],
                                                              df["strategi"], strict=True)]),
        "Kebijakan": [f"{k}. {s}" if isinstance(s, str) else KOSONG
                      for k, s in zip(df["kode_kebijakan"], df["kebijakan"], strict=True)],
    })
    return Tabel(isi, nomor, "Strategi dan Arah Kebijakan",
                 sumber=f"Renstra Kecamatan {_nama(data)}")


def pejabat_utama(data) -> str | None:
    """The kode_pejabat who signs the PK with the Bupati (no superior in the file)."""
    df = data.pejabat
    utama = df[df["kode_atasan"].isna()]
    return utama["kode_pejabat"].iloc[0] if len(utama) else None


def _target_pk(r) -> list[str]:
    """The year's and TW I–IV targets of a PK row by its unit (`format_target`), as Bab III
    and the quarterly report print them; a TW left empty prints '–'."""
    return [format_target(r["target"], r["satuan"])] + [
        format_target(r[f"tw{i}"], r["satuan"]) if r[f"tw{i}"] is not None else KOSONG
        for i in range(1, 5)]


def tabel_pk(data, hasil=None, nomor="2.4") -> Tabel:
    """Tabel 2.4 Perjanjian Kinerja Tahun T: the sasaran strategis rows of the Camat's PK."""
    kode = pejabat_utama(data)
    df = data.pk_indikator
    df = df[(df["kode_pejabat"] == kode) & df["kode_indikator"].notna()].sort_values("no")
    baris = [[f"{i}.", s, r["indikator"], r["satuan"]] + _target_pk(r)
             for i, (s, (_, r)) in enumerate(zip(_ulang_kosong(list(df["sasaran"])),
                                                 df.iterrows(), strict=True), start=1)]
    kolom = [("No.", ""), ("Sasaran Strategis", ""), ("Indikator Kinerja", ""), ("Satuan", ""),
             (f"Target {data.tahun}", "")] + [("Target Triwulan", t) for t in TW]
    isi = pd.DataFrame(baris, columns=pd.MultiIndex.from_tuples(kolom))
    return Tabel(isi, nomor, f"Perjanjian Kinerja Tahun {data.tahun}",
                 sumber=f"Perjanjian Kinerja Kecamatan {_nama(data)} {data.tahun}")


def _nomor_anggaran(tingkat: list[str]) -> list[str]:
    """I., 1., a. per level (program, kegiatan, sub kegiatan), restarting under each parent.

    >>> _nomor_anggaran(["program", "kegiatan", "kegiatan", "program", "kegiatan"])
    ['I.', '1.', '2.', 'II.', '1.']
    """
    hitung = {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
    hasil = []
    for t in tingkat:
        hitung[t] += 1
        if t == "program":
            hitung["kegiatan"] = hitung["sub_kegiatan"] = 0
            hasil.append(f"{ROMAWI[hitung[t] - 1] if hitung[t] <= len(ROMAWI) else hitung[t]}.")
        elif t == "kegiatan":
            hitung["sub_kegiatan"] = 0
            hasil.append(f"{hitung[t]}.")
        else:
            hasil.append(f"{chr(ord('a') + (hitung[t] - 1) % 26)}.")
    return hasil


KOLOM_25 = ("Anggaran Sebelum Perubahan (Rp)", "Anggaran Setelah Perubahan (Rp)",
            "Bertambah/(Berkurang) (Rp)")
_BESARAN_25 = ("pagu_murni", "pagu_perubahan", "selisih_perubahan")


@dicatat
def tabel_anggaran(data, hasil, nomor="2.5") -> Tabel:
    """Tabel 2.5 Rencana Anggaran: murni → perubahan per program and kegiatan, with difference."""
    tree = hasil.anggaran.iloc[_pohon_urut(hasil.anggaran)]
    nomor_baris = _nomor_anggaran(list(tree["tingkat"]))
    baris, sel, tebal = [], {}, []
    for no, (_, r) in zip(nomor_baris, tree.iterrows(), strict=True):
        nilai = (r["pagu_murni"], r["pagu_perubahan"], r["selisih"])
        baris.append((r["kode"], [no, r["nama"]] + [rupiah(v) for v in nilai]))
        sel.update({(r["kode"], k): (b, r["kode"]) for k, b in zip(KOLOM_25, _BESARAN_25,
                                                                  strict=True)})
        if r["tingkat"] == "program":
            tebal += [(r["kode"], k) for k in ("No.", "Program/Kegiatan") + KOLOM_25]
    total = total_anggaran(hasil)
    jumlah = [total["murni"], total["perubahan"], total["selisih"]]
    baris.append(("total", ["", "JUMLAH"] + [rupiah(v) for v in jumlah]))
    sel.update({("total", k): (b, "total") for k, b in zip(KOLOM_25, _BESARAN_25, strict=True)})
    df = pd.DataFrame([b for _, b in baris], index=[k for k, _ in baris],
                      columns=["No.", "Program/Kegiatan", *KOLOM_25])
    return _tabel(df, nomor, f"Rencana Anggaran Tahun {data.tahun}",
                  sel, tebal, uraian=["Program/Kegiatan"], jumlah=True, hasil=hasil,
                  sumber=f"DPA dan DPPA Kecamatan {_nama(data)} {data.tahun}")


def total_anggaran(hasil) -> dict[str, int]:
    """Total pagu murni, perubahan and their difference: the figures ``anggaran/total/…`` of
    the catalogue (the sum of the budget tree's roots). Used by tables and sentences alike."""
    from lkjip.katalog import cari

    murni, ubah = (int(cari(hasil, f"anggaran/total/{k}").nilai)
                   for k in ("pagu_murni", "pagu_perubahan"))
    return {"murni": murni, "perubahan": ubah, "selisih": ubah - murni}


# ---------------------------------------------------------------- Bab III


def tabel_skala(hasil, nomor="3.1") -> Tabel:
    """Tabel 3.1 Skala Nilai Peringkat Kinerja: the scale in force (profil.skala)."""
    df = muat_skala(hasil.skala)
    isi = pd.DataFrame({
        "No.": [f"{i}." for i in range(1, len(df) + 1)],
        "Interval Nilai Realisasi Kinerja (%)": list(df["interval"]),
        "Kriteria Penilaian Realisasi Kinerja": list(df["kategori"]),
        "Kode": list(df["kode"]),
    })
    from lkjip.analisis_dukungan import rujukan

    dasar = rujukan(hasil.data, "skala", lengkap=False)
    return Tabel(isi, nomor, "Skala Nilai Peringkat Kinerja",
                 sumber=kapital("; ".join(dasar + [nama_skala(hasil.skala)])))


def indikator_terukur(hasil, kode_sasaran: str | None = None) -> list:
    """Indicators with a target this year (in Renstra order), optionally of one sasaran."""
    return [i for i in hasil.indikator.values()
            if i.target is not None and (kode_sasaran is None or i.kode_sasaran == kode_sasaran)]


def indikator_tanpa_target(hasil) -> list:
    """Indicators without a target this year: not measured, named in a note."""
    return [i for i in hasil.indikator.values() if i.target is None]


def catatan_tanpa_target(hasil, tahun) -> str | None:
    """The one sentence naming the indicators without a target this year (the note under
    Tabel 3.2; the report says it there only)."""
    tanpa = indikator_tanpa_target(hasil)
    if not tanpa:
        return None
    nama = daftar_kata([i.indikator for i in tanpa])
    return (f"Indikator {nama} tidak memiliki target tahun {tahun} dalam Renstra sehingga "
            "tidak diukur dan tidak dihitung dalam capaian sasaran.")


def catatan_belum_terukur(hasil, kode_sasaran: str | None = None) -> str | None:
    """The sentence naming the indicators (of one sasaran, or all) that have a target this
    year but no realisasi yet: not measured, so left out of their sasaran's capaian and
    progres (`lkjip.hitung`); said under Tabel 3.2, under the sasaran's table and in its
    paragraph, never left to a dash alone."""
    belum = [i for i in indikator_terukur(hasil, kode_sasaran) if i.realisasi.nilai is None]
    if not belum:
        return None
    nama = daftar_kata([i.indikator for i in belum])
    return (f"Realisasi indikator {nama} belum tersedia sehingga capaiannya tidak dapat "
            "dihitung dan tidak dihitung dalam capaian maupun progres sasaran.")


def _gabung_catatan(*catatan: str | None) -> str | None:
    return " ".join(c for c in catatan if c) or None


@dicatat
def tabel_capaian(data, hasil, nomor="3.2") -> Tabel:
    """Tabel 3.2 Capaian Kinerja atas Perjanjian Kinerja: per indicator, this year and Renstra."""
    t, akhir = data.tahun, data.profil.get("renstra_akhir")
    nama_s = {k: s.sasaran for k, s in hasil.sasaran.items()}
    daftar = indikator_terukur(hasil)
    kolom = [("No.", ""), ("Sasaran", ""), ("Indikator Kinerja", ""),
             (f"Tahun {t}", "Target"), (f"Tahun {t}", "Realisasi"),
             (f"Tahun {t}", "Capaian (%)"), (f"Tahun {t}", "Kategori"),
             (f"Target Akhir Renstra ({akhir})", ""), (f"Progres s.d. {t} (%)", "")]
    no_s = {k: f"{n}." for n, k in enumerate(hasil.sasaran, start=1)}
    baris = [[no_s[i.kode_sasaran], nama_s[i.kode_sasaran], f"{i.indikator} ({i.satuan})",
              format_target(i.target, i.satuan), format_nilai(i.realisasi, i.satuan),
              persen(i.capaian), i.kategori or KOSONG, format_target(i.target_akhir, i.satuan),
              persen(i.progres)]
             for i in daftar]
    kol = pd.MultiIndex.from_tuples(kolom)
    df = pd.DataFrame(baris, index=[i.kode for i in daftar], columns=kol)
    for k in ("No.", "Sasaran"):
        df[(k, "")] = _ulang_kosong(list(df[(k, "")]))
    sel = {}
    angka = {}
    for i in daftar:
        sel[(i.kode, kolom[4])] = ("realisasi", i.kode)
        sel[(i.kode, kolom[5])] = ("capaian", i.kode)
        sel[(i.kode, kolom[8])] = ("progres_renstra", i.kode)
        angka |= {(i.kode, kolom[4]): i.realisasi, (i.kode, kolom[5]): i.capaian,
                  (i.kode, kolom[8]): i.progres}
    return _tabel(df, nomor, f"Capaian Kinerja atas Perjanjian Kinerja Tahun {t}",
                  sel, angka=angka, hasil=hasil, sumber=sumber_olah(data),
                  catatan=_gabung_catatan(catatan_tanpa_target(hasil, t),
                                          catatan_belum_terukur(hasil)),
                  uraian=[kolom[2]])


def progres_sasaran(hasil, kode_sasaran: str) -> Angka:
    """Progress of a sasaran to the Renstra end (computed by `lkjip.hitung`, where the stated
    figure is checked against the same value)."""
    return hasil.sasaran[kode_sasaran].progres


def _tahun_lalu(daftar) -> list[int]:
    return sorted({t for i in daftar for t in i.riwayat})


@dicatat
def tabel_sasaran(data, hasil, kode_sasaran: str, nomor="3.3") -> Tabel:
    """Tabel 3.3/3.5 Pengukuran Kinerja Sasaran: earlier years, this year, Renstra progress."""
    s, t, akhir = hasil.sasaran[kode_sasaran], data.tahun, data.profil.get("renstra_akhir")
    daftar = indikator_terukur(hasil, kode_sasaran)
    lalu = _tahun_lalu(daftar)
    kolom = ([("Indikator Kinerja", "")] + [("Realisasi Tahun Lalu", str(y)) for y in lalu]
             + [(f"Tahun {t}", k) for k in ("Target", "Realisasi", "Capaian (%)", "Kategori")]
             + [("Renstra", f"Target Akhir {akhir}"), ("Renstra", f"Progres s.d. {t} (%)")])
    baris = [[i.indikator] + [format_nilai(i.riwayat.get(y), i.satuan) for y in lalu]
             + [format_target(i.target, i.satuan), format_nilai(i.realisasi, i.satuan),
                persen(i.capaian), i.kategori or KOSONG, format_target(i.target_akhir, i.satuan),
                persen(i.progres)]
             for i in daftar]
    baris.append(["Persentase Capaian Sasaran"] + [""] * len(lalu)
                 + ["", "", persen(s.capaian), s.kategori or KOSONG, "",
                    persen(progres_sasaran(hasil, kode_sasaran))])
    df = pd.DataFrame(baris, index=[i.kode for i in daftar] + [kode_sasaran],
                      columns=pd.MultiIndex.from_tuples(kolom))
    k = len(lalu) + 1
    sel = {(kode_sasaran, kolom[k + 2]): ("capaian_sasaran", kode_sasaran),
           (kode_sasaran, kolom[k + 3]): ("kategori_kinerja", kode_sasaran),
           (kode_sasaran, kolom[-1]): ("progres_sasaran", kode_sasaran)}
    angka = {(kode_sasaran, kolom[k + 2]): s.capaian,
             (kode_sasaran, kolom[-1]): progres_sasaran(hasil, kode_sasaran)}
    for i in daftar:
        sel.update({(i.kode, kolom[k + 1]): ("realisasi", i.kode),
                    (i.kode, kolom[k + 2]): ("capaian", i.kode),
                    (i.kode, kolom[-1]): ("progres_renstra", i.kode)})
        angka.update({(i.kode, kolom[k + 1]): i.realisasi, (i.kode, kolom[k + 2]): i.capaian,
                      (i.kode, kolom[-1]): i.progres})
    return _tabel(df, nomor, f"Pengukuran Kinerja Sasaran {s.sasaran}",
                  sel, angka=angka, hasil=hasil, sumber=sumber_olah(data),
                  jumlah=True, uraian=[kolom[0]],
                  catatan=catatan_belum_terukur(hasil, kode_sasaran))


def _label_periode(p: str) -> str:
    """'S1' → 'Semester 1'; other period names as they are."""
    return f"Semester {p[1:]}" if len(p) == 2 and p[0] == "S" else p


def unsur_ekstrem(hasil) -> tuple[str, str]:
    """Keys of the unsur with the highest and the lowest nilai (×25) of the year."""
    nilai = hasil.ikm_tahun.nilai_unsur
    return str(nilai.idxmax()), str(nilai.idxmin())


def nama_unsur(kunci: str) -> str:
    """The full name of an unsur key (Permenpan RB 14/2017)."""
    return next(u.nama for u in UNSUR if u.kunci == kunci)


@dicatat
def tabel_ikm(data, hasil, nomor="3.4") -> Tabel:
    """Tabel 3.4 Hasil Survei Kepuasan Masyarakat: NRR and nilai (×25) per unsur and period."""
    periode = {**{p: h for p, h in hasil.ikm_semester.items()}, "tahun": hasil.ikm_tahun}
    judul = {p: _label_periode(p) for p in hasil.ikm_semester} | {"tahun": f"Tahun {data.tahun}"}
    kolom = [("No.", ""), ("Unsur Pelayanan", "")] + [
        (judul[p], k) for p in periode for k in ("NRR", "Nilai")] + [("Keterangan", "")]
    tinggi, rendah = unsur_ekstrem(hasil)
    ket = {tinggi: "Tertinggi", rendah: "Terendah"}
    baris = [[f"{n}.", u.nama] + [v for h in periode.values() for v in
                                  (format_angka(h.nrr[u.kunci], 3),
                                   format_angka(h.nilai_unsur[u.kunci], 2))]
             + [ket.get(u.kunci, "")] for n, u in enumerate(UNSUR, start=1)]
    indeks = [u.kunci for u in UNSUR]
    kosong = [""] * len(periode)
    baris += [
        ["", "Indeks Kepuasan Masyarakat (IKM)"] + _selang(kosong, [persen(h.nilai) for h in
                                                                   periode.values()]) + [""],
        ["", "Mutu Pelayanan"] + _selang(kosong, [f"{h.mutu} ({h.kinerja})" for h in
                                                  periode.values()]) + [""],
        ["", "Jumlah Responden"] + _selang(kosong, [angka_tertulis(h.responden) for h in
                                                    periode.values()]) + [""],
    ]
    indeks += ["ikm", "mutu", "responden"]
    df = pd.DataFrame(baris, index=indeks, columns=pd.MultiIndex.from_tuples(kolom))
    nilai_t = (judul["tahun"], "Nilai")
    sel = {(u.kunci, nilai_t): ("nilai_unsur", u.kunci) for u in UNSUR}
    sel |= {("ikm", (judul[p], "Nilai")): ("ikm_semester", p) for p in hasil.ikm_semester}
    sel |= {("ikm", nilai_t): ("ikm_tahun", None), ("mutu", nilai_t): ("mutu_ikm", None),
            ("responden", nilai_t): ("responden_ikm", None)}
    return _tabel(df, nomor, "Hasil Survei Kepuasan Masyarakat", sel,
                  hasil=hasil, angka={("ikm", nilai_t): hasil.ikm_tahun.angka},
                  sumber=f"Survei Kepuasan Masyarakat Kecamatan {_nama(data)} {data.tahun}, "
                  "diolah", catatan="Nilai = NRR × 25.")


def _selang(kosong: list, nilai: list) -> list:
    """Interleave: [a, b] → ['', a, '', b] (NRR column empty, value under Nilai)."""
    return [v for pasangan in zip(kosong, nilai, strict=True) for v in pasangan]


def simpul_komposit(data, kode_akar: str) -> list[tuple[str, int]]:
    """(kode_node, depth) of a composite tree in depth-first order, siblings by urutan."""
    df = data.komposit.sort_values(["urutan", "_baris"])
    anak: dict = {}
    for kode, induk in zip(df["kode_node"], df["kode_induk"], strict=True):
        anak.setdefault(induk if isinstance(induk, str) and induk else None, []).append(kode)
    urut: list[tuple[str, int]] = []

    def turun(kode, dalam):
        urut.append((kode, dalam))
        for k in anak.get(kode, []):
            turun(k, dalam + 1)

    turun(kode_akar, 0)
    return urut


def akar_komposit(data, kode_indikator: str) -> str | None:
    """The root node of the composite tree that computes an indicator."""
    df = data.komposit
    akar = df[df["kode_indikator"] == kode_indikator]
    return akar["kode_node"].iloc[0] if len(akar) else None


def ruas_kanan(uraian: str) -> str:
    """'86,81 = (54,07 + 80,00) / 2' → '(54,07 + 80,00) / 2'."""
    return uraian.split(" = ", 1)[1] if " = " in uraian else uraian


@dicatat
def tabel_komposit(data, hasil, kode_akar: str, nomor="3.5") -> Tabel:
    """The worked calculation of a composite indicator: every node, its formula and inputs."""
    nama = dict(zip(data.komposit["kode_node"], data.komposit["nama"], strict=True))
    simpul = simpul_komposit(data, kode_akar)
    urut = simpul[1:] + simpul[:1]  # components first, the result last
    baris = []
    for kode, _ in urut:
        a = hasil.komposit[kode]
        no = kode.removeprefix(kode_akar + ".") if kode != kode_akar else ""
        baris.append([no, nama[kode], ruas_kanan(a.uraian()), persen(a)])
    df = pd.DataFrame(baris, index=[k for k, _ in urut],
                      columns=["No.", "Komponen", "Perhitungan", "Nilai (%)"])
    sel = {(k, "Nilai (%)"): ("komposit", k) for k, _ in urut}
    tebal = [(k, "Komponen") for k, d in urut if d == 1]
    angka = {(k, "Nilai (%)"): hasil.komposit[k] for k, _ in urut}
    return _tabel(df, nomor, f"Perhitungan {nama[kode_akar]}", sel,
                  tebal, angka=angka, hasil=hasil, sumber=sumber_olah(data), jumlah=True)


@dicatat
def tabel_anggaran_sasaran(data, hasil, nomor="3.6") -> Tabel:
    """Tabel 3.6 Target dan Realisasi Anggaran Sasaran Strategis: pagu, realisasi, penyerapan."""
    kolom = ["No.", "Sasaran Strategis", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)"]
    baris, sel = [], {}
    for n, (k, s) in enumerate(hasil.sasaran.items(), start=1):
        baris.append((k, [f"{n}.", s.sasaran, rupiah(s.pagu), rupiah(s.realisasi_anggaran),
                          persen(s.penyerapan)]))
        sel |= {(k, kolom[2]): ("pagu_sasaran", k), (k, kolom[3]): ("realisasi_anggaran", k),
                (k, kolom[4]): ("penyerapan", k)}
    baris.append(("total", ["", "Jumlah", rupiah(hasil.total_pagu),
                            rupiah(hasil.total_realisasi_anggaran),
                            persen(hasil.penyerapan)]))
    sel |= {("total", kolom[2]): ("pagu_sasaran", "total"),
            ("total", kolom[3]): ("realisasi_anggaran", "total"),
            ("total", kolom[4]): ("penyerapan", "total")}
    df = pd.DataFrame([b for _, b in baris], index=[k for k, _ in baris], columns=kolom)
    angka = {(k, kolom[4]): s.penyerapan for k, s in hasil.sasaran.items()}
    angka[("total", kolom[4])] = hasil.penyerapan
    return _tabel(df, nomor, f"Target dan Realisasi Anggaran Sasaran Strategis Tahun {data.tahun}",
                  sel, angka=angka, hasil=hasil,
                  sumber=f"Laporan realisasi anggaran {data.tahun}", jumlah=True)


def keterangan_efisiensi(efisiensi: Angka, aturan=None) -> str:
    """'Efisien' / 'Kurang efisien' by the office's rule (`lkjip.analisis_dukungan.Aturan`,
    from ``ketentuan.csv``); '–' without a rule: the regulation sets no threshold."""
    from lkjip.analisis_dukungan import putusan_efisiensi

    putusan = putusan_efisiensi(efisiensi, aturan)
    return KOSONG if putusan is None else "Efisien" if putusan else "Kurang efisien"


def tabel_efisiensi(data, hasil, nomor="3.7") -> Tabel:
    """Efisiensi anggaran per sasaran: capaian kinerja − penyerapan anggaran (poin), with the
    verdict of the office's rule (``ketentuan.csv``) when it states one."""
    from lkjip.analisis_dukungan import aturan_efisiensi

    aturan = aturan_efisiensi(data)
    kolom = ["Sasaran Strategis", "Capaian Kinerja (%)", "Penyerapan Anggaran (%)",
             "Efisiensi (poin)"] + (["Keterangan"] if aturan else [])
    baris = [[s.sasaran, persen(s.capaian), persen(s.penyerapan), persen(s.efisiensi)]
             + ([keterangan_efisiensi(s.efisiensi, aturan)] if aturan else [])
             for s in hasil.sasaran.values()]
    baris.append(["Keseluruhan", persen(hasil.capaian_kinerja), persen(hasil.penyerapan),
                  persen(hasil.efisiensi)]
                 + ([keterangan_efisiensi(hasil.efisiensi, aturan)] if aturan else []))
    df = pd.DataFrame(baris, index=list(hasil.sasaran) + ["total"], columns=kolom)
    angka = {(k, kolom[1]): s.capaian for k, s in hasil.sasaran.items()}
    angka[("total", kolom[1])] = hasil.capaian_kinerja
    catatan = (f"Efisien bila paling sedikit {format_angka(aturan.batas, 2)} poin, menurut "
               "aturan yang ditetapkan kecamatan." if aturan else None)
    return _tabel(df, nomor, f"Efisiensi Penggunaan Anggaran Tahun {data.tahun}", angka=angka,
                  hasil=hasil, sumber=sumber_olah(data), jumlah=True, catatan=catatan)


# ---------------------------------------------------------------- Ikhtisar and Bab IV


def _aturan(data):
    from lkjip.analisis_dukungan import aturan_efisiensi

    return aturan_efisiensi(data)


@dicatat
def tabel_ikhtisar(data, hasil, nomor="i") -> Tabel:
    """The Ikhtisar Eksekutif summary: each indicator, each sasaran, the whole."""
    kolom = ["Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori"]
    baris, indeks, sel = [], [], {}
    for k, s in hasil.sasaran.items():
        for n, i in enumerate(indikator_terukur(hasil, k)):
            baris.append([s.sasaran if n == 0 else "", i.indikator,
                          format_target(i.target, i.satuan), format_nilai(i.realisasi, i.satuan),
                          persen(i.capaian), i.kategori or KOSONG])
            indeks.append(i.kode)
            sel |= {(i.kode, "Realisasi"): ("realisasi", i.kode),
                    (i.kode, "Capaian (%)"): ("capaian", i.kode)}
        baris.append(["", f"Capaian sasaran {s.sasaran}", "", "", persen(s.capaian),
                      s.kategori or KOSONG])
        indeks.append(k)
        sel |= {(k, "Capaian (%)"): ("capaian_sasaran", k),
                (k, "Kategori"): ("kategori_kinerja", k)}
    baris.append(["", "Capaian kinerja keseluruhan", "", "", persen(hasil.capaian_kinerja),
                  hasil.kategori_kinerja or KOSONG])
    indeks.append("keseluruhan")
    sel[("keseluruhan", "Kategori")] = ("kategori_kinerja", "keseluruhan")
    df = pd.DataFrame(baris, index=indeks, columns=kolom)
    tebal = [(k, c) for k in hasil.sasaran for c in kolom]
    return _tabel(df, nomor, f"Ringkasan Capaian Kinerja Tahun {data.tahun}",
                  sel, tebal, hasil=hasil, sumber=sumber_olah(data), jumlah=True)


@dicatat
def tabel_kesimpulan(data, hasil, nomor="4.1") -> Tabel:
    """Bab IV: capaian kinerja and penyerapan anggaran with their categories, and efficiency."""
    kolom = ["Uraian", "Nilai (%)", "Kategori"]
    df = pd.DataFrame([
        ["Capaian kinerja", persen(hasil.capaian_kinerja), hasil.kategori_kinerja or KOSONG],
        ["Penyerapan anggaran", persen(hasil.penyerapan), hasil.kategori_anggaran or KOSONG],
        ["Efisiensi (capaian kinerja − penyerapan anggaran)", persen(hasil.efisiensi),
         keterangan_efisiensi(hasil.efisiensi, _aturan(data))],
    ], index=["kinerja", "anggaran", "efisiensi"], columns=kolom)
    sel = {("kinerja", "Kategori"): ("kategori_kinerja", "keseluruhan"),
           ("anggaran", "Nilai (%)"): ("penyerapan", "total"),
           ("anggaran", "Kategori"): ("kategori_anggaran", None)}
    return _tabel(df, nomor, f"Kesimpulan Kinerja Tahun {data.tahun}",
                  sel, hasil=hasil, angka={("kinerja", "Nilai (%)"): hasil.capaian_kinerja},
                  sumber=sumber_olah(data),
                  catatan="kategori menurut skala nilai peringkat kinerja pada Tabel 3.1.")
