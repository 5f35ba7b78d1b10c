"""Holding Ctrl-C back for the few steps that must not be cut in half.

Python raises KeyboardInterrupt wherever the main thread happens to be. Most places are fine
(every ``finally`` of a build cleans up), but a few are not: inside the construction of a
ZeroMQ socket (the socket exists in libzmq but no Python object tracks it, so the context
can never be closed and ``term()`` hangs the process at exit: seen in a batch stopped with
Ctrl-C), between the renames of a build's files, and while removing its temporary folder.
`tahan_ctrl_c` defers SIGINT over such a block and delivers it right after.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def tahan_ctrl_c() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back inside the block and deliver it after. Only the main thread
    can set a signal handler; elsewhere (a Dask worker's thread) this does nothing.

    >>> import os
    >>> terjadi = []
    >>> lama = signal.signal(signal.SIGINT, lambda nomor, _: terjadi.append("Ctrl-C"))
    >>> with tahan_ctrl_c():
    ...     os.kill(os.getpid(), signal.SIGINT)
    ...     terjadi.append("blok selesai")
    >>> terjadi
    ['blok selesai', 'Ctrl-C']
    >>> _ = signal.signal(signal.SIGINT, lama)
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    tertunda: list[int] = []
    lama = signal.signal(signal.SIGINT, lambda nomor, _: tertunda.append(nomor))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, lama)
        if tertunda and callable(lama):
            lama(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt
        elif tertunda and lama == signal.SIG_DFL:
            raise KeyboardInterrupt
