"""Display helpers: escaping, numbering, header spans, marked cells, charts, narrative."""

import base64
import io
import re
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lkjip import simpan_grafik, tampil  # noqa: E402

JAHAT = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "a & b"]


def _df(*baris, kolom=("NO.", "URAIAN", "NILAI")):
    return pd.DataFrame(list(baris), columns=list(kolom))


@pytest.mark.parametrize("teks", JAHAT)
def test_tabel_meloloskan_teks_di_sel_judul_sumber_catatan(teks):
    html = tampil.tabel(_df(["1.", teks, "5"]), "3.2", teks, sumber=teks, catatan=teks).isi
    assert "<script" not in html and "<img" not in html
    assert html.count(escape(teks)) == 4


def test_tabel_bernomor_dengan_id_keterangan_dan_sumber():
    html = tampil.tabel(_df(["1.", "Camat", "1"]), "1.1", "Rincian Personil", sumber="Data").isi
    assert html.startswith('<figure class="lk-tabel" id="tabel-1-1"><figcaption>')
    assert '<span class="lk-nomor">Tabel 1.1</span> <span class="lk-judul">Rincian Personil' in html
    assert '<p class="lk-sumber">Sumber: Data</p></figure>' in html


def test_kepala_dua_tingkat_seperti_tabel_1_2():
    kolom = pd.MultiIndex.from_tuples(
        [("NO.", ""), ("INSTANSI", ""), ("PENDIDIKAN", "SD"), ("PENDIDIKAN", "S1"), ("JUMLAH", "")]
    )
    df = pd.DataFrame([["1.", "Camat", "-", "1", "1"]], columns=kolom)
    html = tampil.tabel(df, "1.2", "Rincian Berdasarkan Tingkat Pendidikan").isi
    assert (
        '<thead><tr><th scope="col" rowspan="2">NO.</th><th scope="col" rowspan="2">INSTANSI</th>'
        '<th scope="col" colspan="2">PENDIDIKAN</th><th scope="col" rowspan="2">JUMLAH</th></tr>'
        '<tr><th scope="col">SD</th><th scope="col">S1</th></tr></thead>'
    ) in html


def test_kepala_satu_tingkat():
    html = tampil.tabel(_df(["1.", "a", "2"]), "1", "x").isi
    assert '<thead><tr><th scope="col">NO.</th><th scope="col">URAIAN</th>' in html


def test_tabel_tanpa_tanda_pemeriksaan():
    """The edition carries no review markup: a class is a class, never a link or asterisk."""
    df = _df(["1.", "IKM", "82,94"])
    html = tampil.tabel(df, "3.2", "Capaian", tandai={(0, "NILAI"): "lk-penting"}).isi
    assert '<td class="lk-angka lk-penting">82,94</td>' in html
    assert "*" not in html and "href" not in html and "Catatan Pemeriksaan" not in html


def test_catatan_kaki_bernomor_urut_baris():
    """Footnotes are numbered in reading order (row by row), whatever the dict order."""
    df = _df(["1.", "a", "10"], ["2.", "b", "20"])
    kaki = {(1, "NILAI"): "kedua", (0, "URAIAN"): "pertama"}
    html = tampil.tabel(df, "L.1", "PK", kaki=kaki).isi
    assert '<td>a<sup class="lk-kaki">1)</sup></td>' in html
    assert '<td class="lk-angka">20<sup class="lk-kaki">2)</sup></td>' in html
    assert html.index("<sup>1)</sup> pertama") < html.index("<sup>2)</sup> kedua")


def test_kelas_dari_frame_sejajar():
    df = _df(["1.", "IKM", "82,94"], ["2.", "Cakupan", "83,20"])
    kelas = pd.DataFrame("", index=df.index, columns=df.columns)
    kelas.loc[1, "URAIAN"] = "lk-penting"
    html = tampil.tabel(df, "3.2", "Capaian", kelas=kelas).isi
    assert '<td class="lk-penting">Cakupan</td>' in html


