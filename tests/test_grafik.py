"""Charts: the plotted values come from the model; axes speak Indonesian; nothing leaks."""

import matplotlib.pyplot as plt
import pytest

from lkjip import grafik
from lkjip.konteks import konteks
from tests.mini import CONTOH


@pytest.fixture(scope="module")
def contoh():
    return konteks("bantarbolang", 2023, CONTOH)


def _lebar(ax):
    return [p.get_width() for p in ax.patches]


def test_personnel_bars(contoh):
    data, _ = contoh
    ax = grafik.personil(data).axes[0]
    # Tabel 1.1: Camat 1, Sekcam 1, Kepala Seksi 4, Kepala Sub Bagian 2, Pelaksana 7, Honorer 15
    assert _lebar(ax) == [1, 1, 4, 2, 7, 15]
    assert [t.get_text() for t in ax.texts] == ["1", "1", "4", "2", "7", "15"]
    assert _lebar(grafik.pendidikan(data).axes[0]) == [4, 0, 10, 2, 12, 2]
    assert _lebar(grafik.golongan(data).axes[0]) == [0, 3, 10, 2]


def test_pagu_per_program_in_juta_with_indonesian_labels(contoh):
    _, hasil = contoh
    fig = grafik.pagu_program(hasil)
    besar, kecil = fig.axes[:2]
    # program I (2.507,7 juta) is 64 times program V (39,4 juta), the largest of the rest:
    # program I gets its own linear panel, the other five share the second
    assert len(besar.patches) == 2 and len(kecil.patches) == 10
    # program I: 2.507.704.270 → 2.507,7 juta; 2.460.636.770 → 2.460,6 juta
    assert [t.get_text() for t in besar.texts] == ["2.507,7", "2.460,6"]
    assert "39,4" in [t.get_text() for t in kecil.texts]  # program V grew by 25.122.000
    assert besar.get_xscale() == kecil.get_xscale() == "linear"
    assert besar.xaxis.get_major_formatter()(1000, 0) == "1.000"


def test_trend_against_target_and_end_target(contoh):
    data, hasil = contoh
    ax = grafik.tren(data, hasil, "IKU-02").axes[0]
    garis = {line.get_label(): line for line in ax.get_lines()}
    realisasi = garis["Realisasi"]
    assert list(realisasi.get_xdata()) == [2021, 2022, 2023]
    assert [round(y, 2) for y in realisasi.get_ydata()] == [96.32, 81.12, 86.81]
    assert list(garis["Target"].get_xdata()) == [2023]
    assert list(garis["Target akhir Renstra (2026)"].get_ydata()) == [96.47]
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "2026"


def test_ikm_chart_shows_each_unsur(contoh):
    _, hasil = contoh
    ax = grafik.ikm_unsur(hasil).axes[0]
    assert len(ax.patches) == 9
    assert [t.get_text() for t in ax.texts][6:8] == ["90,05", "69,16"]  # perilaku, pengaduan


def test_penyerapan_chart(contoh):
    _, hasil = contoh
    ax = grafik.penyerapan(hasil).axes[0]
    assert [t.get_text() for t in ax.texts] == ["97,90 %"]
    # pagu 2.522,47 juta, realisasi 2.469,41 juta
    assert [round(w, 2) for w in _lebar(ax)] == [2522.47, 2469.41]


def test_figures_are_not_kept_by_pyplot(contoh):
    data, hasil = contoh
    sebelum = plt.get_fignums()
    grafik.personil(data), grafik.tren(data, hasil, "IKU-01"), grafik.ikm_unsur(hasil)
    assert plt.get_fignums() == sebelum


def test_a4_width(contoh):
    data, _ = contoh
    assert grafik.personil(data).get_figwidth() <= 6.5  # inches: 16,5 cm of text width


def test_axis_labels_say_the_tick_values_on_a_small_range():
    """The quarterly budget chart of the mini kecamatan (tests/mini_tw.py) in juta Rupiah:
    anggaran kas s.d. TW I–IV 100.000, 300.000, 650.000, 1.000.000 → 0,1 … 1,0 juta. Each
    tick label must read as its tick (they were all '0' or '1' with no decimals)."""
    from decimal import Decimal

    from lkjip import grafik_triwulan
    from lkjip.angka import Angka

    kas = tuple(Angka(Decimal(x)) for x in (100_000, 300_000, 650_000, 1_000_000))
    real = tuple(Angka(Decimal(x)) for x in (90_000, 300_000, 570_000))
    fig = grafik_triwulan.jalur_anggaran(kas, real)
    fig.canvas.draw()
    ax = fig.axes[0]
    bawah, atas = ax.get_ylim()
    label = {t.get_position()[1]: t.get_text() for t in ax.get_yticklabels()
             if bawah <= t.get_position()[1] <= atas}
    assert len(label) >= 4
    for nilai, teks in label.items():
        assert float(teks.replace(".", "").replace(",", ".")) == pytest.approx(nilai), label
    plt.close(fig)


# ---------------------------------------------------------------- printed ticks = gridlines


def _nilai_label(teks: str) -> float:
    """An Indonesian axis label back to a number: '1.234,5' → 1234.5."""
    return float(teks.replace("\u2212", "-").replace(".", "").replace(",", "."))


