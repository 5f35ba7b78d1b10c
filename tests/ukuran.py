"""How big the property-based and kill tests run, from ``pytest --fuzz=…`` (conftest.py).

Read it when a test module is imported (``contoh(40, 10_000)``): conftest.py sets it before
any test module is collected.
"""

from __future__ import annotations

UKURAN = ""  # "" (the default run), "besar" (make fuzz) or a number of examples


def atur(ukuran: str) -> None:
    """Set the size; an unknown word is refused rather than run at the default size."""
    global UKURAN
    ukuran = (ukuran or "").strip()
    if ukuran not in ("", "besar") and not ukuran.isdigit():
        raise ValueError(f"--fuzz harus kosong, 'besar' atau bilangan bulat, bukan {ukuran!r}")
    UKURAN = ukuran


def besar() -> bool:
    return UKURAN == "besar"


def contoh(bawaan: int, untuk_besar: int) -> int:
    """Examples per test: `bawaan` by default, `untuk_besar` with --fuzz=besar, n with --fuzz=n."""
    return untuk_besar if besar() else int(UKURAN) if UKURAN.isdigit() else bawaan
