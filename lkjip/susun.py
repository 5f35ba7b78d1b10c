"""Sections whose shape depends on the data: Bab III per sasaran, the Lampiran PK, the cover.

A chapter notebook calls one function per section; the number of sasaran, indicators,
composite trees and pejabat comes from the data, so the tables and charts of those sections
are numbered here, by one deterministic plan (`nomor_bab3`), the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip import (
    analisis_dukungan,
    grafik,
    narasi,
    narasi_analisis,
    tabel,
    tabel_analisis,
    tabel_dokumen,
    tabel_lampiran,
    tampil,
    tanda_tangan,
)
from lkjip.pembanding import banding
from lkjip.sintetis_label import catatan_sintetis


def alamat(data) -> str:
    """The office's address line for the cover: street, postcode, e-mail (those typed).

    >>> from types import SimpleNamespace as NS
    >>> alamat(NS(profil={"alamat": "Jl. Raya 17", "kode_pos": "52352", "email": ""}))
    'Jl. Raya 17 Kode Pos 52352'
    """
    p = data.profil
    bagian = [str(p.get("alamat") or "").strip()]
    if str(p.get("kode_pos") or "").strip():
        bagian.append(f"Kode Pos {str(p.get('kode_pos')).strip()}")
    baris = " ".join(b for b in bagian if b)
    email = str(p.get("email") or "").strip()
    return f"{baris} · Email: {email}" if email else baris


def sampul(data, hasil, keadaan=None) -> tampil.Sampul:
    """The cover's facts: names, the address and logo, marked when the data is synthetic and,
    while a galat is undecided (`keadaan`: the findings with the office's decisions,
    `lkjip.keputusan.Keadaan`), as a DRAF."""
    from lkjip import pendukung

    p = data.profil
    logo = pendukung.logo(data)
    return tampil.sampul(p.get("nama_kecamatan") or data.kecamatan, p.get("kabupaten") or "",
                         data.tahun, provinsi=p.get("provinsi") or "", sintetis=data.sintetis,
                         draf=bool(keadaan and keadaan.draf), alamat=alamat(data),
                         logo=logo.data_uri if logo else "")


# ---------------------------------------------------------------- Bab I and II: the seed's content

VISI_MISI_UMUM = ("Visi dan misi kepala daerah dalam RPJMD dijabarkan ke dalam tujuan dan sasaran "
                  "perangkat daerah beserta indikator kinerjanya sebagai berikut.")


def gambaran_umum(data, hasil, keadaan=None) -> tampil.Html:
    """Bab I A from ``narasi/gambaran_umum.md`` (named figures filled in, as `narasi.teks`),
    with the organisation chart (Gambar 1.1, from pejabat.csv) after its 'Struktur' section
    (or at its end); its source line cites the references of ``rujukan.csv`` (bagian
    organisasi)."""
    sumber = "; ".join(analisis_dukungan.rujukan(data, "organisasi", lengkap=False)
                       + [f"pejabat menurut Perjanjian Kinerja {data.tahun}"])
    nama = data.profil.get("nama_kecamatan") or data.kecamatan
    gambar = tampil.grafik(grafik.struktur_organisasi(data), "1.1",
                           f"Susunan Organisasi Kecamatan {nama}", sumber=sumber, jenis="Gambar")
    if not (data.narasi.get("gambaran_umum") or "").strip():
        return narasi.gabung(narasi.teks(data, "gambaran_umum", hasil, keadaan), gambar)
    siap, bagian = narasi_analisis.bagian_siap(data, hasil, "gambaran_umum", keadaan, tingkat=2)
    letak = next((n for n, (j, _) in enumerate(bagian) if j and "struktur" in j.lower()),
                 len(bagian) - 1)
    md = ["\n\n".join((f"## {j}\n\n{b}" if j else b) for j, b in potong)
          for potong in (bagian[:letak + 1], bagian[letak + 1:])]
    return narasi.gabung(siap.html(md[0]), gambar, siap.html(md[1]) if md[1] else None)


def visi_misi(data) -> tampil.Html:
    """Bab II A: the visi and the misi the kecamatan supports (renstra/visi_misi.csv)."""
    return narasi.paragraf(narasi_analisis.kalimat_visi_misi(data) or VISI_MISI_UMUM)


def instrumen(data) -> tampil.Html:
    """Bab II A: the applications supporting performance management (instrumen.csv), a list
    under its own heading; nothing without the file."""
    df = data.instrumen.sort_values("no")
    if not len(df):
        return narasi.gabung()
    butir = [f"{r['nama']}" + (f" ({r['kepanjangan']})" if r["kepanjangan"] else "")
             + f": {r['uraian']}" for _, r in df.iterrows()]
    return narasi.gabung(
        tampil.subjudul("3. Instrumen Pendukung Pengelolaan Kinerja", tingkat=3),
        narasi.paragraf(narasi_analisis.kalimat_instrumen(data)), narasi.daftar(butir))


def belanja(data, hasil, nomor: str = "2.6") -> tampil.Html:
    """Bab II C: the budget by jenis belanja (belanja.csv), a sentence and a table."""
    t = tabel_dokumen.tabel_belanja(data, hasil, nomor)
    if t is None:
        return narasi.gabung()
    return narasi.gabung(narasi.paragraf(narasi_analisis.kalimat_belanja(data, hasil)), t)


def rujukan(data, bagian: str, awalan: str) -> tampil.Html:
    """A sentence citing the references of one part (rujukan.csv); nothing without them."""
    teks = narasi_analisis.kalimat_rujukan(data, bagian, awalan)
    return narasi.paragraf(teks) if teks else narasi.gabung()


# ---------------------------------------------------------------- Bab III


class _Nomor:
    """Numbers '3.1', '3.2', ... handed out in order."""

    def __init__(self, bab: str):
        self.bab, self.n = bab, 0

    def __call__(self) -> str:
        self.n += 1
        return f"{self.bab}.{self.n}"


def sasaran_terukur(hasil) -> list[str]:
    """Sasaran with at least one indicator that has a target this year."""
    return [k for k in hasil.sasaran if tabel.indikator_terukur(hasil, k)]


def nomor_bab3(data, hasil, pembanding=None) -> dict[str, str]:
    """Table and chart numbers of Bab III, in reading order.

    Keys: ``tabel:skala``, ``tabel:capaian``, ``tabel:capaian_pk``, ``tabel:sasaran:<S>``,
    ``tabel:banding:<IKU>``, ``grafik:tren:<IKU>``, ``grafik:kabupaten:<IKU>``, ``tabel:ikm``,
    ``grafik:ikm``, ``tabel:komposit:<node>``, ``tabel:komponen:<node>``, ``tabel:daftar:<node>``,
    ``tabel:tw:<IKU>``, ``tabel:pendukung:<S>``, ``tabel:anggaran_sasaran``,
    ``grafik:penyerapan``, ``tabel:efisiensi``. ``pembanding`` (`lkjip.pembanding`) adds the
    kabupaten charts.
    """
    t, g = _Nomor("3"), _Nomor("3")
    nomor = {"tabel:skala": t(), "tabel:capaian": t()}
    if len(data.pk_realisasi):
        nomor["tabel:capaian_pk"] = t()
    for k in sasaran_terukur(hasil):
        nomor[f"tabel:sasaran:{k}"] = t()
        for i in tabel.indikator_terukur(hasil, k):
            _nomor_indikator(data, hasil, i, pembanding, nomor, t, g)
        nomor[f"tabel:pendukung:{k}"] = t()
    nomor["tabel:anggaran_sasaran"] = t()
    nomor["grafik:penyerapan"] = g()
    nomor["tabel:efisiensi"] = t()
    return nomor


def _nomor_indikator(data, hasil, i, pembanding, nomor: dict, t, g) -> None:
    nomor[f"tabel:banding:{i.kode}"] = t()
    nomor[f"grafik:tren:{i.kode}"] = g()
    if banding(hasil, i.kode, pembanding) is not None:
        nomor[f"grafik:kabupaten:{i.kode}"] = g()
    if i.sumber_realisasi == "ikm" and hasil.ikm_tahun and "tabel:ikm" not in nomor:
        nomor["tabel:ikm"], nomor["grafik:ikm"] = t(), g()
    akar = tabel.akar_komposit(data, i.kode)
    if i.sumber_realisasi == "komposit" and akar in hasil.komposit:
        nomor[f"tabel:komposit:{akar}"] = t()
        nomor[f"tabel:komponen:{akar}"] = t()
        for node, _ in tabel_analisis.daftar_komposit(data, akar):
            nomor[f"tabel:daftar:{node}"] = t()
    if tabel_analisis.tabel_triwulan(data, hasil, i.kode, "") is not None:
        nomor[f"tabel:tw:{i.kode}"] = t()


def _bagian_indikator(data, hasil, i, nomor: dict, keadaan=None, pembanding=None) -> list:
    bagian = [tampil.subjudul(i.indikator, tingkat=4, id=f"indikator-{_id(i.kode)}"),
              narasi_analisis.kalimat_indikator(data, hasil, i.kode),
              narasi.uraian_indikator(data, hasil, i.kode, keadaan),
              tabel_analisis.tabel_perbandingan(data, hasil, i.kode,
                                                nomor[f"tabel:banding:{i.kode}"], pembanding),
              tampil.grafik(grafik.tren(data, hasil, i.kode), nomor[f"grafik:tren:{i.kode}"],
                            f"Realisasi dan Target {i.indikator}",
                            sumber=tabel.sumber_olah(data, i.realisasi))]
    bagian += _bagian_pembanding(data, hasil, i, nomor, pembanding)
    if i.sumber_realisasi == "ikm" and hasil.ikm_tahun is not None:
        bagian += [narasi.paragraf(narasi.kalimat_ikm(data, hasil)),
                   tabel.tabel_ikm(data, hasil, nomor["tabel:ikm"]),
                   tampil.grafik(grafik.ikm_unsur(hasil), nomor["grafik:ikm"],
                                 "Nilai Unsur Pelayanan Survei Kepuasan Masyarakat",
                                 sumber=tabel.sumber_olah(data, *_angka_survei(hasil))),
                   narasi.paragraf(narasi_analisis.kalimat_penyebab_ikm(data, hasil))]
    akar = tabel.akar_komposit(data, i.kode)
    if i.sumber_realisasi == "komposit" and f"tabel:komposit:{akar}" in nomor:
        bagian += _bagian_komposit(data, hasil, akar, nomor, keadaan)
    if f"tabel:tw:{i.kode}" in nomor:
        bagian += [narasi.paragraf(narasi_analisis.kalimat_triwulan(data, hasil, i.kode)),
                   tabel_analisis.tabel_triwulan(data, hasil, i.kode, nomor[f"tabel:tw:{i.kode}"])]
    bagian.append(narasi_analisis.narasi_indikator(data, hasil, i.kode, keadaan))
    return bagian


def _bagian_pembanding(data, hasil, i, nomor: dict, pembanding) -> list:
    """The indicator against the kabupaten's kecamatan and the standards."""
    bagian = [narasi.paragraf(narasi_analisis.kalimat_kabupaten(data, hasil, i.kode, pembanding),
                              narasi_analisis.kalimat_standar(data, hasil, i.kode))]
    p = banding(hasil, i.kode, pembanding)
    if p is not None:
        sumber = f"Data {p.n} kecamatan Kabupaten {data.profil.get('kabupaten')} {data.tahun}"
        if pembanding.sintetis and not data.sintetis:
            sumber += f"; {tabel_analisis.SINTETIS}"
        sumber += catatan_sintetis(data, [i.realisasi])  # this kecamatan's own bar
        nama = str(data.profil.get("nama_kecamatan") or data.kecamatan)
        bagian.append(tampil.grafik(
            grafik.kabupaten_indikator(nama, p.daftar, p.rerata.nilai, i.satuan),
            nomor[f"grafik:kabupaten:{i.kode}"],
            f"{i.indikator} per Kecamatan di Kabupaten {data.profil.get('kabupaten')} "
            f"Tahun {data.tahun}", sumber=sumber))
    return bagian


