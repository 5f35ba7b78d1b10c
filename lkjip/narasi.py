"""Generated sentences that quote figures from the computed model, and the narrative files.

Every figure in a sentence comes from `lkjip.hitung` and is formatted by `lkjip.format`;
every category comes from the scale in force (``profil.skala``). Every sentence follows the
text rules of `lkjip.ejaan` (lists joined with "dan", counts in words, "%" bound to its
number, no "tahun berjalan"): `kalimat`, `paragraf` and `daftar` pass it through
`ejaan.rapikan`, and a test holds every sentence of the edition to `ejaan.pelanggaran`.
Sentences are plain text,
shown escaped (`paragraf`, `daftar`); the narrative Markdown files (``narasi/*.md``) go through
`lkjip.tampil.markdown`, which renders Markdown without raw HTML or scripts. A missing
narrative file shows "(belum diisi)".

>>> besaran(94.69, "%"), besaran(82, "indeks"), besaran(12, "dokumen"), besaran(None, "%")
('94,69\xa0%', 'indeks 82,00', '12 dokumen', '–')
"""

from __future__ import annotations

from html import escape

from lkjip import ejaan, tampil
from lkjip.capaian import ATURAN_NOL_PER_NOL, ATURAN_TARGET_NOL
from lkjip.ejaan import bilangan, daftar_kata, lama_periode, rapikan, rentang_tahun
from lkjip.format import (
    KOSONG,
    format_angka,
    format_nilai,
    format_persen,
    format_rupiah,
    format_target,
)
from lkjip.hitung import tanpa_baris
from lkjip.ikm import KONVENSI
from lkjip.tabel import (
    catatan_belum_terukur,
    catatan_tanpa_target,
    indikator_terukur,
    keterangan_efisiensi,
    nama_unsur,
    ruas_kanan,
    total_anggaran,
    unsur_ekstrem,
)

BELUM_DIISI = "(belum diisi)"
URUTAN = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan",
          "kesembilan", "kesepuluh")


# ---------------------------------------------------------------- pieces


def besaran(x, satuan: str, typed: bool = True, awalan: bool = True) -> str:
    """A figure with its unit as a sentence says it: '94,69 %', 'indeks 82,00', '12 dokumen'.

    ``typed=True`` is a typed target, by its unit and never rounded (`format_target`, as the
    tables print it); False a computed figure by its unit (`format_nilai`: 2 dp on a scale, a
    count as exact as it is).
    ``awalan=False`` drops a leading unit word ('sebesar 82,78', not 'sebesar indeks 82,78').

    >>> besaran(82.7777, "indeks", typed=False, awalan=False), besaran(4, "kasus", typed=False)
    ('82,78', '4 kasus')
    """
    teks = format_target(x, satuan) if typed else format_nilai(x, satuan)
    if teks == KOSONG:
        return teks
    satuan = (satuan or "").strip()
    if satuan == "%":
        return f"{teks}{ejaan.PERSEN}"
    if satuan.lower() in ("indeks", "skor", "nilai"):
        return f"{satuan.lower()} {teks}" if awalan else teks
    return f"{teks} {satuan}".strip()


def urutan(n: int) -> str:
    """'ketiga' for 3; 'ke-11' beyond ten.

    >>> urutan(3), urutan(11)
    ('ketiga', 'ke-11')
    """
    return URUTAN[n - 1] if 1 <= n <= len(URUTAN) else f"ke-{n}"


class Kalimat(str):
    """A generated sentence that remembers the computed figures it quotes.

    ``angka`` holds ``(printed text, Angka)`` pairs in the order they appear, so the HTML
    report can let each quoted figure explain itself (`lkjip.jejak.tandai_kalimat`). It is a
    plain ``str`` everywhere else.

    >>> k = kalimat("IKM 82,78.", [("82,78", None)])
    >>> k == "IKM 82,78." and k.angka == [("82,78", None)]
    True
    """

    angka: list

    def __new__(cls, teks: str, angka=()):
        obj = super().__new__(cls, teks)
        obj.angka = list(angka)
        return obj


