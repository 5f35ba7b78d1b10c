"""The office's narrative as the edition prints it: named figures filled in, typed numbers
that contradict the model printed as the figure they name (a view of
`lkjip.periksa.narasi` and `lkjip.teks_narasi`).

- A **named figure** ``{capaian/IKU-02:persen}`` prints as the figure of the edition's model
  (after the office's decisions: a ``tersaji`` decision changes what it prints), formatted by
  `lkjip.format` (``86,81``; ``:persen`` → ``86,81 %``; ``:rupiah`` → ``Rp 2.522.467.250``),
  and explains itself on hover and focus like every figure of the report (`lkjip.tampil_jejak`;
  nothing of it prints on paper or in Word).
- A **typed number** the checks find wrong (rules ``narasi-angka``, ``narasi-tersaji``) prints
  as the figure it names, as any undecided galat uses the computed figure, unless the office
  decided ``tersaji`` (keep what was typed); a typed category word follows the number printed
  beside it unless its finding (``narasi-kategori``) was decided ``tersaji``. The data file is
  never changed: the working paper shows what was typed.
- ``{{`` and ``}}`` print ``{`` and ``}``.

How: each figure is replaced in the Markdown source by a placeholder of private-use characters,
the Markdown is rendered safely (`lkjip.tampil.markdown`), and each placeholder becomes the
figure's HTML. A text cut into sections by its caller (`Siap.html` of one piece) keeps its
placeholders. Rejected: formatting figures into the Markdown as text (no provenance on hover),
and searching the printed figure in the rendered HTML (an equal number typed earlier would be
taken for it).

>>> from decimal import Decimal
>>> teks_nama(Angka(Decimal("86.8148")), "persen"), teks_nama(Angka(Decimal(2522467250)), "rupiah")
('86,81\xa0%', 'Rp 2.522.467.250')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkjip import katalog, tampil
from lkjip.angka import Angka
from lkjip.format import KOSONG, format_angka, format_persen, format_rupiah
from lkjip.periksa import narasi as periksa_narasi
from lkjip.teks_narasi import ganti, nama_angka, tanpa_escape

BUKA, TUTUP = "\ue000", "\ue001"
_TANDA = re.compile(f"{BUKA}(\\d+){TUTUP}")
_BENDA = re.compile(r"^[\d.]+(?:\s*\([^)]*\))?\s+")


def teks_nama(angka: Angka, satuan: str | None) -> str:
    """A named figure as printed: at its places, with the unit asked for."""
    if angka.nilai is None:
        return KOSONG
    if satuan == "rupiah":
        return format_rupiah(angka.nilai)
    if satuan == "persen":
        return format_persen(angka.nilai, angka.desimal)
    return format_angka(angka.nilai, angka.desimal)


def teks_ganti(angka: Angka, ketik) -> str:
    """A wrong typed number's replacement, in the typed unit ('4 (empat) aduan' → '3 aduan')."""
    if ketik.jenis == "persen":
        return format_persen(angka.nilai, angka.desimal)
    if ketik.jenis == "rupiah":
        return format_rupiah(angka.nilai)
    if ketik.jenis == "cacah":
        return f"{format_angka(angka.nilai, 0)} {_BENDA.sub('', ketik.teks)}"
    return format_angka(angka.nilai, angka.desimal)


@dataclass(frozen=True)
class Siap:
    """A narrative ready to print: its Markdown with placeholders, and the figure (Angka,
    printed text) of each placeholder."""

    markdown: str
    angka: tuple[tuple[Angka, str], ...] = ()

    def html(self, potongan: str | None = None) -> tampil.Html:
        """The Markdown (or a piece of it) rendered, each placeholder as its figure."""
        from lkjip.tampil_jejak import html_angka

        html = tampil.markdown(self.markdown if potongan is None else potongan).isi
        html = _TANDA.sub(lambda m: html_angka(*self.angka[int(m.group(1))]), html)
        return tampil.Html(html, "Narasi")


def _diputuskan_tersaji(keadaan, id_: str) -> bool:
    p = keadaan.putusan.get(id_) if keadaan is not None else None
    return p is not None and p.diputuskan and p.putusan == "tersaji"


