"""Tests for lkjip.pegawai: Tabel 1.1–1.3 of the seed rebuilt from 30 hand-made rows."""

import pandas as pd
import pytest

from lkjip.pegawai import tabel_golongan, tabel_jabatan, tabel_pendidikan


def _orang(jabatan, status, daftar):
    """Rows for (pendidikan, golongan, count) triples."""
    return [(jabatan, status, p, g) for p, g, n in daftar for _ in range(n)]


def _pegawai_seed() -> pd.DataFrame:
    baris = (
        _orang("Camat", "PNS", [("S1", "IV", 1)])
        + _orang("Sekretaris Kecamatan", "PNS", [("S1", "III", 1)])
        + _orang("Kepala Seksi", "PNS", [("S1", "III", 3), ("S2", "IV", 1)])
        + _orang("Kepala Sub Bagian", "PNS", [("S1", "III", 1), ("S2", "III", 1)])
        + _orang(
            "Pelaksana",
            "PNS",
            [("SLTA", "II", 3), ("SLTA", "III", 2), ("D3", "III", 1), ("S1", "III", 1)],
        )
        + _orang("Tenaga Honorer", "Honorer", [("SD", None, 4), ("SLTA", None, 5)])
        + _orang("Tenaga Honorer", "Honorer", [("D3", None, 1), ("S1", None, 5)])
    )
    df = pd.DataFrame(baris, columns=["jabatan", "status", "pendidikan", "golongan"])
    df.insert(0, "no", range(1, len(df) + 1))
    assert len(df) == 30
    return df


JABATAN = [
    "Camat",
    "Sekretaris Kecamatan",
    "Kepala Seksi",
    "Kepala Sub Bagian",
    "Pelaksana",
    "Tenaga Honorer",
    "Jumlah",
]


def test_tabel_1_1_seed():
    tabel = tabel_jabatan(_pegawai_seed())
    assert tabel.index.tolist() == JABATAN
    assert tabel["Jumlah"].tolist() == [1, 1, 4, 2, 7, 15, 30]  # 1+1+4+2+7+15 = 30


def test_tabel_1_2_seed():
    tabel = tabel_pendidikan(_pegawai_seed())
    assert tabel.columns.tolist() == ["SD", "SLTP", "SLTA", "D3", "S1", "S2", "Jumlah"]
    assert tabel.index.tolist() == JABATAN
    assert tabel.loc["Camat"].tolist() == [0, 0, 0, 0, 1, 0, 1]
    assert tabel.loc["Kepala Seksi"].tolist() == [0, 0, 0, 0, 3, 1, 4]
    assert tabel.loc["Kepala Sub Bagian"].tolist() == [0, 0, 0, 0, 1, 1, 2]
    assert tabel.loc["Pelaksana"].tolist() == [0, 0, 5, 1, 1, 0, 7]
    assert tabel.loc["Tenaga Honorer"].tolist() == [4, 0, 5, 1, 5, 0, 15]
    # SD 4; SLTP 0; SLTA 5+5 = 10; D3 1+1 = 2; S1 1+1+3+1+1+5 = 12; S2 1+1 = 2; 30
    assert tabel.loc["Jumlah"].tolist() == [4, 0, 10, 2, 12, 2, 30]


def test_tabel_1_3_seed():
    tabel = tabel_golongan(_pegawai_seed())
    assert tabel.columns.tolist() == ["I", "II", "III", "IV", "Jumlah"]
    assert tabel.index.tolist() == JABATAN[:5] + ["Jumlah"]  # PNS only: no honorer row
    assert tabel.loc["Camat"].tolist() == [0, 0, 0, 1, 1]
    assert tabel.loc["Sekretaris Kecamatan"].tolist() == [0, 0, 1, 0, 1]
    assert tabel.loc["Kepala Seksi"].tolist() == [0, 0, 3, 1, 4]
    assert tabel.loc["Kepala Sub Bagian"].tolist() == [0, 0, 2, 0, 2]
    assert tabel.loc["Pelaksana"].tolist() == [0, 3, 4, 0, 7]
    # I 0; II 3; III 1+3+2+4 = 10; IV 1+1 = 2; 15 PNS
    assert tabel.loc["Jumlah"].tolist() == [0, 3, 10, 2, 15]


def test_pendidikan_lain_hanya_bila_ada():
    df = _pegawai_seed()
    df.loc[0, "pendidikan"] = "D4"
    df.loc[1, "pendidikan"] = "S3"
    kolom = tabel_pendidikan(df).columns.tolist()
    assert kolom == ["SD", "SLTP", "SLTA", "D3", "D4", "S1", "S2", "S3", "Jumlah"]


def test_jabatan_kosong_tetap_tampil():
    df = _pegawai_seed()
    df = df[df["jabatan"] != "Kepala Seksi"]
    assert tabel_jabatan(df).loc["Kepala Seksi", "Jumlah"] == 0
    assert tabel_golongan(df).loc["Kepala Seksi"].tolist() == [0, 0, 0, 0, 0]


def test_tanpa_pns():
    df = _pegawai_seed()
    df = df[df["status"] == "Honorer"]
    assert tabel_golongan(df).loc["Jumlah"].tolist() == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("fungsi", "kolom", "nilai", "pesan"),
    [
        (tabel_jabatan, "jabatan", "Lurah", "jabatan.*Lurah"),
        (tabel_pendidikan, "pendidikan", "SMA", "pendidikan.*SMA"),
        (tabel_golongan, "golongan", None, "golongan.*kosong"),  # a PNS must have a golongan
        (tabel_golongan, "golongan", "V", "golongan.*V"),
        (tabel_golongan, "status", "Kontrak", "status.*Kontrak"),
    ],
)
def test_nilai_tidak_dikenal(fungsi, kolom, nilai, pesan):
    df = _pegawai_seed()
    df.loc[0, kolom] = nilai
    with pytest.raises(ValueError, match=pesan):
        fungsi(df)