def kalimat(teks: str, angka=()) -> Kalimat:
    """A sentence (tidied by `ejaan.rapikan`) with the ``(printed text, Angka)`` pairs it
    quotes."""
    return Kalimat(rapikan(teks), [(rapikan(cetak), a) for cetak, a in angka if cetak])


def _nama(data) -> str:
    return f"Kecamatan {data.profil.get('nama_kecamatan') or data.kecamatan}"


def paragraf(*isi: str) -> tampil.Html:
    """Sentences as one escaped paragraph (empty sentences are left out); the figures a
    `Kalimat` quotes explain themselves on hover and focus."""
    pasangan = [p for k in isi if k for p in getattr(k, "angka", ())]
    return tampil.paragraf(rapikan(" ".join(k for k in isi if k)), angka=pasangan or None)


def daftar(kalimat: list[str]) -> tampil.Html:
    """A numbered list of sentences, each escaped."""
    butir = "".join(f"<li>{escape(rapikan(k))}</li>" for k in kalimat)
    return tampil.Html(f'<ol class="lk-daftar-kalimat">{butir}</ol>', "Daftar")


def gabung(*bagian) -> tampil.Html:
    """Several report fragments (Html, Tabel) as one output (with the charts' PNG and PDF
    copies)."""
    ada = [b for b in bagian if b is not None]
    isi = "".join(b._repr_html_() for b in ada)
    return tampil.Html(isi, "Bagian", tuple(p for b in ada for p in getattr(b, "png", ())),
                       tuple(c for b in ada for c in getattr(b, "cetak", ())))


def teks(data, nama: str, hasil, keadaan=None) -> tampil.Html:
    """A narrative file (``narasi/<nama>.md``) rendered safely, "(belum diisi)" when absent;
    its named figures print from the edition's model `hasil` and its typed numbers follow
    the model and the office's decisions `keadaan` (`lkjip.tampil_narasi`)."""
    from lkjip.tampil_narasi import html

    if not (data.narasi.get(nama) or "").strip():
        return tampil.markdown(f"*{BELUM_DIISI}*")
    return html(data, nama, hasil, keadaan)


# ---------------------------------------------------------------- per-figure narrative

LETAK_NARASI = {
    "kata_pengantar": "Kata Pengantar", "gambaran_umum": "Bab I, Gambaran Umum",
    "isu_strategis": "Bab I, Isu Strategis", "permasalahan": "Bab III, Permasalahan",
    "solusi": "Bab III, Solusi", "program_pendukung": "Bab III, Program Pendukung",
    "inovasi": "Bab III, Inovasi", "rencana_tindak_lanjut": "Bab IV, Rencana Tindak Lanjut",
}


def letak_narasi(data, nama: str) -> str:
    """Where the edition prints the narrative file ``narasi/<nama>.md``, in words.

    >>> letak_narasi(None, "inovasi")
    'Bab III, Inovasi (uraian kantor)'
    """
    sub, _, kode = nama.partition("/")
    if sub == "indikator":
        return f"Bab III, uraian indikator {kode} (sesudah paragraf capaiannya)"
    if sub == "komponen":
        return f"Bab III, uraian komponen {kode} (di samping tabel perhitungannya)"
    return f"{LETAK_NARASI.get(nama, 'uraian laporan')} (uraian kantor)"



def uraian_indikator(data, hasil, kode: str, keadaan=None) -> tampil.Html:
    """The office's text on one indicator (``narasi/indikator/<kode>.md``), nothing without."""
    nama = f"indikator/{kode}"
    return teks(data, nama, hasil, keadaan) if data.narasi.get(nama, "").strip() else gabung()


def uraian_komponen(data, hasil, kode_akar: str, keadaan=None) -> tampil.Html:
    """Beside a composite's calculation, each node that has a text of the office
    (``narasi/komponen/<kode_node>.md``): its name, its worked line, the text; the
    components in the tree's order, the composite itself last (its closing words)."""
    from lkjip.tabel import simpul_komposit

    nama = dict(zip(data.komposit["kode_node"], data.komposit["nama"], strict=True))
    simpul = [k for k, _ in simpul_komposit(data, kode_akar)]
    bagian = []
    for kode in simpul[1:] + simpul[:1]:
        if not data.narasi.get(f"komponen/{kode}", "").strip():
            continue
        a = hasil.komposit[kode]
        judul = tampil.Html(f'<p class="lk-paragraf lk-komponen"><strong>{escape(nama[kode])}'
                            "</strong></p>", "Komponen")
        hitung = paragraf(kalimat(f"Perhitungan: {ruas_kanan(a.uraian())} = "
                                  f"{format_persen(a)}.", [(format_persen(a), a)]))
        bagian += [judul, hitung, teks(data, f"komponen/{kode}", hasil, keadaan)]
    return gabung(*bagian)


