"""What every rule module shares: `Aturan` (a rule's id, title, severities, doc line),
`Temuan` (a finding and its stable id), `Konteks` (the data, the computed model, the stated
figures) and the one generic comparison of a stated figure with its computed one (`banding`).

A finding's id is built from its rule and its place in the data, never from a row number or
a list position, so a finding keeps its id while the data is edited elsewhere (the office
writes decisions against it, issue 11): ``<aturan>/<key>/<key>…``, each key lowercased with
`lkjip.teks.slug` (ASCII letters, digits, ``.``, ``_``, ``-``). A stated figure's keys are its
besaran (unless the rule says it), its kunci and where it is printed (the first place named in
``sumber``, with its remark):
``progres-renstra/progres_renstra/iku-01/tabel-3.3-kinerja-s.d.-2023``,
``komposit/cl.1/bab-iii-perhitungan-cakupan-layanan``.

>>> id_temuan("pk-tw-anggaran", "sekcam", "1.5")
'pk-tw-anggaran/sekcam/1.5'
>>> Temuan("galat", "tahun-renstra", "x/2023/profil.csv", 2, "profil").letak
'profil.csv baris 2'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from pathlib import PurePosixPath

import pandas as pd

from lkjip import katalog
from lkjip.angka import bulatkan, ke_decimal
from lkjip.bilangan import baca_angka
from lkjip.format import format_angka
from lkjip.teks import normal_teks, slug

TINGKAT = ("galat", "peringatan", "info")
TOLERANSI_PEMBULATAN = Decimal("0.01")


@dataclass(frozen=True)
class Aturan:
    """One rule: its id (as findings and decisions name it), title, severities and what it
    compares (one line, for the rule table of `lkjip.periksa`)."""

    id: str
    judul: str
    tingkat: tuple[str, ...]
    uraian: str


@dataclass(frozen=True)
class Temuan:
    """One finding: severity, rule, place, the stated and computed values, one sentence.

    `id` is stable (see the module docstring; unique within a kecamatan-year); `nomor` is the
    finding's number in this list, for the reader.
    """

    tingkat: str
    aturan: str
    berkas: str
    baris: int | None
    tempat: str
    besaran: str | None = None
    kunci: str | None = None
    tersaji: str | None = None
    terhitung: str | None = None
    pesan: str = ""
    nomor: int = 0
    id: str = ""

    @property
    def letak(self) -> str:
        """File name and row: ``tersaji.csv baris 3``."""
        nama = PurePosixPath(self.berkas).name
        return nama if self.baris is None else f"{nama} baris {self.baris}"

    @property
    def jangkar(self) -> str:
        """The HTML anchor of the finding, from its id.

        >>> Temuan("info", "ikm", "t.csv", 2, "x", id="ikm/nilai_unsur/perilaku/bab-iii").jangkar
        'temuan-ikm--nilai_unsur--perilaku--bab-iii'
        """
        return "temuan-" + self.id.replace("/", "--").replace(".", "_")


def id_temuan(aturan: str, *kunci) -> str:
    """``<aturan>/<key>/…`` from the keys of a finding's place (empty keys left out)."""
    return "/".join([aturan] + [slug(k) for k in kunci if not kosong(k)])


# ---------------------------------------------------------------- numbers as printed


def _desimal(d: Decimal) -> int:
    """Decimal places as typed: 83.20 → 2, 40 → 0."""
    return max(-d.as_tuple().exponent, 0)


def beda_angka(tersaji, terhitung) -> str | None:
    """None when the stated value equals the computed one as printed, 'info' when the
    difference comes from rounding alone, else 'galat'.

    >>> [beda_angka(Decimal(s), Decimal(c)) for s, c in [("87.87", "87.8657"),
    ...  ("87.86", "87.8657"), ("40", "40.0"), ("86.8", "86.8148"), ("87.86", "91.6832")]]
    [None, 'info', None, 'info', 'galat']
    """
    s, c = ke_decimal(tersaji), ke_decimal(terhitung)
    d = _desimal(s)
    if s == bulatkan(c, max(d, 2)):
        return None
    if s == bulatkan(c, d) or s == c.quantize(Decimal(1).scaleb(-d), rounding=ROUND_DOWN):
        return "info"
    return "info" if abs(s - c) <= TOLERANSI_PEMBULATAN else "galat"


def rp(x) -> str:
    return "Rp " + format_angka(x, 0)


def persen(x) -> str:
    return format_angka(x, 2)


def tertulis(d: Decimal) -> str:
    return format_angka(d, None)


def kosong(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v)) or str(v).strip() == ""


def daftar_baris(df) -> str:
    return ", ".join(str(int(b)) for b in df["_baris"])


# ---------------------------------------------------------------- context