@pytest.mark.parametrize("kelas", ['x" onmouseover="a', "Besar", "a<b"])
def test_kelas_css_tidak_sah_ditolak(kelas):
    with pytest.raises(ValueError):
        tampil.tabel(_df(["1.", "a", "2"]), "1", "x", tandai={(0, "NILAI"): kelas})


def test_sel_yang_ditandai_harus_ada():
    with pytest.raises(KeyError):
        tampil.tabel(_df(["1.", "a", "2"]), "1", "x", tandai={(5, "NILAI"): "lk-penting"})


def test_baris_jumlah_dan_indeks():
    df = _df(["1.", "a", "2"], ["", "Jumlah", "2"]).set_index("NO.")
    html = tampil.tabel(df, "1", "x", jumlah=True, indeks=True).isi
    assert '<tr class="lk-jumlah"><td></td><td>Jumlah</td>' in html
    assert '<th scope="col">NO.</th>' in html


def test_nilai_kosong_tampil_kosong():
    html = tampil.tabel(_df(["1.", None, float("nan")]), "1", "x").isi
    assert "<td></td><td></td></tr>" in html and "nan" not in html and "None" not in html


def test_grafik_svg_berketerangan_dan_menutup_figure():
    fig, ax = plt.subplots()
    ax.bar(["<b>a</b>"], [1])
    html = tampil.grafik(fig, "1.1", "Rincian <Personil>").isi
    assert html.startswith('<figure class="lk-grafik" id="grafik-1-1"><img class="lk-gambar"')
    assert 'src="data:image/svg+xml;base64,' in html
    assert "Grafik 1.1</span> <span class=\"lk-judul\">Rincian &lt;Personil&gt;" in html
    assert not plt.fignum_exists(fig.number)


def test_markdown_tanpa_html_mentah_dan_tautan_javascript():
    teks = "## Judul\n\n*a* <img src=x onerror=alert(1)> [k](javascript:alert(1))"
    html = tampil.markdown(teks).isi
    assert "<h2>Judul</h2>" in html and "<em>a</em>" in html
    assert "<img" not in html and "javascript:" not in html


def test_judul_bab_dan_subjudul():
    assert tampil.judul_bab(None, "Kata Pengantar").isi == (
        '<h1 class="lk-bab" id="kata-pengantar">'
        '<span class="lk-bab-judul">KATA PENGANTAR</span></h1>'
    )
    assert 'id="bab-iii"' in tampil.judul_bab("III", "Akuntabilitas Kinerja").isi
    assert tampil.subjudul("1. Struktur", tingkat=3).isi.startswith('<h3 class="lk-subjudul"')
    with pytest.raises(ValueError):
        tampil.subjudul("x", id='a" onclick="b')


def test_sampul_tampil_sebagai_data_untuk_pengekspor():
    bundel = tampil.sampul("Bantarbolang", "Pemalang", "2023", sintetis=True)._repr_mimebundle_()
    assert bundel[tampil.SAMPUL_MIME]["tahun"] == 2023
    assert bundel[tampil.SAMPUL_MIME]["sintetis"] is True


def test_repr_ringkas_untuk_text_plain():
    assert repr(tampil.tabel(_df(["1.", "a", "2"]), "2.4", "x")) == "<Tabel 2.4>"


def test_salinan_cetak_grafik_teksnya_teks_dan_sama_setiap_kali():
    # the PDF's copy (issue 15): text as <text>, and ids from a fixed salt, so two builds of
    # the same data give the same notebook (test_batch_dask compares them)
    import base64

    def salinan():
        fig, ax = plt.subplots()
        ax.bar(["Persyaratan"], [1])
        return tampil.grafik(fig, "1.1", "Rincian").cetak

    pertama = salinan()
    assert pertama == salinan() and pertama[0][0] == "grafik-1-1"
    assert ">Persyaratan</text>" in base64.b64decode(pertama[0][1]).decode()


def _ukuran_svg(svg: str) -> tuple[float, float]:
    lebar, tinggi = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    return float(lebar), float(tinggi)