# ---------------------------------------------------------------- indicators and sasaran


def kalimat_capaian(data, hasil, kode: str) -> str:
    """'Pada tahun 2023 Kecamatan X menargetkan 94,69 % untuk indikator …. Realisasinya
    mencapai 86,81 % sehingga capaian indikator tersebut adalah 91,68 % dengan kategori
    Tinggi.'"""
    i = hasil.indikator[kode]
    if i.target is None:
        return (f"Indikator {i.indikator} tidak memiliki target tahun {data.tahun} sehingga "
                "capaiannya tidak diukur.")
    awal = (f"Pada tahun {data.tahun} {_nama(data)} menargetkan "
            f"{besaran(i.target, i.satuan)} untuk indikator {i.indikator}.")
    if i.realisasi.nilai is None:
        return f"{awal} Realisasinya belum tersedia sehingga capaiannya tidak dapat dihitung."
    kategori = f" dengan kategori {i.kategori}" if i.kategori else ""
    realisasi = format_nilai(i.realisasi, i.satuan)
    teks = (f"{awal} Realisasinya mencapai "
            f"{besaran(i.realisasi, i.satuan, typed=False, awalan=False)} sehingga capaian "
            f"indikator tersebut adalah {format_persen(i.capaian)}{kategori}.")
    return kalimat(teks, [(format_target(i.target, i.satuan), i.target),
                          (realisasi, i.realisasi), (format_angka(i.capaian, 2), i.capaian)])


def kalimat_sasaran(data, hasil, kode_sasaran: str) -> str:
    """The sasaran's capaian as the mean of its measured indicators, with its category."""
    s = hasil.sasaran[kode_sasaran]
    if s.capaian.nilai is None:
        return (f"Capaian sasaran {s.sasaran} tidak dapat dihitung karena belum ada indikator "
                "terukur.")
    n = len(s.indikator)
    if n == 1:
        teks = (f"Capaian sasaran {s.sasaran} adalah capaian satu-satunya indikator kinerjanya "
                f"yang terukur, yaitu {format_persen(s.capaian)}, kategori {s.kategori}.")
    else:
        teks = (f"Capaian sasaran {s.sasaran} adalah rerata capaian {bilangan(n)} indikator "
                f"kinerjanya, yaitu {ruas_kanan(s.capaian.uraian())} = "
                f"{format_persen(s.capaian)}, dengan kategori {s.kategori}.")
    belum = catatan_belum_terukur(hasil, kode_sasaran)
    return kalimat(f"{teks} {belum}" if belum else teks,
                   [(format_persen(s.capaian), s.capaian)])


def kalimat_tanpa_target(data, hasil) -> str:
    """Names the indicators without a target this year (not measured); the report says it
    once, in the note under Tabel 3.2 (`lkjip.tabel.catatan_tanpa_target`)."""
    return catatan_tanpa_target(hasil, data.tahun) or ""


def kalimat_indikator_semua(data, hasil) -> tampil.Html:
    """Ikhtisar Eksekutif: the highest and the lowest capaian among the measured indicators,
    and where each is explained (Bab III); the figures of every indicator are in Tabel i,
    so the Bab III sentences are not repeated here."""
    terukur = [i for i in indikator_terukur(hasil) if i.capaian.nilai is not None]
    if len(terukur) < 2:
        return paragraf(kalimat("Uraian capaian setiap indikator kinerja terdapat pada Bab III."))
    urut = sorted(terukur, key=lambda i: i.capaian.nilai)
    rendah, tinggi = urut[0], urut[-1]
    teks = (f"Dari {bilangan(len(terukur))} indikator kinerja yang terukur, capaian tertinggi "
            f"adalah {tinggi.indikator} ({format_persen(tinggi.capaian)}, {tinggi.kategori}) "
            f"dan yang terendah {rendah.indikator} ({format_persen(rendah.capaian)}, "
            f"{rendah.kategori}). Uraian setiap indikator terdapat pada Bab III.")
    return paragraf(kalimat(teks, [(format_persen(tinggi.capaian), tinggi.capaian),
                                   (format_persen(rendah.capaian), rendah.capaian)]))


