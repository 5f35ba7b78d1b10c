"""Synthetic (demo) data for the other kecamatan of Kabupaten Pemalang, in the data model.

`tulis(out_dir)` writes the 13 kecamatan besides Bantarbolang for 2021–2024;
`tulis(out_dir, jumlah=N)` writes N kecamatan named ``sintetis-0001``… for scale tests.
Everything is drawn from numpy Generators seeded with ``(seed, kecamatan index[, tahun])``,
so the same seed gives byte-identical files, and kecamatan *i* does not depend on how many
were asked for. Every profil says ``sintetis = ya`` (reports built on it say SINTETIS).

The stated figures (``tersaji.csv``) are what lkjip's own formulas give on the written
inputs, except for a few deliberate errors of the kinds the consistency checks look for,
listed in ``<out>/KESALAHAN_SENGAJA.csv`` (`RENCANA_KESALAHAN`).

>>> slug("Ulujami"), nama_kecamatan(0), len(KECAMATAN)
('ulujami', 'Pemalang', 13)
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from lkjip.anggaran import penyerapan_angka
from lkjip.angka import Angka, bulatkan, rerata
from lkjip.capaian import capaian_angka, capaian_sasaran_angka, rasio_angka
from lkjip.galat import LkjipError, Masalah
from lkjip.ikm import UNSUR, ikm_dari_nrr, ikm_tahunan, krejcie_morgan, mutu_ikm
from lkjip.sintetis_triwulan import RENCANA as RENCANA_TW
from lkjip.sintetis_triwulan import berkas_triwulan, sisipkan_kesalahan_tw
from lkjip.skala import kategori, muat_skala

SEED = 20240614
TAHUN = (2021, 2022, 2023, 2024)
RENSTRA = (2021, 2026)
KECAMATAN = (
    "Pemalang", "Taman", "Petarukan", "Ampelgading", "Comal", "Ulujami", "Bodeh",
    "Randudongkal", "Moga", "Pulosari", "Belik", "Watukumpul", "Warungpring",
)
MANIFEST = "KESALAHAN_SENGAJA.csv"
KOLOM_MANIFEST = ["kecamatan", "tahun", "jenis", "berkas", "baris", "kolom", "kunci",
                  "tertulis", "seharusnya", "keterangan"]
# (kecamatan index, tahun, kind): applied when the index is written
RENCANA_KESALAHAN = (
    (0, 2023, "total_salah"),
    (1, 2023, "tw_tidak_sesuai"),
    (2, 2023, "desa_ganda"),
    (4, 2023, "kategori_salah"),
    (7, 2022, "total_salah"),
    (9, 2024, "tw_tidak_sesuai"),
)

# ---------------------------------------------------------------- fixed vocabulary

PROGRAM = (
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", (
        ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 6_000_000, ()),
        ("Administrasi Keuangan Perangkat Daerah", 0, (
            ("Penyediaan Gaji dan Tunjangan ASN", 1_700_000_000),
            ("Penyediaan Administrasi Pelaksanaan Tugas ASN", 60_000_000),
        )),
        ("Administrasi Barang Milik Daerah pada Perangkat Daerah", 900_000, ()),
        ("Administrasi Kepegawaian Perangkat Daerah", 800_000, ()),
        ("Administrasi Umum Perangkat Daerah", 0, (
            ("Penyediaan Bahan Logistik Kantor", 55_000_000),
            ("Penyediaan Barang Cetak dan Penggandaan", 2_000_000),
            ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 45_000_000),
            ("Penyediaan Peralatan dan Perlengkapan Kantor", 4_000_000),
        )),
        ("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", 25_000_000, ()),
        ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 0, (
            ("Penyediaan Jasa Surat Menyurat", 2_500_000),
            ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 90_000_000),
            ("Penyediaan Jasa Pelayanan Umum Kantor", 150_000_000),
        )),
        ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 80_000_000, ()),
    )),
    ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", (
        ("Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 5_000_000, ()),
        ("Pelaksanaan Urusan Pemerintahan yang Dilimpahkan Kepada Camat", 3_000_000, ()),
    )),
    ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", (
        ("Koordinasi Kegiatan Pemberdayaan Desa", 15_000_000, ()),
        ("Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan", 2_000_000, ()),
    )),
    ("Program Koordinasi Ketentraman dan Ketertiban Umum", (
        ("Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum", 3_000_000, ()),
        ("Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
         2_000_000, ()),
    )),
    ("Program Penyelenggaraan Urusan Pemerintahan Umum", (
        ("Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
         25_000_000, ()),
    )),
    ("Program Pembinaan dan Pengawasan Pemerintahan Desa", (
        ("Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
         4_000_000, ()),
    )),
)
# which pejabat's PK funds which kegiatan (sub kegiatan of 1.2, 1.5, 1.7 go to the Kasubbag)
PK_KEGIATAN = {
    "kasi_tapem": ("2.1", "6.1"), "kasi_pelayanan": ("2.2",), "kasi_pmd": ("3.1", "3.2"),
    "kasi_trantib": ("4.1", "4.2", "5.1"),
}
PK_SUB = {"kasubbag_program": ("1.2",), "kasubbag_umum": ("1.5", "1.7")}
PEJABAT = (
    ("camat", "Camat {nama}", ""),
    ("sekcam", "Sekretaris Kecamatan", "camat"),
    ("kasubbag_umum", "Kepala Subbagian Umum dan Kepegawaian", "sekcam"),
    ("kasubbag_program", "Kepala Subbagian Bina Program dan Keuangan", "sekcam"),
    ("kasi_tapem", "Kepala Seksi Tata Pemerintahan", "camat"),
    ("kasi_pmd", "Kepala Seksi Pemberdayaan Masyarakat dan Desa", "camat"),
    ("kasi_trantib", "Kepala Seksi Ketentraman dan Ketertiban Umum", "camat"),
    ("kasi_pelayanan", "Kepala Seksi Pelayanan", "camat"),
)
INDIKATOR_PROGRAM = (
    "Persentase dokumen perencanaan dan pelaporan yang tersusun tepat waktu",
    "Persentase pelayanan publik yang tersedia",
    "Persentase masyarakat desa yang aktif",
    "Persentase gangguan trantibum yang dapat diselesaikan",
    "Persentase potensi konflik yang tertangani",
    "Persentase desa bertata kelola pemerintahan baik",
)
DATA_PUBLIK = (
    "Informasi tentang profil badan publik", "Informasi mengenai kegiatan dan kinerja OPD",
    "Informasi kinerja badan publik", "Informasi mengenai keuangan",
    "Ringkasan laporan akses informasi publik",
    "Informasi tentang hak dan tata cara memperoleh informasi publik",
    "Pengaduan penyalahgunaan wewenang atau pelanggaran yang dilakukan badan publik",
    "Informasi pengadaan barang dan jasa", "Informasi tentang ketenagakerjaan",
    "Prosedur peringatan dini dan prosedur evakuasi keadaan darurat",
)
PELIMPAHAN = ("Perizinan", "Rekomendasi", "Koordinasi", "Pembinaan", "Pengawasan",
              "Fasilitasi", "Penetapan", "Penyelenggaraan", "Kewenangan lain yang dilimpahkan")
LAYANAN = ("Pengantar KTP-el/KK", "Legalisasi dokumen", "Rekomendasi",
           "Surat keterangan ahli waris", "Pengantar SKCK", "Dispensasi nikah",
           "Surat keterangan tidak mampu")
PENGADUAN = ("Laporan jalan desa rusak", "Laporan banjir di permukiman",
             "Laporan pohon tumbang", "Laporan rumah tidak layak huni",
             "Laporan sengketa batas tanah", "Laporan penerangan jalan padam",
             "Laporan bantuan sosial belum diterima", "Laporan saluran irigasi tersumbat")
DESA_DEPAN = ("Karang", "Sumber", "Kedung", "Tegal", "Banjar", "Wono", "Sido", "Kebon",
              "Suko", "Jati", "Pager", "Cepo", "Mulyo", "Tanjung", "Gombong", "Kali")
DESA_BELAKANG = ("sari", "rejo", "jaya", "mulyo", "agung", "harjo", "asri", "dadi", "makmur",
                 "wangi", "anyar", "kidul", "lor", "tengah", "kulon", "wetan")
NAMA_DEPAN = ("AGUS", "BAMBANG", "DWI", "EKO", "ENDANG", "FAJAR", "HADI", "HERU", "JOKO",
              "KUSNADI", "LILIK", "NUR", "RINA", "SITI", "SLAMET", "SRI", "SUGENG", "TRI",
              "WAHYU", "YULI", "ANIK", "BUDI", "DEWI", "IMAM")
NAMA_BELAKANG = ("PRASETYO", "SANTOSO", "WIBOWO", "HIDAYAT", "RAHAYU", "SETIAWAN",
                 "KURNIAWAN", "SUSANTO", "WAHYUDI", "LESTARI", "HANDAYANI", "NUGROHO",
                 "SAPUTRA", "PURNOMO", "HARTONO", "MARYANI")
GELAR = ("S.STP, M.Si", "S.Sos", "S.H.", "S.E.", "S.IP", "S.STP", "S.E., M.M.", "S.Pd.")
UNSUR_OFFSET = {"persyaratan": 0.05, "prosedur": 0.0, "waktu": -0.08, "biaya": 0.25,
                "produk": 0.0, "kompetensi": 0.08, "perilaku": 0.2, "pengaduan": -0.35,
                "sarana": -0.12}
NAMA_UNSUR = {u.kunci: u.nama for u in UNSUR}


def slug(nama: str) -> str:
    return nama.lower().replace(" ", "-")


def nama_kecamatan(indeks: int, jumlah: int | None = None) -> str:
    """The name of kecamatan `indeks`: the 13 of Pemalang, or ``Sintetis 0001``… when
    `jumlah` is given."""
    return KECAMATAN[indeks] if jumlah is None else f"Sintetis {indeks + 1:04d}"


# ---------------------------------------------------------------- writing CSV and numbers


def _csv(baris: list, pemisah: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah, lineterminator="\n").writerows(baris)
    return buf.getvalue()


def _desimal(x, gaya: str) -> str:
    """A number with 2 decimals as typed: ``82.5`` plain or ``82,50`` Indonesian.

    >>> _desimal(Decimal("82.5"), "polos"), _desimal(82.456, "indonesia"), _desimal(90, "polos")
    ('82.50', '82,46', '90')
    """
    d = bulatkan(Decimal(str(x)))
    if d == d.to_integral_value():
        return str(int(d))
    teks = f"{d:.2f}"
    return teks.replace(".", ",") if gaya == "indonesia" else teks


def _rp(x: int, gaya: str) -> str:
    """Rupiah as typed: ``2522467250`` or ``2.522.467.250``.

    >>> _rp(2522467250, "indonesia"), _rp(750000, "polos")
    ('2.522.467.250', '750000')
    """
    return f"{int(x):,}".replace(",", ".") if gaya == "indonesia" else str(int(x))


def _ribu(x: float) -> int:
    return int(round(x / 1000)) * 1000


# ---------------------------------------------------------------- one kecamatan


@dataclass
class Kec:
    """What stays the same for one kecamatan over the years."""

    indeks: int
    nama: str
    slug: str
    varian: int  # 0: one sasaran; 1: two sasaran; 2: two sasaran with a 'turun' indicator
    gaya: str  # number style of anggaran.csv / pk_indikator.csv
    mutu: float  # base mean answer of the IKM survey
    cakupan: float  # base share of lists marked ya
    serapan: float  # base budget absorption
    akip: float  # base Nilai AKIP
    skala: str
    metode_ikm: str
    judul_ikm: str  # 'kunci', 'sarana-dulu' or 'nama'
    skala_pagu: float
    desa: list[str]
    camat: list[str]  # the Camat per year (a change of Camat in 2023 for some)
    pejabat: dict[str, str] = field(default_factory=dict)


def _nama_unik(rng, n: int) -> list[str]:
    """n names with distinct first and last names (so no two look like one misspelt)."""
    depan = rng.choice(NAMA_DEPAN, size=n, replace=False)
    belakang = rng.choice(NAMA_BELAKANG, size=n, replace=False)
    return [f"{d} {b}, {rng.choice(GELAR)}" for d, b in zip(depan, belakang, strict=True)]


def _desa(rng) -> list[str]:
    n = int(rng.integers(10, 23))
    nama: list[str] = []
    while len(nama) < n:
        calon = f"{rng.choice(DESA_DEPAN)}{rng.choice(DESA_BELAKANG)}"
        if calon not in nama:
            nama.append(calon)
    return nama


def buat_kec(seed: int, indeks: int, nama: str) -> Kec:
    rng = np.random.default_rng([seed, indeks])
    nama_orang = _nama_unik(rng, 2 + len(PEJABAT) - 1)
    camat = nama_orang[:1] * 2 + nama_orang[1:2] * 2 if rng.random() < 0.4 \
        else nama_orang[:1] * 4
    kec = Kec(
        indeks, nama, slug(nama), int(rng.integers(0, 3)),
        "indonesia" if rng.random() < 0.35 else "polos",
        float(rng.uniform(2.95, 3.45)), float(rng.uniform(0.55, 0.9)),
        float(rng.uniform(0.84, 0.97)), float(rng.uniform(52, 70)),
        "permendagri-86-2017" if rng.random() < 0.2 else "bantarbolang-2023",
        "gabungan" if rng.random() < 0.3 else "rerata_semester",
        str(rng.choice(["kunci", "sarana-dulu", "nama"], p=[0.6, 0.25, 0.15])),
        float(rng.uniform(0.75, 1.35)), _desa(rng), camat,
    )
    kec.pejabat = dict(zip([kode for kode, _, _ in PEJABAT[1:]], nama_orang[2:], strict=True))
    return kec


# ---------------------------------------------------------------- the Renstra (spans years)

INDIKATOR = {
    # kode: (indikator, satuan, arah, metode, akumulasi_tw, sumber, target 2021, step/year)
    "IKU-01": ("Indeks kepuasan masyarakat terhadap layanan kecamatan", "indeks", "naik",
               "rasio", "terakhir", "ikm", 80.0, 1.0),
    "IKU-02": ("Cakupan layanan kecamatan", "%", "naik", "rasio", "terakhir", "komposit",
               88.0, 1.5),
    "IKU-03": ("Nilai AKIP", "skor", "naik", "rasio", "terakhir", "langsung", 65.0, 2.0),
    "IKU-04": ("Persentase penyerapan anggaran", "%", "naik", "rasio", "terakhir", "langsung",
               94.0, 0.5),
    "IKU-05": ("Jumlah gangguan trantibum yang tidak tertangani", "kejadian", "turun",
               "selisih", "jumlah", "langsung", 7.0, -1.0),
}
SASARAN = {
    "S1": ("T1", "Meningkatnya pelayanan kecamatan"),
    "S2": ("T2", "Meningkatnya akuntabilitas kinerja kecamatan"),
}
TUJUAN = {"T1": "Meningkatkan pelayanan kecamatan yang prima",
          "T2": "Meningkatkan tata kelola pemerintahan kecamatan yang akuntabel"}


def susunan(kec: Kec) -> dict[str, str]:
    """kode_indikator → kode_sasaran for the kecamatan's variant of the Renstra tree."""
    if kec.varian == 0:
        return {k: "S1" for k in ("IKU-01", "IKU-02", "IKU-03", "IKU-04")}
    peta = {"IKU-01": "S1", "IKU-02": "S1", "IKU-03": "S2", "IKU-04": "S2"}
    return peta | ({"IKU-05": "S1"} if kec.varian == 2 else {})


