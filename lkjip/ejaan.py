"""The report's Indonesian: the text rules every sentence builder follows, and a checker.

A Camat's office writes "A, B, dan C", "96,32 %" with the sign bound to its number, "tahun
2023" for a year that has ended, and never a label that repeats itself ("Target bernilai 0:
Apabila target bernilai 0"). The builders (`lkjip.narasi`, `lkjip.susun`, the captions and
notes of `lkjip.tabel`) join lists with `daftar_kata`, spell small counts with `bilangan`,
and pass every sentence through `rapikan`; `pelanggaran` finds, in any text, the faults a
program can see, so a test can hold every sentence of the edition to them.

The no-break space (U+00A0) binds "%" to its number and "Rp" to its amount, so a line never
ends on "96,32" with "%" on the next; `lkjip.format.format_persen` writes it. PDF text
extraction reads it back as an ordinary space.

>>> daftar_kata(["Nilai AKIP", "Persentase penyerapan anggaran"])
'Nilai AKIP dan Persentase penyerapan anggaran'
>>> rapikan("capaian 96,32 % dan Rp 2.522.467") == "capaian 96,32\\xa0% dan Rp\\xa02.522.467"
True
>>> [p.aturan for p in pelanggaran("Target bernilai 0: Apabila target bernilai 0, ia 100%.")]
['ia', 'persen', 'label-berulang']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NBSP = "\u00a0"
PERSEN = f"{NBSP}%"
_ANGKA_KATA = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
               "sembilan", "sepuluh", "sebelas")

# ---------------------------------------------------------------- writing


def daftar_kata(butir, kata: str = "dan") -> str:
    """Items joined as Indonesian writes a list: 'A', 'A dan B', 'A, B, dan C'.

    >>> daftar_kata(["A"]), daftar_kata(["A", "B"]), daftar_kata(["A", "B", "C"])
    ('A', 'A dan B', 'A, B, dan C')
    >>> daftar_kata(["A", "B", "C"], "atau"), daftar_kata([])
    ('A, B, atau C', '')
    """
    butir = [str(b) for b in butir if str(b).strip()]
    if len(butir) <= 2:
        return f" {kata} ".join(butir)
    return f"{', '.join(butir[:-1])}, {kata} {butir[-1]}"


def kapital(teks: str) -> str:
    """The text with its first letter capitalised, the rest as written (a sentence or a
    caption built from lower-case pieces).

    >>> kapital("skala Permendagri 86/2017"), kapital("")
    ('Skala Permendagri 86/2017', '')
    """
    return teks[:1].upper() + teks[1:]


def bilangan(n: int) -> str:
    """A small count in words as a sentence says it ('lima subindikator'); digits from 20 on.

    >>> bilangan(2), bilangan(5), bilangan(11), bilangan(12), bilangan(19), bilangan(20)
    ('dua', 'lima', 'sebelas', 'dua belas', 'sembilan belas', '20')
    """
    n = int(n)
    if 0 <= n < len(_ANGKA_KATA):
        return _ANGKA_KATA[n]
    if n < 20:
        return f"{_ANGKA_KATA[n - 10]} belas"
    return str(n)


def rentang_tahun(awal, akhir) -> str:
    """'2021–2026' (an en dash, as the report prints a period).

    >>> rentang_tahun(2021, 2026)
    '2021–2026'
    """
    return f"{awal}–{akhir}"


def lama_periode(awal, akhir) -> str:
    """How many years a period runs, counted from its bounds ('enam tahun' for 2021–2026).

    >>> lama_periode(2021, 2026), lama_periode(2019, 2023)
    ('enam tahun', 'lima tahun')
    """
    return f"{bilangan(int(akhir) - int(awal) + 1)} tahun"


_PERSEN_LEPAS = re.compile(r"(\d)[ \t]*%")
_RP_LEPAS = re.compile(r"\bRp\.?[ \t]+(?=[\d(-])")
_SPASI = re.compile(r"[ \t]{2,}")


def rapikan(teks: str) -> str:
    """A sentence as the report prints it: '%' bound to its number and 'Rp' to its amount
    by a no-break space, no doubled spaces.

    >>> rapikan("100%  dan 96,32 %") == "100\\xa0% dan 96,32\\xa0%"
    True
    """
    if not teks:
        return teks
    teks = _PERSEN_LEPAS.sub(lambda m: m.group(1) + PERSEN, str(teks))
    teks = _RP_LEPAS.sub(f"Rp{NBSP}", teks)
    return _SPASI.sub(" ", teks)


# ---------------------------------------------------------------- checking


@dataclass(frozen=True)
class Pelanggaran:
    """A fault in a sentence: the rule (`ATURAN`) and the sentence it was found in."""

    aturan: str
    kalimat: str

    def __str__(self) -> str:
        return f"{self.aturan}: {ATURAN[self.aturan]} — «{self.kalimat}»"


ATURAN = {
    "dengan-ganda": "dua kali 'dengan' dalam satu kalimat",
    "tahun-berjalan": "'tahun berjalan' untuk tahun yang sudah berakhir (tulis tahunnya)",
    "ia": "'ia' untuk benda (terjemahan 'it')",
    "persen": "'%' tidak terikat pada angkanya dengan spasi tak terputus",
    "label-berulang": "label yang diulang oleh kalimat sesudahnya",
    "catatan-pengembang": "nama berkas atau kode program di dalam kalimat",
}
_KALIMAT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(])|\n+")
_DENGAN = re.compile(r"\bdengan\b", re.IGNORECASE)
_IA = re.compile(r"(?<![\w-])ia\s", re.IGNORECASE)
_PERSEN_SALAH = re.compile(r"\d(?:[ \t]?)%")  # a digit then '%' with no NBSP between
_LABEL = re.compile(r"^\s*([^:=]{3,60}?):\s+(.+)$", re.DOTALL)
_PENGEMBANG = re.compile(
    r"\b\w+\.(?:csv|md|py|ipynb|json)\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+-\d{4}\b")


def kalimat_dari(teks: str) -> list[str]:
    """A text cut into sentences (roughly: after '.', '!' or '?' before a capital or a
    digit, and at line breaks).

    >>> kalimat_dari("Satu dua. Tiga: empat.\\nLima")
    ['Satu dua.', 'Tiga: empat.', 'Lima']
    """
    return [k.strip() for k in _KALIMAT.split(str(teks)) if k and k.strip()]


def _label_berulang(kalimat: str) -> bool:
    """'Target bernilai 0: Apabila target bernilai 0, …': every word of the label is among
    the first words after it."""
    m = _LABEL.match(kalimat)
    if not m:
        return False
    label = re.findall(r"\w+", m.group(1).lower())
    awal = re.findall(r"\w+", m.group(2).lower())[: len(label) + 3]
    return len(label) >= 2 and all(k in awal for k in label)


def pelanggaran(teks: str, pengembang: bool = True) -> list[Pelanggaran]:
    """Every fault a program can see, sentence by sentence, in the order found.

    ``pengembang=False`` leaves out file names and code (a source line may name the
    synthetic file it was computed from, `lkjip.sintetis_label`).

    >>> [p.aturan for p in pelanggaran("Capaian dengan kategori Tinggi, dengan penyerapan.")]
    ['dengan-ganda']
    >>> pelanggaran("Capaian 96,32\\xa0% pada tahun 2023, dengan kategori Tinggi.")
    []
    """
    hasil = []
    for k in kalimat_dari(teks):
        uji = {
            "dengan-ganda": len(_DENGAN.findall(k)) > 1,
            "tahun-berjalan": "tahun berjalan" in k.lower(),
            "ia": bool(_IA.search(k)),
            "persen": bool(_PERSEN_SALAH.search(k)),
            "label-berulang": _label_berulang(k),
            "catatan-pengembang": pengembang and bool(_PENGEMBANG.search(k)),
        }
        hasil += [Pelanggaran(a, k) for a, salah in uji.items() if salah]
    return hasil
