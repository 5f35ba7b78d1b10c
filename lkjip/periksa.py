"""Consistency checks: every contradiction in what a kecamatan typed, with its place and values.

`periksa(data)` compares every stated figure (``tersaji.csv``) with the figure lkjip computes
(`lkjip.hitung`), and the inputs with each other (totals and their parts, TW splits and the
year, PK and DPA and Renstra, lists and counts, names). Each finding is a `Temuan`: severity,
rule, file and row, the stated and the computed value and one sentence in Bahasa Indonesia.
Stated figures are never used to compute anything; a stated figure no rule can check is
reported as info, so nothing typed is silently ignored.

Severities: **galat** = two figures contradict each other (one of them is wrong);
**peringatan** = probably wrong or incomplete, but there may be a reason; **info** = worth
knowing, nothing to fix (a difference from rounding alone, a figure that cannot be checked).

======================== ============================================================ ==========
aturan                   what is compared                                             tingkat
======================== ============================================================ ==========
tahun-renstra            the year inside the Renstra period; stated tahun_ke_renstra  galat
                         vs tahun − renstra_awal + 1
jumlah-anggaran          stated pagu_murni / pagu_perubahan / selisih_perubahan       galat
                         (per kode and total) vs the DPA tree; belanja operasi +
                         modal vs pagu murni; a realisasi row vs its parts
anggaran-sasaran         Tabel 2.2 anggaran_program_sasaran and Tabel 3.6             galat
                         pagu_sasaran / realisasi_anggaran vs the DPA and inputs
penyerapan               stated penyerapan vs realisasi / pagu × 100                  galat, info
realisasi-melebihi-pagu  realisasi anggaran above the pagu it spends                  galat
pk-jumlah-anggaran       stated PK total and TW I–IV totals vs the sum of its rows    galat
pk-tw-anggaran           each PK budget row: TW I + … + TW IV vs its anggaran         galat
pk-anggaran-dpa          PK budget rows per (tingkat, kode_anggaran) vs DPA pagu      galat,
                         perubahan (peringatan when they equal the pagu murni)        peringatan
pk-tw-target             TW I–IV targets vs the year's target (the Renstra            peringatan
                         akumulasi_tw for a Renstra indicator; else sum or last)
pk-indikator-renstra     a Renstra indicator without a PK row of the Camat; a Camat   peringatan,
                         row without kode_indikator (matches a Renstra indicator:     info
                         peringatan; otherwise a program row: info)
pk-target-renstra        PK target vs the Renstra target of the year                  galat
indikator-tanpa-target   a Renstra indicator with no target this year                 peringatan
persen-0-100             a percentage (satuan %) outside 0–100: realisasi, targets,   galat
                         composite nodes
realisasi-indikator      stated realisasi vs computed (composite, IKM, typed)         galat, info
komposit                 stated value of a composite node vs computed                 galat, info
capaian-indikator        stated capaian vs computed                                   galat, info
capaian-sasaran          stated capaian sasaran vs computed                           galat, info
progres-renstra          stated progress to the Renstra end target vs computed        galat, info
ikm                      stated IKM of the year, per semester, per unsur, number of   galat, info
                         respondents, mutu vs computed from the survey
ikm-tahun-periode        stated IKM of the year vs its stated semesters (profile's    galat
                         metode_ikm_tahunan)
ikm-sampel               respondents vs the Krejcie–Morgan minimum for populasi_ikm   peringatan,
                         (info when the population is unknown)                        info
kategori                 stated category vs the scale in force: on the computed       galat
                         figure, and on the stated figure printed in the same place
daftar-jumlah            stated counts (jumlah_desa, …) vs the list                   galat
daftar-ganda             the same entry twice in a list (after normalising case and   galat,
                         spaces); peringatan for complaints, which may repeat         peringatan
jumlah-pegawai           stated personnel counts vs pegawai.csv                       galat
ejaan-nama               one spelling per name: people (pejabat, profil, pegawai),    peringatan
                         kecamatan and kabupaten in titles, desa in complaints
tidak-diperiksa          a stated figure no rule checks or whose kunci is unknown     info,
                         (peringatan when the kunci or the value is unreadable)       peringatan
======================== ============================================================ ==========

A difference from rounding alone is info: the stated value equals the computed one rounded
to fewer decimals, or truncated, or lies within 0,01 of it (87,86 for 87,8657).

>>> ringkasan_temuan([])
'Pemeriksaan data tidak menemukan masalah.'
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal
from html import escape
from pathlib import PurePosixPath

import pandas as pd

from lkjip.angka import Angka, bulatkan, ke_decimal
from lkjip.bilangan import baca_angka
from lkjip.capaian import capaian_angka
from lkjip.format import format_angka
from lkjip.hitung import DAFTAR, Hasil, hitung
from lkjip.ikm import krejcie_morgan, kunci_unsur
from lkjip.muat import DataKecamatan
from lkjip.skala import kategori, muat_skala

TINGKAT = ("galat", "peringatan", "info")
ATURAN = (
    "tahun-renstra", "jumlah-anggaran", "anggaran-sasaran", "penyerapan",
    "realisasi-melebihi-pagu", "pk-jumlah-anggaran", "pk-tw-anggaran", "pk-anggaran-dpa",
    "pk-tw-target", "pk-indikator-renstra", "pk-target-renstra", "indikator-tanpa-target",
    "persen-0-100", "realisasi-indikator", "komposit", "capaian-indikator", "capaian-sasaran",
    "progres-renstra", "ikm", "ikm-tahun-periode", "ikm-sampel", "kategori", "daftar-jumlah",
    "daftar-ganda", "jumlah-pegawai", "ejaan-nama", "tidak-diperiksa",
)
JUDUL_ATURAN = {
    "tahun-renstra": "Tahun dalam periode Renstra",
    "jumlah-anggaran": "Jumlah anggaran dan rinciannya",
    "anggaran-sasaran": "Anggaran program dan sasaran",
    "penyerapan": "Penyerapan anggaran",
    "realisasi-melebihi-pagu": "Realisasi anggaran melebihi pagu",
    "pk-jumlah-anggaran": "Jumlah anggaran Perjanjian Kinerja",
    "pk-tw-anggaran": "Rincian triwulan anggaran PK",
    "pk-anggaran-dpa": "Anggaran PK dan DPA",
    "pk-tw-target": "Rincian triwulan target PK",
    "pk-indikator-renstra": "Indikator PK dan Renstra",
    "pk-target-renstra": "Target PK dan Renstra",
    "indikator-tanpa-target": "Indikator tanpa target tahun ini",
    "persen-0-100": "Persentase di luar 0–100",
    "realisasi-indikator": "Realisasi indikator",
    "komposit": "Indikator komposit",
    "capaian-indikator": "Capaian indikator",
    "capaian-sasaran": "Capaian sasaran",
    "progres-renstra": "Progres terhadap target akhir Renstra",
    "ikm": "Indeks Kepuasan Masyarakat",
    "ikm-tahun-periode": "IKM tahunan dan semesternya",
    "ikm-sampel": "Jumlah responden IKM",
    "kategori": "Kategori capaian",
    "daftar-jumlah": "Jumlah entri daftar",
    "daftar-ganda": "Entri ganda dalam daftar",
    "jumlah-pegawai": "Jumlah pegawai",
    "ejaan-nama": "Ejaan nama",
    "tidak-diperiksa": "Angka tersaji yang tidak dapat diperiksa",
}
MIRIP = 0.85  # difflib ratio from which two different names are taken as one name misspelt
TOLERANSI_PEMBULATAN = Decimal("0.01")


@dataclass(frozen=True)
class Temuan:
    """One finding: severity, rule, place, the stated and computed values, one sentence.

    `nomor` is given by `periksa` in the order of the list; `id` is the anchor report cells
    link to.

    >>> t = Temuan("galat", "tahun-renstra", "x/2023/profil.csv", 2, "profil", nomor=3)
    >>> t.id, t.letak
    ('temuan-3', 'profil.csv baris 2')
    """

    tingkat: str
    aturan: str
    berkas: str
    baris: int | None
    tempat: str
    besaran: str | None = None
    kunci: str | None = None
    tersaji: str | None = None
    terhitung: str | None = None
    pesan: str = ""
    nomor: int = 0

    @property
    def id(self) -> str:
        """The HTML anchor of this finding in the appendix."""
        return f"temuan-{self.nomor}"

    @property
    def letak(self) -> str:
        """File name and row: ``tersaji.csv baris 3``."""
        nama = PurePosixPath(self.berkas).name
        return nama if self.baris is None else f"{nama} baris {self.baris}"


# ---------------------------------------------------------------- numbers and names


def _desimal(d: Decimal) -> int:
    """Decimal places as typed: 83.20 → 2, 40 → 0."""
    return max(-d.as_tuple().exponent, 0)


def beda_angka(tersaji, terhitung) -> str | None:
    """None when the stated value equals the computed one as printed, 'info' when the
    difference comes from rounding alone, else 'galat'.

    >>> [beda_angka(Decimal(s), Decimal(c)) for s, c in [("87.87", "87.8657"),
    ...  ("87.86", "87.8657"), ("40", "40.0"), ("86.8", "86.8148"), ("87.86", "91.6832")]]
    [None, 'info', None, 'info', 'galat']
    """
    s, c = ke_decimal(tersaji), ke_decimal(terhitung)
    d = _desimal(s)
    if s == bulatkan(c, max(d, 2)):
        return None
    if s == bulatkan(c, d) or s == c.quantize(Decimal(1).scaleb(-d), rounding=ROUND_DOWN):
        return "info"
    return "info" if abs(s - c) <= TOLERANSI_PEMBULATAN else "galat"


def _rp(x) -> str:
    return "Rp " + format_angka(x, 0)


def _persen(x) -> str:
    return format_angka(x, 2)


def _seperti_tertulis(d: Decimal) -> str:
    return format_angka(d, None)


def normal_teks(teks) -> str:
    """Lowercase words of letters and digits, single-spaced.

    >>> normal_teks("  Sambeng ") == normal_teks("SAMBENG"), normal_teks("Kab. Pemalang")
    (True, 'kab pemalang')
    """
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(teks).lower()).split())


_GELAR_DEPAN = re.compile(r"^((dr|drs|dra|ir|h|hj|prof|plt|plh)\.?\s+)+", re.IGNORECASE)


def normal_nama(nama) -> str:
    """A person's name without titles (after the first comma, or before it), case, punctuation.

    >>> normal_nama("WALUYO, S.STP,MP."), normal_nama("Drs. H. Mansur  Hidayat, M.Si")
    ('waluyo', 'mansur hidayat')
    """
    inti = str(nama).split(",")[0].strip()
    return normal_teks(_GELAR_DEPAN.sub("", inti))


def mirip(a: str, b: str) -> float:
    """difflib similarity of two normalised texts."""
    return difflib.SequenceMatcher(None, a, b).ratio()


def _kosong(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v)) or str(v).strip() == ""


# ---------------------------------------------------------------- context


class _Konteks:
    """What the rules need: the data, the computed model, and how to name places."""

    def __init__(self, data: DataKecamatan, hasil: Hasil):
        self.data, self.hasil = data, hasil
        self.tersaji = [r | {"kunci": None if _kosong(r["kunci"]) else str(r["kunci"]).strip()}
                        for r in data.tersaji.to_dict("records")]

    def berkas(self, tabel: str) -> str:
        return self.data.berkas.get(tabel, f"{tabel}.csv")

    def temuan(self, tingkat, aturan, tabel, baris, tempat, pesan, **kw) -> Temuan:
        baris = None if baris is None else int(baris)
        return Temuan(tingkat, aturan, self.berkas(tabel), baris, tempat, pesan=pesan, **kw)

    def dari_tersaji(self, row, tingkat, aturan, pesan, tersaji=None, terhitung=None) -> Temuan:
        return self.temuan(tingkat, aturan, "tersaji", row["_baris"], _tempat_tersaji(row),
                           pesan, besaran=row["besaran"], kunci=row["kunci"], tersaji=tersaji,
                           terhitung=terhitung)

    def tersaji_dari(self, besaran: str) -> list[dict]:
        return [r for r in self.tersaji if r["besaran"] == besaran]


def _tempat_tersaji(row) -> str:
    kunci = f" {row['kunci']}" if not _kosong(row["kunci"]) else ""
    return f"{row['sumber']} ({row['besaran']}{kunci})"


def _tempat_sumber(sumber: str) -> set[str]:
    """The places a stated figure is printed, normalised, without the remarks in brackets.

    >>> sorted(_tempat_sumber("Bab IV (capaian 92,90%); Tabel 3.6"))
    ['bab iv', 'tabel 3 6']
    """
    return {normal_teks(re.sub(r"\(.*?\)", "", b)) for b in str(sumber).split(";")} - {""}


def _angka_tersaji(row) -> Decimal | None:
    try:
        return baca_angka(row["nilai"])
    except ValueError:
        return None


# ---------------------------------------------------------------- comparing stated figures


def _tak_terbaca(k: _Konteks, row, apa="angka") -> list[Temuan]:
    pesan = f"Nilai tersaji '{row['nilai']}' bukan {apa} sehingga tidak dapat diperiksa."
    return [k.dari_tersaji(row, "peringatan", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


def _kunci_asing(k: _Konteks, row, apa: str) -> list[Temuan]:
    pesan = (f"Kunci '{row['kunci'] or ''}' untuk {row['besaran']} tidak dikenal sebagai {apa}, "
             "sehingga angka ini tidak dapat diperiksa.")
    return [k.dari_tersaji(row, "peringatan", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


def _tidak_terhitung(k: _Konteks, row, alasan: str) -> list[Temuan]:
    pesan = f"Angka tersaji {row['nilai']} tidak dapat diperiksa: {alasan}."
    return [k.dari_tersaji(row, "info", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


def _banding(k, row, aturan, apa, terhitung, *, rupiah=False, bulat=False, catatan="",
             tambahan: Callable[[Decimal], str] | None = None) -> list[Temuan]:
    """Compare one stated number with a computed one (Angka, Decimal or int)."""
    s = _angka_tersaji(row)
    if s is None:
        return _tak_terbaca(k, row)
    c = ke_decimal(terhitung)
    if c is None:
        return _tidak_terhitung(k, row, f"{apa} tidak dapat dihitung dari data")
    if rupiah or bulat:
        tingkat = None if s == c else "galat"
        ts, tc = (_rp(s), _rp(c)) if rupiah else (format_angka(s, 0), format_angka(c, 0))
    else:
        tingkat = beda_angka(s, c)
        ts, tc = _seperti_tertulis(s), _persen(c)
    if tingkat is None:
        return []
    if tingkat == "info":
        pesan = (f"{apa} tersaji {ts}, terhitung {format_angka(c, 4)}: selisihnya hanya karena "
                 "pembulatan.")
    else:
        lagi = tambahan(s) if tambahan else ""
        pesan = f"{apa} tersaji {ts}, padahal terhitung {tc}{catatan}{lagi}."
    return [k.dari_tersaji(row, tingkat, aturan, pesan, tersaji=ts, terhitung=tc)]


# --- budget

def _pagu_tree(k: _Konteks, kolom: str, kunci) -> Decimal | None:
    tree = k.hasil.anggaran
    if kunci == "total":
        return Decimal(sum(int(v) for v in tree.loc[tree["tingkat"] == "program", kolom]))
    baris = tree[tree["kode"] == kunci]
    return Decimal(int(baris.iloc[0][kolom])) if len(baris) else None


_KOLOM_TREE = {"pagu_murni": ("pagu_murni", "Pagu murni"),
               "pagu_perubahan": ("pagu_perubahan", "Pagu perubahan"),
               "selisih_perubahan": ("selisih", "Selisih pagu perubahan − murni")}


def _cek_pagu(k: _Konteks, row) -> list[Temuan]:
    kolom, apa = _KOLOM_TREE[row["besaran"]]
    c = _pagu_tree(k, kolom, row["kunci"])
    if c is None:
        return _kunci_asing(k, row, "kode anggaran.csv atau 'total'")
    nama = "seluruh program" if row["kunci"] == "total" else f"kode {row['kunci']}"
    return _banding(k, row, "jumlah-anggaran", f"{apa} {nama}", c, rupiah=True,
                    catatan=" sebagai jumlah rinciannya di anggaran.csv")


def _cek_program_sasaran(k: _Konteks, row) -> list[Temuan]:
    c = _pagu_tree(k, "pagu_perubahan", row["kunci"])
    if c is None:
        return _kunci_asing(k, row, "kode program atau 'total'")
    nama = "seluruh program" if row["kunci"] == "total" else f"program {row['kunci']}"
    return _banding(k, row, "anggaran-sasaran", f"Anggaran {nama} pada tabel sasaran-program",
                    c, rupiah=True, catatan=" sebagai pagu perubahan DPA")


def _per_sasaran(k: _Konteks, row, ambil) -> Angka | Decimal | None:
    sasaran = k.hasil.sasaran
    if row["kunci"] == "total" or (_kosong(row["kunci"]) and len(sasaran) == 1):
        nilai = [ke_decimal(ambil(s)) for s in sasaran.values()]
        return None if None in nilai or not nilai else sum(nilai, Decimal(0))
    s = sasaran.get(row["kunci"])
    return None if s is None else ambil(s)


def _cek_pagu_sasaran(k: _Konteks, row) -> list[Temuan]:
    if row["kunci"] != "total" and row["kunci"] not in k.hasil.sasaran:
        return _kunci_asing(k, row, "kode sasaran atau 'total'")
    c = _per_sasaran(k, row, lambda s: s.pagu)
    return _banding(k, row, "anggaran-sasaran", f"Pagu sasaran {row['kunci']}", c, rupiah=True,
                    catatan=" sebagai jumlah pagu perubahan programnya")


def _cek_realisasi_anggaran(k: _Konteks, row) -> list[Temuan]:
    if row["kunci"] != "total" and row["kunci"] not in k.hasil.sasaran:
        return _kunci_asing(k, row, "kode sasaran atau 'total'")
    c = _per_sasaran(k, row, lambda s: s.realisasi_anggaran)
    return _banding(k, row, "anggaran-sasaran", f"Realisasi anggaran {row['kunci']}", c,
                    rupiah=True, catatan=" menurut realisasi_anggaran.csv")


def _cek_penyerapan(k: _Konteks, row) -> list[Temuan]:
    if row["kunci"] in (None, "total", "keseluruhan"):
        c, nama = k.hasil.penyerapan, "keseluruhan"
    elif row["kunci"] in k.hasil.sasaran:
        c, nama = k.hasil.sasaran[row["kunci"]].penyerapan, f"sasaran {row['kunci']}"
    else:
        return _kunci_asing(k, row, "kode sasaran atau 'total'")
    return _banding(k, row, "penyerapan", f"Penyerapan anggaran {nama}", c,
                    catatan=" (realisasi / pagu × 100)")


def _cek_belanja(k: _Konteks, row) -> list[Temuan]:
    """Belanja operasi + belanja modal vs the pagu murni total (checked on the operasi row)."""
    pasangan = {"belanja_operasi": "belanja_modal", "belanja_modal": "belanja_operasi"}
    lain = k.tersaji_dari(pasangan[row["besaran"]])
    if not lain:
        return _tidak_terhitung(k, row, "rincian belanja per jenis tidak ada di data; hanya "
                                "jumlah belanja operasi dan modal yang dapat diperiksa")
    if row["besaran"] == "belanja_modal":
        return []
    a, b = _angka_tersaji(row), _angka_tersaji(lain[0])
    if a is None or b is None:
        return _tak_terbaca(k, row)
    c = _pagu_tree(k, "pagu_murni", "total")
    if a + b == c:
        return []
    pesan = (f"Belanja operasi {_rp(a)} + belanja modal {_rp(b)} = {_rp(a + b)}, padahal "
             f"pagu murni terhitung {_rp(c)}.")
    return [k.dari_tersaji(row, "galat", "jumlah-anggaran", pesan, _rp(a + b), _rp(c))]


_NAMA_TW = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}


def _cek_pk_total(k: _Konteks, row) -> list[Temuan]:
    kolom = {"pk_total_anggaran": "anggaran"}.get(row["besaran"], row["besaran"][-3:])
    pk = k.hasil.pk_anggaran.set_index("kode_pejabat")
    if row["kunci"] not in pk.index:
        return _kunci_asing(k, row, "kode pejabat yang punya baris di pk_anggaran.csv")
    c = pk.loc[row["kunci"], kolom]
    apa = "Total anggaran" if kolom == "anggaran" else f"Total {_NAMA_TW[kolom]}"
    if pd.isna(c):
        return _tidak_terhitung(k, row, f"kolom {kolom} PK {row['kunci']} kosong")
    return _banding(k, row, "pk-jumlah-anggaran", f"{apa} PK {row['kunci']}", int(c),
                    rupiah=True, catatan=" sebagai jumlah baris-barisnya di pk_anggaran.csv")


# --- indicators

def _indikator(k: _Konteks, row):
    return k.hasil.indikator.get(row["kunci"])


def _nama_ind(i) -> str:
    return f"{i.kode} ({i.indikator})"


def _cek_realisasi(k: _Konteks, row) -> list[Temuan]:
    i = _indikator(k, row)
    if i is None:
        return _kunci_asing(k, row, "kode indikator")
    asal = {"komposit": " dari komponennya (komposit.csv)",
            "ikm": " dari survei IKM"}.get(i.sumber_realisasi, "")
    return _banding(k, row, "realisasi-indikator", f"Realisasi {_nama_ind(i)}", i.realisasi,
                    catatan=asal)


def _cek_komposit(k: _Konteks, row) -> list[Temuan]:
    c = k.hasil.komposit.get(row["kunci"])
    if c is None:
        return _kunci_asing(k, row, "kode_node komposit.csv")
    return _banding(k, row, "komposit", f"Nilai {row['kunci']} ({c.label})", c,
                    catatan=f" ({c.uraian()})")


def _cek_capaian(k: _Konteks, row) -> list[Temuan]:
    i = _indikator(k, row)
    if i is None:
        return _kunci_asing(k, row, "kode indikator")

    def tambahan(s: Decimal) -> str:
        return _capaian_dari_tersaji(k, i, s)

    return _banding(k, row, "capaian-indikator", f"Capaian {_nama_ind(i)}", i.capaian,
                    tambahan=tambahan)


def _capaian_dari_tersaji(k: _Konteks, i, s: Decimal) -> str:
    """', sesuai realisasi tersaji X yang berbeda dari terhitung' when that explains it."""
    for r in k.tersaji_dari("realisasi"):
        real = _angka_tersaji(r) if r["kunci"] == i.kode else None
        if real is None or i.target is None:
            continue
        dari = capaian_angka(real, i.target, i.arah, i.metode)
        if dari.nilai is not None and beda_angka(s, dari.nilai) != "galat":
            return (f"; angka tersaji itu berasal dari realisasi tersaji {_seperti_tertulis(real)}"
                    f", bukan realisasi terhitung {_persen(i.realisasi.nilai)}")
    return ""


def _cek_capaian_sasaran(k: _Konteks, row) -> list[Temuan]:
    s = k.hasil.sasaran.get(row["kunci"])
    if s is None:
        return _kunci_asing(k, row, "kode sasaran")
    return _banding(k, row, "capaian-sasaran", f"Capaian sasaran {s.kode}", s.capaian,
                    catatan=f" sebagai rerata capaian indikatornya ({', '.join(s.indikator)})")


def _cek_progres(k: _Konteks, row) -> list[Temuan]:
    i = _indikator(k, row)
    if i is None:
        return _kunci_asing(k, row, "kode indikator")
    catatan = "" if i.target_akhir is None else \
        f" ({_persen(i.realisasi.nilai)} / {_persen(i.target_akhir.nilai)} × 100)"
    return _banding(k, row, "progres-renstra", f"Progres {i.kode} terhadap target akhir Renstra",
                    i.progres, catatan=catatan)


def _cek_progres_sasaran(k: _Konteks, row) -> list[Temuan]:
    s = k.hasil.sasaran.get(row["kunci"])
    if s is None:
        return _kunci_asing(k, row, "kode sasaran")
    return _banding(k, row, "progres-renstra", f"Progres sasaran {s.kode} terhadap target akhir "
                    "Renstra", s.progres, catatan=" sebagai rerata progres indikatornya")


# --- IKM

def _cek_ikm_tahun(k: _Konteks, row) -> list[Temuan]:
    h = k.hasil.ikm_tahun
    return _banding(k, row, "ikm", f"IKM tahun {k.data.tahun}", None if h is None else h.angka,
                    catatan=f" dari survei ({k.data.profil['metode_ikm_tahunan']})")


def _cek_ikm_semester(k: _Konteks, row) -> list[Temuan]:
    h = k.hasil.ikm_semester.get(row["kunci"])
    if h is None:
        return _kunci_asing(k, row, "periode survei IKM (S1, S2)")
    return _banding(k, row, "ikm", f"IKM semester {row['kunci']}", h.angka)


def _cek_nilai_unsur(k: _Konteks, row) -> list[Temuan]:
    unsur, h = kunci_unsur(row["kunci"] or ""), k.hasil.ikm_tahun
    if unsur is None:
        return _kunci_asing(k, row, "unsur IKM")
    c = None if h is None else Decimal(str(h.nilai_unsur[unsur]))
    return _banding(k, row, "ikm", f"Nilai unsur {unsur}", c)


def _cek_responden(k: _Konteks, row) -> list[Temuan]:
    h = k.hasil.ikm_tahun
    c = None if h is None else h.responden
    return _banding(k, row, "ikm", "Jumlah responden IKM", c, bulat=True)


def _cek_mutu(k: _Konteks, row) -> list[Temuan]:
    h = k.hasil.ikm_tahun
    if h is None:
        return _tidak_terhitung(k, row, "IKM tahun ini tidak dapat dihitung")
    if normal_teks(row["nilai"]) in (normal_teks(h.mutu), normal_teks(h.kinerja)):
        return []
    pesan = (f"Mutu IKM tersaji '{row['nilai']}', padahal IKM terhitung {h.nilai} bermutu "
             f"{h.mutu} ({h.kinerja}).")
    return [k.dari_tersaji(row, "galat", "ikm", pesan, row["nilai"], f"{h.mutu} ({h.kinerja})")]


# --- categories

_PASANGAN_KATEGORI = {"kategori_kinerja": "capaian_sasaran", "kategori_anggaran": "penyerapan"}


def _cek_kategori(k: _Konteks, row) -> list[Temuan]:
    terhitung = _kategori_terhitung(k, row)
    if terhitung is False:
        return _kunci_asing(k, row, "kode sasaran atau 'keseluruhan'")
    hasil = []
    if terhitung is not None and not _kategori_sama(row["nilai"], terhitung, k.hasil.skala):
        apa = "kinerja" if row["besaran"] == "kategori_kinerja" else "anggaran"
        pesan = (f"Kategori {apa} tersaji '{row['nilai']}', padahal skala {k.hasil.skala} "
                 f"memberi '{terhitung}' untuk angka terhitung.")
        hasil.append(k.dari_tersaji(row, "galat", "kategori", pesan, row["nilai"], terhitung))
    return hasil + _kategori_angka_sendiri(k, row)


def _kategori_terhitung(k: _Konteks, row):
    """The computed category; False when the kunci is unknown."""
    kunci = row["kunci"]
    if _kosong(kunci) or kunci in ("keseluruhan", "total"):
        return k.hasil.kategori_kinerja if row["besaran"] == "kategori_kinerja" \
            else k.hasil.kategori_anggaran
    s = k.hasil.sasaran.get(kunci)
    if s is None:
        return False
    return s.kategori if row["besaran"] == "kategori_kinerja" else k.hasil.kategori(s.penyerapan)


def _kategori_sama(tersaji: str, nama: str, skala: str) -> bool:
    """A stated category names the band by its name or its code ('Sedang' or 'S')."""
    df = muat_skala(skala)
    kode = dict(zip(df["kategori"], df["kode"], strict=True)).get(nama, "")
    return normal_teks(tersaji) in {normal_teks(nama), normal_teks(kode)}


def _kategori_angka_sendiri(k: _Konteks, row) -> list[Temuan]:
    """The stated category against the stated figure printed in the same place."""
    calon = _angka_pasangan(k, row)
    if not calon:
        return []
    nilai = [(r, _angka_tersaji(r)) for r in calon]
    nilai = [(r, v) for r, v in nilai if v is not None]
    if not nilai or any(_kategori_sama(row["nilai"], kategori(v, k.hasil.skala), k.hasil.skala)
                        for _, v in nilai):
        return []
    r, v = nilai[0]
    menurut = kategori(v, k.hasil.skala)
    pesan = (f"Kategori tersaji '{row['nilai']}' bertentangan dengan angka tersajinya sendiri "
             f"{_seperti_tertulis(v)} ({r['sumber']}), yang menurut skala {k.hasil.skala} "
             f"berkategori '{menurut}'.")
    return [k.dari_tersaji(row, "galat", "kategori", pesan, row["nilai"], menurut)]


def _angka_pasangan(k: _Konteks, row) -> list[dict]:
    """Stated figures the category belongs to; those printed in the same place if any."""
    kunci = row["kunci"]
    if _kosong(kunci) or kunci in ("keseluruhan", "total"):
        sah = {None, "", "total", "keseluruhan"}
        if len(k.hasil.sasaran) == 1:
            sah |= set(k.hasil.sasaran)
    else:
        sah = {kunci}
    calon = [r for r in k.tersaji_dari(_PASANGAN_KATEGORI[row["besaran"]]) if r["kunci"] in sah]
    tempat = _tempat_sumber(row["sumber"])
    sama = [r for r in calon if _tempat_sumber(r["sumber"]) & tempat]
    return sama or calon


# --- lists, personnel, the Renstra year

def _cek_daftar(k: _Konteks, row) -> list[Temuan]:
    nama = row["besaran"].removeprefix("jumlah_")
    if row["kunci"] not in ("pembilang", "penyebut"):
        return _kunci_asing(k, row, "'pembilang' atau 'penyebut'")
    pembilang, penyebut = k.hasil.daftar[nama]
    c = pembilang if row["kunci"] == "pembilang" else penyebut
    apa = f"Jumlah {DAFTAR[nama][1]}" if row["kunci"] == "pembilang" \
        else f"Jumlah seluruh entri {nama}"
    return _banding(k, row, "daftar-jumlah", apa, c, bulat=True,
                    catatan=f" dari {PurePosixPath(k.berkas(nama)).name}")


def _cek_pegawai(k: _Konteks, row) -> list[Temuan]:
    from lkjip.pegawai import JUMLAH, tabel_jabatan

    tabel = tabel_jabatan(k.data.pegawai)[JUMLAH]
    peta = {normal_teks(j): j for j in tabel.index} | {"total": JUMLAH}
    jabatan = peta.get(normal_teks(row["kunci"] or ""))
    if jabatan is None:
        return _tidak_terhitung(k, row, "hanya jumlah per jabatan (Tabel 1.1) dan 'total' yang "
                                "diperiksa")
    return _banding(k, row, "jumlah-pegawai", f"Jumlah pegawai {jabatan}", int(tabel[jabatan]),
                    bulat=True, catatan=" dari pegawai.csv")


def _cek_tahun_ke(k: _Konteks, row) -> list[Temuan]:
    p = k.data.profil
    c = k.data.tahun - int(p["renstra_awal"]) + 1
    s = _angka_tersaji(row)
    if s is None:
        return _tak_terbaca(k, row)
    if s == c:
        return []
    pesan = (f"Tahun {k.data.tahun} adalah tahun ke-{c} Renstra {p['renstra_awal']}–"
             f"{p['renstra_akhir']}, bukan tahun ke-{_seperti_tertulis(s)} seperti tersaji.")
    return [k.dari_tersaji(row, "galat", "tahun-renstra", pesan, _seperti_tertulis(s), str(c))]


PEMERIKSA_TERSAJI: dict[str, Callable[[_Konteks, dict], list[Temuan]]] = {
    "realisasi": _cek_realisasi, "capaian": _cek_capaian, "capaian_sasaran": _cek_capaian_sasaran,
    "kategori_kinerja": _cek_kategori, "kategori_anggaran": _cek_kategori,
    "progres_renstra": _cek_progres, "progres_sasaran": _cek_progres_sasaran,
    "komposit": _cek_komposit, "ikm_tahun": _cek_ikm_tahun, "ikm_semester": _cek_ikm_semester,
    "nilai_unsur": _cek_nilai_unsur, "responden_ikm": _cek_responden, "mutu_ikm": _cek_mutu,
    "pagu_murni": _cek_pagu, "pagu_perubahan": _cek_pagu, "selisih_perubahan": _cek_pagu,
    "anggaran_program_sasaran": _cek_program_sasaran, "pk_total_anggaran": _cek_pk_total,
    "pk_total_tw1": _cek_pk_total, "pk_total_tw2": _cek_pk_total, "pk_total_tw3": _cek_pk_total,
    "pk_total_tw4": _cek_pk_total, "realisasi_anggaran": _cek_realisasi_anggaran,
    "penyerapan": _cek_penyerapan, "pagu_sasaran": _cek_pagu_sasaran,
    "jumlah_desa": _cek_daftar, "jumlah_pengaduan": _cek_daftar,
    "jumlah_data_publik": _cek_daftar, "jumlah_layanan_pelimpahan": _cek_daftar,
    "jumlah_pegawai": _cek_pegawai, "belanja_operasi": _cek_belanja,
    "belanja_modal": _cek_belanja, "tahun_ke_renstra": _cek_tahun_ke,
}


def cek_tersaji(k: _Konteks) -> list[Temuan]:
    """Every stated figure against what is computed (or info: it cannot be checked)."""
    hasil = []
    for row in k.tersaji:
        cek = PEMERIKSA_TERSAJI.get(row["besaran"])
        if cek is None:
            hasil += _tidak_terhitung(k, row, f"tidak ada aturan untuk besaran '{row['besaran']}'")
        else:
            hasil += cek(k, row)
    return hasil


# ---------------------------------------------------------------- rules on the inputs


def cek_tahun(k: _Konteks) -> list[Temuan]:
    """The report year inside the Renstra period."""
    p = k.data.profil
    awal, akhir = int(p["renstra_awal"]), int(p["renstra_akhir"])
    if awal <= k.data.tahun <= akhir:
        return []
    pesan = f"Tahun laporan {k.data.tahun} berada di luar periode Renstra {awal}–{akhir}."
    return [k.temuan("galat", "tahun-renstra", "profil", 2, "profil (renstra_awal, "
                     "renstra_akhir)", pesan, tersaji=str(k.data.tahun),
                     terhitung=f"{awal}–{akhir}")]


def cek_realisasi_anggaran(k: _Konteks) -> list[Temuan]:
    """Realisasi above its pagu, and a realisasi row against the rows of its parts."""
    df, tree = k.data.realisasi_anggaran, k.hasil.anggaran.set_index("kode")
    hasil = []
    for _, r in df.iterrows():
        pagu = k.hasil.sasaran[r["kode"]].pagu.nilai if r["tingkat"] == "sasaran" \
            else Decimal(int(tree.loc[r["kode"], "pagu_perubahan"]))
        if int(r["realisasi"]) > pagu:
            pesan = (f"Realisasi anggaran {r['tingkat']} {r['kode']} {_rp(r['realisasi'])} "
                     f"melebihi pagunya {_rp(pagu)}.")
            hasil.append(k.temuan("galat", "realisasi-melebihi-pagu", "realisasi_anggaran",
                                  r["_baris"], f"{r['tingkat']} {r['kode']}", pesan,
                                  tersaji=_rp(r["realisasi"]), terhitung=_rp(pagu)))
        hasil += _realisasi_bagian(k, r)
    return hasil


def _realisasi_bagian(k: _Konteks, r) -> list[Temuan]:
    df, tree = k.data.realisasi_anggaran, k.hasil.anggaran
    if r["tingkat"] == "sasaran":
        anak = set(tree.loc[(tree["tingkat"] == "program")
                            & (tree["kode_sasaran"] == r["kode"]), "kode"])
        bagian = df[(df["tingkat"] == "program") & df["kode"].isin(anak)]
    else:
        anak = set(tree.loc[tree["kode_induk"] == r["kode"], "kode"])
        bagian = df[(df["tingkat"] != "sasaran") & df["kode"].isin(anak)]
    if not len(bagian):
        return []
    jumlah = sum(int(v) for v in bagian["realisasi"])
    if jumlah == int(r["realisasi"]):
        return []
    pesan = (f"Realisasi anggaran {r['tingkat']} {r['kode']} {_rp(r['realisasi'])}, padahal "
             f"jumlah realisasi rinciannya (baris {_daftar_baris(bagian)}) {_rp(jumlah)}.")
    return [k.temuan("galat", "jumlah-anggaran", "realisasi_anggaran", r["_baris"],
                     f"{r['tingkat']} {r['kode']}", pesan, tersaji=_rp(r["realisasi"]),
                     terhitung=_rp(jumlah))]


def _daftar_baris(df) -> str:
    return ", ".join(str(int(b)) for b in df["_baris"])


def cek_pk_tw_anggaran(k: _Konteks) -> list[Temuan]:
    """Each PK budget row: TW I + … + TW IV against its anggaran."""
    hasil = []
    for _, r in k.data.pk_anggaran.iterrows():
        tw = [r[f"tw{i}"] for i in range(1, 5)]
        if all(pd.isna(v) for v in tw):
            continue
        jumlah = sum(int(v) for v in tw if not pd.isna(v))
        if jumlah == int(r["anggaran"]):
            continue
        pesan = (f"Anggaran PK {r['kode_pejabat']} no {r['no']} ({r['uraian']}) tersaji "
                 f"{_rp(r['anggaran'])}, padahal TW I–IV berjumlah {_rp(jumlah)}.")
        hasil.append(k.temuan("galat", "pk-tw-anggaran", "pk_anggaran", r["_baris"],
                              f"PK {r['kode_pejabat']} no {r['no']}", pesan,
                              tersaji=_rp(r["anggaran"]), terhitung=_rp(jumlah)))
    return hasil


def cek_pk_anggaran_dpa(k: _Konteks) -> list[Temuan]:
    """PK budget rows summed per (tingkat, kode_anggaran) against the DPA pagu perubahan."""
    df, tree = k.data.pk_anggaran, k.hasil.anggaran.set_index("kode")
    hasil = []
    for (tingkat, kode), g in df.groupby(["tingkat", "kode_anggaran"], sort=False):
        jumlah = sum(int(v) for v in g["anggaran"])
        ubah, murni = (int(tree.loc[kode, c]) for c in ("pagu_perubahan", "pagu_murni"))
        if jumlah != ubah:
            hasil.append(_pk_dpa(k, g, tingkat, kode, jumlah, ubah, murni))
    return hasil


def _pk_dpa(k, g, tingkat, kode, jumlah, ubah, murni) -> Temuan:
    pejabat = ", ".join(dict.fromkeys(g["kode_pejabat"]))
    jamak = len(g) > 1
    apa = f"{len(g)} baris {tingkat} PK {pejabat} (no {', '.join(str(n) for n in g['no'])})" \
        if jamak else f"Anggaran PK {pejabat} no {g.iloc[0]['no']} ({g.iloc[0]['uraian']})"
    kata = "berjumlah" if jamak else "tersaji"
    sama_murni = jumlah == murni
    lagi = "; angka itu sama dengan pagu murni (sebelum perubahan)" if sama_murni else ""
    pesan = (f"{apa} untuk kode anggaran {kode} {kata} {_rp(jumlah)}, padahal pagu perubahan "
             f"DPA {_rp(ubah)}{lagi}.")
    tempat = f"PK {pejabat} no {', '.join(str(n) for n in g['no'])} (kode {kode})"
    return k.temuan("peringatan" if sama_murni else "galat", "pk-anggaran-dpa", "pk_anggaran",
                    g["_baris"].min(), tempat, pesan, tersaji=_rp(jumlah), terhitung=_rp(ubah))


# --- PK targets

def _pecah(teks) -> tuple[Decimal, ...] | None:
    """'17/14' → (17, 14); '82' → (82,); empty → None."""
    if _kosong(teks):
        return None
    try:
        return tuple(baca_angka(b) for b in str(teks).split("/"))
    except ValueError:
        return None


def _komponen(nilai, n: int) -> tuple[Decimal, ...]:
    """A TW value as n parts ('0' for an a/b target is 0/0)."""
    if nilai is None:
        return (Decimal(0),) * n
    return nilai if len(nilai) == n else nilai[:1] * n if nilai[0] == 0 else nilai


_AKUMULASI = {
    "jumlah": lambda v: sum(v, Decimal(0)), "terakhir": lambda v: v[-1], "maks": max,
    "rerata": lambda v: sum(v, Decimal(0)) / len(v),
}


def _akumulasi_cocok(tw: list[tuple], target: tuple, cara: Iterable[str]) -> bool:
    """Every part of the target is met by the TW values under one of the ways."""
    return all(any(bulatkan(_AKUMULASI[c]([t[i] for t in tw])) == bulatkan(target[i])
                   for c in cara) for i in range(len(target)))


def cek_pk_tw_target(k: _Konteks) -> list[Temuan]:
    """TW I–IV targets against the year's target."""
    cara_ind = dict(zip(k.data.indikator["kode_indikator"], k.data.indikator["akumulasi_tw"],
                        strict=True))
    hasil = []
    for _, r in k.data.pk_indikator.iterrows():
        target, tw = _pecah(r["target"]), [_pecah(r[f"tw{i}"]) for i in range(1, 5)]
        if target is None or all(t is None for t in tw):
            continue
        tw = [_komponen(t, len(target)) for t in tw]
        if any(len(t) != len(target) for t in tw):
            continue
        cara = (cara_ind[r["kode_indikator"]],) if not _kosong(r["kode_indikator"]) \
            else ("jumlah", "terakhir")
        if not _akumulasi_cocok(tw, target, cara):
            hasil.append(_temuan_tw_target(k, r, tw, target, cara))
    return hasil


