"""IKM: Indeks Kepuasan Masyarakat from the Survei Kepuasan Masyarakat (Permenpan RB 14/2017).

NRR per unsur = jumlah jawaban / responden; IKM = Σ NRR / 9 × 25 (see `KONVENSI`): weight
exactly 1/9, no intermediate rounding, one rounding half-up to 2 dp at the end. The mutu is read
from the ×25 value rounded to 2 dp.

>>> hasil = ikm_dari_nrr({k: 3.5 for k in KUNCI_UNSUR})
>>> hasil.nilai, hasil.mutu, hasil.kinerja
(87.5, 'B', 'Baik')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

import pandas as pd

from lkjip.angka import Angka, Sumber, bulatkan, ke_decimal, nilai_dari, sebagai_masukan


class Unsur(NamedTuple):
    """One unsur of the survey: canonical key and full name (Permenpan RB 14/2017)."""

    kunci: str
    nama: str


UNSUR: tuple[Unsur, ...] = (
    Unsur("persyaratan", "Persyaratan"),
    Unsur("prosedur", "Sistem, Mekanisme, dan Prosedur"),
    Unsur("waktu", "Waktu Penyelesaian"),
    Unsur("biaya", "Biaya/Tarif"),
    Unsur("produk", "Produk Spesifikasi Jenis Pelayanan"),
    Unsur("kompetensi", "Kompetensi Pelaksana"),
    Unsur("perilaku", "Perilaku Pelaksana"),
    Unsur("pengaduan", "Penanganan Pengaduan, Saran dan Masukan"),
    Unsur("sarana", "Sarana dan Prasarana"),
)
KUNCI_UNSUR: tuple[str, ...] = tuple(u.kunci for u in UNSUR)
_DAFTAR = ", ".join(KUNCI_UNSUR)
KOLOM_BUKAN_UNSUR = frozenset({"no", "periode", "tanggal", "layanan", "_baris"})

KONVENSI = (
    "IKM dihitung sesuai Permenpan RB Nomor 14 Tahun 2017: nilai rata-rata (NRR) tiap unsur "
    "adalah jumlah nilai jawaban dibagi jumlah responden; IKM adalah jumlah NRR kesembilan unsur "
    "dikali bobot tepat 1/9, lalu dikali 25 (nilai konversi). Tidak ada pembulatan antara; hasil "
    "akhir dibulatkan ke atas mulai 0,5 menjadi dua angka desimal."
)
ATURAN_TAHUNAN = {
    "rerata_semester": "IKM tahunan adalah rerata IKM semester; karena bobot tiap unsur sama, "
    "nilainya sama dengan Σ (rerata NRR semester tiap unsur) / 9 × 25.",
    "gabungan": "IKM tahunan dihitung dari seluruh responden setahun: NRR tiap unsur adalah "
    "rerata NRR semester ditimbang jumlah responden semester.",
}
MUTU: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)
_DUA_LIMA = Decimal(25)
_SEMBILAN = Decimal(9)


def _normal(teks: str) -> str:
    """Lowercase letters and digits without the word 'dan': 'Biaya / Tarif' → 'biayatarif'."""
    return re.sub(r"[^0-9a-z]", "", re.sub(r"\bdan\b", "", str(teks).lower()))


_PETA_UNSUR = {_normal(u.kunci): u.kunci for u in UNSUR} | {_normal(u.nama): u.kunci for u in UNSUR}


def kunci_unsur(nama) -> str | None:
    """The canonical unsur key of a column header, or None when it names no unsur.

    >>> kunci_unsur("Penanganan pengaduan, saran, dan masukan"), kunci_unsur(" WAKTU ")
    ('pengaduan', 'waktu')
    >>> kunci_unsur("layanan") is None
    True
    """
    return _PETA_UNSUR.get(_normal(nama))


def mutu_ikm(nilai) -> tuple[str, str]:
    """Mutu pelayanan and kinerja unit of an IKM value (×25), read after rounding to 2 dp.

    >>> mutu_ikm(88.31), mutu_ikm(88.305), mutu_ikm(88.304), mutu_ikm(64.99)
    (('A', 'Sangat Baik'), ('A', 'Sangat Baik'), ('B', 'Baik'), ('D', 'Tidak Baik'))
    """
    d = bulatkan(nilai, 2)
    if d is None or not Decimal(25) <= d <= Decimal(100):
        raise ValueError(f"nilai IKM harus antara 25 dan 100, bukan {nilai!r}")
    return next((mutu, kinerja) for batas, mutu, kinerja in MUTU if d >= batas)


@dataclass(frozen=True)
class HasilIkm:
    """The result of one IKM computation.

    `nilai` is the IKM (×25) rounded to 2 dp. `nrr` and `nilai_unsur` (NRR × 25) are pandas
    Series indexed by unsur key, unrounded (floats of the exact Decimal quotients; round only
    for display). `responden` is None when only aggregates were given without counts.
    `angka` is the unrounded IKM with provenance; its `masukan` are the NRR `Angka` per unsur.
    """

    nilai: float
    nrr: pd.Series
    nilai_unsur: pd.Series
    mutu: str
    kinerja: str
    responden: int | None
    angka: Angka

    @property
    def nrr_decimal(self) -> dict[str, Decimal]:
        """The unrounded NRR per unsur key, as Decimals."""
        return {a.label: a.nilai for a in self.angka.masukan if isinstance(a, Angka)}


def ikm(jawaban: pd.DataFrame, abaikan: Iterable[str] = (), berkas: str | None = None) -> HasilIkm:
    """IKM from raw answers: one row per respondent, one column per unsur (1–4).

    Unsur columns are recognised by key or full name in any order; the columns in
    `KOLOM_BUKAN_UNSUR` and `abaikan` are ignored; any other column is an error. With a
    ``_baris`` column, each NRR's provenance names the rows of `berkas` it sums.

    >>> df = pd.DataFrame({k: [4, 3] for k in KUNCI_UNSUR} | {"periode": ["S1", "S1"]})
    >>> ikm(df).nilai  # each NRR = 7/2 = 3.5; 9 × 3.5 / 9 × 25 = 87.5
    87.5
    """
    kolom = _kolom_unsur(jawaban.columns, abaikan)
    responden = len(jawaban)
    if responden == 0:
        raise ValueError("data survei IKM tidak berisi responden")
    jumlah = {k: _jumlah_jawaban(jawaban, kol, k) for k, kol in kolom.items()}
    if "_baris" in jawaban.columns:
        berkas = berkas or "survei IKM"
        baris = [int(b) for b in jawaban["_baris"]]  # one int per row, shared by the 9 unsur
        jumlah = {k: _jumlah_angka(jawaban, baris, kolom[k], k, v, berkas)
                  for k, v in jumlah.items()}
        responden = _responden_angka(jawaban, baris, berkas)
    nrr = {k: _nrr_angka(k, jumlah[k], responden) for k in KUNCI_UNSUR}
    return _hasil(nrr, len(jawaban))


def _jumlah_angka(jawaban: pd.DataFrame, baris: list[int], kolom, kunci: str, jumlah: int,
                  berkas: str) -> Angka:
    """The sum of one unsur's answers, citing each answer's row."""
    kolom_teks = str(kolom)
    sumber = tuple(Sumber(berkas, b, kolom_teks, v)
                   for b, v in zip(baris, jawaban[kolom], strict=True))
    return Angka(Decimal(jumlah), f"Σ nilai jawaban unsur {kunci}", sumber,
                 label=f"jumlah nilai unsur {kunci}", desimal=0)


def _responden_angka(jawaban: pd.DataFrame, baris: list[int], berkas: str) -> Angka:
    """The number of respondents, citing their rows."""
    kolom = "no" if "no" in jawaban.columns else "_baris"
    sumber = tuple(Sumber(berkas, b, kolom, v)
                   for b, v in zip(baris, jawaban[kolom], strict=True))
    return Angka(Decimal(len(jawaban)), "banyaknya responden (baris survei)", sumber,
                 label="jumlah responden", desimal=0)


def _kolom_unsur(kolom: Iterable, abaikan: Iterable[str]) -> dict[str, object]:
    """Map unsur key → column; raise on unknown, duplicate or missing unsur columns."""
    lain = {_normal(a) for a in abaikan} | {_normal(a) for a in KOLOM_BUKAN_UNSUR}
    peta: dict[str, object] = {}
    for kol in kolom:
        kunci = kunci_unsur(kol)
        if kunci is None and _normal(kol) not in lain:
            raise ValueError(f"kolom {kol!r} bukan unsur IKM yang dikenal ({_DAFTAR})")
        if kunci is not None and kunci in peta:
            raise ValueError(f"unsur {kunci!r} muncul di dua kolom: {peta[kunci]!r} dan {kol!r}")
        if kunci is not None:
            peta[kunci] = kol
    _periksa_lengkap(peta)
    return {k: peta[k] for k in KUNCI_UNSUR}


def _periksa_lengkap(kunci: Iterable[str]) -> None:
    """All nine unsur must be present."""
    kurang = [k for k in KUNCI_UNSUR if k not in set(kunci)]
    if kurang:
        raise ValueError(f"unsur IKM tidak lengkap; tidak ada: {', '.join(kurang)}")


def _jumlah_jawaban(jawaban: pd.DataFrame, kolom, kunci: str) -> int:
    """Sum of one unsur's answers after checking every answer is an integer 1–4."""
    nilai = [_jawaban_sah(v) for v in jawaban[kolom]]
    salah = [i for i, v in enumerate(nilai) if v is None]
    if salah:
        i = salah[0]
        baris = jawaban["_baris"].iloc[i] if "_baris" in jawaban.columns else f"ke-{i + 1}"
        raise ValueError(
            f"jawaban unsur {kunci!r} harus bilangan bulat 1–4; ditemukan "
            f"{jawaban[kolom].iloc[i]!r} pada baris {baris} ({len(salah)} jawaban salah)"
        )
    return sum(nilai)


