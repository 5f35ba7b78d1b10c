"""No wait of the print service is unbounded (issue 15; `make test` on two processes): a
browser that is slow to start, does not answer, or closed its answers' pipe without ending
keeps neither `LayananCetak.tutup`, nor `Peramban.tutup`, nor a worker's print waiting for
good. In a fresh-clone run of the suite on two processes one service's `tutup` took over
120 s beside another module's builds (its Browser.close waited `BATAS_DETIK` for no answer).

Each test runs the step that could hang in a thread and gives it 60 s, where the old code
waited 125 s or for ever: a liveness check, not a measurement of time."""

import contextlib
import io
import os
import signal
import threading

import pytest
from pypdf import PdfReader

from lkjip import peramban

pytestmark = [
    pytest.mark.skipif(peramban.cari() is None,
                       reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)"),
    pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="layanan: Linux"),
]

CUKUP = 60  # seconds given to a step that returns within ~2 x TUTUP_DETIK + 15 (1 here)


def _dokumen(judul: str) -> str:
    return f"<html><body><h1>{judul}</h1><p>Pelayanan administrasi.</p></body></html>"


def _selesai(fungsi) -> bool:
    """Whether `fungsi()` returned within `CUKUP` seconds (it goes on in its thread if not)."""
    benang = threading.Thread(target=fungsi, daemon=True)
    benang.start()
    benang.join(CUKUP)
    return not benang.is_alive()


def _mulai_macet(monkeypatch) -> tuple[threading.Event, list]:
    """The service's first start (`LayananCetak._nyalakan`) hangs until the event is set, then
    starts its browser (listed); a worker's own browser starts as usual."""
    lepas, dimulai = threading.Event(), []
    asli = peramban._mulai

    def mulai(program, bendera=()):
        if threading.current_thread().name == "lkjip-cetak-mulai":
            lepas.wait()
            dimulai.append(asli(program, bendera))
            return dimulai[-1]
        return asli(program, bendera)

    monkeypatch.setattr(peramban, "_mulai", mulai)
    return lepas, dimulai


def test_layanan_ditutup_walau_peramban_belum_siap(monkeypatch):
    """`tutup` while the service's browser is still starting returns (the old one waited for
    the start without a bound); the browser that start brings is closed, not handed out."""
    monkeypatch.setattr(peramban, "TUTUP_DETIK", 1, raising=False)
    lepas, dimulai = _mulai_macet(monkeypatch)
    layanan = peramban.LayananCetak(peramban.cari(), 2)
    try:
        assert _selesai(layanan.tutup)
    finally:
        lepas.set()
    assert layanan._siap.wait(CUKUP)
    assert len(dimulai) == 1 and dimulai[0].proses.wait(CUKUP) is not None
    assert layanan._mesin is None


def test_permintaan_saat_peramban_belum_siap_dicetak_pekerja_sendiri(monkeypatch, capsys):
    """A request while the service's browser is still starting waits `TUNGGU_SIAP` seconds,
    then is answered with the reason: the worker prints with its own browser and says why
    (the old service waited for the start without a bound, and the worker with it)."""
    monkeypatch.setattr(peramban, "TUNGGU_SIAP", 1, raising=False)
    lepas, _ = _mulai_macet(monkeypatch)
    layanan = peramban.LayananCetak(peramban.cari(), 2)
    hasil: dict[str, bytes] = {}
    try:
        klien = peramban.KlienCetak(layanan.alamat, layanan.program)
        assert _selesai(lambda: hasil.update(pdf=klien.cetak(_dokumen("Moga"))))
    finally:
        lepas.set()
        layanan.tutup()
    assert "Moga" in PdfReader(io.BytesIO(hasil["pdf"])).pages[0].extract_text()
    assert layanan.alamat in peramban._LAYANAN_GAGAL
    assert ("layanan cetak bersama tidak dapat dipakai (peramban layanan cetak belum siap "
            "setelah 1 detik); pekerja ini mencetak dengan perambannya sendiri."
            ) in capsys.readouterr().err


