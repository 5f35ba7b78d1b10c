"""Property-based tests: the loader never crashes on bad input; formulas keep their rules.

Loader property, for every file kind of `lkjip.skema.BERKAS`: starting from the valid mini
kecamatan, damage that one file (`tests.fuzz_csv.isi_rusak`); then `muat()` either loads, and
`hitung()` computes without an exception, or it raises `LkjipError` whose every `Masalah`
names a file of the kecamatan (and a row and column where it is about a value). Never any
other exception.

Each file kind first shows, without chance, that the property can tell the two outcomes apart:
its valid text loads and the same text with an unknown column is refused.

Size: `make test` runs 40 examples per file kind; `pytest --fuzz=besar` (`make fuzz`) runs
10 000 per file kind, `--fuzz=<n>` runs n (`tests.ukuran`). To keep an example cheap, only the
damaged file is read and validated for real; the other files of the tree, unchanged, come from
a cache of `lkjip.muat._muat_berkas` results (same function, same bytes, copied frames), and
the empty typed frames `lkjip.muat.frame_kosong` gives for an absent file come from a cache by
file kind (they depend on the schema alone; ~4 ms each, ~5 per example: a third of a cached
`muat`). Cross-file checks and `hitung` always run for real.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from lkjip.angka import bulatkan
from lkjip.bilangan import baca_angka
from lkjip.capaian import capaian, capaian_angka, rasio
from lkjip.format import format_angka, format_persen
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.skema import BERKAS
from lkjip.triwulan import hitung_triwulan
from tests import ukuran
from tests.fuzz_csv import isi_rusak
from tests.mini import BERKAS_MINI, UNSUR, tulis_mini
from tests.mini_tw import AMBANG_TW, BERKAS_TW

BESAR = ukuran.besar()
CONTOH = ukuran.contoh(40, 10_000)
_UMUM = dict(deadline=None, database=None, print_blob=True,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                    HealthCheck.filter_too_much, HealthCheck.large_base_example])
settings.register_profile("lkjip-fuzz", max_examples=CONTOH, **_UMUM)
FUZZ = settings.get_profile("lkjip-fuzz")
RUMUS = settings(FUZZ, max_examples=2_000 if BESAR else 200)

M = sys.modules["lkjip.muat"]  # the module (lkjip.muat is also the name of the function)
KECAMATAN, TAHUN = "contoh", 2023
NRR_MINI = "periode,unsur,nrr,responden\n" + "".join(
    f"{p},{u},{'4' if u == 'perilaku' else '3'},2\n"
    for p in ("S1", "S2") for u in UNSUR.split(","))
STATISTIK: dict[str, dict] = {}


def _berkas_dasar(nama: str) -> dict:
    """The mini tree in which `nama` exists and is valid (the IKM variants need their file)."""
    ganti = {}
    if nama == "ikm_nrr.csv":
        ganti = {"2023/ikm_responden.csv": None, "2023/ikm_nrr.csv": NRR_MINI}
    elif nama == "ikm_responden_sintetis.csv":
        ganti = {"2023/ikm_responden.csv": None,
                 "2023/ikm_responden_sintetis.csv": BERKAS_MINI["2023/ikm_responden.csv"]}
    elif f"2023/{nama}" in BERKAS_TW or nama == "ambang_tw.csv":  # the quarterly files
        ganti = BERKAS_TW | {"2023/ambang_tw.csv": AMBANG_TW}
    return ganti


def _relatif(nama: str) -> str:
    return nama if nama.startswith("renstra/") else f"{TAHUN}/{nama}"


TEMPAT_SAH = {f"{KECAMATAN}/{_relatif(n)}" for n in BERKAS} | {f"{KECAMATAN}/{TAHUN}"}


# --- the cache of unchanged files ------------------------------------------------------------

_TERSIMPAN: dict = {}
_DIFUZZ: dict = {"nama": None}
_ASLI = M._muat_berkas
_KOSONG: dict = {}
_KOSONG_ASLI = M.frame_kosong


def _muat_berkas_tersimpan(dir_kec, tahun, nama, masalah):
    if nama == _DIFUZZ["nama"]:
        return _ASLI(dir_kec, tahun, nama, masalah)
    jalur = M._jalur(dir_kec, tahun, nama)
    kunci = (str(jalur), jalur.read_bytes() if jalur.is_file() else None)
    if kunci not in _TERSIMPAN:
        m: list = []
        _TERSIMPAN[kunci] = (_ASLI(dir_kec, tahun, nama, m), m)
    df, m = _TERSIMPAN[kunci]
    masalah += m
    return None if df is None else df.copy()


def _frame_kosong_tersimpan(berkas):
    """`lkjip.muat.frame_kosong` once per file kind (it reads only the kind's schema), copied."""
    if berkas not in _KOSONG:  # a frozen dataclass: keyed by its value
        _KOSONG[berkas] = _KOSONG_ASLI(berkas)
    return _KOSONG[berkas].copy()


@pytest.fixture(scope="module")
def pohon(tmp_path_factory):
    """A function: file kind → (data dir, path of that file, its valid text), written once."""
    dibuat = {}

    def buat(nama):
        if nama not in dibuat:
            akar = tmp_path_factory.mktemp(nama.replace("/", "_"))
            ganti = _berkas_dasar(nama)
            tulis_mini(akar, ganti=ganti)
            relatif = _relatif(nama)
            asli = ganti.get(relatif) or BERKAS_MINI[relatif]
            dibuat[nama] = (akar, akar / KECAMATAN / relatif, asli)
            muat(KECAMATAN, TAHUN, akar)  # the starting point is valid
        return dibuat[nama]
    return buat


def _tulis(jalur: Path, isi: bytes | None) -> None:
    if isi is None:
        jalur.unlink(missing_ok=True)
    else:
        jalur.write_bytes(isi)


def periksa_muat(data_dir) -> str:
    """The property: loads and computes, or one LkjipError naming every place."""
    try:
        data = muat(KECAMATAN, TAHUN, data_dir)
    except LkjipError as e:
        assert e.masalah and str(e)
        for m in e.masalah:
            assert m.berkas in TEMPAT_SAH, m
            assert m.baris is None or (type(m.baris) is int and m.baris >= 1), m
            assert m.kolom is None or (isinstance(m.kolom, str) and m.kolom), m
            assert m.pesan or m.harapan, m
            if m.nilai is not None or m.harapan is not None:  # about one value: where is it
                assert m.baris is not None and m.kolom is not None, m
            assert str(m).startswith(m.berkas)
        return "ditolak"
    hitung(data)
    hitung_triwulan(data, 4)  # the quarterly figures compute on whatever loads
    return "dimuat"


def _kolom_asing(teks: str) -> bytes:
    """The file with one more column no schema knows (every schema is strict)."""
    baris = teks.splitlines()
    return "\n".join([baris[0] + ",kolom_asing"] + [b + ",x" for b in baris[1:]]).encode()


@pytest.mark.parametrize("nama", sorted(BERKAS))
def test_muat_tidak_pernah_crash(nama, pohon, monkeypatch):
    data_dir, jalur, asli = pohon(nama)
    monkeypatch.setattr(M, "_muat_berkas", _muat_berkas_tersimpan)
    monkeypatch.setattr(M, "frame_kosong", _frame_kosong_tersimpan)
    monkeypatch.setitem(_DIFUZZ, "nama", nama)
    try:  # both outcomes of the property, by construction rather than by chance
        _tulis(jalur, _kolom_asing(asli))
        assert periksa_muat(data_dir) == "ditolak"
        _tulis(jalur, asli.encode("utf-8"))
        assert periksa_muat(data_dir) == "dimuat"
    finally:
        _tulis(jalur, asli.encode("utf-8"))
    hitungan: Counter = Counter()

    @FUZZ
    @given(isi=isi_rusak(asli))
    @example(isi=asli.encode("utf-8"))
    def cek(isi):
        _tulis(jalur, isi)
        hitungan[periksa_muat(data_dir)] += 1

    awal = time.perf_counter()
    try:
        cek()
    finally:
        _tulis(jalur, asli.encode("utf-8"))
    detik = time.perf_counter() - awal
    n = sum(hitungan.values())
    STATISTIK[nama] = {**hitungan, "contoh": n, "detik": round(detik, 1)}
    print(f"\nfuzz {nama}: {n} contoh ({hitungan['dimuat']} dimuat, {hitungan['ditolak']} "
          f"ditolak) dalam {detik:.1f} s = {n / detik:.0f} contoh/s")
    assert n >= 1


def test_tanpa_cache_sama_dengan_muat_asli(tmp_path, monkeypatch):
    """The caches used above give what the real loader gives: one damaged file, two ways; and
    a valid tree (absent optional files: empty typed frames), the same tables, column types."""
    ganti = {"2023/desa.csv": "no,nama_desa,tata_kelola_baik\n1,Alfa,ya\n1,Beta,mungkin\n"}
    tulis_mini(tmp_path / "rusak", ganti=ganti)
    sah = tulis_mini(tmp_path / "sah")
    with pytest.raises(LkjipError) as asli:
        muat(KECAMATAN, TAHUN, tmp_path / "rusak")
    data_asli = muat(KECAMATAN, TAHUN, sah)
    monkeypatch.setattr(M, "_muat_berkas", _muat_berkas_tersimpan)
    monkeypatch.setattr(M, "frame_kosong", _frame_kosong_tersimpan)
    with pytest.raises(LkjipError) as tersimpan:
        muat(KECAMATAN, TAHUN, tmp_path / "rusak")
    assert asli.value.masalah == tersimpan.value.masalah
    for _ in range(2):  # filling the caches, then from them
        data = muat(KECAMATAN, TAHUN, sah)
        assert data.tabel.keys() == data_asli.tabel.keys() and data.profil == data_asli.profil
        kosong = [n for n, df in data_asli.tabel.items() if df.empty]
        assert kosong  # the mini tree leaves optional files out
        for n, df in data_asli.tabel.items():
            pd.testing.assert_frame_equal(data.tabel[n], df, check_exact=True)


# --- formulas under hypothesis -----------------------------------------------------------------

SERATUS = Decimal(100)
DUA_DESIMAL = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2)
REALISASI = st.decimals(min_value=-10**6, max_value=10**6, places=3)
TARGET = st.decimals(min_value=Decimal("0.001"), max_value=10**6, places=3)
ARAH_METODE = st.sampled_from([("naik", "rasio"), ("turun", "selisih"), ("turun", "kebalikan")])


