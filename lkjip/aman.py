"""Writing CSV that a spreadsheet can open safely (CSV/formula injection, OWASP).

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a line break is read by Excel
and LibreOffice as a formula (``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``). Text from the data
(names of desa, indicators, pejabat) may start that way, so every CSV lkjip writes for people
goes through `tulis_csv`, which prefixes such text with an apostrophe, as OWASP recommends: the
spreadsheet then shows the text as typed. Numbers (int, float, Decimal) are not text and are
written as they are, so ``-47067500`` stays a number.

>>> netralkan_formula("=HYPERLINK(\\"http://x\\")"), netralkan_formula("Desa Alfa")
('\\'=HYPERLINK("http://x")', 'Desa Alfa')
>>> netralkan_formula("-2+3"), netralkan_formula(-5), netralkan_formula("@camat")
("'-2+3", -5, "'@camat")
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

AWALAN_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def netralkan_formula(nilai):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; the rest
    (other text, numbers, missing values) is returned unchanged."""
    if isinstance(nilai, str) and nilai.startswith(AWALAN_FORMULA):
        return "'" + nilai
    return nilai


def netralkan_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text cell and column name neutralised.

    >>> import pandas as pd
    >>> netralkan_frame(pd.DataFrame({"=x": ["+1", 2]})).to_dict("list")
    {"'=x": ["'+1", 2]}
    """
    import pandas as pd  # here, not at import: the CLI imports this module before a build

    hasil = df.copy()
    for kolom in hasil.columns:
        if hasil[kolom].dtype == object or pd.api.types.is_string_dtype(hasil[kolom]):
            hasil[kolom] = hasil[kolom].map(netralkan_formula)
    hasil.columns = [_label(k) for k in hasil.columns]
    hasil.index = hasil.index.map(_label)
    return hasil


def _label(k):
    """A row or column label; a MultiIndex label is a tuple of labels."""
    return tuple(map(netralkan_formula, k)) if isinstance(k, tuple) else netralkan_formula(k)


def tulis_csv(df: pd.DataFrame, path, index: bool = False, **kwargs) -> Path:
    """Write `df` as a CSV safe to open in a spreadsheet (UTF-8 with BOM for Excel), atomically:
    a temporary file in the same folder is renamed into place, so a reader never sees half a
    file. Returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    kwargs.setdefault("encoding", "utf-8-sig")
    fd, sementara = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", newline="", encoding=kwargs.pop("encoding")) as f:
            netralkan_frame(df).to_csv(f, index=index, **kwargs)
        os.replace(sementara, path)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return path


# Terminal control characters: C0 but tab and line feed, DEL, C1, and the bidi overrides that
# reorder what is shown. A name typed as ESC[2J would clear the screen of whoever runs check.
_KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def aman_terminal(teks: str) -> str:
    """Text for a terminal, control characters shown as escapes instead of acted on.

    >>> aman_terminal("Desa \\x1b[2JMerah\\u202e\\n")
    'Desa \\\\x1b[2JMerah\\\\u202e\\n'
    """
    return _KENDALI.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), teks)
