"""The kabupaten's other kecamatan as a standard of comparison (Permenpan RB 53/2014 asks the
LKjIP to compare realisasi with other standards where they exist).

`muat_pembanding(data)` loads, for the report's year, every other kecamatan found beside it:
in the report's data folder and in the synthetic folder (`lkjip.config.data_sintetis`, written
by ``lkjip sintetis``), keeping those whose ``profil.csv`` names the same kabupaten and
provinsi. A kecamatan that does not load is named with the first line of its error and left
out; the comparison is made with the others. `banding(hasil, kode, pembanding)` then ranks the
report's kecamatan on one indicator and gives the kabupaten mean.

Matching. Indicators are matched by name (case and spacing ignored), because the kecamatan
of a kabupaten share the indicators of the Bupati's IKU regulation but may number them
differently. Ranking uses the realisasi rounded to 2 dp (as printed), best first by the
indicator's ``arah``; equal values share a rank (1, 2, 2, 4). The mean is over every kecamatan
with a realisasi this year, the report's own included, rounded once.

Loading ~13 kecamatan takes about 2 s on the reference machine (`muat` + `hitung`, no checks);
each is kept in the cache on disk (`lkjip.tembolok`, keyed by its files' bytes) with the
summary a comparison reads (`HasilLain`), so the next report of a batch, or the next build,
reads them back in ~4 ms each (hashing its files for the key; the summary itself unpickles
in ~0,1 ms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from lkjip import config
from lkjip.angka import Angka, Sumber, bulatkan, rerata
from lkjip.galat import LkjipError


@dataclass(frozen=True)
class DataLain:
    """What a comparison reads of another kecamatan's data."""

    kecamatan: str
    tahun: int
    profil: dict
    sintetis: bool


@dataclass(frozen=True)
class IndikatorLain:
    """One indicator of another kecamatan: its name and its realisasi, with the provenance a
    report shows of it (`ringkas`)."""

    indikator: str
    realisasi: Angka


@dataclass(frozen=True)
class HasilLain:
    """What a comparison reads of another kecamatan's computed model (`lkjip.hitung.Hasil`):
    a summary kept in the cache (`lkjip.tembolok`), each realisasi with the provenance a report
    shows of it (`ringkas`): unpickled in ~0,1 ms, against ~11 ms with every survey answer of
    its IKM and ~25 ms for the whole model with its tables."""

    data: DataLain
    indikator: dict[str, IndikatorLain]

    @classmethod
    def dari(cls, hasil) -> HasilLain:
        d = hasil.data
        return cls(DataLain(d.kecamatan, d.tahun, dict(d.profil), d.sintetis),
                   {k: IndikatorLain(i.indikator, ringkas(i.realisasi))
                    for k, i in hasil.indikator.items()})


def ringkas(a: Angka) -> Angka:
    """Another kecamatan's realisasi `a` with the provenance a report shows of it: `a` and its
    direct inputs as they are, each input figure without its own inputs (an input typed in a
    file, a `Sumber`, stays whole; one whose value is a figure keeps that figure `ringkas`).

    What a report shows of another kecamatan's realisasi is a line of the kabupaten mean's
    tooltip (`banding`'s ``rerata``, in Bab III's sentence and table; `lkjip.tampil_jejak`):
    its label, value and worked line (`lkjip.jejak.asal_singkat`), whose numbers are its
    inputs' values at their places, or the file and column of its inputs typed in a file.
    None of that reads an input's own inputs, nor does ranking, the mean or the chart. The
    rest of the tree (an IKM realisasi reaches every answer of the survey, ~2 550 `Sumber`)
    was kept in the cache, unpickled by every report's kernel (13 kecamatan: ~0,15 CPU-s) and
    hashed or walked where the mean's tooltip was made, for nothing (issue 15). The
    kecamatan's own report (``lkjip jelaskan``, its working paper) shows its whole tree.

    >>> from decimal import Decimal
    >>> jawaban = (Sumber("k/2023/ikm.csv", 2, "u1", 3), Sumber("k/2023/ikm.csv", 3, "u1", 4))
    >>> unsur = Angka(Decimal("3.4"), "Jumlah nilai / jumlah jawaban", jawaban, label="unsur 1",
    ...               desimal=3)
    >>> r = ringkas(Angka(Decimal("85"), "Unsur × 25", (unsur,), label="IKM", pola="{0} × 25"))
    >>> r.masukan[0].masukan, r.masukan[0].nilai, r.uraian()
    ((), Decimal('3.4'), '85,00 = 3,400 × 25')
    """
    return replace(a, masukan=tuple(_tanpa_masukan(m) for m in a.masukan))


def _tanpa_masukan(m):
    if isinstance(m, Angka):
        return replace(m, masukan=()) if m.masukan else m
    if isinstance(m, Sumber) and isinstance(m.nilai, Angka):
        return Sumber(m.file, m.baris, m.kolom, ringkas(m.nilai))
    return m


@dataclass(frozen=True)
class Pembanding:
    """The other kecamatan of the kabupaten that loaded (``hasil``: each a `HasilLain`), and
    those that did not."""

    hasil: tuple = ()
    gagal: tuple[tuple[str, str], ...] = ()

    @property
    def sintetis(self) -> bool:
        """True when any of them is synthetic (demo) data: the report must say so."""
        return any(h.data.sintetis for h in self.hasil)


