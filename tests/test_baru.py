"""`lkjip baru` (issue 13): a fresh kecamatan-year of templates, or a year carried over from the
one before; `lkjip check` then lists exactly what is left; once filled, it loads."""

from __future__ import annotations

import errno
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip import baru as modul_baru
from lkjip.baru import baru, templat
from lkjip.cli import main
from lkjip.galat import LkjipError
from lkjip.muat import BELUM_DIISI, muat, pesan_belum_diisi
from lkjip.skema import BERKAS
from tests.mini import BERKAS_MINI

DATA = Path(__file__).resolve().parents[1] / "data"
SEMUA = sorted(n for n in BERKAS if n not in ("ikm_responden_sintetis.csv", "ikm_nrr.csv"))


def _relatif(nama: str, tahun: int) -> str:
    return nama if nama.startswith("renstra/") else f"{tahun}/{nama}"


def _check(data_dir, kecamatan, tahun):
    return CliRunner().invoke(main, ["check", "--kecamatan", kecamatan, "--tahun", str(tahun),
                                     "--data", str(data_dir)])


def _masalah(data_dir, kecamatan, tahun) -> list:
    with pytest.raises(LkjipError) as e:
        muat(kecamatan, tahun, data_dir)
    return e.value.masalah


# --- a fresh kecamatan ------------------------------------------------------------------------

def test_fresh_kecamatan_gets_every_file_of_the_model(tmp_path):
    ditulis = baru("ulujami", 2023, data_dir=tmp_path)
    assert ditulis == sorted(f"ulujami/{_relatif(n, 2023)}" for n in SEMUA)
    teks = (tmp_path / "ulujami" / "renstra" / "tujuan.csv").read_text(encoding="utf-8-sig")
    assert teks == "kode_tujuan,tujuan\n#T1,Meningkatkan pelayanan kecamatan yang prima\n"


def test_template_is_header_and_commented_examples():
    for nama, b in BERKAS.items():
        baris = templat(nama).splitlines()
        assert baris[0] == ",".join(b.kolom_nama())
        assert baris[1:] == [f"#{c}" for c in b.contoh] and b.contoh, nama


def test_check_on_a_fresh_kecamatan_lists_every_file_to_fill(tmp_path):
    baru("ulujami", 2023, data_dir=tmp_path)
    hasil = _check(tmp_path, "ulujami", 2023)
    assert hasil.exit_code == 1
    baris = [b for b in hasil.output.splitlines() if b.startswith("- ")]
    assert baris == [f"- ulujami/{_relatif(n, 2023)}: {pesan_belum_diisi(BERKAS[n])}"
                     for n in BERKAS if n in SEMUA]


def test_fresh_kecamatan_loads_once_filled_from_a_fixture(tmp_path):
    baru("contoh", 2023, data_dir=tmp_path)
    akar = tmp_path / "contoh"
    for nama in SEMUA:
        isi = BERKAS_MINI.get(_relatif(nama, 2023))
        if isi is not None:  # the fixture's content in place of the template
            (akar / _relatif(nama, 2023)).write_text(isi, encoding="utf-8")
        else:  # a file the fixture does not use: its example row removed, an empty list
            jalur = akar / _relatif(nama, 2023)
            jalur.write_text(jalur.read_text(encoding="utf-8-sig").splitlines()[0] + "\n",
                             encoding="utf-8")
    data = muat("contoh", 2023, tmp_path)
    assert data.profil["nama_kecamatan"] == "Contoh" and len(data.ikm_responden) == 4


# --- a year carried over: bantarbolang 2024 from 2023 ---------------------------------------

@pytest.fixture
def bantarbolang(tmp_path):
    shutil.copytree(DATA / "bantarbolang", tmp_path / "bantarbolang")
    return tmp_path


DIBUAT_2024 = [
    "anggaran.csv", "belanja.csv", "data_publik.csv", "desa.csv", "ikm_responden.csv",
    "instrumen.csv", "komposit.csv", "layanan_pelimpahan.csv", "narasi/gambaran_umum.md",
    "narasi/isu_strategis.md", "pegawai.csv", "pejabat.csv", "pengaduan.csv", "pk_anggaran.csv",
    "pk_indikator.csv", "pk_realisasi.csv", "profil.csv", "realisasi_anggaran.csv",
    "rujukan.csv", "sarpras.csv", "tersaji.csv"]


