"""Compare the figures of a report before and after a change, figure for figure.

    python scripts/banding_angka.py SEBELUM.pdf|txt -- SESUDAH.pdf|txt [SESUDAH2 ...]

Text is read with ``pdftotext -layout`` (a .txt is read as it is). A figure is a number the
report prints with a decimal comma or thousands dots (``82,78``, ``2.522.467.250``,
``Rp 600.020.750``, ``87,86 %``): counts, years and page numbers are left out, since layout
and numbering change without any figure changing. Several "after" files are read as one (the
edition and the working paper together hold what one report held before).

It prints (1) every figure value found only before or only after, with how often; (2) every
line of "before" whose figures, in order, appear on no line of "after", and the other way
round. A line reflowed differently shows in (2) without a figure changing; (1) decides. The
exit code is 0 either way: the differences are for a person to explain.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ANGKA = re.compile(r"-?(?:Rp\s?)?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+,\d+")


def teks(jalur: str) -> str:
    """The text of a PDF (pdftotext -layout) or of a text file."""
    if Path(jalur).suffix.lower() != ".pdf":
        return Path(jalur).read_text(encoding="utf-8")
    return subprocess.run(["pdftotext", "-layout", jalur, "-"], capture_output=True,
                          text=True, check=True).stdout


def angka_baris(isi: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each line with figures, with its figures in order ('Rp ' dropped).

    >>> angka_baris("Total Anggaran 2.460.636.770 600.020.750 *\\nHalaman 12\\nIKM 82,78 %")
    [('Total Anggaran 2.460.636.770 600.020.750 *', ('2.460.636.770', '600.020.750')), \
('IKM 82,78 %', ('82,78',))]
    """
    hasil = []
    for baris in isi.splitlines():
        t = tuple(m.group().replace("Rp", "").strip() for m in ANGKA.finditer(baris))
        if t:
            hasil.append((baris.strip(), t))
    return hasil


def beda_nilai(sebelum: str, sesudah: str) -> tuple[Counter, Counter]:
    """(values only before, values only after), as counts of occurrences.

    >>> beda_nilai("a 1.000 b 82,78\\nc 82,78", "a 1.000 b 82,78\\nd 83,00")
    (Counter({'82,78': 1}), Counter({'83,00': 1}))
    """
    def hitung(isi):
        return Counter(a for _, t in angka_baris(isi) for a in t)

    a, b = hitung(sebelum), hitung(sesudah)
    return a - b, b - a


def baris_hilang(dari: str, ke: str) -> list[str]:
    """Lines of `dari` whose figure sequence is on no line of `ke`.

    >>> baris_hilang("x 1,00 2,00\\ny 3,00", "x 1,00 2,00 (moved)\\ny 3,10")
    ['y 3,00']
    """
    ada = {t for _, t in angka_baris(ke)}
    return [b for b, t in angka_baris(dari) if t not in ada]


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") != 1 or len(argv) < 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    sebelum = teks(argv[0])
    sesudah = "\n".join(teks(j) for j in argv[2:])
    hanya_a, hanya_b = beda_nilai(sebelum, sesudah)
    print(f"(1) nilai hanya sebelum: {sorted(hanya_a.items())}")
    print(f"    nilai hanya sesudah: {sorted(hanya_b.items())}")
    for judul, daftar in (("sebelum, tidak ada sesudah", baris_hilang(sebelum, sesudah)),
                          ("sesudah, tidak ada sebelum", baris_hilang(sesudah, sebelum))):
        print(f"(2) baris {judul}: {len(daftar)}")
        for b in daftar:
            print(f"      {b[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
