"""The HTML of provenance: a figure that explains itself, sentences of such figures, and the
Lampiran Perhitungan as a table (a view of `lkjip.jejak`, which returns text and data).

A figure is a focusable ``<span>``; its tooltip (the formula, the worked line, the inputs and
the appendix number) is hidden by an inline style and shown on hover and focus by
``lkjip.css`` only, never in print. A tooltip's id comes from its content (`id_tooltip`), so
building the same report twice gives the same HTML.

>>> from decimal import Decimal
>>> h = html_angka(Angka(Decimal("40"), "Pembilang / Penyebut × 100", (4, 10),
...                      label="data", pola="{0} / {1} × 100"))
>>> "40,00 = 4 / 10 × 100" in h and 'role="tooltip"' in h
True
"""

from __future__ import annotations

import hashlib
import itertools
import re
import string
from collections.abc import Iterable, Mapping
from decimal import Decimal  # noqa: F401  (doctests)
from html import escape

from lkjip import jejak
from lkjip.angka import Angka
from lkjip.format import KOSONG
from lkjip.jejak import (
    Entri,
    asal_singkat,
    judul_angka,
    kelompok,
    rincian,
    teks_nilai,
    uraian,
)


def _span(kelas: str, teks: str) -> str:
    return f'<span class="{kelas}">{escape(teks)}</span>'


def isi_tooltip(angka: Angka, nomor: str | None = None) -> str:
    """The tooltip's escaped content: the figure, its computation and its direct inputs."""
    judul = judul_angka(angka) + (f" ({nomor})" if nomor else "")
    bagian = [_span("lk-jejak-judul", judul)]
    bagian += [_span("lk-jejak-baris", _huruf_besar(t)) for t in rincian(angka, True)]
    masukan = kelompok(angka.masukan)
    if masukan:
        bagian.append(_span("lk-jejak-baris", "Masukan:"))
        bagian += [_span("lk-jejak-masukan", asal_singkat(m)) for m in masukan]
    if nomor:
        bagian.append(_span("lk-jejak-baris", f"Rincian: Lampiran Perhitungan {nomor}."))
    return "".join(bagian)