def _temuan_tw_target(k, r, tw, target, cara) -> Temuan:
    teks_tw = ", ".join(r[f"tw{i}"] or "–" for i in range(1, 5))
    if len(cara) == 1:
        lain = [c for c in _AKUMULASI if c != cara[0] and _akumulasi_cocok(tw, target, (c,))]
        sebab = f"akumulasi '{cara[0]}' indikator {r['kode_indikator']} di Renstra"
        saran = f" (cocok dengan akumulasi '{lain[0]}')" if lain else ""
    else:
        sebab, saran = "", ""
    cara_teks = f" menurut {sebab}{saran}" if sebab else \
        ", baik sebagai jumlahnya maupun sebagai nilai TW IV"
    pesan = (f"Target TW I–IV ({teks_tw}) PK {r['kode_pejabat']} no {r['no']} tidak menghasilkan "
             f"target tahunan {r['target']}{cara_teks}.")
    return k.temuan("peringatan", "pk-tw-target", "pk_indikator", r["_baris"],
                    f"PK {r['kode_pejabat']} no {r['no']}", pesan, tersaji=str(r["target"]),
                    terhitung=teks_tw)


def _pejabat_puncak(k: _Konteks) -> set[str]:
    p = k.data.pejabat
    return set(p.loc[p["kode_atasan"].map(_kosong), "kode_pejabat"])


