"""Tests for lkjip.komposit, on the seed's "Cakupan layanan kecamatan" tree."""

from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

from lkjip.angka import Angka, Sumber
from lkjip.capaian import ATURAN_NOL_PER_NOL
from lkjip.komposit import hitung_komposit

D = Decimal
KOLOM = ["kode_node", "kode_induk", "kode_indikator", "nama", "jenis"]
KOLOM += ["pembilang", "penyebut", "nilai", "daftar", "urutan"]
N = None

# The seed's tree (LKjIP 2023 Bantarbolang, Bab III): root CL = mean of 5 sub-indicators.
POHON_SEED = [
    ("CL", N, "IKU-02", "Cakupan layanan kecamatan", "rerata", N, N, N, N, 1),
    ("CL.1", "CL", N, "Pelayanan publik yang tersedia", "rerata", N, N, N, N, 1),
    ("CL.1.1", "CL.1", N, "Data pemerintahan dipublikasi", "rasio", N, N, N, "data_publik", 1),
    ("CL.1.2", "CL.1", N, "Pengaduan terselesaikan", "rasio", N, N, N, "pengaduan", 2),
    ("CL.1.3", "CL.1", N, "Pelayanan pelimpahan", "rasio", N, N, N, "layanan_pelimpahan", 3),
    ("CL.2", "CL", N, "Masyarakat desa yang aktif", "rerata", N, N, N, N, 2),
    ("CL.2.1", "CL.2", N, "Kehadiran Musrenbang desa", "nilai", N, N, "60", N, 1),
    ("CL.2.2", "CL.2", N, "Kehadiran Musrenbang kecamatan", "rasio", 1, 1, N, N, 2),
    ("CL.3", "CL", N, "Gangguan trantibum diselesaikan", "rasio", 4, 4, N, N, 3),
    ("CL.4", "CL", N, "Potensi konflik tertangani", "rasio", 1, 1, N, N, 4),
    ("CL.5", "CL", N, "Desa bertata kelola baik", "rasio", N, N, N, "desa", 5),
]
DAFTAR_SEED = {
    "data_publik": (4, 10),
    "pengaduan": (4, 4),
    "layanan_pelimpahan": (2, 9),
    "desa": (17, 17),
}


def _pohon(baris=POHON_SEED) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=KOLOM)


def test_seed_cakupan_layanan():
    hasil = hitung_komposit(_pohon(), DAFTAR_SEED)
    # CL.1 = (4/10 + 4/4 + 2/9) / 3 × 100 = (40 + 100 + 22,222…) / 3 = 162,222… / 3 = 54,0740…
    assert hasil["CL.1"].bulat == D("54.07")
    # CL.2 = (60 + 1/1 × 100) / 2 = 80
    assert hasil["CL.2"].nilai == 80
    assert hasil["CL.3"].nilai == 100 and hasil["CL.4"].nilai == 100
    assert hasil["CL.5"].nilai == 100  # 17 / 17
    # root = (54,0740… + 80 + 100 + 100 + 100) / 5 = 434,0740… / 5 = 86,8148… → 86,81
    # (the seed prints 84,00 and 83,20; both wrong)
    assert hasil["CL"].bulat == D("86.81")
    assert hasil["CL"].uraian() == "86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"
    assert hasil["CL.1"].uraian() == "54,07 = (40,00 + 100,00 + 22,22) / 3"
    assert hasil["CL.1.3"].uraian() == "22,22 = 2 / 9 × 100"


def test_semua_node_unrounded_berurutan():
    hasil = hitung_komposit(_pohon(), DAFTAR_SEED)
    assert list(hasil) == [b[0] for b in POHON_SEED]
    # unrounded: (40 + 100 + 200/9) / 3 = (1260/9 + 200/9) / 3 = 1460/27 = 54,074074…
    assert abs(Fraction(hasil["CL.1"].nilai) - Fraction(1460, 27)) < Fraction(1, 10**20)


def test_urutan_menentukan_urutan_anak():
    baris = list(POHON_SEED)
    baris[5:11] = reversed(baris[5:11])  # rows shuffled; urutan keeps CL.2 second
    hasil = hitung_komposit(_pohon(baris), DAFTAR_SEED)
    assert hasil["CL"].uraian() == "86,81 = (54,07 + 80,00 + 100,00 + 100,00 + 100,00) / 5"


