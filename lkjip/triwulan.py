"""Quarterly monitoring (pengukuran kinerja triwulan): figures up to a quarter, early warning.

`hitung_triwulan(data, n)` takes a loaded kecamatan-year (`lkjip.muat`) with its quarterly
files (data/README.md, "Triwulan") and computes, for the report of TW n, every figure as an
`Angka` whose inputs name file, row and column:

- per PK indicator and per quarter q ≤ n: target s.d. TW q, realisasi s.d. TW q, capaian s.d.
  TW q (the capaian formula of `lkjip.capaian`, arah and metode included), the quarters made
  into "s.d. TW q" by the indicator's own accumulation (`lkjip.akumulasi`);
- per PK budget line: anggaran kas (plan) s.d. TW q, realisasi s.d. TW q, penyerapan against
  the plan and against the anggaran (`lkjip.anggaran.penyerapan_angka`);
- per pejabat and for the kecamatan: statuses counted, the mean capaian s.d. TW n, penyerapan;
- the early warning (`lkjip.peringatan_tw`): year-end projection, projected capaian or
  penyerapan, the gap in the indicator's unit, and a status from thresholds held as data.

The TW target path. The TW cells of `pk_indikator.csv` are read as the accumulation says
(`jumlah`: per quarter; `terakhir`: the position at the end of the quarter; `maks`/`rerata`: the
quarter's own value), exactly like the realisasi. A PK row without TW targets gets the plain
path: target / 4 each quarter for `jumlah`, the year's target each quarter for the others
(`jalur_bawaan`). For `jumlah` an empty TW target is 0; for the others an empty TW target is a
quarter with nothing planned (an IKM measured per semester), whose realisasi may stay empty.

Budget. Realisasi is cumulative (s.d. TW); the plan is per quarter (`pk_anggaran.csv` TW
columns, or anggaran / 4 when the row has none). Only the lowest rows of the PK budget cascade
(rincian) hold realisasi; a higher row's anggaran, plan and realisasi are the sums of the
rincian under it (leaves only: a value typed on a higher row is compared, never added, by
`lkjip.periksa.triwulan`).

Rejected: projecting by calendar alone (realisasi × 4 / n) — it ignores the plan, and most PK
sub kegiatan are planned for one quarter, so every document due in TW IV would be "diperkirakan
tidak tercapai" at TW II; and a separate anggaran kas file — the PK already holds the plan, one
home per figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

import pandas as pd

from lkjip.akumulasi import akumulasi_tw
from lkjip.anggaran import penyerapan_angka
from lkjip.angka import Angka, Sumber, rerata
from lkjip.capaian import capaian_angka
from lkjip.format import tempat_tertulis
from lkjip.hitung import KEBALIKAN_NOL, dengan_satuan
from lkjip.muat import DataKecamatan
from lkjip.peringatan_tw import Proyeksi, muat_ambang, proyeksi_anggaran, proyeksi_indikator
from lkjip.referensi_tw import sifat_pk
from lkjip.skema import STATUS_TW

TW = ("tw1", "tw2", "tw3", "tw4")
NAMA_TW = ("TW I", "TW II", "TW III", "TW IV")
URUTAN_TINGKAT = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
BELUM_DINILAI = "belum dinilai"


@dataclass(frozen=True)
class TitikTw:
    """One indicator (or budget line) up to one quarter: target, realisasi, capaian s.d. TW q."""

    triwulan: int
    target: Angka
    realisasi: Angka
    capaian: Angka


class _BarisPk:
    """What a PK indicator and a PK budget line share: their key and their figures s.d. TW n."""

    @property
    def kunci(self) -> tuple[str, int]:
        return self.kode_pejabat, self.no

    @property
    def akhir(self) -> TitikTw:
        """The figures s.d. the report's quarter."""
        return self.titik[-1]