def cek_pk_renstra(k: _Konteks) -> list[Temuan]:
    """Renstra indicators in the Camat's PK, and Camat rows without kode_indikator."""
    pk = k.data.pk_indikator
    ada = set(pk["kode_indikator"].dropna())
    hasil = []
    for _, i in k.data.indikator.iterrows():
        if i["kode_indikator"] not in ada:
            pesan = (f"Indikator Renstra {i['kode_indikator']} ({i['indikator']}) tidak ada di "
                     "Perjanjian Kinerja mana pun.")
            hasil.append(k.temuan("peringatan", "pk-indikator-renstra", "indikator", i["_baris"],
                                  i["kode_indikator"], pesan))
    camat = pk[pk["kode_pejabat"].isin(_pejabat_puncak(k)) & pk["kode_indikator"].map(_kosong)]
    return hasil + _pk_tanpa_kode(k, camat)


def _pk_tanpa_kode(k: _Konteks, rows: pd.DataFrame) -> list[Temuan]:
    renstra = {normal_teks(t): kode for kode, t in
               zip(k.data.indikator["kode_indikator"], k.data.indikator["indikator"], strict=True)}
    hasil, program = [], []
    for _, r in rows.iterrows():
        cocok = [kode for t, kode in renstra.items() if mirip(normal_teks(r["indikator"]), t)
                 >= MIRIP]
        if cocok:
            pesan = (f"Baris PK {r['kode_pejabat']} no {r['no']} ({r['indikator']}) tampak "
                     f"sebagai indikator Renstra {cocok[0]} tetapi kode_indikator-nya kosong.")
            hasil.append(k.temuan("peringatan", "pk-indikator-renstra", "pk_indikator",
                                  r["_baris"], f"PK {r['kode_pejabat']} no {r['no']}", pesan))
        else:
            program.append(r)
    if program:
        g = pd.DataFrame(program)
        pesan = (f"{len(g)} baris PK {g.iloc[0]['kode_pejabat']} tanpa kode_indikator (baris "
                 f"{_daftar_baris(g)}) tidak cocok dengan indikator Renstra mana pun, sehingga "
                 "dianggap indikator program dan targetnya tidak dibandingkan dengan Renstra.")
        hasil.append(k.temuan("info", "pk-indikator-renstra", "pk_indikator", g["_baris"].min(),
                              f"PK {g.iloc[0]['kode_pejabat']} baris {_daftar_baris(g)}", pesan))
    return hasil


