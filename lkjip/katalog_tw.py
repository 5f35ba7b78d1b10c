"""The catalogue of quarterly figures: the paths ``lkjip jelaskan --triwulan N`` explains.

The same mechanism as the year's catalogue (`lkjip.katalog`): one `Jenis` per kind of figure,
with its path, its reader and the choices of each key; `katalog.cari` and
`katalog.daftar_jalur` take this table instead of `KATALOG`, and `lkjip.jejak` explains the
figure found down to the typed cells. The model read is the quarterly one
(`lkjip.triwulan.HasilTriwulan` of TW n), not the year's `Hasil`. No quarterly figure is
stated in ``tersaji.csv``, so the entries have no ``besaran``; their `Satuan` says what they
count, nothing compares them.

Keys: ``<baris>`` a PK row as ``<kode_pejabat>.<no>`` (``sekcam.2``: pk_indikator.csv for
``kinerja/``, pk_anggaran.csv for ``anggaran/``); ``<tw>`` ``tw1`` … the report's quarter;
``<unit>`` a pejabat's code or ``kecamatan``.

>>> [j.jalur for j in KATALOG_TW][:4]
['kinerja/<baris>/target', 'kinerja/<baris>/<tw>/target', 'kinerja/<baris>/<tw>/realisasi', \
'kinerja/<baris>/<tw>/capaian']
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip.katalog import PERSEN, RUPIAH, Jenis, Satuan
from lkjip.triwulan import AnggaranTw, HasilTriwulan, IndikatorTw, RingkasanTw

SATUAN_INDIKATOR = Satuan("satuan indikator", 2, True)  # the PK row's own unit (dokumen, %, …)
KECAMATAN = "kecamatan"


def kunci_baris(x: IndikatorTw | AnggaranTw) -> str:
    """The ``<baris>`` key of a PK row: ``sekcam.2``."""
    return f"{x.kode_pejabat}.{x.no}"


def _indikator(h: HasilTriwulan, baris: str) -> IndikatorTw:
    return next(i for i in h.indikator if kunci_baris(i) == baris)


def _anggaran(h: HasilTriwulan, baris: str) -> AnggaranTw:
    return next(a for a in h.anggaran if kunci_baris(a) == baris)


def _unit(h: HasilTriwulan, unit: str) -> RingkasanTw:
    return h.kecamatan if unit == KECAMATAN else h.pejabat[unit]


def _tw(tw: str) -> int:
    """``tw3`` → the index of TW III in a row's points (0-based)."""
    return int(tw[2:]) - 1


def _di_tw(kolom: str) -> Callable:
    """The reader of one figure of a row's point s.d. a quarter (`TitikTw`)."""
    return lambda x, tw: getattr(x.titik[_tw(tw)], kolom)


_PILIH_TW = {"tw": lambda h: [f"tw{q}" for q in range(1, h.triwulan + 1)]}
_PILIH_KINERJA = {"baris": lambda h: [kunci_baris(i) for i in h.indikator]} | _PILIH_TW
_PILIH_ANGGARAN = {"baris": lambda h: [kunci_baris(a) for a in h.anggaran]} | _PILIH_TW
_PILIH_UNIT = {"unit": lambda h: [*h.pejabat, KECAMATAN]}


def _kinerja(akhir: str, uraian: str, ambil: Callable, satuan=SATUAN_INDIKATOR) -> Jenis:
    return Jenis(f"kinerja/<baris>/{akhir}", uraian, lambda h, b, *tw: ambil(_indikator(h, b), *tw),
                 satuan, pilihan=_PILIH_KINERJA)


def _anggaran_tw(akhir: str, uraian: str, ambil: Callable, satuan=RUPIAH) -> Jenis:
    return Jenis(f"anggaran/<baris>/{akhir}", uraian, lambda h, b, *tw: ambil(_anggaran(h, b), *tw),
                 satuan, pilihan=_PILIH_ANGGARAN)


def _ringkasan(akhir: str, uraian: str, kolom: str, satuan=RUPIAH) -> Jenis:
    return Jenis(f"ringkasan/<unit>/{akhir}", uraian,
                 lambda h, u: getattr(_unit(h, u), kolom), satuan, pilihan=_PILIH_UNIT)


KATALOG_TW: tuple[Jenis, ...] = (
    _kinerja("target", "target tahunan indikator PK", lambda i: i.target),
    _kinerja("<tw>/target", "target indikator PK s.d. triwulan", _di_tw("target")),
    _kinerja("<tw>/realisasi", "realisasi indikator PK s.d. triwulan", _di_tw("realisasi")),
    _kinerja("<tw>/capaian", "capaian indikator PK s.d. triwulan", _di_tw("capaian"), PERSEN),
    _kinerja("proyeksi", "proyeksi realisasi akhir tahun (peringatan dini)",
             lambda i: i.proyeksi.nilai),
    _kinerja("capaian_proyeksi", "capaian proyeksi akhir tahun (dasar status)",
             lambda i: i.proyeksi.persen, PERSEN),
    _kinerja("selisih", "proyeksi − target tahunan, dalam satuan indikator",
             lambda i: i.proyeksi.selisih),
    _anggaran_tw("anggaran", "anggaran baris PK", lambda a: a.anggaran),
    _anggaran_tw("<tw>/kas", "anggaran kas (rencana) s.d. triwulan", _di_tw("target")),
    _anggaran_tw("<tw>/realisasi", "realisasi anggaran s.d. triwulan", _di_tw("realisasi")),
    _anggaran_tw("<tw>/penyerapan_kas", "penyerapan terhadap anggaran kas s.d. triwulan",
                 _di_tw("capaian"), PERSEN),
    _anggaran_tw("penyerapan_anggaran", "penyerapan terhadap anggaran s.d. triwulan laporan",
                 lambda a: a.penyerapan_pagu, PERSEN),
    _anggaran_tw("proyeksi", "proyeksi realisasi anggaran akhir tahun",
                 lambda a: a.proyeksi.nilai),
    _anggaran_tw("penyerapan_proyeksi", "penyerapan proyeksi akhir tahun (dasar status)",
                 lambda a: a.proyeksi.persen, PERSEN),
    _anggaran_tw("selisih", "proyeksi − anggaran (Rupiah)", lambda a: a.proyeksi.selisih),
    _ringkasan("capaian", "rata-rata capaian indikator yang dinilai s.d. triwulan laporan",
               "capaian", PERSEN),
    _ringkasan("anggaran", "anggaran (Σ rincian PK)", "anggaran"),
    _ringkasan("kas", "anggaran kas s.d. triwulan laporan", "kas"),
    _ringkasan("realisasi", "realisasi anggaran s.d. triwulan laporan", "realisasi"),
    _ringkasan("penyerapan_kas", "penyerapan terhadap anggaran kas s.d. triwulan laporan",
               "penyerapan_kas", PERSEN),
    _ringkasan("penyerapan_anggaran", "penyerapan terhadap anggaran s.d. triwulan laporan",
               "penyerapan_pagu", PERSEN),
)


__all__ = ["KATALOG_TW", "kunci_baris"]
