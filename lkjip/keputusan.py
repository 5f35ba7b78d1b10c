"""The office's decisions on the findings of the checks: ``keputusan.csv``.

Before the Camat signs, every finding of `lkjip.periksa` is decided by the office (after the
Inspektorat's reviu, Permenpan RB 53/2014): ``terhitung`` (the figure lkjip computes from
the data is the official one) or ``tersaji`` (the figure the office stated stays official; a
reason is required), or the finding goes away because the input was corrected. The decisions
live in ``data/<kecamatan>/<tahun>/keputusan.csv``, one row per finding, keyed by the
finding's stable id (`id_temuan`, from the rule and the place):

========== =============================================================================
temuan     the finding's id, as ``lkjip check`` prints it
putusan    ``terhitung``, ``tersaji`` or empty (not decided yet)
alasan     why; required for ``tersaji``
tingkat    (written by ``lkjip keputusan``, not read) galat, peringatan, info, or
           ``basi`` for a decision whose finding no longer exists
uraian     (written by ``lkjip keputusan``, not read) what the finding says
========== =============================================================================

`tulis_templat` (``lkjip keputusan``) writes or updates the file: one row per open finding
with an empty putusan, decisions already made kept as they are, decisions whose finding no
longer exists kept but marked ``basi`` and reported (never applied, never silently kept).
Only an undecided **galat** keeps the edition a draft (`draf`); peringatan and info may be
decided too. The figures that a decision fixes in the edition (`lkjip.keputusan_angka`) and
the footnotes in a signed PK follow from `Keadaan`.

Rejected: deciding inside tersaji.csv (that file records what was published; a decision is
the office's later act, with its own reason and date of reviu), and one global switch
"computed figures win" (the issue's point is that nobody decided which figure is official).

>>> k = Keadaan([], {}, [])
>>> k.galat_terbuka, k.draf
([], False)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip import config
from lkjip.galat import LkjipError, Masalah

NAMA_BERKAS = "keputusan.csv"
KOLOM = ("temuan", "putusan", "alasan")
KOLOM_INFO = ("tingkat", "uraian")
TERHITUNG, TERSAJI = "terhitung", "tersaji"
PUTUSAN = (TERHITUNG, TERSAJI)
BASI = "basi"
URAIAN_BASI = ("temuan ini tidak ada lagi pada data sekarang (datanya sudah dibetulkan, atau "
               "letaknya berubah); putusan ini tidak dipakai. Hapus baris ini bila tidak perlu.")


def id_temuan(t) -> str:
    """The stable id of a finding (rule and place), as ``lkjip check`` prints it."""
    return str(t.id)


@dataclass(frozen=True)
class Putusan:
    """One decision: the finding's id, terhitung/tersaji/'' and why; its spreadsheet row."""

    temuan: str
    putusan: str
    alasan: str = ""
    baris: int = 0

    @property
    def diputuskan(self) -> bool:
        return self.putusan in PUTUSAN


@dataclass(frozen=True)
class Keadaan:
    """The findings of one kecamatan-year with the office's decisions on them.

    `putusan` maps a finding's id to its decision (decided or not); `basi` are decisions
    whose finding does not exist any more (reported, not applied).
    """

    temuan: list
    putusan: dict[str, Putusan]
    basi: list[Putusan]

    def putusan_untuk(self, t) -> Putusan | None:
        """The decision on a finding, or None when it is not decided."""
        p = self.putusan.get(id_temuan(t))
        return p if p is not None and p.diputuskan else None

    @property
    def galat_terbuka(self) -> list:
        """The galat nobody decided yet: while there is one, the edition is a DRAF."""
        return [t for t in self.temuan if t.tingkat == "galat" and self.putusan_untuk(t) is None]

    @property
    def draf(self) -> bool:
        return bool(self.galat_terbuka)


# ---------------------------------------------------------------- reading


def jalur(data_dir, kecamatan: str, tahun) -> Path:
    """``<data>/<kecamatan>/<tahun>/keputusan.csv``."""
    return Path(data_dir or config.DATA) / kecamatan / str(tahun) / NAMA_BERKAS


def _tampil(path: Path) -> str:
    """The file as messages name it: ``<kecamatan>/<tahun>/keputusan.csv``."""
    return "/".join(path.parts[-3:])


