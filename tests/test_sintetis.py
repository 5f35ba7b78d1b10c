"""Synthetic data: deterministic, loads in every kecamatan-year, deliberate errors as listed, and
every figure equal to an independent reference computed in this file (and by hand for three
kecamatan-years)."""

import csv
import hashlib
import io
import itertools
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from lkjip import katalog, sintetis
from lkjip.cli import main
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.laporan import temukan
from lkjip.muat import muat
from lkjip.periksa import periksa

D = Decimal


@pytest.fixture(scope="module")
def demo(sintetis_demo) -> Path:
    """``sintetis.tulis`` with its defaults, written once per session (tests/conftest.py)."""
    return sintetis_demo


def _sidik(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _sel(path: Path, baris: int, kolom: str) -> str:
    """The cell of a CSV as typed (header = row 1)."""
    teks = path.read_text(encoding="utf-8")
    pemisah = ";" if teks.splitlines()[0].count(";") > 1 else ","
    rows = list(csv.reader(io.StringIO(teks), delimiter=pemisah))
    return rows[baris - 1][rows[0].index(kolom)]


def test_tiga_belas_kecamatan_empat_tahun_semuanya_sintetis(demo):
    ada = temukan(demo)
    assert {k for k, _ in ada} == {sintetis.slug(n) for n in sintetis.KECAMATAN}
    assert "bantarbolang" not in {k for k, _ in ada}
    assert {t for _, t in ada} == set(sintetis.TAHUN) and len(ada) == 13 * 4
    for k, t in ada:
        assert _sel(demo / k / str(t) / "profil.csv", 2, "sintetis") == "ya"


def test_benih_sama_berkas_identik_benih_lain_berbeda(demo, tmp_path):
    sintetis.tulis(tmp_path / "lagi")
    assert _sidik(tmp_path / "lagi") == _sidik(demo)
    # another seed: already the first kecamatan differs (kecamatan i does not depend on how
    # many are written, test below), so one kecamatan of each seed is enough to tell
    sintetis.tulis(tmp_path / "satu", jumlah=1)
    sintetis.tulis(tmp_path / "lain", jumlah=1, seed=1)
    assert _sidik(tmp_path / "lain") != _sidik(tmp_path / "satu")


def test_kecamatan_ke_i_tidak_bergantung_pada_jumlah(tmp_path):
    sintetis.tulis(tmp_path / "dua", jumlah=2)
    sintetis.tulis(tmp_path / "tiga", jumlah=3)
    assert sorted(p.name for p in (tmp_path / "tiga").iterdir() if p.is_dir()) == [
        "sintetis-0001", "sintetis-0002", "sintetis-0003"]
    assert _sidik(tmp_path / "dua" / "sintetis-0002") == _sidik(tmp_path / "tiga" / "sintetis-0002")


# ---------------------------------------------------------------- an independent reference
# What the synthetic inputs must give, computed here from the rules themselves, reading the CSV
# files with the csv module (not lkjip's loader) and in exact fractions, rounded half-up to two
# decimals once, at the end. The generator (lkjip/sintetis.py) states its figures with lkjip's
# own functions, so comparing them with lkjip alone would be circular.
# - capaian (Permenpan RB 53/2014): higher is better R / T × 100; lower is better
#   (2T − R) / T × 100 (selisih) or T / R × 100 (kebalikan); the same against the Renstra end
#   target gives the progress; a year from TW rows by the indicator's akumulasi_tw
# - capaian sasaran = mean of its indicators' capaian; capaian kinerja = mean of the sasaran
# - komposit.csv: rerata = mean of the children; rasio = pembilang / penyebut × 100 (a list:
#   entries marked ya / entries), 0/0 = 100; nilai = as typed
# - IKM (Permenpan RB 14/2017): NRR per unsur = Σ answers / respondents, IKM = Σ NRR / 9 × 25;
#   for the year, the mean of the semesters (rerata_semester, the seed's method) or one IKM of
#   all respondents (gabungan); mutu on the value rounded to 2 dp: ≥ 88,31 Sangat Baik,
#   ≥ 76,61 Baik, ≥ 65,00 Kurang Baik, else Tidak Baik
# - pagu = Σ of the leaves of the DPA tree; penyerapan = realisasi / pagu × 100 (the seed's
#   Tabel 3.6)
# - categories on the seed's Tabel 3.1 or Permendagri 86/2017, on the figure rounded to 2 dp

SKALA = {
    "bantarbolang-2023": ((Fraction("93.51"), "Sangat Tinggi"), (Fraction("88.76"), "Tinggi"),
                          (Fraction("81.26"), "Sedang"), (Fraction("75.51"), "Rendah")),
    "permendagri-86-2017": ((Fraction(91), "Sangat Tinggi"), (Fraction(76), "Tinggi"),
                            (Fraction(66), "Sedang"), (Fraction(51), "Rendah")),
}
MUTU = ((Fraction("88.31"), "Sangat Baik"), (Fraction("76.61"), "Baik"),
        (Fraction("65.00"), "Kurang Baik"))
UNSUR_PERMENPAN = {  # Permenpan RB 14/2017's nine unsur: column title → key
    "Persyaratan": "persyaratan", "Sistem, Mekanisme, dan Prosedur": "prosedur",
    "Waktu Penyelesaian": "waktu", "Biaya/Tarif": "biaya",
    "Produk Spesifikasi Jenis Pelayanan": "produk", "Kompetensi Pelaksana": "kompetensi",
    "Perilaku Pelaksana": "perilaku", "Penanganan Pengaduan, Saran dan Masukan": "pengaduan",
    "Sarana dan Prasarana": "sarana"}
JABATAN = ("Camat", "Sekretaris Kecamatan", "Kepala Seksi", "Kepala Sub Bagian", "Pelaksana",
           "Tenaga Honorer")  # the rows of the seed's Tabel 1.1
DAFTAR_YA = {"desa": "tata_kelola_baik", "pengaduan": "selesai",
             "data_publik": "dipublikasikan", "layanan_pelimpahan": "tersedia"}


def _baca(jalur: Path) -> list[dict[str, str]]:
    teks = jalur.read_text(encoding="utf-8")
    pemisah = ";" if ";" in teks.splitlines()[0] else ","
    return list(csv.DictReader(io.StringIO(teks), delimiter=pemisah))


def _rp(teks: str) -> int:
    """Rupiah as typed, plain or with thousands dots; empty is 0."""
    return int(teks.replace(".", "")) if teks else 0


def _dua(x: Fraction) -> Decimal:
    """Half-up (away from zero) to 2 decimals, in integers."""
    n = math.floor(abs(x) * 100 + Fraction(1, 2))
    return Decimal(n if x >= 0 else -n) / 100


def _pita(x: Fraction, pita, bawah: str) -> str:
    d = Fraction(_dua(x))
    return next((nama for batas, nama in pita if d >= batas), bawah)


def _rerata(nilai: list[Fraction]) -> Fraction:
    return sum(nilai, Fraction(0)) / len(nilai)


def _nrr(rows: list[dict], u: str) -> Fraction:
    return Fraction(sum(int(r[u]) for r in rows), len(rows))


def _rujukan_ikm(d: Path, metode: str) -> dict:
    rows = _baca(d / "ikm_responden_sintetis.csv")
    unsur = [k for k in rows[0] if k not in ("no", "periode", "tanggal", "layanan")]
    assert len(unsur) == 9
    semester = {p: [r for r in rows if r["periode"] == p] for p in ("S1", "S2")}
    if metode == "gabungan":
        nrr = {u: _nrr(rows, u) for u in unsur}
    else:
        nrr = {u: _rerata([_nrr(g, u) for g in semester.values()]) for u in unsur}
    tahun = sum(nrr.values()) / 9 * 25  # the mean of the semesters' IKM, or the pooled IKM
    hasil = {("ikm_tahun", ""): tahun, ("responden_ikm", ""): len(rows),
             ("mutu_ikm", ""): _pita(tahun, MUTU, "Tidak Baik")}
    hasil |= {("ikm_semester", p): sum(_nrr(g, u) for u in unsur) / 9 * 25
              for p, g in semester.items()}
    return hasil | {("nilai_unsur", UNSUR_PERMENPAN.get(u, u)): v * 25 for u, v in nrr.items()}


def _daftar(d: Path) -> dict[str, tuple[int, int]]:
    hasil = {}
    for nama, kolom in DAFTAR_YA.items():
        rows = _baca(d / f"{nama}.csv")
        hasil[nama] = (sum(r[kolom] == "ya" for r in rows), len(rows))
    return hasil


def _komposit(d: Path, daftar: dict) -> dict[str, Fraction]:
    node = {r["kode_node"]: r for r in _baca(d / "komposit.csv")}

    def nilai(kode: str) -> Fraction:
        r = node[kode]
        if r["jenis"] == "rerata":
            return _rerata([nilai(k) for k, a in node.items() if a["kode_induk"] == kode])
        if r["jenis"] == "nilai":
            return Fraction(r["nilai"])
        p, q = daftar[r["daftar"]] if r["daftar"] else (Fraction(r["pembilang"]),
                                                        Fraction(r["penyebut"]))
        return Fraction(100) if p == q == 0 else Fraction(p) / q * 100

    return {kode: nilai(kode) for kode in node}


def _tahunan(rows: list[dict], kode: str, tahun: int, akumulasi: str) -> Fraction:
    milik = [r for r in rows if r["kode_indikator"] == kode and int(r["tahun"]) == tahun
             and r["realisasi"] != ""]
    setahun = [Fraction(r["realisasi"]) for r in milik if r["periode"] == "tahun"]
    if setahun:
        return setahun[0]
    tw = [Fraction(r["realisasi"]) for r in sorted(milik, key=lambda r: r["periode"])]
    return {"jumlah": sum(tw), "terakhir": tw[-1], "maks": max(tw),
            "rerata": _rerata(tw)}[akumulasi]


def _capaian(r: Fraction, t: Fraction, arah: str, metode: str) -> Fraction:
    assert t != 0
    if arah == "naik":
        return r / t * 100
    return (2 * t - r) / t * 100 if metode == "selisih" else t / r * 100


def _rujukan_kinerja(kec: Path, tahun: int, realisasi_dari: dict, skala: str) -> dict:
    target = {r["kode_indikator"]: Fraction(r["target"])
              for r in _baca(kec / "renstra" / "target.csv") if int(r["tahun"]) == tahun}
    ditulis = _baca(kec / "renstra" / "realisasi.csv")
    hasil, per_sasaran = {}, {}
    for i in _baca(kec / "renstra" / "indikator.csv"):
        kode, cara = i["kode_indikator"], (i["arah"], i["metode"])
        r = realisasi_dari.get(kode) or _tahunan(ditulis, kode, tahun, i["akumulasi_tw"])
        cap = _capaian(r, target[kode], *cara)
        progres = _capaian(r, Fraction(i["target_akhir"]), *cara)
        hasil |= {("realisasi", kode): r, ("capaian", kode): cap,
                  ("progres_renstra", kode): progres,
                  ("kategori_kinerja", kode): _pita(cap, SKALA[skala], "Sangat Rendah")}
        per_sasaran.setdefault(i["kode_sasaran"], []).append((cap, progres))
    for s, daftar in per_sasaran.items():
        cap = _rerata([c for c, _ in daftar])
        hasil |= {("capaian_sasaran", s): cap,
                  ("kategori_kinerja", s): _pita(cap, SKALA[skala], "Sangat Rendah"),
                  ("progres_sasaran", s): _rerata([p for _, p in daftar])}
    kinerja = _rerata([hasil[("capaian_sasaran", s)] for s in per_sasaran])
    return hasil | {("kategori_kinerja", "keseluruhan"): _pita(kinerja, SKALA[skala],
                                                               "Sangat Rendah")}


def _rujukan_anggaran(d: Path, skala: str) -> dict:
    dpa = _baca(d / "anggaran.csv")
    induk = {r["kode"]: r["kode_induk"] for r in dpa}
    program = {r["kode"]: r["kode_sasaran"] for r in dpa if r["tingkat"] == "program"}
    daun = [r for r in dpa if r["kode"] not in set(induk.values())]

    def di_bawah(kode: str, atas: str) -> bool:
        return kode == atas or (bool(induk[kode]) and di_bawah(induk[kode], atas))

    hasil = {}
    for kode in [*induk, "total"]:
        bawah = [r for r in daun if kode == "total" or di_bawah(r["kode"], kode)]
        murni, ubah = (sum(_rp(r[k]) for r in bawah) for k in ("pagu_murni", "pagu_perubahan"))
        hasil |= {("pagu_murni", kode): murni, ("pagu_perubahan", kode): ubah,
                  ("selisih_perubahan", kode): ubah - murni,
                  ("anggaran_program_sasaran", kode): ubah}
    real = {s: 0 for s in program.values()}
    for r in _baca(d / "realisasi_anggaran.csv"):
        assert r["tingkat"] in ("sasaran", "program")  # the levels the generator writes
        s = r["kode"] if r["tingkat"] == "sasaran" else program[r["kode"]]
        real[s] += _rp(r["realisasi"])
        if r["tingkat"] == "program":  # a program's own realisasi and penyerapan
            serap = Fraction(_rp(r["realisasi"]), hasil[("pagu_perubahan", r["kode"])]) * 100
            hasil |= {("realisasi_anggaran", r["kode"]): _rp(r["realisasi"]),
                      ("penyerapan", r["kode"]): serap,
                      ("kategori_anggaran", r["kode"]): _pita(serap, SKALA[skala],
                                                              "Sangat Rendah")}
    pagu = {s: sum(hasil[("pagu_perubahan", p)] for p in program if program[p] == s)
            for s in real} | {"total": hasil[("pagu_perubahan", "total")]}
    real["total"] = sum(real.values())
    for s in real:
        serap = Fraction(real[s], pagu[s]) * 100
        kunci = "keseluruhan" if s == "total" else s
        hasil |= {("pagu_sasaran", s): pagu[s], ("realisasi_anggaran", s): real[s],
                  ("penyerapan", s): serap,
                  ("kategori_anggaran", kunci): _pita(serap, SKALA[skala], "Sangat Rendah")}
    return hasil


def _rujukan_profil(d: Path, tahun: int) -> dict:
    jabatan = [r["jabatan"].strip() for r in _baca(d / "pegawai.csv")]
    hasil = {("jumlah_pegawai", j): jabatan.count(j) for j in JABATAN}
    renstra_awal = int(_baca(d / "profil.csv")[0]["renstra_awal"])
    return hasil | {("jumlah_pegawai", "total"): len(jabatan),
                    ("tahun_ke_renstra", ""): tahun - renstra_awal + 1}


def _rujukan_pk(d: Path) -> dict:
    hasil: dict = {}
    kolom = [("anggaran", "pk_total_anggaran")] + [(f"tw{i}", f"pk_total_tw{i}")
                                                    for i in range(1, 5)]
    for r in _baca(d / "pk_anggaran.csv"):
        for k, besaran in kolom:
            if r[k]:
                kunci = (besaran, r["kode_pejabat"])
                hasil[kunci] = hasil.get(kunci, 0) + _rp(r[k])
    return hasil


def rujukan(data_dir: Path, kecamatan: str, tahun: int) -> dict[tuple[str, str], object]:
    """Every figure of one synthetic kecamatan-year, keyed (besaran, kunci) as tersaji.csv
    names it (the catalogue's canonical kunci: 'keseluruhan', 'total', unsur keys): exact
    Fractions for percentages and indices, ints for Rupiah and counts, category names."""
    kec, d = data_dir / kecamatan, data_dir / kecamatan / str(tahun)
    profil = _baca(d / "profil.csv")[0]
    ikm = _rujukan_ikm(d, profil["metode_ikm_tahunan"])
    daftar = _daftar(d)
    komposit = _komposit(d, daftar)
    dari = {r["kode_indikator"]: komposit[r["kode_node"]]
            for r in _baca(d / "komposit.csv") if r["kode_indikator"]}
    dari |= {i["kode_indikator"]: ikm[("ikm_tahun", "")]
             for i in _baca(kec / "renstra" / "indikator.csv") if i["sumber_realisasi"] == "ikm"}
    hasil = ikm | {("komposit", k): v for k, v in komposit.items()}
    hasil |= {(f"jumlah_{n}", bagian): v for n, (p, q) in daftar.items()
              for bagian, v in (("pembilang", p), ("penyebut", q))}
    hasil |= _rujukan_kinerja(kec, tahun, dari, profil["skala"])
    return hasil | _rujukan_anggaran(d, profil["skala"]) | _rujukan_pk(d) \
        | _rujukan_profil(d, tahun)


def _isi(pola: str | None, kunci: dict) -> str:
    return re.sub(r"<(\w+)>", lambda m: kunci[m.group(1)], pola or "")


def _kanonik(besaran: str, kunci: str) -> tuple[str, str]:
    """A stated (besaran, kunci) as the catalogue reads it ('' → 'keseluruhan' for a category,
    …): a naming, no figure of lkjip's is used."""
    t = katalog.baca_tersaji(None, besaran, kunci or None)
    if t.jenis is None or t.kunci is None:
        return besaran, kunci
    return besaran, _isi(t.jenis.kunci, dict(zip(t.jenis.nama_kunci, t.kunci, strict=True)))


def _tersaji_katalog(h):
    """Every stated figure the catalogue lets this kecamatan-year state: (besaran, kunci,
    lkjip's value, or None when lkjip gives no figure of its own)."""
    for j in katalog.KATALOG:
        if j.besaran is None:
            continue
        nama = j.nama_kunci
        for nilai in itertools.product(*(j.pilihan_kunci(h, n) for n in nama)):
            kunci = dict(zip(nama, nilai, strict=True))
            b, k = _isi(j.besaran, kunci), _isi(j.kunci, kunci)
            yield b, k, katalog.nilai_tersaji(h, b, k or None)


def _sama(tersaji: str, nilai) -> bool:
    if isinstance(nilai, str):
        return tersaji == nilai
    return Decimal(tersaji) == (_dua(nilai) if isinstance(nilai, Fraction) else nilai)


@pytest.fixture(scope="module")
def rujukan_demo(demo) -> dict:
    return {(k, t): rujukan(demo, k, t) for k, t in temukan(demo)}


def test_tersaji_sama_dengan_rujukan_kecuali_kesalahan_sengaja(demo, rujukan_demo):
    """Every stated figure of every kecamatan-year equals the reference, except the manifest's
    deliberate errors, whose 'seharusnya' is the reference's figure."""
    beda, tanpa = set(), set()
    for (k, t), r in rujukan_demo.items():
        for row in _baca(demo / k / str(t) / "tersaji.csv"):
            kunci = _kanonik(row["besaran"], row["kunci"])
            if kunci not in r:
                tanpa.add(kunci)
            elif not _sama(row["nilai"], r[kunci]):
                beda.add((k, t, f"{row['besaran']} {row['kunci']}".strip()))
    assert tanpa == set()  # every stated figure has a reference
    sengaja = [e for e in sintetis.baca_manifest(demo).itertuples()
               if e.berkas.endswith("/tersaji.csv")]
    assert beda == {(e.kecamatan, int(e.tahun), e.kunci) for e in sengaja} and len(beda) == 3
    for e in sengaja:
        r = rujukan_demo[(e.kecamatan, int(e.tahun))]
        assert _sama(e.seharusnya, r[_kanonik(*e.kunci.split(" ", 1))])


def test_lkjip_sama_dengan_rujukan_pada_setiap_angka_katalog(rujukan_demo, muat_sintetis):
    """For every kind of stated figure in lkjip's catalogue and every key this kecamatan-year
    has (far more than the generator states: per sasaran and per kode, composite nodes,
    semesters, unsur, progress, lists, PK and personnel counts), lkjip's figure is the
    reference's, rounded as a correct stated figure is written; a kind the reference does not
    compute fails here, so a new kind of figure cannot go untested."""
    salah, jumlah = [], 0
    for (k, t), r in rujukan_demo.items():
        h = hitung(muat_sintetis(k, t))
        for besaran, kunci, nilai in _tersaji_katalog(h):
            rujuk = r.get((besaran, kunci))
            rujuk = _dua(rujuk) if isinstance(rujuk, Fraction) else rujuk
            jumlah += rujuk is not None
            if nilai != rujuk:
                salah.append(f"{k} {t} {besaran} {kunci}: lkjip {nilai}, rujukan {rujuk}")
    assert salah == [] and jumlah > 52 * 100


@pytest.fixture(scope="module")
def temuan_demo(demo, muat_sintetis) -> list[tuple]:
    """(kecamatan, tahun, finding) of every check on every kecamatan-year of the demo."""
    return [(k, t, x) for k, t in temukan(demo) for x in periksa(muat_sintetis(k, t))]


def test_pemeriksaan_menemukan_tepat_kesalahan_sengaja(demo, temuan_demo):
    """The checks report exactly the manifest's wrong stated figures, as galat, and nothing
    else about any stated figure."""
    temuan = {(k, t, f"{x.besaran} {x.kunci or ''}".strip(), x.tingkat)
              for k, t, x in temuan_demo if x.berkas.endswith("/tersaji.csv")}
    assert temuan == {(e.kecamatan, int(e.tahun), e.kunci, "galat")
                      for e in sintetis.baca_manifest(demo).itertuples()
                      if e.berkas.endswith("/tersaji.csv")}


def test_manifest_mencatat_empat_jenis_kesalahan_yang_ada_di_berkas(demo, rujukan_demo):
    m = sintetis.baca_manifest(demo)
    assert list(m.columns) == sintetis.KOLOM_MANIFEST
    assert set(m["jenis"]) == {"total_salah", "tw_tidak_sesuai", "desa_ganda", "kategori_salah",
                               "tw_kumulatif_turun", "tw_lewat", "tw_melebihi_pagu", "tw_persen"}
    for e in m.itertuples():
        assert _sel(demo / e.berkas, int(e.baris), e.kolom) == e.tertulis
        if e.jenis in {"tw_kumulatif_turun", "tw_lewat", "tw_melebihi_pagu", "tw_persen"}:
            continue  # the quarterly errors: tests/test_triwulan_sintetis.py
        r = rujukan_demo[(e.kecamatan, int(e.tahun))]
        if e.jenis == "total_salah":  # 10.000.000 more than the DPA's leaves add up to
            benar = r[("pagu_perubahan", "total")]
            assert int(e.tertulis) == benar + 10_000_000 and int(e.seharusnya) == benar
        elif e.jenis == "tw_tidak_sesuai":  # TW I–IV add up to 1.000.000 more than the row
            row = _baca(demo / e.berkas)[int(e.baris) - 2]
            tw = sum(_rp(row[f"tw{i}"]) for i in range(1, 5))
            assert tw == _rp(row["anggaran"]) + 1_000_000
        elif e.jenis == "desa_ganda":
            nama = [row["nama_desa"] for row in _baca(demo / e.berkas)]
            assert nama.count(e.tertulis) == 2
        else:
            assert e.seharusnya == r[("kategori_kinerja", "keseluruhan")] != e.tertulis


def test_data_survei_ikm_150_sampai_400_responden_dua_semester(demo, muat_sintetis):
    for k, t in temukan(demo)[::7]:
        data = muat_sintetis(k, t)
        assert data.sumber_ikm == "ikm_responden_sintetis.csv"
        assert 150 <= len(data.ikm_responden) <= 400
        assert set(data.ikm_responden["periode"]) == {"S1", "S2"}


def test_tidak_menimpa_data_yang_bukan_sintetis(demo, tmp_path):
    palsu = tmp_path / "pemalang"
    (palsu / "2023").mkdir(parents=True)
    profil = (demo / "pemalang" / "2023" / "profil.csv").read_text(encoding="utf-8")
    (palsu / "2023" / "profil.csv").write_text(profil.replace(",ya\n", ",tidak\n"))
    with pytest.raises(LkjipError, match="bukan sintetis"):
        sintetis.tulis(tmp_path, jumlah=None)
    assert (palsu / "2023" / "profil.csv").exists()


def test_cli_sintetis(tmp_path):
    hasil = CliRunner().invoke(main, ["sintetis", "--out", str(tmp_path), "--jumlah", "2"])
    assert hasil.exit_code == 0, hasil.output
    assert "2 kecamatan sintetis" in hasil.output
    assert (tmp_path / sintetis.MANIFEST).exists() and (tmp_path / "sintetis-0002").is_dir()


# ---------------------------------------------------------------- three kecamatan-years by hand
# From their CSV files (answers summed per semester, 'ya' counted per list, DPA leaves added);
# each value is checked against the reference above and against lkjip's computed model.

def _cek_tangan(demo, rujukan_demo, kecamatan: str, harapan: list[tuple]) -> None:
    r = rujukan_demo[(kecamatan, 2023)]
    h = hitung(muat(kecamatan, 2023, demo))
    for kunci, nilai, dari_lkjip in harapan:
        rujuk = _dua(r[kunci]) if isinstance(r[kunci], Fraction) else r[kunci]
        assert (rujuk, dari_lkjip(h)) == (nilai, nilai), kunci


def test_tangan_taman_2023(demo, rujukan_demo):
    _cek_tangan(demo, rujukan_demo, "taman", [
        # IKM, rerata_semester: S1 223 respondents, Σ answers 6.749: 6749/223/9 × 25 = 84,068…;
        # S2 167, Σ 5.036: 83,765…; the year (84,068… + 83,765…) / 2 = 83,917… → 83,92
        (("ikm_tahun", ""), D("83.92"), lambda h: h.ikm_tahun.angka.bulat),
        # cakupan: CL.1 = (5/10 + 0/0 + 3/9) × 100 / 3 = (50 + 100 + 33,33…) / 3 = 61,11…
        # (no complaint at all: 0/0 = 100); CL.2 = (66 + 100) / 2 = 83; CL.3 = CL.4 = 0/0 = 100;
        # CL.5 = 14/15 = 93,33…; CL = (61,11… + 83 + 100 + 100 + 93,33…) / 5 = 87,488… → 87,49
        (("realisasi", "IKU-02"), D("87.49"), lambda h: h.indikator["IKU-02"].realisasi.bulat),
        # capaian: IKM 83,917…/82,5 = 101,7176…; cakupan 87,488…/91,5 = 95,6162…;
        # AKIP 65,63/69,5 = 94,4316…; penyerapan 99,88/95,5 = 104,5863…;
        # one sasaran: (101,7176… + 95,6162… + 94,4316… + 104,5863…) / 4 = 99,0879… → 99,09
        (("capaian", "IKU-01"), D("101.72"), lambda h: h.indikator["IKU-01"].capaian.bulat),
        (("capaian_sasaran", "S1"), D("99.09"), lambda h: h.sasaran["S1"].capaian.bulat),
        # program 1 leaves: 4.468.000 + 1.367.293.000 + 58.387.000 + 827.000 + 661.000
        # + 38.430.000 + 1.920.000 + 45.321.000 + 4.086.000 + 21.022.000 + 1.870.000
        # + 90.263.000 + 131.006.000 + 74.775.000 = 1.840.329.000; programs 2–6: 7.367.000
        # + 15.930.000 + 4.173.000 + 20.182.000 + 4.140.000; total 1.892.121.000
        (("pagu_sasaran", "S1"), 1_892_121_000, lambda h: h.sasaran["S1"].pagu.nilai),
        # program rows: 1.838.488.671 + 7.139.113 + 15.807.838 + 4.032.869 + 20.161.818
        # + 4.135.860 = 1.889.766.169; / 1.892.121.000 × 100 = 99,8755… → 99,88
        (("realisasi_anggaran", "S1"), 1_889_766_169,
         lambda h: h.sasaran["S1"].realisasi_anggaran.nilai),
        (("penyerapan", "total"), D("99.88"), lambda h: h.penyerapan.bulat),
    ])


def test_tangan_belik_2023_dua_sasaran_gabungan_dan_tw(demo, rujukan_demo):
    _cek_tangan(demo, rujukan_demo, "belik", [
        # IKM, gabungan: 221 respondents, Σ answers 3.756 (S1) + 2.725 (S2) = 6.481;
        # 6481 / 221 / 9 × 25 = 162025/1989 = 81,4605… → 81,46, Baik (76,61–88,30)
        (("ikm_tahun", ""), D("81.46"), lambda h: h.ikm_tahun.angka.bulat),
        (("mutu_ikm", ""), "Baik", lambda h: h.ikm_tahun.kinerja),
        # IKU-05 lower is better, TW rows summed (jumlah): 1 + 3 + 1 + 0 = 5; target 5:
        # (2 × 5 − 5) / 5 × 100 = 100; against the end target 2: (2 × 2 − 5) / 2 × 100 = −50
        (("realisasi", "IKU-05"), D("5.00"), lambda h: h.indikator["IKU-05"].realisasi.bulat),
        (("capaian", "IKU-05"), D("100.00"), lambda h: h.indikator["IKU-05"].capaian.bulat),
        (("progres_renstra", "IKU-05"), D("-50.00"),
         lambda h: h.indikator["IKU-05"].progres.bulat),
        # CL.1 = (10/10 + 1/1 + 5/9) × 100 / 3 = 85,185…; CL.2 = (71 + 83) / 2 = 77;
        # CL.3 = 6/6, CL.4 = 3/3, CL.5 = 12/12 = 100; CL = 462,185… / 5 = 92,437… → 92,44;
        # S1 = (81,4605…/82,5 + 92,437…/91,5 + 100) / 3 = (98,7400… + 101,0240… + 100) / 3
        # = 99,9213… → 99,92; S2 = (62,78/69,5 + 94,35/95,5) / 2 = (90,3309… + 98,7958…) / 2
        # = 94,5633… → 94,56
        (("capaian_sasaran", "S1"), D("99.92"), lambda h: h.sasaran["S1"].capaian.bulat),
        (("capaian_sasaran", "S2"), D("94.56"), lambda h: h.sasaran["S2"].capaian.bulat),
        # S1's programs 2–6: 6.150.000 + 3.473.000 + 19.088.000 + 2.956.000 + 5.136.000
        # + 2.890.000 + 36.961.000 + 5.741.000 = 82.395.000; realisasi (sasaran row)
        # 79.320.287 / 82.395.000 × 100 = 96,268… → 96,27
        (("pagu_sasaran", "S1"), 82_395_000, lambda h: h.sasaran["S1"].pagu.nilai),
        (("penyerapan", "S1"), D("96.27"), lambda h: h.sasaran["S1"].penyerapan.bulat),
        # S2 (program 1): 3.549.072.000; 3.346.971.820 / 3.549.072.000 = 94,3055… → 94,31
        (("penyerapan", "S2"), D("94.31"), lambda h: h.sasaran["S2"].penyerapan.bulat),
    ])


def test_tangan_randudongkal_2023_permendagri_dan_realisasi_per_program(demo, rujukan_demo):
    _cek_tangan(demo, rujukan_demo, "randudongkal", [
        # IKM, rerata_semester: S1 81 respondents, Σ 2.308 → 79,149…; S2 102, Σ 2.893
        # → 78,785…; (79,149… + 78,785…) / 2 = 78,967… → 78,97
        (("ikm_tahun", ""), D("78.97"), lambda h: h.ikm_tahun.angka.bulat),
        # AKIP 57,94 / 69,5 × 100 = 83,366… → 83,37 (Tinggi on Permendagri 86/2017: 76–90)
        (("capaian", "IKU-03"), D("83.37"), lambda h: h.indikator["IKU-03"].capaian.bulat),
        # CL = ((9/10 + 7/7 + 4/9) × 100 / 3 + (68 + 91) / 2 + 100 + 100 + 100) / 5
        # = (78,148… + 79,5 + 300) / 5 = 91,5296…; S1 = (78,967…/82,5 + 91,5296…/91,5) / 2
        # = (95,718… + 100,032…) / 2 = 97,875… → 97,88; S2 = (83,366… + 95,22/95,5 × 100) / 2
        # = (83,366… + 99,706…) / 2 = 91,536… → 91,54, Sangat Tinggi (≥ 91)
        (("capaian_sasaran", "S1"), D("97.88"), lambda h: h.sasaran["S1"].capaian.bulat),
        (("capaian_sasaran", "S2"), D("91.54"), lambda h: h.sasaran["S2"].capaian.bulat),
        (("kategori_kinerja", "S2"), "Sangat Tinggi", lambda h: h.sasaran["S2"].kategori),
        # realisasi per program, no sasaran row: S1 = programs 2–6: 8.873.955 + 21.720.258
        # + 5.274.272 + 16.115.981 + 4.387.987 = 56.372.453; pagu 5.522.000 + 3.614.000
        # + 19.443.000 + 2.299.000 + 2.963.000 + 2.335.000 + 16.787.000 + 4.467.000
        # = 57.430.000; 56.372.453 / 57.430.000 × 100 = 98,158… → 98,16
        (("realisasi_anggaran", "S1"), 56_372_453,
         lambda h: h.sasaran["S1"].realisasi_anggaran.nilai),
        (("penyerapan", "S1"), D("98.16"), lambda h: h.sasaran["S1"].penyerapan.bulat),
        # S2 = program 1: 2.770.091.240 of 2.911.038.000; total 2.826.463.693 / 2.968.468.000
        # × 100 = 95,216… → 95,22
        (("realisasi_anggaran", "S2"), 2_770_091_240,
         lambda h: h.sasaran["S2"].realisasi_anggaran.nilai),
        (("penyerapan", "total"), D("95.22"), lambda h: h.penyerapan.bulat),
    ])


def test_narasi_sintetis_tanpa_temuan_dan_unsur_terendah_dihitung_tangan(demo, temuan_demo):
    """The generator plants no error in its narrative: no check finds anything in a narasi
    file of any kecamatan-year. Its IKM sentence names the lowest unsur with that unsur's
    own value, recomputed here from the respondents' scores (Permenpan RB 14/2017: the
    year's NRR of an unsur is the mean of its semester means; the value is NRR × 25)."""
    narasi = [(k, t, x.berkas, x.pesan) for k, t, x in temuan_demo
              if x.aturan.startswith("narasi") or "narasi/" in x.berkas]
    assert narasi == []
    r = pd.read_csv(demo / "taman" / "2024" / "ikm_responden_sintetis.csv")
    unsur = list(r.columns[4:])
    nilai = r.groupby("periode")[unsur].mean().mean() * 25
    terendah = nilai.idxmin()
    tertulis = (demo / "taman" / "2024" / "narasi" / "permasalahan.md").read_text("utf-8")
    angka = D(str(nilai[terendah])).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    angka = str(int(angka)) if angka == angka.to_integral_value() else str(angka)
    kalimat = f"Nilai unsur {terendah} masih paling rendah, yaitu {angka.replace('.', ',')}."
    assert kalimat in tertulis
