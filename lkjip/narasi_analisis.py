"""Sentences of Bab III's analysis and of the seed's documentary content (Bab I, II).

One indicator's paragraph (`kalimat_indikator`): its capaian (`lkjip.narasi.kalimat_capaian`),
the distance to its target, the trend against earlier years and the Renstra end target with
what is left to reach it.

Views of `lkjip.analisis`, `lkjip.analisis_dukungan` and `lkjip.pembanding`: every figure is
computed there and formatted here by `lkjip.format`; the office's own narrative (permasalahan,
solusi) is placed beside the indicator it names. Sentences are plain text (escaped by
`lkjip.narasi.paragraf`); narrative files go through `lkjip.tampil.markdown`.
"""

from __future__ import annotations

import functools
import re

from lkjip import analisis as an
from lkjip import analisis_dukungan as dk
from lkjip import narasi, tampil
from lkjip.angka import ke_decimal
from lkjip.ejaan import bilangan, daftar_kata
from lkjip.format import format_angka, format_nilai, format_persen, format_rupiah
from lkjip.narasi import besaran, kalimat
from lkjip.pembanding import banding
from lkjip.tabel_dokumen import JENIS_BELANJA
from lkjip.triwulan import NAMA_TW


def _nama(data) -> str:
    return f"Kecamatan {data.profil.get('nama_kecamatan') or data.kecamatan}"


# ---------------------------------------------------------------- one indicator


def satuan_selisih(satuan: str) -> str:
    """The unit of a difference: 'poin' for percentages, indices and scores, else the unit.

    >>> satuan_selisih("%"), satuan_selisih("indeks"), satuan_selisih("dokumen")
    ('poin', 'poin', 'dokumen')
    """
    s = (satuan or "").strip()
    return "poin" if s == "%" or s.lower() in ("indeks", "skor", "nilai", "") else s


def _beda(a, satuan: str) -> str:
    """'2,15 poin' for a difference, without its sign; '1 kasus' for a count (`format_nilai`)."""
    return f"{_besar(a, satuan)} {satuan_selisih(satuan)}"


def _besar(a, satuan: str) -> str:
    """The size of a difference without its sign, in the unit's form: decided on the unrounded
    value, so 1,004 prints '1,00', not '1'."""
    return format_nilai(abs(ke_decimal(a)), satuan)


def kalimat_target(data, hasil, kode: str) -> str:
    """How far this year's realisasi lies from its target, in the indicator's unit."""
    i = hasil.indikator[kode]
    beda = an.tren(data, hasil, kode).selisih_target
    if beda.nilai is None:
        return ""
    if beda.bulat == 0:
        return "Realisasi tersebut tepat sama dengan target."
    x = _beda(beda, i.satuan)
    if i.arah == "naik":
        teks = (f"Realisasi tersebut melampaui target sebesar {x}." if beda.nilai > 0 else
                f"Realisasi tersebut masih {x} di bawah target.")
    else:
        teks = (f"Realisasi tersebut lebih {'tinggi' if beda.nilai > 0 else 'rendah'} {x} dari "
                "target; karena indikator ini makin rendah makin baik, target "
                f"{'belum tercapai' if beda.nilai > 0 else 'terlampaui'}.")
    return kalimat(teks, [(_besar(beda, i.satuan), beda)])


def _arah_ubah(banding, arah: str) -> str:
    if banding.selisih.bulat == 0:
        return "tetap"
    kata = "naik" if banding.selisih.nilai > 0 else "turun"
    if arah == "turun":
        kata += " (membaik)" if banding.membaik else " (memburuk)"
    return kata


def kalimat_tren(data, hasil, kode: str) -> str:
    """This year's realisasi against the latest earlier year and the earliest one recorded,
    up or down and by how much; the capaian of earlier years where their targets exist."""
    i, t = hasil.indikator[kode], an.tren(data, hasil, kode)
    if t.lalu is None:
        return ""
    bagian = []
    for b in (t.lalu, t.awal):
        if b is None:
            continue
        ubah = _arah_ubah(b, i.arah)
        rinci = "" if ubah == "tetap" else f" {_beda(b.selisih, i.satuan)}"
        if ubah != "tetap" and b.relatif.nilai is not None and b is t.lalu:
            rinci += f" atau {format_persen(abs(b.relatif.bulat))}"
        terawal = ", tahun terawal yang realisasinya tercatat" if b is t.awal else ""
        bagian.append(f"dibandingkan tahun {b.tahun}{terawal} "
                      f"({besaran(b.nilai, i.satuan, typed=False, awalan=False)}), "
                      + (f"realisasi tahun {data.tahun} " if b is t.lalu else "") + ubah + rinci)
    teks = "; ".join(bagian) + "."
    teks = teks[0].upper() + teks[1:]
    lalu = {th: a for th, a in t.capaian.items() if th < data.tahun}
    if lalu:
        daftar = ", ".join(f"tahun {th} {format_persen(a)}" for th, a in lalu.items())
        teks += f" Capaian tahun-tahun sebelumnya: {daftar}."
    return kalimat(teks, [(_besar(t.lalu.selisih, i.satuan), t.lalu.selisih)])


