"""The zygote's warm-up (`lkjip.zigot._panaskan`) and imports: done once there for every
kernel it forks."""

import pytest

from lkjip import tembolok, zigot
from lkjip.bangun.kernel import KernelAwal, siapkan_pekerja
from tests.klien_kernel import jalankan


def test_pemanasan_menghitung_sidik_kode_sekali(monkeypatch):
    monkeypatch.setattr(tembolok, "_KODE", [])
    zigot._panaskan()
    assert len(tembolok._KODE) == 1
    assert tembolok.sidik_kode() is tembolok._KODE[0]  # not computed again


def test_pemanasan_yang_gagal_dibiarkan(monkeypatch):
    def gagal():
        raise OSError("tidak terbaca")

    monkeypatch.setattr(tembolok, "_KODE", [])
    monkeypatch.setattr(tembolok, "sidik_kode", gagal)
    zigot._panaskan()  # nothing raised: the kernel hashes the code itself when it needs it
    assert tembolok._KODE == []


@pytest.mark.skipif(not zigot.mungkin(), reason="zygote: Linux only")
def test_kernel_dari_zigot_mewarisi_pemanasan(tmp_path):
    siapkan_pekerja()
    try:
        kode = ("import sys\nfrom lkjip import tembolok\n"
                "print(len(tembolok._KODE), 'PIL.JpegImagePlugin' in sys.modules)")
        with KernelAwal(tmp_path).mulai() as k:
            assert k.km.kernel_spec.argv[1:3] == ["-S", "-c"]  # forked from the zygote
            assert jalankan(k, kode).split() == ["1", "True"]
    finally:
        zigot.matikan()