def cek_pk_target(k: _Konteks) -> list[Temuan]:
    """PK targets of Renstra indicators against the Renstra target of the year."""
    hasil = []
    for _, r in k.data.pk_indikator.dropna(subset=["kode_indikator"]).iterrows():
        i = k.hasil.indikator[r["kode_indikator"]]
        if i.target is None or pd.isna(r["target_angka"]):
            continue
        s = baca_angka(r["target"])
        if s == i.target.nilai:
            continue
        pesan = (f"Target PK {r['kode_pejabat']} untuk {i.kode} tersaji {_seperti_tertulis(s)}, "
                 f"padahal target Renstra tahun {k.data.tahun} {_persen(i.target.nilai)}.")
        hasil.append(k.temuan("galat", "pk-target-renstra", "pk_indikator", r["_baris"],
                              f"PK {r['kode_pejabat']} no {r['no']}", pesan,
                              tersaji=_seperti_tertulis(s), terhitung=_persen(i.target.nilai)))
    return hasil


def cek_tanpa_target(k: _Konteks) -> list[Temuan]:
    """Renstra indicators with no target this year."""
    hasil = []
    for _, i in k.data.indikator.iterrows():
        if k.hasil.indikator[i["kode_indikator"]].target is None:
            pesan = (f"Indikator {i['kode_indikator']} ({i['indikator']}) tidak punya target "
                     f"tahun {k.data.tahun} di target.csv, sehingga capaiannya tidak dapat "
                     "dihitung.")
            hasil.append(k.temuan("peringatan", "indikator-tanpa-target", "indikator",
                                  i["_baris"], i["kode_indikator"], pesan))
    return hasil


