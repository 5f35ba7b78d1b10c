"""The fixed world of the synthetic kecamatan: names, programs, the Renstra, the plan of
deliberate errors, and how numbers are typed (`lkjip.sintetis`)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from lkjip.angka import bulatkan
from lkjip.ikm import UNSUR

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


def baris_csv(baris: list, pemisah: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah, lineterminator="\n").writerows(baris)
    return buf.getvalue()


def desimal(x, gaya: str) -> str:
    """A number with 2 decimals as typed: ``82.5`` plain or ``82,50`` Indonesian.

    >>> desimal(Decimal("82.5"), "polos"), desimal(82.456, "indonesia"), desimal(90, "polos")
    ('82.50', '82,46', '90')
    """
    d = bulatkan(Decimal(str(x)))
    if d == d.to_integral_value():
        return str(int(d))
    teks = f"{d:.2f}"
    return teks.replace(".", ",") if gaya == "indonesia" else teks


def rupiah(x: int, gaya: str) -> str:
    """Rupiah as typed: ``2522467250`` or ``2.522.467.250``.

    >>> rupiah(2522467250, "indonesia"), rupiah(750000, "polos")
    ('2.522.467.250', '750000')
    """
    return f"{int(x):,}".replace(",", ".") if gaya == "indonesia" else str(int(x))


def ribu(x: float) -> int:
    return int(round(x / 1000)) * 1000


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
