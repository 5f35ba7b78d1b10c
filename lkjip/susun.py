"""Sections whose shape depends on the data: Bab III per sasaran, the Lampiran PK, the cover.

A chapter notebook calls one function per section; the number of sasaran, indicators,
composite trees and pejabat comes from the data, so the tables and charts of those sections
are numbered here, by one deterministic plan (`nomor_bab3`), the same on every run.
"""

from __future__ import annotations

from lkjip import grafik, narasi, tabel, tampil


def sampul(data, hasil, temuan=()) -> tampil.Sampul:
    """The cover's facts; marked when the data is synthetic or a finding (`temuan`, of
    `lkjip.periksa`) is a galat."""
    p = data.profil
    return tampil.sampul(p.get("nama_kecamatan") or data.kecamatan, p.get("kabupaten") or "",
                         data.tahun, provinsi=p.get("provinsi") or "", sintetis=data.sintetis,
                         ada_galat=any(t.tingkat == "galat" for t in temuan))


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


def nomor_bab3(data, hasil) -> dict[str, str]:
    """Table and chart numbers of Bab III, in reading order.

    Keys: ``tabel:skala``, ``tabel:capaian``, ``tabel:sasaran:<S>``, ``grafik:tren:<IKU>``,
    ``tabel:ikm``, ``grafik:ikm``, ``tabel:komposit:<node>``, ``tabel:anggaran_sasaran``,
    ``grafik:penyerapan``, ``tabel:efisiensi``.
    """
    t, g = _Nomor("3"), _Nomor("3")
    nomor = {"tabel:skala": t(), "tabel:capaian": t()}
    for k in sasaran_terukur(hasil):
        nomor[f"tabel:sasaran:{k}"] = t()
        for i in tabel.indikator_terukur(hasil, k):
            nomor[f"grafik:tren:{i.kode}"] = g()
            if i.sumber_realisasi == "ikm" and hasil.ikm_tahun and "tabel:ikm" not in nomor:
                nomor["tabel:ikm"], nomor["grafik:ikm"] = t(), g()
            akar = tabel.akar_komposit(data, i.kode)
            if i.sumber_realisasi == "komposit" and akar in hasil.komposit:
                nomor[f"tabel:komposit:{akar}"] = t()
    nomor["tabel:anggaran_sasaran"] = t()
    nomor["grafik:penyerapan"] = g()
    nomor["tabel:efisiensi"] = t()
    return nomor


def _bagian_indikator(data, hasil, i, nomor: dict, beda) -> list:
    bagian = [tampil.subjudul(i.indikator, tingkat=4, id=f"indikator-{_id(i.kode)}"),
              narasi.kalimat_indikator(data, hasil, i.kode),
              tampil.grafik(grafik.tren(data, hasil, i.kode), nomor[f"grafik:tren:{i.kode}"],
                            f"Realisasi dan Target {i.indikator}",
                            sumber=tabel.sumber_olah(data))]
    if i.sumber_realisasi == "ikm" and hasil.ikm_tahun is not None:
        bagian += [narasi.paragraf(narasi.kalimat_ikm(data, hasil)),
                   tabel.tabel_ikm(data, hasil, nomor["tabel:ikm"], beda),
                   tampil.grafik(grafik.ikm_unsur(hasil), nomor["grafik:ikm"],
                                 "Nilai Unsur Pelayanan Survei Kepuasan Masyarakat",
                                 sumber=tabel.sumber_olah(data))]
    akar = tabel.akar_komposit(data, i.kode)
    if i.sumber_realisasi == "komposit" and f"tabel:komposit:{akar}" in nomor:
        bagian += [narasi.paragraf(narasi.kalimat_komposit(data, hasil, akar)),
                   tabel.tabel_komposit(data, hasil, akar, nomor[f"tabel:komposit:{akar}"],
                                        beda)]
    return bagian


def _id(kode: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(kode).lower()).strip("-") or "x"


