"""Synthetic quarterly data: the quarters agree with the stated year, the planted errors are
found where the manifest says, and nothing else is."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip import sintetis
from lkjip.bilangan import baca_angka
from lkjip.laporan import temukan
from lkjip.periksa.dasar import Konteks
from lkjip.periksa.triwulan import PEMERIKSA

JENIS_TW = {"tw_kumulatif_turun": "tw-kumulatif-turun", "tw_lewat": "tw-urutan",
            "tw_melebihi_pagu": "tw-melebihi-pagu", "tw_persen": "tw-persen"}


@pytest.fixture(scope="module")
def demo(sintetis_demo) -> Path:
    """``sintetis.tulis`` with its defaults, written once per session (tests/conftest.py)."""
    return sintetis_demo


def _baris(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        teks = f.read()
    pemisah = ";" if teks.splitlines()[0].count(";") > teks.splitlines()[0].count(",") else ","
    return list(csv.DictReader(teks.splitlines(), delimiter=pemisah))


def _rp(teks) -> Decimal:
    return baca_angka(teks) if str(teks).strip() else Decimal(0)


def test_quarterly_errors_found_where_listed_and_nowhere_else(demo, muat_sintetis):
    m = sintetis.baca_manifest(demo)
    sengaja = {(e.berkas, int(e.baris), JENIS_TW[e.jenis]) for e in m.itertuples()
               if e.jenis in JENIS_TW}
    assert len(sengaja) == 4
    ditemukan = set()
    for k, t in temukan(demo):
        k_ = Konteks(muat_sintetis(k, t), None)  # the quarterly rules need no yearly figures
        ditemukan |= {(x.berkas, x.baris, x.aturan) for cek in PEMERIKSA for x in cek(k_)}
    assert ditemukan == sengaja


def test_quarters_end_at_the_stated_year(demo):
    """TW IV of IKM, cakupan, Nilai AKIP and penyerapan equals the yearly realisasi stated in
    tersaji.csv; the budget realisasi s.d. TW IV of all rincian equals realisasi_anggaran.csv;
    2024 is reported up to TW III only."""
    for k in {k for k, _ in temukan(demo)}:
        for t in sintetis.TAHUN:
            folder = demo / k / str(t)
            tw = {(r["kode_pejabat"], r["no"]): r for r in _baris(folder / "realisasi_pk_tw.csv")}
            pk = _baris(folder / "pk_indikator.csv")
            if t == 2024:
                assert all(r["tw4"] == "" for r in tw.values())
                continue
            tersaji = {r["kunci"]: r["nilai"] for r in _baris(folder / "tersaji.csv")
                       if r["besaran"] == "realisasi"}
            for r in pk:
                if r["kode_indikator"] in ("IKU-01", "IKU-02", "IKU-03", "IKU-04"):
                    nilai = tw[(r["kode_pejabat"], r["no"])]["tw4"]
                    assert baca_angka(nilai) == baca_angka(tersaji[r["kode_indikator"]]), (
                        k, t, r["kode_indikator"])
            if (k, t) == ("moga", 2023):
                continue  # its TW IV budget carries the planted error
            tahunan = sum(_rp(r["realisasi"]) for r in _baris(folder / "realisasi_anggaran.csv"))
            tw4 = sum(_rp(r["tw4"]) for r in _baris(folder / "realisasi_anggaran_tw.csv"))
            assert tw4 == tahunan, (k, t)


def test_penjelasan_only_for_rows_of_the_pk(demo, muat_sintetis):
    for k, t in temukan(demo)[::9]:
        data = muat_sintetis(k, t)
        kunci = set(zip(data.pk_indikator["kode_pejabat"], data.pk_indikator["no"], strict=True))
        assert set(zip(data.penjelasan_tw["kode_pejabat"], data.penjelasan_tw["no"],
                       strict=True)) <= kunci