@dataclass(frozen=True)
class IndikatorTw(_BarisPk):
    """One PK indicator in the report of TW n."""

    kode_pejabat: str
    no: int
    sasaran: str
    indikator: str
    kode_indikator: str | None
    satuan: str
    akumulasi: str
    arah: str
    metode: str
    target: Angka
    target_tw: tuple  # TW I–IV as planned (Angka or None = empty cell; text for a/b)
    realisasi_tw: tuple  # TW I–IV as typed (Angka or None = not reported; text for a/b)
    jalur_bawaan: bool  # the PK gives no TW targets: the plain path is used
    titik: tuple[TitikTw, ...]  # q = 1 … n
    proyeksi: Proyeksi
    penjelasan: tuple[str, str | None] | None = None
    jalur: tuple = ()  # target s.d. TW I … TW IV (the planned path, for the chart)


@dataclass(frozen=True)
class AnggaranTw(_BarisPk):
    """One PK budget line in the report of TW n (penyerapan against the plan is `capaian`)."""

    kode_pejabat: str
    no: int
    uraian: str
    tingkat: str
    kode_anggaran: str
    rincian: bool  # a lowest row: realisasi is typed here
    anggaran: Angka
    kas_tw: tuple  # plan per quarter (Angka)
    realisasi_tw: tuple  # cumulative realisasi (Angka or None)
    jalur_bawaan: bool
    titik: tuple[TitikTw, ...]
    penyerapan_pagu: Angka  # realisasi s.d. TW n / anggaran × 100
    proyeksi: Proyeksi
    jalur: tuple = ()  # anggaran kas s.d. TW I … TW IV


@dataclass(frozen=True)
class RingkasanTw:
    """Per pejabat (or the kecamatan, `kode_pejabat` None): statuses and penyerapan s.d. TW n."""

    kode_pejabat: str | None
    nama: str
    jumlah_status: dict[str, int]
    capaian: Angka  # mean capaian s.d. TW n of the rated indicators
    anggaran: Angka
    kas: Angka
    realisasi: Angka
    penyerapan_kas: Angka
    penyerapan_pagu: Angka
    jalur: tuple = ()  # anggaran kas s.d. TW I … TW IV
    realisasi_tw: tuple = ()  # realisasi s.d. TW I … TW n


@dataclass
class HasilTriwulan:
    data: DataKecamatan
    triwulan: int
    indikator: list[IndikatorTw]
    anggaran: list[AnggaranTw]
    pejabat: dict[str, RingkasanTw]
    kecamatan: RingkasanTw
    ambang: pd.DataFrame = field(repr=False)

    def peringatan(self) -> list[IndikatorTw | AnggaranTw]:
        """Indicators and budget lines not on course, worst first (the early-warning list)."""
        semua = [x for x in self.indikator + self.anggaran
                 if x.proyeksi.status in STATUS_TW[1:]]
        return sorted(semua, key=lambda x: (-STATUS_TW.index(x.proyeksi.status),
                                             float(x.proyeksi.persen)))


# ---------------------------------------------------------------- cells as Angka


def _sel(data, tabel: str, row, kolom: str, label: str, desimal: int = 2) -> Angka | None:
    """A typed number cell as an `Angka` citing its file, row and column; None when empty.
    Rupiah cells are shown with `desimal` 0."""
    nilai = row[kolom]
    if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)) or str(nilai) == "":
        return None
    s = Sumber(data.berkas.get(tabel, tabel), int(row["_baris"]), kolom, nilai)
    return Angka(s.angka, f"{kolom} tertulis", (s,), label=label, desimal=desimal)


def _pecahan(teks) -> bool:
    return isinstance(teks, str) and "/" in teks


NOL = Angka(Decimal(0), "sel kosong dihitung 0", label="0")
NOL_RUPIAH = replace(NOL, desimal=0)


# ---------------------------------------------------------------- accumulation up to TW q


