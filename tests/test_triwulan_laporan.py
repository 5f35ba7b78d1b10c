"""The quarterly report, the kabupaten's quarterly view and their commands, read back from the
PDF text (``pdftotext -layout``: one table row a line).

Expected values: for the mini kecamatan the hand computations of tests/test_triwulan.py; for
the synthetic kecamatan the test recomputes one table row from the raw CSV cells with the
stated rule (capaian = realisasi s.d. / target s.d. × 100; projection = target × realisasi s.d.
/ target s.d.; status ≥ 100 sesuai jalur, ≥ 90 perlu perhatian).
"""

from __future__ import annotations

import csv
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from lkjip import config
from lkjip.cli import main
from lkjip.kabupaten_triwulan import kumpulkan_triwulan, urutkan, wilayah
from lkjip.laporan_triwulan import bangun_triwulan
from tests.mini_tw import tulis_mini_tw


def _teks(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def _baris(teks: str) -> list[str]:
    """Lines with runs of spaces made one (table cells apart by one space)."""
    return [" ".join(b.split()) for b in teks.splitlines()]


def _kalimat(teks: str) -> str:
    return " ".join(teks.split())


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    akar = tmp_path_factory.mktemp("tw_mini")
    berkas = bangun_triwulan("contoh", 2023, 3, tulis_mini_tw(akar / "data"), akar / "out")
    return berkas, _teks(berkas.pdf)


def test_files_and_place(mini):
    berkas, _ = mini
    folder = berkas.pdf.parent
    assert folder.parts[-3:] == ("contoh", "2023", "tw3")
    assert {p.name for p in folder.iterdir()} == {
        f"monitoring_contoh_2023_tw3.{e}" for e in ("html", "pdf", "docx", "ipynb")}


def _sel_docx(jalur: Path) -> list[list[str]]:
    """Every table row of a .docx as its cells' text."""
    return [[" ".join(c.text.split()) for c in r.cells]
            for t in docx.Document(str(jalur)).tables for r in t.rows]


def test_word_file_read_back(mini):
    """The .docx (written as the yearly edition's, lkjip.word): its title, chapters as Word
    headings, the early-warning table as a Word table with the hand-computed rows, the charts
    as images, A4."""
    berkas, _ = mini
    d = docx.Document(str(berkas.docx))
    assert d.core_properties.title == ("Laporan Pengukuran Kinerja Triwulan Kecamatan Contoh "
                                       "Triwulan III Tahun 2023")
    assert d.core_properties.subject == "Laporan Pengukuran Kinerja Triwulan"
    judul = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert judul[judul.index("PENDAHULUAN"):] == [
        "PENDAHULUAN", "BAB I PERINGATAN DINI", "BAB II RINGKASAN PER PEJABAT",
        "BAB III CAPAIAN KINERJA PER PEJABAT", "BAB IV PENYERAPAN ANGGARAN",
        "BAB V PENJELASAN PEJABAT"]
    baris = _sel_docx(berkas.docx)
    # IKU-02: target 80, s.d. TW III 45, projection 80 × 45/60 = 60 → 75 %, 20 points short
    # (in %: two decimals, as the yearly edition prints a percentage)
    assert ["1.", "Camat", "Cakupan layanan", "80,00", "45,00", "60,00", "75,00",
            "Diperkirakan tidak tercapai", "Diperkirakan kurang 20,00 poin persen dari target."
            ] in baris
    # sekcam 2 budget: plan 0 + 0 + 200.000, 150.000 spent → 75 %
    assert ["1.", "Sekcam", "Administrasi Umum", "400.000", "200.000", "150.000", "75,00",
            "Diperkirakan tidak tercapai"] in baris
    # Tabel 2.1's kecamatan row: 8 indicators, 4 / 1 / 2 / 1, mean capaian 93,67
    assert ["Kecamatan Contoh", "8", "4", "1", "2", "1", "93,67"] in baris
    sup = BeautifulSoup(berkas.html.read_text(encoding="utf-8"), "html.parser")
    assert len(d.inline_shapes) == len(sup.select("figure.lk-grafik")) == 4  # 3.1, 3.2, 4.1, 4.2
    s = d.sections[0]
    assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)


