"""konteks's freshness key (`_sidik`): every file under the kecamatan's folder, by path, size
and modification time, as ``rglob("*")`` finds them."""

import os

from lkjip import konteks


def test_sidik_semua_berkas_dan_tautan_berkas(tmp_path):
    k = tmp_path / "kec"
    (k / "2023" / "dalam").mkdir(parents=True)
    (k / "a.csv").write_text("abc")  # 3 bytes
    (k / "2023" / "b.csv").write_text("12345")  # 5
    (k / "2023" / "dalam" / ".tersembunyi").write_text("")  # 0
    luar = tmp_path / "luar"
    luar.mkdir()
    (luar / "c.csv").write_text("1234567")  # 7
    os.symlink(luar / "c.csv", k / "tautan.csv")  # a link to a file: the target's size
    os.symlink(luar, k / "folder_tautan")  # a linked folder: not entered
    os.symlink(tmp_path / "tidak-ada", k / "putus.csv")  # a broken link: no file
    harap = {(str(k / "a.csv"), 3), (str(k / "2023" / "b.csv"), 5),
             (str(k / "2023" / "dalam" / ".tersembunyi"), 0), (str(k / "tautan.csv"), 7)}
    sidik = konteks._sidik(k)
    assert {(p, n) for p, n, _ in sidik} == harap
    assert [p for p, _, _ in sidik] == sorted(p for p, _ in harap)
    assert all(t == os.stat(p).st_mtime_ns for p, _, t in sidik)
    assert sidik == tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                                 for p in k.rglob("*") if p.is_file()))  # rglob's files


def test_sidik_folder_tidak_ada(tmp_path):
    assert konteks._sidik(tmp_path / "tidak-ada") == ()
