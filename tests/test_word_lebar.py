"""The Word edition's table widths and font size (`lkjip.word`, `lkjip.word_lebar`): no word
breaks inside a cell, read back from the DOCX that the writer and the python-docx pass write.

Hand calculations use Arial's advance widths (1/1000 em, the Helvetica metrics Arial and
Liberation Sans share): N 722, o 556, "." 278, digits 556, P 667, e 556, n 556, y 500, l 222,
g 556, a 556, r 333, K 667, p 556, w 722, i 222, J 500, u 556, m 833, h 556, S 667, D 722,
L 556, T 611, A 667, k 500, s 500, t 278, c 500, R 722. One em at s pt is s x 2,54 / 72 cm
(8,5 pt: 0,29986 cm; 8: 0,28222; 7,5: 0,26458; 7: 0,24694). Word and LibreOffice pad a cell
108 twips (0,1905 cm) a side, the reference document's table style: 0,381 cm a column.
"""

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from PIL import ImageFont

from lkjip.word import LEBAR_TEKS_CM, html_ke_docx
from lkjip.word_lebar import em

TEPI_CM = 2 * 108 / 1440 * 2.54  # Word's cell padding, both sides
RUPIAH = "1.234.567.890.123"  # 13 digits, 4 dots: 13 x 556 + 4 x 278 = 8340 -> 8,34 em
_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def _em_nyata(kata: str) -> float:
    """A word's width in em from the font file LibreOffice draws with (Liberation Sans, Arial's
    metrics), independent of the module's table; the module's where the font is missing."""
    if not _FONT.exists():
        return em(kata)
    return ImageFont.truetype(str(_FONT), 1000).getlength(kata) / 1000


def _tabel_html(kepala: list[str], *baris: list[str]) -> str:
    th = "".join(f"<th>{t}</th>" for t in kepala)
    td = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in b) + "</tr>" for b in baris)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{td}</tbody></table>"


def _tabel(html: str):
    """The one table of the DOCX of `html`: (font size in pt, column widths in cm, the text of
    each cell with its width in cm)."""
    doc = docx.Document(io.BytesIO(html_ke_docx(f"<main>{html}</main>")))
    (tabel,) = doc.tables
    ukuran = {int(s.get(qn("w:val"))) / 2 for s in tabel._tbl.iter(qn("w:sz"))}
    assert len(ukuran) == 1, ukuran  # every run of the table at one size
    lebar = [int(c.get(qn("w:w"))) / 1440 * 2.54 for c in tabel._tbl.tblGrid.gridCol_lst]
    sel = []
    for tr in tabel._tbl.tr_lst:
        k = 0
        for tc in tr.tc_lst:
            teks = " ".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                            for p in tc.iter(qn("w:p")))
            sel.append((teks, sum(lebar[k:k + tc.grid_span])))
            k += tc.grid_span
    return ukuran.pop(), lebar, sel


def _pecah(pt: float, sel) -> list[tuple[str, float, float]]:
    """The words wider than their column less its padding: (word, its width, room) in cm."""
    cm_em = pt * 2.54 / 72
    return [(w, _em_nyata(w) * cm_em, lebar - TEPI_CM) for teks, lebar in sel
            for w in teks.split() if _em_nyata(w) * cm_em > lebar - TEPI_CM]


