"""The cache on disk of each kecamatan-year loaded and computed (lkjip.tembolok): never an old
figure after a changed file, the same figures as without it, nothing kept of a failure.

Mini kecamatan (tests/mini.py), by hand: IKU-01 is the IKM, 4 respondents answering 3 to 8 unsur
and 4 to perilaku: (8 × 3 + 4) / 9 × 25 = 77,777… → 77,78. With every answer 4: 4 × 25 = 100,00;
with every answer 2: 2 × 25 = 50,00.
"""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest

from lkjip import pembanding as pb
from lkjip import tembolok
from lkjip.angka import Sumber
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import muat
from tests.mini import UNSUR, tulis_mini

D = Decimal


def _semua(nilai: int) -> str:
    """An IKM survey of 4 respondents giving `nilai` to every unsur."""
    jawaban = ",".join([str(nilai)] * 9)
    return (f"no,periode,tanggal,layanan,{UNSUR}\n"
            + "".join(f"{n},S{1 + n // 3},,KTP,{jawaban}\n" for n in (1, 2, 3, 4)))


@pytest.fixture
def tempat(tmp_path, monkeypatch):
    folder = tmp_path / "tembolok"
    monkeypatch.setenv("LKJIP_TEMBOLOK", str(folder))
    return folder


def _ikm(hasil) -> Decimal:
    return hasil.indikator["IKU-01"].realisasi.bulat


def _entri(tempat) -> list[str]:
    return sorted(p.name for p in tempat.glob("*.pickle"))


