"""Figures in the office's prose (``narasi/*.md``): named figures and typed numbers, each read
with its sentence and its place (line, offsets) in the file.

**Named figures.** A narrative names a computed figure by its catalogue path (the paths
``lkjip jelaskan`` accepts), optionally with a unit: ``{capaian/IKU-02}``, ``{penyerapan:persen}``,
``{anggaran/total/pagu_perubahan:rupiah}``. `nama_angka` finds them; the edition prints the
figure there (`lkjip.tampil_narasi`), the checks refuse an unknown path
(`lkjip.periksa.narasi`). ``{{`` and ``}}`` print a literal brace; any other ``{`` opens a named
figure, which must close on the same line. A lone ``}`` prints as it is.

**Typed numbers.** Everything else that a reader would compare with a table is read by
`baca` with its unit (`AngkaKetik.jenis`):

- ``persen``: ``87,86%``, ``100 %``, ``22,22 persen``;
- ``rupiah``: ``Rp 2.522.467.250``, ``Rp. 2.469.406.335,00``;
- ``cacah``: a count of a listed thing, ``17 desa``, ``4 (empat) aduan``, ``10 (sepuluh) jenis
  data``, ``277 pengguna layanan`` (the nouns of `BENDA`);
- ``nilai``: a number with a decimal comma and no unit (``82,94``: an index such as the IKM);

with the category word typed after it (``87,86%, kategori Sangat Tinggi``; the words a caller
passes, from the rating scale in force). Integers without a unit (years, regulation numbers,
"5 sub indikator") are not read: nothing in a table is compared with them.

**Sentences.** A paragraph, list item, heading or table row is a block; a block is cut into
sentences after ``.``, ``!`` or ``?`` followed by a space and a capital letter or a digit (not
after an abbreviation such as ``Kab.`` or ``no.``). A sentence ending with ``:`` followed by a
block that starts with ``=`` (a worked formula on its own line) is one sentence with it. A
typed number beside an arithmetic operator (``+ − × / ÷``, or after ``(``) is an **operand**
of a typed formula (`AngkaKetik.operan`); the number after the last ``=`` is its result.

Rejected: reading only whole lines (a line holds several sentences, and a sentence runs over
several lines in Markdown); a Markdown parser's tree (it does not keep the offsets a
replacement in the edition and a line number in a message need).

>>> k = baca("IKM 82,94; penyerapan 97,90 %.")
>>> [(a.teks, a.jenis, str(a.nilai)) for a in k[0].angka]
[('82,94', 'nilai', '82.94'), ('97,90 %', 'persen', '97.90')]
>>> [(n.jalur, n.satuan) for n in nama_angka("Capaian {capaian/IKU-02:persen}; {{ kurung }}")[0]]
[('capaian/IKU-02', 'persen')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lkjip.bilangan import baca_angka

SATUAN = ("persen", "rupiah")  # units a named figure may carry
# count nouns → the list they count (`lkjip.hitung.DAFTAR`; 'responden' is the IKM survey)
BENDA: dict[str, str] = {
    "pengguna layanan": "responden", "responden": "responden",
    "jenis layanan": "layanan_pelimpahan", "layanan": "layanan_pelimpahan",
    "jenis data": "data_publik", "data": "data_publik",
    "pengaduan": "pengaduan", "aduan": "pengaduan", "desa": "desa",
}
SINGKATAN = {"rp", "kab", "kec", "kel", "no", "nomor", "jl", "dr", "drs", "ir", "tgl", "hal", "dsb",
             "st", "sos", "si", "sh", "se", "pd", "mm", "mp", "h", "hj"}
OPERATOR = "+−×÷/*"

_ANGKA = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_BENDA = "|".join(re.escape(b) for b in sorted(BENDA, key=len, reverse=True))
_KETIK = re.compile(
    rf"(?<![\w])Rp\.?\s?(?P<rp>{_ANGKA})(?:,-)?(?![\d,.]\d)"
    rf"|(?<![\w.,/-])(?P<p>{_ANGKA})\s?(?:%|persen\b)"
    rf"|(?<![\w.,/-])(?P<c>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:\s*\((?P<eja>[a-z ]+)\))?\s+"
    rf"(?P<benda>{_BENDA})\b"
    r"|(?<![\w.,/-])(?P<n>\d+,\d+)(?![\d.,]*\d)",
    re.IGNORECASE)
_NAMA = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|\{")
_JALUR = re.compile(r"[A-Za-z0-9_.\- /]+")
_DAFTAR = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")
_JUDUL = re.compile(r"^\s{0,3}#{1,6}\s")
_POTONG = re.compile(r"(?<=[.!?])[\"')\]*_]*\s+(?=[*_\"'(\[]*[A-Z0-9])")
_KATEGORI = r"\s*[,;]?\s*\(?\s*(?:dengan\s+|yaitu\s+|termasuk\s+)?(?:ber)?(?:kategori|predikat)" \
            r"\s*:?\s*[*_]*\s*"


@dataclass(frozen=True)
class NamaAngka:
    """A named figure ``{jalur:satuan}`` at offsets [awal, akhir) of its file, on line `baris`."""

    jalur: str
    satuan: str | None
    awal: int
    akhir: int
    baris: int

    @property
    def teks(self) -> str:
        return "{" + self.jalur + (f":{self.satuan}" if self.satuan else "") + "}"


@dataclass(frozen=True)
class Kategori:
    """A category word typed after a number, at offsets [awal, akhir)."""

    teks: str
    awal: int
    akhir: int


@dataclass(frozen=True)
class AngkaKetik:
    """A typed number: as typed, its value, unit (`jenis`), counted list (`benda`), its place
    (offsets [awal, akhir) cover the number and its unit; `baris` is its line), whether it is an
    operand of a typed formula, and the category word after it."""

    teks: str
    nilai: Decimal
    jenis: str
    awal: int
    akhir: int
    baris: int
    benda: str | None = None
    operan: bool = False
    kategori: Kategori | None = None


@dataclass(frozen=True)
class Kalimat:
    """A sentence: its text for a reader (markup dropped, spaces collapsed), its offsets, its
    first line and the typed numbers in it."""

    teks: str
    awal: int
    akhir: int
    baris: int
    angka: tuple[AngkaKetik, ...] = ()


# ---------------------------------------------------------------- lines


def nomor_baris(teks: str, posisi: int) -> int:
    """The line (from 1) of an offset.

    >>> nomor_baris("a\\nb\\nc", 2), nomor_baris("a\\nb\\nc", 0)
    (2, 1)
    """
    return teks.count("\n", 0, posisi) + 1


# ---------------------------------------------------------------- named figures


def nama_angka(teks: str) -> tuple[list[NamaAngka], list[tuple[int, str, str]]]:
    """The named figures of a text, and its problems as ``(line, found, what is wrong)``:
    a ``{`` not closed on its line, an empty name, a unit that is not one of `SATUAN`.

    >>> nama_angka("{{a}} {ikm/tahun} {x")[0][0].jalur, nama_angka("{x")[1][0][0]
    ('ikm/tahun', 1)
    >>> nama_angka("{capaian/IKU-02:meter}")[1][0][2][:29]
    "satuan 'meter' tidak dikenal;"
    """
    nama, masalah = [], []
    for m in _NAMA.finditer(teks):
        if m.group(0) in ("{{", "}}"):
            continue
        baris = nomor_baris(teks, m.start())
        if m.group(1) is None:
            masalah.append((baris, teks[m.start():m.start() + 30].split("\n")[0],
                            "kurung kurawal '{' tanpa penutup '}' pada baris yang sama; tulis "
                            "'{{' untuk kurung kurawal biasa"))
            continue
        isi, satuan = m.group(1).strip(), None
        if ":" in isi:
            isi, satuan = (s.strip() for s in isi.rsplit(":", 1))
        salah = _salah_nama(isi, satuan)
        if salah:
            masalah.append((baris, m.group(0), salah))
            continue
        nama.append(NamaAngka(isi.strip("/"), satuan or None, m.start(), m.end(), baris))
    return nama, masalah


def _salah_nama(isi: str, satuan: str | None) -> str | None:
    if not isi:
        return ("angka bernama kosong; tulis jalur angka di antara kurung kurawal (mis. "
                "{capaian/IKU-02}), atau '{{' dan '}}' untuk kurung kurawal biasa")
    if satuan is not None and satuan.lower() not in SATUAN:
        return f"satuan '{satuan}' tidak dikenal; pilihan: {', '.join(SATUAN)} (atau tanpa satuan)"
    if not _JALUR.fullmatch(isi):
        return ("bukan jalur angka (huruf, angka, '/', '.', '-', '_'); tulis '{{' dan '}}' untuk "
                "kurung kurawal biasa")
    return None


def tutup(teks: str, nama: Iterable[NamaAngka]) -> str:
    """The text with each named figure and each ``{{``/``}}`` blanked (same length, lines
    kept), so no digit of a path is read as a typed number.

    >>> tutup("a {ikm/S1} {{b}}", nama_angka("a {ikm/S1} {{b}}")[0])
    'a            b  '
    """
    bagian = list(teks)
    for n in nama:
        bagian[n.awal:n.akhir] = " " * (n.akhir - n.awal)
    hasil = "".join(bagian)
    return hasil.replace("{{", "  ").replace("}}", "  ")


def tanpa_escape(teks: str) -> str:
    """``{{`` and ``}}`` as the braces they stand for.

    >>> tanpa_escape("{{x}} }")
    '{x} }'
    """
    return teks.replace("{{", "{").replace("}}", "}")


# ---------------------------------------------------------------- blocks and sentences


def _blok(teks: str) -> list[tuple[int, int]]:
    """Offsets of the blocks: paragraphs, list items, headings, table rows (code skipped)."""
    blok, awal, kode, pos = [], None, False, 0
    for baris in teks.splitlines(keepends=True):
        isi = baris.strip()
        if isi.startswith("```"):
            kode, awal = not kode, None
        elif kode or not isi:
            if awal is not None:
                blok.append((awal, pos))
            awal = None
        else:
            sendiri = _JUDUL.match(baris) or isi.startswith("|")
            if awal is not None and (sendiri or _DAFTAR.match(baris)):
                blok.append((awal, pos))
                awal = None
            if awal is None:
                awal = pos
            if sendiri:
                blok.append((awal, pos + len(baris.rstrip("\r\n"))))
                awal = None
        pos += len(baris)
    if awal is not None:
        blok.append((awal, len(teks)))
    return [(a, a + len(teks[a:b].rstrip())) for a, b in blok if teks[a:b].strip()]


def _potong(teks: str, awal: int, akhir: int) -> list[tuple[int, int]]:
    """A block cut into sentences (offsets); its list marker or heading hashes start its first
    sentence and are never a sentence of their own."""
    penanda = _DAFTAR.match(teks[awal:akhir]) or _JUDUL.match(teks[awal:akhir])
    hasil, mulai = [], awal
    for m in _POTONG.finditer(teks, awal + (penanda.end() if penanda else 0), akhir):
        kata = re.search(r"([A-Za-z]+)\.[\"')\]*_]*$", teks[mulai:m.start()])
        if kata and (kata.group(1).lower() in SINGKATAN or len(kata.group(1)) == 1):
            continue
        hasil.append((mulai, m.start()))
        mulai = m.end()
    hasil.append((mulai, akhir))
    return [(a, b) for a, b in hasil if teks[a:b].strip()]


def _gabung_rumus(teks: str, potong: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence ending with ':' joined with the formula lines ('= …') that follow it."""
    hasil: list[tuple[int, int]] = []
    for a, b in potong:
        if hasil and _bersih(teks[a:b]).startswith("=") and _menunggu_rumus(teks, *hasil[-1]):
            hasil[-1] = (hasil[-1][0], b)
        else:
            hasil.append((a, b))
    return hasil


def _menunggu_rumus(teks: str, awal: int, akhir: int) -> bool:
    """True when a sentence ends with ':' or with a formula line (the next '= …' continues
    it)."""
    baris = [_bersih(b) for b in teks[awal:akhir].splitlines() if _bersih(b)]
    return bool(baris) and (baris[-1].endswith(":") or baris[-1].startswith("="))


def _bersih(teks: str) -> str:
    """A sentence for a reader: no heading hashes, list marker, emphasis or math marks;
    spaces collapsed."""
    teks = _JUDUL.sub("", _DAFTAR.sub("", teks, count=1), count=1) if teks else teks
    teks = re.sub(r"[*_$\\]+|\|", " ", teks)
    return " ".join(teks.split())


# ---------------------------------------------------------------- typed numbers


def _jenis(m: re.Match) -> tuple[str, str, str | None]:
    """(unit, the number's digits, counted list) of a match of `_KETIK`."""
    if m.group("rp"):
        return "rupiah", m.group("rp"), None
    if m.group("p"):
        return "persen", m.group("p"), None
    if m.group("c"):
        return "cacah", m.group("c"), BENDA[m.group("benda").lower()]
    return "nilai", m.group("n"), None


def _operan(teks: str, awal: int, akhir: int) -> bool:
    """True when the number at [awal, akhir) is beside an arithmetic operator."""
    kiri = teks[:awal].rstrip()[-1:]
    kanan_teks = teks[akhir:].lstrip()
    kanan = kanan_teks[:1]
    if kanan == ")":
        kanan = kanan_teks[1:].lstrip()[:1]
    return (kiri in OPERATOR + "(" and kiri != "") or (kanan in OPERATOR and kanan != "") or \
        teks[:awal].endswith(" - ") or kanan_teks.startswith("- ")


def _kategori(teks: str, akhir: int, kata: Iterable[str]) -> Kategori | None:
    """The category word (one of `kata`) typed after the number ending at `akhir`."""
    pola = "|".join(r"\s+".join(map(re.escape, k.split()))
                    for k in sorted(kata, key=len, reverse=True))
    if not pola:
        return None
    m = re.compile(_KATEGORI + rf"(?P<k>{pola})\b", re.IGNORECASE).match(teks, akhir)
    if not m or "\n\n" in teks[akhir:m.start("k")]:
        return None
    return Kategori(m.group("k"), m.start("k"), m.end("k"))


def angka_ketik(teks: str, awal: int, akhir: int, kategori: Iterable[str] = ()
                ) -> list[AngkaKetik]:
    """The typed numbers in [awal, akhir) of a (named-figures-blanked) text.

    >>> t = "(40% + 60%) / 2 dari 4 (empat) aduan"
    >>> [(a.teks, a.benda, a.operan) for a in angka_ketik(t, 0, len(t))]
    [('40%', None, True), ('60%', None, True), ('4 (empat) aduan', 'pengaduan', False)]
    >>> angka_ketik("87,86%, kategori **Sangat Tinggi**", 0, 34, ["Tinggi", "Sangat Tinggi"]
    ...             )[0].kategori.teks
    'Sangat Tinggi'
    """
    hasil = []
    kata = tuple(kategori)
    for m in _KETIK.finditer(teks, awal, akhir):
        jenis, angka, benda = _jenis(m)
        try:
            nilai = baca_angka(angka)
        except ValueError:
            continue
        hasil.append(AngkaKetik(m.group(0), nilai, jenis, m.start(), m.end(),
                                nomor_baris(teks, m.start()), benda,
                                _operan(teks, m.start(), m.end()),
                                _kategori(teks, m.end(), kata) if jenis != "cacah" else None))
    return hasil


def baca(teks: str, kategori: Iterable[str] = ()) -> list[Kalimat]:
    """The sentences of a narrative with the typed numbers in each (named figures and
    escaped braces are not read as numbers). `kategori`: the category words to look for
    after a number.

    >>> k = baca("Hasilnya adalah:\\n\\n= 4/10 × 100 = 40 %\\n\\nKalimat lain 5 desa.")
    >>> [(x.teks, x.baris, [a.teks for a in x.angka]) for x in k]
    [('Hasilnya adalah: = 4/10 × 100 = 40 %', 1, ['40 %']), ('Kalimat lain 5 desa.', 5, ['5 desa'])]
    """
    tertutup = tutup(teks, nama_angka(teks)[0])
    kata = tuple(kategori)
    potong = [p for a, b in _blok(tertutup) for p in _potong(tertutup, a, b)]
    return [Kalimat(_bersih(teks[a:b]), a, b, nomor_baris(teks, a),
                    tuple(angka_ketik(tertutup, a, b, kata)))
            for a, b in _gabung_rumus(tertutup, potong)]


def ganti(teks: str, pengganti: Iterable[tuple[int, int, str]]) -> str:
    """The text with each [awal, akhir) replaced (non-overlapping spans, any order).

    >>> ganti("mencapai 0%.", [(9, 11, "100,00 %")])
    'mencapai 100,00 %.'
    """
    hasil, pos = [], 0
    for awal, akhir, baru in sorted(pengganti):
        hasil += [teks[pos:awal], baru]
        pos = akhir
    return "".join(hasil) + teks[pos:]