def _jawaban_sah(v) -> int | None:
    """The answer as int when it is an integer 1–4, else None."""
    try:
        d = ke_decimal(v)
    except (ValueError, TypeError):
        return None
    if d is None or d != d.to_integral_value() or not 1 <= d <= 4:
        return None
    return int(d)


def _nrr_angka(kunci: str, jumlah, responden) -> Angka:
    """NRR of one unsur: jumlah jawaban / responden, unrounded (counts may be `Angka`)."""
    masukan = (sebagai_masukan(jumlah), sebagai_masukan(responden))
    nilai = nilai_dari(masukan[0]) / nilai_dari(masukan[1])
    return Angka(
        nilai,
        "Jumlah nilai jawaban / jumlah responden",
        masukan,
        label=kunci,
        pola="{0} / {1}",
        desimal=3,
    )


def _hasil(nrr: Mapping[str, Angka], responden: int | None, aturan: str = KONVENSI) -> HasilIkm:
    """Build a HasilIkm from the NRR Angka of the nine unsur (in `KUNCI_UNSUR` order)."""
    masukan = tuple(nrr[k] for k in KUNCI_UNSUR)
    total = sum((a.nilai for a in masukan), Decimal(0))
    nilai = total / _SEMBILAN * _DUA_LIMA
    pola = "(" + " + ".join(f"{{{i}}}" for i in range(9)) + ") / 9 × 25"
    angka = Angka(nilai, "Σ NRR / 9 × 25", masukan, aturan, "IKM", pola)
    mutu, kinerja = mutu_ikm(nilai)
    return HasilIkm(
        float(angka.bulat), _seri(masukan, 1), _seri(masukan, 25), mutu, kinerja, responden, angka
    )