def target_sd(target_tw: tuple, q: int, akumulasi: str, label: str, satuan=None) -> Angka:
    """Target s.d. TW q from the TW targets: `jumlah` adds (an empty quarter is 0), the others
    accumulate the quarters that have a target (none yet: no value). With the indicator's
    `satuan` the figure and an empty quarter's 0 print by its unit (`hitung.dengan_satuan`):
    '3 = 1 + 0 + 2' for a count, not '3,00 = 1,00 + 0,00 + 2,00'.

    >>> tw = tuple(Angka(Decimal(v)) for v in (1, 2, 3, 4))
    >>> [target_sd(tw, 3, c, "t").nilai for c in ("jumlah", "terakhir", "maks", "rerata")]
    [Decimal('6'), Decimal('3'), Decimal('3'), Decimal('2')]
    >>> target_sd((None, Angka(Decimal(82)), None, None), 1, "terakhir", "t").nilai is None
    True
    >>> tw = tuple(Angka(Decimal(v), desimal=0) for v in (1, 2)) + (None, None)
    >>> target_sd(tw, 3, "jumlah", "t", "kasus").uraian()
    '3 = 1 + 2 + 0'
    """
    if akumulasi == "jumlah":
        nol = dengan_satuan(NOL, satuan)
        ada = [t for t in target_tw[:q] if t is not None]
        return _target_tepat(akumulasi_tw([t if t is not None else nol for t in target_tw[:q]],
                                          "jumlah", label), ada, satuan)
    ada = [t for t in target_tw[:q] if t is not None]
    if not ada:
        return Angka(None, f"belum ada target s.d. {NAMA_TW[q - 1]}", label=label)
    return _target_tepat(akumulasi_tw(ada, akumulasi, label), ada, satuan)


def _target_tepat(a: Angka, masukan: list, satuan) -> Angka:
    """A target s.d. TW by its unit (`hitung.dengan_satuan`), never rounded when it is exact
    at the places its quarters print with (a sum, the last or the largest of typed TW targets:
    83,456 s.d. TW II stays 83,456, as the year's target prints); a figure that is not (a mean,
    the plain path's target / 4 = 23,6725) is rounded as any computed figure.

    >>> t = [Angka(Decimal("83.456"), desimal=3)] * 2
    >>> _target_tepat(akumulasi_tw(t, "terakhir", "t"), t, "%").desimal
    3
    >>> t = [Angka(Decimal("23.6725"))] * 2
    >>> _target_tepat(akumulasi_tw(t, "jumlah", "t"), t, "%").desimal
    2
    """
    tepat = bool(masukan) and a.nilai is not None and \
        tempat_tertulis(a.nilai) <= max(t.desimal for t in masukan)
    return dengan_satuan(a, satuan, target=tepat)


def realisasi_sd(realisasi_tw: tuple, target_tw: tuple, q: int, akumulasi: str,
                 label: str, satuan=None) -> Angka:
    """Realisasi s.d. TW q: `jumlah` needs every quarter up to q; the others accumulate the
    reported quarters, and need TW q itself when it has a target. With `satuan`, printed by
    the indicator's unit as `target_sd`.

    >>> r = tuple(Angka(Decimal(v)) for v in (3, 2)) + (None, None)
    >>> t = tuple(Angka(Decimal(3)) for _ in range(4))
    >>> realisasi_sd(r, t, 2, "jumlah", "r").nilai, realisasi_sd(r, t, 3, "jumlah", "r").nilai
    (Decimal('5'), None)
    """
    nilai = realisasi_tw[:q]
    if akumulasi == "jumlah":
        kosong = [NAMA_TW[i] for i, v in enumerate(nilai) if v is None]
        if kosong:
            return Angka(None, f"realisasi {', '.join(kosong)} belum dilaporkan", label=label)
        return dengan_satuan(akumulasi_tw(list(nilai), "jumlah", label), satuan)
    if nilai[-1] is None and target_tw[q - 1] is not None:
        return Angka(None, f"realisasi {NAMA_TW[q - 1]} belum dilaporkan", label=label)
    ada = [v for v in nilai if v is not None]
    if not ada:
        return Angka(None, f"belum ada realisasi s.d. {NAMA_TW[q - 1]}", label=label)
    return dengan_satuan(akumulasi_tw(ada, akumulasi, label), satuan)


