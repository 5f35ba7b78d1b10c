"""Load and validate the data of one kecamatan-year.

Files are read as analysts save them from Excel (`,` or `;`, UTF-8 with or without BOM,
Indonesian numbers), validated against one pandera schema each (`lkjip.skema`), checked for
cross-file references, and converted to typed DataFrames. Every problem found in every file
is collected; if there is any, one `LkjipError` carries them all. Nothing is written.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from lkjip.baca import baca_baris, baca_byte, dekode, pesan_os
from lkjip.bilangan import baca_angka, baca_tanggal, baca_ya_tidak
from lkjip.folder import ABAIKAN, cek_kode_narasi, cek_perlu, periksa_folder
from lkjip.galat import LkjipError, Masalah
from lkjip.ikm import kunci_unsur
from lkjip.parameter import cek_nama, cek_parameter  # noqa: F401  (cek_nama: lkjip.muat.cek_nama)
from lkjip.skema import (
    BERKAS,
    NARASI,
    NARASI_FOLDER,
    PILIHAN,
    UNSUR_KOLOM,
    WAJIB,
    Berkas,
    Kolom,
    skema,
)

if TYPE_CHECKING:
    import pandera.pandas as pa

BERKAS_IKM = ("ikm_responden.csv", "ikm_responden_sintetis.csv")
PESAN_CEK = {
    "column_in_dataframe": "kolom wajib tidak ada",
    "column_in_schema": "kolom tidak dikenal (salah ketik?)",
    "field_uniqueness": "nilai ganda; kolom ini harus unik",
    "multiple_fields_uniqueness": "baris ganda untuk kunci yang sama",
}


# --- names ------------------------------------------------------------------------------

# --- reading CSV as typed ------------------------------------------------------------------

def baca_csv(path: Path, nama: str, akar: Path | None = None, berkas: Berkas | None = None
             ) -> tuple[pd.DataFrame | None, list[Masalah]]:
    """Read one CSV as text cells plus `_baris` (the spreadsheet row), collecting problems.

    `akar` is the data folder the file must lie in (see `lkjip.baca`); comment rows are
    skipped; a file with comment rows and no data row is a template not yet filled (what to
    do then depends on whether the file is required: `pesan_belum_diisi` of `berkas`).
    """
    isi, masalah = baca_byte(path, nama, akar, "berkas CSV")
    if isi is None:
        return None, masalah
    teks, masalah = dekode(isi, nama)
    if teks is None:
        return None, masalah
    if teks.strip() == "":
        return None, [Masalah(nama, pesan="berkas kosong; baris judul kolom tidak ada.")]
    hasil = baca_baris(teks, nama)
    if hasil.masalah:
        return None, hasil.masalah
    if not hasil.baris or not any(s.strip() for s in hasil.baris[0][1]):
        return None, [Masalah(nama, 1, pesan="baris judul kolom kosong; baris pertama (setelah "
                                              "'sep=' bila ada) harus berisi judul kolom.")]
    if hasil.komentar and len(hasil.baris) == 1:
        return None, [Masalah(nama, pesan=pesan_belum_diisi(berkas))]
    return _baris_ke_frame(hasil.baris, nama, hasil.pemisah, berkas, hasil.lebar_judul)


BELUM_DIISI = "belum diisi: hanya berisi judul kolom dan baris contoh '#'."


def pesan_belum_diisi(berkas: Berkas | None) -> str:
    """What to do with a template not filled yet, by whether the file is required: a required
    file must be filled; an optional one filled or deleted; a list that may be empty
    (`pengaduan.csv`) filled or left with its header only.

    >>> pesan_belum_diisi(BERKAS["renstra/tujuan.csv"])[-56:]
    'Berkas ini wajib: isi datanya di bawah baris contoh itu.'
    >>> pesan_belum_diisi(BERKAS["sarpras.csv"])[-66:]
    'atau hapus berkas ini bila tidak dipakai (berkas ini tidak wajib).'
    """
    if berkas is None:
        return f"{BELUM_DIISI} Isi datanya di bawah baris contoh itu."
    if berkas.perlu == WAJIB:
        return f"{BELUM_DIISI} Berkas ini wajib: isi datanya di bawah baris contoh itu."
    if berkas.perlu == PILIHAN:
        return (f"{BELUM_DIISI} Isi datanya di bawah baris contoh itu, atau hapus berkas ini bila "
                "tidak dipakai (berkas ini tidak wajib).")
    syarat = " atau ".join(s.teks_id() for s in berkas.syarat)
    if berkas.min_baris_jika == 0:
        return (f"{BELUM_DIISI} Isi datanya, atau hapus baris contoh bila memang tidak ada datanya "
                f"tahun ini (judul kolom saja: daftar kosong); berkas ini wajib bila {syarat}.")
    lain = [n for n, b in BERKAS.items() if berkas.kelompok and b.kelompok == berkas.kelompok
            and b is not berkas and not n.endswith("_sintetis.csv")]
    ganti = f" Sebagai gantinya boleh {' atau '.join(lain)}." if lain else ""
    return (f"{BELUM_DIISI} Isi datanya; berkas ini wajib bila {syarat}. Bila tidak, hapus "
            f"berkas ini.{ganti}")


def _judul(sel: list[str], nama: str) -> tuple[list[str], list[Masalah]]:
    judul = [s.strip().lower().lstrip("\ufeff") for s in sel]
    masalah = [Masalah(nama, 1, pesan=f"judul kolom ke-{i + 1} kosong.")
               for i, j in enumerate(judul) if j == ""]
    for j in sorted({j for j in judul if j and judul.count(j) > 1}):
        masalah.append(Masalah(nama, 1, j, pesan="judul kolom muncul lebih dari sekali."))
    return judul, masalah


def _baris_ke_frame(baris: list[tuple[int, list[str]]], nama: str, pemisah: str = ",",
                    berkas: Berkas | None = None, lebar: int = 0
                    ) -> tuple[pd.DataFrame | None, list[Masalah]]:
    """The rows as a frame of text cells; `lebar` is the header's width as typed
    (``Baris.lebar_judul``, Excel's used range included): a row longer than it is refused
    (`_rapikan_panjang`)."""
    judul, masalah = _judul(baris[0][1], nama)
    lebar = max(lebar, len(judul))
    rekaman, nomor = [], []
    for awal, sel in baris[1:]:
        sel = _rapikan_panjang(sel, judul, nama, awal, masalah, pemisah, berkas, lebar)
        if sel is not None:
            rekaman.append([s.strip() for s in sel])  # strip keeps an unchanged (interned) str
            nomor.append(awal)
    if masalah:
        return None, masalah
    df = pd.DataFrame(rekaman, columns=judul, dtype=object)
    df["_baris"] = nomor
    return df, []


def _rapikan_panjang(sel, judul, nama, baris, masalah, pemisah=",", berkas=None, lebar=0):
    """A row cut or padded to the header: empty cells at its end within the header's width as
    typed (`lebar`: Excel writes every row as wide as the used range) are dropped, missing cells
    at its end are empty. A row longer than the header as typed is refused even when its extra
    cells are empty: a cell holding the separator without quotes (``DWI LESTARI, S.H.``, a
    decimal ``97,5`` in a ',' file typed in a plain editor) pushed the cells after it one
    column right, and read cut, a value that stays valid (97 and 5) would be taken silently."""
    n, lebar = len(judul), max(lebar, len(judul))
    if n < len(sel) <= lebar and not any(s.strip() for s in sel[n:]):
        sel = sel[:n]
    if len(sel) < n:
        sel = sel + [""] * (n - len(sel))
    if len(sel) == n:
        return sel
    if any(s.strip() for s in sel[n:]):
        pesan = (f"baris berisi {len(sel)} sel, padahal judul kolom berisi {n}; periksa "
                 "pemisah (',' atau ';') dan tanda petik.")
    else:
        lain = "" if pemisah == ";" else " atau simpan berkas dengan pemisah ';'"
        pesan = (f"baris berisi {len(sel)} sel, padahal judul kolom berisi {lebar}; sel di ujung "
                 "kanannya kosong, jadi mungkin suatu sel memuat "
                 f"'{pemisah}' tanpa tanda petik (nama bergelar, angka berkoma desimal) sehingga "
                 "sel-sel sesudahnya bergeser satu kolom ke kanan. Apit sel itu dengan tanda "
                 f"petik (\"DWI LESTARI, S.H.\"){lain}.")
    isi = list(sel)
    while len(isi) > n + 1 and not isi[-1].strip():  # the used range's empty cells
        isi.pop()
    masalah.append(Masalah(nama, baris, pesan=pesan + _koma_desimal(isi, judul, pemisah, berkas)))
    return None


_ANGKA_DEPAN = re.compile(r"\s*-?(rp\.?\s*)?[0-9][0-9.]*", re.IGNORECASE)
_ANGKA_BELAKANG = re.compile(r"[0-9]+%?\s*")


def _koma_desimal(sel: list[str], judul: list[str], pemisah: str,
                  berkas: Berkas | None = None) -> str:
    """The likely cause of a row one cell too long in a `,` file: a decimal comma not quoted
    (``IKU-01,2024,83,5``), named with the column it belongs to and how to write it. With the
    file's schema, only a column that holds decimals qualifies; else the rightmost pair.

    >>> _koma_desimal(["IKU-01", "2024", "83", "5"], ["kode_indikator", "tahun", "target"], ",",
    ...               BERKAS["renstra/target.csv"])[:50]
    " Mungkin angka desimal '83,5' di kolom 'target' ta"
    >>> _koma_desimal(["a", "b", "c", "d"], ["x", "y", "z"], ",")
    ''
    """
    if pemisah != "," or len(sel) != len(judul) + 1:
        return ""
    tipe = {k.nama: k.tipe for k in berkas.kolom} if berkas else {}
    for i in reversed(range(len(judul))):
        depan, belakang = sel[i].strip(), sel[i + 1].strip()
        if tipe and tipe.get(judul[i]) not in ("angka", "target"):
            continue
        if _ANGKA_DEPAN.fullmatch(depan) and _ANGKA_BELAKANG.fullmatch(belakang):
            angka = f"{depan},{belakang}"
            cara = f'"{angka}"' + (f" atau {depan}.{belakang}" if "." not in depan else "")
            return (f" Mungkin angka desimal '{angka}' di kolom '{judul[i]}' tanpa tanda petik: "
                    f"tulis {cara}.")
    return ""


# --- validation ---------------------------------------------------------------------------

def validasi(df: pd.DataFrame, nama_skema: str, nama: str) -> list[Masalah]:
    """Validate lazily; every failure becomes a `Masalah`. pandera runs only when `_sah`
    cannot tell the file is sound, to name each problem (it is imported then: see
    `lkjip.skema.skema`)."""
    berkas = BERKAS[nama_skema]
    masalah = _cek_jumlah_baris(df, berkas, nama)
    if not _sah(df, berkas):
        import pandera.pandas as pa

        try:
            _tanpa_kunci_hilang(skema(nama_skema), df).validate(df.drop(columns="_baris"),
                                                                lazy=True)
        except pa.errors.SchemaErrors as e:
            masalah += _dari_pandera(e.failure_cases, df, nama, berkas)
    if not any(m.baris == 1 for m in masalah):  # the columns are there
        masalah += _cek_isi_bila(df, berkas, nama)
    if masalah:
        masalah += _baris_jumlah(df, {m.baris for m in masalah}, nama)
    return masalah


_JUMLAH = re.compile(r"\s*(sub\s*)?(jumlah|total)(\s+(total|keseluruhan|seluruhnya|anggaran))?"
                     r"\s*:?\s*", re.IGNORECASE)


def _baris_jumlah(df: pd.DataFrame, salah: set, nama: str) -> list[Masalah]:
    """A refused row that is a total row ('JUMLAH', 'Total' in a cell, as under a table in
    Excel) is named as such: its empty `nama` or `tingkat` alone did not tell the office what
    to do. Only rows that have a problem already (a sasaran named "Jumlah" is data).

    >>> df = pd.DataFrame({"_baris": [2, 3], "kode": ["1", "JUMLAH"], "pagu": ["5", "5"]})
    >>> [m.kolom for m in _baris_jumlah(df, {3}, "anggaran.csv")]
    ['kode']
    >>> _baris_jumlah(df, {2}, "anggaran.csv")
    []
    >>> ind = pd.DataFrame({"_baris": [2], "kode": ["IKU-1"], "akumulasi_tw": ["jumlah"]})
    >>> _baris_jumlah(ind, {2}, "indikator.csv")
    []
    >>> ang = pd.DataFrame({"_baris": [9], "kode": [""], "nama": ["Jumlah Total"]})
    >>> [m.kolom for m in _baris_jumlah(ang, {9}, "anggaran.csv")]
    ['nama']
    """
    hasil = []
    for _, r in df[df["_baris"].isin(salah)].iterrows():
        # the label of a total row is its first cell typed (`akumulasi_tw` 'jumlah' is data)
        kolom = next((k for k in df.columns.drop("_baris")
                      if isinstance(r[k], str) and r[k].strip()), None)
        if kolom is not None and _JUMLAH.fullmatch(r[kolom]):
            hasil.append(Masalah(nama, int(r["_baris"]), kolom, pesan=(
                f"nilai {r[kolom]!r}: baris ini tampak sebagai baris jumlah/total. lkjip "
                "menjumlahkan sendiri dari baris rinciannya, jadi baris jumlah bukan data: "
                "hapus baris ini (angka jumlah yang tercetak di dokumen kantor boleh ditulis "
                "di tersaji.csv agar dicocokkan).")))
    return hasil


def _sah(df: pd.DataFrame, berkas: Berkas) -> bool:
    """True only when the file's schema (`lkjip.skema.skema`) finds nothing wrong in `df`: its
    columns exactly (strict), each of dtype object with no missing value, each value passing
    its column's check (`Kolom.sah`), no repeated value in a unique column nor repeated key
    (``unik_bersama``). Said without pandera, which a sound file then neither imports
    (~0,09 CPU-s and 8 MB a process) nor runs (~0,07 CPU-s a kecamatan; issue 15); False
    (also on anything unexpected) leaves the telling to pandera, with every problem named."""
    data = [c for c in df.columns if c != "_baris"]
    if len(set(data)) != len(data) or set(data) != {k.nama for k in berkas.kolom}:
        return False
    try:
        for k in berkas.kolom:
            isi = df[k.nama]
            if (isi.dtype != object or isi.isna().any() or (k.unik and isi.duplicated().any())
                    or not all(k.sah(v) for v in isi)):
                return False
        return not (berkas.unik_bersama
                    and df.duplicated(subset=list(berkas.unik_bersama)).any())
    except Exception:  # a value no check expects: pandera names it
        return False


def _tanpa_kunci_hilang(s: pa.DataFrameSchema, df: pd.DataFrame) -> pa.DataFrameSchema:
    """The schema without its uniqueness check when a key column is missing: the missing
    column is reported already, and pandas 2.2.0 raises ValueError on ``duplicated(subset=[])``
    (found by the fuzz at the lower bounds, a header whose first name is empty)."""
    if not s.unique or all(k in df.columns for k in s.unique):
        return s
    s = copy.copy(s)
    s.unique = None
    return s


def _cek_isi_bila(df: pd.DataFrame, berkas: Berkas, nama: str) -> list[Masalah]:
    """Cells that must be filled because of the row's other cells (`skema.IsiBila`)."""
    kolom = {k.nama: k for k in berkas.kolom}
    return sorted((
        Masalah(nama, int(r["_baris"]), a.kolom, str(r[a.kolom]).strip() or None,
                f"kosong, karena {a.teks()} (nilai ini tidak dipakai)" if a.kosong
                else f"{kolom[a.kolom].harapan()}, karena {a.teks()}")
        for a in berkas.isi_bila for _, r in df.iterrows() if a.salah(r)
    ), key=lambda m: (m.baris, m.kolom))


def _cek_jumlah_baris(df, berkas: Berkas, nama) -> list[Masalah]:
    n = len(df)
    if n < berkas.min_baris:
        return [Masalah(nama, pesan=f"berisi {n} baris data; seharusnya paling sedikit "
                                    f"{berkas.min_baris}.")]
    if berkas.maks_baris is not None and n > berkas.maks_baris:
        return [Masalah(nama, pesan=f"berisi {n} baris data; seharusnya tepat "
                                    f"{berkas.maks_baris}.")]
    return []


def _dari_pandera(kasus: pd.DataFrame, df: pd.DataFrame, nama: str,
                  berkas: Berkas | None = None) -> list[Masalah]:
    kolom_skema = {k.nama: k for k in berkas.kolom} if berkas else {}
    masalah = []
    for _, k in kasus.iterrows():
        cek = str(k["check"])
        if cek in ("column_in_dataframe", "column_in_schema"):
            masalah.append(Masalah(nama, 1, str(k["failure_case"]), pesan=(
                PESAN_CEK[cek] + _kolom_dikenal(cek, str(k["failure_case"]), berkas) + ".")))
            continue
        baris = _baris_dari_indeks(df, k["index"])
        kolom = None if pd.isna(k["column"]) else str(k["column"])
        if cek in PESAN_CEK:
            masalah.append(Masalah(nama, baris, kolom, pesan=(
                f"{PESAN_CEK[cek]} (nilai {k['failure_case']!r}).")))
        else:
            saran = kolom_skema[kolom].saran(str(k["failure_case"])) \
                if kolom in kolom_skema else None
            if saran is not None:
                cek += f" (mungkin maksudnya '{saran}')"
            elif re.fullmatch(r"[0-9.,]+E\+[0-9]+", str(k["failure_case"]).strip(), re.I):
                cek += ("; Excel telah mengubahnya menjadi angka: format kolom ini sebagai Teks "
                        "lalu ketik ulang nilainya")
            else:
                cek += _saran_isi(kolom_skema.get(kolom), str(k["failure_case"]))
            masalah.append(Masalah(nama, baris, kolom, str(k["failure_case"]), cek))
    return sorted(set(masalah), key=lambda m: (m.baris or 0, m.kolom or ""))


_TIDAK_TERSEDIA = re.compile(r"\s*(#?n/?a|n\.a\.?|-+|–|—|tidak ada|belum ada|null)\s*", re.I)
_BANDING = re.compile(r"\s*(≥|>=|≤|<=|>|<)\s*([0-9][0-9.,]*)\s*%?\s*")


def _saran_isi(kolom: Kolom | None, teks: str) -> str:
    """What a refused cell should have been, when it is a usual way of writing something else:
    'NA' or '-' for "not available" in a column that may be empty (an empty cell says that),
    '≥ 90' for a target (the indicator's arah says at least or at most).

    >>> _saran_isi(Kolom("realisasi", "angka", kosong=True), "NA")[:40]
    '; bila nilainya tidak tersedia, kosongka'
    >>> _saran_isi(Kolom("target", "angka"), "NA"), _saran_isi(None, "-")
    ('', '')
    >>> _saran_isi(Kolom("status", pilihan=("PNS", "Honorer")), "P3K")[:31]
    '; pegawai PPPK belum dapat dica'
    >>> _saran_isi(Kolom("target", "target"), "≥ 90")[:27]
    '; tulis angkanya saja (90):'
    """
    if kolom is None:
        return ""
    if kolom.nama == "status" and re.fullmatch(r"\s*(pppk|p3k)\s*", teks, re.I):
        return ("; pegawai PPPK belum dapat dicatat (tabel kepegawaian acuan model ini hanya "
                "mengenal PNS dan Honorer): jangan mencatatnya sebagai PNS atau Honorer, dan "
                "sampaikan kepada pengembang lkjip bahwa kantor Anda mempunyai pegawai PPPK")
    if kolom.kosong and _TIDAK_TERSEDIA.fullmatch(teks):
        return ("; bila nilainya tidak tersedia, kosongkan sel ini (sel kosong berarti tidak "
                "tersedia)")
    m = _BANDING.fullmatch(teks)
    if m and kolom.tipe in ("angka", "target"):
        return (f"; tulis angkanya saja ({m.group(2)}): 'paling sedikit' atau 'paling banyak' "
                "dinyatakan oleh arah indikator (naik/turun)")
    return ""


def _kolom_dikenal(cek: str, kolom: str, berkas: Berkas | None) -> str:
    """For a column not known: the one probably meant and the file's columns.

    >>> _kolom_dikenal("column_in_schema", "keterangn", BERKAS["renstra/tujuan.csv"])
    '; kolom berkas ini: kode_tujuan, tujuan'
    >>> _kolom_dikenal("column_in_schema", "tujuan_", BERKAS["renstra/tujuan.csv"])[:30]
    "; mungkin maksudnya 'tujuan'; "
    """
    if berkas is None or cek != "column_in_schema":
        return ""
    import difflib

    nama = berkas.kolom_nama()
    dekat = difflib.get_close_matches(kolom, nama, 1, 0.75)
    saran = f"; mungkin maksudnya '{dekat[0]}'" if dekat else ""
    return f"{saran}; kolom berkas ini: {', '.join(nama)}"


def _baris_dari_indeks(df, indeks):
    try:
        return int(df["_baris"].iloc[int(indeks)])
    except (TypeError, ValueError, IndexError):
        return None


# --- conversion ---------------------------------------------------------------------------

def _ubah_sel(teks: str, tipe: str):
    if teks == "":
        return None
    if tipe in ("angka",):
        return float(baca_angka(teks))
    if tipe in ("rupiah", "bulat"):
        return int(baca_angka(teks))
    if tipe == "tahun":
        return int(teks)
    if tipe == "jawaban":
        return int(teks)
    if tipe == "ya_tidak":
        return baca_ya_tidak(teks)
    if tipe == "tanggal":
        return baca_tanggal(teks)
    return teks


def _angka_target(teks: str):
    if teks == "" or "/" in teks:
        return float("nan")
    return float(baca_angka(teks))


def ubah_tipe(df: pd.DataFrame, berkas: Berkas) -> pd.DataFrame:
    """Typed copy: numbers as float (Rupiah and counts as nullable Int64), yes/no as bool."""
    hasil = pd.DataFrame({"_baris": df["_baris"].astype("int64")})
    for k in berkas.kolom:
        nilai = [_ubah_sel(t, k.tipe) for t in df[k.nama]]
        if k.tipe in ("rupiah", "bulat", "tahun", "jawaban"):
            hasil[k.nama] = pd.array(nilai, dtype="Int64")
        elif k.tipe == "angka":
            hasil[k.nama] = pd.array([float("nan") if v is None else v for v in nilai],
                                     dtype="float64")
        else:
            hasil[k.nama] = pd.Series(nilai, index=df.index, dtype=object)
        if k.tipe == "target":
            hasil[k.nama + "_angka"] = [_angka_target(t) for t in df[k.nama]]
    return hasil


def frame_kosong(berkas: Berkas) -> pd.DataFrame:
    return ubah_tipe(pd.DataFrame({k: [] for k in berkas.kolom_nama() + ["_baris"]},
                                  dtype=object), berkas)


# --- the data of one kecamatan-year --------------------------------------------------------

@dataclass
class DataKecamatan:
    """The validated inputs of one kecamatan-year; each table as a typed DataFrame."""

    kecamatan: str
    tahun: int
    data_dir: Path
    profil: dict
    tabel: dict[str, pd.DataFrame]
    narasi: dict[str, str] = field(default_factory=dict)
    berkas: dict[str, str] = field(default_factory=dict)
    sumber_ikm: str | None = None

    def __getattr__(self, nama: str) -> pd.DataFrame:
        tabel = self.__dict__.get("tabel", {})
        if nama in tabel:
            return tabel[nama]
        raise AttributeError(nama)

    @property
    def sintetis(self) -> bool:
        return bool(self.profil.get("sintetis"))

    def __repr__(self) -> str:
        """One line: which kecamatan-year, how many tables and rows (`lkjip.bingkai`)."""
        from lkjip.bingkai import repr_data

        return repr_data(self)

    def _repr_html_(self) -> str:
        from lkjip.bingkai import html_data

        return html_data(self)


def pejabat_per_kode(data) -> dict:
    """Each row of pejabat.csv as a dict, by ``kode_pejabat`` (an unknown kode: KeyError, as
    ``set_index("kode_pejabat").loc``). The PK's views look a pejabat up 4-5 times a PK; this
    makes no indexed frame for each (2-3 times the cost, issue 15).

    >>> from types import SimpleNamespace as NS
    >>> p = pejabat_per_kode(NS(pejabat=pd.DataFrame({"kode_pejabat": ["camat"], "nama": ["A"]})))
    >>> p["camat"]["nama"], "sekcam" in p
    ('A', False)
    """
    df = data.pejabat
    kolom = list(df.columns)  # the columns' values as lists: faster than to_dict("records")
    nilai = zip(*(df[k].tolist() for k in kolom), strict=True)
    return {r["kode_pejabat"]: r for r in (dict(zip(kolom, n, strict=True)) for n in nilai)}


def nama_tabel(nama_berkas: str) -> str:
    """`renstra/indikator.csv` → `indikator`; both IKM survey files → `ikm_responden`."""
    dasar = nama_berkas.rsplit("/", 1)[-1].removesuffix(".csv")
    return "ikm_responden" if dasar.startswith("ikm_responden") else dasar


def _jalur(dir_kec: Path, tahun: int, nama: str) -> Path:
    return dir_kec / nama if nama.startswith("renstra/") else dir_kec / str(tahun) / nama


def _tampil(dir_kec: Path, tahun: int, nama: str) -> str:
    return f"{dir_kec.name}/{nama}" if nama.startswith("renstra/") else \
        f"{dir_kec.name}/{tahun}/{nama}"


def _cek_folder(data_dir: Path, kecamatan: str, tahun: int) -> Path:
    dir_kec = data_dir / kecamatan
    if not dir_kec.is_dir():
        ada = _isi_folder(data_dir, lambda p: p.is_dir())
        mirip = [a for a in ada if a.lower() == kecamatan]
        saran = (f" Folder '{mirip[0]}' ada, tetapi nama folder kecamatan harus huruf kecil: "
                 f"ganti namanya menjadi '{kecamatan}'." if mirip else "")
        raise LkjipError(Masalah(str(data_dir), pesan=(
            f"kecamatan '{kecamatan}' tidak ditemukan. Yang tersedia: "
            f"{', '.join(ada) or '(tidak ada)'}.{saran}")))
    if not (dir_kec / str(tahun)).is_dir():
        ada = _isi_folder(dir_kec, lambda p: re.fullmatch(r"\d{4}", p.name) and p.is_dir())
        raise LkjipError(Masalah(str(dir_kec), pesan=(
            f"data tahun {tahun} tidak ditemukan untuk kecamatan '{kecamatan}'. "
            f"Tahun yang tersedia: {', '.join(ada) or '(tidak ada)'}.")))
    return dir_kec


def _isi_folder(folder: Path, pilih) -> list[str]:
    """Sorted names of the entries of `folder` that `pilih` keeps; an unreadable folder is a
    `LkjipError` naming it."""
    if not folder.is_dir():
        return []
    try:
        return sorted(p.name for p in folder.iterdir() if pilih(p))
    except OSError as e:
        raise LkjipError(Masalah(str(folder), pesan=(
            f"folder tidak dapat dibaca: {pesan_os(e)}."))) from None


def _normalkan_judul_ikm(df: pd.DataFrame) -> pd.DataFrame:
    tetap = {"no", "periode", "tanggal", "layanan", "_baris"}
    ganti = {}
    for kolom in df.columns:
        if kolom not in tetap:
            kunci = kunci_unsur(kolom)
            if kunci is not None:
                ganti[kolom] = kunci
    return df.rename(columns=ganti)


def _muat_berkas(dir_kec, tahun, nama, masalah) -> pd.DataFrame | None:
    """Read and validate one file; None when it is absent or unreadable. The file must lie
    inside the data folder (``dir_kec.parent``)."""
    jalur = _jalur(dir_kec, tahun, nama)
    tampil = _tampil(dir_kec, tahun, nama)
    berkas = BERKAS[nama]
    if not _ada(jalur):
        if berkas.wajib:
            masalah.append(Masalah(tampil, pesan="berkas wajib tidak ditemukan."))
        return None
    df, m = baca_csv(jalur, tampil, dir_kec.parent, berkas)
    if df is None:
        masalah += m
        return None
    if nama.startswith("ikm_responden"):
        df = _normalkan_judul_ikm(df)
    for k in berkas.kolom:
        if k.opsional and k.nama not in df.columns:
            df[k.nama] = pd.Series([""] * len(df), index=df.index, dtype=object)
    m = validasi(df, nama, tampil)
    masalah += m
    return None if m else ubah_tipe(df, berkas)


def _ada(jalur: Path) -> bool:
    """Something is there under this exact name (a file, a folder, a link, even broken)."""
    return jalur.is_symlink() or jalur.exists()


def _nama_narasi(dir_kec: Path, tahun: int) -> list[str]:
    """The narrative files to read: those of `NARASI`, then ``<sub>/<kode>.md`` of each
    per-figure folder (`NARASI_FOLDER`)."""
    folder = dir_kec / str(tahun) / "narasi"
    nama = list(NARASI)
    for sub in NARASI_FOLDER:
        if (folder / sub).is_dir():
            nama += [f"{sub}/{p.name}" for p in sorted((folder / sub).iterdir())
                     if p.suffix == ".md" and not p.is_dir() and not ABAIKAN.search(p.name)]
    return nama


def baca_narasi(dir_kec: Path, tahun: int, masalah: list[Masalah]) -> dict[str, str]:
    """The narrative Markdown files of the year, read and decoded as the CSV files are; a
    per-figure file is keyed ``komponen/CL.4``."""
    hasil = {}
    for nama in _nama_narasi(dir_kec, tahun):
        jalur = dir_kec / str(tahun) / "narasi" / nama
        if not _ada(jalur):
            continue
        tampil = f"{dir_kec.name}/{tahun}/narasi/{nama}"
        isi, m = baca_byte(jalur, tampil, dir_kec.parent, "berkas Markdown")
        teks, m2 = (None, m) if isi is None else dekode(isi, tampil, "UTF-8")
        masalah += m + (m2 if isi is not None else [])
        if teks is not None:
            hasil[nama.removesuffix(".md")] = teks
    return hasil


def muat(kecamatan: str, tahun, data_dir=None) -> DataKecamatan:
    """Load the validated data of one kecamatan-year, or raise one `LkjipError` with
    every problem found (file, row, column, value, what was expected).

    The argument order is the one of `lkjip.konteks.konteks` and the chapter notebooks'
    parameters; ``data_dir=None`` means the default data folder (`lkjip.config.data`). The
    parameters are checked first (`lkjip.parameter.cek_parameter`: the kecamatan matches
    ignoring case; a bad one raises `ParameterTidakSah` naming it).
    """
    kecamatan, tahun, data_dir = cek_parameter(kecamatan, tahun, data_dir)
    dir_kec = _cek_folder(data_dir, kecamatan, tahun)
    masalah: list[Masalah] = periksa_folder(dir_kec, tahun)
    tabel, berkas, gagal = {}, {}, set()
    for nama in BERKAS:
        sebelum = len(masalah)
        df = _muat_berkas(dir_kec, tahun, nama, masalah)
        if df is not None:
            tabel[nama_tabel(nama)] = df
            berkas[nama_tabel(nama)] = _tampil(dir_kec, tahun, nama)
        elif len(masalah) > sebelum:
            gagal.add(nama_tabel(nama))
    ada = {n for n in BERKAS if _ada(_jalur(dir_kec, tahun, n))}
    perlu = cek_perlu(tabel, ada, lambda n: _tampil(dir_kec, tahun, n))
    masalah += perlu
    # a list or survey the data needs and lacks: named once, not again by a rule reading it
    gagal |= {nama_tabel(n) for n in BERKAS
              if any(m.berkas == _tampil(dir_kec, tahun, n) for m in perlu)}
    sumber_ikm = _cek_sumber_ikm(dir_kec, tahun, masalah)
    narasi = baca_narasi(dir_kec, tahun, masalah)
    for nama in BERKAS:
        if nama not in BERKAS_IKM[1:] and nama_tabel(nama) not in tabel:
            tabel[nama_tabel(nama)] = frame_kosong(BERKAS[nama])
            berkas.setdefault(nama_tabel(nama), _tampil(dir_kec, tahun, nama))
    # the references between files, with the files' own problems: each rule whose tables
    # all loaded (a rule reading a table that failed would find its codes missing)
    from lkjip.referensi import cek_referensi

    masalah += cek_referensi(tabel, berkas, kecamatan, tahun, gagal)
    if not {"indikator", "komposit"} & gagal:
        masalah += cek_kode_narasi(narasi, tabel,
                                   lambda k: _tampil(dir_kec, tahun, f"narasi/{k}.md"))
    if masalah:
        raise LkjipError(masalah)
    profil = tabel.pop("profil").drop(columns="_baris").iloc[0].to_dict()
    return DataKecamatan(kecamatan, tahun, data_dir, profil, tabel, narasi, berkas, sumber_ikm)


def _cek_sumber_ikm(dir_kec, tahun, masalah) -> str | None:
    ada = [n for n in BERKAS_IKM + ("ikm_nrr.csv",) if _ada(_jalur(dir_kec, tahun, n))]
    if len(ada) > 1:
        masalah.append(Masalah(f"{dir_kec.name}/{tahun}", pesan=(
            f"data IKM ganda: {', '.join(ada)}; simpan hanya satu sumber IKM.")))
    return ada[0] if ada else None


__all__ = ["DataKecamatan", "muat", "cek_nama", "baca_csv", "validasi", "UNSUR_KOLOM"]
