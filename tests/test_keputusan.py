"""keputusan.csv: the office's decisions on the findings (template, kept decisions, stale
decisions, validation, what keeps the edition a DRAF) and the `lkjip keputusan` command.

The example (a copy of data/bantarbolang in a temporary folder) has 25 galat among its
findings; decisions are written by finding (rule and stated figure), never by a number
copied from the program's output.
"""

from __future__ import annotations

import csv
import shutil

import pytest
from click.testing import CliRunner

from lkjip import keputusan as kp
from lkjip import tabel_lampiran
from lkjip.cli import main
from lkjip.config import DATA
from lkjip.galat import LkjipError
from lkjip.muat import muat
from lkjip.periksa import periksa


@pytest.fixture()
def data_dir(tmp_path):
    shutil.copytree(DATA / "bantarbolang", tmp_path / "bantarbolang")
    return tmp_path


@pytest.fixture(scope="module")
def temuan():
    return periksa(muat("bantarbolang", 2023, DATA))


def _cari(temuan, aturan, besaran=None, kunci=None):
    """The id of the one finding of a rule (and stated figure)."""
    cocok = [t for t in temuan if t.aturan == aturan
             and (besaran is None or (t.besaran, t.kunci) == (besaran, kunci))]
    assert len(cocok) == 1, (aturan, besaran, kunci, cocok)
    return kp.id_temuan(cocok[0])


def _berkas(data_dir):
    return data_dir / "bantarbolang" / "2023" / kp.NAMA_BERKAS