def capaian_tw(realisasi: Angka, target: Angka, arah: str, metode: str, label: str) -> Angka:
    """Capaian by the indicator's formula; metode 'kebalikan' with realisasi 0 has no value.

    >>> capaian_tw(Angka(Decimal(6)), Angka(Decimal(5)), "turun", "selisih", "c").bulat
    Decimal('80.00')
    """
    if metode == "kebalikan" and realisasi.nilai == 0 and target.nilai not in (None, 0):
        return Angka(None, "Target / Realisasi × 100", (realisasi, target), KEBALIKAN_NOL, label)
    return capaian_angka(realisasi, target, arah, metode, label)


# ---------------------------------------------------------------- indicators


def _jalur_target(data, pk, akumulasi: str, target: Angka | None, label: str):
    """The TW targets as planned, or the plain path when the PK gives none; each prints by
    the indicator's unit (`hitung.dengan_satuan`; a typed one never rounded)."""
    satuan = pk["satuan"]
    tw = tuple(dengan_satuan(_sel(data, "pk_indikator", pk, k, f"{label} {n}"), satuan, True)
               for k, n in zip(TW, NAMA_TW, strict=True))
    if any(t is not None for t in tw) or target is None or target.nilai is None:
        return tw, False
    if akumulasi == "jumlah":
        rata = Angka(target.nilai / 4, "Target tahunan / 4 (PK tanpa target triwulan)",
                     (target,), label=f"{label} per triwulan", pola="{0} / 4")
    else:
        rata = Angka(target.nilai, "Target tahunan (PK tanpa target triwulan)", (target,),
                     label=f"{label} per triwulan", pola="{0}")
    return (dengan_satuan(rata, satuan),) * 4, True


def _realisasi_tw(data, pk, baris_tw, renstra_tw: dict, label: str) -> tuple:
    """TW I–IV realisasi: this file's cell, else the Renstra TW row of the same indicator;
    each prints by the indicator's unit."""
    hasil = []
    for k, nama in zip(TW, NAMA_TW, strict=True):
        a = None if baris_tw is None else _sel(data, "realisasi_pk_tw", baris_tw, k,
                                               f"{label} {nama}")
        if a is None and pk["kode_indikator"] in renstra_tw:
            row = renstra_tw[pk["kode_indikator"]].get(k.upper())
            a = None if row is None else _sel(data, "realisasi", row, "realisasi",
                                              f"{label} {nama}")
        hasil.append(dengan_satuan(a, pk["satuan"]))
    return tuple(hasil)


def _renstra_tw(data) -> dict[str, dict[str, pd.Series]]:
    """This year's TW rows of renstra/realisasi.csv: kode_indikator → {'TW1': row, …}."""
    df = data.realisasi
    df = df[(df["tahun"] == data.tahun) & df["periode"].str.startswith("TW")]
    hasil: dict[str, dict] = {}
    for _, r in df.iterrows():
        hasil.setdefault(r["kode_indikator"], {})[r["periode"]] = r
    return hasil


def _titik(target_tw, realisasi_tw, q, sifat, label, satuan) -> TitikTw:
    t = target_sd(target_tw, q, sifat["akumulasi_tw"], f"target {label} s.d. {NAMA_TW[q - 1]}",
                  satuan)
    r = realisasi_sd(realisasi_tw, target_tw, q, sifat["akumulasi_tw"],
                     f"realisasi {label} s.d. {NAMA_TW[q - 1]}", satuan)
    c = capaian_tw(r, t, sifat["arah"], sifat["metode"], f"capaian {label} s.d. {NAMA_TW[q - 1]}") \
        if r.nilai is not None and t.nilai is not None \
        else Angka(None, r.rumus if r.nilai is None else t.rumus, label="capaian")
    return TitikTw(q, t, r, c)