@dataclass(frozen=True)
class Peringkat:
    """One indicator across the kabupaten: the report's rank among ``n`` and the mean."""

    kode: str
    peringkat: int
    n: int
    rerata: Angka
    terbaik: tuple[str, Decimal]
    terburuk: tuple[str, Decimal]
    daftar: list[tuple[str, Decimal, int]] = field(default_factory=list)


JENIS_TEMBOLOK = "pembanding"  # the cache's kind of entry for a `HasilLain`


def _kunci(teks) -> str:
    return re.sub(r"\s+", " ", str(teks or "")).strip().casefold()


def folder_pembanding(data, folders=None) -> list[Path]:
    """The report's data folder, then the given folders (default: the synthetic folder)."""
    daftar = [Path(data.data_dir)] + [Path(f) for f in
                                      ([config.data_sintetis()] if folders is None else folders)]
    unik: list[Path] = []
    for f in daftar:
        f = f.expanduser().resolve()
        if f not in unik:
            unik.append(f)
    return unik


def calon(data, folders=None) -> list[tuple[str, Path]]:
    """``(kecamatan, data folder)`` of every other kecamatan with a ``profil.csv`` for the
    report's year, in the order they are loaded: folder by folder, then by name; a kecamatan
    found in two folders is taken from the first."""
    dilihat, daftar = {data.kecamatan}, []
    for folder in folder_pembanding(data, folders):
        for kec in sorted(folder.glob(f"*/{data.tahun}/profil.csv")):
            nama = kec.parent.parent.name
            if nama not in dilihat:
                dilihat.add(nama)
                daftar.append((nama, folder))
    return daftar


def muat_pembanding(data, folders=None) -> Pembanding:
    """Every other kecamatan of the same kabupaten with data for the report's year."""
    hasil, gagal = [], []
    for nama, folder in calon(data, folders):
        try:
            lain = _lain(nama, data.tahun, folder)
        except LkjipError as e:
            gagal.append((nama, str(e.masalah[0]) if e.masalah else str(e)))
            continue
        except (ValueError, ArithmeticError) as e:
            gagal.append((nama, f"tidak dapat dihitung: {e}"))
            continue
        if _sama_kabupaten(data.profil, lain.data.profil):
            hasil.append(lain)
    return Pembanding(tuple(hasil), tuple(gagal))


def _lain(nama: str, tahun: int, folder: Path) -> HasilLain:
    from lkjip.tembolok import dari_hasil

    return dari_hasil(nama, tahun, folder, JENIS_TEMBOLOK, HasilLain.dari)


def muat_dulu(data, folders=None) -> None:
    """Load the other kecamatan into the cache (`lkjip.tembolok`) ahead of `muat_pembanding`,
    LAST first: a build process runs this in a thread while its kernel runs the first
    chapters, and when Bab III asks for them the two meet in the middle (an entry being made
    by one is waited for by the other, never made twice: `tembolok.dari_hasil`); one already
    in the cache is not read (`tembolok.ada`: in a batch, every report after the first few).
    A kecamatan that does not load is left for `muat_pembanding` to report. Without a cache
    (off, or its folder unsafe) nothing is loaded: it would be lost."""
    from lkjip.tembolok import ada, aktif

    if not aktif():
        return
    for nama, folder in reversed(calon(data, folders)):
        if ada(nama, data.tahun, folder, JENIS_TEMBOLOK):
            continue
        try:
            _lain(nama, data.tahun, folder)
        except (LkjipError, ValueError, ArithmeticError):
            continue


def _sama_kabupaten(a: dict, b: dict) -> bool:
    return all(_kunci(a.get(k)) == _kunci(b.get(k)) for k in ("kabupaten", "provinsi"))


def _nama(hasil) -> str:
    return str(hasil.data.profil.get("nama_kecamatan") or hasil.data.kecamatan)


def _realisasi(hasil, nama_indikator: str) -> Angka | None:
    for i in hasil.indikator.values():
        if _kunci(i.indikator) == nama_indikator and i.realisasi.nilai is not None:
            return i.realisasi
    return None


def peringkat(nilai: list[Decimal], arah: str) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of values, best first by `arah`.

    >>> peringkat([Decimal(80), Decimal(90), Decimal(80), Decimal(70)], "naik")
    [2, 1, 2, 4]
    >>> peringkat([Decimal(3), Decimal(1)], "turun")
    [2, 1]
    """
    tanda = -1 if arah == "naik" else 1
    return [1 + sum(1 for w in nilai if tanda * w < tanda * v) for v in nilai]


def banding(hasil, kode: str, pembanding: Pembanding | None) -> Peringkat | None:
    """The report's indicator `kode` among the kabupaten's kecamatan; None without others
    that report the same indicator this year."""
    i = hasil.indikator[kode]
    if pembanding is None or i.realisasi.nilai is None:
        return None
    kunci = _kunci(i.indikator)
    semua = [(_nama(hasil), i.realisasi)] + [
        (_nama(h), a) for h in pembanding.hasil if (a := _realisasi(h, kunci)) is not None]
    if len(semua) < 2:
        return None
    bulat = [bulatkan(a.nilai) for _, a in semua]
    urut = peringkat(bulat, i.arah)
    daftar = sorted(((n, b, p) for (n, _), b, p in zip(semua, bulat, urut, strict=True)),
                    key=lambda x: (x[2], x[0]))
    rata = rerata([a for _, a in semua], f"rerata kabupaten {kode}",
                  "Jumlah realisasi kecamatan / jumlah kecamatan")
    return Peringkat(kode, urut[0], len(semua), rata, daftar[0][:2], daftar[-1][:2], daftar)
