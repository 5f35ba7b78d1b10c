"""One declarative schema per input file (pandera), validated lazily.

Files are read as text first (as an analyst typed them); each column declares its type,
whether it may be empty, its allowed values and uniqueness. `skema(nama)` turns that into
a pandera `DataFrameSchema` whose checks carry, as their error text, what was expected in
Bahasa Indonesia, so every failure becomes a `Masalah` naming file, row, column and value.

>>> BERKAS["renstra/indikator.csv"].kolom_nama()[:3]
['kode_indikator', 'kode_sasaran', 'indikator']
>>> skema("renstra/tujuan.csv").strict
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pandera.pandas as pa

from lkjip.bilangan import baca_angka, baca_ya_tidak

UNSUR_KOLOM = [
    "persyaratan", "prosedur", "waktu", "biaya", "produk",
    "kompetensi", "perilaku", "pengaduan", "sarana",
]
JABATAN = [
    "Camat", "Sekretaris Kecamatan", "Kepala Seksi", "Kepala Sub Bagian",
    "Pelaksana", "Tenaga Honorer",
]
PENDIDIKAN = ["SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
GOLONGAN = ["I", "II", "III", "IV"]
TINGKAT_ANGGARAN = ["program", "kegiatan", "sub_kegiatan"]
SKALA = ["bantarbolang-2023", "permendagri-86-2017", "permenpan-88-2021"]
DAFTAR = ["desa", "pengaduan", "data_publik", "layanan_pelimpahan"]
PERIODE = ["tahun", "TW1", "TW2", "TW3", "TW4", "S1", "S2"]


# --- element checks on typed text -------------------------------------------------------

def _bisa(fungsi, teks: str) -> bool:
    try:
        fungsi(teks)
    except (ValueError, TypeError, ArithmeticError):
        return False
    return True


# A typed number has at most 15 digits before the decimal point and 6 after it: Rupiah up to
# hundreds of trillions, and no value so large (or so small) that the formulas overflow the
# Decimal precision or an integer column (9999…9 in a Rupiah cell, 1e-30 as a target).
ANGKA_MAKS = Decimal(10) ** 15
DESIMAL_MAKS = 6
BATAS_ANGKA = "paling banyak 15 angka sebelum koma dan 6 sesudahnya"


def adalah_angka(teks: str) -> bool:
    """A number as typed, within the bounds above.

    >>> adalah_angka("2.522.467.250"), adalah_angka("9" * 16), adalah_angka("0,0000001")
    (True, False, False)
    """
    if not _bisa(baca_angka, teks):
        return False
    d = baca_angka(teks)
    return abs(d) < ANGKA_MAKS and -d.normalize().as_tuple().exponent <= DESIMAL_MAKS


def adalah_rupiah(teks: str) -> bool:
    if not adalah_angka(teks):
        return False
    nilai = baca_angka(teks)
    return nilai >= 0 and nilai == nilai.to_integral_value()


def adalah_bulat(teks: str) -> bool:
    return adalah_angka(teks) and baca_angka(teks) == baca_angka(teks).to_integral_value()


def adalah_tahun(teks: str) -> bool:
    return re.fullmatch(r"(19|20)[0-9]{2}", teks.strip()) is not None


def adalah_tanggal(teks: str) -> bool:
    return _bisa(lambda t: date.fromisoformat(t.strip()), teks)


def adalah_target(teks: str) -> bool:
    """A PK target: a number, or `a/b` as written (`10/1` people per activity)."""
    bagian = teks.split("/")
    return len(bagian) <= 2 and all(adalah_angka(b) for b in bagian)


def adalah_slug(teks: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", teks) is not None


def adalah_jawaban(teks: str) -> bool:
    return teks.strip() in {"1", "2", "3", "4"}


def adalah_ya_tidak(teks: str) -> bool:
    return _bisa(baca_ya_tidak, teks)


def adalah_nip(teks: str) -> bool:
    return re.fullmatch(r"\d{18}", teks.replace(" ", "")) is not None


TIPE = {
    # name: (predicate, what is expected, in Bahasa Indonesia)
    "teks": (lambda t: t.strip() != "", "teks yang tidak kosong"),
    "kode": (lambda t: t.strip() != "", "kode yang tidak kosong"),
    "angka": (adalah_angka, f"angka (mis. 82,94 atau 2.522.467.250; {BATAS_ANGKA})"),
    "rupiah": (adalah_rupiah, "jumlah Rupiah bulat tidak negatif (mis. 2.522.467.250) "
                              "di bawah 1.000 triliun"),
    "bulat": (adalah_bulat, "bilangan bulat (paling banyak 15 angka)"),
    "tahun": (adalah_tahun, "tahun empat angka (mis. 2023)"),
    "tanggal": (adalah_tanggal, "tanggal TTTT-BB-HH (mis. 2024-01-31)"),
    "target": (adalah_target, f"angka atau pecahan a/b (mis. 94,69 atau 10/1; {BATAS_ANGKA})"),
    "slug": (adalah_slug, "nama folder huruf kecil tanpa spasi (mis. bantarbolang)"),
    "jawaban": (adalah_jawaban, "jawaban 1, 2, 3 atau 4"),
    "ya_tidak": (adalah_ya_tidak, "ya atau tidak"),
    "nip": (adalah_nip, "NIP 18 angka (spasi boleh)"),
}


@dataclass(frozen=True)
class Kolom:
    nama: str
    tipe: str = "teks"
    kosong: bool = False
    pilihan: tuple[str, ...] = ()
    unik: bool = False

    def harapan(self) -> str:
        if self.pilihan:
            return "salah satu dari: " + ", ".join(self.pilihan)
        return TIPE[self.tipe][1]

    def sah(self, teks: str) -> bool:
        if teks.strip() == "":
            return self.kosong
        if self.pilihan:
            return teks.strip() in self.pilihan
        return TIPE[self.tipe][0](teks)


@dataclass(frozen=True)
class Berkas:
    kolom: tuple[Kolom, ...]
    wajib: bool = True
    min_baris: int = 0
    maks_baris: int | None = None
    unik_bersama: tuple[str, ...] = ()
    keterangan: str = ""
    kolom_bebas: bool = field(default=False)

    def kolom_nama(self) -> list[str]:
        return [k.nama for k in self.kolom]


def K(nama, tipe="teks", kosong=False, pilihan=(), unik=False) -> Kolom:  # noqa: N802
    return Kolom(nama, tipe, kosong, tuple(pilihan), unik)


_TW_RUPIAH = tuple(K(f"tw{i}", "rupiah", kosong=True) for i in range(1, 5))
_TW_TARGET = tuple(K(f"tw{i}", "target", kosong=True) for i in range(1, 5))

BERKAS: dict[str, Berkas] = {
    "renstra/tujuan.csv": Berkas((K("kode_tujuan", "kode", unik=True), K("tujuan")), min_baris=1),
    "renstra/sasaran.csv": Berkas(
        (K("kode_sasaran", "kode", unik=True), K("kode_tujuan", "kode"), K("sasaran")),
        min_baris=1,
    ),
    "renstra/indikator.csv": Berkas(
        (
            K("kode_indikator", "kode", unik=True), K("kode_sasaran", "kode"), K("indikator"),
            K("satuan"), K("arah", pilihan=("naik", "turun")),
            K("metode", pilihan=("rasio", "selisih", "kebalikan")),
            K("akumulasi_tw", pilihan=("jumlah", "terakhir", "maks", "rerata")),
            K("sumber_realisasi", pilihan=("langsung", "komposit", "ikm")),
            K("target_akhir", "angka", kosong=True),
        ),
        min_baris=1,
    ),
    "renstra/target.csv": Berkas(
        (K("kode_indikator", "kode"), K("tahun", "tahun"), K("target", "angka")),
        unik_bersama=("kode_indikator", "tahun"),
    ),
    "renstra/realisasi.csv": Berkas(
        (
            K("kode_indikator", "kode"), K("tahun", "tahun"), K("periode", pilihan=PERIODE),
            K("realisasi", "angka", kosong=True),
        ),
        wajib=False, unik_bersama=("kode_indikator", "tahun", "periode"),
    ),
    "renstra/strategi.csv": Berkas(
        (K("kode_strategi", "kode", unik=True), K("kode_sasaran", "kode"), K("strategi")),
        wajib=False,
    ),
    "renstra/kebijakan.csv": Berkas(
        (K("kode_kebijakan", "kode", unik=True), K("kode_strategi", "kode"), K("kebijakan")),
        wajib=False,
    ),
    "profil.csv": Berkas(
        (
            K("kecamatan", "slug"), K("nama_kecamatan"), K("kabupaten"), K("provinsi"),
            K("tahun", "tahun"), K("alamat"), K("kode_pos"), K("email", kosong=True),
            K("camat_nama"), K("camat_nip", "nip"), K("camat_pangkat"),
            K("renstra_awal", "tahun"), K("renstra_akhir", "tahun"),
            K("skala", pilihan=SKALA),
            K("metode_ikm_tahunan", pilihan=("rerata_semester", "gabungan")),
            K("populasi_ikm", "bulat", kosong=True),
            K("tempat_laporan"), K("tanggal_laporan", "tanggal"), K("sintetis", "ya_tidak"),
        ),
        min_baris=1, maks_baris=1,
    ),
    "pegawai.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("nama", kosong=True),
            K("jabatan", pilihan=JABATAN), K("status", pilihan=("PNS", "Honorer")),
            K("pendidikan", pilihan=PENDIDIKAN), K("golongan", kosong=True, pilihan=GOLONGAN),
        ),
        min_baris=1,
    ),
    "sarpras.csv": Berkas(
        (K("no", "bulat", unik=True), K("jenis"), K("jumlah", "angka", kosong=True), K("satuan")),
        wajib=False,
    ),
    "pejabat.csv": Berkas(
        (
            K("kode_pejabat", "kode", unik=True), K("nama"), K("nip", "nip", kosong=True),
            K("jabatan"), K("kode_atasan", "kode", kosong=True),
            K("nama_atasan", kosong=True), K("jabatan_atasan", kosong=True),
            K("tanggal_pk", "tanggal"),
        ),
        min_baris=1,
    ),
    "pk_indikator.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"), K("sasaran"), K("indikator"),
            K("kode_indikator", "kode", kosong=True), K("satuan"), K("target", "target"),
        ) + _TW_TARGET,
        min_baris=1, unik_bersama=("kode_pejabat", "no"),
    ),
    "pk_anggaran.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"), K("uraian"),
            K("tingkat", pilihan=TINGKAT_ANGGARAN), K("kode_anggaran", "kode"),
            K("anggaran", "rupiah"),
        ) + _TW_RUPIAH,
        wajib=False, unik_bersama=("kode_pejabat", "no"),
    ),
    "anggaran.csv": Berkas(
        (
            K("kode", "kode", unik=True), K("kode_induk", "kode", kosong=True),
            K("tingkat", pilihan=TINGKAT_ANGGARAN), K("nama"),
            K("kode_sasaran", "kode", kosong=True),
            K("pagu_murni", "rupiah", kosong=True), K("pagu_perubahan", "rupiah", kosong=True),
        ),
        min_baris=1,
    ),
    "realisasi_anggaran.csv": Berkas(
        (
            K("tingkat", pilihan=("sasaran",) + tuple(TINGKAT_ANGGARAN)), K("kode", "kode"),
            K("realisasi", "rupiah"),
        ),
        wajib=False, unik_bersama=("tingkat", "kode"),
    ),
    "komposit.csv": Berkas(
        (
            K("kode_node", "kode", unik=True), K("kode_induk", "kode", kosong=True),
            K("kode_indikator", "kode", kosong=True), K("nama"),
            K("jenis", pilihan=("rerata", "rasio", "nilai", "ikm")),
            K("pembilang", "angka", kosong=True), K("penyebut", "angka", kosong=True),
            K("nilai", "angka", kosong=True), K("daftar", kosong=True, pilihan=DAFTAR),
            K("urutan", "bulat"),
        ),
        wajib=False,
    ),
    "desa.csv": Berkas(
        (K("no", "bulat", unik=True), K("nama_desa"), K("tata_kelola_baik", "ya_tidak")),
        wajib=False,
    ),
    "pengaduan.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("uraian"), K("desa", kosong=True),
            K("selesai", "ya_tidak"),
        ),
        wajib=False,
    ),
    "data_publik.csv": Berkas(
        (K("no", "bulat", unik=True), K("jenis_data"), K("dipublikasikan", "ya_tidak")),
        wajib=False,
    ),
    "layanan_pelimpahan.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("jenis_layanan"), K("tersedia", "ya_tidak"),
            K("jumlah", "bulat", kosong=True),
        ),
        wajib=False,
    ),
    "ikm_responden.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("periode", pilihan=("S1", "S2")),
            K("tanggal", "tanggal", kosong=True), K("layanan", kosong=True),
        ) + tuple(K(u, "jawaban") for u in UNSUR_KOLOM),
        wajib=False,
    ),
    "ikm_nrr.csv": Berkas(
        (
            K("periode", pilihan=("S1", "S2", "tahun")), K("unsur", pilihan=UNSUR_KOLOM),
            K("nrr", "angka"), K("responden", "bulat"),
        ),
        wajib=False, unik_bersama=("periode", "unsur"),
    ),
    "tersaji.csv": Berkas(
        (K("besaran", "kode"), K("kunci", kosong=True), K("nilai"), K("sumber")),
        wajib=False,
    ),
}

# The synthetic survey has the same columns as the real one.
BERKAS["ikm_responden_sintetis.csv"] = BERKAS["ikm_responden.csv"]


def _cek_kolom(kolom: Kolom) -> pa.Check:
    return pa.Check(kolom.sah, element_wise=True, error=kolom.harapan())


def skema(nama: str) -> pa.DataFrameSchema:
    """The pandera schema of one input file (its columns hold text as typed)."""
    berkas = BERKAS[nama]
    kolom = {
        k.nama: pa.Column(object, checks=[_cek_kolom(k)], unique=k.unik, nullable=False)
        for k in berkas.kolom
    }
    unik = list(berkas.unik_bersama) or None
    return pa.DataFrameSchema(kolom, strict=True, unique=unik, name=nama)
