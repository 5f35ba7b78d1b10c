"""A Ctrl-C that CPython swallows (raised while a finalizer runs: "Exception ignored in ...")
still stops a batch after the report it landed in (`lkjip.bangun.kumpulan.ingat_ctrl_c`). CI saw
it: test_interupsi's batch of 4, jobs 1, Ctrl-C'd after the first PDF, built all 4 and exited 0."""

from __future__ import annotations

import os
import signal
import time

import pytest

from lkjip.bangun.kumpulan import Terputus, ingat_ctrl_c, petakan


class _CtrlCDalamFinalizer:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)  # the handler runs here, inside __del__: its KeyboardInterrupt is lost


def _tugas(t):
    if t == 1:
        _CtrlCDalamFinalizer()  # dropped at once: __del__ runs now
    return t * 10


def test_a_swallowed_ctrl_c_stops_the_batch_after_that_report():
    with pytest.raises(Terputus) as e:
        petakan(_tugas, [0, 1, 2, 3], jobs=1)
    # reports 0 and 1 done (the Ctrl-C landed in report 1, which finished); 2 and 3 not started
    assert e.value.hasil == [0, 10, None, None]
    assert e.value.sebelum == [True, True, False, False]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_ctrl_c_every_report_is_built_and_the_handler_is_restored():
    assert petakan(_tugas, [0, 2, 3], jobs=1) == [0, 20, 30]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_ctrl_c_still_raises_keyboardinterrupt_at_once():
    with pytest.raises(KeyboardInterrupt), ingat_ctrl_c() as ditekan:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    assert ditekan == [signal.SIGINT]