def indikator_tw(data, pk, baris_tw, sifat: dict, renstra_tw: dict, n: int,
                 ambang, penjelasan=None) -> IndikatorTw:
    """One PK indicator up to TW n, with its projection and status."""
    label = f"PK {pk['kode_pejabat']} no {pk['no']}"
    if any(_pecahan(pk[k]) for k in ("target",) + TW):
        return _tidak_dinilai(pk, baris_tw, sifat, n, penjelasan, TIDAK_DINILAI_AB)
    if sifat["akumulasi_tw"] is None or sifat["arah"] is None:
        return _tidak_dinilai(pk, baris_tw, sifat, n, penjelasan, TIDAK_DINILAI_SIFAT)
    satuan = pk["satuan"]
    target = dengan_satuan(_sel(data, "pk_indikator", pk, "target", f"target {label}"), satuan,
                           target=True)
    target_tw, bawaan = _jalur_target(data, pk, sifat["akumulasi_tw"], target, f"target {label}")
    realisasi_tw = _realisasi_tw(data, pk, baris_tw, renstra_tw, f"realisasi {label}")
    titik = tuple(_titik(target_tw, realisasi_tw, q, sifat, label, satuan)
                  for q in range(1, n + 1))
    proy = proyeksi_indikator(titik[-1], target, sifat, label, ambang, satuan)
    jalur = tuple(target_sd(target_tw, q, sifat["akumulasi_tw"],
                            f"target {label} s.d. {NAMA_TW[q - 1]}", satuan) for q in range(1, 5))
    return IndikatorTw(
        str(pk["kode_pejabat"]), int(pk["no"]), pk["sasaran"], pk["indikator"],
        _teks(pk["kode_indikator"]), pk["satuan"], sifat["akumulasi_tw"], sifat["arah"],
        sifat["metode"], target, target_tw, realisasi_tw, bawaan, titik, proy, penjelasan, jalur)


def _teks(v) -> str | None:
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) or v == "" else str(v)


TIDAK_DINILAI_AB = "target berbentuk a/b: ditampilkan seperti tertulis, tidak dinilai"
TIDAK_DINILAI_SIFAT = ("belum dilaporkan: baris ini belum ada di realisasi_pk_tw.csv "
                       "(akumulasi_tw dan arah belum diisi)")


def _tidak_dinilai(pk, baris_tw, sifat: dict, n: int, penjelasan, alasan: str) -> IndikatorTw:
    """An indicator shown as written and not rated: an `a/b` target (10/1 people per
    activity), or a row whose accumulation is not known (no row in realisasi_pk_tw.csv)."""
    kosong = Angka(None, alasan)
    titik = tuple(TitikTw(q, kosong, kosong, kosong) for q in range(1, n + 1))
    target_tw = tuple(_teks(pk[k]) for k in TW)
    realisasi_tw = tuple(None if baris_tw is None else _teks(baris_tw[k]) for k in TW)
    return IndikatorTw(
        str(pk["kode_pejabat"]), int(pk["no"]), pk["sasaran"], pk["indikator"],
        _teks(pk["kode_indikator"]), pk["satuan"], sifat["akumulasi_tw"] or "",
        sifat["arah"] or "", sifat["metode"] or "", Angka(None, f"target {pk['target']}"),
        target_tw, realisasi_tw, False, titik, Proyeksi.tanpa(alasan), penjelasan)


def hitung_indikator_tw(data, n: int, ambang, kode: str | None = None) -> list[IndikatorTw]:
    """Every PK indicator row up to TW n, in the order of pk_indikator.csv; with `kode`, only
    the rows of that indicator (``kode_indikator``): each row is computed from its own cells,
    so they are the same rows as in the whole list, at a fraction of the cost for one
    indicator (`lkjip.analisis.triwulan` asks for one at a time: 25 times a report)."""
    sifat = sifat_pk(data.tabel)
    baris_tw = {(str(r["kode_pejabat"]), int(r["no"])): r
                for _, r in data.realisasi_pk_tw.iterrows()}
    jelas = {(str(r["kode_pejabat"]), int(r["no"])): (r["penjelasan"], r["tindak_lanjut"])
             for _, r in data.penjelasan_tw.iterrows() if int(r["triwulan"]) == n}
    renstra_tw = _renstra_tw(data)
    hasil = []
    for _, pk in data.pk_indikator.iterrows():
        if kode is not None and _teks(pk["kode_indikator"]) != kode:
            continue
        kunci = (str(pk["kode_pejabat"]), int(pk["no"]))
        hasil.append(indikator_tw(data, pk, baris_tw.get(kunci), sifat[kunci], renstra_tw, n,
                                  ambang, jelas.get(kunci)))
    return hasil