def test_changed_csv_gives_the_new_figure_never_the_old(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    _, hasil = tembolok.muat_hitung("contoh", 2023, akar)
    assert _ikm(hasil) == D("77.78") and len(_entri(tempat)) == 1
    _, lagi = tembolok.muat_hitung("contoh", 2023, akar)  # read back: the same figure
    assert _ikm(lagi) == D("77.78")
    (akar / "contoh/2023/ikm_responden.csv").write_text(_semua(4), encoding="utf-8")
    _, baru = tembolok.muat_hitung("contoh", 2023, akar)
    assert _ikm(baru) == D("100.00")
    assert len(_entri(tempat)) == 1  # the old entry is removed, not kept beside the new


def test_same_size_and_time_still_a_new_figure(tmp_path, tempat):
    """Bytes decide, not size and modification time: answers 2 and 4 have the same size."""
    akar = tmp_path / "data"
    tulis_mini(akar, ganti={"2023/ikm_responden.csv": _semua(4)})
    berkas = akar / "contoh/2023/ikm_responden.csv"
    assert _ikm(tembolok.muat_hitung("contoh", 2023, akar)[1]) == D("100.00")
    st = berkas.stat()
    berkas.write_text(_semua(2), encoding="utf-8")
    os.utime(berkas, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert berkas.stat().st_size == st.st_size
    assert _ikm(tembolok.muat_hitung("contoh", 2023, akar)[1]) == D("50.00")


def test_cached_equals_loaded_without_cache(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    tembolok.muat_hitung("contoh", 2023, akar)
    data, hasil = tembolok.muat_hitung("contoh", 2023, akar)  # from the entry
    segar = hitung(muat("contoh", 2023, akar))
    assert data.data_dir == segar.data.data_dir == akar.resolve()
    assert data.profil == segar.data.profil and data.narasi == segar.data.narasi
    for nama, df in segar.data.tabel.items():
        assert data.tabel[nama].equals(df), nama
    assert {k: (i.realisasi.nilai, i.capaian.nilai) for k, i in hasil.indikator.items()} == \
        {k: (i.realisasi.nilai, i.capaian.nilai) for k, i in segar.indikator.items()}


def test_a_changed_peer_changes_the_comparison(tmp_path, tempat):
    """alfa (IKM 100) then alfa (IKM 50): the kabupaten mean of IKU-01 with contoh (77,78) is
    (100 + 77,7778) / 2 = 88,89, then (50 + 77,7778) / 2 = 63,89; contoh ranks 2nd, then 1st."""
    akar = tmp_path / "data"
    tulis_mini(akar)
    tulis_mini(akar, "alfa", {"2023/ikm_responden.csv": _semua(4)})
    data = muat("contoh", 2023, akar)
    hasil = hitung(data)
    p = pb.banding(hasil, "IKU-01", pb.muat_pembanding(data, folders=[]))
    assert (p.peringkat, p.rerata.bulat) == (2, D("88.89"))
    p = pb.banding(hasil, "IKU-01", pb.muat_pembanding(data, folders=[]))  # from the cache
    assert (p.peringkat, p.rerata.bulat) == (2, D("88.89"))
    (akar / "alfa/2023/ikm_responden.csv").write_text(_semua(2), encoding="utf-8")
    p = pb.banding(hasil, "IKU-01", pb.muat_pembanding(data, folders=[]))
    assert (p.peringkat, p.rerata.bulat) == (1, D("63.89"))


def test_a_new_file_changes_the_key(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    sebelum = tembolok.kunci("contoh", 2023, akar.resolve())
    (akar / "contoh/2023/narasi/inovasi.md").write_text("Inovasi.\n", encoding="utf-8")
    assert tembolok.kunci("contoh", 2023, akar.resolve()) not in (None, sebelum)


def test_failure_is_not_cached_and_says_the_same(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar, ganti={"2023/pegawai.csv": None})
    for _ in range(2):
        with pytest.raises(LkjipError, match="pegawai.csv"):
            tembolok.muat_hitung("contoh", 2023, akar)
    assert _entri(tempat) == []


def test_damaged_entry_is_loaded_again(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    tembolok.muat_hitung("contoh", 2023, akar)
    (entri,) = tempat.glob("*.pickle")
    entri.write_bytes(b"bukan pickle")
    assert _ikm(tembolok.muat_hitung("contoh", 2023, akar)[1]) == D("77.78")
    assert pickle.loads(entri.read_bytes()).data.kecamatan == "contoh"  # rewritten


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("LKJIP_TEMBOLOK", "0")
    assert tembolok.folder() is None
    akar = tmp_path / "data"
    tulis_mini(akar)
    assert _ikm(tembolok.muat_hitung("contoh", 2023, akar)[1]) == D("77.78")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_others_can_write_is_not_used(tmp_path, tempat):
    tempat.mkdir()
    tempat.chmod(0o777)
    akar = tmp_path / "data"
    tulis_mini(akar)
    assert _ikm(tembolok.muat_hitung("contoh", 2023, akar)[1]) == D("77.78")
    assert _entri(tempat) == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_symbolic_link_inside_is_not_cached(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    narasi = akar / "contoh/2023/narasi"
    (narasi / "inovasi.md").symlink_to(narasi / "isu_strategis.md")
    assert tembolok.kunci("contoh", 2023, akar.resolve()) is None


def test_kernel_reads_it_back_without_validating(tmp_path, tempat):
    """What the build process loaded, a fresh process (the kernel) reads back: it never even
    imports pandera, the validator; and lkjip's charts never import pyplot."""
    akar = tmp_path / "data"
    tulis_mini(akar)
    tembolok.muat_hitung("contoh", 2023, akar)
    kode = ("import sys; from lkjip import grafik, susun, tampil; "
            "from lkjip.konteks import konteks; "
            f"data, hasil = konteks('contoh', 2023, {str(akar)!r}); "
            "tampil.grafik(grafik.personil(data), '1.1', 'x'); "
            "print(hasil.indikator['IKU-01'].realisasi.bulat, 'pandera' in sys.modules, "
            "'matplotlib.pyplot' in sys.modules)")
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                           env=dict(os.environ), check=True)
    assert hasil.stdout.split() == ["77.78", "False", "False"]


def test_sumber_pickles_and_copies_as_itself():
    s = Sumber("ikm_responden.csv", 5, "perilaku", "4")
    assert pickle.loads(pickle.dumps(s)) == s and copy.deepcopy(s) == s
    assert pickle.loads(pickle.dumps(Sumber("a.csv", None, "k", None))).baris is None


def test_entries_of_a_month_ago_are_removed_when_one_is_written(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    tulis_mini(akar, "alfa")
    tembolok.muat_hitung("alfa", 2023, akar)
    (alfa,) = _entri(tempat)
    tua = tempat / "hilang-2023-hasil-0123456789abcdef-00.pickle"  # a folder since removed
    tua.write_bytes(b"x")
    lama = time.time() - tembolok.UMUR_MAKS - 60
    os.utime(tua, (lama, lama))
    tembolok.muat_hitung("contoh", 2023, akar)
    assert not tua.exists() and alfa in _entri(tempat) and len(_entri(tempat)) == 2


def test_peer_summary_reads_what_the_comparison_needs(tmp_path, tempat):
    akar = tmp_path / "data"
    tulis_mini(akar)
    tulis_mini(akar, "alfa", {"2023/ikm_responden.csv": _semua(4)})
    data = muat("contoh", 2023, akar)
    (lain,) = pb.muat_pembanding(data, folders=[]).hasil
    assert isinstance(lain, pb.HasilLain)
    assert (lain.data.kecamatan, lain.data.profil["nama_kecamatan"]) == ("alfa", "Alfa")
    assert lain.indikator["IKU-01"].realisasi.bulat == D("100.00")
    assert [n.split("-")[2] for n in _entri(tempat)] == ["hasil", "pembanding"]


def test_an_entry_is_made_once_when_two_ask_at_once(tmp_path, tempat):
    """Two threads (as the build process and its kernel, or a batch's two workers) ask for the
    same entry: one makes it while the other waits for its lock and reads it."""
    akar = tmp_path / "data"
    tulis_mini(akar)
    dibuat = []

    def buat(hasil):
        dibuat.append(hasil.data.kecamatan)
        time.sleep(0.2)  # the other asks meanwhile
        return pb.HasilLain.dari(hasil)

    with ThreadPoolExecutor(2) as kerja:
        a, b = kerja.map(lambda _: tembolok.dari_hasil("contoh", 2023, akar, "uji", buat), [0, 1])
    assert dibuat == ["contoh"]
    assert a.indikator["IKU-01"].realisasi.bulat == b.indikator["IKU-01"].realisasi.bulat \
        == D("77.78")


def test_build_process_loads_the_peers_ahead_last_first(tmp_path, tempat):
    """alfa (IKM 100) and beta (IKM 50): loaded ahead by the build process's thread, read back
    by Bab III's comparison, whose mean is (77,7778 + 100 + 50) / 3 = 75,93."""
    from lkjip import laporan

    akar = tmp_path / "data"
    tulis_mini(akar)
    tulis_mini(akar, "alfa", {"2023/ikm_responden.csv": _semua(4)})
    tulis_mini(akar, "beta", {"2023/ikm_responden.csv": _semua(2)})
    data = muat("contoh", 2023, akar)
    assert [n for n, _ in pb.calon(data, [])] == ["alfa", "beta"]
    laporan.siapkan_dulu(data, []).join()
    assert sorted(n.split("-")[0] for n in _entri(tempat) if "-pembanding-" in n) == \
        ["alfa", "beta"]
    p = pb.banding(hitung(data), "IKU-01", pb.muat_pembanding(data, folders=[]))
    assert (p.peringkat, p.n, p.rerata.bulat) == (2, 3, D("75.93"))


def test_loading_ahead_goes_last_first_and_not_without_a_cache(tmp_path, tempat, monkeypatch):
    akar = tmp_path / "data"
    for nama in ("contoh", "alfa", "beta"):
        tulis_mini(akar, nama)
    data = muat("contoh", 2023, akar)
    dimuat = []
    monkeypatch.setattr(pb, "_lain", lambda nama, tahun, folder: dimuat.append(nama))
    pb.muat_dulu(data, [])
    assert dimuat == ["beta", "alfa"]  # Bab III starts at alfa: the two meet in the middle
    monkeypatch.setenv("LKJIP_TEMBOLOK", "0")
    dimuat.clear()
    pb.muat_dulu(data, [])
    assert dimuat == []  # nothing kept: the kernel would load them all again


def test_loading_ahead_reads_no_entry_already_made(tmp_path, tempat, monkeypatch):
    """A batch worker loads the comparisons ahead for every report: an entry already in the
    cache for the files as they are is not read again; a missing one, or one whose files
    changed since, is made."""
    akar = tmp_path / "data"
    for nama in ("contoh", "alfa", "beta"):
        tulis_mini(akar, nama)
    data = muat("contoh", 2023, akar)
    assert not tembolok.ada("alfa", 2023, akar, pb.JENIS_TEMBOLOK)
    pb.muat_dulu(data, [])
    assert tembolok.ada("alfa", 2023, akar, pb.JENIS_TEMBOLOK)
    assert tembolok.ada("beta", 2023, akar, pb.JENIS_TEMBOLOK)
    dibaca = []
    asli = tembolok._baca
    monkeypatch.setattr(tembolok, "_baca", lambda tempat_, nama, kec, tahun:
                        dibaca.append(kec) or asli(tempat_, nama, kec, tahun))
    pb.muat_dulu(data, [])
    assert dibaca == []  # both made: nothing read
    (akar / "beta" / "2023" / "profil.csv").write_text(
        (akar / "beta" / "2023" / "profil.csv").read_text(encoding="utf-8") + "\n",
        encoding="utf-8")
    assert not tembolok.ada("beta", 2023, akar, pb.JENIS_TEMBOLOK)  # its files changed
    pb.muat_dulu(data, [])
    assert "beta" in dibaca and "alfa" not in dibaca  # beta made again (looked up first)
    assert tembolok.ada("beta", 2023, akar, pb.JENIS_TEMBOLOK)
    assert not tembolok.ada("tidak-ada", 2023, akar, pb.JENIS_TEMBOLOK)  # no such kecamatan
    monkeypatch.setenv("LKJIP_TEMBOLOK", "0")
    assert not tembolok.ada("alfa", 2023, akar, pb.JENIS_TEMBOLOK)  # no cache


def test_peers_loaded_ahead_only_for_chapters_that_compare():
    from lkjip import config
    from lkjip.laporan import _membanding, daftar_bab

    bab = daftar_bab(config.notebooks())
    assert _membanding(bab)  # Bab III calls pembanding.muat_pembanding
    assert not _membanding([b for b in bab if not b.name.startswith("03_")])


def test_sidik_isi_names_and_bytes_in_walking_order(tmp_path):
    """The content key by its definition, computed here by hand for a small tree: top-down,
    in each folder the subfolders' names (sorted), then each file's name and the SHA-256 of
    its bytes (sorted), then each subfolder; an empty folder counts by its name."""
    import hashlib

    (tmp_path / "2023" / "narasi").mkdir(parents=True)
    (tmp_path / "2022").mkdir()
    (tmp_path / "profil.csv").write_bytes(b"a")
    (tmp_path / "2023" / "pk.csv").write_bytes(b"b")
    (tmp_path / "2023" / "narasi" / "isu.md").write_bytes(b"c")
    h = hashlib.sha256()
    for nama, isi in [("2022", None), ("2023", None), ("profil.csv", b"a"),
                      ("2023/narasi", None), ("2023/pk.csv", b"b"), ("2023/narasi/isu.md", b"c")]:
        h.update(nama.encode() + b"\0")
        if isi is not None:
            h.update(hashlib.sha256(isi).digest())
    assert tembolok.sidik_isi(tmp_path) == h.hexdigest()
    assert tembolok.sidik_isi(tmp_path / "tidak-ada") is None
