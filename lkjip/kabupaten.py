"""The kabupaten view: every kecamatan side by side for one year, and over the years.

`kumpulkan(data_dirs, tahun)` loads every kecamatan-year found in the data folders (a
kecamatan that fails to load is kept with the first lines of its `LkjipError`; the others are
still compared); `rekap` makes the table of kecamatan results and the table of failures;
`per_sasaran`, `ikm_unsur`, `tren` and `ketersediaan` the other tables of the notebook
``notebooks/kabupaten/lkjip_kabupaten.ipynb``. `bangun_kabupaten` builds it to HTML and PDF.

Ranking rule (`ATURAN_PERINGKAT`): by capaian kinerja (rounded to 2 dp, higher first); ties
by IKM (rounded, higher first); still equal means the same rank (1, 2, 2, 4). A kecamatan
without a capaian comes last, without a rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkjip import config
from lkjip.format import format_angka, format_persen
from lkjip.galat import LkjipError
from lkjip.ikm import UNSUR

TINGKAT = ("galat", "peringatan", "info")
BARIS_ALASAN = 3
ATURAN_PERINGKAT = (
    "Peringkat disusun menurut capaian kinerja keseluruhan (dibulatkan dua desimal, tertinggi "
    "lebih dahulu); bila sama, menurut nilai IKM (tertinggi lebih dahulu); bila keduanya sama, "
    "peringkatnya sama. Kecamatan tanpa capaian kinerja tidak diberi peringkat."
)
STATUS_DIMUAT, STATUS_TIDAK_ADA, STATUS_GAGAL = "dimuat", "tidak ada data", "gagal dimuat"


@dataclass
class Entri:
    """One kecamatan-year: loaded (`hasil`), missing, or failed (`alasan`)."""

    kecamatan: str
    tahun: int
    data_dir: Path
    status: str
    hasil: object = None  # lkjip.hitung.Hasil
    alasan: str = ""
    temuan: dict | None = None  # findings per tingkat; None: checks unavailable

    @property
    def nama(self) -> str:
        if self.hasil is not None:
            return str(self.hasil.data.profil["nama_kecamatan"])
        return self.kecamatan.replace("-", " ").title()


# ---------------------------------------------------------------- loading


def folder_data(data_dirs=None) -> list[Path]:
    """The data folders; by default the real ``data/`` and the synthetic ``data-sintetis/``."""
    if data_dirs is None:
        return [config.DATA, config.DATA_SINTETIS]
    if isinstance(data_dirs, str | Path):
        data_dirs = [data_dirs]
    return [Path(d) for d in data_dirs]


def cari_kecamatan(data_dirs) -> dict[str, Path]:
    """kecamatan → the first data folder holding it (a later duplicate is ignored).

    A kecamatan is a folder ``<slug>/`` with at least one year folder ``<yyyy>/``, whether
    or not its files load."""
    hasil: dict[str, Path] = {}
    for d in folder_data(data_dirs):
        for tahun in sorted(Path(d).glob("*/[12][0-9][0-9][0-9]")):
            kecamatan = tahun.parent.name
            if tahun.is_dir() and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", kecamatan):
                hasil.setdefault(kecamatan, Path(d))
    return dict(sorted(hasil.items()))


def ringkas_galat(e: LkjipError, baris: int = BARIS_ALASAN) -> str:
    """The first lines of a load error, each a sentence ended once, then how many more.

    A problem's message often ends with its own full stop: joined with "; " it would read
    "… bagian Triwulan.; gama/…", so the problems are sentences joined by a space.

    >>> from lkjip.galat import Masalah
    >>> print(ringkas_galat(LkjipError([Masalah("a.csv", pesan=f"x{i}") for i in range(5)]), 2))
    a.csv: x0. a.csv: x1. Ada 3 masalah lain.
    >>> print(ringkas_galat(LkjipError([Masalah("a.csv", pesan="kosong."),
    ...                                 Masalah("b.csv", pesan="belum ada?")])))
    a.csv: kosong. b.csv: belum ada?
    """
    pesan = [_kalimat(str(m)) for m in e.masalah]
    lebih = [f"Ada {len(pesan) - baris} masalah lain."] if len(pesan) > baris else []
    return " ".join(pesan[:baris] + lebih)


def _kalimat(teks: str) -> str:
    """`teks` ended by exactly one sentence mark (".", "?" or "!").

    >>> _kalimat("x"), _kalimat("x."), _kalimat("x?  ")
    ('x.', 'x.', 'x?')
    """
    teks = teks.rstrip()
    return teks if teks.endswith((".", "?", "!")) else teks + "."


def hitung_temuan(data, hasil) -> dict:
    """Consistency findings (`lkjip.periksa`) per tingkat."""
    from lkjip.periksa import hitung_tingkat, periksa

    return hitung_tingkat(periksa(data, hasil))


def muat_entri(data_dir: Path, kecamatan: str, tahun: int) -> Entri:
    from lkjip.hitung import hitung
    from lkjip.muat import muat

    if not (Path(data_dir) / kecamatan / str(tahun)).is_dir():
        return Entri(kecamatan, tahun, data_dir, STATUS_TIDAK_ADA,
                     alasan=f"folder {kecamatan}/{tahun} tidak ada")
    try:
        data = muat(kecamatan, tahun, data_dir)
        hasil = hitung(data)
    except LkjipError as e:
        return Entri(kecamatan, tahun, data_dir, STATUS_GAGAL, alasan=ringkas_galat(e))
    except (ValueError, ArithmeticError) as e:  # a figure that cannot be computed
        return Entri(kecamatan, tahun, data_dir, STATUS_GAGAL,
                     alasan=f"tidak dapat dihitung: {e}")
    temuan = hitung_temuan(data, hasil)
    return Entri(kecamatan, tahun, data_dir, STATUS_DIMUAT, hasil, temuan=temuan)


def kumpulkan(data_dirs, tahun: int | Iterable[int]) -> list[Entri]:
    """Every kecamatan found × every year asked: loaded, missing or failed."""
    daftar_tahun = [int(tahun)] if isinstance(tahun, int | str) else [int(t) for t in tahun]
    return [muat_entri(d, k, t) for k, d in cari_kecamatan(data_dirs).items()
            for t in daftar_tahun]


def ada_sintetis(entri: list[Entri]) -> bool:
    """True when any loaded kecamatan-year is synthetic (the report then says SINTETIS)."""
    return any(e.hasil is not None and e.hasil.data.sintetis for e in entri)


# ---------------------------------------------------------------- the year's comparison


def _angka(a) -> float:
    """An `Angka` as a float rounded half-up to 2 dp; NaN when not available."""
    nilai = getattr(a, "bulat", None)
    return float("nan") if nilai is None else float(nilai)


def _baris_rekap(e: Entri) -> dict:
    h, t = e.hasil, e.temuan
    ikm = h.ikm_tahun
    return {
        "kecamatan": e.kecamatan, "nama": e.nama, "sintetis": bool(h.data.sintetis),
        "skala": h.skala, "capaian": _angka(h.capaian_kinerja), "kategori": h.kategori_kinerja,
        "ikm": float("nan") if ikm is None else ikm.nilai,
        "mutu": None if ikm is None else ikm.mutu,
        "penyerapan": _angka(h.penyerapan), "kategori_anggaran": h.kategori_anggaran,
        "efisiensi": _angka(h.efisiensi),
        **{f"temuan_{k}": (None if t is None else t[k]) for k in TINGKAT},
    }


KOLOM_REKAP = ["peringkat", "kecamatan", "nama", "sintetis", "skala", "capaian", "kategori",
               "ikm", "mutu", "penyerapan", "kategori_anggaran", "efisiensi",
               "temuan_galat", "temuan_peringatan", "temuan_info"]
KOLOM_GAGAL = ["kecamatan", "tahun", "status", "alasan"]


def peringkat(df: pd.DataFrame) -> pd.DataFrame:
    """Sorted by `ATURAN_PERINGKAT`, with a ``peringkat`` column (nullable int).

    >>> df = pd.DataFrame({"nama": ["A", "B", "C", "D"], "capaian": [90.0, 95.0, 90.0, None],
    ...                    "ikm": [80.0, 70.0, 80.0, 90.0]})
    >>> peringkat(df)[["nama", "peringkat"]].values.tolist()
    [['B', 1], ['A', 2], ['C', 2], ['D', <NA>]]
    """
    urut = df.sort_values(["capaian", "ikm", "nama"], ascending=[False, False, True],
                          na_position="last", kind="stable").reset_index(drop=True)
    kunci = list(zip(urut["capaian"].round(2), urut["ikm"].round(2).fillna(-1), strict=True))
    nomor = [None if pd.isna(c) else 1 + sum(k > kunci[i] for k in kunci if not pd.isna(k[0]))
             for i, (c, _) in enumerate(kunci)]
    return urut.assign(peringkat=pd.array(nomor, dtype="Int64"))


def rekap(data_dirs, tahun: int, entri: list[Entri] | None = None
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(kecamatan results of `tahun`, ranked; kecamatan missing or failed that year, why).

    `entri` from `kumpulkan` avoids loading again; else the folders are read."""
    semua = [e for e in (entri or kumpulkan(data_dirs, tahun)) if e.tahun == int(tahun)]
    dimuat = [_baris_rekap(e) for e in semua if e.status == STATUS_DIMUAT]
    hasil = peringkat(pd.DataFrame(dimuat, columns=[k for k in KOLOM_REKAP if k != "peringkat"]))
    return hasil[KOLOM_REKAP], gagal(semua)