def target(kec: Kec, kode: str, tahun: int) -> Decimal:
    awal, langkah = INDIKATOR[kode][6:8]
    geser = (kec.indeks % 3) * 0.5 if kode != "IKU-05" else 0
    return bulatkan(Decimal(str(awal + geser + langkah * (tahun - RENSTRA[0]))))


def renstra(kec: Kec, realisasi: dict) -> dict[str, str]:
    peta = susunan(kec)
    sasaran = sorted(set(peta.values()))
    tujuan = sorted({SASARAN[s][0] for s in sasaran})
    strategi = [["1", "S1", "Meningkatkan pelayanan publik sesuai SOP"],
                ["2", sasaran[-1], "Meningkatkan kualitas perencanaan dan pelaporan kinerja"]]
    return {
        "renstra/tujuan.csv": _csv([["kode_tujuan", "tujuan"]]
                                   + [[t, TUJUAN[t]] for t in tujuan]),
        "renstra/sasaran.csv": _csv([["kode_sasaran", "kode_tujuan", "sasaran"]]
                                    + [[s, *SASARAN[s]] for s in sasaran]),
        "renstra/indikator.csv": _csv(
            [["kode_indikator", "kode_sasaran", "indikator", "satuan", "arah", "metode",
              "akumulasi_tw", "sumber_realisasi", "target_akhir"]]
            + [[k, s, *INDIKATOR[k][:6], _desimal(target(kec, k, RENSTRA[1]), "polos")]
               for k, s in peta.items()]),
        "renstra/target.csv": _csv(
            [["kode_indikator", "tahun", "target"]]
            + [[k, t, _desimal(target(kec, k, t), "polos")]
               for k in peta for t in range(RENSTRA[0], RENSTRA[1] + 1)]),
        "renstra/realisasi.csv": _csv([["kode_indikator", "tahun", "periode", "realisasi"]]
                                      + realisasi_renstra(realisasi)),
        "renstra/strategi.csv": _csv([["kode_strategi", "kode_sasaran", "strategi"]] + strategi),
        "renstra/kebijakan.csv": _csv([
            ["kode_kebijakan", "kode_strategi", "kebijakan"],
            ["1.1", "1", "Pelayanan pengaduan masyarakat secara cepat, tepat dan ramah"],
            ["1.2", "1", "Mendekatkan pelayanan ke masyarakat"],
            ["2.1", "2", "Penyediaan perencanaan yang berkualitas dan evaluasi kinerja"],
        ]),
    }


