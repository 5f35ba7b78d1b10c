"""What the office's typed numbers are compared with (the rules are in `lkjip.periksa.narasi`):
every figure of the model by catalogue path with the unit a typed number can meet it in
(`AngkaLaporan`), the figures a sentence can name (`Subjek`: indicators, composite components,
sasaran by their names and ``kata_kunci``; the overall figures, IKM semesters and unsur by the
words every LKjIP uses, `BAWAAN`, `FRASA_UNSUR`), the stated figures of tersaji.csv, and when a
typed value equals a computed one (`sama`).

>>> setara(Decimal("86.81"), Decimal("86.8148"), "persen")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from lkjip import katalog
from lkjip.angka import bulatkan
from lkjip.format import format_angka, format_nilai, format_persen, format_rupiah
from lkjip.ikm import KUNCI_UNSUR
from lkjip.ikm import MUTU as MUTU_IKM
from lkjip.periksa.dasar import TOLERANSI_PEMBULATAN, beda_angka, kosong
from lkjip.skala import muat_skala
from lkjip.teks import normal_teks
from lkjip.teks_narasi import AngkaKetik

MUTU = tuple(kinerja for _, _, kinerja in MUTU_IKM)  # the IKM's category words
# words every LKjIP uses for its overall figures: (name in messages, phrases, {kind: path})
BAWAAN = (
    ("penyerapan anggaran", ("penyerapan anggaran", "penyerapan", "serapan anggaran",
                             "capaian anggaran"), {"nilai": "penyerapan/total"}),
    ("realisasi anggaran", ("realisasi anggaran",), {"nilai": "realisasi_anggaran/total"}),
    ("pagu anggaran", ("pagu anggaran", "pagu"), {"nilai": "pagu/total"}),
    ("anggaran murni", ("anggaran murni", "pagu murni"), {"nilai": "anggaran/total/pagu_murni"}),
    ("anggaran perubahan", ("anggaran perubahan", "pagu perubahan", "anggaran berubah"),
     {"nilai": "anggaran/total/pagu_perubahan"}),
    ("capaian kinerja keseluruhan", ("capaian kinerja keseluruhan", "pemenuhan capaian kinerja",
                                     "capaian kinerja secara keseluruhan"),
     {"nilai": "capaian_kinerja"}),
    # the year's IKM by its abbreviation (the IKM indicator's name is its own subject): without
    # it "IKM 2024 sebesar 85,07 dengan unsur terendah penanganan pengaduan (68,75)" read 85,07
    # as the unsur named after it
    ("IKM tahun ini", ("ikm",), {"nilai": "ikm/tahun"}),
)
FRASA_UNSUR = {
    "persyaratan": ("persyaratan",), "prosedur": ("sistem mekanisme dan prosedur", "prosedur"),
    "waktu": ("waktu penyelesaian",), "biaya": ("biaya tarif", "biaya"),
    "produk": ("produk spesifikasi jenis pelayanan", "produk spesifikasi"),
    "kompetensi": ("kompetensi pelaksana",), "perilaku": ("perilaku pelaksana",),
    "pengaduan": ("penanganan pengaduan",), "sarana": ("sarana dan prasarana", "sarana prasarana"),
}
SATUAN_COCOK = {"persen": ("persen",), "nilai": ("persen", "indeks"), "rupiah": ("rupiah",)}


@dataclass(frozen=True)
class Subjek:
    """What a sentence can name: its phrases (normalised) and its figures by kind."""

    nama: str
    frasa: tuple[str, ...]
    jalur: dict[str, str]
    utama: str = "nilai"  # the kind a number takes when no word picks one


class AngkaLaporan(Mapping):
    """Every figure of the model by path → (value, unit), each computed when first asked
    (the signed PK totals alone take most of a second: only a Rupiah typed without a
    subject needs them). A figure the data cannot compute is not in it."""

    def __init__(self, hasil, jalur_ada: dict):
        self.hasil = hasil
        self.satuan = {j: satuan_jalur(hasil, j, jenis) for j, (jenis, _) in jalur_ada.items()}
        self._jalur, self._nilai = jalur_ada, {}

    def _hitung(self, jalur: str) -> Decimal | None:
        if jalur not in self._nilai:
            jenis, kunci = self._jalur[jalur]
            a = jenis.ambil(self.hasil, *kunci)
            self._nilai[jalur] = None if a is None else a.nilai
        return self._nilai[jalur]

    def __getitem__(self, jalur: str) -> tuple[Decimal, str]:
        nilai = self._hitung(jalur) if jalur in self._jalur else None
        if nilai is None:
            raise KeyError(jalur)
        return nilai, self.satuan[jalur]

    def __iter__(self):
        return (j for j in self._jalur if self._hitung(j) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def sesuai(self, ketik: AngkaKetik):
        """(path, value, unit) of every figure a typed number can meet, computed now."""
        for j, sat in self.satuan.items():
            if cocok_satuan(ketik, sat) and (v := self._hitung(j)) is not None:
                yield j, v, sat


class Bahan:
    """What the readings compare with: the model's figures (`AngkaLaporan`), the figures a
    sentence can name, the stated figures that differ from their computed one, the category
    words; each made when first asked (a narrative without a typed number needs none but the
    words). ``bacaan`` keeps each file's readings (`lkjip.periksa.narasi.baca_berkas`), by
    file name and text."""

    def __init__(self, data, hasil, jalur_ada: dict | None = None):
        self.data, self.hasil, self._jalur_ada = data, hasil, jalur_ada
        self.bacaan: dict[tuple[str, str], tuple] = {}

    @cached_property
    def angka(self) -> AngkaLaporan:
        jalur_ada = self._jalur_ada if self._jalur_ada is not None else semua_jalur(self.hasil)
        return AngkaLaporan(self.hasil, jalur_ada)

    @cached_property
    def subjek(self) -> list[Subjek]:
        return _subjek_data(self.data, self.hasil) + _subjek_bawaan(self.hasil)

    @cached_property
    def kategori(self) -> tuple[str, ...]:
        return tuple(muat_skala(self.hasil.skala)["kategori"]) + MUTU

    @cached_property
    def tersaji(self) -> list[tuple[str, Decimal, str]]:
        return _tersaji(self.data, self.hasil)

    def tersaji_beda(self, ketik: AngkaKetik) -> list[tuple[str, str]]:
        """(path, where) of the stated figures equal to a typed number that differ from the
        figure computed for them (only those are computed)."""
        return [(j, w) for j, v, w in self.tersaji if v == ketik.nilai and j in self.angka
                and cocok_satuan(ketik, self.angka[j][1]) and _beda_tersaji(v, *self.angka[j])]


# ---------------------------------------------------------------- the model's figures


def semua_jalur(hasil) -> dict[str, tuple[katalog.Jenis, tuple]]:
    """Every concrete path of the catalogue in this kecamatan-year → (entry, keys)."""
    import itertools

    hasil_jalur = {}
    for jenis in katalog.KATALOG:
        if not jenis.jalur:
            continue
        pilihan = [jenis.pilihan_kunci(hasil, n) for n in jenis.nama_kunci]
        for kunci in itertools.product(*pilihan):
            hasil_jalur.setdefault(katalog.isi_jalur(jenis.jalur, kunci), (jenis, kunci))
    return hasil_jalur


def satuan_jalur(hasil, jalur: str, jenis: katalog.Jenis) -> str:
    """'persen', 'indeks', 'rupiah', or 'cacah:<list>' (a count of what, '' if of nothing
    a sentence counts): how a typed number can meet the figure."""
    nama = jenis.satuan.nama
    bagian = jalur.split("/")
    if bagian[0] in ("realisasi", "target") and hasil.indikator[bagian[1]].satuan != "%":
        return "indeks"
    if nama == "cacah":
        return "cacah:" + (bagian[1] if bagian[0] == "daftar" else
                           "responden" if jalur == "responden_ikm" else "")
    return nama if nama in ("persen", "indeks", "rupiah") else "lain"


def _kata_kunci(df, kolom: str, kode: str) -> list[str]:
    if "kata_kunci" not in df.columns:
        return []
    nilai = df.loc[df[kolom] == kode, "kata_kunci"]
    teks = "" if not len(nilai) or kosong(nilai.iloc[0]) else str(nilai.iloc[0])
    return [k for k in teks.split(";") if k.strip()]


def _subjek_data(data, hasil) -> list[Subjek]:
    """Indicators, composite components and sasaran, by their names and keywords."""
    hasil_s = []
    for k, i in hasil.indikator.items():
        jalur = {j: f"{j}/{k}" for j in ("target", "realisasi", "capaian", "progres")}
        if i.sumber_realisasi == "ikm":
            jalur["responden"] = "responden_ikm"
        frasa = [i.indikator, *_kata_kunci(data.indikator, "kode_indikator", k)]
        hasil_s.append(Subjek(f"indikator {k} ({i.indikator})", _normal(frasa), jalur,
                              "realisasi"))
    df = data.komposit
    for _, r in df.iterrows():
        node = r["kode_node"]
        if node not in hasil.komposit:
            continue
        jalur = {"nilai": f"komposit/{node}"}
        if not kosong(r["daftar"]):
            jalur |= {f"{r['daftar']}/{h}": f"daftar/{r['daftar']}/{h}"
                      for h in ("pembilang", "penyebut")}
        frasa = [r["nama"], *_kata_kunci(df, "kode_node", node)]
        hasil_s.append(Subjek(f"komponen {node} ({r['nama']})", _normal(frasa), jalur))
    for k, s in hasil.sasaran.items():
        hasil_s.append(Subjek(f"sasaran {k} ({s.sasaran})", _normal([s.sasaran]),
                              {"nilai": f"sasaran/{k}"}))
    return hasil_s


def _subjek_bawaan(hasil) -> list[Subjek]:
    """The overall figures, the IKM semesters and unsur, by the words every LKjIP uses."""
    hasil_s = [Subjek(n, _normal(f), j) for n, f, j in BAWAAN]
    for p in hasil.ikm_semester:
        frasa = [f"semester {p[1:]}"] if p[:1] == "S" else [p]
        hasil_s.append(Subjek(f"IKM {p}", _normal(frasa), {"nilai": f"ikm/{p}"}))
    for u in KUNCI_UNSUR:
        hasil_s.append(Subjek(f"unsur {u}", _normal(FRASA_UNSUR[u]),
                              {"nilai": f"nilai_unsur/{u}"}))
    return hasil_s


def _normal(frasa) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for f in frasa if (n := normal_teks(f))))


def _tersaji(data, hasil) -> list[tuple[str, Decimal, str]]:
    """(path, stated value, where) of each stated figure (tersaji.csv) that states a figure
    with a path and a number."""
    from lkjip.bilangan import baca_angka

    hasil_ = []
    for r in data.tersaji.to_dict("records"):
        jalur = katalog.jalur_tersaji(r["besaran"], None if kosong(r["kunci"]) else
                                      str(r["kunci"]).strip(), hasil)
        try:
            nilai = baca_angka(r["nilai"])
        except ValueError:
            continue
        if jalur is not None:
            hasil_.append((jalur, nilai, f"tersaji.csv baris {int(r['_baris'])}, {r['sumber']}"))
    return hasil_


def _beda_tersaji(nilai: Decimal, terhitung: Decimal, satuan: str) -> bool:
    """A stated figure differs from its computed one as the stated-figure rules judge it (a
    difference from rounding alone is not one)."""
    if satuan == "rupiah" or satuan.startswith("cacah"):
        return nilai != terhitung
    return beda_angka(nilai, terhitung) == "galat"


# the `Bahan` of the last few models read: {(id(data), id(hasil)): Bahan}, oldest first
_BAHAN: dict[tuple[int, int], Bahan] = {}
_BAHAN_MAKS = 4


def bahan(data, hasil, jalur_ada: dict | None = None) -> Bahan:
    """What the readings of one kecamatan-year compare with (`jalur_ada`: `semua_jalur`,
    when already known): the same `Bahan` for the same `data` and `hasil` objects, for the
    last `_BAHAN_MAKS` of them (issue 15). A report's kernel reads every narrative file in
    the checks (`lkjip.konteks.keadaan`), then each file again where a chapter prints it
    (`lkjip.tampil_narasi`), with the same objects: the views get the checks' readings, and
    the subjects and stated figures are made once, not once a printed file (~0,15 CPU-s of
    a report). The model is taken as it was made: a frame of `data` changed in place is not
    seen by readings kept (a changed narrative text is: the text is part of their key)."""
    kunci = (id(data), id(hasil))
    b = _BAHAN.get(kunci)
    if b is None or b.data is not data or b.hasil is not hasil:
        b = _BAHAN[kunci] = Bahan(data, hasil, jalur_ada)
        while len(_BAHAN) > _BAHAN_MAKS:
            del _BAHAN[next(iter(_BAHAN))]
    elif jalur_ada is not None and b._jalur_ada is None:
        b._jalur_ada = jalur_ada  # the same paths, known already: not computed again
    return b


# ---------------------------------------------------------------- comparing


def setara(ketik: Decimal, nilai: Decimal, satuan: str) -> bool:
    """A typed value equals a computed one: exactly for Rupiah and counts; else when it is
    the computed value rounded half-up to the typed places, or, typed with two places or
    more, within 0,01 of it (87,86 for 87,8657). An integer typed for 100,95 is not equal.

    >>> setara(Decimal("54.07"), Decimal("54.0741"), "persen")
    True
    >>> setara(Decimal(100), Decimal("100.948"), "persen")
    False
    >>> setara(Decimal(17), Decimal(17), "cacah")
    True
    """
    if satuan == "rupiah" or satuan.startswith("cacah"):
        return ketik == nilai
    tempat = max(-ketik.as_tuple().exponent, 0)
    return ketik == bulatkan(nilai, tempat) or \
        (tempat >= 2 and abs(ketik - nilai) <= TOLERANSI_PEMBULATAN)


def cocok_satuan(ketik: AngkaKetik, satuan: str) -> bool:
    if ketik.jenis == "cacah":
        return satuan == f"cacah:{ketik.benda}"
    return satuan in SATUAN_COCOK[ketik.jenis]


def cetak(nilai: Decimal, satuan: str, desimal: int = 2) -> str:
    """A computed figure as a sentence prints it.

    >>> cetak(Decimal("100"), "persen"), cetak(Decimal(2469406335), "rupiah", 0)
    ('100,00\xa0%', 'Rp 2.469.406.335')
    """
    if satuan == "rupiah":
        return format_rupiah(nilai)
    if satuan == "persen":
        return format_persen(nilai, desimal)
    return format_angka(nilai, desimal if not satuan.startswith("cacah") else 0)


def cetak_jalur(hasil, jalur: str, nilai: Decimal, satuan: str) -> str:
    """The computed figure of `jalur` as a finding prints it (`cetak`); an indicator's realisasi
    or target not in % (read as an 'indeks') by its unit, as the report prints it
    (`format_nilai`): 'terhitung 4' for 4 kasus, not 'terhitung 4,00'."""
    jenis, _, kode = jalur.partition("/")
    if satuan == "indeks" and jenis in ("realisasi", "target") and kode in hasil.indikator:
        return format_nilai(nilai, hasil.indikator[kode].satuan)
    return cetak(nilai, satuan)
