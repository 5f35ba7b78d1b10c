"""One environment variable set for the length of a block (the batch's shared services)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def variabel(nama: str, nilai: str) -> Iterator[None]:
    """``os.environ[nama] = nilai`` inside the block; the old value (or its absence) after it,
    also when the block raises. Processes started inside the block inherit the value.

    >>> import os
    >>> os.environ.pop("LKJIP_CONTOH", None)
    >>> with variabel("LKJIP_CONTOH", "1"):
    ...     os.environ["LKJIP_CONTOH"]
    '1'
    >>> "LKJIP_CONTOH" in os.environ
    False
    >>> os.environ["LKJIP_CONTOH"] = "lama"
    >>> try:
    ...     with variabel("LKJIP_CONTOH", "baru"):
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     os.environ.pop("LKJIP_CONTOH")
    'lama'
    """
    lama = os.environ.get(nama)
    os.environ[nama] = nilai
    try:
        yield
    finally:
        if lama is None:
            os.environ.pop(nama, None)
        else:
            os.environ[nama] = lama