def _seri(nrr: tuple[Angka, ...], faktor: int) -> pd.Series:
    """NRR (×faktor) per unsur key as an unrounded float Series."""
    return pd.Series([float(a.nilai * faktor) for a in nrr], index=list(KUNCI_UNSUR), dtype=float)


def ikm_dari_nrr(nrr_per_unsur: Mapping, responden: int | None = None) -> HasilIkm:
    """IKM from aggregate NRR per unsur (keys or full names), e.g. from ``ikm_nrr.csv``.

    >>> nrr = dict(zip(KUNCI_UNSUR, [3.2, 3.3, 3.1, 4, 3.4, 3.5, 3.6, 2.8, 3.3]))
    >>> ikm_dari_nrr(nrr).nilai  # Σ = 30.2; 30.2 / 9 × 25 = 83.888… → 83.89
    83.89
    """
    nrr: dict[str, Angka] = {}
    for nama, nilai in nrr_per_unsur.items():
        kunci = kunci_unsur(nama)
        if kunci is None:
            raise ValueError(f"{nama!r} bukan unsur IKM yang dikenal ({_DAFTAR})")
        nrr[kunci] = _nrr_tersaji(kunci, nilai)
    _periksa_lengkap(nrr)
    return _hasil(nrr, responden)


def _nrr_tersaji(kunci: str, nilai) -> Angka:
    """A typed NRR, checked to lie in 1–4."""
    d = nilai_dari(nilai)
    if d is None or not 1 <= d <= 4:
        raise ValueError(f"NRR unsur {kunci!r} harus antara 1 dan 4, bukan {nilai!r}")
    return Angka(d, "NRR tersaji", (nilai,), label=kunci, desimal=3)


def ikm_per(jawaban: pd.DataFrame, kolom: str, berkas: str | None = None) -> dict[str, HasilIkm]:
    """IKM per value of `kolom` (``periode`` or ``layanan``), in sorted order of the values.

    >>> df = pd.DataFrame({k: [4, 3, 2] for k in KUNCI_UNSUR} | {"periode": ["S1", "S1", "S2"]})
    >>> {p: h.nilai for p, h in ikm_per(df, "periode").items()}
    {'S1': 87.5, 'S2': 50.0}
    """
    if kolom not in jawaban.columns:
        raise ValueError(f"kolom {kolom!r} tidak ada pada data survei IKM")
    return {
        str(nilai): ikm(kelompok, abaikan=[kolom], berkas=berkas)
        for nilai, kelompok in jawaban.groupby(kolom, sort=True)
    }


