"""Jejak perhitungan: how each figure was computed, as text, as HTML and as an appendix.

`pohon(angka)` is the provenance tree of an `Angka` as indented text: the formula in words
and symbols, the worked line, the rule, the unrounded value, and each input down to the file,
row, column and typed value (long runs of rows are collapsed: "17 baris: desa.csv baris 2–18").
`html_angka` wraps a figure for the HTML report: focusable, its provenance shown on hover and
focus by CSS only (``lkjip.css``). `lampiran(hasil)` numbers every computed figure of the
report's tables (P-1, P-2, …) for the "Lampiran Perhitungan". `cari(hasil, jalur)` finds a
figure by a path (the grammar is `JENIS`; ``lkjip jelaskan`` uses it).

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
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from lkjip.angka import Angka, Sumber, bulatkan
from lkjip.format import KOSONG, format_angka
from lkjip.galat import LkjipError, Masalah

MAKS_BARIS = 3  # more Sumber rows of one file and column than this are collapsed
MAKS_NILAI = 5  # values quoted for a collapsed run
LEBAR = 100
_id_jejak = itertools.count(1)


# ---------------------------------------------------------------- text pieces


def _nilai(a: Angka) -> str:
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


def _judul(a: Angka) -> str:
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


def _kelompok(masukan: Iterable) -> list:
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


def _rincian(a: Angka, akar: bool) -> list[str]:
    """The lines under a figure: formula, worked line, rule, rounding, unrounded value."""
    baris = []
    if a.rumus:
        baris.append(f"rumus: {a.rumus}")
    if a.pola is not None and a.nilai is not None:
        baris.append(f"hitungan: {_uraian(a)}")
    if a.aturan:
        baris.append(f"aturan: {a.aturan}")
    if akar and a.masukan and a.desimal > 0 and a.nilai is not None:
        baris.append(f"pembulatan: setengah ke atas ke {a.desimal} desimal, sekali di akhir")
    if a.nilai is not None and bulatkan(a.nilai, a.desimal) != a.nilai:
        baris.append(f"nilai sebelum dibulatkan: {format_angka(a.nilai, None)}")
    return baris


def _uraian(a: Angka) -> str:
    """The worked line; the formula in words when an input is not a number (typed text)."""
    try:
        return a.uraian()
    except ValueError:
        return f"{_nilai(a)} = {a.rumus}"


def _bungkus(teks: str, awal: str, lanjut: str) -> list[str]:
    """Wrap one line at `LEBAR` characters."""
    import textwrap

    return textwrap.wrap(teks, LEBAR, initial_indent=awal, subsequent_indent=lanjut,
                         break_on_hyphens=False) or [awal]


def _baris_angka(a: Angka, tingkat: int, akar: bool, sudah: set, asal: str = "") -> list[str]:
    """The lines of one `Angka` node and, recursively, its inputs."""
    pad = "  " * tingkat
    kepala = f"{_judul(a)} = {_nilai(a)}" + (f"  [{asal}]" if asal else "")
    baris = [f"{pad}{kepala}" if akar else f"{pad}- {kepala}"]
    dalam = pad + "    "
    if id(a) in sudah and a.masukan:
        return baris + [f"{dalam}(sudah diuraikan di atas)"]
    sudah.add(id(a))
    for teks in _rincian(a, akar):
        baris += _bungkus(teks, dalam, dalam + "  ")
    for m in _kelompok(a.masukan):
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


# ---------------------------------------------------------------- HTML


def _asal_singkat(m, rujukan: Mapping | None = None) -> str:
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
    teks = f"{_judul(m)}: {_nilai(m)}"
    entri = rujukan.get(m) if rujukan is not None else None
    if entri is not None:
        return f"{teks} ({entri.nomor})"
    if m.pola is not None and m.nilai is not None:
        return f"{teks} ({_uraian(m)})"
    if len(m.masukan) == 1 and _kunci_sumber(m.masukan[0]) is not None:  # a typed cell
        return f"{teks} ({_sumber(m.masukan[0], True, nilai=False)})"
    daun = _kelompok(x for x in m.masukan if isinstance(x, Sumber))
    if daun and len(daun) == len(_kelompok(m.masukan)) and len(daun) <= 2:
        return f"{teks}, dari " + "; ".join(_asal_singkat(d) for d in daun)
    return teks


def _span(kelas: str, teks: str) -> str:
    return f'<span class="{kelas}">{escape(teks)}</span>'


def isi_tooltip(angka: Angka, nomor: str | None = None) -> str:
    """The tooltip's escaped content: the figure, its computation and its direct inputs."""
    judul = _judul(angka) + (f" ({nomor})" if nomor else "")
    bagian = [_span("lk-jejak-judul", judul)]
    bagian += [_span("lk-jejak-baris", _huruf_besar(t)) for t in _rincian(angka, True)]
    masukan = _kelompok(angka.masukan)
    if masukan:
        bagian.append(_span("lk-jejak-baris", "Masukan:"))
        bagian += [_span("lk-jejak-masukan", _asal_singkat(m)) for m in masukan]
    if nomor:
        bagian.append(_span("lk-jejak-baris", f"Rincian: Lampiran Perhitungan {nomor}."))
    return "".join(bagian)