def gagal(entri: list[Entri]) -> pd.DataFrame:
    """The kecamatan-years that are missing or failed to load, with the reason."""
    baris = [[e.kecamatan, e.tahun, e.status, e.alasan] for e in entri
             if e.status != STATUS_DIMUAT]
    return pd.DataFrame(baris, columns=KOLOM_GAGAL).sort_values(
        ["tahun", "kecamatan"], kind="stable").reset_index(drop=True)


def per_sasaran(entri: list[Entri], tahun: int) -> pd.DataFrame:
    """Capaian and kategori of every sasaran of every loaded kecamatan in `tahun`."""
    baris = [
        {"kecamatan": e.kecamatan, "nama": e.nama, "kode_sasaran": s.kode, "sasaran": s.sasaran,
         "capaian": _angka(s.capaian), "kategori": s.kategori}
        for e in entri if e.tahun == int(tahun) and e.status == STATUS_DIMUAT
        for s in e.hasil.sasaran.values()
    ]
    return pd.DataFrame(baris, columns=["kecamatan", "nama", "kode_sasaran", "sasaran",
                                        "capaian", "kategori"])


def ikm_unsur(entri: list[Entri], tahun: int) -> pd.DataFrame:
    """Nilai unsur (NRR × 25) of each kecamatan's IKM in `tahun`: rows kecamatan (name),
    columns the 9 unsur (full names), unrounded."""
    baris = {e.nama: e.hasil.ikm_tahun.nilai_unsur for e in entri
             if e.tahun == int(tahun) and e.status == STATUS_DIMUAT
             and e.hasil.ikm_tahun is not None}
    df = pd.DataFrame(baris).T if baris else pd.DataFrame(columns=[u.kunci for u in UNSUR])
    return df[[u.kunci for u in UNSUR]].rename(columns={u.kunci: u.nama for u in UNSUR})