def _bagian_komposit(data, hasil, akar: str, nomor: dict, keadaan=None) -> list:
    """A composite: how it is computed, the office's text on its components, what pulls it
    down, and the lists it counts."""
    bagian = [narasi.paragraf(narasi.kalimat_komposit(data, hasil, akar)),
              tabel.tabel_komposit(data, hasil, akar, nomor[f"tabel:komposit:{akar}"]),
              narasi.uraian_komponen(data, hasil, akar, keadaan),
              narasi.paragraf(narasi_analisis.kalimat_penyebab_komposit(data, hasil, akar)),
              tabel_analisis.tabel_komponen(data, hasil, akar, nomor[f"tabel:komponen:{akar}"])]
    for node, daftar in tabel_analisis.daftar_komposit(data, akar):
        bagian.append(tabel_analisis.tabel_daftar(data, hasil, daftar, node,
                                                  nomor[f"tabel:daftar:{node}"]))
    return bagian


def _angka_survei(hasil) -> list:
    """The IKM figures computed from the survey answers (per period, and the year's unless a
    decision fixed it): what the unsur chart is drawn from."""
    murni = hasil.murni or hasil
    return [h.angka for h in [*murni.ikm_semester.values(), murni.ikm_tahun] if h is not None]


def _id(kode: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(kode).lower()).strip("-") or "x"