def ikm_tahunan(
    hasil_semester: Mapping[str, HasilIkm] | Iterable[HasilIkm], metode: str = "rerata_semester"
) -> HasilIkm:
    """The year's IKM from the semester results.

    ``rerata_semester``: the mean of the semesters (unrounded; the NRR per unsur are averaged
    too, which gives the same IKM). ``gabungan``: one IKM of all respondents, i.e. each
    unsur's NRR weighted by the semester's respondents (needs `responden`).

    >>> s1 = ikm_dari_nrr({k: 3.5 for k in KUNCI_UNSUR}, responden=3)
    >>> s2 = ikm_dari_nrr({k: 3 for k in KUNCI_UNSUR}, responden=1)
    >>> ikm_tahunan([s1, s2]).nilai, ikm_tahunan([s1, s2], "gabungan").nilai
    (81.25, 84.38)
    """
    nama = None
    if isinstance(hasil_semester, Mapping):
        nama, hasil_semester = list(hasil_semester), hasil_semester.values()
    daftar = list(hasil_semester)
    nama = nama or [f"ke-{i}" for i in range(1, len(daftar) + 1)]
    if not daftar:
        raise ValueError("tidak ada hasil IKM semester untuk dijadikan IKM tahunan")
    if metode == "rerata_semester":
        bobot = [Decimal(1)] * len(daftar)
    elif metode == "gabungan":
        bobot = [_responden_wajib(h) for h in daftar]
    else:
        raise ValueError(
            f"metode IKM tahunan harus 'rerata_semester' atau 'gabungan', bukan {metode!r}"
        )
    aturan = f"{KONVENSI} {ATURAN_TAHUNAN[metode]}"
    return _hasil(_nrr_tertimbang(daftar, bobot, nama), _jumlah_responden(daftar), aturan)


def _responden_wajib(h: HasilIkm) -> Decimal:
    """The respondent count, required for the 'gabungan' method."""
    if h.responden is None:
        raise ValueError("metode 'gabungan' memerlukan jumlah responden tiap semester")
    return Decimal(h.responden)


def _jumlah_responden(daftar: list[HasilIkm]) -> int | None:
    """Total respondents, or None when a semester does not know its count."""
    jumlah = [h.responden for h in daftar]
    return None if None in jumlah else sum(jumlah)


def _nrr_tertimbang(daftar: list[HasilIkm], bobot: list[Decimal], nama: list[str]
                    ) -> dict[str, Angka]:
    """Weighted mean NRR per unsur across semesters; the semester NRR are its inputs."""
    total = sum(bobot, Decimal(0))
    sama = len(set(bobot)) == 1
    suku = [f"{{{i}}}" if sama else f"{{{i}}} × {b}" for i, b in enumerate(bobot)]
    pola = "(" + " + ".join(suku) + f") / {len(daftar) if sama else total}"
    hasil = {}
    for k in KUNCI_UNSUR:
        nilai = sum((h.nrr_decimal[k] * b for h, b in zip(daftar, bobot, strict=True)), Decimal(0))
        masukan = tuple(_nrr_semester(h, k, n) for h, n in zip(daftar, nama, strict=True))
        rumus = "Rerata NRR semester" + ("" if sama else " ditimbang jumlah responden")
        hasil[k] = Angka(nilai / total, rumus, masukan, label=k, pola=pola, desimal=3)
    return hasil


def _nrr_semester(h: HasilIkm, kunci: str, nama: str) -> Angka:
    """The NRR `Angka` of one unsur in one semester, labelled with the semester."""
    a = next(a for a in h.angka.masukan if a.label == kunci)
    return Angka(a.nilai, a.rumus, a.masukan, a.aturan, f"{kunci} {nama}", a.pola, a.desimal)


def krejcie_morgan(populasi: int) -> int:
    """Minimum sample for a population (Krejcie & Morgan 1970), as their published table.

    s = X²NP(1−P) / (d²(N−1) + X²P(1−P)), X² = 3,841, P = 0,5, d = 0,05, rounded half-up to a
    whole respondent (the published table rounds to nearest: N = 500 gives 217,47 → 217).

    >>> krejcie_morgan(1000), krejcie_morgan(100)
    (278, 80)
    """
    if isinstance(populasi, bool) or not isinstance(populasi, int) or populasi < 1:
        raise ValueError(f"populasi harus bilangan bulat positif, bukan {populasi!r}")
    x2, p, d = Decimal("3.841"), Decimal("0.5"), Decimal("0.05")
    n = Decimal(populasi)
    s = x2 * n * p * (1 - p) / (d * d * (n - 1) + x2 * p * (1 - p))
    return int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP))