def _baca(path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _tulis(path, baris: list[list[str]], judul=("temuan", "putusan", "alasan")) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(judul)
        w.writerows(baris)


def _keputusan(data_dir):
    return CliRunner().invoke(main, ["keputusan", "--kecamatan", "bantarbolang", "--tahun",
                                     "2023", "--data", str(data_dir)])


def test_templat_satu_baris_per_temuan_putusan_kosong(data_dir, temuan):
    r = _keputusan(data_dir)
    assert r.exit_code == 0, r.output
    baris = _baca(_berkas(data_dir))
    assert [b["temuan"] for b in baris] == [kp.id_temuan(t) for t in temuan]
    assert all(b["putusan"] == "" and b["alasan"] == "" for b in baris)
    assert [b["tingkat"] for b in baris] == [t.tingkat for t in temuan]
    assert f"{len(temuan)} temuan belum diputuskan" in r.output


def test_templat_mempertahankan_putusan_yang_sudah_ada(data_dir, temuan):
    ikm = _cari(temuan, "realisasi-indikator", "realisasi", "IKU-01")
    cakupan = _cari(temuan, "realisasi-indikator", "realisasi", "IKU-02")
    _tulis(_berkas(data_dir), [[ikm, "tersaji", "IKM 82,94 hasil survei resmi semester 2"],
                               [cakupan, "terhitung", ""]])
    r = _keputusan(data_dir)
    assert r.exit_code == 0, r.output
    baris = {b["temuan"]: b for b in _baca(_berkas(data_dir))}
    assert (baris[ikm]["putusan"], baris[ikm]["alasan"]) == (
        "tersaji", "IKM 82,94 hasil survei resmi semester 2")
    assert baris[cakupan]["putusan"] == "terhitung"
    assert len(baris) == len(temuan)
    assert "2 putusan yang sudah ada dipertahankan" in r.output
    assert f"{len(temuan) - 2} temuan belum diputuskan" in r.output


def test_putusan_yang_temuannya_hilang_dilaporkan_bukan_diam_diam_dipakai(data_dir, temuan):
    _tulis(_berkas(data_dir), [["temuan-yang-sudah-tidak-ada", "terhitung", "dulu dibetulkan"]])
    r = _keputusan(data_dir)
    assert r.exit_code == 0, r.output
    assert "1 putusan BASI" in r.output and "temuan-yang-sudah-tidak-ada" in r.output
    basi = [b for b in _baca(_berkas(data_dir)) if b["temuan"] == "temuan-yang-sudah-tidak-ada"]
    assert basi and basi[0]["tingkat"] == kp.BASI  # kept in the file, marked, not applied
    data = muat("bantarbolang", 2023, data_dir)
    keadaan = kp.keadaan_data(data, temuan)
    assert [p.temuan for p in keadaan.basi] == ["temuan-yang-sudah-tidak-ada"]
    assert "temuan-yang-sudah-tidak-ada" not in keadaan.putusan
    r = CliRunner().invoke(main, ["check", "--kecamatan", "bantarbolang", "--tahun", "2023",
                                  "--data", str(data_dir)])
    assert "temuan-yang-sudah-tidak-ada" in r.output and "basi" in r.output


def test_hanya_galat_yang_belum_diputuskan_membuat_draf(data_dir, temuan):
    data = muat("bantarbolang", 2023, data_dir)
    galat = [t for t in temuan if t.tingkat == "galat"]
    assert galat and kp.keadaan_data(data, temuan).draf
    _tulis(_berkas(data_dir), [[kp.id_temuan(t), "terhitung", ""] for t in galat[:-1]])
    assert kp.keadaan_data(data, temuan).galat_terbuka == [galat[-1]]
    # peringatan and info left undecided do not keep the edition a draft
    _tulis(_berkas(data_dir), [[kp.id_temuan(t), "terhitung", ""] for t in galat])
    keadaan = kp.keadaan_data(data, temuan)
    assert not keadaan.draf and any(t.tingkat != "galat" for t in temuan)
    r = CliRunner().invoke(main, ["check", "--kecamatan", "bantarbolang", "--tahun", "2023",
                                  "--data", str(data_dir)])
    assert r.exit_code == 0 and "Semua galat sudah diputuskan" in r.output


@pytest.mark.parametrize(("baris", "bagian"), [
    ([["temuan-1", "mungkin", ""]], ["baris 2", "kolom 'putusan'", "'mungkin'",
                                      "terhitung, tersaji"]),
    ([["temuan-1", "tersaji", ""]], ["baris 2", "kolom 'alasan'", "memerlukan alasan"]),
    ([["temuan-1", "terhitung", ""], ["temuan-1", "tersaji", "x"]],
     ["baris 3", "kolom 'temuan'", "sudah diputuskan di baris 2"]),
    ([["", "terhitung", "tanpa kode"]], ["baris 2", "kolom 'temuan'", "(kosong)"]),
])
def test_kesalahan_ditolak_dengan_baris_kolom_dan_nilai(data_dir, baris, bagian):
    _tulis(_berkas(data_dir), baris)
    with pytest.raises(LkjipError) as e:
        kp.baca(_berkas(data_dir))
    pesan = str(e.value)
    assert "bantarbolang/2023/keputusan.csv" in pesan
    for b in bagian:
        assert b in pesan, pesan


def test_semua_kesalahan_sekaligus_dan_berkas_tidak_ditimpa(data_dir):
    _tulis(_berkas(data_dir), [["temuan-1", "ya", ""], ["temuan-2", "tersaji", ""]])
    lama = _berkas(data_dir).read_bytes()
    r = _keputusan(data_dir)
    assert r.exit_code == 1
    assert "baris 2" in r.output and "baris 3" in r.output and "Traceback" not in r.output
    assert _berkas(data_dir).read_bytes() == lama


def test_kolom_wajib_hilang(data_dir):
    _tulis(_berkas(data_dir), [["temuan-1", "terhitung"]], judul=("temuan", "putusan"))
    with pytest.raises(LkjipError, match="kolom alasan tidak ada"):
        kp.baca(_berkas(data_dir))


def test_pk_ditandatangani_dengan_catatan_koreksi_yang_diputuskan(data_dir, temuan):
    """The Camat's PK is reproduced as signed; the decided correction of row 6 is a short
    footnote in plain words, and the signed total (decided tersaji: the row was the typo)
    has none."""
    from lkjip import susun

    dpa = _cari(temuan, "pk-anggaran-dpa")
    total = _cari(temuan, "pk-jumlah-anggaran", "pk_total_anggaran", "camat")
    _tulis(_berkas(data_dir), [[dpa, "terhitung", ""],
                               [total, "tersaji", "total yang ditandatangani sesuai DPA"]])
    data = muat("bantarbolang", 2023, data_dir)
    kaki = susun.kaki_pk(data, kp.keadaan_data(data, temuan))
    assert kaki["camat"] == {("6", "Anggaran (Rp)"):
                             "tertulis Rp 2.460.836.770; menurut DPA Rp 2.460.636.770"}
    from lkjip.hitung import hitung

    t = tabel_lampiran.tabel_pk_anggaran(data, hitung(data), "camat", "L.3", kaki["camat"])
    html = t.html().isi
    assert "2.460.836.770<sup" in html and "2.522.467.250</td>" in html
    assert "menurut DPA Rp 2.460.636.770" in html


# ---------------------------------------------------------------- figures follow decisions

TERSAJI_MINI = ("besaran,kunci,nilai,sumber\n"
                "realisasi,IKU-02,60,Tabel 3.2\n"
                "capaian_sasaran,S1,90,Tabel 3.3\n"
                "capaian_sasaran,S1,91,Bab IV\n"
                "jumlah_desa,penyebut,5,Bab III\n")


@pytest.fixture()
def mini(tmp_path):
    from tests.mini import tulis_mini

    return tulis_mini(tmp_path, ganti={"2023/tersaji.csv": TERSAJI_MINI})


def _model(root, baris):
    """The edition's model of the mini with `baris` of decisions keyed by (rule, besaran,
    kunci, stated value), written to its keputusan.csv."""
    from lkjip.hitung import hitung
    from lkjip.konteks import ikut_keputusan

    data = muat("contoh", 2023, root)
    hasil = hitung(data)
    temuan = periksa(data, hasil)
    pilih = {(t.besaran, t.kunci, t.tersaji): kp.id_temuan(t) for t in temuan}
    _tulis(root / "contoh" / "2023" / kp.NAMA_BERKAS,
           [[pilih[k], putusan, alasan] for k, putusan, alasan in baris])
    return ikut_keputusan(data, hasil, kp.keadaan_data(data, temuan))


def test_tersaji_pada_realisasi_diikuti_capaian_dan_sasaran(mini):
    # stated realisasi cakupan 60 kept: capaian 60 / 80 × 100 = 75,00; IKM (8×3 + 4)/9 × 25 =
    # 77,777… → capaian 77,777… / 80 × 100 = 97,222…; sasaran (97,222… + 75)/2 = 86,111… → 86,11
    h = _model(mini, [(("realisasi", "IKU-02", "60"), "tersaji", "angka resmi")])
    assert h.indikator["IKU-02"].realisasi.bulat == 60
    assert str(h.indikator["IKU-02"].capaian.bulat) == "75.00"
    assert str(h.sasaran["S1"].capaian.bulat) == "86.11"
    assert h.murni.indikator["IKU-02"].realisasi.bulat != 60  # the checks keep the computed
    # the fixed figure says where it comes from: the stated row and the decision's row
    asal = {s.file.rsplit("/", 1)[-1] for s in h.indikator["IKU-02"].realisasi.masukan}
    assert asal == {"tersaji.csv", "keputusan.csv"}


def test_terhitung_memakai_angka_hasil_perhitungan(mini):
    # cakupan (1/2 + 3/4)/2 × 100 = 62,50; capaian 62,5/80 × 100 = 78,125 → 78,13;
    # sasaran (97,222… + 78,125)/2 = 87,673… → 87,67
    h = _model(mini, [(("realisasi", "IKU-02", "60"), "terhitung", "")])
    assert str(h.indikator["IKU-02"].realisasi.bulat) == "62.50"
    assert str(h.sasaran["S1"].capaian.bulat) == "87.67"


def test_dua_putusan_tersaji_berbeda_untuk_satu_angka_ditolak(mini):
    with pytest.raises(LkjipError) as e:
        _model(mini, [(("capaian_sasaran", "S1", "90"), "tersaji", "a"),
                      (("capaian_sasaran", "S1", "91"), "tersaji", "b")])
    pesan = str(e.value)
    assert "keputusan.csv, baris 3, kolom 'putusan'" in pesan and "90" in pesan \
        and "91" in pesan and "Hanya satu" in pesan


def test_tersaji_pada_angka_dari_data_masukan_ditolak(mini):
    with pytest.raises(LkjipError, match="dihitung langsung dari data masukan"):
        _model(mini, [(("jumlah_desa", "penyebut", "5"), "tersaji", "ada desa baru")])


# ---------------------------------------------------------------- the example, every galat decided


def test_keputusan_contoh_memutuskan_setiap_galat_dan_tidak_ada_yang_basi(temuan):
    from tests import keputusan_contoh

    assert keputusan_contoh.BERKAS.read_text(encoding="utf-8") == keputusan_contoh.isi(temuan), \
        "jalankan: python -m tests.keputusan_contoh"


def _png(path, warna) -> None:
    from PIL import Image

    Image.new("RGB", (60, 80), warna).save(path)


def _pdf_pindaian(path) -> None:
    """A two-page 'scan' whose pages say what they are."""
    from lkjip.ekspor import html_ke_pdf

    path.write_bytes(html_ke_pdf(
        "<p>PINDAIAN PK CAMAT HALAMAN 1</p><p style='break-before: page'>PINDAIAN PK CAMAT "
        "HALAMAN 2</p>"))


@pytest.fixture(scope="module")
def edisi_diputuskan(tmp_path_factory, dengan_pembanding):
    """The example built with tests/fixtures/keputusan/…/keputusan.csv in its data folder, a
    logo, and scans of the signed PK (a two-page PDF and a PNG) under lampiran/."""
    from lkjip.laporan import bangun
    from tests import keputusan_contoh

    akar = tmp_path_factory.mktemp("data")
    shutil.copytree(DATA / "bantarbolang", akar / "bantarbolang")
    tahun = akar / "bantarbolang" / "2023"
    shutil.copy(keputusan_contoh.BERKAS, tahun / kp.NAMA_BERKAS)
    _png(tahun / "logo.png", "navy")
    (tahun / "lampiran").mkdir()
    _pdf_pindaian(tahun / "lampiran" / "01_pk_camat.pdf")
    _png(tahun / "lampiran" / "02_pk_sekcam.png", "gray")
    return bangun("bantarbolang", 2023, data_dir=dengan_pembanding(akar),
                  out_dir=tmp_path_factory.mktemp("out"))


def _sel(sup, id_tabel: str, awal: str) -> list[str]:
    for tr in sup.find(id=id_tabel).find_all("tr"):
        sel = [" ".join(td.get_text(" ").split()) for td in tr.find_all("td")]
        if any(awal in s for s in sel[:3]):
            return sel
    raise AssertionError(awal)


def test_edisi_tanpa_draf_dan_angkanya_mengikuti_putusan(edisi_diputuskan):
    import pypdf
    from bs4 import BeautifulSoup

    from tests.tata_letak import teks_halaman

    pdf = pypdf.PdfReader(edisi_diputuskan.pdf)
    assert not any("DRAF" in h for h in teks_halaman(edisi_diputuskan.pdf))
    assert "DRAF" not in (pdf.metadata.title or "") + pdf.metadata.get("/Keywords", "")
    sup = BeautifulSoup(edisi_diputuskan.html.read_text(encoding="utf-8"), "html.parser")
    for el in sup.select(".lk-jejak-isi"):
        el.decompose()
    assert not sup.select(".lk-draf, .lk-draf-layar")
    # IKM kept as stated (tersaji): 82,94, capaian 82,94 / 82 × 100 = 101,146… → 101,15; the
    # indeks target 82 by its unit as the realisasi beside it
    assert _sel(sup, "tabel-3-2", "Indeks kepuasan")[3:6] == ["82,00", "82,94", "101,15"]
    # cakupan as computed (terhitung): (54,074… + 80 + 100 + 100 + 100)/5 = 86,81;
    # capaian 86,8148… / 94,69 × 100 = 91,683… → 91,68
    assert _sel(sup, "tabel-3-2", "Cakupan layanan")[3:6] == ["94,69", "86,81", "91,68"]
    # sasaran: (101,15 (tersaji) + 91,683…)/2 = 96,416… → 96,42
    assert _sel(sup, "tabel-3-4", "Persentase Capaian Sasaran")[-4] == "96,42"
    # the Camat's PK as signed, the decided correction beside row 6, none on the total
    teks = " ".join(sup.get_text(" ").split())
    assert "tertulis Rp 2.460.836.770; menurut DPA Rp 2.460.636.770" in teks
    assert "jumlah rinciannya Rp 2.522.667.250" not in teks
    # the IKM printed is the office's stated 82,94, not computed from the synthetic answers:
    # Tabel 3.2 says nothing of them; the survey table and the unsur chart still do
    for id_, sintetis in (("tabel-3-2", False), ("tabel-3-6", True), ("grafik-3-3", True)):
        sumber = sup.find(id=id_).select_one("p.lk-sumber").get_text()
        assert ("ikm_responden_sintetis.csv" in sumber) == sintetis, id_


def test_kertas_kerja_mencatat_putusan_dan_alasannya(edisi_diputuskan):
    import pypdf

    teks = " ".join(" ".join(h.extract_text() for h in
                             pypdf.PdfReader(edisi_diputuskan.kertas_pdf).pages).split())
    assert "Semua galat sudah diputuskan" in teks
    assert "Diputuskan tersaji: laporan memakai angka yang tertulis (82,94)" in teks
    assert "Diputuskan terhitung: laporan memakai angka hasil perhitungan (86,81)" in teks


def test_logo_alamat_dan_pindaian_pk_terlampir(edisi_diputuskan):
    import docx
    from bs4 import BeautifulSoup

    from tests.tata_letak import teks_halaman

    sup = BeautifulSoup(edisi_diputuskan.html.read_text(encoding="utf-8"), "html.parser")
    sampul = sup.select_one("section.lk-sampul")
    assert sampul.select_one(".lk-sampul-logo img")["src"].startswith("data:image/png;base64,")
    assert "Jl. Raya Bantarbolang-Pemalang Nomor 17" in sampul.get_text()
    assert len(sup.select("figure.lk-pindaian img")) == 1  # the PNG scan, as a page
    assert "01_pk_camat.pdf" in sup.select_one("p.lk-pindaian-pdf").get_text()
    halaman = teks_halaman(edisi_diputuskan.pdf)
    # the scanned PDF's two pages are the last two, as they are
    assert "PINDAIAN PK CAMAT HALAMAN 1" in halaman[-2]
    assert "PINDAIAN PK CAMAT HALAMAN 2" in halaman[-1]
    assert not any("PINDAIAN PK CAMAT" in h for h in halaman[:-2])
    d = docx.Document(str(edisi_diputuskan.docx))
    grafik = len(sup.select("figure.lk-grafik"))
    assert len(d.inline_shapes) == grafik + 2  # the charts, the logo, the PNG scan


def test_blok_tanda_tangan_tidak_terpotong_halaman(edisi_diputuskan):
    """A signature block never splits: on every page, each 'Pihak Kedua,' (a block's first
    line) comes with the place and date over 'Pihak Pertama,' and two signatories' names."""
    from tests.tata_letak import teks_halaman

    pejabat = muat("bantarbolang", 2023, DATA).pejabat
    nama = set(pejabat["nama"]) | set(pejabat["nama_atasan"].dropna()) - {""}
    blok = 0
    for h in teks_halaman(edisi_diputuskan.pdf):
        teks = " ".join(h.split())
        n = teks.count("Pihak Kedua,")
        blok += n
        assert teks.count("23 Oktober 2023 Pihak Pertama,") == n
        assert sum(teks.count(x) for x in nama) >= 2 * n
    assert blok == 2 * len(pejabat)  # each PK signed twice: its text and its lampiran