def sasaran(data, hasil, nomor: dict | None = None, keadaan=None,
            pembanding=None) -> tampil.Html:
    """Bab III A, per sasaran: its table (3.3/3.5), each indicator's paragraph, the office's
    text on it, comparisons, trend chart, causes and the office's permasalahan and solusi,
    the IKM survey and each composite's worked calculation with the office's text on its
    components, then the programs and kegiatan that support the sasaran (`keadaan`: the
    office's decisions, which the figures typed in those texts follow; `pembanding`
    (`lkjip.pembanding`) adds the kabupaten's other kecamatan). The indicators without a
    target this year are named once, under Tabel 3.2."""
    nomor = nomor or nomor_bab3(data, hasil, pembanding)
    bagian = []
    for n, k in enumerate(sasaran_terukur(hasil), start=1):
        s = hasil.sasaran[k]
        bagian += [tampil.subjudul(f"Sasaran {n}: {s.sasaran}", tingkat=3,
                                   id=f"sasaran-{_id(k)}"),
                   tabel.tabel_sasaran(data, hasil, k, nomor[f"tabel:sasaran:{k}"]),
                   narasi.paragraf(narasi.kalimat_sasaran(data, hasil, k))]
        for i in tabel.indikator_terukur(hasil, k):
            bagian += _bagian_indikator(data, hasil, i, nomor, keadaan, pembanding)
        bagian += [tampil.subjudul("Program dan Kegiatan Pendukung", tingkat=4,
                                   id=f"pendukung-{_id(k)}"),
                   narasi.paragraf(narasi_analisis.kalimat_anggaran_pendukung(data, hasil, k)),
                   tabel_analisis.tabel_anggaran_pendukung(data, hasil, k,
                                                           nomor[f"tabel:pendukung:{k}"])]
    return narasi.gabung(*bagian)


