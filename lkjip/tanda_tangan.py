"""Signature blocks of the signed LKjIP: the Camat's (Kata Pengantar, Bab IV) and each PK's.

A signed LKjIP carries two kinds of signature (Permenpan RB 53/2014): the head of the office
under the Kata Pengantar (place and date, jabatan, name, pangkat, NIP) and, on every
Perjanjian Kinerja, both parties side by side, Pihak Kedua (the superior) on the left and
Pihak Pertama on the right under the place and date, as the seed prints them. Everything comes
from the data: ``profil.csv`` (``camat_*``, ``tempat_laporan``, ``tanggal_laporan``) and
``pejabat.csv`` (name, jabatan, ``nip``, optional ``pangkat``, the superior's row or the
``*_atasan`` columns, ``tanggal_pk``). A line whose value is missing is left out, never
invented.

A block is one element that never splits across pages (``break-inside: avoid`` in
``lkjip.css``; a Word table row that cannot split, `lkjip.word`). The space for the signature
itself is an empty line of fixed height.

>>> b = Penanda("Pihak Pertama", "Camat Bantarbolang", "WALUYO", nip="19670524 199503 1 004")
>>> baris_penanda(b)
['Pihak Pertama,', 'Camat Bantarbolang', '', 'WALUYO', 'NIP. 19670524 199503 1 004']
>>> baris_penanda(Penanda("", "CAMAT X", "UMAR"))
['CAMAT X', '', 'UMAR']
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lkjip.tampil import Html

GAYA_DOCX = "Tanda Tangan"  # the Word paragraph style of every signature line (lkjip.word)


@dataclass(frozen=True)
class Penanda:
    """One signatory: the role line (may be empty), jabatan, name, pangkat and NIP."""

    peran: str
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""


def _teks(v) -> str:
    """A cell as text; missing values (None, NaN, '') are ''."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v).strip()


def baris_penanda(p: Penanda) -> list[str]:
    """The lines of one signatory, the empty one being the space to sign in."""
    atas = [b for b in (f"{p.peran}," if p.peran else "", p.jabatan) if b]
    bawah = [b for b in (p.nama, p.pangkat, f"NIP. {p.nip}" if p.nip else "") if b]
    return atas + [""] + bawah


def _kolom(atas: list[str], p: Penanda) -> str:
    """One signatory as HTML: `atas` (place and date, or an empty line to align with it), the
    role and jabatan, a tall empty line to sign in, the name in bold, pangkat and NIP."""
    baris = atas + baris_penanda(p)
    ruang = len(atas) + baris_penanda(p).index("")
    isi = []
    for i, b in enumerate(baris):
        if i == ruang:
            isi.append('<p class="lk-ttd-ruang">&#160;</p>')
        elif i == ruang + 1:
            isi.append(f'<p class="lk-ttd-nama"><strong>{escape(b)}</strong></p>')
        else:
            isi.append(f"<p>{escape(b) or '&#160;'}</p>")
    return "".join(isi)


def _blok(kelas: str, kanan: str, kiri: str = "") -> Html:
    """A signature block: a table of one row, two columns (the left one may be empty)."""
    isi = (f'<div class="lk-ttd {kelas}" data-custom-style="{GAYA_DOCX}">'
           f'<table class="lk-ttd-tabel"><tbody><tr><td>{kiri}</td><td>{kanan}</td></tr>'
           "</tbody></table></div>")
    return Html(isi, "Tanda tangan")


def tempat_tanggal(tempat, tanggal: str) -> str:
    """'Pemalang, 31 Januari 2024'; either part may be missing.

    >>> tempat_tanggal("Pemalang", "31 Januari 2024"), tempat_tanggal(None, "1 Mei 2024")
    ('Pemalang, 31 Januari 2024', '1 Mei 2024')
    """
    return ", ".join(b for b in (_teks(tempat), _teks(tanggal)) if b)


def camat(data) -> Penanda:
    """The head of the office as the profile names him."""
    p = data.profil
    nama_kec = _teks(p.get("nama_kecamatan")) or data.kecamatan
    jabatan = _teks(p.get("camat_jabatan")) or f"Camat {nama_kec}"
    return Penanda("", jabatan.upper(), _teks(p.get("camat_nama")), _teks(p.get("camat_pangkat")),
                   _teks(p.get("camat_nip")))


def blok_camat(data) -> Html:
    """The Camat's signature under the Kata Pengantar: place and date, then the signatory."""
    from lkjip.tabel import tanggal

    p = data.profil
    tempat = tempat_tanggal(p.get("tempat_laporan"), tanggal(p.get("tanggal_laporan")))
    return _blok("lk-ttd-camat", _kolom([tempat], camat(data)))


def pihak(data, kode_pejabat: str) -> tuple[Penanda, Penanda]:
    """(Pihak Pertama, Pihak Kedua) of one pejabat's PK; the superior from his own row of
    pejabat.csv when he has one, else from the ``*_atasan`` columns."""
    from lkjip.muat import pejabat_per_kode

    df = pejabat_per_kode(data)
    p = df[kode_pejabat]
    atasan = _teks(p.get("kode_atasan"))
    if atasan in df:
        a = df[atasan]
        kedua = Penanda("Pihak Kedua", _teks(a["jabatan"]), _teks(a["nama"]),
                        _teks(a.get("pangkat")), _teks(a.get("nip")))
    else:
        kedua = Penanda("Pihak Kedua", _teks(p.get("jabatan_atasan")),
                        _teks(p.get("nama_atasan")), _teks(p.get("pangkat_atasan")),
                        _teks(p.get("nip_atasan")))
    pertama = Penanda("Pihak Pertama", _teks(p["jabatan"]), _teks(p["nama"]),
                      _teks(p.get("pangkat")), _teks(p.get("nip")))
    return pertama, kedua


def blok_pk(data, kode_pejabat: str) -> Html:
    """Both parties of a PK side by side: Pihak Kedua left, place and date over Pihak Pertama
    right."""
    from lkjip.muat import pejabat_per_kode
    from lkjip.tabel import tanggal

    pertama, kedua = pihak(data, kode_pejabat)
    tgl = pejabat_per_kode(data)[kode_pejabat]["tanggal_pk"]
    tempat = tempat_tanggal(data.profil.get("tempat_laporan"), tanggal(tgl))
    return _blok("lk-ttd-pk", _kolom([tempat], pertama), _kolom([""], kedua))