def _huruf_besar(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def id_lampiran(nomor: str) -> str:
    """The anchor of an appendix entry: ``P-12`` → ``lampiran-p-12``.

    >>> id_lampiran("P-12")
    'lampiran-p-12'
    """
    return "lampiran-" + re.sub(r"[^0-9a-z]+", "-", nomor.lower()).strip("-")


def html_angka(angka: Angka, teks: str | None = None, nomor: str | None = None,
               temuan=None) -> str:
    """A figure for the HTML report: keyboard-focusable, its provenance on hover and focus.

    `teks` is the figure as printed (default: `format_angka` at the figure's `desimal`);
    `nomor` its number in the Lampiran Perhitungan (shown as a superscript link); `temuan`
    a check finding (anything with ``id``) when the stated value differed: a ``*`` links to it.
    The tooltip is hidden by an inline style, shown by ``lkjip.css`` only (never in print).

    >>> h = html_angka(Angka(Decimal("40"), "Pembilang / Penyebut × 100", (4, 10),
    ...                      label="<b>data</b>", pola="{0} / {1} × 100"), nomor="P-1")
    >>> 'tabindex="0"' in h and "&lt;b&gt;data&lt;/b&gt; (P-1)" in h and "<b>" not in h
    True
    """
    teks = teks_nilai(angka) if teks is None else teks
    sup = (f'<sup class="lk-jejak-nomor"><a href="#{id_lampiran(nomor)}">{escape(nomor)}</a>'
           "</sup>") if nomor else ""
    beda = ""
    if temuan is not None and getattr(temuan, "id", None):
        beda = (f'<a class="lk-ke-catatan lk-jejak-temuan" href="#{escape(jangkar(temuan))}" '
                f'title="Angka tersaji berbeda; lihat temuan {escape(str(temuan.id))}">*</a>')
    isi = isi_tooltip(angka, nomor)
    id_ = id_tooltip(teks + sup + beda + isi)
    return (
        f'<span class="lk-jejak"><span class="lk-jejak-nilai" tabindex="0" '
        f'aria-describedby="{id_}">{escape(teks)}</span>{sup}{beda}'
        f'<span class="lk-jejak-isi" role="tooltip" id="{id_}" style="display:none">'
        f"{isi}</span></span>"
    )


def id_tooltip(isi: str) -> str:
    """The id of a tooltip, from its content: the same figure shown the same way gets the same
    id (the exporter numbers repeats, `lkjip.ekspor`), and no counter outlives a report.

    >>> id_tooltip("x") == id_tooltip("x") != id_tooltip("y"), id_tooltip("x")[:6]
    (True, 'jejak-')
    """
    return "jejak-" + hashlib.sha1(isi.encode("utf-8")).hexdigest()[:12]


def jangkar(temuan) -> str:
    """The HTML anchor of a finding (`lkjip.periksa.Temuan.jangkar`; else its ``id``)."""
    return str(getattr(temuan, "jangkar", None) or temuan.id)


def kalimat(pola: str, rujukan: Mapping | None = None, **angka) -> str:
    """A sentence whose ``{name}`` figures carry their provenance; the rest is escaped.

    Values may be `Angka` (shown by `html_angka`, with the appendix number from `rujukan`),
    ``(Angka, teks)`` pairs for a custom format, or anything else (escaped text).

    >>> kalimat("Capaian {c} % <b>", c=Angka(Decimal("91.683"))).count('tabindex="0"')
    1
    """
    bagian = []
    for teks, nama, _, _ in string.Formatter().parse(pola):
        bagian.append(escape(teks))
        if nama is not None:
            bagian.append(_html_nilai(angka[nama], rujukan))
    return "".join(bagian)


def tandai_kalimat(teks: str, pasangan: Iterable, rujukan: Mapping | None = None) -> str:
    """Escaped text whose quoted figures explain themselves: each ``(printed text, Angka)``
    pair is looked for after the previous one; a text not found is left as it is.

    >>> h = tandai_kalimat("IKM 82,78 <b>", [("82,78", Angka(Decimal("82.7776")))])
    >>> h.startswith("IKM <span") and h.endswith("</span> &lt;b&gt;")
    True
    """
    bagian, awal = [], 0
    for cetak, angka in pasangan:
        i = teks.find(cetak, awal) if cetak else -1
        if i < 0 or not isinstance(angka, Angka):
            continue
        bagian += [escape(teks[awal:i]), _html_nilai((angka, cetak), rujukan)]
        awal = i + len(cetak)
    return "".join(bagian) + escape(teks[awal:])


def _html_nilai(nilai, rujukan: Mapping | None) -> str:
    teks = None
    if isinstance(nilai, tuple) and len(nilai) == 2 and isinstance(nilai[0], Angka):
        nilai, teks = nilai
    if not isinstance(nilai, Angka):
        return escape(str(nilai))
    # no look-up without a rujukan: hashing a figure hashes its whole tree of inputs (a
    # total's reaches every row it adds), ~1 % of a report's kernel for nothing
    entri = rujukan.get(nilai) if rujukan else None
    return html_angka(nilai, teks, entri.nomor if entri else None,
                      entri.temuan if entri else None)



def lampiran_html(entri: list[Entri]) -> str:
    """The Lampiran Perhitungan as HTML: per table, a numbered list of worked lines."""
    html, peta = [], jejak.rujukan(entri)
    for tabel, grup in itertools.groupby(entri, lambda e: e.tabel):
        baris = "".join(_baris_lampiran(e, peta) for e in grup)
        html.append(
            f'<section class="lk-lampiran-bagian"><h3 class="lk-subjudul">{escape(tabel)}</h3>'
            '<table class="lk-lampiran"><thead><tr><th scope="col">No.</th>'
            '<th scope="col">Angka</th><th scope="col">Perhitungan</th>'
            f'<th scope="col">Masukan</th></tr></thead><tbody>{baris}</tbody></table></section>'
        )
    return "".join(html)


def _nama_temuan(t) -> str:
    """``temuan no. 14`` (Catatan Pemeriksaan Data), or the anchor when unnumbered."""
    nomor = getattr(t, "nomor", None)
    return f"temuan no. {nomor} (Catatan Pemeriksaan Data)" if nomor else str(t.id)


def _baris_lampiran(e: Entri, peta: Mapping) -> str:
    hitungan = uraian(e.angka) if e.angka.pola is not None else \
        f"{teks_nilai(e.angka)} = {e.angka.rumus}"
    catatan = f" ({e.angka.aturan})" if e.angka.aturan and len(e.angka.aturan) < 60 else ""
    beda = (f'<br><a class="lk-ke-catatan" href="#{escape(jangkar(e.temuan))}">angka tersaji '
            f"berbeda: lihat {escape(_nama_temuan(e.temuan))}</a>") \
        if getattr(e.temuan, "id", None) else ""
    masukan = "<br>".join(escape(a) for a in jejak.asal(e.angka, peta)) or KOSONG
    return (
        f'<tr id="{id_lampiran(e.nomor)}"><td class="lk-lampiran-nomor">{escape(e.nomor)}</td>'
        f"<td>{escape(e.label)}</td><td>{escape(hitungan + catatan)}{beda}</td>"
        f'<td class="lk-lampiran-masukan">{masukan}</td></tr>'
    )