def test_word_table_notes_stay_with_the_table(mini):
    """Every table followed by its notes keeps its last row with them, and each note with the
    next (LibreOffice showed "Sumber: …" alone atop a page); the last note does not."""
    from docx.oxml.ns import qn

    berkas, _ = mini
    d = docx.Document(str(berkas.docx))
    gaya = d.styles["Sumber Tabel"].style_id

    def catatan(el) -> bool:
        ps = None if el is None else el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return ps is not None and ps.get(qn("w:val")) == gaya

    def lekat(p) -> bool:
        return p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None

    dicek = 0
    for tbl in d.element.body.iter(qn("w:tbl")):
        el = tbl.getnext()
        if not catatan(el):
            continue
        assert all(lekat(p) for p in tbl.tr_lst[-1].iter(qn("w:p")))
        while catatan(el.getnext()):
            assert lekat(el)
            el = el.getnext()
        assert not lekat(el)
        dicek += 1
    # the mini's tables with a Sumber line: 1.1, 1.2, 1.3, 2.1, 2.2, 3.1, 3.2, 4.1, 4.2, 5.1
    assert dicek == 10


def test_clean_data_report_says_the_checks_found_nothing(mini):
    _, teks = mini
    assert ("Pemeriksaan data triwulan (aturan tw-* lkjip check) tidak menemukan masalah"
            in _kalimat(teks))


def test_report_names_the_quarterly_findings(tmp_path):
    # budget sekcam 2 (row 3 of realisasi_anggaran_tw.csv): 450.000 spent s.d. TW III of an
    # anggaran of 400.000 → one galat tw-melebihi-pagu, named in Bab I (a build runs no check)
    from lkjip import tabel_triwulan as tt
    from lkjip.laporan_triwulan import muat_triwulan, temuan_triwulan
    from tests.mini_tw import REALISASI_ANGGARAN_TW

    ganti = {"2023/realisasi_anggaran_tw.csv": REALISASI_ANGGARAN_TW.replace(
        "sekcam,2,0,50000,150000,", "sekcam,2,0,50000,450000,")}
    h = muat_triwulan("contoh", 2023, 3, tulis_mini_tw(tmp_path, ganti=ganti))
    teks = _kalimat(" ".join(BeautifulSoup(str(b), "html.parser").get_text(" ")
                             for b in tt.bagian_temuan(temuan_triwulan(h))))
    assert "menemukan 1 galat pada data yang dibaca laporan ini" in teks
    assert "1. Galat, realisasi_anggaran_tw.csv baris 3 (PK sekcam no 2):" in teks


def test_cover_and_summary(mini):
    _, teks = mini
    kalimat = _kalimat(teks)
    assert "LAPORAN PENGUKURAN KINERJA TRIWULAN Triwulan III Tahun 2023" in kalimat
    # 8 indicators: sesuai IKU-01, sekcam 1, 3, 5; perlu sekcam 2; tidak IKU-02, sekcam 4;
    # the a/b row not rated. Budget s.d. TW III 420.000 + 150.000 of 450.000 + 200.000.
    assert ("dari 8 indikator Perjanjian Kinerja seluruh pejabat, 4 sesuai jalur, 1 perlu "
            "perhatian, 2 diperkirakan tidak tercapai, dan 1 belum dapat dinilai") in kalimat
    assert "Rp 570.000 dari anggaran kas Rp 650.000 (87,69 %), atau 57,00 %" in kalimat


def test_early_warning_first_with_gap_in_the_unit(mini):
    _, teks = mini
    baris = _baris(teks)
    isi = baris[next(i for i, b in enumerate(baris) if b == "PENDAHULUAN"):]
    judul = [b for b in isi if b.startswith("Tabel ")]
    assert judul[0].startswith("Tabel 1.1 Indikator kinerja yang perlu perhatian")
    # IKU-02: target 80, s.d. TW III 45, projection 80 × 45/60 = 60 → 75 %, 20 points short
    assert "1. Camat Cakupan layanan 80,00 45,00 60,00 75,00 Diperkirakan Diperkirakan" in baris
    # sekcam 2: 20; 14 of 15 planned → 20 × 14/15 = 18,67 → 93,33 % perlu perhatian
    assert "3. Sekcam Jumlah rapat koordinasi 20 14 18,67 93,33 Perlu Diperkirakan" in baris
    # the gap sentences (a table cell wraps over lines in the PDF text: read the HTML's)
    html = _kalimat(BeautifulSoup(mini[0].html.read_text(encoding="utf-8"),
                                  "html.parser").get_text(" "))
    assert "Diperkirakan kurang 20,00 poin persen dari target." in html
    assert "Diperkirakan kurang 1,33 kali dari target." in html
    # budget: sekcam 2 plan 0 + 0 + 200.000, 150.000 spent → 75 %
    assert "1. Sekcam Administrasi Umum 400.000 200.000 150.000 75,00 Diperkirakan" in baris