# ---------------------------------------------------------------- budget lines


def induk_anggaran(data) -> dict[str, str | None]:
    return {str(k): (None if pd.isna(i) else str(i))
            for k, i in zip(data.anggaran["kode"], data.anggaran["kode_induk"], strict=True)}


def _di_bawah(kode: str, atas: str, induk: dict) -> bool:
    """True when DPA `kode` is `atas` or lies below it."""
    dilihat = set()
    while kode is not None and kode not in dilihat:
        if kode == atas:
            return True
        dilihat.add(kode)
        kode = induk.get(kode)
    return False


def rincian_di_bawah(df: pd.DataFrame, induk: dict) -> dict[tuple, list[tuple]]:
    """(kode_pejabat, no) of every PK budget row → the rows that lie under it (lower tingkat,
    kode_anggaran at or below its own); a row with none is a rincian.

    >>> df = pd.DataFrame({"kode_pejabat": ["camat", "sekcam", "kasi"], "no": [1, 1, 1],
    ...     "tingkat": ["program", "kegiatan", "sub_kegiatan"],
    ...     "kode_anggaran": ["1", "1.1", "1.1"]})
    >>> rincian_di_bawah(df, {"1": None, "1.1": "1"})[("camat", 1)]
    [('sekcam', 1), ('kasi', 1)]
    """
    baris = [((str(p), int(n)), URUTAN_TINGKAT[t], str(k)) for p, n, t, k in zip(
        df["kode_pejabat"], df["no"], df["tingkat"], df["kode_anggaran"], strict=True)]
    return {a: [b for b, tb, kb in baris if tb > ta and _di_bawah(kb, ka, induk)]
            for a, ta, ka in baris}


def _jalur_kas(data, row, anggaran: Angka, label: str) -> tuple[tuple, bool]:
    kas = tuple(_sel(data, "pk_anggaran", row, k, f"{label} {n}", desimal=0)
                for k, n in zip(TW, NAMA_TW, strict=True))
    if any(k is not None for k in kas):
        return tuple(k if k is not None else NOL_RUPIAH for k in kas), False
    rata = Angka(anggaran.nilai / 4, "Anggaran / 4 (PK tanpa rencana triwulan)", (anggaran,),
                 label=f"{label} per triwulan", pola="{0} / 4", desimal=0)
    return (rata,) * 4, True


def _baris_rincian(data, row, baris_tw) -> dict:
    """Anggaran, plan and cumulative realisasi of one rincian row, cited from its cells."""
    label = f"PK {row['kode_pejabat']} no {row['no']}"
    anggaran = _sel(data, "pk_anggaran", row, "anggaran", f"anggaran {label}", desimal=0)
    kas, bawaan = _jalur_kas(data, row, anggaran, f"anggaran kas {label}")
    real = tuple(None if baris_tw is None else _sel(data, "realisasi_anggaran_tw", baris_tw, k,
                                                   f"realisasi {label} s.d. {n}", desimal=0)
                 for k, n in zip(TW, NAMA_TW, strict=True))
    return dict(anggaran=anggaran, kas=kas, realisasi=real, bawaan=bawaan)


def _jumlah(daftar: list, label: str, rumus: str) -> Angka:
    """Σ of figures as an Angka; None when any is None."""
    nilai = [a.nilai for a in daftar]
    hasil = None if None in nilai else sum(nilai, Decimal(0))
    pola = " + ".join(f"{{{i}}}" for i in range(len(daftar))) or None
    return Angka(hasil, rumus, tuple(daftar), label=label, pola=pola, desimal=0)