# --- percentages

def _di_luar_persen(x) -> bool:
    d = ke_decimal(x)
    return d is not None and not Decimal(0) <= d <= Decimal(100)


def cek_persen(k: _Konteks) -> list[Temuan]:
    """A percentage (satuan %) outside 0–100 in realisasi, targets and composite nodes."""
    ind = k.data.indikator
    persen = set(ind.loc[ind["satuan"].str.strip() == "%", "kode_indikator"])
    hasil = []
    for tabel, kolom in (("realisasi", "realisasi"), ("target", "target")):
        df = getattr(k.data, tabel)
        for _, r in df[df["kode_indikator"].isin(persen)].iterrows():
            if _di_luar_persen(r[kolom]):
                hasil.append(_temuan_persen(k, tabel, r["_baris"], f"{kolom} {r['kode_indikator']}"
                                            f" {r['tahun']}", r[kolom]))
    hasil += _persen_pk(k)
    return hasil + _persen_komposit(k, persen)


def _persen_pk(k: _Konteks) -> list[Temuan]:
    hasil = []
    df = k.data.pk_indikator
    for _, r in df[df["satuan"].str.strip() == "%"].iterrows():
        for kolom in ("target", "tw1", "tw2", "tw3", "tw4"):
            if _di_luar_persen(r[f"{kolom}_angka"]):
                hasil.append(_temuan_persen(k, "pk_indikator", r["_baris"],
                                            f"{kolom} PK {r['kode_pejabat']} no {r['no']}",
                                            r[f"{kolom}_angka"]))
    return hasil


