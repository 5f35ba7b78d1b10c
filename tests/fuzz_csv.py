"""Hypothesis strategies that damage one CSV file the way hand-typed files get damaged.

`isi_rusak(asli)` starts from a valid file's text and returns the bytes of a damaged copy:
cells replaced (huge numbers, NaN, inf, Excel-style '1.234.567,89', unicode, formula
prefixes, valid values of other columns), rows added/dropped, headers duplicated or dropped,
lines with the other delimiter, other encodings, BOMs, truncation, or plain random bytes; and
what Excel writes: CR-only line ends, a `sep=` first line, empty trailing columns, `#` comment
rows (alone: a template not filled), quoted line breaks.
"""

from __future__ import annotations

import csv
import io

from hypothesis import strategies as st

from lkjip.skema import BERKAS

ENKODE = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
NILAI_JAHAT = [
    "", " ", "\t", "  82,94  ", "1e400", "1E5", "9" * 400, "-" + "9" * 30, "-1", "-0", "0", "00",
    "NaN", "nan", "inf", "-inf", "Infinity", "1.234.567,89", "1,234,567.89", "1.234", "1,234",
    "0.125", "1.2.3", "1,2,3", "0,5", ".5", "5.", "(5)", "(47.067.500)", "Rp 1.000,-", "Rp.-5",
    "87,86%", "%", "-", "+", "+5", "−5", "1/0", "0/0", "10/1", "1/2/3", "/", "=1+1",
    "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "2023", "1900", "2099", "9999", "0001", "20٢٣",
    "２０２３", "١٢٣", "0x10", "1_000", "ya", "tidak", "Ya", "T", "TRUE", "null", "None", "NA",
    "\u202eabc", "<script>alert(1)</script>", "'", '"', '""', "a\nb", "\r", ";", ",", "a,b",
    "2023-02-30", "2023-13-01", "2023-1-1", "20230201", "2023-W01-1", "9999-12-31",
    "0001-01-01", "S1", "S2", "TW1", "tahun", "IKU-01", "IKU-02", "T1", "1", "1.1", "1.2",
    "CL", "CL.1", "camat", "sekcam", "contoh", "Contoh", "x" * 5000, "\x00", "\ufeff",
    "19700101 199501 1 001", "123456789012345678", "3", "4", "5",
]


def _pilihan_skema() -> list[str]:
    nilai = set()
    for berkas in BERKAS.values():
        for k in berkas.kolom:
            nilai.update(k.pilihan)
    return sorted(nilai)


def _angka_bergaya(d) -> str:
    """A number written one of the ways offices write it."""
    teks = f"{d:f}"
    bulat, _, pecahan = teks.lstrip("-").partition(".")
    tanda = "-" if teks.startswith("-") else ""
    ribuan_id = f"{int(bulat):,}".replace(",", ".")
    ribuan_us = f"{int(bulat):,}"
    return st.sampled_from([
        teks,
        tanda + ribuan_id + ("," + pecahan if pecahan else ""),
        tanda + ribuan_us + ("." + pecahan if pecahan else ""),
        f"Rp {tanda}{ribuan_id},-",
        f"({ribuan_id})" if tanda else teks + "%",
        teks.replace(".", ","),
    ])


EKSTREM = ["9" * 15, "9" * 16, "9" * 25, "9" * 400, "-" + "9" * 20, "999.999.999.999.999.999",
           "0,000001", "0,0000001", "0." + "0" * 30 + "1", "1" + "0" * 308, "0", "-0,01", "0/0",
           "1/0", "0,5", "100", "101", "-100"]
ANGKA = st.decimals(min_value=-10**15, max_value=10**15, places=2, allow_nan=False).flatmap(
    _angka_bergaya)
SEL = st.one_of(
    st.sampled_from(NILAI_JAHAT + _pilihan_skema()),
    st.sampled_from(EKSTREM),
    st.sampled_from(NILAI_JAHAT),
    ANGKA,
    st.integers(min_value=-5, max_value=2100).map(str),
    st.integers().map(str),
    st.floats().map(repr),
    st.decimals().map(str),
    st.from_regex(r"[-+(Rp ]{0,2}[0-9.,]{1,14}%?\)?", fullmatch=True),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="ascii"), max_size=8),
)


def baca_baris(teks: str) -> tuple[list[list[str]], str]:
    """The rows of a valid fixture file and its delimiter."""
    pemisah = ";" if teks.splitlines()[0].count(";") > teks.splitlines()[0].count(",") else ","
    return [r for r in csv.reader(io.StringIO(teks), delimiter=pemisah)], pemisah


# --- mutations of rows (list of lists of cells; row 0 is the header) ----------------------

def _ganti_sel(draw, rows):
    for _ in range(draw(st.integers(1, 4))):
        r = draw(st.integers(0, len(rows) - 1)) if draw(st.integers(0, 9)) == 0 \
            else draw(st.integers(min(1, len(rows) - 1), len(rows) - 1))
        if rows[r]:
            k = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][k] = draw(SEL)
    return rows


def _salin_sel(draw, rows):
    """Copy a cell from another place of the same file (e.g. a code into another row)."""
    if len(rows) > 1:
        a = draw(st.integers(1, len(rows) - 1))
        b = draw(st.integers(1, len(rows) - 1))
        if rows[a] and rows[b]:
            k = draw(st.integers(0, min(len(rows[a]), len(rows[b])) - 1))
            rows[a][k] = rows[b][k]
    return rows


