"""Bab III's comparisons per indicator, as figures (Permenpan RB 53/2014, Lampiran III).

For each PK indicator the regulation asks the LKjIP to compare the realisasi with the target of
the year, with earlier years, with the Renstra end target, with a standard, and to explain the
causes of success or failure. This module computes those comparisons from the data
(`lkjip.muat`) and the computed model (`lkjip.hitung`) and returns plain data and `Angka` with
provenance; the tables, charts and sentences that show them are views
(`lkjip.tabel_analisis`, `lkjip.narasi_analisis`, `lkjip.grafik`). Resources (budget per
program and kegiatan, efficiency, the PK of the program level) are in `lkjip.analisis_dukungan`,
the kabupaten's other kecamatan in `lkjip.pembanding`.

Rounding. A *difference* of two printed figures (realisasi − target, this year − last year,
what is left to the Renstra end target) is computed from the two figures rounded half-up to
2 dp, so that the sentence's arithmetic checks by hand (82,78 − 80,63 = 2,15) whatever the
digits behind them; ratios and means are computed unrounded and rounded once, at the end (the
project rule). A difference of two unrounded values could print 0,01 away from the difference
of the printed figures, which a reviewer would rightly flag.

Direction. "Better" follows the indicator's ``arah``: for ``naik`` a higher realisasi is better,
for ``turun`` a lower one.

>>> selisih(Angka(Decimal("82.7777")), Decimal("80.63")).uraian()
'2,15 = 82,78 − 80,63'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.angka import Angka, Sumber, bulatkan, nilai_dari, sebagai_masukan
from lkjip.capaian import capaian_angka
from lkjip.ikm import MUTU, UNSUR, mutu_ikm

RUMUS_SELISIH = "Nilai − Pembanding (keduanya dibulatkan dua desimal)"
SUMBER_MUTU_IKM = "Peraturan Menteri PAN dan RB Nomor 14 Tahun 2017"
SERATUS = Decimal(100)


# ---------------------------------------------------------------- differences


def selisih(a, b, label: str = "") -> Angka:
    """a − b of the two figures as printed (each rounded half-up to 2 dp first). It shows with
    the places of its inputs (an `Angka`'s `desimal`, 2 for any other number, at most 2): the
    difference of two counts is a count, '1 = 4 − 3', not '1,00 = 4 − 3'.

    >>> selisih(Decimal("86.8148"), Decimal("94.69")).bulat, selisih(None, 3).nilai
    (Decimal('-7.88'), None)
    >>> selisih(Angka(Decimal(4), desimal=0), Angka(Decimal(3), desimal=0)).uraian()
    '1 = 4 − 3'
    """
    masukan = (sebagai_masukan(a), sebagai_masukan(b))
    x, y = (bulatkan(nilai_dari(m)) for m in masukan)
    desimal = min(2, max(m.desimal if isinstance(m, Angka) else 2 for m in masukan))
    if x is None or y is None:
        return Angka(None, RUMUS_SELISIH, masukan, label=label, desimal=desimal)
    return Angka(x - y, RUMUS_SELISIH, masukan, label=label, pola="{0} − {1}", desimal=desimal)


def perubahan_relatif(baru, lama, label: str = "") -> Angka:
    """(baru − lama) / lama × 100 of the printed figures; not available when lama is 0.

    >>> perubahan_relatif(Decimal("82.78"), Decimal("80.63")).bulat  # 2,15 / 80,63 × 100
    Decimal('2.67')
    >>> perubahan_relatif(5, 0).nilai is None
    True
    """
    beda = selisih(baru, lama)
    dasar = bulatkan(nilai_dari(sebagai_masukan(lama)))
    rumus = "(Nilai − Pembanding) / Pembanding × 100"
    if beda.nilai is None or not dasar:
        return Angka(None, rumus, (beda,), label=label)
    return Angka(beda.nilai / dasar * SERATUS, rumus, (beda, dasar), label=label,
                 pola="{0} / {1} × 100")


def lebih_baik(beda: Angka, arah: str) -> bool | None:
    """Whether a difference (value − reference) is good news for an indicator of `arah`;
    None when it is 0 or not available.

    >>> lebih_baik(Angka(Decimal("2.15")), "naik"), lebih_baik(Angka(Decimal("2")), "turun")
    (True, False)
    """
    if beda.nilai is None or beda.bulat == 0:
        return None
    return (beda.nilai > 0) == (arah == "naik")


# ---------------------------------------------------------------- target and earlier years


@dataclass(frozen=True)
class Banding:
    """This year's realisasi against one earlier year's."""

    tahun: int
    nilai: Angka
    selisih: Angka
    relatif: Angka
    membaik: bool | None


@dataclass(frozen=True)
class Tren:
    """An indicator over the years: realisasi, target and capaian where the data has them."""

    kode: str
    realisasi: dict[int, Angka]
    target: dict[int, Angka]
    capaian: dict[int, Angka]
    selisih_target: Angka
    lalu: Banding | None
    awal: Banding | None


def _banding(i, tahun: int, nilai: Angka, kode: str) -> Banding:
    beda = selisih(i.realisasi, nilai, f"perubahan realisasi {kode} dari {tahun}")
    return Banding(tahun, nilai, beda,
                   perubahan_relatif(i.realisasi, nilai, f"perubahan relatif {kode} dari {tahun}"),
                   lebih_baik(beda, i.arah))


def tren(data, hasil, kode: str) -> Tren:
    """Realisasi and capaian of an indicator this year against its target and earlier years.

    ``lalu`` compares with the latest earlier year that has a realisasi, ``awal`` with the
    first (only when it is another year). Capaian of a year needs that year's target.
    """
    i = hasil.indikator[kode]
    realisasi = {t: a for t, a in sorted(i.riwayat.items()) if a.nilai is not None}
    if i.realisasi.nilai is not None:
        realisasi[data.tahun] = i.realisasi
    capaian = {t: capaian_angka(realisasi[t], i.target_tahunan[t], i.arah, i.metode,
                                label=f"capaian {kode} {t}")
               for t in realisasi if t in i.target_tahunan and t != data.tahun}
    if i.capaian.nilai is not None:
        capaian[data.tahun] = i.capaian
    lalu = [t for t in realisasi if t < data.tahun]
    ada = i.realisasi.nilai is not None and lalu
    return Tren(
        kode, realisasi, dict(sorted(i.target_tahunan.items())), dict(sorted(capaian.items())),
        selisih(i.realisasi, i.target, f"realisasi − target {kode}"),
        _banding(i, lalu[-1], realisasi[lalu[-1]], kode) if ada else None,
        _banding(i, lalu[0], realisasi[lalu[0]], kode) if ada and len(lalu) > 1 else None,
    )


# ---------------------------------------------------------------- the Renstra end target


@dataclass(frozen=True)
class SisaRenstra:
    """What is left to reach the Renstra end target, and in how many years.

    ``sisa`` is the gap in the indicator's unit, positive while the end target is not reached
    (naik: target akhir − realisasi; turun: realisasi − target akhir); ``per_tahun`` spreads it
    evenly over the years left (renstra_akhir − tahun).
    """

    kode: str
    tahun_akhir: int
    target_akhir: Angka | None
    progres: Angka
    sisa: Angka
    sisa_tahun: int
    per_tahun: Angka | None
    tercapai: bool | None
    target_berikut: tuple[int, Angka] | None


def sisa_renstra(data, hasil, kode: str) -> SisaRenstra:
    """The Renstra end target against this year's realisasi: progress, gap, years left.

    Years are counted from the data: ``profil.renstra_akhir`` − the report's year.
    """
    i = hasil.indikator[kode]
    akhir = int(data.profil["renstra_akhir"])
    sisa_tahun = max(akhir - int(data.tahun), 0)
    sisa = selisih(i.target_akhir, i.realisasi, f"sisa menuju target akhir Renstra {kode}") \
        if i.arah == "naik" else selisih(i.realisasi, i.target_akhir,
                                         f"sisa menuju target akhir Renstra {kode}")
    tercapai = None if sisa.nilai is None else sisa.nilai <= 0
    per_tahun = None
    if sisa.nilai is not None and sisa.nilai > 0 and sisa_tahun:
        per_tahun = Angka(sisa.nilai / sisa_tahun, "Sisa / jumlah tahun Renstra tersisa",
                          (sisa, Decimal(sisa_tahun)), label=f"kebutuhan per tahun {kode}",
                          pola="{0} / {1}")
    berikut = [(t, a) for t, a in sorted(i.target_tahunan.items()) if t > data.tahun]
    return SisaRenstra(kode, akhir, i.target_akhir, i.progres, sisa, sisa_tahun, per_tahun,
                       tercapai, berikut[0] if berikut else None)


# ---------------------------------------------------------------- standards


@dataclass(frozen=True)
class Standar:
    """A national, provincial or kabupaten standard and how the realisasi stands to it."""

    tingkat: str
    uraian: str
    sumber: str
    nilai: Angka
    selisih: Angka
    terpenuhi: bool | None


def standar(data, hasil, kode: str) -> list[Standar]:
    """Standards for an indicator: the rows of ``standar.csv``, and for an IKM indicator the
    national mutu bands of Permenpan RB 14/2017 (the band above the one reached, or band A)."""
    i = hasil.indikator[kode]
    hasil_standar = []
    df = data.standar[data.standar["kode_indikator"] == kode]
    berkas = data.berkas.get("standar", "standar.csv")
    for _, r in df.iterrows():
        nilai = Sumber(berkas, int(r["_baris"]), "nilai", r["nilai"])
        beda = selisih(i.realisasi, nilai, f"realisasi − standar {r['tingkat']} {kode}")
        hasil_standar.append(Standar(r["tingkat"], r["uraian"], r["sumber"],
                                     Angka(nilai.angka, "nilai standar tertulis", (nilai,)),
                                     beda, _terpenuhi(beda, i.arah)))
    if i.sumber_realisasi == "ikm" and i.realisasi.nilai is not None:
        hasil_standar.append(_standar_mutu(i))
    return hasil_standar


def _terpenuhi(beda: Angka, arah: str) -> bool | None:
    if beda.nilai is None:
        return None
    return beda.nilai >= 0 if arah == "naik" else beda.nilai <= 0


def _standar_mutu(i) -> Standar:
    """The IKM against the lower bound of the next mutu band (or of band A when reached)."""
    mutu, _ = mutu_ikm(i.realisasi.bulat)
    urut = [m for m in MUTU]  # highest first
    posisi = next(n for n, m in enumerate(urut) if m[1] == mutu)
    batas, huruf, nama = urut[max(posisi - 1, 0)]
    nilai = Angka(batas, f"batas bawah mutu {huruf} ({nama})", label=f"batas mutu {huruf}")
    beda = selisih(i.realisasi, nilai, f"IKM − batas mutu {huruf}")
    return Standar("nasional", f"batas bawah mutu pelayanan {huruf} ({nama}) IKM",
                   SUMBER_MUTU_IKM, nilai, beda, _terpenuhi(beda, "naik"))


# ---------------------------------------------------------------- causes: composites and IKM


@dataclass(frozen=True)
class Komponen:
    """A leaf of a composite tree: its value and what it costs the composite.

    The composite is a mean of means, so a leaf weighs 1/``penyebut`` (the product of the
    number of siblings on its path); ``kekurangan`` = (100 − nilai) / penyebut is the number of
    points the composite lies below 100 because of this leaf. The kekurangan of all leaves add
    up to 100 − the composite (each rounded, so the printed sum may differ by 0,01).
    """

    kode: str
    nama: str
    dalam: int
    penyebut: int
    nilai: Angka
    kekurangan: Angka


def _anak_komposit(data) -> dict:
    df = data.komposit.sort_values(["urutan", "_baris"])
    anak: dict = {}
    for kode, induk in zip(df["kode_node"], df["kode_induk"], strict=True):
        anak.setdefault(induk if isinstance(induk, str) and induk else None, []).append(kode)
    return anak


def komponen(data, hasil, kode_akar: str) -> list[Komponen]:
    """The leaves of a composite tree in reading order, with their weight and shortfall.

    A leaf counts only under ``rerata`` nodes (the only kind that has children).
    """
    anak, nama = _anak_komposit(data), dict(zip(data.komposit["kode_node"],
                                                 data.komposit["nama"], strict=True))
    daun: list[Komponen] = []

    def turun(kode: str, dalam: int, penyebut: int) -> None:
        if not anak.get(kode):
            if dalam:
                daun.append(_komponen(kode, nama[kode], dalam, penyebut, hasil.komposit[kode]))
            return
        for k in anak[kode]:
            turun(k, dalam + 1, penyebut * len(anak[kode]))

    turun(kode_akar, 0, 1)
    return daun


def _komponen(kode, nama, dalam, penyebut, nilai: Angka) -> Komponen:
    kurang = Angka(None if nilai.nilai is None else (SERATUS - nilai.nilai) / penyebut,
                   "(100 − Nilai komponen) / Penyebut bobot", (nilai, Decimal(penyebut)),
                   label=f"kekurangan {kode}", pola="(100 − {0}) / {1}")
    return Komponen(kode, nama, dalam, penyebut, nilai, kurang)


def komponen_terlemah(daftar: list[Komponen]) -> list[Komponen]:
    """Leaves that cost the composite points, largest shortfall first (ties in tree order)."""
    kurang = [k for k in daftar if k.kekurangan.bulat is not None and k.kekurangan.bulat > 0]
    return sorted(kurang, key=lambda k: -k.kekurangan.nilai)


def komponen_terkuat(daftar: list[Komponen]) -> list[Komponen]:
    """Leaves with the highest value (all of them when tied)."""
    nilai = [k.nilai.bulat for k in daftar if k.nilai.bulat is not None]
    return [k for k in daftar if nilai and k.nilai.bulat == max(nilai)]


@dataclass(frozen=True)
class NilaiUnsur:
    """One unsur of the year's IKM: its value (NRR × 25, unrounded) and mutu band."""

    kunci: str
    nama: str
    nilai: Decimal
    mutu: str
    kinerja: str


def unsur_ikm(hasil) -> list[NilaiUnsur]:
    """The nine unsur of the year's IKM, lowest first (ties in the regulation's order)."""
    if hasil.ikm_tahun is None:
        return []
    nilai = hasil.ikm_tahun.nilai_unsur
    daftar = [NilaiUnsur(u.kunci, u.nama, Decimal(str(nilai[u.kunci])),
                         *mutu_ikm(Decimal(str(nilai[u.kunci])))) for u in UNSUR]
    return sorted(daftar, key=lambda u: bulatkan(u.nilai))


def unsur_di_bawah(hasil) -> list[NilaiUnsur]:
    """Unsur whose value (rounded) lies below the year's IKM: those that pull it down."""
    if hasil.ikm_tahun is None:
        return []
    ikm = bulatkan(hasil.ikm_tahun.angka.nilai)
    return [u for u in unsur_ikm(hasil) if bulatkan(u.nilai) < ikm]


# ---------------------------------------------------------------- quarters


@dataclass(frozen=True)
class Triwulan:
    """One indicator up to one quarter (s.d. TW): target, realisasi and capaian as the
    quarterly reports compute them (`lkjip.triwulan`), and the office's explanation of that
    quarter (``penjelasan_tw.csv``), if any."""

    tw: int
    target: Angka
    realisasi: Angka
    capaian: Angka
    penjelasan: str | None = None


def _penjelasan_tw(data, pk) -> dict[int, str]:
    df = data.penjelasan_tw
    df = df[(df["kode_pejabat"].astype(str) == pk.kode_pejabat) & (df["no"] == pk.no)]
    return {int(r["triwulan"]): str(r["penjelasan"]) for _, r in df.iterrows()}


# the quarters computed for the last few (data, model) objects: {(id, id): (data, hasil, {kode:
# quarters})}, oldest first
_TRIWULAN: dict[tuple[int, int], tuple] = {}
_TRIWULAN_MAKS = 4


def triwulan(data, hasil, kode: str) -> list[Triwulan]:
    """Each quarter of this year whose realisasi was reported, with the figures up to that
    quarter (s.d. TW), for the first PK row of the indicator: the quarterly figures
    `lkjip.triwulan` computes from ``realisasi_pk_tw.csv`` or the TW rows of
    ``renstra/realisasi.csv``, with the indicator's accumulation (``akumulasi_tw``). A quarter
    left empty is not shown (a 'terakhir' indicator would repeat the last value there). Empty
    when no quarter is reported or the row is not rated (an a/b target, an unknown
    accumulation).

    Computed once per indicator for the same `data` and `hasil` objects (the last
    `_TRIWULAN_MAKS` of them): a report asks 5 times for each indicator (the numbering of Bab
    III in the chapter, the Lampiran Perhitungan and the working paper, then the table),
    ~8 ms each (issue 15). The objects are taken as they were made (`lkjip.konteks`).
    """
    kunci = (id(data), id(hasil))
    simpan = _TRIWULAN.get(kunci)
    if simpan is None or simpan[0] is not data or simpan[1] is not hasil:
        simpan = _TRIWULAN[kunci] = (data, hasil, {})
        while len(_TRIWULAN) > _TRIWULAN_MAKS:
            del _TRIWULAN[next(iter(_TRIWULAN))]
    if kode not in simpan[2]:
        simpan[2][kode] = tuple(_triwulan(data, kode))
    return list(simpan[2][kode])


def _triwulan(data, kode: str) -> list[Triwulan]:
    from lkjip.peringatan_tw import muat_ambang
    from lkjip.triwulan import hitung_indikator_tw

    pk = next(iter(hitung_indikator_tw(data, 4, muat_ambang(data), kode)), None)
    if pk is None:
        return []
    jelas = _penjelasan_tw(data, pk)
    return [Triwulan(t.triwulan, t.target, t.realisasi, t.capaian, jelas.get(t.triwulan))
            for t in pk.titik if pk.realisasi_tw[t.triwulan - 1] is not None
            and t.capaian.nilai is not None]
