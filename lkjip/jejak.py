"""Jejak perhitungan: how each figure was computed, as text and as a numbered appendix.

`pohon(angka)` is the provenance tree of an `Angka` as indented text: the formula in words
and symbols, the worked line, the rule, the unrounded value, and each input down to the file,
row, column and typed value (long runs of rows are collapsed: "17 baris: desa.csv baris 2–18").
`lampiran(hasil)` numbers every computed figure of the report's tables (P-1, P-2, …) for the
"Lampiran Perhitungan"; `rujukan` looks a figure up in it. `jelaskan(hasil, jalur)` is the
text of ``lkjip jelaskan``; paths are those of the catalogue (`lkjip.katalog`: `cari`,
`daftar_jalur`, re-exported here). This module returns text and data; the HTML of figures,
tooltips and the appendix is `lkjip.tampil_jejak` (a view).

>>> from decimal import Decimal
>>> from lkjip.angka import Sumber
>>> t = Angka(Decimal("94.69"), "target tertulis", (Sumber("target.csv", 3, "target", 94.69),),
...           label="target")
>>> print(pohon(Angka(Decimal("50"), "Realisasi / Target × 100", (Decimal("47.345"), t),
...                   "arah naik", "capaian", "{0} / {1} × 100")))
capaian = 50,00
    rumus: Realisasi / Target × 100
    hitungan: 50,00 = 47,345 / 94,69 × 100
    aturan: arah naik
    pembulatan: setengah ke atas ke 2 desimal, sekali di akhir
  - 47,345 (angka langsung)
  - target = 94,69
      rumus: target tertulis
    - target.csv baris 3, kolom target: 94,69
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip.angka import Angka, Sumber, bulatkan
from lkjip.format import format_angka
from lkjip.katalog import JalurTidakDikenal, angka_tersaji, cari, daftar_jalur, tersaji_jalur

MAKS_BARIS = 3  # more Sumber rows of one file and column than this are collapsed
MAKS_NILAI = 5  # values quoted for a collapsed run
LEBAR = 100
__all__ = ["JalurTidakDikenal", "cari", "daftar_jalur"]  # re-exported from the catalogue


# ---------------------------------------------------------------- text pieces


def teks_nilai(a: Angka) -> str:
    """The figure as shown: at its `desimal`, or '–'."""
    return format_angka(a.nilai, a.desimal)


def _mentah(v) -> str:
    """A typed value: text as is, numbers the Indonesian way without trailing zeros.

    >>> _mentah("ya"), _mentah(60.0), _mentah(94.69), _mentah(2522467250), _mentah("")
    ('ya', '60', '94,69', '2.522.467.250', '(kosong)')
    """
    if isinstance(v, str) or isinstance(v, bool):
        return v if v != "" else "(kosong)"
    try:
        d = Decimal(str(v))
    except ArithmeticError:
        return str(v)
    if not d.is_finite():
        return "(kosong)"
    d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    return format_angka(d, None)


def judul_angka(a: Angka) -> str:
    return a.label or a.rumus or "angka"


def rentang(baris: Iterable[int]) -> str:
    """Row numbers as ranges: ``2–5, 7, 9–10``.

    >>> rentang([2, 3, 4, 5, 7, 9, 10])
    '2–5, 7, 9–10'
    """
    urut = sorted(set(baris))
    bagian = []
    for _, grup in itertools.groupby(enumerate(urut), lambda x: x[1] - x[0]):
        g = [b for _, b in grup]
        bagian.append(str(g[0]) if len(g) == 1 else f"{g[0]}–{g[-1]}")
    return ", ".join(bagian)


def _berkas(file: str, ringkas: bool) -> str:
    """The file as cited; `ringkas` drops the kecamatan folder (``2023/desa.csv``)."""
    bagian = file.split("/")
    return "/".join(bagian[1:]) if ringkas and len(bagian) >= 3 else file


def _sumber(s: Sumber, ringkas: bool = False, nilai: bool = True) -> str:
    """``target.csv baris 3, kolom target: 94,69``."""
    baris = "" if s.baris is None else f" baris {s.baris}"
    isi = f": {_mentah(s.nilai)}" if nilai else ""
    return f"{_berkas(s.file, ringkas)}{baris}, kolom {s.kolom}{isi}"


def _deret(grup: list[Sumber], ringkas: bool = False) -> str:
    """A run of rows of one file and column: ``17 baris: desa.csv baris 2–18, kolom x = ya``."""
    s0, nilai = grup[0], [_mentah(s.nilai) for s in grup]
    baris = [s.baris for s in grup if s.baris is not None]
    berkas = _berkas(s0.file, ringkas)
    tempat = f"{berkas} baris {rentang(baris)}" if baris else berkas
    if len(set(nilai)) == 1:
        isi = f" = {nilai[0]}"
    else:
        lagi = ", …" if len(nilai) > MAKS_NILAI else ""
        isi = ", nilai " + ", ".join(nilai[:MAKS_NILAI]) + lagi
    return f"{len(grup)} baris: {tempat}, kolom {s0.kolom}{isi}"


def kelompok(masukan: Iterable) -> list:
    """Inputs with long runs of plain `Sumber` rows (same file and column) made into lists."""
    hasil: list = []
    for kunci, grup in itertools.groupby(masukan, _kunci_sumber):
        grup = list(grup)
        if kunci is not None and len(grup) > MAKS_BARIS:
            hasil.append(grup)
        else:
            hasil.extend(grup)
    return hasil


def _kunci_sumber(m):
    """Grouping key of a plain `Sumber` (file, column); None for anything else."""
    if isinstance(m, Sumber) and not isinstance(m.nilai, Angka):
        return (m.file, m.kolom)
    return None


# ---------------------------------------------------------------- the tree as text


def rincian(a: Angka, akar: bool) -> list[str]:
    """The lines under a figure: formula, worked line, rule, rounding, unrounded value."""
    baris = []
    if a.rumus:
        baris.append(f"rumus: {a.rumus}")
    if a.pola is not None and a.nilai is not None:
        baris.append(f"hitungan: {uraian(a)}")
    if a.aturan:
        baris.append(f"aturan: {a.aturan}")
    if akar and a.masukan and a.desimal > 0 and a.nilai is not None:
        baris.append(f"pembulatan: setengah ke atas ke {a.desimal} desimal, sekali di akhir")
    if a.nilai is not None and bulatkan(a.nilai, a.desimal) != a.nilai:
        baris.append(f"nilai sebelum dibulatkan: {format_angka(a.nilai, None)}")
    return baris


def uraian(a: Angka) -> str:
    """The worked line; the formula in words when an input is not a number (typed text)."""
    try:
        return a.uraian()
    except ValueError:
        return f"{teks_nilai(a)} = {a.rumus}"


def _bungkus(teks: str, awal: str, lanjut: str) -> list[str]:
    """Wrap one line at `LEBAR` characters."""
    return textwrap.wrap(teks, LEBAR, initial_indent=awal, subsequent_indent=lanjut,
                         break_on_hyphens=False) or [awal]


def _baris_angka(a: Angka, tingkat: int, akar: bool, sudah: set, asal: str = "") -> list[str]:
    """The lines of one `Angka` node and, recursively, its inputs."""
    pad = "  " * tingkat
    kepala = f"{judul_angka(a)} = {teks_nilai(a)}" + (f"  [{asal}]" if asal else "")
    baris = [f"{pad}{kepala}" if akar else f"{pad}- {kepala}"]
    dalam = pad + "    "
    if id(a) in sudah and a.masukan:
        return baris + [f"{dalam}(sudah diuraikan di atas)"]
    sudah.add(id(a))
    for teks in rincian(a, akar):
        baris += _bungkus(teks, dalam, dalam + "  ")
    for m in kelompok(a.masukan):
        baris += _baris_masukan(m, tingkat + 1, sudah)
    return baris


def _baris_masukan(m, tingkat: int, sudah: set) -> list[str]:
    """The lines of one input: an `Angka`, a `Sumber`, a run of rows or a plain number."""
    pad = "  " * tingkat
    if isinstance(m, Angka):
        return _baris_angka(m, tingkat, False, sudah)
    if isinstance(m, list):
        return _bungkus(_deret(m), f"{pad}- ", pad + "    ")
    if isinstance(m, Sumber) and isinstance(m.nilai, Angka):
        return _baris_angka(m.nilai, tingkat, False, sudah, f"{m.file}, {m.kolom}")
    if isinstance(m, Sumber):
        return _bungkus(_sumber(m), f"{pad}- ", pad + "    ")
    return [f"{pad}- {_mentah(m)} (angka langsung)"]


def pohon(angka: Angka, judul: str | None = None) -> str:
    """The provenance tree of `angka` as indented text (see the module docstring);
    `judul` replaces the figure's label on the first line."""
    if judul:
        angka = Angka(angka.nilai, angka.rumus, angka.masukan, angka.aturan, judul, angka.pola,
                      angka.desimal)
    return "\n".join(_baris_angka(angka, 0, True, set()))