def test_per_pejabat_and_lower_is_better(mini):
    _, teks = mini
    baris = _baris(teks)
    # rerata days (turun): mean 6, 5, 4 = 5 against 5 → (2×5 − 5)/5 = 100 %
    assert "3. Waktu rata-rata hari 5 5 5 100,00 5 100,00 Sesuai jalur" in baris
    # jumlah incidents (turun): 1 + 2 + 3 = 6 against 2 + 2 + 2 → 100 %, projection 8
    # (the indicator's name may wrap in its cell: "trantibum" on the next line)
    assert any(b.startswith("5. Jumlah gangguan") and
               b.endswith("kejadian 8 6 6 100,00 8 100,00 Sesuai jalur") for b in baris)
    # Tabel 2.1 kecamatan row: 8 indicators, 4 / 1 / 2 / 1, mean capaian 93,67
    assert "Kecamatan Contoh 8 4 1 2 1 93,67" in baris
    assert "Kecamatan Contoh 1.000.000 650.000 570.000 87,69 57,00" in baris
    assert "Satu rapat ditunda karena" in teks


def test_tables_and_charts_numbered_without_gaps(mini):
    """Every quarter reported, so 'belum dilaporkan' is a sentence: Bab I's tables are still
    1.1, 1.2, 1.3 (the thresholds' table was numbered 1.4 after a missing 1.3)."""
    sup = BeautifulSoup(mini[0].html.read_text(encoding="utf-8"), "html.parser")
    for jenis in ("tabel", "grafik"):
        nomor: dict[str, list[int]] = {}
        for f in sup.select(f"figure.lk-{jenis}"):
            bab, n = re.match(r"(?:Tabel|Grafik) (\d+)\.(\d+)", f.figcaption.get_text()).groups()
            nomor.setdefault(bab, []).append(int(n))
        assert all(n == list(range(1, len(n) + 1)) for n in nomor.values()), (jenis, nomor)
    assert "Semua indikator dan baris anggaran telah dilaporkan untuk TW III." in _kalimat(
        sup.get_text(" "))


def test_nothing_for_programmers(mini):
    _, teks = mini
    for kata in ("Traceback", r"lkjip\.", "None", "nan", "NaN", "Decimal", r"Angka\(", "def"):
        assert not re.search(rf"\b{kata}\b", teks), kata


# ---------------------------------------------------------------- a synthetic kecamatan


@pytest.fixture(scope="module")
def demo(sintetis_demo) -> Path:
    """``sintetis.tulis`` with its defaults, written once per session (tests/conftest.py)."""
    return sintetis_demo


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def _d(teks: str) -> Decimal:
    return Decimal(teks.replace(".", "").replace(",", ".")) if teks else Decimal(0)


def _dua(x: Decimal) -> str:
    return f"{x.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}".replace(".", ",")


def _nilai(x: Decimal, satuan: str) -> str:
    """An indicator's value as data/README.md says the report prints it: two decimals for %,
    persen, indeks, skor, nilai, poin or no unit; a count with the places it carries, at most
    two (a value that needs rounding keeps two)."""
    kata = satuan.strip().lower().split()
    if not kata or "%" in kata[0] or kata[0] in ("persen", "indeks", "skor", "nilai", "poin"):
        return _dua(x)
    for d in (0, 1):
        if x == round(x, d):
            return f"{round(x, d):.{d}f}".replace(".", ",")
    return _dua(x)


def _harapan_sekcam(demo: Path, tahun: int) -> list[str]:
    """Tabel 3.2 rows of the Sekcam recomputed from the raw cells (jumlah, naik)."""
    folder = demo / "pemalang" / str(tahun)
    real = {r["no"]: r for r in _csv(folder / "realisasi_pk_tw.csv")
            if r["kode_pejabat"] == "sekcam"}
    hasil = []
    for r in _csv(folder / "pk_indikator.csv"):
        if r["kode_pejabat"] != "sekcam":
            continue
        t = [_d(r[f"tw{q}"]) for q in (1, 2, 3)]
        v = [_d(real[r["no"]][f"tw{q}"]) for q in (1, 2, 3)]
        target, t3, r3 = _d(r["target"]), sum(t), sum(v)
        capaian = r3 / t3 * 100
        status = "Sesuai jalur" if round(capaian, 2) >= 100 else \
            "Perlu" if round(capaian, 2) >= 90 else "Diperkirakan"
        s = r["satuan"]
        hasil.append(f"{r['no']}. " + r"\S.*" + f" {s} {_nilai(target, s)} {_nilai(t3, s)} "
                     f"{_nilai(r3, s)} {_dua(capaian)} {_nilai(target * r3 / t3, s)} "
                     f"{_dua(capaian)} {status}")
    return hasil


