"""The garbage collector held off while a large tree is built and used (issue 15).

A BeautifulSoup tree of the edition's HTML (~6 600 tags, each with its strings, attribute
dicts and parent/child links) is built, walked and serialised in a few tenths of a second and
is garbage right after: its objects are cycles (a tag and its children point at each other),
so only the collector frees them. While the tree lives, each collection triggered by its
allocations walks it and moves it up a generation, and the oldest generation's collections
then walk everything the process holds (a build's export ran two of them, ~0,1 CPU-s). Held
off with `tanpa_pungut`, the tree stays in the youngest generation; the first collection
after the block finds it unreachable and frees it at once.

>>> import gc
>>> with tanpa_pungut():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_KUNCI = threading.Lock()
_TAHAN = [0, False]  # blocks holding the collector off now; whether it was on before the first


@contextmanager
def tanpa_pungut() -> Iterator[None]:
    """No automatic collection while the block runs (in any thread: the collector is the
    process's); after the last such block ends it is on again if it was before the first.
    ``gc.collect()`` still works."""
    with _KUNCI:
        if _TAHAN[0] == 0:
            _TAHAN[1] = gc.isenabled()
            gc.disable()
        _TAHAN[0] += 1
    try:
        yield
    finally:
        with _KUNCI:
            _TAHAN[0] -= 1
            if _TAHAN[0] == 0 and _TAHAN[1]:
                gc.enable()
