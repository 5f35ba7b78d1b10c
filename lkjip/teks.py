"""Text as a key: names compared without case, spacing, punctuation or titles; slugs for ids.

One home for "are these two typed names the same name": the catalogue matches a stated
kunci with it, the checks find one name spelt two ways with it, finding ids are built from
`slug`.

>>> normal_teks("  Sambeng ") == normal_teks("SAMBENG"), slug("Tabel 3.3 (Kinerja s.d. 2023)")
(True, 'tabel-3.3-kinerja-s.d.-2023')
"""

from __future__ import annotations

import difflib
import re

_GELAR_DEPAN = re.compile(r"^((dr|drs|dra|ir|h|hj|prof|plt|plh)\.?\s+)+", re.IGNORECASE)
PANJANG_SLUG = 40


def normal_teks(teks) -> str:
    """Lowercase words of letters and digits, single-spaced.

    >>> normal_teks("  Sambeng ") == normal_teks("SAMBENG"), normal_teks("Kab. Pemalang")
    (True, 'kab pemalang')
    """
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(teks).lower()).split())


def normal_nama(nama) -> str:
    """A person's name without titles (after the first comma, or before it), case, punctuation.

    >>> normal_nama("WALUYO, S.STP,MP."), normal_nama("Drs. H. Mansur  Hidayat, M.Si")
    ('waluyo', 'mansur hidayat')
    """
    inti = str(nama).split(",")[0].strip()
    return normal_teks(_GELAR_DEPAN.sub("", inti))


def mirip(a: str, b: str) -> float:
    """difflib similarity of two normalised texts.

    >>> round(mirip("sari wulandari", "sari wulandary"), 2)
    0.93
    """
    return difflib.SequenceMatcher(None, a, b).ratio()


def slug(teks, panjang: int | None = PANJANG_SLUG) -> str:
    """A key for an id: lowercase ASCII letters, digits, '.', '-' and '_', cut at a word end.

    Dots and underscores stay (``CL.1.2``, ``pagu_murni``); any other run of characters
    becomes one '-'; a slug longer than `panjang` is cut after its last whole word that fits.

    >>> slug("IKU-01"), slug("Bab III butir potensi konflik (kalimat penutup: mencapai 0%)")
    ('iku-01', 'bab-iii-butir-potensi-konflik-kalimat')
    >>> slug(""), slug("  Kepala Seksi "), slug("É"), slug(None)
    ('-', 'kepala-seksi', '-', '-')
    """
    s = re.sub(r"[^0-9a-z._]+", "-", str(teks or "").lower()).strip("-.") or "-"
    if panjang is not None and len(s) > panjang:
        potong = s[: panjang + 1]
        s = potong[: potong.rfind("-")] if "-" in potong[1:] else s[:panjang]
    return s.strip("-.") or "-"