def ikhtisar(data, hasil) -> str:
    """The overall verdict of the year with its category from the scale."""
    if hasil.capaian_kinerja.nilai is None:
        return f"Pada tahun {data.tahun} capaian kinerja {_nama(data)} belum dapat dihitung."
    serap = (f", sedangkan penyerapan anggaran mencapai {format_persen(hasil.penyerapan)}"
             if hasil.penyerapan.nilai is not None else "")
    teks = (f"Pada tahun {data.tahun} capaian kinerja {_nama(data)} secara keseluruhan adalah "
            f"{format_persen(hasil.capaian_kinerja)} dengan kategori {hasil.kategori_kinerja}"
            f"{serap}.")
    return kalimat(teks, [(format_persen(hasil.capaian_kinerja), hasil.capaian_kinerja),
                          (format_persen(hasil.penyerapan), hasil.penyerapan)])


# ---------------------------------------------------------------- IKM and composites


def kalimat_ikm(data, hasil) -> str:
    """The survey: respondents, IKM per semester and for the year, mutu, highest/lowest unsur."""
    from lkjip.konteks import ikm_sintetis

    t = hasil.ikm_tahun
    if t is None:
        return "Data Survei Kepuasan Masyarakat tahun ini belum tersedia."
    semester = [f"{_periode(p)} sebesar {format_angka(h.nilai, 2)}"
                for p, h in hasil.ikm_semester.items()]
    cara = ("rerata IKM semester" if data.profil.get("metode_ikm_tahunan") == "rerata_semester"
            else "perhitungan gabungan seluruh responden")
    tinggi, rendah = unsur_ekstrem(hasil)
    bagian = []
    if t.responden:
        bagian.append(f"Sepanjang tahun {data.tahun}, survei kepuasan masyarakat dilaksanakan "
                      f"terhadap {format_angka(t.responden, 0)} pengguna layanan.")
    if semester:
        bagian.append(f"Indeks Kepuasan Masyarakat {daftar_kata(semester)}.")
    bagian.append(f"IKM tahun {data.tahun} ({cara}) adalah {format_angka(t.nilai, 2)} dengan mutu "
                  f"pelayanan {t.mutu} ({t.kinerja}).")
    bagian.append(f"Unsur layanan dengan nilai tertinggi adalah {nama_unsur(tinggi)} "
                  f"({format_angka(t.nilai_unsur[tinggi], 2)}), sedangkan yang terendah adalah "
                  f"{nama_unsur(rendah)} ({format_angka(t.nilai_unsur[rendah], 2)}).")
    if ikm_sintetis(data):
        bagian.append("Jawaban survei yang dipakai dalam laporan ini adalah data sintetis "
                      "(contoh) yang dibangkitkan agar sesuai dengan angka agregat yang "
                      "dipublikasikan, bukan jawaban responden yang sebenarnya.")
    return kalimat(" ".join(bagian), [(f"adalah {format_angka(t.nilai, 2)}", None),
                                      (format_angka(t.nilai, 2), t.angka)])


def _periode(p: str) -> str:
    return f"Semester {p[1:]}" if len(p) == 2 and p[0] == "S" else p


def kalimat_komposit(data, hasil, kode_akar: str) -> str:
    """How a composite indicator is computed from its components, with the worked line."""
    df = data.komposit
    nama = dict(zip(df["kode_node"], df["nama"], strict=True))
    anak = df[df["kode_induk"] == kode_akar].sort_values("urutan")
    a = hasil.komposit[kode_akar]
    komponen = [f"({n}) {x}" for n, x in enumerate(anak["nama"], start=1)]
    teks = (f"Indikator {nama[kode_akar]} diperoleh dari rerata {bilangan(len(anak))} "
            f"subindikator, yaitu {daftar_kata(komponen)}. Hasil perhitungannya adalah "
            f"{ruas_kanan(a.uraian())} = {format_persen(a)}, sebagaimana diuraikan pada tabel "
            "berikut.")
    return kalimat(teks, [(format_persen(a), a)])


