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