# ---------------------------------------------------------------- short lines


def asal_singkat(m, rujukan: Mapping | None = None) -> str:
    """One input in a line: its label, value and worked line (or appendix number), or where
    it was typed."""
    if isinstance(m, list):
        return _deret(m, True)
    if isinstance(m, Sumber) and isinstance(m.nilai, Angka):
        m = m.nilai
    if isinstance(m, Sumber):
        return _sumber(m, True)
    if not isinstance(m, Angka):
        return f"{_mentah(m)} (angka langsung)"
    teks = f"{judul_angka(m)}: {teks_nilai(m)}"
    entri = rujukan.get(m) if rujukan is not None else None
    if entri is not None:
        return f"{teks} ({entri.nomor})"
    if m.pola is not None and m.nilai is not None:
        return f"{teks} ({uraian(m)})"
    if len(m.masukan) == 1 and _kunci_sumber(m.masukan[0]) is not None:  # a typed cell
        return f"{teks} ({_sumber(m.masukan[0], True, nilai=False)})"
    daun = kelompok(x for x in m.masukan if isinstance(x, Sumber))
    if daun and len(daun) == len(kelompok(m.masukan)) and len(daun) <= 2:
        return f"{teks}, dari " + "; ".join(asal_singkat(d) for d in daun)
    return teks