def _baris_induk(rincian: list[dict], label: str) -> dict:
    """A higher row: anggaran, plan and realisasi as the sums of its rincian (leaves only)."""
    anggaran = _jumlah([r["anggaran"] for r in rincian], f"anggaran {label}", "Σ anggaran rincian")
    kas = tuple(_jumlah([r["kas"][i] for r in rincian], f"anggaran kas {label} {NAMA_TW[i]}",
                        "Σ anggaran kas rincian") for i in range(4))
    real = []
    for i in range(4):
        bagian = [r["realisasi"][i] for r in rincian]
        real.append(None if any(b is None for b in bagian) else _jumlah(
            bagian, f"realisasi {label} s.d. {NAMA_TW[i]}", "Σ realisasi rincian"))
    return dict(anggaran=anggaran, kas=kas, realisasi=tuple(real),
                bawaan=any(r["bawaan"] for r in rincian))


def _titik_anggaran(isi: dict, q: int, label: str) -> TitikTw:
    s = f"s.d. {NAMA_TW[q - 1]}"
    kas = akumulasi_tw(list(isi["kas"][:q]), "jumlah", f"anggaran kas {label} {s}")
    kas = Angka(kas.nilai, kas.rumus, kas.masukan, label=kas.label, pola=kas.pola,
                desimal=0)
    real = isi["realisasi"][q - 1]
    if real is None:
        real = Angka(None, f"realisasi {NAMA_TW[q - 1]} belum dilaporkan", label=label)
    serap = _serap(real, kas, f"penyerapan {label} terhadap anggaran kas {s}")
    return TitikTw(q, kas, real, serap)


def _serap(real: Angka, dasar: Angka, label: str) -> Angka:
    """Penyerapan; a plan of 0 (nothing planned yet) has no value instead of an error."""
    if real.nilai is None or dasar.nilai is None:
        return Angka(None, "Realisasi anggaran / Rencana × 100", (real, dasar), label=label)
    if dasar.nilai == 0:
        return Angka(None, "Realisasi anggaran / Rencana × 100", (real, dasar),
                     "rencana 0: penyerapan tidak dihitung", label)
    return penyerapan_angka(real, dasar, label)


def hitung_anggaran_tw(data, n: int, ambang) -> list[AnggaranTw]:
    """Every PK budget row up to TW n, in the order of pk_anggaran.csv."""
    df = data.pk_anggaran
    bawah = rincian_di_bawah(df, induk_anggaran(data))
    baris_tw = {(str(r["kode_pejabat"]), int(r["no"])): r
                for _, r in data.realisasi_anggaran_tw.iterrows()}
    rows = {(str(r["kode_pejabat"]), int(r["no"])): r for _, r in df.iterrows()}
    isi = {k: _baris_rincian(data, r, None if bawah[k] else baris_tw.get(k))
           for k, r in rows.items()}
    hasil = []
    for k, r in rows.items():
        label = f"PK {k[0]} no {k[1]}"
        if bawah[k]:
            isi_k = _baris_induk([isi[b] for b in bawah[k] if not bawah[b]], label)
        else:
            isi_k = isi[k]
        titik = tuple(_titik_anggaran(isi_k, q, label) for q in range(1, n + 1))
        pagu = _serap(titik[-1].realisasi, isi_k["anggaran"],
                      f"penyerapan {label} terhadap anggaran s.d. {NAMA_TW[n - 1]}")
        jalur = tuple(_titik_anggaran(isi_k, q, label).target for q in range(1, 5))
        hasil.append(AnggaranTw(
            k[0], k[1], r["uraian"], r["tingkat"], str(r["kode_anggaran"]), not bawah[k],
            isi_k["anggaran"], isi_k["kas"], isi_k["realisasi"], isi_k["bawaan"], titik, pagu,
            proyeksi_anggaran(titik[-1], isi_k["anggaran"], label, ambang), jalur))
    return hasil


# ---------------------------------------------------------------- per pejabat, kecamatan


def _hitung_status(indikator: list[IndikatorTw]) -> dict[str, int]:
    jumlah = {s: 0 for s in STATUS_TW + (BELUM_DINILAI,)}
    for i in indikator:
        jumlah[i.proyeksi.status or BELUM_DINILAI] += 1
    return jumlah


TANPA_ANGGARAN = "tidak ada baris anggaran PK (pk_anggaran.csv)"