def test_synthetic_tw3_report_figures_and_statuses(demo, tmp_path):
    hasil = CliRunner().invoke(main, ["build-triwulan", "--kecamatan", "pemalang", "--tahun",
                                      "2024", "--triwulan", "3", "--data", str(demo), "--out",
                                      str(tmp_path)])
    assert hasil.exit_code == 0, hasil.output
    teks = _teks(tmp_path / "pemalang" / "2024" / "tw3" / "monitoring_pemalang_2024_tw3.pdf")
    baris = _baris(teks)
    awal = baris.index("Tabel 3.2 Capaian kinerja Sekretaris Kecamatan s.d. TW III")
    tabel = baris[awal:awal + 60]
    for pola in _harapan_sekcam(demo, 2024):
        assert any(re.fullmatch(pola, b) for b in tabel), pola
    assert "DATA SINTETIS" in teks


# ---------------------------------------------------------------- the kabupaten's view


def _tiga(root: Path) -> Path:
    """alfa (the mini: 2 off course), beta (every quarter on plan), gama (no quarterly files)."""
    tulis_mini_tw(root, "alfa")
    tepat = ("kode_pejabat,no,akumulasi_tw,arah,metode,tw1,tw2,tw3,tw4\n"
             "camat,1,,,,,80,80,\ncamat,2,,,,20,40,60,\nsekcam,1,jumlah,naik,,3,3,3,\n"
             "sekcam,2,jumlah,naik,,5,5,5,\nsekcam,3,rerata,turun,,5,5,5,\n"
             "sekcam,4,maks,naik,,10,20,40,\nsekcam,5,jumlah,turun,,2,2,2,\n"
             "sekcam,6,jumlah,naik,,0,10/1,0,\n")
    tulis_mini_tw(root, "beta", ganti={"2023/realisasi_pk_tw.csv": tepat})
    tulis_mini_tw(root, "gama", ganti={"2023/realisasi_pk_tw.csv": None,
                                       "2023/realisasi_anggaran_tw.csv": None,
                                       "2023/penjelasan_tw.csv": None})
    return root


def test_kabupaten_order_most_lagging_first(tmp_path):
    entri = kumpulkan_triwulan(_tiga(tmp_path), 2023, 3)
    # alfa: 2 of 7 rated off course (28,57 %); beta: 0 of 7 → alfa lags most
    assert [e.kecamatan for e in urutkan(entri)] == ["alfa", "beta"]
    gama = next(e for e in entri if e.kecamatan == "gama")
    assert gama.hasil is None and "realisasi_pk_tw.csv: belum ada" in gama.alasan


def test_kabupaten_reason_joins_the_loader_sentences_once(tmp_path):
    # gama has neither quarterly file: two problems, each message a sentence ending in "." that
    # used to be joined by "; " into "… bagian Triwulan.; gama/2023/…"
    entri = kumpulkan_triwulan(_tiga(tmp_path), 2023, 3)
    alasan = next(e for e in entri if e.kecamatan == "gama").alasan
    assert alasan.startswith("gama/2023/realisasi_pk_tw.csv: belum ada. ")
    assert "Lihat data/README.md bagian Triwulan. gama/2023/realisasi_anggaran_tw.csv" in alasan
    assert alasan.endswith("Lihat data/README.md bagian Triwulan.")
    assert ".;" not in alasan and ". ;" not in alasan and ".." not in alasan


def test_kabupaten_named_from_the_kecamatan_profiles(tmp_path):
    # the cover's kabupaten and provinsi come from profil.csv, not from the notebook: two of
    # three kecamatan say Batang, one Pemalang → Batang
    from tests.mini import BERKAS_MINI

    batang = {"2023/profil.csv": BERKAS_MINI["2023/profil.csv"].replace(
        "Pemalang,Jawa Tengah", "Batang,Jawa Tengah")}
    for nama, ganti in (("alfa", batang), ("beta", batang), ("gama", {})):
        tulis_mini_tw(tmp_path, nama, ganti=ganti)
    assert wilayah(kumpulkan_triwulan(tmp_path, 2023, 3)) == ("Batang", "Jawa Tengah")