def _setengah_ke_atas(x: Fraction) -> Decimal:
    """The exact fraction rounded half-up (away from zero) to 2 decimals, by integer maths."""
    ratus = abs(x) * 100
    bulat = int(ratus) + (ratus - int(ratus) >= Fraction(1, 2))
    return Decimal(bulat if x >= 0 else -bulat) / SERATUS


@RUMUS
@given(r1=REALISASI, r2=REALISASI, t=TARGET, arah_metode=ARAH_METODE)
def test_capaian_monoton_dalam_realisasi(r1, r2, t, arah_metode):
    """naik: never lower when the realisasi is higher; turun: never higher (target > 0)."""
    arah, metode = arah_metode
    r1, r2 = sorted((r1, r2))
    if metode == "kebalikan":
        assume(r1 > 0)
    a1, a2 = (capaian_angka(r, t, arah, metode).nilai for r in (r1, r2))
    c1, c2 = (capaian(r, t, arah, metode) for r in (r1, r2))
    if arah == "naik":
        assert a1 <= a2 and c1 <= c2
    else:
        assert a1 >= a2 and c1 >= c2


@RUMUS
@given(r1=REALISASI, r2=REALISASI, arah=st.sampled_from(["naik", "turun"]))
def test_target_nol_monoton_dan_sesuai_aturan(r1, r2, arah):
    r1, r2 = sorted((r1, r2))
    c1, c2 = capaian(r1, 0, arah), capaian(r2, 0, arah)
    assert {c1, c2} <= {0.0, 100.0}
    assert (c1 <= c2) if arah == "naik" else (c1 >= c2)
    assert c1 == (100.0 if (r1 >= 0 if arah == "naik" else r1 <= 0) else 0.0)


