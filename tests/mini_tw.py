"""The mini kecamatan (tests/mini.py) with quarterly data: `tulis_mini_tw(tmp_path)`.

Small, readable figures; every expected value in tests/test_triwulan*.py is computed by hand
from these rows (the arithmetic is written next to each assertion).

PK indicators (target; TW I–IV targets; realisasi TW I–III as typed):
- camat 1  IKU-01 IKM, terakhir naik: 80; –, 80, –, 80; –, 78, 81
- camat 2  IKU-02 cakupan %, terakhir naik: 80; 20, 40, 60, 80; 15, 30, 45
- sekcam 1 dokumen, jumlah naik: 12; 3, 3, 3, 3; 3, 3, 4            (on course)
- sekcam 2 rapat, jumlah naik: 20; 5, 5, 5, 5; 5, 4, 5               (at risk)
- sekcam 3 hari layanan, rerata turun: 5; 5, 5, 5, 5; 6, 5, 4        (lower is better)
- sekcam 4 peserta, maks naik: 40; 10, 20, 40, 40; 12, 18, 30
- sekcam 5 gangguan, jumlah turun: 8; 2, 2, 2, 2; 1, 2, 3            (lower is better)
- sekcam 6 peserta/kegiatan 10/1 (a/b): not rated
PK budget (anggaran; plan TW I–IV; cumulative realisasi TW I–III):
- camat 1  program 1: the sum of the two rows below (a higher row)
- sekcam 1 kegiatan 1.1: 600.000; 100.000, 200.000, 150.000, 150.000; 90.000, 250.000, 420.000
- sekcam 2 kegiatan 1.2: 400.000; 0, 0, 200.000, 200.000; 0, 50.000, 150.000
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip.triwulan import hitung_triwulan
from tests.mini import tulis_mini

PK_INDIKATOR = (
    "kode_pejabat,no,sasaran,indikator,kode_indikator,satuan,target,tw1,tw2,tw3,tw4\n"
    "camat,1,Meningkatnya pelayanan,Indeks kepuasan masyarakat,IKU-01,indeks,80,,80,,80\n"
    "camat,2,Meningkatnya pelayanan,Cakupan layanan,IKU-02,%,80,20,40,60,80\n"
    "sekcam,1,Tersedianya dokumen,Jumlah dokumen perencanaan,,dokumen,12,3,3,3,3\n"
    "sekcam,2,Terlaksananya rapat,Jumlah rapat koordinasi,,kali,20,5,5,5,5\n"
    "sekcam,3,Pelayanan cepat,Waktu rata-rata penyelesaian layanan,,hari,5,5,5,5,5\n"
    "sekcam,4,Pelatihan,Jumlah peserta pelatihan,,orang,40,10,20,40,40\n"
    "sekcam,5,Ketertiban,Jumlah gangguan trantibum,,kejadian,8,2,2,2,2\n"
    "sekcam,6,Sosialisasi,Jumlah peserta per kegiatan,,orang/kegiatan,10/1,0,10/1,0,0\n"
)
PK_ANGGARAN = (
    "kode_pejabat,no,uraian,tingkat,kode_anggaran,anggaran,tw1,tw2,tw3,tw4\n"
    "camat,1,Program Penunjang,program,1,1000000,,,,\n"
    "sekcam,1,Administrasi Keuangan,kegiatan,1.1,600000,100000,200000,150000,150000\n"
    "sekcam,2,Administrasi Umum,kegiatan,1.2,400000,0,0,200000,200000\n"
)
REALISASI_PK_TW = (
    "kode_pejabat,no,akumulasi_tw,arah,metode,tw1,tw2,tw3,tw4\n"
    "camat,1,,,,,78,81,\n"
    "camat,2,,,,15,30,45,\n"
    "sekcam,1,jumlah,naik,,3,3,4,\n"
    "sekcam,2,jumlah,naik,,5,4,5,\n"
    "sekcam,3,rerata,turun,,6,5,4,\n"
    "sekcam,4,maks,naik,,12,18,30,\n"
    "sekcam,5,jumlah,turun,selisih,1,2,3,\n"
    "sekcam,6,jumlah,naik,,0,10/1,0,\n"
)
REALISASI_ANGGARAN_TW = (
    "kode_pejabat,no,tw1,tw2,tw3,tw4\n"
    "sekcam,1,90000,250000,420000,\n"
    "sekcam,2,0,50000,150000,\n"
)
PENJELASAN_TW = (
    "kode_pejabat,no,triwulan,penjelasan,tindak_lanjut\n"
    "sekcam,2,3,Satu rapat ditunda karena jadwal Camat,Dijadwalkan ulang pada TW IV\n"
    "camat,2,3,Data layanan desa belum lengkap,\n"
)
AMBANG_TW = (
    "jenis,status,batas_bawah\n"
    "kinerja,sesuai jalur,95\nkinerja,perlu perhatian,70\nkinerja,diperkirakan tidak tercapai,\n"
)
BERKAS_TW = {
    "2023/pk_indikator.csv": PK_INDIKATOR,
    "2023/pk_anggaran.csv": PK_ANGGARAN,
    "2023/realisasi_pk_tw.csv": REALISASI_PK_TW,
    "2023/realisasi_anggaran_tw.csv": REALISASI_ANGGARAN_TW,
    "2023/penjelasan_tw.csv": PENJELASAN_TW,
}


def tulis_mini_tw(root: Path, kecamatan: str = "contoh", ganti: dict | None = None) -> Path:
    """Write the mini kecamatan with the quarterly files; `ganti` as in `tulis_mini`."""
    return tulis_mini(root, kecamatan, BERKAS_TW | (ganti or {}))


def tw_fixture(n: int):
    """A module fixture named ``tw<n>``: the quarterly figures up to TW n of the test module's
    own `data` fixture (``tw2, tw3 = tw_fixture(2), tw_fixture(3)``)."""

    @pytest.fixture(scope="module", name=f"tw{n}")
    def tw(data):
        return hitung_triwulan(data, n)

    return tw


def pk_tw(hasil, pejabat: str, no: int):
    """The quarterly figures (`IndikatorTw`) of the PK indicator row (kode_pejabat, no)."""
    return next(i for i in hasil.indikator if i.kunci == (pejabat, no))


def baris_tabel(html) -> list[list[str]]:
    """Every body row of a table (a `Html` of lkjip.tabel*) as its cells' printed text, the
    hover explanations left out."""
    from bs4 import BeautifulSoup

    sup = BeautifulSoup(html.isi, "html.parser")
    for isi in sup.select("span.lk-jejak-isi"):
        isi.decompose()
    return [[" ".join(td.get_text(" ").split()) for td in tr.find_all("td")]
            for tr in sup.select("tbody tr")]