# ---------------------------------------------------------------- the appendix


@dataclass(frozen=True)
class Entri:
    """One figure of the Lampiran Perhitungan."""

    nomor: str
    tabel: str
    jalur: str
    angka: Angka = field(compare=False)
    tersaji: tuple | None = None  # (besaran, kunci) in tersaji.csv
    temuan: object = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return judul_jalur(self.jalur) or judul_angka(self.angka)

    @property
    def uraian(self) -> str:
        return self.angka.uraian()


def _judul_tabel(nomor: Mapping, kunci: str, judul: str) -> str:
    return f"Tabel {nomor[kunci]} {judul}" if kunci in nomor else judul


def _akar_komposit(hasil) -> dict[str, list[str]]:
    """Composite nodes per root, in file order, leaves typed as 'nilai' included."""
    induk = dict(zip(hasil.data.komposit["kode_node"], hasil.data.komposit["kode_induk"],
                     strict=True))
    grup: dict[str, list[str]] = {}
    for kode in hasil.komposit:
        akar = kode
        while isinstance(induk.get(akar), str) and induk[akar]:
            akar = induk[akar]
        grup.setdefault(akar, []).append(kode)
    return grup


def bagian_lampiran(hasil, nomor: Mapping | None = None) -> list[tuple[str, list[str]]]:
    """The appendix's sections: (table title, paths of its computed figures), in report order.

    `nomor` gives the table numbers as the chapters assign them (keys of
    ``lkjip.susun.nomor_bab3``: ``tabel:capaian``, ``tabel:sasaran:<S>``, ``tabel:ikm``,
    ``tabel:komposit:<node>``, ``tabel:anggaran_sasaran``, ``tabel:efisiensi``, and
    ``tabel:anggaran`` for the DPA table of Bab II); without it titles carry no number.
    """
    nomor = nomor or {}
    program = hasil.anggaran.loc[hasil.anggaran["tingkat"] == "program", "kode"].astype(str)
    bagian = [(_judul_tabel(nomor, "tabel:anggaran", "Rencana Anggaran"), [
        f"anggaran/{k}/{c}" for k in [*program, "total"]
        for c in ("pagu_murni", "pagu_perubahan", "selisih")])]
    ind = [k for k, i in hasil.indikator.items() if i.realisasi.nilai is not None
           or i.capaian.nilai is not None]
    bagian.append((_judul_tabel(nomor, "tabel:capaian", "Capaian Kinerja atas Perjanjian Kinerja"),
                   [f"{j}/{k}" for k in ind for j in ("realisasi", "capaian", "progres")]))
    bagian += [(_judul_tabel(nomor, f"tabel:sasaran:{k}", f"Pengukuran Kinerja Sasaran {k}"),
                [f"sasaran/{k}"]) for k in hasil.sasaran]
    if hasil.ikm_tahun is not None:
        periode = list(hasil.ikm_semester) + ["tahun"]
        bagian.append((_judul_tabel(nomor, "tabel:ikm", "Hasil Survei Kepuasan Masyarakat"),
                       [f"ikm/{p}" for p in periode]))
    for akar, simpul in _akar_komposit(hasil).items():
        judul = f"Perhitungan {judul_angka(hasil.komposit[akar])}"
        bagian.append((_judul_tabel(nomor, f"tabel:komposit:{akar}", judul),
                       [f"komposit/{k}" for k in [akar, *[s for s in simpul if s != akar]]]))
    bagian.append((_judul_tabel(nomor, "tabel:anggaran_sasaran",
                                "Target dan Realisasi Anggaran Sasaran Strategis"),
                   [f"{j}/{k}" for k in [*hasil.sasaran, "total"]
                    for j in ("pagu", "realisasi_anggaran", "penyerapan")]))
    bagian.append((_judul_tabel(nomor, "tabel:efisiensi", "Efisiensi Penggunaan Anggaran"),
                   [f"efisiensi/{k}" for k in hasil.sasaran] + ["capaian_kinerja", "efisiensi"]))
    return bagian


