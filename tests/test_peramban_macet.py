"""The batch's print service does not stall (issue 15): a batch of 14 stopped for ~130 s
between its 12th and 13th report, each time its one-process browser was ~180 s old.

Chromium (156) measures the device for its on-device AI model ~3 minutes after its start
(an OnDeviceModelService; `on_device_startup_metric_delay`), and in a ``--single-process``
browser that service runs as a thread of the browser from then on, after which no
Page.printToPDF answers. The browser is now told the device's class
(`peramban.KELAS_KINERJA`), so it measures nothing. Here the measurement is made due at once
(the same field trial parameter, 0 s) instead of waiting three minutes.

And a print the service's browser did not answer is said once on the batch's stderr, in
Indonesian (a batch that slowed by `BATAS_DETIK` says why), whichever of the two workers'
prints found the browser ended."""

import io
import os
import threading

import pytest
from pypdf import PdfReader

from lkjip import peramban

pytestmark = [
    pytest.mark.skipif(peramban.cari() is None,
                       reason="Chromium tidak terpasang (scripts/sysdeps.sh memasangnya)"),
    pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="layanan: Linux"),
]

# the bound a print is given here: a liveness bound (the old code waited for good), not a
# measurement; a print of these documents takes well under a second
BATAS = 30


def _dokumen(judul: str) -> str:
    return (f"<html><head></head><body><h1>{judul}</h1>"
            f"<p>Pelayanan administrasi terpadu kecamatan.</p></body></html>")


def _teks(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_peramban_satu_proses_tetap_mencetak_setelah_menilai_perangkat(monkeypatch):
    """A one-process browser whose measurement for the on-device model is due at once
    prints: the old flags left the first print unanswered (4 of 4 runs: TakMenjawab after
    the bound), the browser answering everything else."""
    segera = ",LogOnDeviceMetricsOnStartup:on_device_startup_metric_delay/0s"
    monkeypatch.setattr(peramban, "BENDERA", tuple(
        b + segera if b.startswith("--enable-features=") else b for b in peramban.BENDERA))
    monkeypatch.setattr(peramban, "BATAS_DETIK", BATAS)
    mesin = peramban._mulai(peramban.cari(), ("--single-process",))
    try:
        for judul in ("Moga", "Taman", "Pulosari"):
            assert judul in _teks(mesin.cetak(_dokumen(judul)))
    finally:
        mesin.tutup()


def test_cetakan_yang_tak_dijawab_dikabarkan_sekali(monkeypatch, capsys):
    """Two workers print at once through the service; the first print is not answered
    (a stand-in raises TakMenjawab once the second worker's print waits behind it in the
    one tab). The browser is ended and started again, both documents are printed by the
    service, and the batch's stderr says once, in Indonesian, why."""
    asli = peramban.Halaman.cetak
    masuk, kedua_menunggu, pertama = threading.Event(), threading.Event(), []

    def cetak(self, html):
        if not pertama:  # the first print holds the tab until the second waits for it
            pertama.append(self.peramban)
            with self._kunci:
                masuk.set()
                assert kedua_menunggu.wait(BATAS)
                raise peramban.TakMenjawab(
                    f"peramban {self.peramban.program} tidak menjawab Page.printToPDF dalam "
                    f"{peramban.BATAS_DETIK} detik")
        if self.peramban is pertama[0]:
            kedua_menunggu.set()
        return asli(self, html)

    monkeypatch.setattr(peramban.Halaman, "cetak", cetak)
    dokumen = {0: _dokumen("Kecamatan Moga"), 1: _dokumen("Kecamatan Taman")}
    hasil: dict[int, bytes] = {}
    with peramban.layanan_bersama(2) as layanan:
        klien = {i: peramban.KlienCetak(layanan.alamat, layanan.program) for i in dokumen}
        # the first request is in the tab before the second is sent
        benang = [threading.Thread(target=lambda: hasil.update({0: klien[0].cetak(dokumen[0])}))]
        benang[0].start()
        assert masuk.wait(BATAS)
        benang.append(threading.Thread(target=lambda: hasil.update({1: klien[1].cetak(
            dokumen[1])})))
        benang[1].start()
        for b in benang:
            b.join(2 * BATAS)
        assert not any(b.is_alive() for b in benang)
        assert layanan._mesin is not pertama[0] and layanan._mesin.proses.poll() is None
        assert layanan._ulang == peramban.ULANG_LAYANAN - 1
    assert pertama[0].proses.poll() is not None
    assert "Moga" in _teks(hasil[0]) and "Taman" in _teks(hasil[1])
    assert layanan.alamat not in peramban._LAYANAN_GAGAL  # neither worker left the service
    err = capsys.readouterr().err
    kabar = [b for b in err.splitlines() if b.startswith("peringatan:")]
    assert kabar == [
        f"peringatan: peramban layanan cetak tidak menjawab Page.printToPDF dalam "
        f"{peramban.BATAS_DETIK} "
        f"detik saat mencetak dan dihentikan; dinyalakan lagi (masih boleh "
        f"{peramban.ULANG_LAYANAN - 1} kali lagi); cetakan yang terputus diulang."]
