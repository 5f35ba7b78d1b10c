"""Print services started at the same time beside a Chromium that prints: two builds on one
machine, or `pytest -n 2` (issue 15). A ``--single-process`` browser could lose a race of its
own threads at start when the CPUs were busy (SIGSEGV, `lkjip.peramban.Peramban._tenang`) and
die after it was handed out; now such a start is retried before it is, and the prints are all
made by the services' own browsers, none started again."""

import io
import os
import re
import tempfile
import threading

import pytest
from pypdf import PdfReader

from lkjip import peramban

pytestmark = [
    pytest.mark.skipif(peramban.cari() is None,
                       reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)"),
    pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="layanan: Linux"),
]

KALIMAT = "Kecamatan melaksanakan pelayanan administrasi kepada masyarakat. "
# a document that keeps the neighbour's browser busy (~40 pages of text and tables)
BESAR = "<html><body>" + "".join(
    f"<h2>Bab {i}</h2><p>{KALIMAT * 60}</p><table>"
    + "".join(f"<tr><td>{j}</td><td>{j * i}</td></tr>" for j in range(40)) + "</table>"
    for i in range(40)) + "</body></html>"


def _dokumen(judul: str) -> str:
    return f"<html><body><h1>{judul}</h1><p>{KALIMAT * 20}</p></body></html>"


def test_dua_layanan_serentak_di_samping_peramban_lain():
    """Two services, each started 3 times, at the same moments, while a browser of a third
    build prints a 40-page document over and over, each printing 5 documents at once: every
    print comes from its service, whose browser is never started again nor left for the
    worker's own."""
    program = peramban.cari()
    berhenti, tetangga = threading.Event(), {"cetak": 0, "galat": []}

    def cetak_terus() -> None:
        mesin = peramban.Peramban(program)
        try:
            while not berhenti.is_set():
                assert mesin.cetak(BESAR).startswith(b"%PDF")
                tetangga["cetak"] += 1
        except Exception as e:  # noqa: BLE001 (reported by the test)
            tetangga["galat"].append(e)
        finally:
            mesin.tutup()

    hasil: dict[tuple[int, int, int], bytes] = {}
    catatan: list[str] = []
    mulai = threading.Barrier(2)

    def layani(nomor: int) -> None:
        for putaran in range(3):
            mulai.wait(120)  # both services start together
            layanan = peramban.LayananCetak(program, 2)
            try:
                klien = peramban.KlienCetak(layanan.alamat, program)
                # small prints at once, then a long one: a browser that lost its start's
                # race died within ~3 s of its start, while these are made
                for kali in range(3):
                    hasil[nomor, putaran, kali] = klien.cetak(
                        _dokumen(f"Layanan {nomor} putaran {putaran} cetakan {kali}"))
                assert klien.cetak(BESAR).startswith(b"%PDF")
                hasil[nomor, putaran, 3] = klien.cetak(
                    _dokumen(f"Layanan {nomor} putaran {putaran} cetakan 3"))
                mesin = layanan._mesin
                if layanan.alamat in peramban._LAYANAN_GAGAL:
                    catatan.append(f"{nomor}/{putaran}: dicetak peramban pekerja sendiri")
                if layanan._ulang != peramban.ULANG_LAYANAN:
                    catatan.append(f"{nomor}/{putaran}: peramban layanan dinyalakan lagi")
                if mesin is None or mesin.proses.poll() is not None:
                    catatan.append(f"{nomor}/{putaran}: peramban layanan berhenti")
            finally:
                layanan.tutup()

    benang_tetangga = threading.Thread(target=cetak_terus)
    benang_tetangga.start()
    try:
        benang = [threading.Thread(target=layani, args=(i,)) for i in range(2)]
        for b in benang:
            b.start()
        for b in benang:
            b.join()
    finally:
        berhenti.set()
        benang_tetangga.join()
    assert catatan == []
    assert tetangga["galat"] == [] and tetangga["cetak"] > 0
    assert len(hasil) == 2 * 3 * 4
    for (nomor, putaran, kali), pdf in hasil.items():
        teks = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert f"Layanan {nomor} putaran {putaran} cetakan {kali}" in teks


def _kalah_di_awal(monkeypatch, kali: int) -> list[str]:
    """The first `kali` one-process browsers to reach `_tenang` end there, as one that lost
    its start's race (here killed with SIGKILL); the profile folders of all starts, in order
    (recorded as made: a browser that lost the race by itself before `_tenang`, as one did
    beside another module's builds, ended while starting as well)."""
    asli, buat = peramban.Peramban._tenang, tempfile.mkdtemp
    folder: list[str] = []
    tenang_ke: list[peramban.Peramban] = []

    def mkdtemp(*arg, **kw) -> str:
        hasil = buat(*arg, **kw)
        if os.path.basename(hasil).startswith("lkjip-peramban-"):
            folder.append(hasil)
        return hasil

    def tenang(self) -> None:
        tenang_ke.append(self)
        if len(tenang_ke) <= kali:
            self.proses.kill()
            self.proses.wait()
        asli(self)

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(peramban.Peramban, "_tenang", tenang)
    return folder


def test_peramban_yang_berhenti_saat_mulai_dinyalakan_lagi_dengan_profil_baru(monkeypatch):
    """A browser that ended while starting is started once more, with a new profile folder
    (the first one removed), and that one prints. (Starts left: 3 here, as the next start
    may lose the race itself on a busy machine.)"""
    monkeypatch.setattr(peramban, "MULAI_LAGI", 3)
    folder = _kalah_di_awal(monkeypatch, 1)
    mesin = peramban._mulai(peramban.cari(), ("--single-process",))
    try:
        assert len(folder) >= 2 and len(set(folder)) == len(folder)
        assert not any(os.path.exists(f) for f in folder[:-1])
        assert mesin._folder == folder[-1] and mesin.proses.poll() is None
        assert mesin.cetak(_dokumen("Moga")).startswith(b"%PDF")
    finally:
        mesin.tutup()


def test_peramban_yang_dua_kali_berhenti_saat_mulai_dilaporkan(monkeypatch):
    """Ended twice while starting (MULAI_LAGI = 1): the error says so in Indonesian, with how
    each ended; no profile folder is left behind. (How: killed here, or, for a browser that
    lost its start's race before the kill came, its own signal: once SIGSEGV and SIGKILL in
    a run beside another module's builds.)"""
    folder = _kalah_di_awal(monkeypatch, 2)
    program = peramban.cari()
    with pytest.raises(peramban.GalatPeramban) as galat:
        peramban._mulai(program, ("--single-process",))
    pesan = str(galat.value)
    assert pesan.startswith(f"peramban {program} tidak dapat dinyalakan: 2 kali berturut-turut "
                            "berhenti saat mulai, tiap kali dengan profil baru (")
    assert len(re.findall(r"\(dihentikan oleh SIG[A-Z]+\)", pesan)) == 2
    assert len(folder) == 2 and not any(os.path.exists(f) for f in folder)