class Konteks:
    """What the rules need: the data, the computed model, the stated figures, and how to name
    places. `banding` maps a catalogue entry's ``banding`` to its comparison."""

    def __init__(self, data, hasil, banding: dict[str, Callable] | None = None):
        self.data, self.hasil, self.banding = data, hasil, banding or {}
        self.tersaji = [r | {"kunci": None if kosong(r["kunci"]) else str(r["kunci"]).strip()}
                        for r in data.tersaji.to_dict("records")]

    def berkas(self, tabel: str) -> str:
        return self.data.berkas.get(tabel, f"{tabel}.csv")

    def temuan(self, tingkat, aturan, tabel, baris, tempat, pesan, *, kunci_id=(),
               **kw) -> Temuan:
        """A finding about a row of `tabel`; `kunci_id` are the keys of its place (its id)."""
        baris = None if baris is None else int(baris)
        return Temuan(tingkat, aturan, self.berkas(tabel), baris, tempat, pesan=pesan,
                      id=id_temuan(aturan, *kunci_id), **kw)

    def dari_tersaji(self, row, tingkat, aturan, pesan, tersaji=None, terhitung=None,
                     sub: str | None = None) -> Temuan:
        """A finding about a stated figure (`sub` tells two findings of one rule apart); its
        id names the besaran unless the rule already does (``komposit/cl/…``)."""
        besaran = None if row["besaran"].replace("_", "-") == aturan else row["besaran"]
        kunci_id = (besaran, row["kunci"], tempat_pertama(row["sumber"]), sub)
        return self.temuan(tingkat, aturan, "tersaji", row["_baris"], tempat_tersaji(row),
                           pesan, kunci_id=kunci_id, besaran=row["besaran"], kunci=row["kunci"],
                           tersaji=tersaji, terhitung=terhitung)

    def tersaji_dari(self, besaran: str) -> list[dict]:
        return [r for r in self.tersaji if r["besaran"] == besaran]


def tempat_tersaji(row) -> str:
    kunci = f" {row['kunci']}" if not kosong(row["kunci"]) else ""
    return f"{row['sumber']} ({row['besaran']}{kunci})"


def tempat_pertama(sumber) -> str:
    """The first place a stated figure is printed, with its remark.

    >>> tempat_pertama("Tabel 3.5 (Kinerja s.d. 2023); Bab IV")
    'Tabel 3.5 (Kinerja s.d. 2023)'
    """
    return "" if kosong(sumber) else str(sumber).split(";")[0].strip()


def tempat_sumber(sumber: str) -> set[str]:
    """The places a stated figure is printed, normalised, without the remarks in brackets.

    >>> sorted(tempat_sumber("Bab IV (capaian 92,90%); Tabel 3.6"))
    ['bab iv', 'tabel 3 6']
    """
    return {normal_teks(re.sub(r"\(.*?\)", "", b)) for b in str(sumber).split(";")} - {""}


def angka_row(row) -> Decimal | None:
    """The stated value as a number (None when it is not one)."""
    try:
        return baca_angka(row["nilai"])
    except ValueError:
        return None


# ---------------------------------------------------------------- stated figures


def tak_terbaca(k: Konteks, row, apa="angka") -> list[Temuan]:
    pesan = f"Nilai tersaji '{row['nilai']}' bukan {apa} sehingga tidak dapat diperiksa."
    return [k.dari_tersaji(row, "peringatan", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


def kunci_asing(k: Konteks, row, apa: str) -> list[Temuan]:
    pesan = (f"Kunci '{row['kunci'] or ''}' untuk {row['besaran']} tidak dikenal sebagai {apa}, "
             "sehingga angka ini tidak dapat diperiksa.")
    return [k.dari_tersaji(row, "peringatan", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


def tidak_terhitung(k: Konteks, row, alasan: str) -> list[Temuan]:
    pesan = f"Angka tersaji {row['nilai']} tidak dapat diperiksa: {alasan}."
    return [k.dari_tersaji(row, "info", "tidak-diperiksa", pesan, tersaji=row["nilai"])]


def banding(k: Konteks, row, baca: katalog.Tersaji,
            tambahan: Callable[[Decimal], str] | None = None) -> list[Temuan]:
    """The generic comparison: the stated number against the catalogue's computed figure, by
    its unit (within rounding, or exactly); `tambahan` adds to the sentence of a galat."""
    jenis, kunci = baca.jenis, baca.kunci
    s = angka_row(row)
    if s is None:
        return tak_terbaca(k, row)
    apa = jenis.teks_apa(k.hasil, kunci)
    angka = baca.angka(k.hasil)
    c = None if angka is None else angka.nilai
    if c is None:
        return tidak_terhitung(k, row, f"{apa} tidak dapat dihitung dari data")
    if not jenis.satuan.toleran:
        tingkat = None if s == c else jenis.tingkat
        ubah = rp if jenis.satuan is katalog.RUPIAH else (lambda x: format_angka(x, 0))
        ts, tc = ubah(s), ubah(c)
    else:
        beda = beda_angka(s, c)
        tingkat = jenis.tingkat if beda == "galat" else beda
        # an indicator's count prints by its unit, as the report does (hitung gives it the
        # places, `format.desimal_nilai`): 'terhitung 4' for 4 kasus; every other figure 2 dp
        ts, tc = tertulis(s), persen(c) if angka.desimal >= 2 else format_angka(c, angka.desimal)
    if tingkat is None:
        return []
    if tingkat == "info":
        pesan = (f"{apa} tersaji {ts}, terhitung {format_angka(c, 4)}: selisihnya hanya karena "
                 "pembulatan.")
    else:
        lagi = tambahan(s) if tambahan else ""
        pesan = f"{apa} tersaji {ts}, padahal terhitung {tc}{jenis.teks_catatan(k.hasil, kunci)}" \
                f"{lagi}."
    return [k.dari_tersaji(row, tingkat, jenis.aturan, pesan, tersaji=ts, terhitung=tc)]
