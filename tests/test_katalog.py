"""The catalogue of figures: one table that checks, provenance and the generator read.

A kind of figure added as ONE entry (here registered in the test, lkjip's source untouched) is
checked, explained, listed, its finding carries a stable id, the office decides it by that id
and the working paper shows it. Hand values from tests/mini.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip import jejak, katalog, kertas, tetap
from lkjip import keputusan as kp
from lkjip.angka import Angka, Sumber
from lkjip.galat import LkjipError
from lkjip.hitung import hitung
from lkjip.muat import muat
from lkjip.periksa import aturan, periksa
from lkjip.tampil_periksa import cetak_temuan
from lkjip.teks import normal_teks
from tests.mini import tulis_mini


def _sarpras(hasil, jenis: str) -> Angka:
    """The typed count of one row of sarpras.csv, with its cell as provenance."""
    df = hasil.data.sarpras
    r = df[df["jenis"] == jenis].iloc[0]
    sel = Sumber(hasil.data.berkas["sarpras"], int(r["_baris"]), "jumlah", r["jumlah"])
    return Angka(sel.angka, "jumlah tertulis", (sel,), label=f"jumlah {jenis}", desimal=0)


SARPRAS = katalog.Jenis(
    "sarpras/<jenis>", "jumlah satu jenis sarana dan prasarana", _sarpras, katalog.CACAH,
    "jumlah_sarpras", "<jenis>", "jumlah-sarpras", apa=lambda h, j: f"Jumlah {j}",
    catatan=lambda h, j: " di sarpras.csv", kunci_sah="jenis di sarpras.csv",
    pilihan={"jenis": lambda h: list(h.data.sarpras["jenis"])}, normal=normal_teks,
    judul_aturan="Jumlah sarana dan prasarana")


@pytest.fixture
def satu_entri_lagi(monkeypatch):
    monkeypatch.setattr(katalog, "KATALOG", katalog.KATALOG + (SARPRAS,))


def _jalankan(tmp_path, *baris, keputusan=None):
    ganti = {"2023/tersaji.csv": "besaran,kunci,nilai,sumber\n" + "".join(b + "\n" for b in baris)}
    if keputusan:
        ganti["2023/keputusan.csv"] = "temuan,putusan,alasan\n" + keputusan + "\n"
    tulis_mini(tmp_path, ganti=ganti)
    data = muat("contoh", 2023, tmp_path)
    hasil = hitung(data)
    return hasil, periksa(data, hasil)


ID = "jumlah-sarpras/kendaraan-roda-2/tabel-1.4"


def test_a_new_kind_of_stated_figure_is_one_entry(tmp_path, satu_entri_lagi):
    # the mini's sarpras.csv row 2: Kendaraan Roda 2, jumlah 2; the office states 3 (and 2
    # under another spelling of the name, which matches it)
    hasil, temuan = _jalankan(tmp_path, "jumlah_sarpras,Kendaraan Roda 2,3,Tabel 1.4",
                              "jumlah_sarpras,kendaraan roda 2,2,Bab I")
    sarpras = [t for t in temuan if t.aturan == "jumlah-sarpras"]
    # checked: one galat, 3 against the typed 2
    assert [(t.tingkat, t.baris, t.tersaji, t.terhitung) for t in sarpras] == [
        ("galat", 2, "3", "2")]
    assert sarpras[0].pesan == "Jumlah Kendaraan Roda 2 tersaji 3, padahal terhitung 2 di " \
        "sarpras.csv."
    # a stable id from the rule and the place
    assert sarpras[0].id == ID  # the besaran named once
    # the rule table is generated with it; check prints its title
    assert ("jumlah-sarpras", "Jumlah sarana dan prasarana") in [(a.id, a.judul)
                                                                for a in aturan()]
    assert "jumlah-sarpras — Jumlah sarana dan prasarana (1 galat)" in cetak_temuan(temuan)
    # explained: the path of `lkjip jelaskan`, down to the cell
    teks = jejak.jelaskan(hasil, "sarpras/Kendaraan Roda 2")
    assert "sarpras.csv baris 2, kolom jumlah: 2" in teks
    assert any(b.startswith("sarpras/<jenis>") for b in katalog.daftar_jalur(hasil))
    assert katalog.jalur_tersaji("jumlah_sarpras", "Kendaraan Roda 2") == \
        "sarpras/Kendaraan Roda 2"
    assert katalog.nilai_tersaji(hasil, "jumlah_sarpras", "Kendaraan Roda 2") == 2


def test_the_new_kind_is_decided_by_its_id_in_the_working_paper(tmp_path, satu_entri_lagi):
    # the office decides the finding above by the id `lkjip check` printed: terhitung (the
    # typed 2 is right, the 3 of the first edition was a slip)
    hasil, temuan = _jalankan(tmp_path, "jumlah_sarpras,Kendaraan Roda 2,3,Tabel 1.4",
                              keputusan=f"{ID},terhitung,")
    keadaan = kp.keadaan_data(hasil.data, temuan)
    t = next(t for t in temuan if t.id == ID)
    assert keadaan.putusan_untuk(t).putusan == "terhitung"
    assert t not in keadaan.galat_terbuka  # no longer keeps the edition a DRAF
    assert keadaan.basi == []
    # the working paper shows the finding under its id with the decision in words; "where in
    # this report" comes from the tables' marked cells, and no edition table marks this one
    html = kertas.temuan(hasil.data, hasil, keadaan).isi
    blok = html[html.index(f'id="{t.jangkar}"'):]
    blok = blok[:blok.index("</section>")]
    assert f"[{ID}]" in blok and "Jumlah sarana dan prasarana" in blok
    assert "Diputuskan terhitung: laporan memakai angka hasil perhitungan (2)." in blok
    assert "angka ini dikutip dalam uraian laporan, tidak dalam tabel" in blok
    assert "tersaji.csv baris 2" in blok


def test_a_count_read_from_the_inputs_cannot_be_decided_tersaji(tmp_path, satu_entri_lagi):
    # the count is the typed cell of sarpras.csv: an office that wants 3 corrects sarpras.csv;
    # `tetap` refuses the decision and names its row (row 2 of keputusan.csv)
    hasil, temuan = _jalankan(tmp_path, "jumlah_sarpras,Kendaraan Roda 2,3,Tabel 1.4",
                              keputusan=f"{ID},tersaji,angka buku inventaris")
    keadaan = kp.keadaan_data(hasil.data, temuan)
    with pytest.raises(LkjipError) as e:
        tetap.tetapan(hasil.data, hasil, keadaan)
    [m] = e.value.masalah
    assert (m.berkas, m.baris, m.kolom) == ("contoh/2023/keputusan.csv", 2, "putusan")
    assert f"putusan 'tersaji' untuk temuan '{ID}' tidak dapat diterapkan" in str(m)


def test_without_the_entry_the_figure_is_only_info(tmp_path):
    _, temuan = _jalankan(tmp_path, "jumlah_sarpras,Kendaraan Roda 2,3,Tabel 1.4")
    t = next(t for t in temuan if t.besaran == "jumlah_sarpras")
    assert (t.tingkat, t.aturan) == ("info", "tidak-diperiksa")
    assert "tidak ada aturan untuk besaran 'jumlah_sarpras'" in t.pesan


# ---------------------------------------------------------------- the table itself


def test_every_besaran_has_one_entry_and_every_comparison_exists():
    from lkjip.periksa import BANDING

    besaran = [j.besaran for j in katalog.KATALOG if j.besaran]
    assert len(besaran) == len(set(besaran))
    assert {j.banding for j in katalog.KATALOG} <= set(BANDING)
    ada = {a.id for a in aturan()}
    assert all(j.aturan in ada for j in katalog.KATALOG if j.aturan)


@pytest.fixture(scope="module")
def contoh():
    from lkjip import config

    return hitung(muat("bantarbolang", 2023, config.contoh()))


def test_every_path_of_the_example_resolves(contoh):
    """Each listed path names a figure (none is a dead entry)."""
    for j in katalog.KATALOG:
        if not j.jalur:
            continue
        pilihan = [j.pilihan_kunci(contoh, n) for n in j.nama_kunci]
        if any(not p for p in pilihan):
            continue
        kunci = tuple(p[0] for p in pilihan)
        assert isinstance(katalog.cari(contoh, katalog.isi_jalur(j.jalur, kunci)), Angka)


@pytest.mark.parametrize(("besaran", "kunci", "jalur", "nilai"), [
    # values computed by hand in tests/test_jejak.py and tests/test_tabel.py
    ("capaian", "IKU-02", "capaian/IKU-02", Decimal("91.68")),
    ("realisasi", "IKU-01", "realisasi/IKU-01", Decimal("82.78")),
    ("penyerapan", "keseluruhan", "penyerapan/total", Decimal("97.90")),
    ("pagu_perubahan", "total", "anggaran/total/pagu_perubahan", 2_522_467_250),
    ("selisih_perubahan", "1", "anggaran/1/selisih", -47_067_500),
    ("jumlah_desa", "penyebut", "daftar/desa/penyebut", 17),
    ("kategori_kinerja", "S1", None, "Sangat Tinggi"),  # 96,32 ≥ 93,51
    ("mutu_ikm", None, None, "Baik"),  # 82,78: B (Baik)
    ("tahun_ke_renstra", None, "tahun_ke_renstra", 3),  # 2023 − 2021 + 1
    ("pk_total_tw3", "sekcam", "pk/sekcam/tw3", 600_020_750),
])
def test_stated_figure_to_path_and_value(contoh, besaran, kunci, jalur, nilai):
    assert katalog.jalur_tersaji(besaran, kunci) == jalur
    assert katalog.nilai_tersaji(contoh, besaran, kunci) == nilai
    if jalur:
        assert katalog.tersaji_jalur(jalur)[0] == besaran


@pytest.mark.parametrize(("kunci", "tersaji", "pesan"), [
    # IKU-04 (tests/mini.py sasaran_ganda(3)): arah turun, metode selisih, realisasi 8, target
    # akhir 5: progres (2 × 5 − 8) / 5 × 100 = 40 — not 8 / 5 × 100 = 160; counts of kejadian
    # print as counts in the worked line (lkjip.format.format_nilai)
    ("IKU-04", "160",
     "tersaji 160, padahal terhitung 40,00 (40,00 = (2 × 5 − 8) / 5 × 100)"),
    # IKU-05 (naik): realisasi 30, target akhir 50: 30 / 50 × 100 = 60
    ("IKU-05", "75", "tersaji 75, padahal terhitung 60,00 (60,00 = 30,00 / 50,00 × 100)"),
])
def test_a_progres_finding_states_the_formula_of_its_arah(tmp_path, kunci, tersaji, pesan):
    from tests.mini import sasaran_ganda

    ganti = sasaran_ganda(3)
    ganti["2023/tersaji.csv"] = ("besaran,kunci,nilai,sumber\n"
                                 f"progres_renstra,{kunci},{tersaji},Tabel 3.5\n")
    tulis_mini(tmp_path, ganti=ganti)
    data = muat("contoh", 2023, tmp_path)
    [t] = [t for t in periksa(data) if t.aturan == "progres-renstra"]
    assert pesan in t.pesan


def test_the_working_paper_builds_the_tables_again_only_for_a_stated_figure(contoh,
                                                                           monkeypatch):
    # "where in this report" of a stated figure comes from the edition's tables, built again
    # for it (~0,1 CPU-s); findings of which none is about a stated figure need none of them
    hasil = contoh
    data = hasil.data
    temuan = periksa(data, hasil)
    tanpa = [t for t in temuan if t.besaran is None]
    assert tanpa and len(tanpa) < len(temuan)

    def jangan(*_):
        raise AssertionError("tables built again")

    monkeypatch.setattr(kertas, "letak_tersaji", jangan)
    html = kertas.temuan(data, hasil, kp.keadaan_data(data, tanpa)).isi
    assert html.count('<section class="lk-temuan') == len(tanpa)
    with pytest.raises(AssertionError, match="tables built again"):
        kertas.temuan(data, hasil, kp.keadaan_data(data, temuan))


def test_pilihan_kunci_disimpan_per_model(monkeypatch):
    """A key's valid values are made once per model (`katalog._pilihan_model`): asked again
    of the same model, the choice function is not called again; another model (or None)
    gets its own; the list returned is the caller's to change."""
    dipanggil = []

    def kode(h):
        dipanggil.append(h)
        return [f"{h}-1", f"{h}-2", "total"]

    monkeypatch.setitem(katalog.PILIHAN, "kode", kode)
    monkeypatch.setattr(katalog, "_PILIHAN", {})
    jenis = next(j for j in katalog.KATALOG if "kode" not in j.pilihan)

    class Model:
        def __init__(self, nama):
            self.nama = nama

        def __str__(self):
            return self.nama

    a, b = Model("a"), Model("b")
    pertama = jenis.pilihan_kunci(a, "kode")
    assert pertama == ["a-1", "a-2", "total"]
    pertama.append("diubah")
    assert jenis.pilihan_kunci(a, "kode") == ["a-1", "a-2", "total"]
    assert jenis.pilihan_kunci(b, "kode") == ["b-1", "b-2", "total"]
    assert jenis.pilihan_kunci(None, "kode") == ["None-1", "None-2", "total"]
    assert jenis.pilihan_kunci(a, "kode") == ["a-1", "a-2", "total"]
    assert dipanggil == [a, b, None]