# ---------------------------------------------------------------- budget


def kalimat_anggaran(data, hasil) -> str:
    """Bab II C: the budget before and after the perubahan, from the DPA tree."""
    total = total_anggaran(hasil)
    arah = "bertambah" if total["selisih"] > 0 else "berkurang"
    ubah = (f" ({arah} {format_rupiah(abs(total['selisih']))})" if total["selisih"] else "")
    return rapikan(f"Pada Tahun Anggaran {data.tahun} {_nama(data)} melaksanakan kegiatan "
                   f"dengan anggaran murni sebesar {format_rupiah(total['murni'])}. Melalui "
                   f"mekanisme perubahan APBD {data.tahun}, anggaran berubah menjadi "
                   f"{format_rupiah(total['perubahan'])}{ubah}.")


def kalimat_penyerapan(data, hasil) -> str:
    """Bab III B: pagu, realisasi and penyerapan of the year, with the category."""
    real = hasil.total_realisasi_anggaran.nilai
    if real is None or hasil.penyerapan.nilai is None:
        # a sasaran's rows that leave out a part with a pagu (`lkjip.hitung.realisasi_node`)
        kurang = tanpa_baris(data)
        if hasil.penyerapan.nilai is None and kurang:
            return (f"Realisasi anggaran tahun ini belum lengkap ({daftar_kata(kurang)} belum "
                    "mempunyai baris realisasi), sehingga penyerapan anggaran keseluruhan tidak "
                    "dihitung.")
        return "Realisasi anggaran tahun ini belum tersedia sehingga penyerapan tidak dihitung."
    teks = (f"Dari pagu anggaran sebesar {format_rupiah(hasil.total_pagu)}, realisasi anggaran "
            f"tahun {data.tahun} adalah {format_rupiah(real)}, sehingga penyerapan anggaran "
            f"mencapai {format_persen(hasil.penyerapan)} dengan kategori "
            f"{hasil.kategori_anggaran}.")
    return kalimat(teks, [(format_persen(hasil.penyerapan), hasil.penyerapan)])


def kalimat_efisiensi(data, hasil) -> str:
    """Capaian kinerja − penyerapan anggaran; read as efficient or not only by the office's
    rule (``ketentuan.csv``): the regulation sets no threshold."""
    from lkjip.analisis_dukungan import aturan_efisiensi

    e = hasil.efisiensi
    if e.nilai is None:
        return ""
    aturan = aturan_efisiensi(data)
    teks = (f"Capaian kinerja {format_persen(hasil.capaian_kinerja)} dan penyerapan anggaran "
            f"{format_persen(hasil.penyerapan)} memberikan efisiensi "
            f"{format_angka(hasil.capaian_kinerja, 2)} − {format_angka(hasil.penyerapan, 2)} = "
            f"{format_angka(e, 2)} poin")
    teks += (f", sehingga menurut aturan kecamatan penggunaan anggaran tahun {data.tahun} "
             f"tergolong {keterangan_efisiensi(e, aturan).lower()}." if aturan else ".")
    return kalimat(teks, [(format_angka(hasil.capaian_kinerja, 2), hasil.capaian_kinerja),
                          (format_angka(hasil.penyerapan, 2), hasil.penyerapan),
                          (f"= {format_angka(e, 2)}", None), (format_angka(e, 2), e)])


def _kesimpulan_efisiensi(data, e) -> str:
    """Bab IV: the efficiency figure, read by the office's rule only when it states one."""
    from lkjip.analisis_dukungan import aturan_efisiensi

    aturan = aturan_efisiensi(data)
    ket = (f", tergolong {keterangan_efisiensi(e, aturan).lower()} menurut aturan kecamatan"
           if aturan else "")
    return f"Efisiensi penggunaan anggaran {format_angka(e, 2)} poin{ket}."


# ---------------------------------------------------------------- Bab I, II, IV