def realisasi_renstra(realisasi: dict) -> list[list]:
    """Rows of renstra/realisasi.csv: typed yearly values, TW rows for IKU-05."""
    baris = []
    for (kode, tahun), nilai in sorted(realisasi.items()):
        if kode == "IKU-05":
            baris += [[kode, tahun, f"TW{i + 1}", v] for i, v in enumerate(nilai)]
        else:
            baris.append([kode, tahun, "tahun", _desimal(nilai, "polos")])
    return baris


# ---------------------------------------------------------------- one year


@dataclass
class Tahun:
    """The inputs of one kecamatan-year, in memory, and what they compute to."""

    kec: Kec
    tahun: int
    rng: np.random.Generator
    berkas: dict[str, str] = field(default_factory=dict)
    anggaran: list[dict] = field(default_factory=list)
    pk_anggaran: list[list] = field(default_factory=list)
    daftar: dict[str, list[bool]] = field(default_factory=dict)
    desa: list[str] = field(default_factory=list)
    ikm: dict = field(default_factory=dict)  # survey columns: no, periode, …, one per unsur
    realisasi_anggaran: dict[str, int] = field(default_factory=dict)
    kesalahan: list[dict] = field(default_factory=list)


def _ke(k: Kec, t: int) -> int:
    return t - TAHUN[0]


def buat_anggaran(th: Tahun) -> None:
    """The DPA tree: programs (pagu empty), kegiatan, sub kegiatan; murni → perubahan."""
    rng, k = th.rng, th.kec
    for i, (program, kegiatan) in enumerate(PROGRAM, start=1):
        sasaran = "S2" if i == 1 and k.varian else "S1"
        th.anggaran.append(dict(kode=str(i), induk=None, tingkat="program", nama=program,
                                sasaran=sasaran, murni=None, ubah=None))
        for j, (nama, dasar, sub) in enumerate(kegiatan, start=1):
            kode = f"{i}.{j}"
            if sub:
                th.anggaran.append(dict(kode=kode, induk=str(i), tingkat="kegiatan", nama=nama,
                                        sasaran=None, murni=None, ubah=None))
                for m, (nama_sub, dasar_sub) in enumerate(sub, start=1):
                    th.anggaran.append(_daun(rng, k, th.tahun, f"{kode}.{m}", kode,
                                             "sub_kegiatan", nama_sub, dasar_sub))
            else:
                th.anggaran.append(_daun(rng, k, th.tahun, kode, str(i), "kegiatan", nama, dasar))


def _daun(rng, k: Kec, tahun: int, kode, induk, tingkat, nama, dasar) -> dict:
    murni = _ribu(dasar * k.skala_pagu * (1 + 0.04 * (tahun - TAHUN[0])) * rng.uniform(0.8, 1.2))
    ubah = murni
    if rng.random() < 0.3:
        ubah = _ribu(murni * rng.uniform(0.7, 1.4))
    return dict(kode=kode, induk=induk, tingkat=tingkat, nama=nama, sasaran=None,
                murni=murni, ubah=ubah)


def pagu(th: Tahun, kolom: str = "ubah") -> dict[str, int]:
    """Pagu of every node: a leaf its own, a parent the sum of its children."""
    total: dict[str, int] = {}
    for r in reversed(th.anggaran):
        total[r["kode"]] = total.get(r["kode"], 0) + (r[kolom] or 0)
        if r["induk"]:
            total[r["induk"]] = total.get(r["induk"], 0) + total[r["kode"]]
    return total


def bagi_tw(rng, jumlah: int, rata: bool = False) -> list[int]:
    """Split a Rupiah amount over TW I–IV (thousands; the remainder in TW IV); sums exactly.

    >>> bagi_tw(np.random.default_rng(0), 1_000_000, rata=True)
    [250000, 250000, 250000, 250000]
    """
    bobot = np.full(4, 0.25) if rata else rng.dirichlet(np.full(4, 3.0))
    tw = [_ribu(jumlah * b) for b in bobot[:3]]
    return tw + [jumlah - sum(tw)]