def test_a_wide_table_gets_a_smaller_font_and_no_word_breaks():
    # Longest word of each column, in em: No. 0,722+0,556+0,278 = 1,556 ("10." 1,39 less);
    # Penyelenggaraan P667 e556 n556 y500 e556 l222 e556 n556 g556 g556 a556 r333 a556 a556
    # n556 = 7838 -> 7,838; Kepegawaian K667 e556 p556 e556 g556 a556 w722 a556 i222 a556 n556
    # = 6059 -> 6,059; four Rupiah columns 8,34 each (their headers are shorter: "Realisasi"
    # 4,056); Jumlah J500 u556 m833 l222 a556 h556 = 3,223. Sum 1,556 + 7,838 + 6,059 +
    # 4 x 8,34 + 3,223 = 52,036 em; padding (the module's 0,4 cm) 8 x 0,4 = 3,2 cm.
    # 8,5 pt: 52,036 x 0,29986 + 3,2 = 18,80 cm > 16,5;  8 pt: 14,686 + 3,2 = 17,89 > 16,5;
    # 7,5 pt: 13,768 + 3,2 = 16,97 > 16,5;  7 pt: 12,850 + 3,2 = 16,05 <= 16,5: 7 pt, and a
    # Rupiah column at least 0,4 + 8,34 x 0,24694 = 2,4595 cm.
    html = _tabel_html(["No.", "Program", "Unit", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)",
                        "Proyeksi (Rp)", "Jumlah"],
                       ["10.", "Penyelenggaraan", "Kepegawaian", RUPIAH, RUPIAH, RUPIAH,
                        RUPIAH, "30"])
    pt, lebar, sel = _tabel(html)
    assert pt == 7.0
    assert abs(sum(lebar) - LEBAR_TEKS_CM) < 0.01
    assert all(w >= 2.4595 - 0.001 for w in lebar[3:7])
    assert _pecah(pt, sel) == []


def test_a_narrow_table_keeps_8_5_pt_and_short_words_whole():
    # Tabel 1.2's shape, whose "N|o.", "S|D", "SLT|P" broke (padding counted 0,3 cm): longest
    # words in em: No. 1,556; Kecamatan K667 e556 c500 a556 m833 a556 t278 a556 n556 = 5,058;
    # SD 0,667 + 0,722 = 1,389; SLTP/SLTA S667 L556 T611 P/A667 = 2,501; D3 0,722 + 0,556 =
    # 1,278; S1 0,667 + 0,556 = 1,223; Jumlah 3,223. Sum 18,729 em x 0,29986 = 5,616 cm +
    # 8 x 0,4 = 8,82 cm <= 16,5: 8,5 pt; "SD" needs 1,389 x 0,29986 = 0,4165 cm + 0,381.
    html = _tabel_html(["No.", "Jabatan", "SD", "SLTP", "SLTA", "D3", "S1", "Jumlah"],
                       ["10.", "Sekretaris Kecamatan", "-", "-", "12", "2", "12", "30"])
    pt, lebar, sel = _tabel(html)
    assert pt == 8.5
    assert lebar[2] >= 0.4165 + TEPI_CM
    assert _pecah(pt, sel) == []


def test_beyond_7_pt_the_figures_stay_whole_and_only_the_narrower_words_break():
    # Six Rupiah columns, "Penyelenggaraan" and "No." at 7 pt: 6 x (0,4 + 8,34 x 0,24694)
    # = 6 x 2,4595 = 14,757; 0,4 + 7,838 x 0,24694 = 2,3355; 0,4 + 1,556 x 0,24694 = 0,7842:
    # 17,877 cm > 16,5 even at 7 pt. The widest kept whole one by one while the rest get
    # more than half: the six figures (16,5 - 14,757 = 1,743 cm left for 3,1197 cm: 0,5587),
    # not Penyelenggaraan too (nothing left). So it gets 2,3355 x 0,5587 = 1,305 cm and No.
    # 0,7842 x 0,5587 = 0,438 cm: both words break there, and only there.
    html = _tabel_html(["No.", "Program"] + ["(Rp)"] * 6,
                       ["10.", "Penyelenggaraan"] + [RUPIAH] * 6)
    pt, lebar, sel = _tabel(html)
    assert pt == 7.0
    tangan = [0.438, 1.305] + [2.4595] * 6  # by hand, above (Word rounds to twips: 0,0018 cm)
    assert all(abs(w - t) < 0.005 for w, t in zip(lebar, tangan, strict=True)), lebar
    # ("Program", 3,834 em = 0,947 cm, breaks too: 0,924 cm of room)
    assert {w for w, _, _ in _pecah(pt, sel)} == {"No.", "10.", "Program", "Penyelenggaraan"}


def test_the_module_widths_are_the_fonts():
    # the module's per-character table against the font file: every printable ASCII
    # character within 1/1000 em (Liberation Sans rounds Arial's 2048 units alike)
    teks = [chr(c) for c in range(33, 127)]
    assert all(abs(em(c) - _em_nyata(c)) <= 0.0015 for c in teks), [
        (c, em(c), _em_nyata(c)) for c in teks if abs(em(c) - _em_nyata(c)) > 0.0015]