def _huruf_besar(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def id_lampiran(nomor: str) -> str:
    """The anchor of an appendix entry: ``P-12`` → ``lampiran-p-12``.

    >>> id_lampiran("P-12")
    'lampiran-p-12'
    """
    return "lampiran-" + re.sub(r"[^0-9a-z]+", "-", nomor.lower()).strip("-")


def html_angka(angka: Angka, teks: str | None = None, nomor: str | None = None,
               temuan=None) -> str:
    """A figure for the HTML report: keyboard-focusable, its provenance on hover and focus.

    `teks` is the figure as printed (default: `format_angka` at the figure's `desimal`);
    `nomor` its number in the Lampiran Perhitungan (shown as a superscript link); `temuan`
    a check finding (anything with ``id``) when the stated value differed: a ``*`` links to it.
    The tooltip is hidden by an inline style, shown by ``lkjip.css`` only (never in print).

    >>> h = html_angka(Angka(Decimal("40"), "Pembilang / Penyebut × 100", (4, 10),
    ...                      label="<b>data</b>", pola="{0} / {1} × 100"), nomor="P-1")
    >>> 'tabindex="0"' in h and "&lt;b&gt;data&lt;/b&gt; (P-1)" in h and "<b>" not in h
    True
    """
    n = next(_id_jejak)
    id_ = f"jejak-{n}"
    teks = _nilai(angka) if teks is None else teks
    sup = (f'<sup class="lk-jejak-nomor"><a href="#{id_lampiran(nomor)}">{escape(nomor)}</a>'
           "</sup>") if nomor else ""
    beda = ""
    if temuan is not None and getattr(temuan, "id", None):
        beda = (f'<a class="lk-ke-catatan lk-jejak-temuan" href="#{escape(str(temuan.id))}" '
                f'title="Angka tersaji berbeda; lihat temuan {escape(str(temuan.id))}">*</a>')
    return (
        f'<span class="lk-jejak"><span class="lk-jejak-nilai" tabindex="0" '
        f'aria-describedby="{id_}">{escape(teks)}</span>{sup}{beda}'
        f'<span class="lk-jejak-isi" role="tooltip" id="{id_}" style="display:none">'
        f"{isi_tooltip(angka, nomor)}</span></span>"
    )


def kalimat(pola: str, rujukan: Mapping | None = None, **angka) -> str:
    """A sentence whose ``{name}`` figures carry their provenance; the rest is escaped.

    Values may be `Angka` (shown by `html_angka`, with the appendix number from `rujukan`),
    ``(Angka, teks)`` pairs for a custom format, or anything else (escaped text).

    >>> kalimat("Capaian {c} % <b>", c=Angka(Decimal("91.683"))).count('tabindex="0"')
    1
    """
    bagian = []
    for teks, nama, _, _ in __import__("string").Formatter().parse(pola):
        bagian.append(escape(teks))
        if nama is not None:
            bagian.append(_html_nilai(angka[nama], rujukan))
    return "".join(bagian)


def tandai_kalimat(teks: str, pasangan: Iterable, rujukan: Mapping | None = None) -> str:
    """Escaped text whose quoted figures explain themselves: each ``(printed text, Angka)``
    pair is looked for after the previous one; a text not found is left as it is.

    >>> h = tandai_kalimat("IKM 82,78 <b>", [("82,78", Angka(Decimal("82.7776")))])
    >>> h.startswith("IKM <span") and h.endswith("</span> &lt;b&gt;")
    True
    """
    bagian, awal = [], 0
    for cetak, angka in pasangan:
        i = teks.find(cetak, awal) if cetak else -1
        if i < 0 or not isinstance(angka, Angka):
            continue
        bagian += [escape(teks[awal:i]), _html_nilai((angka, cetak), rujukan)]
        awal = i + len(cetak)
    return "".join(bagian) + escape(teks[awal:])


def _html_nilai(nilai, rujukan: Mapping | None) -> str:
    teks = None
    if isinstance(nilai, tuple) and len(nilai) == 2 and isinstance(nilai[0], Angka):
        nilai, teks = nilai
    if not isinstance(nilai, Angka):
        return escape(str(nilai))
    entri = (rujukan or {}).get(nilai)
    return html_angka(nilai, teks, entri.nomor if entri else None,
                      entri.temuan if entri else None)


# ---------------------------------------------------------------- paths


class JalurTidakDikenal(LkjipError):
    """A figure path that names no figure; the message lists the available ones."""

    def __init__(self, jalur: str, tersedia: list[str]):
        self.jalur, self.tersedia = jalur, tersedia
        super().__init__([Masalah("(argumen) FIGURE", nilai=jalur, harapan="jalur angka")])

    def ringkasan(self) -> str:
        return "\n".join([f"Angka {self.jalur!r} tidak dikenal. Jalur yang tersedia:"]
                         + [f"  {t}" for t in self.tersedia])


@dataclass(frozen=True)
class Jenis:
    """One kind of figure path: a pattern like ``capaian/<indikator>``, the choices of each
    placeholder, the figure, and the stated figure (`tersaji.csv` besaran, kunci) it matches."""

    pola: str
    uraian: str
    pilihan: Callable  # hasil -> list of lists of str, one per placeholder
    ambil: Callable  # (hasil, *values) -> Angka | None
    tersaji: Callable | None = None  # (*values) -> (besaran, kunci)

    @property
    def bagian(self) -> list[str]:
        return self.pola.split("/")


def _indikator(h):
    return [list(h.indikator)]


def _sasaran(h):
    return [list(h.sasaran)]


def _sasaran_total(h):
    return [list(h.sasaran) + (["total"] if h.penyerapan.masukan else [])]


def _anggaran_sasaran(h, kode: str, i: int | None):
    """Pagu (i=1), realisasi (i=0) or penyerapan (None) of a sasaran or of the total."""
    if kode != "total":
        s = h.sasaran[kode]
        return {0: s.realisasi_anggaran, 1: s.pagu, None: s.penyerapan}[i]
    return h.penyerapan if i is None else h.penyerapan.masukan[i]


def _periode_ikm(h):
    return [(["tahun"] if h.ikm_tahun is not None else []) + list(h.ikm_semester)]


def _hasil_ikm(h, periode):
    return h.ikm_tahun if periode == "tahun" else h.ikm_semester[periode]


def _nrr(h, periode, unsur):
    return next(a for a in _hasil_ikm(h, periode).angka.masukan if a.label == unsur)


def _kode_anggaran(h):
    return [list(h.anggaran["kode"].astype(str)) + ["total"], list(KOLOM_ANGGARAN)]


def _berkas_anggaran(h) -> str:
    return h.data.berkas.get("anggaran", "anggaran.csv")


def angka_anggaran(hasil, kode: str, kolom: str) -> Angka:
    """A budget figure with provenance: ``kolom`` pagu_murni, pagu_perubahan or selisih of a
    kode of ``anggaran.csv`` or ``total``."""
    from lkjip import anggaran as ang

    df, berkas = hasil.data.anggaran, _berkas_anggaran(hasil)
    if kolom == "selisih":
        m, p = (angka_anggaran(hasil, kode, k) for k in ("pagu_murni", "pagu_perubahan"))
        return ang.perubahan_angka(m, p, f"bertambah/berkurang {kode}")
    if kode == "total":
        return ang.total_angka(df, kolom, berkas)
    return ang.pohon_angka(df, kolom, berkas)[kode]


KOLOM_ANGGARAN = {"pagu_murni": "pagu_murni", "pagu_perubahan": "pagu_perubahan",
                  "selisih": "selisih_perubahan"}

JENIS: tuple[Jenis, ...] = (
    Jenis("capaian/<indikator>", "capaian indikator", _indikator,
          lambda h, k: h.indikator[k].capaian, lambda k: ("capaian", k)),
    Jenis("realisasi/<indikator>", "realisasi indikator tahun ini", _indikator,
          lambda h, k: h.indikator[k].realisasi, lambda k: ("realisasi", k)),
    Jenis("target/<indikator>", "target indikator tahun ini", _indikator,
          lambda h, k: h.indikator[k].target),
    Jenis("progres/<indikator>", "kinerja s.d. tahun ini terhadap target akhir Renstra",
          _indikator, lambda h, k: h.indikator[k].progres, lambda k: ("progres_renstra", k)),
    Jenis("komposit/<node>", "node indikator komposit", lambda h: [list(h.komposit)],
          lambda h, k: h.komposit[k], lambda k: ("komposit", k)),
    Jenis("daftar/<daftar>/<hitungan>", "jumlah entri daftar (pembilang: bertanda ya)",
          lambda h: [list(h.daftar), ["pembilang", "penyebut"]],
          lambda h, d, x: h.daftar[d][0 if x == "pembilang" else 1],
          lambda d, x: (f"jumlah_{d}", x)),
    Jenis("ikm/<periode>", "IKM setahun atau per semester", _periode_ikm,
          lambda h, p: _hasil_ikm(h, p).angka,
          lambda p: ("ikm_tahun", None) if p == "tahun" else ("ikm_semester", p)),
    Jenis("ikm/<periode>/<unsur>", "NRR satu unsur IKM",
          lambda h: _periode_ikm(h) + [[a.label for a in h.ikm_tahun.angka.masukan]
                                       if h.ikm_tahun is not None else []],
          _nrr),
    Jenis("sasaran/<sasaran>", "capaian sasaran", _sasaran,
          lambda h, k: h.sasaran[k].capaian, lambda k: ("capaian_sasaran", k)),
    Jenis("pagu/<sasaran>", "pagu anggaran sasaran (atau total)", _sasaran_total,
          lambda h, k: _anggaran_sasaran(h, k, 1), lambda k: ("pagu_sasaran", k)),
    Jenis("realisasi_anggaran/<sasaran>", "realisasi anggaran sasaran (atau total)",
          _sasaran_total, lambda h, k: _anggaran_sasaran(h, k, 0),
          lambda k: ("realisasi_anggaran", k)),
    Jenis("penyerapan/<sasaran>", "penyerapan anggaran sasaran (atau total)", _sasaran_total,
          lambda h, k: _anggaran_sasaran(h, k, None), lambda k: ("penyerapan", k)),
    Jenis("efisiensi/<sasaran>", "efisiensi sasaran", _sasaran,
          lambda h, k: h.sasaran[k].efisiensi),
    Jenis("anggaran/<kode>/<kolom>", "pagu DPA per program/kegiatan (kode atau total)",
          _kode_anggaran, angka_anggaran, lambda k, c: (KOLOM_ANGGARAN[c], k)),
    Jenis("capaian_kinerja", "capaian kinerja keseluruhan", lambda h: [],
          lambda h: h.capaian_kinerja),
    Jenis("penyerapan", "penyerapan anggaran keseluruhan", lambda h: [],
          lambda h: h.penyerapan, lambda: ("penyerapan", "total")),
    Jenis("efisiensi", "efisiensi keseluruhan", lambda h: [], lambda h: h.efisiensi),
)


def _cocok(jenis: Jenis, bagian: list[str], hasil) -> list[str] | None:
    """The placeholder values when `bagian` matches `jenis` (case-insensitive), else None."""
    pola = jenis.bagian
    if len(pola) != len(bagian):
        return None
    pilihan, nilai = iter(jenis.pilihan(hasil)), []
    for p, b in zip(pola, bagian, strict=True):
        if not p.startswith("<"):
            if p != b.lower():
                return None
            continue
        sah = next(pilihan)
        cocok = [s for s in sah if s == b] or [s for s in sah if s.lower() == b.lower()]
        if not cocok:
            return None
        nilai.append(cocok[0])
    return nilai


def cari(hasil, jalur: str) -> Angka:
    """The figure named by `jalur` (see `JENIS`); raises `JalurTidakDikenal` listing the paths.

    Grammar: segments joined by ``/``; a fixed word, then the keys the kind needs:
    ``capaian/IKU-02``, ``realisasi/IKU-02``, ``target/IKU-02``, ``progres/IKU-02``,
    ``komposit/CL.1``, ``daftar/desa/pembilang``, ``ikm/tahun``, ``ikm/S1``,
    ``ikm/tahun/perilaku``, ``sasaran/S1``, ``pagu/S1``, ``realisasi_anggaran/S1``,
    ``penyerapan/S1``, ``efisiensi/S1``, ``anggaran/1.2/pagu_perubahan``,
    ``anggaran/total/selisih``, ``capaian_kinerja``, ``penyerapan``, ``efisiensi``.
    Keys match case-insensitively.
    """
    bagian = [b.strip() for b in str(jalur).strip().strip("/").split("/")]
    for jenis in JENIS:
        nilai = _cocok(jenis, bagian, hasil)
        if nilai is not None:
            angka = jenis.ambil(hasil, *nilai)
            if angka is None:
                return Angka(None, f"{jenis.uraian} tidak tersedia", label=jalur)
            return angka
    raise JalurTidakDikenal(jalur, daftar_jalur(hasil))


def daftar_jalur(hasil) -> list[str]:
    """Every kind of path with the keys available in this kecamatan-year."""
    baris = []
    for jenis in JENIS:
        pilihan = jenis.pilihan(hasil)
        if any(not p for p in pilihan):
            continue
        kunci = "; ".join(f"{n}: {', '.join(p)}" for n, p in
                          zip(re.findall(r"<(\w+)>", jenis.pola), pilihan, strict=True))
        teks = f"{jenis.pola:<30} {jenis.uraian}" + (f" ({kunci})" if kunci else "")
        baris += _bungkus(teks, "", " " * 33)
    return baris


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
        return judul_jalur(self.jalur) or _judul(self.angka)

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
        judul = f"Perhitungan {_judul(hasil.komposit[akar])}"
        bagian.append((_judul_tabel(nomor, f"tabel:komposit:{akar}", judul),
                       [f"komposit/{k}" for k in [akar, *[s for s in simpul if s != akar]]]))
    bagian.append((_judul_tabel(nomor, "tabel:anggaran_sasaran",
                                "Target dan Realisasi Anggaran Sasaran Strategis"),
                   [f"{j}/{k}" for k in _sasaran_total(hasil)[0]
                    for j in ("pagu", "realisasi_anggaran", "penyerapan")]))
    bagian.append((_judul_tabel(nomor, "tabel:efisiensi", "Efisiensi Penggunaan Anggaran"),
                   [f"efisiensi/{k}" for k in hasil.sasaran] + ["capaian_kinerja", "efisiensi"]))
    return bagian


def _tersaji(hasil, jalur: str) -> tuple | None:
    bagian = jalur.split("/")
    for jenis in JENIS:
        nilai = _cocok(jenis, bagian, hasil)
        if nilai is not None:
            return jenis.tersaji(*nilai) if jenis.tersaji else None
    return None


def temuan_beda(hasil) -> dict:
    """{(besaran, kunci): Temuan} of stated figures that differ (`lkjip.periksa`), or {}."""
    try:
        from lkjip.periksa import periksa, tersaji_beda
    except ImportError:
        return {}
    return dict(tersaji_beda(periksa(hasil.data, hasil)))


def lampiran(hasil, temuan: Mapping | None = None, nomor: Mapping | None = None
             ) -> list[Entri]:
    """Every computed figure of the report's tables, numbered P-1, P-2, … in report order.

    The same figure under the same name keeps its first number. `temuan` maps
    (besaran, kunci) to a check finding (default: `temuan_beda`).
    """
    temuan = temuan_beda(hasil) if temuan is None else temuan
    entri, sudah = [], set()
    for tabel, jalur in bagian_lampiran(hasil, nomor):
        for j in jalur:
            angka = cari(hasil, j)
            kunci = (_tanda(angka), judul_jalur(j) or _judul(angka))
            if angka.nilai is None or kunci in sudah:
                continue
            sudah.add(kunci)
            tersaji = _tersaji(hasil, j)
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
        self._peta: dict[tuple, Entri] = {}
        for e in entri:
            self._peta.setdefault(_tanda(e.angka), e)

    def __getitem__(self, angka) -> Entri:
        if not isinstance(angka, Angka):
            raise KeyError(angka)
        return self._peta[_tanda(angka)]

    def __iter__(self):
        return (e.angka for e in self._peta.values())

    def __len__(self) -> int:
        return len(self._peta)


def _tanda(a: Angka) -> tuple:
    return (a.nilai, a.rumus, a.masukan, a.aturan)


def rujukan(entri: Iterable[Entri]) -> Rujukan:
    """Look-up from a figure to its appendix entry (see `Rujukan`)."""
    return Rujukan(entri)


def asal(angka: Angka, rujukan: Mapping | None = None) -> list[str]:
    """Where the direct inputs come from, one short line each (for the appendix)."""
    return [_asal_singkat(m, rujukan) for m in _kelompok(angka.masukan)]


def lampiran_html(entri: list[Entri]) -> str:
    """The Lampiran Perhitungan as HTML: per table, a numbered list of worked lines."""
    html, peta = [], rujukan(entri)
    for tabel, grup in itertools.groupby(entri, lambda e: e.tabel):
        baris = "".join(_baris_lampiran(e, peta) for e in grup)
        html.append(
            f'<section class="lk-lampiran-bagian"><h3 class="lk-subjudul">{escape(tabel)}</h3>'
            '<table class="lk-lampiran"><thead><tr><th scope="col">No.</th>'
            '<th scope="col">Angka</th><th scope="col">Perhitungan</th>'
            f'<th scope="col">Masukan</th></tr></thead><tbody>{baris}</tbody></table></section>'
        )
    return "".join(html)


def _nama_temuan(t) -> str:
    """``temuan no. 14`` (Catatan Pemeriksaan Data), or the anchor when unnumbered."""
    nomor = getattr(t, "nomor", None)
    return f"temuan no. {nomor} (Catatan Pemeriksaan Data)" if nomor else str(t.id)


def _baris_lampiran(e: Entri, peta: Mapping) -> str:
    hitungan = _uraian(e.angka) if e.angka.pola is not None else \
        f"{_nilai(e.angka)} = {e.angka.rumus}"
    catatan = f" ({e.angka.aturan})" if e.angka.aturan and len(e.angka.aturan) < 60 else ""
    beda = (f'<br><a class="lk-ke-catatan" href="#{escape(str(e.temuan.id))}">angka tersaji '
            f"berbeda: lihat {escape(_nama_temuan(e.temuan))}</a>") \
        if getattr(e.temuan, "id", None) else ""
    masukan = "<br>".join(escape(a) for a in asal(e.angka, peta)) or KOSONG
    return (
        f'<tr id="{id_lampiran(e.nomor)}"><td class="lk-lampiran-nomor">{escape(e.nomor)}</td>'
        f"<td>{escape(e.label)}</td><td>{escape(hitungan + catatan)}{beda}</td>"
        f'<td class="lk-lampiran-masukan">{masukan}</td></tr>'
    )


def jelaskan(hasil, jalur: str) -> str:
    """The terminal text of ``lkjip jelaskan``: the path, then the provenance tree."""
    return f"{jalur}\n\n{pohon(cari(hasil, jalur), judul_jalur(jalur))}"


def judul_jalur(jalur: str) -> str | None:
    """A title for figures whose own label is too generic (the IKM ones are all "IKM").

    >>> judul_jalur("ikm/S1"), judul_jalur("ikm/tahun/waktu"), judul_jalur("capaian/IKU-01")
    ('IKM S1', 'NRR unsur waktu (tahun)', None)
    """
    bagian = jalur.strip().strip("/").split("/")
    if bagian[0].lower() != "ikm" or len(bagian) not in (2, 3):
        return None
    return f"IKM {bagian[1]}" if len(bagian) == 2 else f"NRR unsur {bagian[2]} ({bagian[1]})"


def tampil_lampiran(hasil, temuan: Mapping | None = None, nomor: Mapping | None = None):
    """The Lampiran Perhitungan for a chapter notebook (`lkjip.tampil.Html`); `temuan` and
    `nomor` as for `lampiran`."""
    from lkjip.tampil import Html

    return Html(lampiran_html(lampiran(hasil, temuan, nomor)), "Lampiran Perhitungan")


_RUJUKAN: dict[int, tuple] = {}


def rujukan_hasil(hasil) -> Rujukan:
    """The figure → appendix entry look-up of one computed model, computed once per object
    (the numbers depend on `hasil` only; table numbers change titles, not P-numbers)."""
    simpan = _RUJUKAN.get(id(hasil))
    if simpan is None or simpan[0] is not hasil:
        simpan = _RUJUKAN[id(hasil)] = (hasil, rujukan(lampiran(hasil, temuan={})))
    return simpan[1]


_TERSAJI: dict[int, tuple] = {}


def _peta_tersaji(hasil) -> dict[tuple, str]:
    """(besaran, kunci) of `tersaji.csv` → the path of the computed figure it states."""
    simpan = _TERSAJI.get(id(hasil))
    if simpan is None or simpan[0] is not hasil:
        peta = {}
        for jenis in (j for j in JENIS if j.tersaji):
            for nilai in itertools.product(*jenis.pilihan(hasil)):
                besaran, kunci = jenis.tersaji(*nilai)
                jalur = jenis.pola
                for n in nilai:
                    jalur = re.sub(r"<\w+>", n, jalur, count=1)
                peta.setdefault((besaran, kunci or None), jalur)
        simpan = _TERSAJI[id(hasil)] = (hasil, peta)
    return simpan[1]


def angka_tersaji(hasil, besaran: str, kunci=None) -> Angka | None:
    """The computed figure that a stated one (`tersaji.csv` besaran, kunci) states, or None.

    >>> angka_tersaji(None, "jumlah_pegawai", "total") is None
    True
    """
    if hasil is None:
        return None
    jalur = _peta_tersaji(hasil).get((besaran, kunci or None))
    return None if jalur is None else cari(hasil, jalur)


def angka_sel(hasil, sel: Mapping) -> dict:
    """``{cell: Angka}`` from a table's ``{cell: (besaran, kunci)}`` (others left out)."""
    angka = {s: angka_tersaji(hasil, *bk) for s, bk in sel.items()}
    return {s: a for s, a in angka.items() if a is not None and a.nilai is not None}