def ringkasan(kode, nama: str, indikator: list[IndikatorTw], anggaran: list[AnggaranTw],
              n: int) -> RingkasanTw:
    """Statuses counted, mean capaian s.d. TW n and penyerapan of a group of rows; the budget
    rows given must not lie under each other (pass rincian, or one pejabat's lowest rows).
    Without a budget row (a PK of indicators only) anggaran, plan and realisasi have no value
    (`TANPA_ANGGARAN`), not a sum of nothing: 0 would read as nothing spent.

    >>> r = ringkasan("kasubbag", "Kasubbag", [], [], 2)
    >>> r.anggaran.nilai, r.realisasi.rumus, r.penyerapan_kas.nilai
    (None, 'tidak ada baris anggaran PK (pk_anggaran.csv)', None)
    """
    s = f"s.d. {NAMA_TW[n - 1]}"
    dinilai = [i.akhir.capaian for i in indikator if i.akhir.capaian.nilai is not None]
    capaian = rerata(dinilai, f"rata-rata capaian {nama} {s}",
                     "Jumlah capaian indikator / jumlah indikator") if dinilai \
        else Angka(None, "tidak ada indikator yang dapat dinilai")
    total = {apa: _jumlah([ambil(a) for a in anggaran], f"{apa} {nama} {s}", f"Σ {apa}")
             if anggaran else Angka(None, TANPA_ANGGARAN, label=f"{apa} {nama} {s}")
             for apa, ambil in (("anggaran", lambda a: a.anggaran),
                                ("anggaran kas", lambda a: a.akhir.target),
                                ("realisasi", lambda a: a.akhir.realisasi))}
    jalur = tuple(_jumlah([a.jalur[q] for a in anggaran], f"anggaran kas {nama} s.d. "
                          f"{NAMA_TW[q]}", "Σ anggaran kas") for q in range(4))
    realisasi = tuple(_jumlah([a.titik[q].realisasi for a in anggaran], f"realisasi {nama} s.d. "
                              f"{NAMA_TW[q]}", "Σ realisasi") for q in range(n))
    return RingkasanTw(
        kode, nama, _hitung_status(indikator), capaian, total["anggaran"],
        total["anggaran kas"], total["realisasi"],
        _serap(total["realisasi"], total["anggaran kas"], f"penyerapan {nama} terhadap anggaran "
                                                          f"kas {s}"),
        _serap(total["realisasi"], total["anggaran"], f"penyerapan {nama} terhadap anggaran {s}"),
        jalur, realisasi)


def _terendah_sendiri(anggaran: list[AnggaranTw], bawah: dict) -> list[AnggaranTw]:
    """One pejabat's rows under which none of its own rows lies."""
    milik = {a.kunci for a in anggaran}
    return [a for a in anggaran if not any(b in milik for b in bawah[a.kunci])]


def hitung_triwulan(data: DataKecamatan, n: int) -> HasilTriwulan:
    """Every quarterly figure of one kecamatan-year for the report of TW n (1–4)."""
    if n not in (1, 2, 3, 4):
        raise ValueError(f"triwulan harus 1, 2, 3 atau 4, bukan {n!r}")
    ambang = muat_ambang(data)
    indikator = hitung_indikator_tw(data, n, ambang)
    anggaran = hitung_anggaran_tw(data, n, ambang)
    bawah = rincian_di_bawah(data.pk_anggaran, induk_anggaran(data))
    pejabat = {}
    for _, p in data.pejabat.iterrows():
        kode = str(p["kode_pejabat"])
        pejabat[kode] = ringkasan(
            kode, p["jabatan"], [i for i in indikator if i.kode_pejabat == kode],
            _terendah_sendiri([a for a in anggaran if a.kode_pejabat == kode], bawah), n)
    kecamatan = ringkasan(None, f"Kecamatan {data.profil['nama_kecamatan']}", indikator,
                          [a for a in anggaran if a.rincian], n)
    return HasilTriwulan(data, n, indikator, anggaran, pejabat, kecamatan, ambang)