def _persen_komposit(k: _Konteks, persen: set) -> list[Temuan]:
    pohon = k.data.komposit
    if not len(pohon):
        return []
    induk = dict(zip(pohon["kode_node"], pohon["kode_induk"], strict=True))
    akar_ind = dict(zip(pohon["kode_node"], pohon["kode_indikator"], strict=True))
    hasil = []
    # only the nodes with their own figures: a mean of parts within 0–100 stays within it
    for _, r in pohon[pohon["jenis"] != "rerata"].iterrows():
        akar = r["kode_node"]
        while not _kosong(induk.get(akar)):
            akar = induk[akar]
        nilai = k.hasil.komposit.get(r["kode_node"])
        if akar_ind.get(akar) in persen and nilai is not None and _di_luar_persen(nilai.nilai):
            hasil.append(_temuan_persen(k, "komposit", r["_baris"], f"node {r['kode_node']}",
                                        nilai.nilai))
    return hasil


def _temuan_persen(k, tabel, baris, apa, nilai) -> Temuan:
    teks = _persen(nilai)
    pesan = f"Persentase {apa} bernilai {teks}, di luar rentang 0–100."
    return k.temuan("galat", "persen-0-100", tabel, baris, apa, pesan, terhitung=teks)


# --- IKM

def cek_ikm_periode(k: _Konteks) -> list[Temuan]:
    """The stated IKM of the year against its stated semesters (rerata_semester)."""
    tahun, semester = k.tersaji_dari("ikm_tahun"), k.tersaji_dari("ikm_semester")
    if k.data.profil["metode_ikm_tahunan"] != "rerata_semester" or not tahun or not semester:
        return []
    nilai = [_angka_tersaji(r) for r in semester]
    if None in nilai:
        return []
    rerata_s = sum(nilai, Decimal(0)) / len(nilai)
    hasil = []
    for row in tahun:
        s = _angka_tersaji(row)
        if s is None or beda_angka(s, rerata_s) != "galat":
            continue
        teks = " dan ".join(_seperti_tertulis(v) for v in nilai)
        pesan = (f"IKM tahun tersaji {_seperti_tertulis(s)}, padahal rerata IKM semester "
                 f"tersajinya ({teks}) adalah {_persen(rerata_s)}.")
        hasil.append(k.dari_tersaji(row, "galat", "ikm-tahun-periode", pesan,
                                    _seperti_tertulis(s), _persen(rerata_s)))
    return hasil