def _pengganti(data, hasil, nama: str, teks: str, keadaan) -> list[tuple[int, int, object]]:
    """(start, end, Angka and printed text, or a plain text) of every figure to print
    differently from the source: named figures, wrong typed numbers, category words."""
    ganti_ = []
    for n in nama_angka(teks)[0]:
        a = katalog.cari(hasil, n.jalur)
        ganti_.append((n.awal, n.akhir, (a, teks_nama(a, n.satuan))))
    murni = hasil.murni or hasil
    for b in periksa_narasi.bacaan_berkas(data, murni, nama):
        a, nilai = b.ketik, b.ketik.nilai
        aturan = {"beda": "narasi-angka", "tersaji": "narasi-tersaji"}.get(b.hasil)
        if aturan and not _diputuskan_tersaji(keadaan, b.id(aturan)):
            angka = katalog.cari(hasil, b.jalur[0])
            if angka.nilai is not None:
                ganti_.append((a.awal, a.akhir, (angka, teks_ganti(angka, a))))
                nilai = angka.bulat
        if a.kategori and not _diputuskan_tersaji(keadaan, b.id("narasi-kategori")):
            benar = periksa_narasi.kategori_untuk(nilai, a.kategori.teks, hasil.skala)
            if benar and benar.lower() != a.kategori.teks.lower():
                ganti_.append((a.kategori.awal, a.kategori.akhir, benar))
    return ganti_


def siapkan(data, nama: str, hasil, keadaan=None) -> Siap:
    """The narrative file ``narasi/<nama>.md`` ready to print with the edition's model `hasil`
    and the office's decisions `keadaan` (`lkjip.keputusan.Keadaan`; None: none decided)."""
    teks = (data.narasi.get(nama) or "").replace(BUKA, "\ufffd").replace(TUTUP, "\ufffd")
    angka, potong = [], []
    for awal, akhir, isi in _pengganti(data, hasil, nama, teks, keadaan):
        if isinstance(isi, str):
            potong.append((awal, akhir, isi))
        else:
            potong.append((awal, akhir, f"{BUKA}{len(angka)}{TUTUP}"))
            angka.append(isi)
    return Siap(tanpa_escape(ganti(teks, potong)), tuple(angka))


def html(data, nama: str, hasil, keadaan=None) -> tampil.Html:
    """The narrative file rendered (see `siapkan`); None when the file is absent or empty."""
    return siapkan(data, nama, hasil, keadaan).html()


# ---------------------------------------------------------------- lkjip check


def bentuk_nama(b) -> str:
    """The named form that prints what a typed number says (`b`: a consistent reading).

    >>> from types import SimpleNamespace as NS
    >>> bentuk_nama(NS(jalur=("komposit/CL.1",), ketik=NS(jenis="persen", teks="54,07 %")))
    '{komposit/CL.1:persen}'
    >>> bentuk_nama(NS(jalur=("daftar/desa/penyebut",), ketik=NS(jenis="cacah", teks="17 desa")))
    '{daftar/desa/penyebut} desa'
    """
    satuan = {"persen": ":persen", "rupiah": ":rupiah"}.get(b.ketik.jenis, "")
    nama = " atau ".join("{" + j + satuan + "}" for j in b.jalur[:3])
    lagi = " …" if len(b.jalur) > 3 else ""
    benda = f" {_BENDA.sub('', b.ketik.teks)}" if b.ketik.jenis == "cacah" else ""
    return nama + lagi + benda


def daftar_bernama(bacaan) -> str:
    """``lkjip check``: per narrative file, the typed numbers equal to a computed figure, each
    with the named form that would print it (empty when there is none)."""
    cocok = [b for b in bacaan if b.hasil == "cocok"]
    if not cocok:
        return ""
    baris = ["", "Angka ketikan dalam narasi yang sama dengan angka terhitung (dapat ditulis "
             "sebagai angka bernama, agar selalu mengikuti data):"]
    for nama in dict.fromkeys(b.berkas for b in cocok):
        baris.append(f"  narasi/{nama}.md")
        baris += [f"    baris {b.ketik.baris}: {b.ketik.teks} → {bentuk_nama(b)}"
                  for b in cocok if b.berkas == nama]
    return "\n".join(baris)