def lampiran(hasil, temuan: Mapping | None = None, nomor: Mapping | None = None
             ) -> list[Entri]:
    """Every computed figure of the report's tables, numbered P-1, P-2, … in report order.

    The same figure under the same name keeps its first number. `temuan` maps
    (besaran, kunci) to the finding about that stated figure (`lkjip.periksa.tersaji_beda`);
    none when not given.
    """
    temuan = temuan or {}
    entri, sudah, ingat = [], set(), {}
    for tabel, jalur in bagian_lampiran(hasil, nomor):
        for j in jalur:
            angka = cari(hasil, j)
            kunci = (_Tanda(angka, ingat), judul_jalur(j) or judul_angka(angka))
            if angka.nilai is None or kunci in sudah:
                continue
            sudah.add(kunci)
            tersaji = tersaji_jalur(j)
            entri.append(Entri(f"P-{len(entri) + 1}", tabel, j, angka, tersaji,
                               _temuan(temuan, tersaji)))
    return entri


def _temuan(temuan: Mapping, tersaji: tuple | None):
    """The finding about a stated figure; an empty kunci matches None and ''."""
    if tersaji is None:
        return None
    besaran, kunci = tersaji
    return next((temuan[(besaran, k)] for k in ((kunci,) if kunci else (None, ""))
                 if (besaran, k) in temuan), None)


class Rujukan(Mapping):
    """Look-up from a figure to its first appendix entry. Figures compare by value, formula,
    inputs and rule, not by label: ``realisasi IKU-02`` is the composite ``CL``."""

    def __init__(self, entri: Iterable[Entri]):
        self._peta: dict[_Tanda, Entri] = {}
        self._ingat: dict = {}  # `_hash_dalam`'s memo, for this look-up's life
        for e in entri:
            self._peta.setdefault(_Tanda(e.angka, self._ingat), e)

    def __getitem__(self, angka) -> Entri:
        if not isinstance(angka, Angka):
            raise KeyError(angka)
        return self._peta[_Tanda(angka, self._ingat)]

    def __iter__(self):
        return (e.angka for e in self._peta.values())

    def __len__(self) -> int:
        return len(self._peta)


def _tanda(a: Angka) -> tuple:
    """What makes two figures the same figure: value, formula, inputs and rule."""
    return (a.nilai, a.rumus, a.masukan, a.aturan)


class _Tanda:
    """`_tanda` as a key: equal as its tuples are, hashed by `_hash_dalam` once.

    Why (issue 15): a figure's own hash (a frozen dataclass) hashes its whole tree of inputs
    every time, with nothing kept; an IKM figure reaches every answer of the survey, so the
    working paper's Lampiran Perhitungan (~835 look-ups) made ~184 000 dataclass hashes, most
    of its CPU. `ingat` keeps each input's hash for the caller's look-ups."""

    __slots__ = ("tanda", "_hash")

    def __init__(self, angka: Angka, ingat: dict):
        self.tanda = _tanda(angka)
        self._hash = _hash_dalam(self.tanda, ingat)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, lain) -> bool:
        return isinstance(lain, _Tanda) and self.tanda == lain.tanda