@RUMUS
@given(p=st.integers(0, 10**6), q=st.integers(0, 10**6))
def test_rasio_nol_per_nol_seratus_dan_x_per_nol_ditolak(p, q):
    if q == 0 and p != 0:
        with pytest.raises(ValueError):
            rasio(p, q)
    elif q == 0:
        assert rasio(p, q) == 100.0
    else:
        assert rasio(p, q) == float(_setengah_ke_atas(Fraction(p * 100, q)))


@RUMUS
@given(n=st.integers(-10**9, 10**9))
@example(n=267)  # 2,675 → 2,68
@example(n=8277)  # 82,775 → 82,78
@example(n=12)  # 0,125 → 0,13
@example(n=-1)  # -0,015 → -0,02
def test_bulatkan_setengah_ke_atas_di_setiap_xx5(n):
    """x.xx5 rounds away from zero: 2.675 → 2.68, -0.005 → -0.01, also from a float."""
    d = Decimal(10 * n + 5 if n >= 0 else 10 * n - 5) / 1000
    jauh = d + (Decimal("0.005") if d > 0 else Decimal("-0.005"))
    assert bulatkan(d) == jauh
    assert abs(bulatkan(d)) > abs(d)
    if len(d.as_tuple().digits) <= 15:  # a float holds it; its shortest repr is the same text
        assert bulatkan(float(d)) == jauh
    assert format_angka(d) == format_angka(jauh)