def capaian_pk(data, hasil, nomor: dict) -> tampil.Html:
    """Bab III A: the capaian of the PK indicators of the program level, with a sentence."""
    t = tabel_analisis.tabel_capaian_pk(data, hasil, nomor.get("tabel:capaian_pk", ""))
    if t is None:
        return narasi.gabung()
    return narasi.gabung(
        narasi.paragraf("Perjanjian Kinerja juga memuat indikator kinerja program. Capaian "
                        "indikator yang realisasinya tersedia adalah sebagai berikut."),
        t, narasi.paragraf(narasi_analisis.kalimat_capaian_pk(data, hasil)))


def analisis(data, hasil, keadaan=None) -> tampil.Html:
    """Permasalahan and solusi that no indicator claims (the others stand beside their
    indicator). The programs that support each sasaran come from the DPA
    (`tabel_analisis.tabel_anggaran_pendukung`), not from ``program_pendukung.md``."""
    bagian = []
    for judul, nama in (("Permasalahan", "permasalahan"), ("Solusi", "solusi")):
        isi = narasi_analisis.narasi_sisa(data, hasil, nama, keadaan)
        if isi is not None:
            bagian += [tampil.subjudul(judul, tingkat=3, id=f"analisis-{nama}"), isi]
    return narasi.gabung(*bagian)