def _hash_dalam(x, ingat: dict) -> int:
    """A hash of `x` equal for equal values, as Python's is, but with the hash of every
    figure, source and tuple inside it kept in `ingat` (by identity; the object is kept
    with it, so its id is not reused meanwhile). A figure and a source are equal to their own
    class only, field by field (dataclass equality: a figure's formatting fields `pola` and
    `desimal` aside), a tuple item by item: their hashes are built the same way from their
    fields' hashes; anything else is hashed by Python (an unhashable one raises, as before).

    >>> a = Angka(Decimal("1"), "x", (Sumber("f.csv", 2, "k", "1"),), label="a")
    >>> b = Angka(Decimal("1.0"), "x", (Sumber("f.csv", 2, "k", "1"),), label="a", desimal=0)
    >>> a == b, _hash_dalam(a, {}) == _hash_dalam(b, {})
    (True, True)
    """
    ada = ingat.get(id(x))
    if ada is not None and ada[0] is x:
        return ada[1]
    jenis = type(x)
    if jenis is Angka:
        h = hash((Angka, x.nilai, x.rumus, _hash_dalam(x.masukan, ingat), x.aturan, x.label))
    elif jenis is Sumber:
        h = hash((Sumber, x.file, x.baris, x.kolom, _hash_dalam(x.nilai, ingat)))
    elif jenis is tuple:
        h = hash(tuple(_hash_dalam(y, ingat) for y in x))
    else:
        return hash(x)
    ingat[id(x)] = (x, h)
    return h


def rujukan(entri: Iterable[Entri]) -> Rujukan:
    """Look-up from a figure to its appendix entry (see `Rujukan`)."""
    return Rujukan(entri)


def asal(angka: Angka, rujukan: Mapping | None = None) -> list[str]:
    """Where the direct inputs come from, one short line each (for the appendix)."""
    return [asal_singkat(m, rujukan) for m in kelompok(angka.masukan)]


def jelaskan(hasil, jalur: str, katalog=None) -> str:
    """The terminal text of ``lkjip jelaskan``: the path, then the provenance tree. `katalog`:
    another table of paths over another model (`lkjip.katalog_tw.KATALOG_TW` over a
    `HasilTriwulan`); by default the year's."""
    judul = judul_jalur(jalur) if katalog is None else None
    return f"{jalur}\n\n{pohon(cari(hasil, jalur, katalog), judul)}"


def daftar(hasil, katalog=None) -> str:
    """The terminal text of ``lkjip jelaskan`` without a path: every path this kecamatan-year
    has, with its keys, so an analyst can pick one."""
    return "\n".join(["Jalur angka yang tersedia. Tulis salah satunya sesudah perintah ini, "
                      "dengan setiap <...>",
                      "diganti salah satu pilihan dalam kurung:"]
                     + [f"  {t}" for t in daftar_jalur(hasil, katalog=katalog)])


def judul_jalur(jalur: str) -> str | None:
    """A title for figures whose own label is too generic (the IKM ones are all "IKM").

    >>> judul_jalur("ikm/S1"), judul_jalur("ikm/tahun/waktu"), judul_jalur("capaian/IKU-01")
    ('IKM S1', 'NRR unsur waktu (tahun)', None)
    """
    bagian = jalur.strip().strip("/").split("/")
    if bagian[0].lower() != "ikm" or len(bagian) not in (2, 3):
        return None
    return f"IKM {bagian[1]}" if len(bagian) == 2 else f"NRR unsur {bagian[2]} ({bagian[1]})"



def rujukan_hasil(hasil) -> Rujukan:
    """The figure → appendix entry look-up of one computed model (the P-numbers depend on
    `hasil` only; table numbers change titles, not numbers)."""
    return rujukan(lampiran(hasil))


def angka_sel(hasil, sel: Mapping) -> dict:
    """``{cell: Angka}`` from a table's ``{cell: (besaran, kunci)}`` (others left out)."""
    angka = {s: angka_tersaji(hasil, *bk) for s, bk in sel.items()}
    return {s: a for s, a in angka.items() if a is not None and a.nilai is not None}