def sasaran(data, hasil, nomor: dict | None = None, beda=None) -> tampil.Html:
    """Bab III A, per sasaran: its table (3.3/3.5), each indicator's paragraph and trend chart,
    the IKM survey (3.4) and each composite's worked calculation; `beda` marks stated figures
    that differ (`lkjip.tabel`)."""
    nomor = nomor or nomor_bab3(data, hasil)
    bagian = []
    for n, k in enumerate(sasaran_terukur(hasil), start=1):
        s = hasil.sasaran[k]
        bagian += [tampil.subjudul(f"Sasaran {n}: {s.sasaran}", tingkat=3,
                                   id=f"sasaran-{_id(k)}"),
                   tabel.tabel_sasaran(data, hasil, k, nomor[f"tabel:sasaran:{k}"], beda),
                   narasi.paragraf(narasi.kalimat_sasaran(data, hasil, k))]
        for i in tabel.indikator_terukur(hasil, k):
            bagian += _bagian_indikator(data, hasil, i, nomor, beda)
    tanpa = narasi.kalimat_tanpa_target(data, hasil)
    if tanpa:
        bagian.append(narasi.paragraf(tanpa))
    return narasi.gabung(*bagian)


def analisis(data) -> tampil.Html:
    """Permasalahan, solusi and program pendukung from the narrative files."""
    bagian = []
    for judul, nama in (("Permasalahan", "permasalahan"), ("Solusi", "solusi"),
                        ("Program Pendukung", "program_pendukung")):
        bagian += [tampil.subjudul(judul, tingkat=3, id=f"analisis-{nama.replace('_', '-')}"),
                   narasi.teks(data, nama)]
    return narasi.gabung(*bagian)


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


def pihak_pk(data, kode_pejabat: str) -> tampil.Html:
    """The party lines of a PK: 'Nama / Jabatan / Pihak Pertama', 'Nama / Jabatan / Pihak Kedua',
    the promises, and the place, date and both names for signing."""
    p = tabel.pihak_pk(data, kode_pejabat)
    tempat = data.profil.get("tempat_laporan") or ""
    return narasi.gabung(
        narasi.paragraf(PEMBUKA_PK),
        _pihak([f"Nama : {p['nama']}", f"Jabatan : {p['jabatan']}",
                "Selanjutnya disebut Pihak Pertama"]),
        _pihak([f"Nama : {p['nama_atasan']}", f"Jabatan : {p['jabatan_atasan']}",
                "Selaku atasan langsung Pihak Pertama, selanjutnya disebut Pihak Kedua"]),
        narasi.paragraf(JANJI_PK), narasi.paragraf(SUPERVISI_PK),
        _pihak([f"{tempat}, {p['tanggal']}".strip(", "), f"Pihak Kedua: {p['nama_atasan']} "
                f"({p['jabatan_atasan']})", f"Pihak Pertama: {p['nama']} ({p['jabatan']})"]),
    )


def lampiran_pk(data, hasil, beda=None) -> tampil.Html:
    """Every pejabat's PK: the parties, the targets with TW, the budget with TW (Tabel L.n);
    `beda` marks stated totals that differ."""
    nomor = _Nomor("L")
    bagian = []
    pk = data.pk_indikator
    for n, (_, p) in enumerate(data.pejabat.iterrows(), start=1):
        kode = p["kode_pejabat"]
        bagian += [tampil.subjudul(f"{n}. Perjanjian Kinerja {p['jabatan']}", tingkat=2,
                                   id=f"pk-{_id(kode)}"),
                   pihak_pk(data, kode)]
        milik = pk[pk["kode_pejabat"] == kode]
        strategis = milik["kode_indikator"].notna()
        kelompok = [True, False] if strategis.any() and not strategis.all() else [None]
        for jenis in kelompok:
            if len(milik):
                bagian.append(tabel.tabel_pk_indikator(data, kode, nomor(), jenis))
        anggaran = tabel.tabel_pk_anggaran(data, hasil, kode, f"L.{nomor.n + 1}", beda)
        if anggaran is not None:
            nomor()
            bagian.append(anggaran)
    return narasi.gabung(*bagian)