def test_dari_2023_writes_the_year_and_keeps_the_renstra(bantarbolang):
    renstra = sorted(p.name for p in (bantarbolang / "bantarbolang" / "renstra").iterdir())
    ditulis = baru("bantarbolang", 2024, dari=2023, data_dir=bantarbolang)
    assert ditulis == [f"bantarbolang/2024/{n}" for n in DIBUAT_2024]
    assert sorted(p.name for p in (bantarbolang / "bantarbolang" / "renstra").iterdir()) == renstra


def test_dari_carries_cells_as_typed_and_empties_this_years(bantarbolang):
    baru("bantarbolang", 2024, dari=2023, data_dir=bantarbolang)
    lama, kini = (bantarbolang / "bantarbolang" / str(t) for t in (2023, 2024))
    assert (kini / "pegawai.csv").read_text(encoding="utf-8-sig") == \
        (lama / "pegawai.csv").read_text(encoding="utf-8-sig")
    profil = (kini / "profil.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert profil.startswith("bantarbolang,Bantarbolang,Pemalang,Jawa Tengah,2024,")
    assert profil.endswith(",Pemalang,,tidak")  # tanggal_laporan emptied
    assert '"UMAR AZIS, S. Sos",19670524 199503 1 004' in profil
    desa = (kini / "desa.csv").read_text(encoding="utf-8-sig").splitlines()
    assert desa[:3] == ["no,nama_desa,tata_kelola_baik", "1,Bantarbolang,", "2,Glandang,"]
    assert (kini / "narasi" / "gambaran_umum.md").read_bytes() == \
        (lama / "narasi" / "gambaran_umum.md").read_bytes()


def test_check_after_dari_lists_exactly_what_is_left(bantarbolang):
    baru("bantarbolang", 2024, dari=2023, data_dir=bantarbolang)
    masalah = _masalah(bantarbolang, "bantarbolang", 2024)
    per_tempat = Counter((m.berkas.removeprefix("bantarbolang/2024/"), m.kolom)
                         for m in masalah)
    assert per_tempat == Counter({
        # the year's cells of carried files: 1 report date, 8 PK dates, 17 desa, 10 data,
        # 9 services, the composite's typed values (CL.2.1/CL.2.2 nilai, CL.3/CL.4 ratios)
        ("profil.csv", "tanggal_laporan"): 1, ("pejabat.csv", "tanggal_pk"): 8,
        ("desa.csv", "tata_kelola_baik"): 17, ("data_publik.csv", "dipublikasikan"): 10,
        ("layanan_pelimpahan.csv", "tersedia"): 9, ("komposit.csv", "nilai"): 2,
        ("komposit.csv", "pembilang"): 2, ("komposit.csv", "penyebut"): 2,
        # this year's files, templates
        ("pk_indikator.csv", None): 1, ("pk_anggaran.csv", None): 1, ("anggaran.csv", None): 1,
        ("realisasi_anggaran.csv", None): 1, ("pengaduan.csv", None): 1,
        ("ikm_responden.csv", None): 1, ("tersaji.csv", None): 1,
    })
    assert all(m.pesan.startswith(BELUM_DIISI) for m in masalah if m.kolom is None)


def test_dari_does_not_carry_a_pk_perubahan(bantarbolang):
    # the 8 PKs of 2023 were revised (pk_perubahan ya); 2024's PKs are new, not a Perubahan
    # until the office writes ya again (kantor3: a carried 'ya' titled the new year's PK
    # "Perjanjian Kinerja (Perubahan)" without a word); an empty cell is read as tidak
    baru("bantarbolang", 2024, dari=2023, data_dir=bantarbolang)
    pejabat = (bantarbolang / "bantarbolang" / "2024" / "pejabat.csv").read_text(
        encoding="utf-8-sig").splitlines()
    assert pejabat[0].endswith(",tanggal_pk,pk_perubahan")
    assert all(b.endswith(",,") for b in pejabat[1:]), pejabat


def _isi_celah(kini: Path, lama: Path) -> None:
    """Fill what check listed from a fixture: last year's values stand in for this year's."""
    for nama in ("anggaran.csv", "pk_indikator.csv", "pk_anggaran.csv", "pengaduan.csv",
                 "realisasi_anggaran.csv", "tersaji.csv", "desa.csv", "data_publik.csv",
                 "layanan_pelimpahan.csv", "komposit.csv", "pejabat.csv"):
        shutil.copyfile(lama / nama, kini / nama)
    (kini / "ikm_responden.csv").unlink()
    shutil.copyfile(lama / "ikm_responden_sintetis.csv", kini / "ikm_responden.csv")
    profil = (kini / "profil.csv").read_text(encoding="utf-8-sig")
    (kini / "profil.csv").write_text(profil.replace(",Pemalang,,tidak", ",Pemalang,2025-01-31,"
                                                    "tidak"), encoding="utf-8")


def test_dari_loads_once_filled_from_a_fixture(bantarbolang):
    baru("bantarbolang", 2024, dari=2023, data_dir=bantarbolang)
    akar = bantarbolang / "bantarbolang"
    _isi_celah(akar / "2024", akar / "2023")
    data = muat("bantarbolang", 2024, bantarbolang)
    assert data.profil["tahun"] == 2024 and len(data.desa) == 17
    hasil = _check(bantarbolang, "bantarbolang", 2024)
    assert "Data Kecamatan Bantarbolang, Kabupaten Pemalang, tahun 2024" in hasil.output
    assert "Traceback" not in hasil.output
    # what still shows '(belum diisi)' or '–': 4 narasi files (program_pendukung.md is not
    # printed: its absence shows nowhere), the realisasi 2024 of the two indicators typed
    # directly (IKU-03 Nilai AKIP, IKU-04 penyerapan)
    kurang = hasil.output.split("Masih perlu diisi (6):\n")[1].split("\n\n")[0].splitlines()
    assert [k.split(":")[0] for k in kurang] == [
        "  - narasi/permasalahan.md", "  - narasi/solusi.md",
        "  - narasi/inovasi.md", "  - narasi/rencana_tindak_lanjut.md",
        "  - renstra/realisasi.csv", "  - renstra/realisasi.csv"]
    # where each shows, in Bahasa Indonesia
    assert kurang[0] == ('  - narasi/permasalahan.md: belum ada; laporan menampilkan '
                         '"(belum diisi)" (Bab III, Permasalahan).')
    assert "belum ada realisasi 2024 untuk IKU-03 (Nilai AKIP)" in kurang[4]


# --- refusals ---------------------------------------------------------------------------------

def test_never_overwrites_a_year(bantarbolang):
    with pytest.raises(LkjipError, match="sudah ada; lkjip baru tidak menimpa data"):
        baru("bantarbolang", 2023, data_dir=bantarbolang)


def test_dari_a_year_without_data(bantarbolang):
    with pytest.raises(LkjipError) as e:
        baru("bantarbolang", 2024, dari=2019, data_dir=bantarbolang)
    assert str(e.value.masalah[0]) == (
        "(argumen) --dari: nilai '2019' tidak sah; seharusnya tahun yang datanya ada untuk "
        "kecamatan bantarbolang (2023).")


def test_names_refused_before_the_disk(tmp_path):
    with pytest.raises(LkjipError, match="--kecamatan"):
        baru("../luar", 2023, data_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_full_disk_leaves_nothing_half_made(bantarbolang, monkeypatch):
    asli, n = Path.write_text, {"tulis": 0}

    def penuh(self, *a, **kw):
        n["tulis"] += 1
        if n["tulis"] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return asli(self, *a, **kw)

    monkeypatch.setattr(Path, "write_text", penuh)
    with pytest.raises(LkjipError) as e:
        baru("bantarbolang", 2024, dari=2023, data_dir=bantarbolang)
    assert "ruang penyimpanan (disk) penuh; tidak ada yang dibuat" in str(e.value)
    assert sorted(p.name for p in bantarbolang.iterdir()) == ["bantarbolang"]
    assert not (bantarbolang / "bantarbolang" / "2024").exists()


def test_cli_baru_then_check(tmp_path):
    hasil = CliRunner().invoke(main, ["baru", "--kecamatan", "ulujami", "--tahun", "2023",
                                      "--data", str(tmp_path)])
    assert hasil.exit_code == 0, hasil.output
    assert f"{len(SEMUA)} berkas dibuat:" in hasil.output
    assert "lkjip check --kecamatan ulujami --tahun 2023" in hasil.output
    assert modul_baru.SURVEI[0] in hasil.output


def test_renstra_note_names_a_passage_of_the_data_readme(tmp_path):
    # the note sends the office to a question of data/README.md by its words: they must be there
    profil = "renstra_awal,renstra_akhir\n2021,2026\n"
    (tmp_path / "ulujami" / "2027").mkdir(parents=True)
    (tmp_path / "ulujami" / "2027" / "profil.csv").write_text(profil, encoding="utf-8")
    catatan = modul_baru.catatan_renstra("ulujami", 2027, tmp_path)
    bagian = catatan.split('data/README.md ("', 1)[1].split('")', 1)[0]
    readme = Path(__file__).resolve().parents[1] / "data" / "README.md"
    assert f"**{bagian}: " in readme.read_text(encoding="utf-8")