def kalimat_progres(data, hasil, kode: str) -> str:
    """Progress to the Renstra end target, what is left and in how many years (empty without
    an end target)."""
    i, s = hasil.indikator[kode], an.sisa_renstra(data, hasil, kode)
    if i.progres.nilai is None:
        return ""
    teks = (f"Jika disandingkan dengan target akhir Renstra tahun {s.tahun_akhir} sebesar "
            f"{besaran(i.target_akhir, i.satuan, awalan=False)}, kinerja hingga tahun "
            f"{data.tahun} mencapai {format_persen(i.progres)}.")
    if s.tercapai:
        teks += " Target akhir Renstra tersebut sudah tercapai."
    elif s.sisa.nilai is not None and s.sisa_tahun == 0:
        teks += (f" Tahun {data.tahun} adalah tahun terakhir Renstra; target akhirnya belum "
                 f"tercapai, kurang {_beda(s.sisa, i.satuan)}.")
    elif s.per_tahun is not None:
        teks += (f" Untuk mencapainya masih diperlukan {_beda(s.sisa, i.satuan)} dalam "
                 f"{bilangan(s.sisa_tahun)} tahun tersisa ({data.tahun + 1}–{s.tahun_akhir}), "
                 f"rata-rata {_beda(s.per_tahun, i.satuan)} per tahun.")
    if s.target_berikut is not None:
        th, a = s.target_berikut
        teks += f" Target tahun {th} dalam Renstra adalah {besaran(a, i.satuan)}."
    return kalimat(teks, [(format_angka(i.progres, 2), i.progres)])


def kalimat_indikator(data, hasil, kode: str) -> tampil.Html:
    """The paragraph on one indicator: capaian, distance to target, trend, Renstra progress."""
    return narasi.paragraf(narasi.kalimat_capaian(data, hasil, kode),
                           kalimat_target(data, hasil, kode), kalimat_tren(data, hasil, kode),
                           kalimat_progres(data, hasil, kode))


# ---------------------------------------------------------------- standards and the kabupaten


def kalimat_kabupaten(data, hasil, kode: str, pembanding) -> str:
    """The indicator among the kabupaten's kecamatan: rank and mean (empty without others)."""
    p = banding(hasil, kode, pembanding)
    if p is None:
        return ""
    i = hasil.indikator[kode]
    nilai = functools.partial(format_nilai, satuan=i.satuan)
    beda = an.selisih(i.realisasi, p.rerata)
    letak = ("sama dengan" if beda.bulat == 0 else
             f"{_beda(beda, i.satuan)} {'di atas' if beda.nilai > 0 else 'di bawah'}")
    atas, bawah = ("terbaik", "terburuk") if i.arah == "turun" else ("tertinggi", "terendah")
    teks = (f"Di antara {bilangan(p.n)} kecamatan di Kabupaten {data.profil.get('kabupaten')} "
            f"yang datanya tersedia untuk tahun {data.tahun}, realisasi {_nama(data)} "
            f"({nilai(i.realisasi)}) berada di peringkat ke-{p.peringkat} dan {letak} "
            f"rerata kabupaten ({nilai(p.rerata)}). Realisasi {atas} dicapai "
            f"Kecamatan {p.terbaik[0]} ({nilai(p.terbaik[1])}) dan yang {bawah} "
            f"Kecamatan {p.terburuk[0]} ({nilai(p.terburuk[1])}).")
    if pembanding.sintetis and not data.sintetis:
        teks += (" Data kecamatan lain yang dipakai bersifat sintetis (contoh), bukan data "
                 "sebenarnya.")
    return kalimat(teks, [(nilai(p.rerata), p.rerata)])