def _tik_tercetak(fig) -> list[tuple[float, str]]:
    """Every numeric axis of a drawn figure: (tick location, its printed label) inside the
    view. Axes whose ticks are set by name (years, categories, program names) are left out."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.category import StrCategoryLocator
    from matplotlib.ticker import FixedLocator

    FigureCanvasAgg(fig).draw()
    pasangan = []
    for ax in (a for a in fig.axes if a.get_visible()):
        for sumbu in (ax.xaxis, ax.yaxis):
            if isinstance(sumbu.get_major_locator(), FixedLocator | StrCategoryLocator):
                continue
            lo, hi = sorted(sumbu.get_view_interval())
            label = [t.get_text() for t in sumbu.get_ticklabels()]
            pasangan += [(x, t) for x, t in zip(sumbu.get_ticklocs(), label, strict=True)
                         if lo - 1e-9 <= x <= hi + 1e-9]
    return pasangan


def _salah_cetak(fig) -> list[tuple[float, str]]:
    return [(x, t) for x, t in _tik_tercetak(fig) if t and abs(_nilai_label(t) - x) > 1e-9]


@pytest.fixture(scope="module")
def comal():
    from tests.test_comal import DATA

    return konteks("comal", 2024, DATA)


def test_comal_ikm_trend_prints_each_tick_as_its_gridline(comal):
    # Comal 2024's IKM (IKU-01) spans ~70–93: matplotlib puts ticks every 2,5, so the axis must
    # print 72,5 (it printed "73", a value no gridline has) and, with one decimal, 75,0
    data, hasil = comal
    ax = grafik.tren(data, hasil, "IKU-01").axes[0]
    pasangan = dict((round(x, 6), t) for x, t in _tik_tercetak(ax.figure))
    assert pasangan[72.5] == "72,5" and pasangan[75.0] == "75,0"
    assert _salah_cetak(ax.figure) == []


def test_every_chart_of_two_kecamatan_prints_its_ticks_exactly(contoh, comal):
    for data, hasil in (contoh, comal):
        gambar = [grafik.personil(data), grafik.pendidikan(data), grafik.golongan(data),
                  grafik.pagu_program(hasil), grafik.ikm_unsur(hasil), grafik.penyerapan(hasil)]
        gambar += [grafik.tren(data, hasil, k) for k in hasil.indikator]
        for fig in gambar:
            assert _tik_tercetak(fig), fig  # the check reads numeric axes, not nothing
            assert _salah_cetak(fig) == []


def test_count_axes_have_whole_ticks_only():
    # 3 people at most: matplotlib's default ticks would be 0; 0,5; 1,0 … 3,0 orang
    fig = grafik.batang({"Camat": 1, "Sekcam": 3}, "orang")
    tik = [x for x, t in _tik_tercetak(fig) if t]
    assert tik == [0, 1, 2, 3]


def test_small_budget_axis_in_juta_prints_decimals():
    # one program of 1.600.000 → 1,6 juta: xlim 0–1,84, ticks 0; 0,25 … 1,75 (were "0", "0",
    # "1", "1", "2")
    from types import SimpleNamespace

    import pandas as pd

    anggaran = pd.DataFrame({"tingkat": ["program"], "nama": ["Program A"],
                             "pagu_murni": [1_600_000], "pagu_perubahan": [1_600_000]})
    fig = grafik.pagu_program(SimpleNamespace(anggaran=anggaran))
    label = [t for _, t in _tik_tercetak(fig) if t]
    assert label[:3] == ["0,00", "0,25", "0,50"]
    assert _salah_cetak(fig) == []


def test_quarterly_and_kabupaten_charts_print_their_ticks_exactly(tmp_path):
    import pandas as pd

    from lkjip import grafik_kabupaten as gk
    from lkjip import grafik_triwulan as gt
    from lkjip.laporan_triwulan import muat_triwulan
    from tests.mini_tw import tulis_mini_tw

    h = muat_triwulan("contoh", 2023, 3, tulis_mini_tw(tmp_path))
    k = h.kecamatan
    gambar = gt.jalur_indikator(h.indikator) + [
        gt.jalur_anggaran(k.jalur, k.realisasi_tw),
        gt.penyerapan_pejabat({r.nama: r.penyerapan_kas for r in h.pejabat.values()}),
        (status := gt.status_per_kecamatan({"Alfa": k.jumlah_status,
                                            "Beta": {"sesuai jalur": 1}}))]
    # one indicator's realisasi 72,5 → 77,5 (ticks every 0,5 or 1) and capaian near 100
    tren = pd.DataFrame({"kode_indikator": "IKU-01", "nama": ["A", "A", "B", "B"],
                         "tahun": [2022, 2023, 2022, 2023], "realisasi": [72.5, 77.5, 74.0, 75.5],
                         "sumber": "dihitung", "satuan": "indeks"})
    rekap = pd.DataFrame({"nama": ["A", "B"], "capaian": [97.5, 99.0], "sintetis": False})
    gambar += [gk.tren(tren, "IKU-01", 2023), gk.capaian(rekap)]
    # Bab III's kabupaten chart of one indicator, values under 3: ticks 0; 0,5 … (were 0, 0, 1)
    gambar.append(grafik.kabupaten_indikator("A", [("A", 2.5, 1), ("B", 1.2, 2)], 1.85, "kali"))
    for fig in gambar:
        assert _tik_tercetak(fig), fig
        assert _salah_cetak(fig) == []
    # the status chart counts indicators: whole ticks only (Alfa has 8 indicators)
    assert [x for x, t in _tik_tercetak(status) if t] == [0, 1, 2, 3, 4, 5, 6, 7, 8]