def test_kabupaten_tw3_view_built(tmp_path):
    hasil = CliRunner().invoke(main, ["build-kabupaten", "--tahun", "2023", "--triwulan", "3",
                                      "--data", str(_tiga(tmp_path / "data")), "--out",
                                      str(tmp_path / "out")])
    assert hasil.exit_code == 0, hasil.output
    pdf = tmp_path / "out" / "kabupaten" / "2023" / "tw3" / "monitoring_kabupaten_2023_tw3.pdf"
    teks = _teks(pdf)
    baris = _baris(teks)
    # Tabel 1.1: alfa 8 indicators 4/1/2/1, mean 93,67, penyerapan 87,69 / 57,00; beta all on
    # plan: sekcam 4 maks 40 of 40, IKU-02 60 of 60 … every rated one 100 % → 7 sesuai
    assert "1. Alfa 8 4 1 2 1 93,67 87,69 57,00" in baris
    assert "2. Beta 8 7 0 0 1 100,00 87,69 57,00" in baris
    kalimat = _kalimat(teks)
    # the running header names the view once: "… Triwulan Kecamatan se-Kabupaten Pemalang …"
    # (the title used to end in "Kecamatan" before "Kecamatan se-Kabupaten")
    assert "Rekapitulasi Pengukuran Kinerja Triwulan Kecamatan se-Kabupaten Pemalang" in kalimat
    assert "Kecamatan Kecamatan" not in kalimat
    assert "Keterangan memuat paling banyak dua masalah pertama" in kalimat
    assert "2 dari 3 kecamatan telah melaporkan" in kalimat
    assert "Kecamatan yang paling tertinggal: Alfa" in kalimat
    # the same view as Word, its rows as Word table rows; gama in Tabel 4.1 (not reported)
    sel = _sel_docx(pdf.with_suffix(".docx"))
    gama = [r for r in sel if r[0] == "Gama"]
    assert len(gama) == 1 and gama[0][1].startswith("gama/2023/realisasi_pk_tw.csv: belum ada.")
    assert "gama/2023/realisasi_anggaran_tw.csv: belum ada." in gama[0][1]
    assert ["1.", "Alfa", "8", "4", "1", "2", "1", "93,67", "87,69", "57,00"] in sel
    assert ["2.", "Beta", "8", "7", "0", "0", "1", "100,00", "87,69", "57,00"] in sel


# ---------------------------------------------------------------- commands


def test_build_triwulan_on_the_example_names_the_files_to_fill(tmp_path):
    hasil = CliRunner().invoke(main, ["build-triwulan", "--kecamatan", "bantarbolang",
                                      "--tahun", "2023", "--triwulan", "3", "--data",
                                      str(config.contoh()), "--out", str(tmp_path)])
    assert hasil.exit_code == 1
    assert "bantarbolang/2023/realisasi_pk_tw.csv: belum ada" in hasil.output
    assert "bantarbolang/2023/realisasi_anggaran_tw.csv: belum ada" in hasil.output
    assert "Lihat data/README.md bagian Triwulan" in hasil.output
    assert list(tmp_path.iterdir()) == []


def test_the_readme_section_the_message_names_is_there():
    # "Lihat data/README.md bagian Triwulan": a heading of that file starts with the word
    teks = (Path(__file__).resolve().parents[1] / "data" / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^## Triwulan\b", teks, flags=re.MULTILINE)


@pytest.mark.parametrize("nilai", ["0", "5", "III", ""])
def test_quarter_outside_1_to_4_is_refused(tmp_path, nilai):
    hasil = CliRunner().invoke(main, ["build-triwulan", "--kecamatan", "bantarbolang",
                                      "--tahun", "2023", "--triwulan", nilai, "--data",
                                      str(config.contoh()), "--out", str(tmp_path)])
    assert hasil.exit_code == 1
    assert "(argumen) --triwulan" in hasil.output and "1, 2, 3 atau 4" in hasil.output


def test_batch_triwulan_says_who_lags_on_what(tmp_path):
    data = _tiga(tmp_path / "data")
    hasil = CliRunner().invoke(main, ["batch", "--tahun", "2023", "--triwulan", "3", "--data",
                                      str(data), "--out", str(tmp_path / "out"),
                                      "--kecamatan", "alfa", "--kecamatan", "gama"])
    assert hasil.exit_code == 1  # gama has not reported
    baris = _baris(hasil.output)
    assert "alfa 2023 dibangun 4 1 2 1 87,69 % dari anggaran kas" in baris
    assert ("diperkirakan tidak tercapai: Cakupan layanan; Jumlah peserta pelatihan" in baris)
    assert "gama 2023 GAGAL" in baris
    assert (tmp_path / "out" / "alfa" / "2023" / "tw3" / "monitoring_alfa_2023_tw3.pdf").is_file()
    assert not (tmp_path / "out" / "gama").exists()
