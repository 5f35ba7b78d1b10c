"""Kecamatan Moga 2024 (made up), typed by helper kantor4 from data/README.md alone after
`lkjip init` / `lkjip baru`, as a clerk would: `,` files beside `;` files with Indonesian Rupiah
(`142.500.000`), quoted decimal commas, dd/mm/yyyy, raw IKM answers for two semesters (sarana
before pengaduan, metode_ikm_tahunan rerata_semester), a lower-is-better count (kasus, jumlah by
quarters), PK for Camat, Sekcam and two Kasi, a DPA with 2 programs, realisasi per kegiatan, one
narasi file, and TW I–II of the quarterly monitoring. Every expected value is by hand; the hand
calculation, compared with the built PDFs, is in /work/coord/kantor4_hitung.md.

The clerk's mistakes typed on the way (`_KELIRU`, `_KELIRU_ANGKA`) must each be named by
`lkjip check` with file, row, column, value and what was expected, all at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip.cli import main
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.triwulan import hitung_triwulan
from tests.mini_tw import pk_tw

DATA = Path(__file__).resolve().parent / "fixtures" / "kecamatan"


@pytest.fixture(scope="module")
def data():
    return muat("moga", 2024, DATA)


@pytest.fixture(scope="module")
def hasil(data):
    return hitung(data)


def _b(a) -> float:
    return float(a.bulat)


def _check(folder: Path) -> str:
    keluar = CliRunner().invoke(main, ["check", "--kecamatan", "moga", "--tahun", "2024",
                                       "--data", str(folder)])
    return keluar.output


def _salin(tmp_path: Path, ganti: dict[str, tuple[str, str]]) -> Path:
    """A copy of the fixture with each (old line → new line) replaced in its file."""
    shutil.copytree(DATA / "moga", tmp_path / "moga")
    for berkas, (lama, baru) in ganti.items():
        p = tmp_path / "moga" / berkas
        teks = p.read_text(encoding="utf-8")
        assert lama in teks, (berkas, lama)
        p.write_text(teks.replace(lama, baru), encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- the clean data


def test_check_finds_only_the_small_sample():
    keluar = _check(DATA)
    assert "0 galat, 1 peringatan, 0 info" in keluar, keluar
    # Krejcie–Morgan for 4.200: 3,841 × 4.200 × 0,25 / (0,0025 × 4.199 + 3,841 × 0,25)
    # = 4.033,05 / 11,45775 = 351,99… → 352
    assert "Jumlah responden IKM 13 kurang dari sampel minimum Krejcie–Morgan 352" in keluar
    # no galat at all: nothing was decided, so not "Semua galat sudah diputuskan"
    assert "Tidak ada galat: LKjIP yang dibangun siap ditandatangani." in keluar


def test_ikm(hasil):
    # S1 (6): sums 21, 19, 17, 24, 19, 21, 23, 15 (pengaduan), 19 (sarana) = 178
    #   → 178 / 6 / 9 × 25 = 82,4074… → 82,41
    # S2 (7): 25, 23, 22, 28, 23, 25, 27, 20, 23 = 216 → 216 / 7 / 9 × 25 = 85,7142… → 85,71
    # rerata_semester: (82,4074… + 85,7142…) / 2 = 84,0608… → 84,06, mutu B (76,61–88,30)
    assert [_b(hasil.ikm_semester[p].angka) for p in ("S1", "S2")] == [82.41, 85.71]
    assert (round(hasil.ikm_tahun.nilai, 2), hasil.ikm_tahun.mutu) == (84.06, "B")


@pytest.mark.parametrize("kode, capaian, progres", [
    # naik: 84,0608… / 83,5 × 100 = 100,6717… → 100,67; / 85 = 98,8951… → 98,90
    ("IKU-01", 100.67, 98.90),
    # naik: 92,5 / 90 × 100 = 102,777… → 102,78; / 95 = 97,368… → 97,37
    ("IKU-02", 102.78, 97.37),
    # turun/selisih: (2 × 10 − 8) / 10 × 100 = 120,00; end target 8: (16 − 8) / 8 = 100,00
    ("IKU-03", 120.0, 100.0),
    # naik: 88 / 85 × 100 = 103,529… → 103,53; / 90 = 97,777… → 97,78
    ("IKU-04", 103.53, 97.78),
])
def test_indicators(hasil, kode, capaian, progres):
    i = hasil.indikator[kode]
    assert (_b(i.capaian), _b(i.progres)) == (capaian, progres)


def test_sasaran_overall_budget(hasil):
    s1, s2 = hasil.sasaran["S1"], hasil.sasaran["S2"]
    # S1 = (100,6717… + 102,7777…) / 2 = 101,7247… → 101,72; S2 = (120 + 103,5294…) / 2
    # = 111,7647… → 111,76; both Sangat Tinggi (permendagri-86-2017: ≥ 91)
    assert (_b(s1.capaian), _b(s2.capaian)) == (101.72, 111.76)
    assert (s1.kategori, s2.kategori) == ("Sangat Tinggi", "Sangat Tinggi")
    # progres S1 = (98,8951… + 97,3684…) / 2 = 98,1317… → 98,13; S2 = (100 + 97,777…) / 2 → 98,89
    assert (_b(s1.progres), _b(s2.progres)) == (98.13, 98.89)
    # pagu S1 = 150.000.000 + 80.000.000; realisasi 142.500.000 + 76.000.000 → 95,00;
    # S2 51.000.000 / 60.000.000 → 85,00
    assert (int(s1.pagu.nilai), int(s1.realisasi_anggaran.nilai)) == (230_000_000, 218_500_000)
    assert (_b(s1.penyerapan), _b(s2.penyerapan)) == (95.0, 85.0)
    # keseluruhan (101,7247… + 111,7647…) / 2 = 106,7447… → 106,74; penyerapan
    # 269.500.000 / 290.000.000 = 92,9310… → 92,93; efisiensi 13,8137… → 13,81
    assert (_b(hasil.capaian_kinerja), _b(hasil.penyerapan), _b(hasil.efisiensi)) == (
        106.74, 92.93, 13.81)


# ---------------------------------------------------------------- TW II monitoring


def test_triwulan_ii(data):
    h = hitung_triwulan(data, 2)
    # IKU-03 (kasus, jumlah, turun): target s.d. 3 + 3 = 6, realisasi 3 + 2 = 5:
    # (2 × 6 − 5) / 6 × 100 = 116,666… → 116,67; proyeksi 10 × 5 / 6 = 8,33
    k = pk_tw(h, "camat", 3)
    assert (_b(k.titik[-1].capaian), _b(k.proyeksi.nilai)) == (116.67, 8.33)
    # IKM TW II = S1 IKM typed 82,41 against 83,5: 98,694… → 98,69, perlu perhatian (90–99,99)
    m = pk_tw(h, "camat", 1)
    assert (_b(m.titik[-1].capaian), m.proyeksi.status) == (98.69, "perlu perhatian")
    # patroli: 5 + 4 = 9 of 6 + 6 = 12 → 75,00; proyeksi 24 × 9 / 12 = 18 → 75,00
    p = pk_tw(h, "kasi_trantib", 1)
    assert (_b(p.titik[-1].capaian), _b(p.proyeksi.nilai)) == (75.0, 18.0)
    assert p.proyeksi.status == "diperkirakan tidak tercapai"
    # budget: anggaran kas s.d. TW II (30 + 40) + (20 + 20) + (15 + 15) = 140.000.000;
    # realisasi 65.000.000 + 37.000.000 + 21.000.000 = 123.000.000 → 87,857… → 87,86;
    # of the year's 290.000.000: 42,413… → 42,41
    k = h.kecamatan
    assert (int(k.kas.nilai), int(k.realisasi.nilai)) == (140_000_000, 123_000_000)
    assert (_b(k.penyerapan_kas), _b(k.penyerapan_pagu)) == (87.86, 42.41)
    # mean capaian of the 7 rated rows: (98,6946… + 101,6666… + 116,6666… + 101,1764… + 100
    # + 101,6666… + 75) / 7 = 99,2673… → 99,27
    assert _b(k.capaian) == 99.27


# ---------------------------------------------------------------- the clerk's mistakes

# Eight mistakes of the first kind, all in one run: (file, old line, new line, expected words)
_KELIRU = [
    # a decimal comma not quoted in a `,` file
    ("renstra/target.csv", 'IKU-01,2024,"83,5"', "IKU-01,2024,83,5",
     ["moga/renstra/target.csv, baris 4", "'83,5'", "kolom 'target'", 'tulis "83,5" atau 83.5']),
    # the Excel NIP
    ("2024/pejabat.csv", "19720314 199803 1 004", '"1,97203E+17"',
     ["moga/2024/pejabat.csv, baris 4, kolom 'nip'", "'1,97203E+17'", "NIP 18 angka"]),
    # a date with dashes
    ("2024/pejabat.csv", "Sekretaris Kecamatan Moga,camat,,,02/01/2024",
     "Sekretaris Kecamatan Moga,camat,,,02-01-2024",
     ["moga/2024/pejabat.csv, baris 3, kolom 'tanggal_pk'", "'02-01-2024'", "31/01/2024"]),
    # a typo in a list value
    ("2024/pegawai.csv", "SITI AMINAH, S.E.;Sekretaris Kecamatan",
     "SITI AMINAH, S.E.;Sekertaris Kecamatan",
     ["moga/2024/pegawai.csv, baris 3, kolom 'jabatan'", "'Sekertaris Kecamatan'",
      "mungkin maksudnya 'Sekretaris Kecamatan'"]),
    # a total row under the data
    ("2024/realisasi_anggaran.csv", "kegiatan;2.1;51.000.000\n",
     "kegiatan;2.1;51.000.000\n;JUMLAH;269.500.000\n",
     ["moga/2024/realisasi_anggaran.csv, baris 5, kolom 'kode'", "'JUMLAH'", "baris jumlah"]),
    # an IKM answer out of 1–4
    ("2024/ikm_responden.csv", "4;S1;13/02/2024;KTP-el;3;3;2;4;3;3;3;3;2",
     "4;S1;13/02/2024;KTP-el;3;3;2;4;3;3;5;3;2",
     ["moga/2024/ikm_responden.csv, baris 5, kolom 'perilaku'", "'5'", "1, 2, 3 atau 4"]),
    # a code typo
    ("2024/anggaran.csv", "Ketertiban Umum;S2;;", "Ketertiban Umum;S3;;",
     ["moga/2024/anggaran.csv, baris 5, kolom 'kode_sasaran'", "'S3'", "(S1, S2)"]),
]


def test_first_kind_of_mistakes_are_all_named_at_once(tmp_path):
    ganti: dict[str, list[tuple[str, str]]] = {}
    for berkas, lama, baru, _ in _KELIRU:
        ganti.setdefault(berkas, []).append((lama, baru))
    shutil.copytree(DATA / "moga", tmp_path / "moga")
    for berkas, pasangan in ganti.items():
        p = tmp_path / "moga" / berkas
        teks = p.read_text(encoding="utf-8")
        for lama, baru in pasangan:
            assert lama in teks, (berkas, lama)
            teks = teks.replace(lama, baru)
        p.write_text(teks, encoding="utf-8")
    # and a missing required column: golongan dropped from pegawai.csv
    p = tmp_path / "moga" / "2024" / "pegawai.csv"
    p.write_text("\n".join(b.rsplit(";", 1)[0] for b in p.read_text(encoding="utf-8")
                           .splitlines()) + "\n", encoding="utf-8")
    keluar = _check(tmp_path)
    assert "Ditemukan 9 masalah pada data" in keluar, keluar  # the total row counts twice
    assert "moga/2024/pegawai.csv, baris 1, kolom 'golongan': kolom wajib tidak ada" in keluar
    for _, _, _, kata in _KELIRU:
        baris = next((b for b in keluar.splitlines() if kata[0] in b), None)
        assert baris is not None, (kata[0], keluar)
        for k in kata[1:]:
            assert k in baris, (k, baris)


@pytest.mark.parametrize("berkas, lama, baru, kata", [
    # a decimal point read as a thousands separator: 92.500 → 92.500,00 %
    ("renstra/realisasi.csv", 'IKU-02,2024,tahun,"92,5"', "IKU-02,2024,tahun,92.500",
     ["realisasi.csv baris 6", "IKU-02 2024 bernilai 92.500,00, di luar rentang 0–100"]),
    # a percentage over 100 in a quarter, two decimals as the quarterly report prints it
    ("2024/realisasi_pk_tw.csv", "camat,2,,,,91,", "camat,2,,,,101,",
     ["realisasi_pk_tw.csv baris 3",
      "Realisasi TW I PK camat no 2 bernilai 101,00 %, di luar rentang 0–100 (kolom tw1)."]),
])
def test_second_kind_of_mistakes(tmp_path, berkas, lama, baru, kata):
    keluar = _check(_salin(tmp_path, {berkas: (lama, baru)}))
    assert "1 galat, 1 peringatan" in keluar, keluar
    for k in kata:
        assert k in keluar, (k, keluar)


# ---------------------------------------------------------------- what the checker misses


def test_an_ikm_target_read_as_thousands_is_named(tmp_path):
    """kantor4: an IKM indicator's target typed 83.500 (a decimal point, read as 83 500 by the
    documented thousands rule) passed lkjip check silently and the report printed capaian
    0,10 %, Sangat Rendah. The IKM is NRR 1–4 × 25 (Permenpan RB 14/2017): 25–100."""
    keluar = _check(_salin(tmp_path, {
        "renstra/target.csv": ('IKU-01,2024,"83,5"', "IKU-01,2024,83.500"),
        "2024/pk_indikator.csv": ('IKU-01,indeks,"83,50",,"83,50",,"83,50"',
                                  "IKU-01,indeks,83.500,,83.500,,83.500")}))
    temuan = keluar.split("Pemeriksaan data")[-1]
    # the Renstra target and the PK's target, TW II and TW IV (TW I and III are empty)
    for id_ in ("ikm-25-100/target/iku-01/2024", "ikm-25-100/pk/camat/iku-01/target",
                "ikm-25-100/pk/camat/iku-01/tw2", "ikm-25-100/pk/camat/iku-01/tw4"):
        assert any(b.split()[:2] == [id_, "galat"] for b in temuan.splitlines()), (id_, keluar)
    assert ("Nilai IKM target IKU-01 2024 bernilai 83.500,00, di luar rentang 25–100 (IKM = NRR "
            "1–4 × 25). Bila yang dimaksud 83,5: titik yang diikuti tiga angka dibaca sebagai "
            "pemisah ribuan; tulis '83,5'.") in temuan, keluar


def test_missing_strategi_is_listed_as_still_to_fill():
    """kantor4: without renstra/strategi.csv (and kebijakan.csv, sarpras.csv; Moga has none of
    them) the report prints those tables without a row; data/README.md promises that
    'Masih perlu diisi' names an optional file whose absence shows in the report."""
    perlu = _check(DATA).split("Pemeriksaan data")[0]
    for baris in (
            "  - renstra/strategi.csv: belum ada (atau tanpa baris); tabel Strategi dan Arah "
            "Kebijakan (Bab II) tampil tanpa baris.",
            "  - renstra/kebijakan.csv: belum ada (atau tanpa baris); tabel Strategi dan Arah "
            "Kebijakan (Bab II) tampil tanpa baris.",
            "  - sarpras.csv: belum ada (atau tanpa baris); tabel Sarana dan Prasarana (Bab I) "
            "tampil tanpa baris."):
        assert baris in perlu.splitlines(), perlu