def buat_pk_anggaran(th: Tahun) -> None:
    rng, total = th.rng, pagu(th)
    baris = th.pk_anggaran
    for r in th.anggaran:
        if r["tingkat"] == "program":
            baris.append(["camat", r["nama"].upper(), "program", r["kode"], total[r["kode"]],
                          None])
    for r in th.anggaran:
        if r["tingkat"] == "kegiatan" and r["induk"] == "1":
            tw = bagi_tw(rng, total[r["kode"]], rata=r["kode"] == "1.2")
            baris.append(["sekcam", r["nama"], "kegiatan", r["kode"], total[r["kode"]], tw])
    for pejabat, induk in PK_SUB.items():
        for r in th.anggaran:
            if r["induk"] in induk:
                baris.append([pejabat, r["nama"], "sub_kegiatan", r["kode"], r["ubah"],
                              bagi_tw(rng, r["ubah"])])
    for pejabat, kode in PK_KEGIATAN.items():
        for r in th.anggaran:
            if r["kode"] in kode:
                baris.append([pejabat, r["nama"], "kegiatan", r["kode"], total[r["kode"]],
                              bagi_tw(rng, total[r["kode"]])])


def buat_realisasi_anggaran(th: Tahun) -> None:
    """Realisasi per program (some kecamatan) or per sasaran (the others)."""
    rng, k, total = th.rng, th.kec, pagu(th)
    laju = {r["kode"]: min(0.999, k.serapan + 0.01 * _ke(k, th.tahun) + rng.normal(0, 0.015))
            for r in th.anggaran if r["tingkat"] == "program"}
    for kode, lj in laju.items():
        th.realisasi_anggaran[kode] = int(total[kode] * lj)


def buat_daftar(th: Tahun) -> None:
    rng, k, t = th.rng, th.kec, _ke(th.kec, th.tahun)
    p = min(0.98, k.cakupan + 0.05 * t)
    th.desa = list(k.desa)
    th.daftar["desa"] = [bool(b) for b in rng.random(len(k.desa)) < min(0.99, p + 0.1)]
    n_aduan = int(rng.integers(0, 9))
    th.daftar["pengaduan"] = [bool(b) for b in rng.random(n_aduan) < p + 0.1]
    th.daftar["data_publik"] = [bool(b) for b in rng.random(len(DATA_PUBLIK)) < p]
    th.daftar["layanan_pelimpahan"] = [bool(b) for b in rng.random(len(PELIMPAHAN)) < p - 0.3]


def _peluang(m: float) -> np.ndarray:
    p = np.exp(-((np.arange(1, 5) - m) ** 2) / 0.55)
    return p / p.sum()


def buat_ikm(th: Tahun) -> None:
    """150–400 respondents over two semesters; answers 1–4 around the kecamatan's level."""
    rng, k, t = th.rng, th.kec, _ke(th.kec, th.tahun)
    n = int(rng.integers(150, 401))
    n1 = int(round(n * rng.uniform(0.42, 0.58)))
    kolom = {"no": list(range(1, n + 1)), "periode": ["S1"] * n1 + ["S2"] * (n - n1),
             "tanggal": _tanggal(rng, th.tahun, 1, n1) + _tanggal(rng, th.tahun, 7, n - n1),
             "layanan": rng.choice(LAYANAN, size=n).tolist()}
    for u, geser in UNSUR_OFFSET.items():
        m = k.mutu + geser + 0.04 * t + rng.normal(0, 0.05)
        kolom[u] = rng.choice(np.arange(1, 5), size=n, p=_peluang(m))
    th.ikm = kolom


def _tanggal(rng, tahun: int, bulan: int, n: int) -> list[str]:
    awal = date(tahun, bulan, 1)
    hari = [awal + timedelta(d) for d in range(181)]
    hari = [h for h in hari if h.weekday() < 5 and h.year == tahun]
    return [hari[i].isoformat() for i in sorted(rng.integers(0, len(hari), size=n))]


# ---------------------------------------------------------------- what the inputs compute to


@dataclass
class Hitungan:
    ikm_tahun: object
    komposit: dict
    realisasi: dict[str, Angka]
    capaian: dict[str, Angka]
    capaian_sasaran: dict[str, Angka]
    keseluruhan: Angka
    penyerapan: Angka
    pagu_total: int
    realisasi_total: int


POHON = {
    "kode_node": ["CL", "CL.1", "CL.1.1", "CL.1.2", "CL.1.3", "CL.2", "CL.2.1", "CL.2.2",
                  "CL.3", "CL.4", "CL.5"],
    "kode_induk": [None, "CL", "CL.1", "CL.1", "CL.1", "CL", "CL.2", "CL.2", "CL", "CL", "CL"],
    "kode_indikator": ["IKU-02"] + [None] * 10,
    "nama": ["Cakupan layanan kecamatan", "Persentase pelayanan publik yang tersedia",
             "Persentase data pemerintahan yang dipublikasi",
             "Persentase pengaduan masyarakat yang terselesaikan",
             "Persentase pelayanan berdasar pelimpahan kewenangan Bupati kepada Camat yang "
             "tersedia",
             "Persentase masyarakat desa dan kelurahan yang aktif",
             "Persentase kehadiran di Musrenbang Desa",
             "Persentase kehadiran di Musrenbang Kecamatan",
             "Persentase gangguan trantibum tingkat desa dan kecamatan yang dapat diselesaikan",
             "Persentase potensi konflik tingkat desa dan kecamatan yang tertangani",
             "Persentase desa bertata kelola pemerintahan baik"],
    "jenis": ["rerata", "rerata", "rasio", "rasio", "rasio", "rerata", "nilai", "nilai",
              "rasio", "rasio", "rasio"],
    "daftar": [None, None, "data_publik", "pengaduan", "layanan_pelimpahan", None, None, None,
               None, None, "desa"],
    "urutan": [1, 1, 1, 2, 3, 2, 1, 2, 3, 4, 5],
}


def buat_komposit(th: Tahun) -> dict[str, list]:
    """komposit.csv as columns: the seed's cakupan layanan tree with this year's values."""
    rng = th.rng
    pohon = dict(POHON)
    gangguan = int(rng.integers(0, 7))
    konflik = int(rng.integers(0, 4))
    selesai = gangguan - int(rng.random() < 0.3) * (gangguan > 0)
    kolom = {"pembilang": [None] * 8 + [selesai, konflik, None],
             "penyebut": [None] * 8 + [gangguan, konflik, None],
             "nilai": [None] * 6 + [int(rng.integers(50, 96)), int(rng.integers(80, 101))]
             + [None] * 3}
    return pohon | kolom


def hitung_cakupan(pohon: dict, daftar: dict[str, tuple[int, int]]) -> dict[str, Angka]:
    """The nodes of the cakupan tree (`POHON`), with lkjip's own ratio and mean rules."""
    i = {k: n for n, k in enumerate(pohon["kode_node"])}

    def rasio(kode):
        nama = pohon["daftar"][i[kode]]
        p, q = daftar[nama] if nama else (pohon["pembilang"][i[kode]],
                                          pohon["penyebut"][i[kode]])
        return rasio_angka(p, q)

    h = {k: rasio(k) for k in ("CL.1.1", "CL.1.2", "CL.1.3", "CL.3", "CL.4", "CL.5")}
    h |= {k: Angka(Decimal(pohon["nilai"][i[k]])) for k in ("CL.2.1", "CL.2.2")}
    h["CL.1"] = rerata([h["CL.1.1"], h["CL.1.2"], h["CL.1.3"]])
    h["CL.2"] = rerata([h["CL.2.1"], h["CL.2.2"]])
    h["CL"] = rerata([h[k] for k in ("CL.1", "CL.2", "CL.3", "CL.4", "CL.5")])
    return h