def cek_ikm_sampel(k: _Konteks) -> list[Temuan]:
    """Respondents against the Krejcie–Morgan minimum."""
    h = k.hasil.ikm_tahun
    if h is None or h.responden is None:
        return []
    populasi = k.data.profil.get("populasi_ikm")
    tempat = "profil (populasi_ikm)"
    if _kosong(populasi):
        pesan = (f"Jumlah responden IKM ({h.responden}) tidak dapat dibandingkan dengan sampel "
                 "minimum Krejcie–Morgan karena populasi_ikm tidak diisi.")
        return [k.temuan("info", "ikm-sampel", "profil", 2, tempat, pesan,
                         tersaji=str(h.responden))]
    minimum = krejcie_morgan(int(populasi))
    if h.responden >= minimum:
        return []
    pesan = (f"Jumlah responden IKM {h.responden} kurang dari sampel minimum Krejcie–Morgan "
             f"{minimum} untuk populasi {format_angka(populasi, 0)}.")
    tabel = "ikm_nrr" if k.data.sumber_ikm == "ikm_nrr.csv" else "ikm_responden"
    return [k.temuan("peringatan", "ikm-sampel", tabel, None, "survei IKM", pesan,
                     tersaji=str(h.responden), terhitung=str(minimum))]


# --- lists and names

_KOLOM_DAFTAR = {"desa": ("nama_desa", "Desa", "galat"),
                 "pengaduan": ("uraian", "Pengaduan", "peringatan"),
                 "data_publik": ("jenis_data", "Jenis data", "galat"),
                 "layanan_pelimpahan": ("jenis_layanan", "Jenis layanan", "galat")}


def cek_daftar_ganda(k: _Konteks) -> list[Temuan]:
    """The same entry twice in a list (after normalising case and spaces)."""
    hasil = []
    for nama, (kolom, apa, tingkat) in _KOLOM_DAFTAR.items():
        df = getattr(k.data, nama)
        for _, g in df.groupby(df[kolom].map(normal_teks), sort=False):
            if len(g) < 2:
                continue
            pesan = (f"{apa} '{g.iloc[0][kolom]}' tercantum {len(g)} kali (baris "
                     f"{_daftar_baris(g)}), sehingga daftar berisi {len(df)} entri tetapi hanya "
                     f"{df[kolom].map(normal_teks).nunique()} yang berbeda.")
            hasil.append(k.temuan(tingkat, "daftar-ganda", nama, g["_baris"].iloc[1],
                                  f"{nama} baris {_daftar_baris(g)}", pesan,
                                  tersaji=str(len(df)),
                                  terhitung=str(df[kolom].map(normal_teks).nunique())))
    return hasil


def _nama_orang(k: _Konteks) -> list[tuple[str, str, str, int]]:
    """(name as typed, table, column, row) of every person named in the data."""
    nama = [(k.data.profil["camat_nama"], "profil", "camat_nama", 2)]
    for tabel, kolom in (("pejabat", "nama"), ("pejabat", "nama_atasan"), ("pegawai", "nama")):
        df = getattr(k.data, tabel)
        nama += [(v, tabel, kolom, b) for v, b in zip(df[kolom], df["_baris"], strict=True)
                 if not _kosong(v)]
    return nama


def cek_ejaan(k: _Konteks) -> list[Temuan]:
    """One spelling per name: people, the kecamatan and kabupaten, desa in complaints."""
    return _ejaan_orang(k) + _ejaan_wilayah(k) + _ejaan_desa(k)


def _ejaan_orang(k: _Konteks) -> list[Temuan]:
    pertama: dict[str, tuple] = {}
    for item in _nama_orang(k):
        pertama.setdefault(normal_nama(item[0]), item)
    hasil, kunci = [], list(pertama)
    for i, a in enumerate(kunci):
        for b in kunci[i + 1:]:
            if a and b and mirip(a, b) >= MIRIP:
                hasil.append(_temuan_ejaan(k, pertama[a], pertama[b], "Nama"))
    return hasil


def _temuan_ejaan(k, a, b, apa) -> Temuan:
    pesan = (f"{apa} '{b[0]}' ({PurePosixPath(k.berkas(b[1])).name} baris {b[3]}, {b[2]}) "
             f"mirip '{a[0]}' ({PurePosixPath(k.berkas(a[1])).name} baris {a[3]}, {a[2]}); "
             "satu nama sebaiknya ditulis dengan satu ejaan.")
    return k.temuan("peringatan", "ejaan-nama", b[1], b[3], f"{b[1]} {b[2]}", pesan,
                    tersaji=str(b[0]), terhitung=str(a[0]))