@RUMUS
@given(r=DUA_DESIMAL, t=DUA_DESIMAL, arah_metode=ARAH_METODE, lewat_float=st.booleans())
@example(r=Decimal("83.20"), t=Decimal("94.69"), arah_metode=("naik", "rasio"), lewat_float=True)
def test_tanpa_artefak_float_di_laporan(r, t, arah_metode, lewat_float):
    """Two-decimal inputs (as the loader gives them, float or not) print as the exact
    quotient rounded half-up to 2 decimals: 87,87, never 87,86999."""
    arah, metode = arah_metode
    rumus = {"rasio": Fraction(r) / Fraction(t), "selisih": (2 * Fraction(t) - Fraction(r))
             / Fraction(t), "kebalikan": Fraction(t) / Fraction(r)}[metode] * 100
    harapan = format_angka(_setengah_ke_atas(rumus))
    masuk = (float(r), float(t)) if lewat_float else (r, t)
    angka = capaian_angka(*masuk, arah, metode)
    dibulatkan = capaian(*masuk, arah, metode)
    for teks in (format_angka(angka), format_angka(angka.nilai), format_angka(dibulatkan)):
        assert teks == harapan
        assert len(teks.partition(",")[2]) == 2
    assert format_persen(angka) == harapan + "\xa0%"  # the sign bound by a no-break space


@RUMUS
@given(d=st.decimals(min_value=-10**12, max_value=10**12, places=4), k=st.integers(0, 3))
def test_format_lalu_baca_kembali(d, k):
    """What the report prints reads back (baca_angka) as the rounded value."""
    assert baca_angka(format_angka(d, k)) == bulatkan(d, k)


# --- the crashes the fuzz found, kept as plain regression cases ---------------------------------
# Each states its outcome: refused, with the places (file, row, column) the message must name,
# from the loader's rules (lkjip.skema: at most 15 digits before and 6 after the decimal point,
# Rupiah whole and not negative; lkjip.referensi: a composite tree that can be computed, a
# metode that fits its arah, nine unsur per IKM periode); or loaded, with a figure by hand.

_KOMPOSIT = BERKAS_MINI["2023/komposit.csv"].splitlines(keepends=True)[0]
_INDIKATOR = ("kode_indikator,kode_sasaran,indikator,satuan,arah,metode,akumulasi_tw,"
              "sumber_realisasi,target_akhir\nIKU-02,S1,Cakupan layanan,%,naik,rasio,terakhir,"
              "komposit,90\n")
KOMPOSIT, TARGET = "contoh/2023/komposit.csv", "contoh/renstra/target.csv"


def _kebalikan_nol(h) -> None:
    # T / R with R = 0 has no value: IKU-01 is not measured (rule KEBALIKAN_NOL); S1 keeps
    # IKU-02 alone: 62,5 / 80 × 100 = 78,125 → 78,13
    assert h.indikator["IKU-01"].capaian.nilai is None
    assert h.sasaran["S1"].capaian.bulat == Decimal("78.13")


def _pagu_minus_nol(h) -> None:
    # "-0" is the Rupiah 0: program 1 = 0 + 400.000
    assert h.anggaran.set_index("kode").loc["1", "pagu_perubahan"] == 400_000


