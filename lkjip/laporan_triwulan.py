"""The quarterly monitoring report: readiness, sections, and the build of one kecamatan-quarter.

`bangun_triwulan(kecamatan, tahun, n)` writes
``outputs/<kecamatan>/<tahun>/tw<n>/monitoring_<kecamatan>_<tahun>_tw<n>.{ipynb,html,pdf,docx}``
from the parameterised notebook ``notebooks/triwulan/monitoring_triwulan.ipynb`` (not a chapter
of the yearly report: it lives outside ``notebooks/0*_*.ipynb``), through the one build path of
lkjip documents (atomic write, lock, cleanup, Indonesian disk errors). Before any kernel starts
the data are loaded, checked and tested for readiness (`cek_siap`): a kecamatan-year without
quarterly realisasi gets a message naming the files to fill, and nothing is written.

The notebook holds narrative and one-line calls; the sections with loops (one table and chart
per pejabat) are `bagian_kinerja` and `bagian_anggaran` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip import config, tampil
from lkjip import grafik_triwulan as gt
from lkjip import tabel_triwulan as tt
from lkjip.galat import LkjipError, Masalah
from lkjip.skema import STATUS_TW
from lkjip.triwulan import (
    BELUM_DINILAI,
    NAMA_TW,
    TW,
    HasilTriwulan,
    hitung_triwulan,
    induk_anggaran,
    rincian_di_bawah,
)

NOTEBOOK = Path("triwulan") / "monitoring_triwulan.ipynb"
JUDUL = "Laporan Pengukuran Kinerja Triwulan"
# the quarterly reports' files (kecamatan and kabupaten); the .docx as the yearly edition's
FORMAT = ("ipynb", "html", "pdf", "docx")


def cek_triwulan(n) -> int:
    """The quarter as 1–4, or a clear refusal.

    >>> cek_triwulan("3")
    3
    """
    from lkjip.parameter import ParameterTidakSah

    if isinstance(n, bool) or str(n).strip() not in ("1", "2", "3", "4"):
        raise ParameterTidakSah([Masalah("(argumen) --triwulan", nilai=str(n),
                                         harapan="1, 2, 3 atau 4")])
    return int(n)


def nama_dasar(kecamatan: str, tahun: int, n: int) -> str:
    """The report's file name without extension.

    >>> nama_dasar("pemalang", 2023, 3)
    'monitoring_pemalang_2023_tw3'
    """
    return f"monitoring_{kecamatan}_{tahun}_tw{n}"


def folder_laporan(out_dir, kecamatan: str, tahun: int, n: int) -> Path:
    return Path(out_dir) / kecamatan / str(tahun) / f"tw{n}"


def _isi(df, kolom: str) -> bool:
    return bool(len(df)) and bool(df[kolom].notna().any())


def cek_siap(data, n: int) -> list[Masalah]:
    """What is missing for the report of TW n: the quarterly files, or this quarter in them."""
    masalah = []
    for tabel, induk in (("realisasi_pk_tw", "pk_indikator"),
                         ("realisasi_anggaran_tw", "pk_anggaran")):
        berkas = data.berkas.get(tabel, f"{tabel}.csv")
        df = getattr(data, tabel)
        if not len(df):
            masalah.append(Masalah(berkas, pesan=(
                f"belum ada. Isi realisasi triwulan {_baris_diisi(data, induk)}, dengan "
                f"kode_pejabat dan no yang sama; judul kolom: {', '.join(_judul(tabel))}. "
                "Lihat data/README.md bagian Triwulan.")))
        elif not _isi(df, TW[n - 1]):
            masalah.append(Masalah(berkas, kolom=TW[n - 1], pesan=(
                f"realisasi {NAMA_TW[n - 1]} belum diisi pada baris mana pun; isi kolom "
                f"{TW[n - 1]} sebelum membuat laporan {NAMA_TW[n - 1]}.")))
    return masalah


def _baris_diisi(data, induk: str) -> str:
    """Which PK rows a quarterly file holds: every indicator row, or the lowest budget rows."""
    if induk == "pk_indikator":
        return f"setiap baris indikator PK ({len(data.pk_indikator)} baris pk_indikator.csv)"
    bawah = rincian_di_bawah(data.pk_anggaran, induk_anggaran(data))
    rincian = sum(1 for v in bawah.values() if not v)
    return (f"anggaran pada {rincian} baris rincian terendah dari {len(data.pk_anggaran)} baris "
            "pk_anggaran.csv (realisasi kumulatif s.d. akhir triwulan)")


def _judul(tabel: str) -> list[str]:
    from lkjip.skema import BERKAS

    return BERKAS[f"{tabel}.csv"].kolom_nama()


def folder_data(kecamatan: str, data_dir=None) -> Path:
    """The data folder holding `kecamatan`: `data_dir`, else data/ then data-sintetis/."""
    if data_dir is not None:
        return Path(data_dir)
    for folder in (config.data(), config.data_sintetis()):
        if (Path(folder) / kecamatan).is_dir():
            return Path(folder)
    return config.data()


def muat_triwulan(kecamatan: str, tahun, n, data_dir=None) -> HasilTriwulan:
    """Load, check readiness and compute the figures of TW n; one `LkjipError` otherwise."""
    from lkjip.muat import muat

    n = cek_triwulan(n)
    data = muat(kecamatan, tahun, folder_data(kecamatan, data_dir))
    masalah = cek_siap(data, n)
    if masalah:
        raise LkjipError(masalah)
    return hitung_triwulan(data, n)


def temuan_triwulan(h: HasilTriwulan) -> list:
    """The findings of the quarterly rules (`tw-*`, `lkjip.periksa.triwulan`) on this
    kecamatan-year, for the report to name (a build does not run `lkjip check`)."""
    from lkjip.periksa import periksa

    return [t for t in periksa(h.data) if t.aturan.startswith("tw-")]


def sampul(h: HasilTriwulan) -> tampil.Sampul:
    p = h.data.profil
    return tampil.sampul(p["nama_kecamatan"], p["kabupaten"], h.data.tahun,
                         provinsi=p["provinsi"], sintetis=h.data.sintetis, judul=JUDUL,
                         periode=f"Triwulan {tt.ROMAWI_TW[h.triwulan - 1]} Tahun {h.data.tahun}")


# ---------------------------------------------------------------- sections with loops


def bagian_kinerja(h: HasilTriwulan, bab: str) -> list:
    """Per pejabat: a heading, the table of its indicators and the charts of their paths."""
    isi, nomor_tabel, nomor_grafik = [], 0, 0
    for kode, r in h.pejabat.items():
        tabel = tt.tabel_indikator_pejabat(h, kode, f"{bab}.{nomor_tabel + 1}")
        if tabel is None:
            continue
        nomor_tabel += 1
        isi += [tampil.subjudul(f"{_huruf(nomor_tabel)}. {r.nama}"), tabel]
        for fig in gt.jalur_indikator([i for i in h.indikator if i.kode_pejabat == kode]):
            nomor_grafik += 1
            isi.append(tampil.grafik(fig, f"{bab}.{nomor_grafik}",
                                     f"Realisasi terhadap jalur target triwulan, {r.nama}"))
    return isi


def bagian_anggaran(h: HasilTriwulan, bab: str) -> list:
    """The kecamatan's plan against realisasi, penyerapan per pejabat, then each PK's lines."""
    k, s = h.kecamatan, f"s.d. {NAMA_TW[h.triwulan - 1]}"
    isi = [tampil.grafik(gt.jalur_anggaran(k.jalur, k.realisasi_tw), f"{bab}.1",
                         f"Anggaran kas dan realisasi anggaran {k.nama} per triwulan",
                         sumber="PK (anggaran kas) dan realisasi_anggaran_tw.csv"),
           tampil.grafik(gt.penyerapan_pejabat({r.nama: r.penyerapan_kas
                                                for r in h.pejabat.values()}), f"{bab}.2",
                         f"Penyerapan terhadap anggaran kas per pejabat {s}")]
    nomor = 0
    for kode in h.pejabat:
        tabel = tt.tabel_anggaran_pejabat(h, kode, f"{bab}.{nomor + 1}")
        if tabel is not None:
            nomor += 1
            isi.append(tabel)
    return isi


def _huruf(n: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26]


# ---------------------------------------------------------------- build


def bangun_triwulan(kecamatan: str, tahun, triwulan, data_dir=None, out_dir=None,
                    analis: bool = False, kemajuan=None):
    """Build the report of one kecamatan-quarter; its files (`BerkasLaporan`), through the one
    build path (`lkjip.bangun.bangun_dokumen`: lock, atomic write, disk errors, Ctrl-C).

    Bad or missing data end in `LkjipError` before any notebook runs or any file is written.
    """
    from lkjip.bangun import Dokumen, bangun_dokumen
    from lkjip.parameter import cek_nama

    tahun, n = cek_nama(kecamatan, tahun), cek_triwulan(triwulan)
    folder = folder_data(kecamatan, data_dir).resolve()
    muat_triwulan(kecamatan, tahun, n, folder)
    out = Path(out_dir or config.outputs()).resolve()
    parameter = {"kecamatan": kecamatan, "tahun": tahun, "triwulan": n, "data_dir": str(folder)}
    dok = Dokumen(judul=f"Laporan triwulan {n} {kecamatan} {tahun}",
                  bab=(config.notebooks() / NOTEBOOK,), parameter=parameter,
                  folder=folder_laporan(out, kecamatan, tahun, n),
                  nama=nama_dasar(kecamatan, tahun, n), format=FORMAT, analis=analis)
    (berkas,) = bangun_dokumen(dok, out_dir=out, kemajuan=kemajuan)
    return berkas


# ---------------------------------------------------------------- a batch: which kecamatan lag


@dataclass(frozen=True)
class HasilTw:
    """One kecamatan-quarter of a batch: built (with its figures) or not, and why."""

    kecamatan: str
    tahun: int
    ok: bool
    berkas: object = None
    hasil: HasilTriwulan | None = None
    alasan: str = ""


def bangun_satu(kecamatan: str, tahun: int, n: int, data_dir=None, out_dir=None) -> HasilTw:
    """Build one report of a batch; a refusal or failure is kept with its reason."""
    try:
        h = muat_triwulan(kecamatan, tahun, n, data_dir)
        berkas = bangun_triwulan(kecamatan, tahun, n, data_dir, out_dir)
    except LkjipError as e:
        return HasilTw(kecamatan, int(tahun), False, alasan=str(e))
    return HasilTw(kecamatan, int(tahun), True, berkas, h)


def _lag(x: HasilTw):
    if x.hasil is None:
        return (1, 0, x.kecamatan)
    j = x.hasil.kecamatan.jumlah_status
    return (0, -j[STATUS_TW[2]], x.kecamatan)


def ringkasan_batch(hasil: list[HasilTw], n: int) -> str:
    """The batch summary, most lagging kecamatan first: statuses, penyerapan, and on what."""
    baris = [f"{'KECAMATAN':<20} {'TAHUN':<6} {'HASIL':<9} {'SESUAI':>6} {'PERLU':>6} "
             f"{'TIDAK':>6} {'BELUM':>6}  PENYERAPAN TW {tt.ROMAWI_TW[n - 1]}"]
    for x in sorted(hasil, key=_lag):
        if x.hasil is None:
            baris.append(f"{x.kecamatan:<20} {x.tahun:<6} GAGAL")
            baris += [f"    {b}" for b in x.alasan.splitlines()[:6]]
            continue
        k = x.hasil.kecamatan
        j = [k.jumlah_status[s] for s in STATUS_TW] + [k.jumlah_status[BELUM_DINILAI]]
        serap = tt.persen_tampil(k.penyerapan_kas)
        baris.append(f"{x.kecamatan:<20} {x.tahun:<6} {'dibangun':<9} "
                     + " ".join(f"{v:>6}" for v in j) + f"  {serap} % dari anggaran kas")
        tidak = [i.indikator for i in x.hasil.indikator if i.proyeksi.status == STATUS_TW[2]]
        if tidak:
            lain = f" (+{len(tidak) - 3} lainnya)" if len(tidak) > 3 else ""
            baris.append(f"    diperkirakan tidak tercapai: {'; '.join(tidak[:3])}{lain}")
    gagal = sum(not x.ok for x in hasil)
    baris.append(f"Jumlah: {len(hasil) - gagal} dibangun, {gagal} gagal. Kolom SESUAI/PERLU/"
                 "TIDAK/BELUM: indikator sesuai jalur, perlu perhatian, diperkirakan tidak "
                 "tercapai, belum dinilai.")
    return "\n".join(baris)