# ---------------------------------------------------------------- over the years


def tren(entri: list[Entri]) -> pd.DataFrame:
    """Realisasi of every indicator, every kecamatan, every year asked.

    A year that was loaded gives its computed realisasi (``sumber`` "dihitung"); a year
    without data falls back on the typed history (``renstra/realisasi.csv``) read with the
    kecamatan's latest loaded year (``sumber`` "tertulis").
    """
    tahun = sorted({e.tahun for e in entri})
    baris: dict[tuple, dict] = {}
    for e in sorted(entri, key=lambda e: e.tahun):
        if e.status != STATUS_DIMUAT:
            continue
        for ind in e.hasil.indikator.values():
            for t, nilai in ind.riwayat.items():
                if t in tahun:
                    baris[(e.kecamatan, ind.kode, t)] = _baris_tren(e, ind, t, nilai, "tertulis")
            baris[(e.kecamatan, ind.kode, e.tahun)] = _baris_tren(
                e, ind, e.tahun, ind.realisasi, "dihitung")
    kolom = ["kecamatan", "nama", "kode_indikator", "indikator", "satuan", "tahun", "realisasi",
             "sumber"]
    df = pd.DataFrame(list(baris.values()), columns=kolom)
    return df.dropna(subset=["realisasi"]).sort_values(
        ["kode_indikator", "kecamatan", "tahun"], kind="stable").reset_index(drop=True)


