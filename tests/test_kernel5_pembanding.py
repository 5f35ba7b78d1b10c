"""Another kecamatan's realisasi keeps the provenance a report shows of it (lkjip.pembanding
.ringkas): its direct inputs, not theirs.

Mini kecamatan (tests/mini.py), by hand: IKU-01 is the IKM, 4 respondents; "contoh" answers 3
to 8 unsur and 4 to perilaku: (8 × 3 + 4) / 9 × 25 = 77,78; "alfa" answers 4 everywhere:
9 × 4 / 9 × 25 = 100,00 (each unsur 16 / 4 = 4,000); "beta" 2 everywhere: 50,00. Kabupaten
mean (77,7778 + 100 + 50) / 3 = 75,93. IKU-02 (cakupan) = (pengaduan 1/2 = 50,00 + desa 3/4 =
75,00) / 2 = 62,50 in each.
"""

from __future__ import annotations

import pickle
import re
from decimal import Decimal

import pytest

from lkjip import pembanding as pb
from lkjip.angka import Angka, Sumber
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.tampil_jejak import isi_tooltip
from tests.mini import UNSUR, tulis_mini

D = Decimal


def _semua(nilai: int) -> str:
    """An IKM survey of 4 respondents giving `nilai` to every unsur."""
    jawaban = ",".join([str(nilai)] * 9)
    return (f"no,periode,tanggal,layanan,{UNSUR}\n"
            + "".join(f"{n},S{1 + n // 3},,KTP,{jawaban}\n" for n in (1, 2, 3, 4)))


@pytest.fixture(params=["tembolok", "tanpa"])
def akar(request, tmp_path, monkeypatch):
    """Three mini kecamatan; with the cache on disk and without it (the summary is the same)."""
    monkeypatch.setenv("LKJIP_TEMBOLOK",
                       str(tmp_path / "tembolok") if request.param == "tembolok" else "0")
    akar = tmp_path / "data"
    tulis_mini(akar)
    tulis_mini(akar, "alfa", {"2023/ikm_responden.csv": _semua(4)})
    tulis_mini(akar, "beta", {"2023/ikm_responden.csv": _semua(2)})
    return akar


def _sumber(a) -> int:
    """How many `Sumber` a figure's tree reaches."""
    n, tumpuk = 0, [a]
    while tumpuk:
        x = tumpuk.pop()
        if isinstance(x, Angka):
            tumpuk.extend(x.masukan)
        elif isinstance(x, Sumber):
            n += 1
    return n


def _teks(html: str) -> list[str]:
    return [t for t in re.split(r"<[^>]+>", html) if t]


def test_peer_realisasi_keeps_its_inputs_values_not_the_answers(akar):
    data = muat("contoh", 2023, akar)
    alfa = {h.data.kecamatan: h for h in pb.muat_pembanding(data, folders=[]).hasil}["alfa"]
    ikm = alfa.indikator["IKU-01"].realisasi
    utuh = hitung(muat("alfa", 2023, akar)).indikator["IKU-01"].realisasi
    assert _sumber(utuh) >= 36  # 4 respondents × 9 unsur, at least
    assert _sumber(ikm) == 0
    assert [m.label for m in ikm.masukan] == UNSUR.split(",")
    assert all(m.nilai == 4 and m.desimal == 3 and m.masukan == () for m in ikm.masukan)
    assert ikm.uraian() == "100,00 = (" + " + ".join(["4,000"] * 9) + ") / 9 × 25"
    assert (ikm.nilai, ikm.rumus, ikm.label, ikm.desimal) == \
        (utuh.nilai, utuh.rumus, utuh.label, utuh.desimal)
    cakupan = alfa.indikator["IKU-02"].realisasi
    assert cakupan.uraian() == "62,50 = (50,00 + 75,00) / 2"


def test_kabupaten_mean_shows_the_same_provenance(akar):
    """The mean's tooltip (Bab III's sentence and table) is what it was with the peers' whole
    trees: each peer's realisasi with its worked line from its direct inputs."""
    data = muat("contoh", 2023, akar)
    hasil = hitung(data)
    p = pb.banding(hasil, "IKU-01", pb.muat_pembanding(data, folders=[]))
    utuh = pb.Pembanding(tuple(
        pb.HasilLain(pb.DataLain(h.data.kecamatan, h.data.tahun, dict(h.data.profil),
                                 h.data.sintetis),
                     {k: pb.IndikatorLain(i.indikator, i.realisasi)
                      for k, i in h.indikator.items()})
        for h in (hitung(muat(n, 2023, akar)) for n in ("alfa", "beta"))))
    q = pb.banding(hasil, "IKU-01", utuh)
    assert (p.peringkat, p.n, p.rerata.bulat) == (q.peringkat, q.n, q.rerata.bulat) == \
        (2, 3, D("75.93"))
    assert p.daftar == q.daftar
    assert isi_tooltip(p.rerata) == isi_tooltip(q.rerata)
    baris = _teks(isi_tooltip(p.rerata))
    assert "Hitungan: 75,93 = (77,78 + 100,00 + 50,00) / 3" in baris
    assert "realisasi IKU-01 (IKM tahun 2023): 50,00 (50,00 = (" + \
        " + ".join(["2,000"] * 9) + ") / 9 × 25)" in baris


def test_peer_summary_in_the_cache_is_small(tmp_path, monkeypatch):
    """No survey answer is pickled with the summary (an IKM realisasi reached every one)."""
    akar = tmp_path / "data"
    tulis_mini(akar, "alfa", {"2023/ikm_responden.csv": _semua(4)})
    monkeypatch.setenv("LKJIP_TEMBOLOK", "0")
    hasil = hitung(muat("alfa", 2023, akar))
    isi = pickle.dumps(pb.HasilLain.dari(hasil))
    assert b"ikm_responden.csv" not in isi
    assert b"ikm_responden.csv" in pickle.dumps(hasil.indikator["IKU-01"].realisasi)


def test_ringkas_keeps_typed_inputs_and_a_typed_figure_one_level():
    jawaban = (Sumber("k/2023/a.csv", 2, "x", 3), Sumber("k/2023/a.csv", 3, "x", 5))
    jumlah = Angka(D(8), "Jumlah x", jawaban, label="jumlah", pola="{0} + {1}", desimal=0)
    tulis = Sumber("k/2023/b.csv", 4, "nilai", Angka(D(8), "Jumlah x", (jumlah,),
                                                    pola="{0}", desimal=0))
    akar = Angka(D(16), "Jumlah + nilai", (jumlah, tulis, Sumber("k/2023/c.csv", 2, "y", 1)),
                 label="realisasi", pola="{0} + {1} + {2}", desimal=0)
    r = pb.ringkas(akar)
    assert r.uraian() == akar.uraian() == "16 = 8 + 8 + 1"
    satu, dua, tiga = r.masukan
    assert (satu.nilai, satu.label, satu.pola, satu.masukan) == (D(8), "jumlah", "{0} + {1}", ())
    assert tiga is akar.masukan[2]
    assert (dua.file, dua.baris, dua.kolom) == ("k/2023/b.csv", 4, "nilai")
    assert dua.nilai.uraian() == "8 = 8" and dua.nilai.masukan[0].masukan == ()
    assert pb.ringkas(satu) == satu  # an input without inputs is kept as it is