def efisiensi(data, hasil, nomor: dict) -> tampil.Html:
    """Bab III B: efficiency per sasaran, stated with the office's rule or without a verdict."""
    return narasi.gabung(
        tabel.tabel_efisiensi(data, hasil, nomor["tabel:efisiensi"]),
        narasi.paragraf(narasi.kalimat_efisiensi(data, hasil),
                        narasi_analisis.kalimat_efisiensi_aturan(data, hasil)))


# ---------------------------------------------------------------- Lampiran


PEMBUKA_PK = ("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
              "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")
JANJI_PK = ("Pihak Pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
            "lampiran perjanjian ini dalam rangka mencapai target kinerja jangka menengah seperti "
            "yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan "
            "pencapaian target kinerja tersebut menjadi tanggung jawab kami.")
SUPERVISI_PK = ("Pihak Kedua akan memberikan supervisi yang diperlukan serta akan melakukan "
                "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang "
                "diperlukan dalam rangka pemberian penghargaan dan sanksi.")


def _pihak(baris: list[str]) -> tampil.Html:
    from html import escape

    return tampil.Html('<p class="lk-pihak">' + "<br>".join(escape(b) for b in baris) + "</p>",
                       "Pihak")


def judul_pk(data, kode_pejabat: str) -> str:
    """'Perjanjian Kinerja Tahun 2023 (Perubahan)' when pejabat.csv says the PK was revised."""
    ubah = " (Perubahan)" if narasi.pk_perubahan(data, kode_pejabat) else ""
    return f"Perjanjian Kinerja Tahun {data.tahun}{ubah}"


def pihak_pk(data, kode_pejabat: str) -> tampil.Html:
    """The PK's text: the two parties ('Nama / Jabatan / Pihak Pertama', '... Pihak Kedua'),
    the promises, and both parties' signature blocks side by side."""
    pertama, kedua = tanda_tangan.pihak(data, kode_pejabat)
    return narasi.gabung(
        narasi.paragraf(PEMBUKA_PK),
        _pihak([f"Nama : {pertama.nama}", f"Jabatan : {pertama.jabatan}",
                "Selanjutnya disebut Pihak Pertama"]),
        _pihak([f"Nama : {kedua.nama}", f"Jabatan : {kedua.jabatan}",
                "Selaku atasan langsung Pihak Pertama, selanjutnya disebut Pihak Kedua"]),
        narasi.paragraf(JANJI_PK), narasi.paragraf(SUPERVISI_PK),
        tanda_tangan.blok_pk(data, kode_pejabat),
    )