def baca(path: Path) -> list[Putusan]:
    """The decisions of one file ([] when it does not exist), or `LkjipError` listing every
    problem: a missing column, an unknown putusan, ``tersaji`` without alasan, a finding
    decided twice, a decision without a finding id."""
    if not path.is_file():
        return []
    from lkjip.muat import baca_csv

    nama = _tampil(path)
    df, masalah = baca_csv(path, nama)
    if df is None:
        raise LkjipError(masalah)
    kurang = [k for k in KOLOM if k not in df.columns]
    if kurang:
        raise LkjipError(Masalah(nama, 1, pesan=(
            f"kolom {', '.join(kurang)} tidak ada; kolom yang diperlukan: {', '.join(KOLOM)} "
            f"(kolom {', '.join(KOLOM_INFO)} boleh ada, tidak dibaca).")))
    hasil, masalah, sudah = [], [], {}
    for row in df.to_dict("records"):
        p = Putusan(*(str(row[k] or "").strip() for k in KOLOM), int(row["_baris"]))
        masalah += _periksa_baris(nama, p, sudah)
        sudah.setdefault(p.temuan, p.baris)
        hasil.append(p)
    if masalah:
        raise LkjipError(masalah)
    return hasil


def _periksa_baris(nama: str, p: Putusan, sudah: dict) -> list[Masalah]:
    masalah = []
    if p.putusan not in PUTUSAN + ("",):
        masalah.append(Masalah(nama, p.baris, "putusan", p.putusan,
                               "terhitung, tersaji, atau kosong (belum diputuskan)"))
    if p.putusan == TERSAJI and not p.alasan:
        masalah.append(Masalah(nama, p.baris, "alasan", pesan=(
            "putusan 'tersaji' memerlukan alasan: tuliskan mengapa angka yang tersaji tetap "
            "dipakai.")))
    if not p.temuan and (p.putusan or p.alasan):
        masalah.append(Masalah(nama, p.baris, "temuan", "", "kode temuan dari lkjip check"))
    elif p.temuan and p.temuan in sudah:
        masalah.append(Masalah(nama, p.baris, "temuan", p.temuan, pesan=(
            f"temuan '{p.temuan}' sudah diputuskan di baris {sudah[p.temuan]}; satu temuan "
            "satu baris.")))
    return masalah


def keadaan(temuan: list, putusan: list[Putusan]) -> Keadaan:
    """The findings with their decisions; decisions without a finding are `Keadaan.basi`."""
    ada = {id_temuan(t) for t in temuan}
    peta = {p.temuan: p for p in putusan if p.temuan}
    basi = [p for p in putusan if p.temuan and p.temuan not in ada and p.diputuskan]
    return Keadaan(list(temuan), {k: p for k, p in peta.items() if k in ada}, basi)


def keadaan_data(data, temuan: list) -> Keadaan:
    """`keadaan` of a loaded kecamatan-year, its decisions read from its data folder."""
    return keadaan(temuan, baca(jalur(data.data_dir, data.kecamatan, data.tahun)))


# ---------------------------------------------------------------- writing the template


@dataclass(frozen=True)
class HasilTemplat:
    """What `tulis_templat` did: rows added (open findings), kept (decided), stale."""

    path: Path
    baru: list[str]
    tetap: list[Putusan]
    basi: list[Putusan]


def _baris_templat(temuan: list, lama: list[Putusan], path: Path
                   ) -> tuple[list[list[str]], HasilTemplat]:
    """The template's rows: a row per finding (its decision if any), then the stale ones."""
    k = keadaan(temuan, lama)
    lama_per_id = {p.temuan: p for p in lama if p.temuan}
    baris, baru, tetap = [], [], []
    for t in temuan:
        p = lama_per_id.get(id_temuan(t))
        if p is None or not (p.putusan or p.alasan):
            baru.append(id_temuan(t))
        else:
            tetap.append(p)
        baris.append([id_temuan(t), p.putusan if p else "", p.alasan if p else "", t.tingkat,
                      t.pesan])
    baris += [[p.temuan, p.putusan, p.alasan, BASI, URAIAN_BASI] for p in k.basi]
    return baris, HasilTemplat(path, baru, tetap, k.basi)


def tulis_templat(data, temuan: list) -> HasilTemplat:
    """Write or update ``keputusan.csv``: a row per finding in the checks' order, decisions
    already made kept, stale ones marked ``basi`` at the end. Written through
    `lkjip.aman.tulis_csv` (text a spreadsheet would run as a formula is neutralised; the file
    is replaced atomically, a spreadsheet open on it keeps the old one); an existing file
    with a problem is reported and left as it is."""
    import pandas as pd

    from lkjip.aman import tulis_csv

    path = jalur(data.data_dir, data.kecamatan, data.tahun)
    baris, hasil = _baris_templat(temuan, baca(path), path)
    try:
        tulis_csv(pd.DataFrame(baris, columns=list(KOLOM + KOLOM_INFO)), path)
    except OSError as e:
        raise LkjipError(Masalah(_tampil(path), pesan=(
            f"tidak dapat ditulis: {e.strerror or e}. Berkas lama tidak diubah."))) from None
    return hasil