def _ikm_dari_jawaban(kolom: dict, pilih: np.ndarray):
    """IKM of the chosen respondents: NRR = Σ answers / n, exactly as `lkjip.ikm.ikm`."""
    n = int(pilih.sum())
    nrr = {u: Decimal(int(kolom[u][pilih].sum())) / Decimal(n) for u in UNSUR_OFFSET}
    return ikm_dari_nrr(nrr, n)


def hitung_ikm_tahun(th: Tahun):
    """The year's IKM by the profile's method (as `lkjip.hitung.hitung_ikm`)."""
    periode = np.array(th.ikm["periode"])
    if th.kec.metode_ikm == "gabungan":
        return _ikm_dari_jawaban(th.ikm, np.full(len(periode), True))
    semester = {p: _ikm_dari_jawaban(th.ikm, periode == p) for p in ("S1", "S2")}
    return ikm_tahunan(semester, "rerata_semester")


def hitung_tahun(th: Tahun, pohon: dict, realisasi: dict) -> Hitungan:
    """The figures lkjip computes from these inputs (its own formulas, unrounded)."""
    k, tahun = th.kec, th.tahun
    ikm_tahun = hitung_ikm_tahun(th)
    daftar = {nama: (sum(v), len(v)) for nama, v in th.daftar.items()}
    komposit = hitung_cakupan(pohon, daftar)
    nilai = {"IKU-01": ikm_tahun.angka, "IKU-02": komposit["CL"]}
    nilai |= {kode: Angka(Decimal(str(sum(v) if isinstance(v, list) else v)))
              for (kode, t), v in realisasi.items() if t == tahun}
    peta = susunan(k)
    capaian = {kode: capaian_angka(nilai[kode], target(k, kode, tahun), *INDIKATOR[kode][2:4])
               for kode in peta}
    per_sasaran = {s: capaian_sasaran_angka([capaian[i] for i in peta if peta[i] == s])
                   for s in sorted(set(peta.values()))}
    pagu_total = pagu(th)
    total_pagu = sum(pagu_total[r["kode"]] for r in th.anggaran if r["tingkat"] == "program")
    total_real = sum(th.realisasi_anggaran.values())
    return Hitungan(ikm_tahun, komposit, nilai, capaian, per_sasaran,
                    rerata(list(per_sasaran.values())),
                    penyerapan_angka(total_real, total_pagu), total_pagu, total_real)


def buat_realisasi(k: Kec, seed: int) -> dict:
    """Typed realisasi of the 'langsung' indicators for every year (IKU-04 comes later)."""
    rng = np.random.default_rng([seed, k.indeks, 0])
    hasil = {}
    for tahun in TAHUN:
        t = _ke(k, tahun)
        hasil[("IKU-03", tahun)] = bulatkan(Decimal(str(k.akip + 1.5 * t + rng.normal(0, 1.5))))
        if k.varian == 2:
            hasil[("IKU-05", tahun)] = [int(x) for x in rng.poisson(1.6 - 0.2 * t, size=4)]
    return hasil


# ---------------------------------------------------------------- files of one year


def berkas_tahun(th: Tahun, pohon: dict, hasil: Hitungan) -> dict[str, str]:
    gaya = th.kec.gaya
    d = str(th.tahun)
    return {
        f"{d}/profil.csv": profil(th),
        f"{d}/pegawai.csv": pegawai(th),
        f"{d}/sarpras.csv": sarpras(th),
        f"{d}/pejabat.csv": pejabat(th),
        f"{d}/pk_indikator.csv": pk_indikator(th),
        f"{d}/anggaran.csv": anggaran_csv(th),
        f"{d}/pk_anggaran.csv": _csv(
            [["kode_pejabat", "no", "uraian", "tingkat", "kode_anggaran", "anggaran",
              "tw1", "tw2", "tw3", "tw4"]] + _nomori(th.pk_anggaran, gaya)),
        f"{d}/realisasi_anggaran.csv": realisasi_anggaran_csv(th),
        f"{d}/komposit.csv": komposit_csv(pohon),
        f"{d}/desa.csv": _csv([["no", "nama_desa", "tata_kelola_baik"]] + [
            [i, nama, _yt(b)] for i, (nama, b) in enumerate(
                zip(th.desa, th.daftar["desa"], strict=True), start=1)]),
        f"{d}/pengaduan.csv": pengaduan(th),
        f"{d}/data_publik.csv": _csv([["no", "jenis_data", "dipublikasikan"]] + [
            [i, j, _yt(b)] for i, (j, b) in enumerate(
                zip(DATA_PUBLIK, th.daftar["data_publik"], strict=True), start=1)]),
        f"{d}/layanan_pelimpahan.csv": _csv([["no", "jenis_layanan", "tersedia", "jumlah"]] + [
            [i, j, _yt(b), int(th.rng.integers(1, 12)) if b else ""] for i, (j, b) in enumerate(
                zip(PELIMPAHAN, th.daftar["layanan_pelimpahan"], strict=True), start=1)]),
        f"{d}/ikm_responden_sintetis.csv": ikm_csv(th),
        f"{d}/tersaji.csv": tersaji(th, hasil),
    } | narasi(th, hasil)


def _yt(b: bool) -> str:
    return "ya" if b else "tidak"


def _nomori(baris: list[list], gaya: str) -> list[list]:
    """pk_anggaran rows numbered 1… per pejabat, amounts in the kecamatan's style."""
    nomor: dict[str, int] = {}
    hasil = []
    for pejabat, uraian, tingkat, kode, jumlah, tw in baris:
        nomor[pejabat] = nomor.get(pejabat, 0) + 1
        sel_tw = [_rp(x, gaya) for x in tw] if tw else [""] * 4
        hasil.append([pejabat, nomor[pejabat], uraian, tingkat, kode, _rp(jumlah, gaya), *sel_tw])
    return hasil


def profil(th: Tahun) -> str:
    k, rng = th.kec, th.rng
    nip = (f"{int(rng.integers(1968, 1982))}{int(rng.integers(1, 13)):02d}"
           f"{int(rng.integers(1, 29)):02d} {int(rng.integers(1990, 2006))}"
           f"{int(rng.integers(1, 13)):02d} 1 {int(rng.integers(1, 10)):03d}")
    return _csv([
        ["kecamatan", "nama_kecamatan", "kabupaten", "provinsi", "tahun", "alamat", "kode_pos",
         "email", "camat_nama", "camat_nip", "camat_pangkat", "renstra_awal", "renstra_akhir",
         "skala", "metode_ikm_tahunan", "populasi_ikm", "tempat_laporan", "tanggal_laporan",
         "sintetis"],
        [k.slug, k.nama, "Pemalang", "Jawa Tengah", th.tahun,
         f"Jl. Raya {k.nama} Nomor {k.indeks % 40 + 1}, {k.nama}", f"523{k.indeks % 90 + 10}",
         f"kec-{k.slug}@example.com", k.camat[_ke(k, th.tahun)], nip,
         "Pembina TK. I" if rng.random() < 0.5 else "Pembina", *RENSTRA, k.skala, k.metode_ikm,
         _populasi(rng, len(th.ikm["no"])), "Pemalang",
         f"{th.tahun + 1}-01-{int(rng.integers(10, 31)):02d}", "ya"],
    ])