def kalimat_standar(data, hasil, kode: str) -> str:
    """The indicator against each national, provincial or kabupaten standard in the data."""
    i, bagian = hasil.indikator[kode], []
    for st in an.standar(data, hasil, kode):
        if st.selisih.nilai is None:
            continue
        status = "sudah memenuhi" if st.terpenuhi else "belum memenuhi"
        bagian.append(f"{status} standar {st.tingkat}, {st.uraian[0].lower() + st.uraian[1:]} "
                      f"sebesar {format_nilai(st.nilai, i.satuan)} ({st.sumber}), selisih "
                      f"{_beda(st.selisih, i.satuan)}")
    if not bagian:
        return ""
    teks = f"Realisasi {format_nilai(i.realisasi, i.satuan)} " + "; ".join(bagian) + "."
    if i.sumber_realisasi == "ikm" and hasil.ikm_tahun is not None:
        teks += (f" Dengan nilai tersebut mutu pelayanan berada pada kategori "
                 f"{hasil.ikm_tahun.mutu} ({hasil.ikm_tahun.kinerja}).")
    return kalimat(teks)


# ---------------------------------------------------------------- causes


def _komponen(k: an.Komponen) -> str:
    return f"{k.nama} ({format_angka(k.nilai, 2)} %; {format_angka(k.kekurangan, 2)} poin)"


def kalimat_penyebab_komposit(data, hasil, kode_akar: str) -> str:
    """What pulls a composite below 100 (the leaves with the largest shortfall) and what is
    strongest, from `lkjip.analisis.komponen`."""
    daftar = an.komponen(data, hasil, kode_akar)
    if not daftar:
        return ""
    akar = hasil.komposit[kode_akar]
    nama = dict(zip(data.komposit["kode_node"], data.komposit["nama"], strict=True))[kode_akar]
    lemah, kuat = an.komponen_terlemah(daftar), an.komponen_terkuat(daftar)
    kurang = an.selisih(100, akar)
    if not lemah:
        return f"Seluruh komponen {nama} mencapai nilai tertinggi {format_angka(akar, 2)} %."
    teks = (f"{nama} berada {format_angka(kurang, 2)} poin di bawah 100 %. Kekurangan itu "
            f"berasal dari {daftar_kata([_komponen(k) for k in lemah])}.")
    if kuat and kuat[0] not in lemah:
        nilai = format_angka(kuat[0].nilai, 2)
        teks += (f" Komponen terkuat, dengan nilai {nilai} %, adalah "
                 f"{daftar_kata([k.nama for k in kuat])}.")
    return kalimat(teks, [(format_angka(kurang, 2), kurang)])


def kalimat_penyebab_ikm(data, hasil) -> str:
    """The unsur that pull the IKM down (below the year's IKM), lowest first, with mutu."""
    bawah = an.unsur_di_bawah(hasil)
    if not bawah:
        return ""
    ikm = format_angka(hasil.ikm_tahun.angka, 2)
    daftar = [f"{u.nama} ({format_angka(u.nilai, 2)}, mutu {u.mutu})" for u in bawah]
    return kalimat(f"Unsur pelayanan yang nilainya di bawah IKM tahun {data.tahun} ({ikm}) dan "
                   f"karena itu menurunkannya adalah {daftar_kata(daftar)}; terendah "
                   f"{bawah[0].nama} dengan mutu {bawah[0].mutu} ({bawah[0].kinerja}).")


def kalimat_triwulan(data, hasil, kode: str) -> str:
    """The quarters as a cause: the lowest capaian s.d. TW, and the office's explanation of
    that quarter when it gave one (``penjelasan_tw.csv``)."""
    daftar = an.triwulan(data, hasil, kode)
    if not daftar:
        return ""
    rendah = min(daftar, key=lambda t: t.capaian.nilai)
    # quarters printed alike are named alike: the lowest of equal figures is none of them
    sama = [t for t in daftar if t.capaian.bulat == rendah.capaian.bulat]
    teks = f"Realisasi per triwulan tercatat sampai triwulan {NAMA_TW[daftar[-1].tw - 1][3:]}; "
    if len(sama) == len(daftar) > 1:
        teks += f"capaian sampai setiap triwulan sama ({format_persen(rendah.capaian)})."
    else:
        teks += (f"capaian terendah adalah capaian sampai triwulan "
                 f"{daftar_kata([NAMA_TW[t.tw - 1][3:] for t in sama])} "
                 f"({format_persen(rendah.capaian)}).")
    jelas = [t for t in sama if t.penjelasan]
    for t in jelas:
        untuk = "triwulan tersebut" if len(sama) == 1 else f"triwulan {NAMA_TW[t.tw - 1][3:]}"
        teks += f" Penjelasan kecamatan untuk {untuk}: {t.penjelasan.rstrip('.')}."
    return kalimat(teks, [(format_persen(rendah.capaian), rendah.capaian)])