TEMUAN = {
    # CL → 1e400 → CL: both rows name their kode_induk; 1e400 (rasio) has a sub-node
    "siklus komposit": ({"2023/komposit.csv": _KOMPOSIT + "CL,1e400,IKU-02,C,rerata,,,,,1\n"
                         "1e400,CL,,P,rasio,,,,pengaduan,1\nCL.2,CL,,D,rasio,,,,desa,2\n"},
                        {(KOMPOSIT, 2, "kode_induk"), (KOMPOSIT, 3, "kode_induk"),
                         (KOMPOSIT, 3, "jenis")}),
    "rasio bersub-node": ({"2023/komposit.csv": _KOMPOSIT + "CL,1e400,IKU-02,C,rerata,,,,,1\n"
                           "1e400,,,P,rasio,,,,pengaduan,1\nCL.2,CL,,D,rasio,,,,desa,2\n"},
                          {(KOMPOSIT, 3, "jenis")}),
    "rasio negatif dan x/0": ({"2023/komposit.csv": _KOMPOSIT + "CL,,IKU-02,C,rerata,,,,,1\n"
                               "CL.1,CL,,P,rasio,-1,5,,,1\nCL.2,CL,,D,rasio,3,0,,,2\n"},
                              {(KOMPOSIT, 3, "pembilang"), (KOMPOSIT, 4, "penyebut")}),
    "nrr tanpa persyaratan": ({"2023/ikm_responden.csv": None, "2023/ikm_nrr.csv":
                               NRR_MINI.replace("S1,persyaratan,3,2\n", "")},
                              {("contoh/2023/ikm_nrr.csv", None, None)}),
    "rupiah 25 angka": ({"2023/realisasi_anggaran.csv":
                         "tingkat,kode,realisasi\nsasaran,S1," + "9" * 25 + "\n"},
                        {("contoh/2023/realisasi_anggaran.csv", 2, "realisasi")}),
    "target 400 angka": ({"renstra/target.csv":
                          "kode_indikator,tahun,target\nIKU-01,2023," + "9" * 400 + "\n"},
                         {(TARGET, 2, "target")}),
    "target 1e-31": ({"renstra/target.csv":
                      "kode_indikator,tahun,target\nIKU-01,2023,0." + "0" * 30 + "1\n"},
                     {(TARGET, 2, "target")}),
    "turun dengan rasio": ({"renstra/indikator.csv": _INDIKATOR +
                            "IKU-01,S1,Indeks,indeks,turun,rasio,terakhir,ikm,85\n"},
                           {("contoh/renstra/indikator.csv", 3, "metode")}),
    "kebalikan realisasi 0": ({
        "renstra/indikator.csv": _INDIKATOR + "IKU-01,S1,I,indeks,turun,kebalikan,terakhir,"
                                              "langsung,85\n",
        "renstra/realisasi.csv": "kode_indikator,tahun,periode,realisasi\nIKU-01,2023,tahun,0\n"},
        _kebalikan_nol),
    # the Camat's superior is a kode that does not exist, the Sekcam's is the Camat: the walk
    # up from the Sekcam met the missing kode (found by the fuzz, pohon.py)
    "atasan tidak ada di atas rantai": ({"2023/pejabat.csv": BERKAS_MINI["2023/pejabat.csv"]
                                         .replace("camat,Budi,,Camat Contoh,,",
                                                  'camat,Budi,,Camat Contoh,"82,94",')},
                                        {("contoh/2023/pejabat.csv", 2, "kode_atasan")}),
    "pagu -0": ({"2023/anggaran.csv": BERKAS_MINI["2023/anggaran.csv"].replace(
        "900.000;600.000", "900.000;-0")}, _pagu_minus_nol),
}


@pytest.mark.parametrize(("ganti", "harapan"), TEMUAN.values(), ids=TEMUAN.keys())
def test_masukan_yang_dulu_membuat_crash(tmp_path, ganti, harapan):
    data_dir = tulis_mini(tmp_path, ganti=ganti)
    if callable(harapan):
        assert periksa_muat(data_dir) == "dimuat"
        harapan(hitung(muat(KECAMATAN, TAHUN, data_dir)))
        return
    with pytest.raises(LkjipError) as e:
        muat(KECAMATAN, TAHUN, data_dir)
    tempat = {(m.berkas, m.baris, m.kolom) for m in e.value.masalah}
    assert harapan <= tempat, str(e.value)
    assert periksa_muat(data_dir) == "ditolak"