def _populasi(rng, responden: int) -> int:
    """Service users in the year, such that the survey meets the Krejcie–Morgan minimum."""
    populasi = int(rng.integers(300, 4000))
    while krejcie_morgan(populasi) > responden:
        populasi = int(populasi * 0.8)
    return populasi


def pegawai(th: Tahun) -> str:
    k, rng = th.kec, th.rng
    baris = [[k.camat[_ke(k, th.tahun)], "Camat", "PNS", "S2", "IV"],
             [k.pejabat["sekcam"], "Sekretaris Kecamatan", "PNS", "S1", "IV"]]
    baris += [[k.pejabat[p], "Kepala Sub Bagian", "PNS", "S1", "III"]
              for p in ("kasubbag_umum", "kasubbag_program")]
    baris += [[k.pejabat[p], "Kepala Seksi", "PNS", str(rng.choice(["S1", "S2"])), "III"]
              for p in ("kasi_tapem", "kasi_pmd", "kasi_trantib", "kasi_pelayanan")]
    for _ in range(int(rng.integers(5, 11))):
        pend = str(rng.choice(["SLTA", "D3", "S1"], p=[0.5, 0.2, 0.3]))
        baris.append(["", "Pelaksana", "PNS", pend, "II" if pend == "SLTA" else "III"])
    for _ in range(int(rng.integers(3, 13))):
        baris.append(["", "Tenaga Honorer", "Honorer",
                      str(rng.choice(["SD", "SLTP", "SLTA", "S1"], p=[0.2, 0.1, 0.5, 0.2])), ""])
    return _csv([["no", "nama", "jabatan", "status", "pendidikan", "golongan"]]
                + [[i, *b] for i, b in enumerate(baris, start=1)])


def sarpras(th: Tahun) -> str:
    rng = th.rng
    jenis = [("Jumlah Bangunan gedung", "unit", 2, 5), ("Kendaraan Roda 4", "unit", 1, 3),
             ("Kendaraan Roda 2", "unit", 4, 12), ("Peralatan dan Mesin", "buah", 30, 80),
             ("Alat-alat kantor dan rumah tangga", "buah", 200, 400)]
    return _csv([["no", "jenis", "jumlah", "satuan"]] + [
        [i, j, int(rng.integers(a, b)), s] for i, (j, s, a, b) in enumerate(jenis, start=1)])


def pejabat(th: Tahun) -> str:
    k = th.kec
    tanggal = f"{th.tahun}-01-{int(th.rng.integers(2, 28)):02d}"
    baris = [["kode_pejabat", "nama", "nip", "jabatan", "kode_atasan", "nama_atasan",
              "jabatan_atasan", "tanggal_pk"]]
    for kode, jabatan, atasan in PEJABAT:
        nama = k.camat[_ke(k, th.tahun)] if kode == "camat" else k.pejabat[kode]
        bupati = ["BUPATI PEMALANG (SINTETIS)", "Bupati Pemalang"] if not atasan else ["", ""]
        baris.append([kode, nama, "", jabatan.format(nama=k.nama), atasan, *bupati, tanggal])
    return _csv(baris)


def _tw_indikator(kode: str, t: Decimal, nilai: list | None = None) -> list:
    """TW targets by how the indicator accumulates: 'terakhir' ends at the target."""
    if kode == "IKU-05":
        return nilai
    if kode == "IKU-01":
        return ["", t, "", t]
    if kode == "IKU-03":
        return ["", "", "", t]
    return [bulatkan(t * Decimal(q) / 4) for q in (1, 2, 3)] + [t]


def pk_indikator(th: Tahun) -> str:
    k, rng, gaya = th.kec, th.rng, th.kec.gaya
    baris = []
    for kode, s in susunan(k).items():
        t = target(k, kode, th.tahun)
        tw = _tw_indikator(kode, t, _bagi_bulat(rng, int(t)) if kode == "IKU-05" else None)
        baris.append(["camat", SASARAN[s][1], INDIKATOR[kode][0], kode, INDIKATOR[kode][1],
                      t, *tw])
    for r, ind in zip([r for r in th.anggaran if r["tingkat"] == "program"], INDIKATOR_PROGRAM,
                      strict=True):
        baris.append(["camat", f"Terlaksananya {r['nama']}", ind, "", "%", 100, "", "", "", ""])
    for r in th.anggaran:
        if r["tingkat"] == "kegiatan" and r["induk"] == "1":
            n = int(rng.integers(4, 25))
            baris.append(["sekcam", f"Terlaksananya {r['nama']}",
                          f"Jumlah dokumen {r['nama'].lower()} yang tersusun", "", "dokumen", n,
                          *_bagi_bulat(rng, n)])
    for pejabat_, kode in PK_KEGIATAN.items():
        for r in th.anggaran:
            if r["kode"] in kode:
                n = int(rng.integers(2, 13))
                baris.append([pejabat_, f"Terlaksananya {r['nama']}",
                              f"Jumlah laporan {r['nama'].lower()}", "", "laporan", n,
                              *_bagi_bulat(rng, n)])
    nomor: dict[str, int] = {}
    hasil = [["kode_pejabat", "no", "sasaran", "indikator", "kode_indikator", "satuan",
              "target", "tw1", "tw2", "tw3", "tw4"]]
    for b in baris:
        nomor[b[0]] = nomor.get(b[0], 0) + 1
        hasil.append([b[0], nomor[b[0]], *b[1:5]]
                     + [_desimal(x, gaya) if x != "" else "" for x in b[5:]])
    return _csv(hasil)


def _bagi_bulat(rng, n: int) -> list[int]:
    bagian = rng.multinomial(n, [0.25] * 4)
    return [int(x) for x in bagian]


def anggaran_csv(th: Tahun) -> str:
    gaya = th.kec.gaya
    pemisah = ";" if gaya == "indonesia" else ","
    baris = [["kode", "kode_induk", "tingkat", "nama", "kode_sasaran", "pagu_murni",
              "pagu_perubahan"]]
    for r in th.anggaran:
        baris.append([r["kode"], r["induk"] or "", r["tingkat"], r["nama"], r["sasaran"] or "",
                      "" if r["murni"] is None else _rp(r["murni"], gaya),
                      "" if r["ubah"] is None else _rp(r["ubah"], gaya)])
    return _csv(baris, pemisah)


def realisasi_anggaran_csv(th: Tahun) -> str:
    baris = [["tingkat", "kode", "realisasi"]]
    if th.kec.indeks % 2:
        baris += [["program", kode, v] for kode, v in th.realisasi_anggaran.items()]
    else:
        per_sasaran: dict[str, int] = {}
        for r in th.anggaran:
            if r["tingkat"] == "program":
                s = r["sasaran"]
                per_sasaran[s] = per_sasaran.get(s, 0) + th.realisasi_anggaran[r["kode"]]
        baris += [["sasaran", s, v] for s, v in sorted(per_sasaran.items())]
    return _csv(baris)