def _baris_tren(e: Entri, ind, tahun: int, nilai, sumber: str) -> dict:
    return {"kecamatan": e.kecamatan, "nama": e.nama, "kode_indikator": ind.kode,
            "indikator": ind.indikator, "satuan": ind.satuan, "tahun": tahun,
            "realisasi": _angka(nilai), "sumber": sumber}


def nama_indikator(df_tren: pd.DataFrame) -> dict[str, str]:
    """kode_indikator → its most common name across kecamatan (ties: alphabetical)."""
    return {k: g["indikator"].value_counts().sort_index().idxmax()
            for k, g in df_tren.groupby("kode_indikator", sort=True)}


def ketersediaan(entri: list[Entri]) -> pd.DataFrame:
    """Status per kecamatan (rows, by name) and year (columns)."""
    df = pd.DataFrame([[e.nama, e.tahun, e.status] for e in entri],
                      columns=["Kecamatan", "tahun", "status"])
    tabel = df.pivot(index="Kecamatan", columns="tahun", values="status")
    tabel.columns = [str(t) for t in tabel.columns]
    return tabel


def tahun_terakhir(data_dirs, tahun: int) -> int:
    """The latest year with a folder in the data (at least `tahun`): where the trends end."""
    ada = [int(p.name) for d in folder_data(data_dirs)
           for p in Path(d).glob("*/[12][0-9][0-9][0-9]") if p.is_dir()]
    return max([int(tahun), *ada])


# ---------------------------------------------------------------- build


def notebook_kabupaten() -> Path:
    return config.NOTEBOOKS / "kabupaten" / "lkjip_kabupaten.ipynb"


def judul_kabupaten(tahun: int) -> str:
    return f"Laporan kabupaten {int(tahun)}"


def cek_ada_data(data_dirs, tahun: int) -> None:
    """Refuse a year for which no kecamatan has a data folder: the report would be empty.

    Raises `lkjip.bangun.GagalBangun` naming the folders searched and the years they hold."""
    from lkjip.bangun import GagalBangun
    from lkjip.galat import Masalah

    dirs = folder_data(data_dirs)
    tahun_ada = sorted({int(p.name) for d in dirs for p in Path(d).glob("*/[12][0-9][0-9][0-9]")
                        if p.is_dir() and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.parent.name)})
    if int(tahun) in tahun_ada:
        return
    ada = ", ".join(map(str, tahun_ada)) if tahun_ada else "tidak ada"
    pesan = (f"tidak ada data kecamatan tahun {int(tahun)} di {', '.join(map(str, dirs))}; "
             f"tahun yang ada: {ada}.")
    raise GagalBangun(judul_kabupaten(tahun), [Masalah("(argumen) --tahun", pesan=pesan)])


def bangun_kabupaten(tahun: int, data_dirs=None, out_dir=None, analis: bool = False,
                     kemajuan=None):
    """Build the kabupaten report under ``<out>/kabupaten/<tahun>/`` (ipynb, HTML, PDF) through
    the one build path (`lkjip.bangun.bangun_dokumen`); returns its `BerkasLaporan`.

    A year without any kecamatan data is refused before anything is built (`cek_ada_data`)."""
    from lkjip.bangun import Dokumen, bangun_dokumen

    tahun = int(tahun)
    cek_ada_data(data_dirs, tahun)
    out = Path(out_dir or config.outputs()).resolve()
    dirs = [str(Path(d).resolve()) for d in folder_data(data_dirs)]
    dok = Dokumen(judul=judul_kabupaten(tahun), bab=(notebook_kabupaten(),),
                  parameter={"tahun": tahun, "data_dirs": dirs},
                  folder=out / "kabupaten" / str(tahun), nama=f"lkjip_kabupaten_{tahun}",
                  analis=analis)
    (berkas,) = bangun_dokumen(dok, out_dir=out, kemajuan=kemajuan)
    return berkas


# ---------------------------------------------------------------- tables and sentences to show


def _jumlah(n) -> str:
    return "tidak tersedia" if n is None or pd.isna(n) else str(int(n))