def nomor_lampiran(data) -> dict[str, str]:
    """Table numbers of the Lampiran PK, in reading order (``L.1``, ``L.2``, ...).

    Keys: ``tabel:pk_indikator:<pejabat>[:strategis|:program]`` and
    ``tabel:pk_anggaran:<pejabat>``; the working paper uses them to say where a finding about
    a PK lies in this report.
    """
    import pandas as pd

    nomor, hasil = _Nomor("L"), {}
    baris: dict = {}  # pejabat → [PK rows, rows with a Renstra indicator]: one pass (issue 15)
    for kode, indikator in zip(data.pk_indikator["kode_pejabat"].tolist(),
                               data.pk_indikator["kode_indikator"].tolist(), strict=True):
        n = baris.setdefault(kode, [0, 0])
        n[0] += 1
        n[1] += bool(pd.notna(indikator))
    anggaran = set(data.pk_anggaran["kode_pejabat"].tolist())
    for kode in data.pejabat["kode_pejabat"]:
        semua, strategis = baris.get(kode, (0, 0)) if pd.notna(kode) else (0, 0)
        if semua and 0 < strategis < semua:
            hasil[f"tabel:pk_indikator:{kode}:strategis"] = nomor()
            hasil[f"tabel:pk_indikator:{kode}:program"] = nomor()
        elif semua:
            hasil[f"tabel:pk_indikator:{kode}"] = nomor()
        if pd.notna(kode) and kode in anggaran:
            hasil[f"tabel:pk_anggaran:{kode}"] = nomor()
    return hasil


def _tabel_pk(data, hasil, kode: str, nomor: dict, kaki: dict) -> list:
    """A PK's lampiran: its target table(s) and its budget table, numbered by `nomor`."""
    bagian = []
    for akhiran, jenis in ((":strategis", True), (":program", False), ("", None)):
        kunci = f"tabel:pk_indikator:{kode}{akhiran}"
        if kunci in nomor:
            bagian.append(tabel_lampiran.tabel_pk_indikator(data, kode, nomor[kunci], jenis))
    kunci = f"tabel:pk_anggaran:{kode}"
    if kunci in nomor:
        bagian.append(tabel_lampiran.tabel_pk_anggaran(data, hasil, kode, nomor[kunci],
                                                       kaki.get(kode)))
    return bagian


KAKI_PK = {  # rule → the plain words of a correction beside a signed figure
    "pk-anggaran-dpa": "tertulis {tersaji}; menurut DPA {terhitung}",
    "pk-tw-anggaran": "tertulis {tersaji}; jumlah TW I–IV {terhitung}",
    "pk-jumlah-anggaran": "tertulis {tersaji}; jumlah rinciannya {terhitung}",
}
KAKI_LAIN = "tertulis {tersaji}; menurut perhitungan {terhitung}"
KOLOM_TOTAL_PK = {"pk_total_anggaran": "Anggaran (Rp)", "pk_total_tw1": "TW I",
                  "pk_total_tw2": "TW II", "pk_total_tw3": "TW III", "pk_total_tw4": "TW IV"}


def _sel_pk(data, t) -> tuple[str, tuple] | None:
    """(pejabat, (row, column)) of the PK budget cell a finding is about, or None."""
    if t.besaran in KOLOM_TOTAL_PK and t.kunci:
        return str(t.kunci), ("total", KOLOM_TOTAL_PK[t.besaran])
    if not str(t.berkas).endswith("pk_anggaran.csv") or t.baris is None:
        return None
    df = data.pk_anggaran
    baris = df[df["_baris"] == t.baris]
    if not len(baris):
        return None
    return str(baris.iloc[0]["kode_pejabat"]), (str(baris.iloc[0]["no"]), "Anggaran (Rp)")


def kaki_pk(data, keadaan) -> dict[str, dict]:
    """The footnotes of the PK budget tables: ``{pejabat: {(row, column): text}}``.

    A PK is reproduced as signed; where a finding corrects one of its figures and the office
    decided ``terhitung`` (or has not decided a galat yet, so the computed figure stands), a
    short note beside it says what was written and what is right. A ``tersaji`` decision
    keeps the signed figure without a note."""
    kaki: dict[str, dict] = {}
    for t in keadaan.temuan:
        p = keadaan.putusan_untuk(t)
        koreksi = p.putusan == "terhitung" if p else t.tingkat == "galat"
        sel = _sel_pk(data, t) if koreksi and t.tersaji and t.terhitung else None
        if sel is not None:
            teks = KAKI_PK.get(t.aturan, KAKI_LAIN).format(tersaji=t.tersaji,
                                                           terhitung=t.terhitung)
            kaki.setdefault(sel[0], {})[sel[1]] = teks
    return kaki