def komposit_csv(pohon: dict) -> str:
    kolom = ["kode_node", "kode_induk", "kode_indikator", "nama", "jenis", "pembilang",
             "penyebut", "nilai", "daftar", "urutan"]
    baris = zip(*(pohon[k] for k in kolom), strict=True)
    return _csv([kolom] + [["" if v is None else v for v in r] for r in baris])


def pengaduan(th: Tahun) -> str:
    rng, n = th.rng, len(th.daftar["pengaduan"])
    pilih = rng.choice(len(PENGADUAN) * len(th.desa), size=n, replace=False)  # all distinct
    baris = [["no", "uraian", "desa", "selesai"]]
    for i, (j, selesai) in enumerate(zip(pilih, th.daftar["pengaduan"], strict=True), start=1):
        desa = th.desa[j % len(th.desa)]
        baris.append([i, f"{PENGADUAN[j // len(th.desa)]} di Desa {desa}", desa, _yt(selesai)])
    return _csv(baris)


def ikm_csv(th: Tahun) -> str:
    unsur = list(UNSUR_OFFSET)
    if th.kec.judul_ikm == "sarana-dulu":
        unsur = unsur[:7] + ["sarana", "pengaduan"]
    judul = [NAMA_UNSUR[u] if th.kec.judul_ikm == "nama" else u for u in unsur]
    kolom = ["no", "periode", "tanggal", "layanan", *unsur]
    nilai = [th.ikm[k].tolist() if isinstance(th.ikm[k], np.ndarray) else th.ikm[k]
             for k in kolom]
    return _csv([["no", "periode", "tanggal", "layanan", *judul]] + list(zip(*nilai, strict=True)))


def _kategori_lain(benar: str, skala: str) -> str:
    """A category two bands away from `benar` on `skala` (what the scale does not give)."""
    nama = list(muat_skala(skala)["kategori"])
    i = nama.index(benar)
    return nama[i + 2] if i + 2 < len(nama) else nama[i - 2]


def tersaji(th: Tahun, h: Hitungan) -> str:
    k, skala = th.kec, th.kec.skala
    b = lambda a: _desimal(a.bulat, "polos")  # noqa: E731
    baris = [["realisasi", kode, b(h.realisasi[kode]), "Tabel 3.2"] for kode in susunan(k)]
    baris += [["capaian", kode, b(a), "Tabel 3.2"] for kode, a in h.capaian.items()]
    baris += [["capaian_sasaran", s, b(a), "Tabel 3.3"] for s, a in h.capaian_sasaran.items()]
    baris += [["kategori_kinerja", s, kategori(a.bulat, skala), "Tabel 3.3"]
              for s, a in h.capaian_sasaran.items()]
    baris += [
        ["kategori_kinerja", "keseluruhan", kategori(h.keseluruhan.bulat, skala),
         "Ikhtisar Eksekutif; Bab IV"],
        ["ikm_tahun", "", b(h.ikm_tahun.angka), "Bab III teks IKM"],
        ["mutu_ikm", "", mutu_ikm(h.ikm_tahun.nilai)[1], "Bab III teks IKM"],
        ["responden_ikm", "", len(th.ikm["no"]), "Bab III teks IKM"],
        ["pagu_murni", "total", sum(r["murni"] or 0 for r in th.anggaran), "Tabel 2.5 (JUMLAH)"],
        ["pagu_perubahan", "total", h.pagu_total, "Tabel 2.5 (JUMLAH)"],
        ["realisasi_anggaran", "total", h.realisasi_total, "Tabel 3.6 (Jumlah)"],
        ["penyerapan", "total", b(h.penyerapan), "Tabel 3.6 (Jumlah)"],
        ["kategori_anggaran", "", kategori(h.penyerapan.bulat, skala), "Bab IV"],
        ["jumlah_desa", "pembilang", sum(th.daftar["desa"]), "Bab III butir desa"],
        ["jumlah_desa", "penyebut", len(th.desa), "Bab III butir desa"],
    ]
    for pejabat_ in ("camat", "sekcam"):
        rows = [r for r in th.pk_anggaran if r[0] == pejabat_]
        baris.append(["pk_total_anggaran", pejabat_, sum(r[4] for r in rows),
                      f"Lampiran PK {pejabat_}"])
    sekcam = [r[5] for r in th.pk_anggaran if r[0] == "sekcam"]
    baris += [[f"pk_total_tw{i + 1}", "sekcam", sum(tw[i] for tw in sekcam), "Lampiran PK sekcam"]
              for i in range(4)]
    return _csv([["besaran", "kunci", "nilai", "sumber"]] + baris)


def narasi(th: Tahun, h: Hitungan) -> dict[str, str]:
    k, rng, d = th.kec, th.rng, f"{th.tahun}/narasi"
    nama = k.nama
    isu = rng.choice([
        "Masih kurangnya pegawai yang sesuai dengan tugas pokok dan fungsinya;",
        "Masih kurangnya sarana dan prasarana pelayanan;",
        "Belum optimalnya publikasi informasi pemerintahan di media sosial;",
        "Masih rendahnya kehadiran masyarakat dalam Musrenbang desa;",
        "Belum meratanya tata kelola pemerintahan desa yang baik;"], size=3, replace=False)
    return {
        f"{d}/gambaran_umum.md": (
            f"## Struktur Organisasi\n\nKecamatan {nama} Kabupaten Pemalang dipimpin oleh "
            "Camat dan dibantu Sekretaris Kecamatan, dua Kepala Subbagian dan empat Kepala "
            f"Seksi.\n\n*Data sintetis untuk demonstrasi; bukan data resmi Kecamatan {nama}.*\n"),
        f"{d}/isu_strategis.md": "".join(f"{i}. {t}\n" for i, t in enumerate(isu, start=1)),
        f"{d}/permasalahan.md": (
            "### Indeks Kepuasan Masyarakat\n\n1. Unsur penanganan pengaduan masih rendah "
            f"(IKM {_desimal(h.ikm_tahun.nilai, 'indonesia')}).\n"),
        f"{d}/solusi.md": "1. Menyediakan kanal pengaduan yang mudah dan cepat.\n",
        f"{d}/program_pendukung.md": "".join(
            f"{i}. {p}\n" for i, (p, _) in enumerate(PROGRAM, start=1)),
        f"{d}/inovasi.md": f"Kecamatan {nama} mengembangkan layanan administrasi daring.\n",
        f"{d}/rencana_tindak_lanjut.md": "1. Meningkatkan kualitas pengukuran kinerja.\n",
    }


# ---------------------------------------------------------------- deliberate errors


def _catat(th: Tahun, jenis, berkas, baris, kolom, kunci, tertulis, seharusnya, ket) -> None:
    th.kesalahan.append(dict(kecamatan=th.kec.slug, tahun=th.tahun, jenis=jenis,
                             berkas=f"{th.kec.slug}/{th.tahun}/{berkas}", baris=baris,
                             kolom=kolom, kunci=kunci, tertulis=tertulis,
                             seharusnya=seharusnya, keterangan=ket))


def _ganti_baris(teks: str, kunci: tuple, kolom: int, nilai) -> tuple[str, int]:
    """Replace cell `kolom` of the first row starting with `kunci`; return text and its row."""
    baris = list(csv.reader(io.StringIO(teks)))
    i = next(i for i, b in enumerate(baris) if tuple(b[: len(kunci)]) == kunci)
    baris[i][kolom] = str(nilai)
    return _csv(baris), i + 1