def kalimat_pegawai(data) -> str:
    return (f"Kondisi kepegawaian pada {_nama(data)} sampai dengan akhir bulan Desember "
            f"{data.tahun} adalah sebagai berikut.")


def tahun_ke(data) -> int:
    """The year's place in the Renstra period (2023 in 2021–2026 is the third)."""
    return int(data.tahun) - int(data.profil["renstra_awal"]) + 1


def kalimat_renstra(data) -> str:
    """Bab II A: the Renstra, its period counted from the data, and this year's place in it."""
    awal, akhir = data.profil.get("renstra_awal"), data.profil.get("renstra_akhir")
    return (f"Rencana Strategis (Renstra) {_nama(data)} Tahun {rentang_tahun(awal, akhir)} "
            f"adalah dokumen perencanaan perangkat daerah untuk periode "
            f"{lama_periode(awal, akhir)} yang memuat tujuan, sasaran, dan strategi "
            f"penyelenggaraan program dan kegiatan. Tahun {data.tahun} merupakan tahun "
            f"{urutan(tahun_ke(data))} pelaksanaan Renstra tersebut.")


def kalimat_penutup(data) -> str:
    awal, akhir = data.profil.get("renstra_awal"), data.profil.get("renstra_akhir")
    return (f"Penyelenggaraan kegiatan di {_nama(data)} pada Tahun Anggaran {data.tahun} "
            f"merupakan tahun {urutan(tahun_ke(data))} dari Rencana Strategis {_nama(data)} "
            f"Tahun {rentang_tahun(awal, akhir)}.")


def kesimpulan(data, hasil) -> list[str]:
    """Bab IV: the conclusions, each with its category from the scale in force."""
    hasil_kesimpulan = []
    if hasil.capaian_kinerja.nilai is not None:
        hasil_kesimpulan.append(f"Berdasarkan pemenuhan capaian kinerja "
                                f"{format_persen(hasil.capaian_kinerja)}, kategori "
                                f"{hasil.kategori_kinerja}.")
    if hasil.penyerapan.nilai is not None:
        hasil_kesimpulan.append(f"Berdasarkan pemenuhan capaian anggaran (penyerapan) "
                                f"{format_persen(hasil.penyerapan)}, kategori "
                                f"{hasil.kategori_anggaran}.")
    if hasil.efisiensi.nilai is not None:
        hasil_kesimpulan.append(_kesimpulan_efisiensi(data, hasil.efisiensi))
    for s in hasil.sasaran.values():
        if s.capaian.nilai is not None and len(hasil.sasaran) > 1:
            hasil_kesimpulan.append(f"Sasaran {s.sasaran}: capaian {format_persen(s.capaian)}, "
                                    f"kategori {s.kategori}.")
    return hasil_kesimpulan


def rumus_berlaku(data, hasil) -> tampil.Html:
    """Bab III: the formulas and rules this report applies, one per item; the scale itself is
    the table that follows (Tabel 3.1), so it is named here, not listed again."""
    from lkjip.skala import nama_skala

    butir = [
        "Indikator yang makin tinggi realisasinya makin baik: Capaian = Realisasi / Target "
        "× 100 %.",
        "Indikator yang makin rendah realisasinya makin baik: Capaian = (2 × Target − "
        "Realisasi) / Target × 100 %, atau Target / Realisasi × 100 % bila ditetapkan demikian "
        "untuk indikator tersebut.",
        ATURAN_TARGET_NOL,
        ATURAN_NOL_PER_NOL,
        "Capaian sasaran (metode rata-rata data kelompok) = jumlah capaian indikator sasaran / "
        "jumlah indikator yang terukur; progres sasaran = jumlah progres indikator yang terukur "
        "/ jumlah indikator tersebut. Indikator yang realisasinya belum tersedia tidak terukur.",
        "Progres terhadap target akhir Renstra memakai rumus capaian indikatornya dengan Target "
        f"akhir Renstra sebagai target: bila makin tinggi makin baik, Progres = Realisasi tahun "
        f"{data.tahun} / Target akhir Renstra × 100 %; bila makin rendah makin baik, Progres = "
        f"(2 × Target akhir Renstra − Realisasi tahun {data.tahun}) / Target akhir Renstra × 100 % "
        f"(atau Target akhir Renstra / Realisasi tahun {data.tahun} × 100 % bila ditetapkan "
        "demikian untuk indikator tersebut).",
        KONVENSI,
        "Penyerapan anggaran = Realisasi anggaran / Pagu anggaran × 100 %. Efisiensi "
        "penggunaan anggaran = capaian kinerja − penyerapan anggaran (poin); nilai 0 atau lebih "
        "berarti capaian kinerja setidaknya sebanding dengan anggaran yang diserap.",
        "Semua angka dihitung tanpa pembulatan antara dan dibulatkan sekali di akhir ke dua angka "
        "desimal (setengah ke atas).",
        f"Kategori capaian ditentukan menurut {nama_skala(hasil.skala)} (Tabel 3.1).",
    ]
    return daftar(butir)