def bersama(*bagian) -> tampil.Html:
    """Fragments kept on one page (``div.lk-bersama``, not split unless taller than a page):
    a PK's last table with the signatures under it, so no page holds the signatures alone."""
    isi = narasi.gabung(*bagian)
    return tampil.Html(f'<div class="lk-bersama">{isi.isi}</div>', "Bagian", isi.png)


def _dengan_ttd(tabel_pk: list, ttd) -> list:
    """The lampiran tables then the signatures, the last table kept with them when it is
    short (a long one would leave a page half empty; its rows carry on above the block)."""
    akhir = tabel_pk[-1]
    if tampil.utuh(akhir.df.astype(str).values.tolist()):
        return [*tabel_pk[:-1], bersama(akhir, ttd)]
    return [*tabel_pk, ttd]


def lampiran_pk(data, hasil, keadaan=None) -> tampil.Html:
    """Every pejabat's PK as signed: the text with both signature blocks, then its lampiran
    (targets with TW, budget with TW: Tabel L.n) signed again by both parties, with the
    corrections the office's decisions call for beside the signed figures (`kaki_pk`;
    `keadaan`: the findings with the decisions, none without it)."""
    kaki = kaki_pk(data, keadaan) if keadaan is not None else {}
    nomor = nomor_lampiran(data)
    bagian = []
    for n, (_, p) in enumerate(data.pejabat.iterrows(), start=1):
        kode = p["kode_pejabat"]
        bagian += [tampil.subjudul(f"{n}. {judul_pk(data, kode)} {p['jabatan']}", tingkat=2,
                                   id=f"pk-{_id(kode)}"),
                   pihak_pk(data, kode)]
        tabel_pk = _tabel_pk(data, hasil, kode, nomor, kaki)
        if tabel_pk:
            bagian += [tampil.subjudul(f"Lampiran {judul_pk(data, kode)} {p['jabatan']}",
                                       tingkat=4, id=f"pk-lampiran-{_id(kode)}"),
                       *_dengan_ttd(tabel_pk, tanda_tangan.blok_pk(data, kode))]
    return narasi.gabung(*bagian)


PINDAIAN_MIME = "application/vnd.lkjip.pindaian+json"


@dataclass(frozen=True)
class Pindaian:
    """The scans of the signed PK: images shown as pages, PDF files carried (base64) for the
    exporter, which merges their pages into the PDF edition (`lkjip.ekspor`)."""

    isi: str
    pdf: tuple = ()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundel = {"text/html": self.isi, "text/plain": "Pindaian PK"}
        if self.pdf:
            bundel[PINDAIAN_MIME] = {"berkas": list(self.pdf)}
        return bundel


def pindaian_pk(data) -> Pindaian:
    """The scans under ``lampiran/`` appended as they are (nothing when there are none)."""
    import base64
    from html import escape

    from lkjip import pendukung

    berkas = pendukung.lampiran(data)
    if not berkas:
        return Pindaian("")
    bagian = [tampil.judul_bab(None, "Pindaian Perjanjian Kinerja yang Ditandatangani",
                               id="pindaian-pk").isi]
    pdf = []
    for b in berkas:
        if b.mime == "application/pdf":
            pdf.append({"nama": b.nama, "isi": base64.b64encode(b.isi).decode("ascii")})
            bagian.append(f'<p class="lk-pindaian-pdf">Pindaian {escape(b.nama)} dilampirkan '
                          "sesudah halaman ini pada versi PDF laporan.</p>")
        else:
            bagian.append(f'<figure class="lk-pindaian"><img src="{b.data_uri}" '
                          f'alt="Pindaian {escape(b.nama)}"></figure>')
    return Pindaian("".join(bagian), tuple(pdf))