def test_peramban_yang_tak_menjawab_ditutup(monkeypatch):
    """A browser that answers nothing (stopped with SIGSTOP) is killed by `tutup` once its
    Browser.close went unanswered `TUTUP_DETIK` seconds (the old one waited BATAS_DETIK,
    120 s, first)."""
    monkeypatch.setattr(peramban, "TUTUP_DETIK", 1, raising=False)
    mesin = peramban._mulai(peramban.cari())
    mesin.proses.send_signal(signal.SIGSTOP)
    try:
        assert _selesai(mesin.tutup)
        assert mesin.proses.returncode == -signal.SIGKILL
    finally:
        mesin.proses.kill()


def test_perintah_setelah_pipa_jawaban_tertutup_gagal_seketika(monkeypatch):
    """A command sent once the answers' pipe closed, its commands' pipe still taking bytes
    (here held open by the test, from /proc), fails at once with how the pipe closed: the
    old `_kirim` registered it after the reader's end and waited BATAS_DETIK for an answer
    that could not come (TakMenjawab); so did `tutup`'s Browser.close."""
    monkeypatch.setattr(peramban, "BATAS_DETIK", 5)
    mesin = peramban._mulai(peramban.cari())
    perintah = os.open(f"/proc/{mesin.proses.pid}/fd/3", os.O_RDONLY | os.O_NONBLOCK)
    try:
        mesin.proses.kill()
        mesin.proses.wait(CUKUP)
        mesin._benang.join(CUKUP)
        assert not mesin._benang.is_alive()  # the reader saw the pipe's end
        with pytest.raises(peramban.GalatPeramban) as galat:
            mesin._kirim("Browser.getVersion", {})
        assert not isinstance(galat.value, peramban.TakMenjawab)
        assert str(galat.value) == f"peramban {mesin.program} berhenti tanpa jawaban"
    finally:
        os.close(perintah)
        mesin.tutup()


def test_tutup_dua_kali_tidak_menutup_berkas_orang_lain():
    """A second `tutup` (at exit: atexit and the multiprocessing finalizer call it again)
    leaves alone the file descriptors that took its pipes' numbers meanwhile."""
    mesin = peramban._mulai(peramban.cari())
    nomor = (mesin._tulis, mesin._baca)
    mesin.tutup()
    baca, tulis = os.pipe()
    try:
        for n in nomor:
            os.dup2(baca, n)  # another file now has the number
        mesin.tutup()
        for n in nomor:
            os.fstat(n)  # still open
    finally:
        for fd in {baca, tulis, *nomor}:
            with contextlib.suppress(OSError):  # the old `tutup` closed `nomor` again
                os.close(fd)


def test_dokumen_besar_ke_peramban_yang_macet_gagal_dalam_batas(monkeypatch):
    """A document larger than the pipe takes at once (64 KiB) sent to a browser that reads
    nothing (stopped with SIGSTOP) fails after BATAS_DETIK, as a command without an answer
    does (the old write waited for the browser for good); the browser, part of a command in
    its pipe, takes no other one."""
    monkeypatch.setattr(peramban, "BATAS_DETIK", 3)
    mesin = peramban._mulai(peramban.cari())
    mesin.proses.send_signal(signal.SIGSTOP)
    galat: list[Exception] = []

    def cetak() -> None:
        try:
            mesin.cetak(_dokumen("Pelayanan administrasi. " * 20_000))
        except peramban.GalatPeramban as e:
            galat.append(e)

    try:
        assert _selesai(cetak)
        assert isinstance(galat[0], peramban.TakMenjawab)
        assert str(galat[0]) == (f"peramban {mesin.program} tidak membaca perintah dalam "
                                 "3 detik")
        with pytest.raises(peramban.GalatPeramban, match="tidak membaca perintah"):
            mesin._kirim("Browser.getVersion", {})
    finally:
        mesin.proses.kill()
        mesin.tutup()
