"""Synthetic data: deterministic, loads in every kecamatan-year, deliberate errors as listed."""

import csv
import hashlib
import io
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip import sintetis
from lkjip.cli import main
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.laporan import temukan
from lkjip.muat import muat
from lkjip.skala import kategori


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sintetis")
    sintetis.tulis(out)
    return out


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
    sintetis.tulis(tmp_path / "lain", seed=1)
    assert _sidik(tmp_path / "lain") != _sidik(demo)


def test_kecamatan_ke_i_tidak_bergantung_pada_jumlah(tmp_path):
    sintetis.tulis(tmp_path / "dua", jumlah=2)
    sintetis.tulis(tmp_path / "tiga", jumlah=3)
    assert sorted(p.name for p in (tmp_path / "tiga").iterdir() if p.is_dir()) == [
        "sintetis-0001", "sintetis-0002", "sintetis-0003"]
    assert _sidik(tmp_path / "dua" / "sintetis-0002") == _sidik(tmp_path / "tiga" / "sintetis-0002")


# figures the generator states in tersaji.csv and how lkjip computes them
TERHITUNG = {
    "realisasi": lambda h, k: h.indikator[k].realisasi.bulat,
    "capaian": lambda h, k: h.indikator[k].capaian.bulat,
    "capaian_sasaran": lambda h, k: h.sasaran[k].capaian.bulat,
    "kategori_kinerja": lambda h, k: h.kategori_kinerja if k == "keseluruhan"
    else h.sasaran[k].kategori,
    "ikm_tahun": lambda h, k: h.ikm_tahun.angka.bulat,
    "mutu_ikm": lambda h, k: h.ikm_tahun.kinerja,
    "responden_ikm": lambda h, k: h.ikm_tahun.responden,
    "penyerapan": lambda h, k: h.penyerapan.bulat,
    "kategori_anggaran": lambda h, k: h.kategori_anggaran,
    "pagu_perubahan": lambda h, k: h.anggaran.query("tingkat == 'program'")["pagu_perubahan"].sum(),
    "pagu_murni": lambda h, k: h.anggaran.query("tingkat == 'program'")["pagu_murni"].sum(),
    "realisasi_anggaran": lambda h, k: sum(s.realisasi_anggaran.nilai for s in h.sasaran.values()),
    "jumlah_desa": lambda h, k: h.daftar["desa"][k == "penyebut"].nilai,
    "pk_total_anggaran": lambda h, k: h.pk_anggaran.set_index("kode_pejabat").loc[k, "anggaran"],
}


def _sama(tersaji, terhitung) -> bool:
    try:
        return Decimal(str(tersaji)) == Decimal(str(terhitung))
    except ArithmeticError:
        return str(tersaji) == str(terhitung)


def test_setiap_kecamatan_tahun_termuat_dan_tersaji_hanya_salah_yang_sengaja(demo):
    """Every year loads; every stated figure equals lkjip's, except the manifest's totals
    and categories."""
    sengaja = {(e.kecamatan, int(e.tahun), e.kunci)
               for e in sintetis.baca_manifest(demo).itertuples()}
    beda = set()
    for k, t in temukan(demo):
        hasil = hitung(muat(k, t, demo))
        for r in hasil.data.tersaji.itertuples():
            if r.besaran in TERHITUNG and not _sama(r.nilai, TERHITUNG[r.besaran](hasil, r.kunci)):
                beda.add((k, t, f"{r.besaran} {r.kunci}"))
    manifest_tersaji = {s for s in sengaja if s[2].split()[0] in TERHITUNG}
    assert beda == manifest_tersaji and len(beda) == 3


def test_manifest_mencatat_empat_jenis_kesalahan_yang_ada_di_berkas(demo):
    m = sintetis.baca_manifest(demo)
    assert list(m.columns) == sintetis.KOLOM_MANIFEST
    assert set(m["jenis"]) == {"total_salah", "tw_tidak_sesuai", "desa_ganda", "kategori_salah",
                               "tw_kumulatif_turun", "tw_lewat", "tw_melebihi_pagu", "tw_persen"}
    for e in m.itertuples():
        assert _sel(demo / e.berkas, int(e.baris), e.kolom) == e.tertulis
        if e.jenis in {"tw_kumulatif_turun", "tw_lewat", "tw_melebihi_pagu", "tw_persen"}:
            continue  # the quarterly errors: tests/test_triwulan_sintetis.py
        data = muat(e.kecamatan, e.tahun, demo)
        if e.jenis == "total_salah":
            benar = hitung(data).anggaran.query("tingkat == 'program'")["pagu_perubahan"].sum()
            assert int(e.tertulis) != benar and int(e.seharusnya) == benar
        elif e.jenis == "tw_tidak_sesuai":
            baris = data.pk_anggaran[data.pk_anggaran["_baris"] == int(e.baris)].iloc[0]
            assert sum(baris[f"tw{i}"] for i in range(1, 5)) == baris["anggaran"] + 1_000_000
        elif e.jenis == "desa_ganda":
            assert list(data.desa["nama_desa"]).count(e.tertulis) == 2
        else:
            h = hitung(data)
            assert e.seharusnya == h.kategori_kinerja == kategori(h.capaian_kinerja.bulat,
                                                                  h.skala) != e.tertulis


def test_data_survei_ikm_150_sampai_400_responden_dua_semester(demo):
    for k, t in temukan(demo)[::7]:
        data = muat(k, t, demo)
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
