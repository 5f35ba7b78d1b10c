"""The report's Indonesian: the checker finds each fault it names, and every generated sentence
of the example and of three synthetic kecamatan passes it (issue 12, item 3)."""

import re
from html import unescape

import pytest

from lkjip import ejaan, narasi, narasi_analisis, sintetis, tabel
from lkjip.config import DATA
from lkjip.ejaan import NBSP, pelanggaran
from lkjip.konteks import konteks
from lkjip.laporan import temukan


@pytest.mark.parametrize(("teks", "aturan"), [
    ("Capaian 96,32 % dengan kategori Tinggi dengan penyerapan 97,90\xa0%.", ["persen",
                                                                           "dengan-ganda"]),
    ("Realisasi tahun berjalan dibandingkan target.", ["tahun-berjalan"]),
    ("Akuntabilitas adalah pilar: ia menunjukkan kinerja.", ["ia"]),
    ("Capaian 100%.", ["persen"]),
    ("Target bernilai 0: Apabila target bernilai 0, capaian 100\xa0%.", ["label-berulang"]),
    ("Jumlah dihitung dari komposit.csv.", ["catatan-pengembang"]),
    ("Skala yang berlaku: bantarbolang-2023.", ["catatan-pengembang"]),
])
def test_each_rule_finds_its_fault(teks, aturan):
    assert sorted(p.aturan for p in pelanggaran(teks)) == sorted(aturan)


@pytest.mark.parametrize("teks", [
    "Capaian 96,32\xa0% pada tahun 2023, dengan kategori Sangat Tinggi.",
    "Indikator: Cakupan layanan kecamatan.",  # a label that is not repeated
    "Media sosial, Instagram dan Facebook.",  # 'ia' only as a word
    "Nilai 2,5 dari 4 dan indeks 82.",
])
def test_clean_sentences_pass(teks):
    assert pelanggaran(teks) == []


def test_tidy_binds_percent_and_rupiah_once():
    # "96,32 %" and "100%" both become number + NBSP + "%"; tidying twice changes nothing
    teks = ejaan.rapikan("capaian 96,32 % dari 100%  dan Rp 5.000")
    assert teks == f"capaian 96,32{NBSP}% dari 100{NBSP}% dan Rp{NBSP}5.000"
    assert ejaan.rapikan(teks) == teks


def _kalimat_edisi(data, hasil) -> list[str]:
    """Every sentence the edition generates from the model (narasi and the tables' notes)."""
    teks = [narasi.ikhtisar(data, hasil), narasi.kalimat_tanpa_target(data, hasil),
            narasi.kalimat_anggaran(data, hasil), narasi.kalimat_penyerapan(data, hasil),
            narasi.kalimat_efisiensi(data, hasil), narasi.kalimat_renstra(data),
            narasi.kalimat_penutup(data), _polos(narasi.rumus_berlaku(data, hasil).isi)]
    teks += narasi.kesimpulan(data, hasil)
    for kode in hasil.indikator:
        teks += [narasi.kalimat_capaian(data, hasil, kode)] + _kalimat_analisis(data, hasil, kode)
    teks += [narasi.kalimat_sasaran(data, hasil, k) for k in hasil.sasaran]
    teks += [narasi.kalimat_komposit(data, hasil, k) for k in hasil.komposit
             if k in set(data.komposit["kode_node"]) and not _anak(data, k)]
    if hasil.ikm_tahun is not None:
        teks.append(narasi.kalimat_ikm(data, hasil))
    teks.append(tabel.catatan_tanpa_target(hasil, data.tahun) or "")
    teks += _kalimat_dokumen(data, hasil)
    return [t for t in teks if t]


def _kalimat_analisis(data, hasil, kode) -> list[str]:
    """Bab III's analysis of one indicator (lkjip.narasi_analisis): target, trend, Renstra,
    the kabupaten's kecamatan, standards, causes, quarters."""
    from lkjip.pembanding import muat_pembanding

    na, lain = narasi_analisis, muat_pembanding(data)
    teks = [na.kalimat_target(data, hasil, kode), na.kalimat_tren(data, hasil, kode),
            na.kalimat_progres(data, hasil, kode), na.kalimat_standar(data, hasil, kode),
            na.kalimat_kabupaten(data, hasil, kode, lain), na.kalimat_triwulan(data, hasil, kode)]
    akar = tabel.akar_komposit(data, kode)
    if akar in hasil.komposit:
        teks.append(na.kalimat_penyebab_komposit(data, hasil, akar))
    return teks


def _kalimat_dokumen(data, hasil) -> list[str]:
    """The seed's content and Bab III's resources (lkjip.narasi_analisis)."""
    na = narasi_analisis
    teks = [na.kalimat_capaian_pk(data, hasil), na.kalimat_efisiensi_aturan(data, hasil),
            na.kalimat_belanja(data, hasil), na.kalimat_visi_misi(data),
            na.kalimat_instrumen(data)]
    teks += [na.kalimat_anggaran_pendukung(data, hasil, k) for k in hasil.sasaran]
    teks += [na.kalimat_rujukan(data, b, "Dasarnya adalah") for b in set(data.rujukan["bagian"])]
    if hasil.ikm_tahun is not None:
        teks.append(na.kalimat_penyebab_ikm(data, hasil))
    return teks


def _polos(html: str) -> str:
    """HTML as text: tags become line breaks (one list item, one sentence)."""
    return unescape(re.sub(r"<[^>]+>", "\n", html))


def _anak(data, kode) -> bool:
    """True for a composite node that has a parent (only roots get a sentence)."""
    df = data.komposit
    induk = df.loc[df["kode_node"] == kode, "kode_induk"]
    return bool(len(induk)) and isinstance(induk.iloc[0], str) and induk.iloc[0] != ""


def _contoh_sintetis(tmp_path_factory, n=3):
    """The first `n` kecamatan-years that load among synthetic kecamatan sintetis-0001, -0002…
    Kecamatan ke-i is the same files whatever `jumlah` (test_sintetis), so one kecamatan is
    written first (its years are enough today: 2021-2023 of sintetis-0001), and six only if
    fewer than `n` of its years load (writing six took 32 s at load ~10)."""
    hasil = []
    for jumlah in (1, 6):
        root = tmp_path_factory.mktemp("ejaan")
        sintetis.tulis(root, jumlah=jumlah)
        hasil = []
        for kec, tahun in temukan(root):
            try:
                hasil.append(konteks(kec, tahun, root))
            except Exception:  # noqa: BLE001 - the synthetic data has deliberate load errors
                continue
            if len(hasil) == n:
                return hasil
    return hasil


def test_every_generated_sentence_follows_the_rules(tmp_path_factory):
    contoh = [konteks("bantarbolang", 2023, DATA)] + _contoh_sintetis(tmp_path_factory)
    assert len(contoh) == 4
    salah = [str(p) for data, hasil in contoh for t in _kalimat_edisi(data, hasil)
             for p in pelanggaran(t)]
    assert salah == []


def test_the_chapters_standard_text_follows_the_rules():
    # the markdown the chapter notebooks print (not the analyst's `petunjuk` cells)
    import nbformat

    from lkjip.config import NOTEBOOKS

    salah = []
    for nb in sorted(NOTEBOOKS.glob("0*.ipynb")):
        for sel in nbformat.read(nb, as_version=4).cells:
            if sel.cell_type == "markdown" and "petunjuk" not in sel.metadata.get("tags", []):
                salah += [f"{nb.name}: {p}" for p in pelanggaran(sel.source, pengembang=False)]
    assert salah == []