# ---------------------------------------------------------------- the office's own narrative


def _normal(teks: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", str(teks).lower()).strip()


def bagian_narasi(teks: str, tingkat: int = 3) -> list[tuple[str | None, str]]:
    """A narrative file split at its headings of one level ('### ' by default): (heading or
    None, body).

    >>> bagian_narasi("awal\\n### IKM\\n1. a\\n### Cakupan\\n1. b\\n")
    [(None, 'awal'), ('IKM', '1. a'), ('Cakupan', '1. b')]
    """
    bagian, judul, isi, awal = [], None, [], "#" * tingkat + " "
    for baris in (teks or "").splitlines():
        if baris.startswith(awal):
            if judul is not None or "".join(isi).strip():
                bagian.append((judul, "\n".join(isi).strip()))
            judul, isi = baris[len(awal):].strip(), []
        else:
            isi.append(baris)
    if judul is not None or "".join(isi).strip():
        bagian.append((judul, "\n".join(isi).strip()))
    return bagian


def milik_indikator(judul: str | None, indikator) -> bool:
    """A heading names an indicator when it is its code, or the start of its name."""
    if not judul:
        return False
    j = _normal(judul)
    return j == _normal(indikator.kode) or (j and _normal(indikator.indikator).startswith(j))


def bagian_siap(data, hasil, nama: str, keadaan=None, tingkat: int = 3):
    """A narrative file ready to print (named figures filled in, `lkjip.tampil_narasi`) and
    its sections at one heading level; the placeholders of its figures survive the split, so
    `Siap.html` of a section prints them."""
    from lkjip.tampil_narasi import siapkan

    siap = siapkan(data, nama, hasil, keadaan)
    return siap, bagian_narasi(siap.markdown, tingkat)


def narasi_indikator(data, hasil, kode: str, keadaan=None) -> tampil.Html | None:
    """The office's permasalahan and solusi for one indicator (sections headed by its name),
    placed beside the computed causes; None when the files name it nowhere."""
    i, potongan = hasil.indikator[kode], []
    for nama, judul in (("permasalahan", "Permasalahan"), ("solusi", "Solusi")):
        if not (data.narasi.get(nama) or "").strip():
            continue
        siap, bagian = bagian_siap(data, hasil, nama, keadaan)
        isi = [b for j, b in bagian if milik_indikator(j, i)]
        if isi:
            potongan += [tampil.paragraf(f"{judul} menurut {_nama(data)}:"),
                         siap.html("\n\n".join(isi))]
    if not potongan:
        return None
    return tampil.Html("".join(p.isi for p in potongan), "Narasi indikator")


def narasi_sisa(data, hasil, nama: str, keadaan=None) -> tampil.Html | None:
    """The parts of a narrative file that no indicator claims; "(belum diisi)" when the file
    is empty or absent, None when every part stands beside its indicator."""
    from lkjip.narasi import teks

    if not (data.narasi.get(nama) or "").strip():
        return teks(data, nama, hasil, keadaan)
    siap, bagian = bagian_siap(data, hasil, nama, keadaan)
    sisa = [(f"#### {j}\n\n{b}" if j else b) for j, b in bagian
            if not any(milik_indikator(j, i) for i in hasil.indikator.values())]
    return siap.html("\n\n".join(sisa)) if sisa else None


# ---------------------------------------------------------------- resources


def kalimat_capaian_pk(data, hasil) -> str:
    """The program-level PK: how many indicators reached their target, the lowest."""
    daftar = [p for p in dk.capaian_pk(data, hasil) if p.capaian.nilai is not None]
    if not daftar:
        return ""
    capai = [p for p in daftar if p.capaian.bulat >= 100]
    rendah = min(daftar, key=lambda p: p.capaian.nilai)
    teks = (f"Dari {bilangan(len(daftar))} indikator kinerja program yang realisasinya tersedia, "
            f"{bilangan(len(capai))} mencapai atau melampaui target. Capaian terendah adalah "
            f"{rendah.indikator} ({format_persen(rendah.capaian)}, kategori {rendah.kategori}): "
            f"realisasi {format_nilai(rendah.realisasi, rendah.satuan)} terhadap target "
            f"{format_nilai(rendah.target, rendah.satuan)}.")
    return kalimat(teks, [(format_persen(rendah.capaian), rendah.capaian)])


def kalimat_efisiensi_aturan(data, hasil) -> str:
    """Which efficiency rule the report applies: the office's, or none (figures only)."""
    aturan = dk.aturan_efisiensi(data)
    if aturan is None:
        return ("Peraturan tidak menetapkan batas untuk menyatakan penggunaan anggaran efisien, "
                f"dan {_nama(data)} belum menetapkan aturan sendiri; karena itu laporan ini "
                "menyajikan capaian kinerja, penyerapan anggaran, dan selisihnya tanpa "
                "menyimpulkan efisien atau tidak.")
    dasar = f" ({aturan.dasar})" if aturan.dasar else ""
    return (f"Aturan efisiensi yang ditetapkan {_nama(data)}{dasar}: {aturan.uraian}; "
            f"penggunaan anggaran dinyatakan efisien bila capaian kinerja dikurangi penyerapan "
            f"anggaran paling sedikit {format_angka(aturan.batas, 2)} poin.")


def kalimat_anggaran_pendukung(data, hasil, kode_sasaran: str) -> str:
    """How many programs and kegiatan support a sasaran, and its budget."""
    daftar = dk.anggaran_pendukung(data, hasil, kode_sasaran)
    program = [b for b in daftar if b.tingkat == "program"]
    if not program:
        return ""
    s = hasil.sasaran[kode_sasaran]
    kegiatan = sum(1 for b in daftar if b.tingkat == "kegiatan")
    return (f"Sasaran {s.sasaran} didukung oleh {bilangan(len(program))} program dan "
            f"{bilangan(kegiatan)} kegiatan dalam DPA dengan pagu {format_rupiah(s.pagu)}, "
            "sebagaimana dirinci pada tabel berikut.")


def kalimat_belanja(data, hasil) -> str:
    """Bab II C: the budget by jenis belanja with shares (empty without belanja.csv)."""
    r = dk.rincian_belanja(data, hasil)
    if r is None or r.murni.nilai is None:
        return ""
    bagian = [f"{JENIS_BELANJA[b.jenis]} {format_rupiah(b.murni)} "
              f"({format_persen(b.porsi_murni)})" for b in r.baris]
    teks = f"Anggaran murni sebesar {format_rupiah(r.murni)} terdiri atas {daftar_kata(bagian)}."
    if r.perubahan.nilai is not None:
        ubah = [f"{JENIS_BELANJA[b.jenis]} {format_rupiah(b.perubahan)}" for b in r.baris]
        teks += f" Setelah perubahan: {daftar_kata(ubah)}."
    return teks


# ---------------------------------------------------------------- Bab I and II content


def kalimat_rujukan(data, bagian: str, awalan: str) -> str:
    """'<awalan> Peraturan … tentang ….' for the references of a part; '' when none."""
    daftar = dk.rujukan(data, bagian)
    return f"{awalan} {daftar_kata(daftar)}." if daftar else ""


def kalimat_visi_misi(data) -> str:
    """The kepala daerah's visi and the misi the kecamatan supports (renstra/visi_misi.csv)."""
    df = data.visi_misi
    if not len(df):
        return ""
    kab = data.profil.get("kabupaten") or ""
    visi = [r["teks"] for _, r in df.iterrows() if r["jenis"] == "visi"]
    misi = df[df["jenis"] == "misi"]
    didukung = misi[misi["didukung"].map(lambda v: v is True)]
    bagian = []
    if visi:
        bagian.append(f"Visi Bupati {kab} dalam RPJMD adalah “{visi[0]}”.")
    if len(misi) > len(didukung):
        daftar = [f"({int(r['nomor'])}) {r['teks']}" if r["nomor"] == r["nomor"]
                  and r["nomor"] is not None else r["teks"] for _, r in misi.iterrows()]
        bagian.append(f"Misinya: {'; '.join(daftar)}.")
    if len(didukung):
        daftar = [(f"misi ke-{int(r['nomor'])}, yaitu " if r["nomor"] is not None
                   and r["nomor"] == r["nomor"] else "misi ") + r["teks"]
                  for _, r in didukung.iterrows()]
        bagian.append(f"{_nama(data)} mendukung {daftar_kata(daftar)}, yang dijabarkan ke dalam "
                      "tujuan dan sasaran perangkat daerah.")
    return " ".join(bagian)


def kalimat_instrumen(data) -> str:
    """Bab II: the lead-in to the table of applications (empty without instrumen.csv)."""
    if not len(data.instrumen):
        return ""
    nama = daftar_kata(list(data.instrumen.sort_values("no")["nama"]))
    return (f"Sebagai pendukung manajemen pembangunan yang berbasis kinerja, Pemerintah "
            f"Kabupaten {data.profil.get('kabupaten')} mengembangkan aplikasi sebagai sarana "
            f"peningkatan kinerja, yaitu {nama}, dengan kegunaan sebagai berikut.")