def test_grafik_laid_out_once_and_its_three_copies_in_one_box():
    """The screen SVG, the print SVG and the Word PNG come from one layout (issue 15: the
    constrained layout ran at each of the three saves): the layout engine runs once, and the
    three have the same size, the PNG at DPI_PNG (120 / 72 pixels per point)."""
    from matplotlib.figure import Figure
    from PIL import Image

    fig = Figure(figsize=(4, 3), layout="constrained")
    ax = fig.subplots()
    ax.bar(["Camat", "Pelaksana"], [1, 7])
    ax.set_xlabel("jabatan")
    mesin, dijalankan = fig.get_layout_engine(), []
    asli = mesin.execute
    mesin.execute = lambda f: dijalankan.append(f) or asli(f)
    h = tampil.grafik(fig, "1.1", "Rincian")
    assert len(dijalankan) == 1
    layar = base64.b64decode(re.search(r'base64,([^"]+)"', h.isi).group(1)).decode()
    cetak = base64.b64decode(dict(h.cetak)["grafik-1-1"]).decode()
    (lebar, tinggi), (lebar_c, tinggi_c) = _ukuran_svg(layar), _ukuran_svg(cetak)
    assert (lebar_c, tinggi_c) == pytest.approx((lebar, tinggi), abs=1e-3)
    assert "<text" in cetak and "<text" not in layar  # print: text as text; screen: paths
    png = Image.open(io.BytesIO(base64.b64decode(dict(h.png)["grafik-1-1"])))
    skala = simpan_grafik.DPI_PNG / 72
    assert png.size[0] == pytest.approx(lebar * skala, abs=1)
    assert png.size[1] == pytest.approx(tinggi * skala, abs=1)


# Lists the office numbered by hand ("- a. Camat;"): read by scanning the tags, BeautifulSoup only
# for markup the scan leaves to it (an entity, a void tag); both give the same bytes.
DAFTAR_MD = [
    "- a. Camat;\n- b. Sekretariat, terdiri dari:\n  1. satu\n  2. dua\n- c. **Seksi** x\n",
    "- a. satu\n\n- b. dua\n", "- 1. x\n- 2. y\n- 3. z\n", "- a) x\n- b) y\n",
    "- a. x\n  - a. dalam\n  - b. dalam\n- b. y\n", "- **a.** x\n- b. y\n", "- a.x\n- b. y\n",
    "- a. x\n- c. y\n", "- 1 aduan\n- 2. y\n", "- x\n- y\n", "-  a.  x\n- b.\ty\n",
    "- a. [l](http://x.y) z\n- b. `c` d\n", "- a. x\n\n  > kutip\n- b. y\n",
    "- a. <x> 'y' & z\n- b. z\n", "- a. x  \n  y\n- b. z\n",
]


@pytest.mark.parametrize("md", DAFTAR_MD)
def test_daftar_bernomor_sama_dengan_beautifulsoup(md, monkeypatch):
    daftar = []
    asli = tampil.daftar_bernomor
    monkeypatch.setattr(tampil, "daftar_bernomor", lambda h: daftar.append(h) or asli(h))
    tampil.markdown(md)
    assert daftar
    for html in daftar:
        assert asli(html) == tampil._daftar_bernomor_soup(html)


def test_daftar_bernomor_tanpa_beautifulsoup():
    # hand-numbered: a. → <ol type="a">, markers out; the nested list kept
    assert tampil.markdown("- a. Camat;\n- b. Sekretariat:\n  - x\n").isi == (
        '<div class="lk-narasi"><ol type="a">\n<li>Camat;</li>\n<li>Sekretariat:<ul>\n'
        '<li>x</li>\n</ul>\n</li>\n</ol>\n</div>')
    import subprocess
    import sys
    kode = ("import sys; from lkjip import tampil; tampil.markdown('- a. x\\n- b. y\\n- z\\n'); "
            "print('bs4' in sys.modules)")
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert keluar == "False"  # a plain list costs no BeautifulSoup import (~0,1 CPU-s)