_WILAYAH = (("kecamatan", "nama_kecamatan", r"\b(?:camat|kecamatan)\s+([a-z][a-z ]*)"),
            ("kabupaten", "kabupaten", r"\b(?:bupati|kabupaten)\s+([a-z][a-z ]*)"))


_KATA_SAMBUNG = {"dan", "di", "yang", "se", "atau", "pada", "tingkat"}


def _ejaan_wilayah(k: _Konteks) -> list[Temuan]:
    """'Camat X', 'Kabupaten Y' in the PK titles against the profile's names."""
    p, df, hasil = k.data.profil, k.data.pejabat, []
    for apa, kolom_profil, pola in _WILAYAH:
        benar = normal_teks(p[kolom_profil])
        for kolom in ("jabatan", "jabatan_atasan"):
            for v, b in zip(df[kolom], df["_baris"], strict=True):
                m = None if _kosong(v) else re.search(pola, normal_teks(v))
                if m and m.group(1).split()[0] not in _KATA_SAMBUNG \
                        and not m.group(1).startswith(benar):
                    pesan = (f"Nama {apa} pada '{v}' berbeda dari profil ('{p[kolom_profil]}'); "
                             "satu nama sebaiknya ditulis dengan satu ejaan.")
                    hasil.append(k.temuan("peringatan", "ejaan-nama", "pejabat", b,
                                          f"pejabat {kolom}", pesan, tersaji=str(v),
                                          terhitung=str(p[kolom_profil])))
    return hasil


def _ejaan_desa(k: _Konteks) -> list[Temuan]:
    """Desa named in complaints against the desa list."""
    desa = {normal_teks(d): d for d in k.data.desa["nama_desa"]}
    hasil = []
    for _, r in k.data.pengaduan.iterrows():
        nama = None if _kosong(r["desa"]) else normal_teks(r["desa"])
        if nama is None or nama in desa or not desa:
            continue
        dekat = max(desa, key=lambda d: mirip(nama, d))
        saran = f", mungkin '{desa[dekat]}'" if mirip(nama, dekat) >= MIRIP else ""
        pesan = f"Desa '{r['desa']}' pada pengaduan no {r['no']} tidak ada di daftar desa{saran}."
        hasil.append(k.temuan("peringatan", "ejaan-nama", "pengaduan", r["_baris"],
                              f"pengaduan no {r['no']}", pesan, tersaji=str(r["desa"]),
                              terhitung=desa[dekat] if saran else None))
    return hasil


PEMERIKSA: tuple[Callable[[_Konteks], list[Temuan]], ...] = (
    cek_tersaji, cek_tahun, cek_realisasi_anggaran, cek_pk_tw_anggaran, cek_pk_anggaran_dpa,
    cek_pk_tw_target, cek_pk_renstra, cek_pk_target, cek_tanpa_target, cek_persen,
    cek_ikm_periode, cek_ikm_sampel, cek_daftar_ganda, cek_ejaan,
)


# ---------------------------------------------------------------- the public API


def _urutan(t: Temuan):
    return (ATURAN.index(t.aturan), t.berkas, t.baris or 0, t.tempat, t.pesan)


def periksa(data: DataKecamatan, hasil: Hasil | None = None) -> list[Temuan]:
    """Every finding for one kecamatan-year, sorted by rule then place, numbered 1…"""
    k = _Konteks(data, hasil if hasil is not None else hitung(data))
    temuan = [t for cek in PEMERIKSA for t in cek(k)]
    return [replace(t, nomor=i) for i, t in enumerate(sorted(temuan, key=_urutan), start=1)]


def ada_galat(temuan: Iterable[Temuan]) -> bool:
    """True when any finding is a galat (the report's cover is then marked).

    >>> ada_galat([Temuan("info", "ikm-sampel", "p.csv", 2, "p")])
    False
    """
    return any(t.tingkat == "galat" for t in temuan)


def tersaji_beda(temuan: Iterable[Temuan]) -> dict[tuple, Temuan]:
    """(besaran, kunci) of each stated figure that differs → its most severe finding."""
    hasil: dict[tuple, Temuan] = {}
    for t in temuan:
        if t.besaran is None or t.terhitung is None or t.aturan == "tidak-diperiksa":
            continue
        kunci = (t.besaran, t.kunci)
        lama = hasil.get(kunci)
        if lama is None or TINGKAT.index(t.tingkat) < TINGKAT.index(lama.tingkat):
            hasil[kunci] = t
    return hasil


def hitung_tingkat(temuan: Iterable[Temuan]) -> dict[str, int]:
    """Number of findings per severity, in the order galat, peringatan, info."""
    jumlah = Counter(t.tingkat for t in temuan)
    return {t: jumlah.get(t, 0) for t in TINGKAT}


def ringkasan_temuan(temuan: list[Temuan]) -> str:
    """One sentence with the counts per severity.

    >>> ringkasan_temuan([Temuan("galat", "komposit", "k.csv", 2, "k")] * 2)
    'Pemeriksaan data menemukan 2 temuan: 2 galat, 0 peringatan, 0 info.'
    """
    if not temuan:
        return "Pemeriksaan data tidak menemukan masalah."
    n = hitung_tingkat(temuan)
    rincian = ", ".join(f"{v} {t}" for t, v in n.items())
    return f"Pemeriksaan data menemukan {len(temuan)} temuan: {rincian}."


def cetak_temuan(temuan: list[Temuan]) -> str:
    """The findings as terminal text, grouped by rule with counts per severity."""
    baris = ["", ringkasan_temuan(temuan)]
    kelompok: dict[str, list[Temuan]] = defaultdict(list)
    for t in temuan:
        kelompok[t.aturan].append(t)
    for aturan, daftar in kelompok.items():
        n = ", ".join(f"{v} {t}" for t, v in hitung_tingkat(daftar).items() if v)
        baris += ["", f"{aturan} — {JUDUL_ATURAN.get(aturan, aturan)} ({n})"]
        for t in daftar:
            baris.append(f"  [{t.tingkat}] {t.letak} · {t.tempat}")
            baris.append(f"      {t.pesan}")
    return "\n".join(baris)


# ---------------------------------------------------------------- the appendix


KOLOM_TABEL = ("No.", "Tingkat", "Aturan", "Letak", "Keterangan")


def tabel_temuan(temuan: list[Temuan]) -> pd.DataFrame:
    """The findings as the appendix table, one row per finding in order; the sentence carries
    the stated and computed values (narrow enough for A4).

    >>> t = Temuan("galat", "komposit", "x/2023/tersaji.csv", 14, "Bab III (komposit CL)",
    ...            pesan="Nilai CL tersaji 84,00, padahal terhitung 86,81.", nomor=1)
    >>> tabel_temuan([t]).iloc[0].tolist()[2:4]
    ['komposit', 'tersaji.csv baris 14\\nBab III (komposit CL)']
    """
    baris = [(t.nomor, t.tingkat, t.aturan, f"{t.letak}\n{t.tempat}", t.pesan) for t in temuan]
    return pd.DataFrame(baris, columns=list(KOLOM_TABEL))


def tampil_temuan(temuan: list[Temuan], nomor: str = "C.1",
                  judul: str = "Temuan Pemeriksaan Data"):
    """The appendix table via `lkjip.tampil.tabel`, each row with ``id`` = `Temuan.id`.

    >>> t = Temuan("galat", "komposit", "k.csv", 2, "<CL>", pesan="x", nomor=1)
    >>> html = tampil_temuan([t]).isi
    >>> '<tr id="temuan-1" class="lk-galat">' in html, "&lt;CL&gt;" in html
    (True, True)
    """
    from lkjip import tampil

    if not temuan:
        return tampil.paragraf("Tidak ada temuan.")
    html = tampil.tabel(tabel_temuan(temuan), nomor, judul,
                        catatan="Letak menunjuk berkas data dan barisnya (judul kolom = baris 1).")
    kepala, _, badan = html.isi.partition("<tbody>")
    for t in temuan:
        badan = badan.replace("<tr>", f'<tr id="{escape(t.id)}" class="lk-{t.tingkat}">', 1)
    return tampil.Html(f"{kepala}<tbody>{badan}", html.ringkas)
