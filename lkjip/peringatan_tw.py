"""The early warning of quarterly monitoring: year-end projection, status, gap.

The method, stated in the report (`METODE_KINERJA`, `METODE_ANGGARAN`):

- **Projection** = target tahunan × realisasi s.d. TW n / target s.d. TW n: the pace so far
  against the TW target path is taken to continue to TW IV (linear along the planned path;
  with an even path it is the plain realisasi × 4 / n of a `jumlah` indicator, and for a level
  indicator whose path is flat — an IKM of 82 every quarter — it is the latest value). "s.d."
  figures use the indicator's own accumulation (`lkjip.triwulan`).
- When nothing was due yet (target s.d. TW n empty or 0): a `jumlah` indicator projects
  realisasi s.d. TW n + target tahunan (the plan is still ahead, what was done early adds); the
  others project the realisasi s.d. TW n itself.
- **Projected capaian** = the capaian formula of the indicator (arah and metode: for `turun`,
  (2 × target − proyeksi) / target × 100) on the projection; **gap** = proyeksi − target, in the
  indicator's unit (for `naik` a negative gap is a shortfall, for `turun` a positive one).
- Budget lines alike: proyeksi = anggaran × realisasi s.d. TW n / anggaran kas s.d. TW n
  (realisasi s.d. TW n + anggaran when no plan was due yet), projected penyerapan =
  proyeksi / anggaran × 100, gap in Rupiah.
- **Status** from thresholds held as data: the package's ``lkjip/ambang/triwulan.csv`` (jenis
  kinerja and anggaran: the lowest projected percentage, rounded half-up to 2 dp, for "sesuai
  jalur" and "perlu perhatian"; below is "diperkirakan tidak tercapai"), each jenis replaceable
  per kecamatan-year by ``<tahun>/ambang_tw.csv``.

>>> from decimal import Decimal
>>> from lkjip.triwulan import TitikTw
>>> t = TitikTw(2, Angka(Decimal(6)), Angka(Decimal(4)), Angka(None))
>>> p = proyeksi_indikator(t, Angka(Decimal(12)), SIFAT_CONTOH, "x", muat_ambang())
>>> p.nilai.uraian(), p.persen.bulat, p.selisih.nilai, p.status
('8,00 = 12,00 × 4,00 / 6,00', Decimal('66.67'), Decimal('-4'), 'diperkirakan tidak tercapai')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from lkjip.angka import Angka
from lkjip.capaian import capaian_angka
from lkjip.hitung import KEBALIKAN_NOL, dengan_satuan
from lkjip.skema import STATUS_TW

BERKAS_AMBANG = Path(__file__).with_name("ambang") / "triwulan.csv"
SIFAT_CONTOH = {"akumulasi_tw": "jumlah", "arah": "naik", "metode": "rasio"}
METODE_KINERJA = (
    "Proyeksi akhir tahun = target tahunan × realisasi s.d. triwulan ini / target s.d. triwulan "
    "ini: laju capaian sejauh ini terhadap jalur target triwulan dianggap berlanjut sampai "
    "Triwulan IV. Bila belum ada target yang jatuh tempo, proyeksi indikator yang dijumlahkan "
    "per triwulan = realisasi s.d. triwulan ini + target tahunan; indikator lain = realisasi "
    "s.d. triwulan ini. Capaian proyeksi dihitung dengan rumus capaian indikator itu (untuk "
    "indikator yang makin rendah makin baik: (2 × target − proyeksi) / target × 100). Selisih = "
    "proyeksi − target, dalam satuan indikator. Bila PK tidak merinci target triwulan, jalur "
    "target dianggap merata (target / 4 setiap triwulan) untuk indikator yang dijumlahkan, dan "
    "sama dengan target tahunan setiap triwulan untuk indikator lain."
)
METODE_ANGGARAN = (
    "Proyeksi realisasi anggaran akhir tahun = anggaran × realisasi s.d. triwulan ini / "
    "anggaran kas s.d. triwulan ini (rencana penarikan dana pada PK). Bila belum ada rencana "
    "yang jatuh tempo, proyeksi = realisasi s.d. triwulan ini + anggaran. Penyerapan proyeksi "
    "= proyeksi / anggaran × 100; selisih = proyeksi − anggaran. Bila PK tidak merinci rencana "
    "triwulan, rencana dianggap merata (anggaran / 4 setiap triwulan)."
)


@dataclass(frozen=True)
class Proyeksi:
    """The early warning of one indicator or budget line at TW n."""

    nilai: Angka  # year-end projection, in the indicator's unit (Rupiah for budget)
    persen: Angka  # projected capaian (kinerja) or penyerapan (anggaran)
    selisih: Angka  # proyeksi − target (or anggaran)
    status: str | None
    alasan: str = ""  # why there is no status

    @classmethod
    def tanpa(cls, alasan: str) -> Proyeksi:
        """No projection: the reason is shown instead of a status.

        >>> Proyeksi.tanpa("realisasi TW II belum dilaporkan").status is None
        True
        """
        kosong = Angka(None, alasan)
        return cls(kosong, kosong, kosong, None, alasan)


# ---------------------------------------------------------------- thresholds


def _baca_ambang(df: pd.DataFrame) -> pd.DataFrame:
    df = df[["jenis", "status", "batas_bawah"]].copy()
    df["batas_bawah"] = [None if b is None or pd.isna(b) or str(b).strip() == ""
                         else Decimal(str(b)) for b in df["batas_bawah"]]
    return df.reset_index(drop=True)


def muat_ambang(data=None) -> pd.DataFrame:
    """The thresholds in force: the package's, each jenis replaced by the kecamatan's
    ``ambang_tw.csv`` when it gives that jenis (validated by the loader).

    >>> muat_ambang().query("jenis == 'kinerja'")["batas_bawah"].tolist()
    [Decimal('100'), Decimal('90'), None]
    """
    baku = _baca_ambang(pd.read_csv(BERKAS_AMBANG, dtype=str, keep_default_na=False))
    if data is None or not len(data.ambang_tw):
        return baku
    sendiri = _baca_ambang(data.ambang_tw)
    baku = baku[~baku["jenis"].isin(set(sendiri["jenis"]))]
    return pd.concat([baku, sendiri], ignore_index=True)


def status_dari(persen: Angka, jenis: str, ambang: pd.DataFrame) -> str | None:
    """The status of a projected percentage: the first band whose lower bound (≥) the value,
    rounded half-up to 2 dp, reaches.

    >>> a = muat_ambang()
    >>> [status_dari(Angka(Decimal(v)), "kinerja", a) for v in ("99.995", "99.994", "90", "89")]
    ['sesuai jalur', 'perlu perhatian', 'perlu perhatian', 'diperkirakan tidak tercapai']
    """
    nilai = persen.bulat
    if nilai is None:
        return None
    pilih = ambang[ambang["jenis"] == jenis]
    for status, batas in zip(pilih["status"], pilih["batas_bawah"], strict=True):
        if not isinstance(batas, Decimal) or nilai >= batas:  # the last band has no bound
            return status
    return STATUS_TW[-1]


# ---------------------------------------------------------------- projections


def _laju(target: Angka, realisasi: Angka, target_sd: Angka, label: str) -> Angka:
    """target × realisasi s.d. / target s.d. (the pace continued along the plan)."""
    return Angka(target.nilai * realisasi.nilai / target_sd.nilai,
                 "Target tahunan × realisasi s.d. TW / target s.d. TW",
                 (target, realisasi, target_sd), label=label, pola="{0} × {1} / {2}")


def _belum_jatuh_tempo(realisasi: Angka, target: Angka, tambah: bool, label: str) -> Angka:
    if tambah:
        return Angka(realisasi.nilai + target.nilai,
                     "Realisasi s.d. TW + target tahunan (belum ada target yang jatuh tempo)",
                     (realisasi, target), label=label, pola="{0} + {1}")
    return Angka(realisasi.nilai, "Realisasi s.d. TW (belum ada target yang jatuh tempo)",
                 (realisasi,), label=label, pola="{0}")


def _selisih(proyeksi: Angka, target: Angka, label: str, desimal: int = 2) -> Angka:
    return Angka(proyeksi.nilai - target.nilai, "Proyeksi − target", (proyeksi, target),
                 label=label, pola="{0} − {1}", desimal=desimal)


def proyeksi_indikator(titik, target: Angka | None, sifat: dict, label: str,
                       ambang: pd.DataFrame, satuan=None) -> Proyeksi:
    """Projection, projected capaian, gap and status of one indicator at its last quarter.

    With the indicator's `satuan`, the projection and the gap print by its unit from their
    own value (`hitung.dengan_satuan`), not from the target's: a count projected at 4,5
    prints '4,5', at 18,666… '18,67', at 12 '12'.

    >>> from decimal import Decimal
    >>> from lkjip.triwulan import TitikTw
    >>> t = TitikTw(2, Angka(Decimal(2), desimal=0), Angka(Decimal(3), desimal=0), Angka(None))
    >>> p = proyeksi_indikator(t, Angka(Decimal(3), desimal=0), SIFAT_CONTOH, "x",
    ...                        muat_ambang(), "kasus")
    >>> p.nilai.uraian(), p.selisih.uraian()
    ('4,5 = 3 × 3 / 2', '1,5 = 4,5 − 3')
    """
    r, t = titik.realisasi, titik.target
    if target is None or target.nilai is None:
        return Proyeksi.tanpa("tidak ada target tahunan")
    if r.nilai is None:
        return Proyeksi.tanpa(r.rumus)
    nama = f"proyeksi {label}"
    if t.nilai is None or t.nilai == 0:
        p = _belum_jatuh_tempo(r, target, sifat["akumulasi_tw"] == "jumlah", nama)
    else:
        p = _laju(target, r, t, nama)
    p = dengan_satuan(p, satuan)
    label_c = f"capaian proyeksi {label}"
    selisih = dengan_satuan(_selisih(p, target, f"selisih {label}"), satuan)
    if sifat["metode"] == "kebalikan" and p.nilai == 0 and target.nilai != 0:
        # T / 0 has no value; a lower-is-better indicator projected at 0 meets any target ≥ 0
        persen = Angka(None, "Target / Proyeksi × 100", (p, target), KEBALIKAN_NOL, label_c)
        status = STATUS_TW[0] if target.nilai > 0 else None
        return Proyeksi(p, persen, selisih, status, "" if status else KEBALIKAN_NOL)
    persen = capaian_angka(p, target, sifat["arah"], sifat["metode"], label_c)
    return Proyeksi(p, persen, selisih, status_dari(persen, "kinerja", ambang))


def proyeksi_anggaran(titik, anggaran: Angka, label: str, ambang: pd.DataFrame) -> Proyeksi:
    """Projection, projected penyerapan, gap (Rupiah) and status of one budget line."""
    r, k = titik.realisasi, titik.target
    if anggaran.nilai is None or anggaran.nilai == 0:
        return Proyeksi.tanpa("anggaran 0: tidak ada yang diserap")
    if r.nilai is None:
        return Proyeksi.tanpa(r.rumus)
    nama = f"proyeksi realisasi {label}"
    if k.nilai == 0:
        p = _belum_jatuh_tempo(r, anggaran, True, nama)
    else:
        p = _laju(anggaran, r, k, nama)
    p = Angka(p.nilai, p.rumus.replace("Target tahunan", "Anggaran").replace(
        "target tahunan", "anggaran").replace("target", "rencana"), p.masukan, label=nama,
        pola=p.pola, desimal=0)
    persen = Angka(p.nilai / anggaran.nilai * 100, "Proyeksi / anggaran × 100", (p, anggaran),
                   label=f"penyerapan proyeksi {label}", pola="{0} / {1} × 100")
    return Proyeksi(p, persen, _selisih(p, anggaran, f"selisih {label}", desimal=0),
                    status_dari(persen, "anggaran", ambang))