def _tambah_baris(draw, rows):
    if len(rows) > 1 and draw(st.booleans()):
        rows.append(list(rows[draw(st.integers(1, len(rows) - 1))]))
    else:
        rows.append([draw(SEL) for _ in range(draw(st.integers(0, len(rows[0]) + 2)))])
    return rows


def _hapus_baris(draw, rows):
    if len(rows) > 1:
        del rows[draw(st.integers(1, len(rows) - 1))]
    return rows


def _hanya_judul(draw, rows):
    return rows[:1]


def _judul(draw, rows):
    judul = rows[0]
    if not judul:
        return rows
    i = draw(st.integers(0, len(judul) - 1))
    pilihan = draw(st.sampled_from(["ganda", "besar", "spasi", "hapus", "tambah", "acak", "bom"]))
    if pilihan == "ganda":
        judul[draw(st.integers(0, len(judul) - 1))] = judul[i]
    elif pilihan == "besar":
        judul[i] = judul[i].upper()
    elif pilihan == "spasi":
        judul[i] = f"  {judul[i]} "
    elif pilihan == "hapus":
        for r in rows:
            if i < len(r):
                del r[i]
    elif pilihan == "tambah":
        judul.append(draw(st.sampled_from(["catatan", "_baris", "index", "", judul[i]])))
    elif pilihan == "acak":
        judul[i] = draw(SEL)
    else:
        judul[0] = "\ufeff" + judul[0]
    return rows


def _bentuk_excel(draw, rows):
    """What Excel itself writes: empty trailing columns of its used range, a '#' comment row
    (the examples of `lkjip baru`), a quoted Alt+Enter line break in a cell."""
    pilihan = draw(st.sampled_from(["kolom_kosong", "komentar", "hanya_komentar", "alt_enter"]))
    if pilihan == "kolom_kosong":
        n = draw(st.integers(1, 4))
        return [r + [""] * n for r in rows]
    if pilihan in ("komentar", "hanya_komentar"):
        contoh = list(rows[draw(st.integers(0, len(rows) - 1))]) or [""]
        contoh[0] = "#" + contoh[0]
        isi = rows[1:] if pilihan == "komentar" else []
        return rows[:1] + [contoh] + isi
    if len(rows) > 1 and rows[-1]:
        k = draw(st.integers(0, len(rows[-1]) - 1))
        rows[-1][k] = rows[-1][k] + draw(st.sampled_from(["\n", "\r\n", "\r"])) + "baris dua"
    return rows


MUTASI_BARIS = [_ganti_sel] * 4 + [_salin_sel, _tambah_baris, _hapus_baris, _hanya_judul, _judul,
                                   _bentuk_excel]


# --- mutations of text and bytes -------------------------------------------------------------

def _tulis(draw, rows, pemisah) -> str:
    akhir = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    if draw(st.integers(0, 4)) == 0:  # typed without quoting
        return "".join(pemisah.join(r) + akhir for r in rows)
    buf = io.StringIO()
    csv.writer(buf, delimiter=pemisah, lineterminator=akhir).writerows(rows)
    return buf.getvalue()


def _pemisah_campur(draw, teks: str) -> str:
    baris = teks.split("\n")
    i = draw(st.integers(0, len(baris) - 1))
    lain = {",": ";", ";": ","}
    baris[i] = "".join(lain.get(c, c) for c in baris[i])
    return "\n".join(baris)


def _sisip_teks(draw, teks: str) -> str:
    i = draw(st.integers(0, len(teks)))
    return teks[:i] + draw(st.sampled_from(['"', "\x00", "\n", ",", ";", "\ufeff", "\u202e",
                                            "\r", " ", "\\"])) + teks[i:]


def _enkode(draw, teks: str) -> bytes:
    enk = draw(st.sampled_from(ENKODE))
    return teks.encode(enk, errors="replace" if enk in ("cp1252", "latin-1") else "surrogatepass")


def _rusak_byte(draw, isi: bytes) -> bytes:
    pilihan = draw(st.sampled_from(["potong", "sisip", "ganti"]))
    i = draw(st.integers(0, len(isi)))
    if pilihan == "potong":
        return isi[:i]
    tambahan = draw(st.binary(min_size=1, max_size=4))
    return isi[:i] + tambahan + isi[i + (pilihan == "ganti") * len(tambahan):]


@st.composite
def isi_rusak(draw, asli: str) -> bytes | None:
    """Bytes of a damaged copy of the valid file `asli` (None: the file is deleted)."""
    jenis = draw(st.integers(0, 39))
    if jenis == 0:
        return draw(st.binary(max_size=2000))
    if jenis == 1:
        return draw(st.sampled_from([None, b"", b"\n\n", b" ", b"\xef\xbb\xbf", b"\xff\xfe"]))
    rows, pemisah = baca_baris(asli)
    rows = [list(r) for r in rows]
    for _ in range(draw(st.integers(0 if jenis < 6 else 1, 3))):
        rows = draw(st.sampled_from(MUTASI_BARIS))(draw, rows)
    teks = _tulis(draw, rows, pemisah)
    if draw(st.integers(0, 9)) == 0:  # Excel's delimiter hint as the first line
        teks = draw(st.sampled_from([f"sep={pemisah}", "sep=;", "sep=,", "SEP=|", "sep="])) \
            + draw(st.sampled_from(["\r\n", "\n", "\r"])) + teks
    if draw(st.integers(0, 5)) == 0:
        teks = _pemisah_campur(draw, teks)
    if draw(st.integers(0, 7)) == 0:
        teks = _sisip_teks(draw, teks)
    isi = _enkode(draw, teks)
    if draw(st.integers(0, 7)) == 0:
        isi = _rusak_byte(draw, isi)
    return isi
