"""What every report table is made of: `Tabel`, the formatting of its cells, the builder.

`Tabel` is a DataFrame of display text (numbers already formatted the Indonesian way by
`lkjip.format`) with its number, caption, source line and the cells to mark; `_tabel` builds
one and attaches, with `hasil`, the computed `Angka` behind each cell that shows a stated
figure. The tables themselves are in `lkjip.tabel` (Bab II–IV, Ikhtisar), `lkjip.tabel_sdm`
(Bab I) and `lkjip.tabel_lampiran` (the PK of every pejabat); `lkjip.tabel` re-exports this
module's public names, so notebooks write ``tabel.persen`` as before.

>>> angka_tertulis(82.0), angka_tertulis("92,22"), angka_tertulis("10/1"), angka_tertulis(None)
('82', '92,22', '10/1', '–')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from lkjip.angka import Angka, ke_decimal
from lkjip.format import KOSONG, format_angka, format_rupiah
from lkjip.sintetis_label import catatan_sintetis

TEBAL = "lk-tebal"
URAIAN = "lk-uraian"
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
TW = ("TW I", "TW II", "TW III", "TW IV")


@dataclass(frozen=True)
class Tabel:
    """A numbered report table: display text in `df`, css classes per cell in `tandai`.

    `tandai` maps ``(row label, column label)`` of `df` to css classes (``lk-tebal``,
    ``lk-uraian``); `angka` maps cells to the computed `Angka` behind them (its provenance shows
    on hover in the HTML report); `tersaji` maps cells to the stated figure
    ``(besaran, kunci)`` they show; `kaki` maps cells to a footnote printed under the table.
    """

    df: pd.DataFrame
    nomor: str
    judul: str
    sumber: str | None = None
    catatan: str | None = None
    tandai: dict = field(default_factory=dict)
    jumlah: bool = False
    angka: dict = field(default_factory=dict)
    tersaji: dict = field(default_factory=dict)
    kaki: dict = field(default_factory=dict)

    def html(self):
        """The table as `lkjip.tampil.Html` (caption, escaped cells, classes, notes)."""
        from lkjip import tampil

        return tampil.tabel(self.df, self.nomor, self.judul, sumber=self.sumber,
                            catatan=self.catatan, tandai=self.tandai, jumlah=self.jumlah,
                            angka=self.angka or None, kaki=self.kaki or None)

    def _repr_html_(self) -> str:
        return self.html()._repr_html_()

    def _repr_pretty_(self, p, cycle) -> None:
        """IPython's ``text/plain`` of a table (the notebook's fallback beside its HTML, which
        no export reads): its number, as the report's other blocks show theirs (``<Grafik
        1.1>``). The dataclass's repr, which ``repr()`` still gives, is the text of the whole
        DataFrame and of every `Angka` behind its cells: ~3 ms a table, in every report's
        kernel (issue 15)."""
        p.text(f"<Tabel {self.nomor}>" if self.nomor else "<Tabel>")

    def sel(self, baris, kolom) -> str:
        """The text of one cell (for tests and sentences)."""
        return str(self.df.loc[baris, kolom])


# ---------------------------------------------------------------- what a table shows, recorded

# The stated figures each table function decorated `dicatat` showed, by its call, for the one
# (data, hasil) pair last asked about (`_DARI`, kept so that no id is reused): {(function,
# arguments): (nomor, judul, tersaji) or None}. The working paper lists the edition's tables
# that show each stated figure (`lkjip.kertas.letak_tersaji`): in a build's kernel the
# edition's cells built them already, and building them again was ~0,15 CPU-s (issue 15).
_TERSAJI: dict = {}
_DARI: list = []


def _kunci_catat(fungsi, args: tuple, kwargs: dict):
    """The record's key for a call ``fungsi(data, hasil, …)``, or None (an argument that is
    not hashable); the record is emptied first when the call is of another (data, hasil)."""
    data = args[0] if args else kwargs.get("data")
    hasil = args[1] if len(args) > 1 else kwargs.get("hasil")
    if not (_DARI and _DARI[0] is data and _DARI[1] is hasil):
        _TERSAJI.clear()
        _DARI[:] = [data, hasil]
    lain = {k: v for k, v in kwargs.items() if k not in ("data", "hasil")}
    kunci = (fungsi, args[2:], tuple(sorted(lain.items())))
    try:
        hash(kunci)
    except TypeError:
        return None
    return kunci


def dicatat(fungsi):
    """A table function of ``(data, hasil, …)`` whose table's number, caption and stated
    figures (`Tabel.tersaji`, copied as built) are recorded for `tersaji_tabel`."""
    @functools.wraps(fungsi)
    def dengan_catatan(*args, **kwargs):
        t = fungsi(*args, **kwargs)
        kunci = _kunci_catat(fungsi, args, kwargs)
        if kunci is not None:
            _TERSAJI[kunci] = _ringkas(t)
        return t

    dengan_catatan.tanpa_catatan = fungsi
    return dengan_catatan


def _ringkas(t: Tabel | None) -> tuple | None:
    return None if t is None else (t.nomor, t.judul, dict(t.tersaji))


def tersaji_tabel(fungsi, *args, **kwargs) -> tuple | None:
    """``(nomor, judul, tersaji)`` of the table ``fungsi(data, hasil, …)`` (`dicatat`), None
    where it gives none: as recorded when this process built it with the same arguments and
    the same `data` and `hasil` objects, else built now."""
    kunci = _kunci_catat(getattr(fungsi, "tanpa_catatan", fungsi), args, kwargs)
    if kunci is not None and kunci in _TERSAJI:
        return _TERSAJI[kunci]
    return _ringkas(fungsi(*args, **kwargs))


# ---------------------------------------------------------------- formatting


def angka_tertulis(x) -> str:
    """A typed figure as written (no trailing zeros); ``a/b`` stays as typed."""
    if isinstance(x, str) and "/" in x:
        return x.strip()
    d = ke_decimal(x)
    if d is None:
        return KOSONG
    d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    return format_angka(d, None)


def persen(x) -> str:
    """A computed percentage or index in 2 dp, '–' when not available.

    >>> persen(Angka(Decimal("91.6832"))), persen(None)
    ('91,68', '–')
    """
    return format_angka(x, 2)


def rupiah(x) -> str:
    """Rupiah in a table: no 'Rp', negatives in parentheses as the seed prints them.

    >>> rupiah(-21945500), rupiah(2522467250)
    ('(21.945.500)', '2.522.467.250')
    """
    return format_rupiah(x, kurung=True)


def cacah(n) -> str:
    """A count in the personnel tables: 0 prints '-' as the seed does.

    >>> cacah(0), cacah(12)
    ('-', '12')
    """
    return "-" if int(n) == 0 else str(int(n))


def tanggal(d) -> str:
    """A date the Indonesian way.

    >>> import datetime
    >>> tanggal(datetime.date(2023, 10, 23))
    '23 Oktober 2023'
    """
    if d is None or (isinstance(d, float) and pd.isna(d)):
        return ""
    d = pd.Timestamp(d)
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _nama(data) -> str:
    return str(data.profil.get("nama_kecamatan") or data.kecamatan)


def sumber_olah(data, *angka) -> str:
    """'Kecamatan X tahun T, diolah', naming the synthetic input when one of `angka` comes
    from it (`lkjip.sintetis_label.catatan_sintetis`)."""
    return f"Kecamatan {_nama(data)} tahun {data.tahun}, diolah{catatan_sintetis(data, angka)}"


# ---------------------------------------------------------------- building a table


def _kelas(tebal=(), uraian=()) -> dict:
    """css classes per cell: bold cells, and the description cells that get room."""
    kelas: dict = {s: [TEBAL] for s in tebal}
    for s in uraian:
        kelas.setdefault(s, []).append(URAIAN)
    return {s: " ".join(k) for s, k in kelas.items()}


def _sel_kurung(df: pd.DataFrame) -> list[tuple]:
    """Cells holding a negative amount in parentheses (the seed's style)."""
    return [(r, k) for k in df.columns for r, v in zip(df.index, df[k], strict=True)
            if isinstance(v, str) and v.startswith("(") and v.endswith(")")
            and v[1:-1].replace(".", "").isdigit()]


def _tabel(df, nomor, judul, sel=None, tebal=(), angka=None, uraian=(), hasil=None,
           **kw) -> Tabel:
    """A `Tabel`: ``sel`` maps cells to the stated figure ``(besaran, kunci)`` they show;
    ``uraian`` names the description columns that get room. With `hasil`, every such cell
    carries its computed `Angka` (provenance on hover, `lkjip.jejak`)."""
    tandai = _kelas(tebal, [(r, k) for k in uraian for r in df.index])
    for sel_kurung in _sel_kurung(df):  # '(21.945.500)' is a number: right-aligned
        tandai[sel_kurung] = " ".join(filter(None, (tandai.get(sel_kurung), "lk-angka")))
    if hasil is not None:
        from lkjip import jejak

        angka = jejak.angka_sel(hasil, sel or {}) | (angka or {})
    angka = {k: a for k, a in (angka or {}).items() if isinstance(a, Angka)}
    if hasil is not None and kw.get("sumber"):
        kw["sumber"] += catatan_sintetis(hasil.data, angka.values())
    return Tabel(df, nomor, judul, tandai=tandai, angka=angka, tersaji=dict(sel or {}), **kw)