def gandakan_desa(th: Tahun) -> None:
    """A desa listed twice (as the seed lists Sambeng twice), marked ya both times."""
    th.desa.append(th.desa[1])
    th.daftar["desa"].append(True)


def sisipkan_kesalahan(th: Tahun, jenis: str, h: Hitungan) -> None:
    d, f = str(th.tahun), th.berkas
    if jenis == "total_salah":
        salah = h.pagu_total + 10_000_000
        f[f"{d}/tersaji.csv"], r = _ganti_baris(f[f"{d}/tersaji.csv"],
                                                ("pagu_perubahan", "total"), 2, salah)
        _catat(th, jenis, "tersaji.csv", r, "nilai", "pagu_perubahan total", salah,
               h.pagu_total, "jumlah pagu perubahan tertulis salah (lebih Rp 10.000.000)")
    elif jenis == "tw_tidak_sesuai":
        teks = f[f"{d}/pk_anggaran.csv"]
        baris = list(csv.reader(io.StringIO(teks)))
        i = next(i for i, b in enumerate(baris) if b[0] == "sekcam" and b[4] == "1.5")
        gaya = th.kec.gaya
        tw3 = int(baris[i][8].replace(".", "")) + 1_000_000
        baris[i][8] = _rp(tw3, gaya)
        f[f"{d}/pk_anggaran.csv"] = _csv(baris)
        f[f"{d}/tersaji.csv"], _ = _ganti_baris(  # the stated TW III total follows the row
            f[f"{d}/tersaji.csv"], ("pk_total_tw3", "sekcam"), 2,
            sum(r[5][2] for r in th.pk_anggaran if r[0] == "sekcam") + 1_000_000)
        _catat(th, jenis, "pk_anggaran.csv", i + 1, "tw3", "sekcam 1.5", baris[i][8],
               "TW I–IV berjumlah sama dengan anggaran " + baris[i][5],
               "rincian TW I–IV tidak berjumlah sama dengan anggaran (lebih Rp 1.000.000)")
    elif jenis == "desa_ganda":  # written by gandakan_desa before the figures are computed
        n = len(th.desa)
        _catat(th, jenis, "desa.csv", n + 1, "nama_desa", th.desa[-1], th.desa[-1],
               "setiap desa tercantum sekali", f"desa {th.desa[-1]} tercantum dua kali "
               f"(baris {th.desa.index(th.desa[-1]) + 2} dan {n + 1})")
    elif jenis == "kategori_salah":
        benar = kategori(h.keseluruhan.bulat, th.kec.skala)
        salah = _kategori_lain(benar, th.kec.skala)
        f[f"{d}/tersaji.csv"], r = _ganti_baris(f[f"{d}/tersaji.csv"],
                                                ("kategori_kinerja", "keseluruhan"), 2, salah)
        _catat(th, jenis, "tersaji.csv", r, "nilai", "kategori_kinerja keseluruhan", salah,
               benar, f"kategori tertulis tidak sesuai skala {th.kec.skala} untuk capaian "
               f"{_desimal(h.keseluruhan.bulat, 'indonesia')} %")
    else:  # pragma: no cover - the plan only names the kinds above
        raise ValueError(jenis)


# ---------------------------------------------------------------- the whole kecamatan


def buat_kecamatan(seed: int, indeks: int, nama: str) -> tuple[dict[str, str], list[dict]]:
    """Every file of one kecamatan (path under its folder → text) and its deliberate errors."""
    k = buat_kec(seed, indeks, nama)
    realisasi = buat_realisasi(k, seed)
    berkas: dict[str, str] = {}
    kesalahan: list[dict] = []
    rencana = {(i, t): j for i, t, j in RENCANA_KESALAHAN}
    for tahun in TAHUN:
        th = Tahun(k, tahun, np.random.default_rng([seed, indeks, tahun]))
        for langkah in (buat_anggaran, buat_pk_anggaran, buat_realisasi_anggaran, buat_daftar,
                        buat_ikm):
            langkah(th)
        if rencana.get((indeks, tahun)) == "desa_ganda":
            gandakan_desa(th)
        pohon = buat_komposit(th)
        serapan = penyerapan_angka(sum(th.realisasi_anggaran.values()),
                                   sum(v for kd, v in pagu(th).items() if "." not in kd))
        realisasi[("IKU-04", tahun)] = serapan.bulat
        h = hitung_tahun(th, pohon, realisasi)
        th.berkas = berkas_tahun(th, pohon, h)
        th.berkas |= berkas_triwulan(seed, th, h)  # quarterly realisasi (issue 18)
        if (indeks, tahun) in rencana:
            sisipkan_kesalahan(th, rencana[(indeks, tahun)], h)
        if (indeks, tahun) in RENCANA_TW:
            th.kesalahan.append(sisipkan_kesalahan_tw(th, RENCANA_TW[(indeks, tahun)]))
        berkas |= th.berkas
        kesalahan += th.kesalahan
    return renstra(k, realisasi) | berkas, kesalahan


def _aman_ditimpa(folder: Path) -> bool:
    """Only a folder of synthetic data (every profil says sintetis = ya) may be replaced."""
    for p in folder.glob("*/profil.csv"):
        baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8-sig"))))
        if len(baris) < 2 or baris[1][-1].strip().lower() not in ("ya", "y", "1", "true"):
            return False
    return True


def _tulis_kecamatan(out: Path, nama_slug: str, berkas: dict[str, str]) -> None:
    folder = out / nama_slug
    if folder.exists():
        if not _aman_ditimpa(folder):
            raise LkjipError(Masalah(str(folder), pesan=(
                "berisi data yang bukan sintetis (profil.csv: sintetis = tidak); "
                "tidak ditimpa. Pilih folder lain dengan --out.")))
        shutil.rmtree(folder)
    for sub in sorted({str(Path(jalur).parent) for jalur in berkas}):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for jalur, isi in berkas.items():
        (folder / jalur).write_bytes(isi.encode("utf-8"))


def tulis(out_dir, jumlah: int | None = None, seed: int = SEED) -> list[str]:
    """Write the synthetic kecamatan under `out_dir`; return their folder names.

    Without `jumlah`: the 13 kecamatan of Pemalang besides Bantarbolang. With it: N
    kecamatan ``sintetis-0001``…. The manifest of deliberate errors goes to
    ``<out_dir>/KESALAHAN_SENGAJA.csv``.
    """
    out = Path(out_dir)
    n = len(KECAMATAN) if jumlah is None else int(jumlah)
    if n < 1:
        raise LkjipError(Masalah("(argumen) --jumlah", nilai=str(jumlah), harapan="angka ≥ 1"))
    out.mkdir(parents=True, exist_ok=True)
    semua, nama_folder = [], []
    for i in range(n):
        nama = nama_kecamatan(i, jumlah)
        berkas, kesalahan = buat_kecamatan(seed, i, nama)
        _tulis_kecamatan(out, slug(nama), berkas)
        semua += kesalahan
        nama_folder.append(slug(nama))
    manifest = _csv([KOLOM_MANIFEST] + [[e[k] for k in KOLOM_MANIFEST] for e in semua])
    (out / MANIFEST).write_text(manifest, encoding="utf-8", newline="\n")
    return nama_folder


def baca_manifest(out_dir) -> pd.DataFrame:
    """The deliberate errors written by `tulis`, one row each."""
    return pd.read_csv(Path(out_dir) / MANIFEST, dtype=str, keep_default_na=False)