def test_provenance_sumber():
    pohon = _pohon()
    pohon["_baris"] = range(2, 2 + len(pohon))
    hasil = hitung_komposit(pohon, DAFTAR_SEED)
    assert hasil["CL.3"].masukan[0] == Sumber("komposit.csv", 10, "pembilang", 4)
    assert hasil["CL.5"].masukan[1] == Sumber("desa.csv", None, "jumlah baris", 17)
    assert hasil["CL.2.1"].masukan[0].kolom == "nilai"
    assert hasil["CL"].label == "Cakupan layanan kecamatan"


def test_nol_per_nol():
    # no trantibum disturbance at all: 0 of 0 handled → 100 %, rule stated
    baris = list(POHON_SEED)
    baris[8] = ("CL.3", "CL", N, "Gangguan trantibum diselesaikan", "rasio", 0, 0, N, N, 3)
    hasil = hitung_komposit(_pohon(baris), DAFTAR_SEED)
    assert hasil["CL.3"].nilai == 100
    assert hasil["CL.3"].aturan == ATURAN_NOL_PER_NOL


def test_node_ikm():
    baris = [
        ("K", N, "IKU-09", "Komposit", "rerata", N, N, N, N, 1),
        ("K.1", "K", N, "IKM", "ikm", N, N, N, N, 1),
        ("K.2", "K", N, "Lain", "nilai", N, N, 90, N, 2),
    ]
    ikm = Angka(D("82.775"), label="IKM")
    hasil = hitung_komposit(_pohon(baris), ikm=ikm)
    assert hasil["K.1"].nilai == D("82.775")
    assert hasil["K.1"].masukan == (ikm,)
    assert hasil["K"].nilai == D("86.3875")  # (82,775 + 90) / 2
    assert hitung_komposit(_pohon(baris), ikm=80)["K"].nilai == 85  # (80 + 90) / 2


def test_node_ikm_names_its_year_not_the_running_year():
    """The formula shown in the figure's pop-up names the year by its number (the report's
    text rules, `lkjip.ejaan`: never 'tahun berjalan' for a year that has ended)."""
    from lkjip.ejaan import pelanggaran

    baris = [("K", N, "IKU-09", "Komposit", "rerata", N, N, N, N, 1),
             ("K.1", "K", N, "IKM", "ikm", N, N, N, N, 1)]
    rumus = hitung_komposit(_pohon(baris), ikm=80, tahun=2023)["K.1"].rumus
    assert rumus == "IKM tahun 2023" and pelanggaran(rumus) == []
    assert hitung_komposit(_pohon(baris), ikm=80)["K.1"].rumus == "IKM tahun laporan"


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        # cycle A → B → A
        (
            [
                ("A", "B", N, "A", "rerata", N, N, N, N, 1),
                ("B", "A", N, "B", "rerata", N, N, N, N, 1),
            ],
            "berputar",
        ),
        ([("A", N, N, "A", "rerata", N, N, N, N, 1)], "tidak memiliki sub-node"),
        ([("A", "X", N, "A", "nilai", N, N, 5, N, 1)], "kode_induk 'X'"),
        (
            [("A", N, N, "A", "rasio", 1, N, N, N, 1), ("A", N, N, "A", "rasio", 1, 1, N, N, 1)],
            "lebih dari sekali",
        ),
        ([("A", N, N, "A", "rasio", 1, N, N, N, 1)], "pembilang dan penyebut"),
        ([("A", N, N, "A", "rasio", 3, 0, N, N, 1)], "penyebut 0"),
        ([("A", N, N, "A", "rasio", N, N, N, "desa", 1)], "daftar 'desa'"),
        ([("A", N, N, "A", "nilai", N, N, N, N, 1)], "kolom nilai kosong"),
        ([("A", N, N, "A", "ikm", N, N, N, N, 1)], "IKM"),
        ([("A", N, N, "A", "jumlah", N, N, N, N, 1)], "jenis"),
        (
            [
                ("A", N, N, "A", "rasio", 1, 1, N, N, 1),
                ("A.1", "A", N, "A.1", "nilai", N, N, 5, N, 1),
            ],
            "memiliki sub-node",
        ),
    ],
)
def test_pohon_tidak_sah(baris, pesan):
    with pytest.raises(ValueError, match=pesan):
        hitung_komposit(_pohon(baris))