def tanda_tangan(data) -> tampil.Html:
    """The Camat's signature block: place and date, jabatan, name, pangkat, NIP."""
    from lkjip.tanda_tangan import blok_camat

    return blok_camat(data)


def pk_perubahan(data, kode_pejabat: str) -> bool:
    """True when pejabat.csv says this PK was revised (``pk_perubahan`` = ya)."""
    from lkjip.bilangan import baca_ya_tidak
    from lkjip.muat import pejabat_per_kode

    nilai = pejabat_per_kode(data)[kode_pejabat].get("pk_perubahan")
    if nilai is None or (isinstance(nilai, float) and nilai != nilai) or nilai == "":
        return False
    return bool(nilai) if isinstance(nilai, bool) else baca_ya_tidak(nilai)


def pejabat_puncak(data) -> str | None:
    """The kode of the head of the office: the pejabat whose superior is outside pejabat.csv."""
    kode = set(data.pejabat["kode_pejabat"])
    for k, atasan in zip(data.pejabat["kode_pejabat"], data.pejabat["kode_atasan"], strict=True):
        if not isinstance(atasan, str) or atasan not in kode:
            return k
    return None


def kata_pengantar(data, hasil=None, keadaan=None) -> tampil.Html:
    """The Kata Pengantar in the office's voice: ``narasi/kata_pengantar.md`` when the office
    wrote one (its figures from `hasil`, computed here when not given), else a standard text
    naming the kecamatan, kabupaten, year and PK."""
    if (data.narasi.get("kata_pengantar") or "").strip():
        if hasil is None:
            from lkjip.hitung import hitung

            hasil = hitung(data)
        return teks(data, "kata_pengantar", hasil, keadaan)
    p, t = data.profil, data.tahun
    kec = f"Kecamatan {p.get('nama_kecamatan') or data.kecamatan}"
    nama = f"{kec} Kabupaten {p.get('kabupaten')}" if p.get("kabupaten") else kec
    puncak = pejabat_puncak(data)
    pk = "Perjanjian Kinerja" + (" (Perubahan)" if puncak and pk_perubahan(data, puncak) else "")
    alinea = [
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {nama} Tahun {t} disusun berdasarkan "
        f"{pk} Tahun {t}. Laporan ini merupakan bentuk akuntabilitas publik atas pelaksanaan "
        f"tugas dan fungsi serta penggunaan anggaran yang dipercayakan kepada {kec}, sekaligus "
        "media informasi publik atas capaian kinerja yang terukur. Capaian kinerja disajikan "
        "melalui pengukuran dan evaluasi kinerja serta pengungkapan yang memadai atas hasil "
        "analisis pengukuran kinerja.",
        f"Tujuan penyusunan laporan ini adalah memberikan gambaran tingkat pencapaian sasaran "
        f"strategis {kec} berdasarkan indikator yang telah ditetapkan, sebagai bahan evaluasi "
        "untuk perbaikan kinerja agar lebih berorientasi pada hasil, relevan, efektif, efisien, "
        "dan berkelanjutan.",
        f"Kepada semua pihak yang telah membantu penyusunan laporan ini kami sampaikan terima "
        f"kasih. Semoga Laporan Kinerja {kec} Tahun {t} ini bermanfaat bagi peningkatan "
        "kinerja pada tahun-tahun mendatang.",
    ]
    return gabung(*(tampil.paragraf(a) for a in alinea))