def tabel_rekap(rekap: pd.DataFrame) -> pd.DataFrame:
    """Table of the year's comparison, Indonesian numbers, one row per kecamatan."""
    return _kolom_bertingkat(pd.DataFrame({
        "No.": [_jumlah(p) if not pd.isna(p) else "–" for p in rekap["peringkat"]],
        "Kecamatan": [n + (" *" if s else "") for n, s in zip(rekap["nama"], rekap["sintetis"],
                                                              strict=True)],
        ("Capaian kinerja", "%"): rekap["capaian"].map(format_persen),
        ("Capaian kinerja", "Kategori"): rekap["kategori"].fillna("–"),
        ("IKM", "Nilai"): rekap["ikm"].map(format_angka),
        ("IKM", "Mutu"): rekap["mutu"].fillna("–"),
        ("Anggaran", "Penyerapan"): rekap["penyerapan"].map(format_persen),
        ("Anggaran", "Efisiensi"): rekap["efisiensi"].map(format_angka),
        ("Temuan", "G"): rekap["temuan_galat"].map(_jumlah),
        ("Temuan", "P"): rekap["temuan_peringatan"].map(_jumlah),
        ("Temuan", "I"): rekap["temuan_info"].map(_jumlah),
    }))


def _kolom_bertingkat(df: pd.DataFrame) -> pd.DataFrame:
    df.columns = pd.MultiIndex.from_tuples([k if isinstance(k, tuple) else (k, "")
                                            for k in df.columns])
    return df


def tabel_sasaran(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Kecamatan": df["nama"], "Sasaran": df["kode_sasaran"] + " " + df["sasaran"],
        "Capaian": df["capaian"].map(format_persen), "Kategori": df["kategori"].fillna("–"),
    })


def tabel_gagal(df: pd.DataFrame, entri: list[Entri]) -> pd.DataFrame:
    nama = {e.kecamatan: e.nama for e in entri}
    return pd.DataFrame({
        "Kecamatan": [nama.get(k, k) for k in df["kecamatan"]], "Tahun": df["tahun"].astype(str),
        "Status": df["status"], "Alasan": df["alasan"],
    })


def kalimat_ringkasan(rekap: pd.DataFrame, gagal_tahun: pd.DataFrame, tahun: int) -> str:
    """One paragraph: how many kecamatan were compared, the first and the last, failures."""
    n = len(rekap)
    if not n:
        return f"Tidak ada data kecamatan tahun {tahun} yang dapat dimuat."
    terukur = rekap.dropna(subset=["capaian"])
    teks = (f"Rekapitulasi ini membandingkan {n} kecamatan untuk tahun {tahun}. ")
    if len(terukur):
        a, z = terukur.iloc[0], terukur.iloc[-1]
        teks += (f"Capaian kinerja tertinggi dicapai Kecamatan {a['nama']} "
                 f"({format_persen(a['capaian'])}, {a['kategori']}) dan terendah Kecamatan "
                 f"{z['nama']} ({format_persen(z['capaian'])}, {z['kategori']}). "
                 f"Rata-rata capaian kinerja kecamatan {format_persen(terukur['capaian'].mean())}"
                 f", rata-rata penyerapan anggaran {format_persen(rekap['penyerapan'].mean())}. ")
    gagal_ = gagal_tahun[gagal_tahun["status"] == STATUS_GAGAL]
    if len(gagal_):
        teks += (f"{len(gagal_)} kecamatan tidak dapat dimuat ({', '.join(gagal_['kecamatan'])}); "
                 "alasannya ada pada Tabel 4.2. ")
    if rekap["sintetis"].any():
        teks += ("Kecamatan bertanda * memakai data sintetis (contoh), bukan data resmi.")
    return teks.strip()


def kalimat_ikm(tabel: pd.DataFrame) -> str:
    """The unsur with the highest and lowest mean over the kecamatan."""
    if tabel.empty:
        return "Tidak ada data IKM yang dapat dibandingkan."
    rerata = tabel.mean()
    return (f"Rata-rata seluruh kecamatan, unsur tertinggi adalah {rerata.idxmax()} "
            f"({format_angka(rerata.max())}) dan terendah {rerata.idxmin()} "
            f"({format_angka(rerata.min())}).")
