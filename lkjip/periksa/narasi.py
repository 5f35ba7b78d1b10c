"""The office's prose against the computed model: named figures and typed numbers in
``narasi/*.md`` (the text is read by `lkjip.teks_narasi`).

**Named figures** (``{capaian/IKU-02:persen}``) must name a figure of the catalogue: an
unknown path, a unit that does not fit the figure (``:rupiah`` on a percentage), or a brace
left open is a load error naming file and line, with the closest valid paths (`cek_nama`,
raised before any finding). A named figure the data cannot compute prints '–' and is a
peringatan.

**Typed numbers** (`lkjip.teks_narasi.AngkaKetik`) are read with their sentence. A sentence
**names** a figure by its name in the data (an indicator's, a composite component's, a
sasaran's), by the keywords the data gives for it (the optional column ``kata_kunci`` of
``renstra/indikator.csv`` and ``komposit.csv``, phrases separated by ``;``), or by the words
every LKjIP uses for the overall figures, the IKM semesters and the IKM unsur
(`lkjip.periksa.bahan_narasi`). A typed number belongs to the nearest figure named before it in
its sentence (else the first named after it) whose unit fits; for an indicator, the word before
the number picks its target, realisasi or capaian (`JENIS_KATA`; realisasi without one). Units
fit when a percentage meets a percentage, a value with a decimal comma a percentage or an
index, a Rupiah amount a Rupiah figure, and a count of desa, pengaduan, layanan, data or
pengguna layanan the count of that list. Operands of a typed formula (``(40% + 100% + 22,22%) /
3``) are not given to a figure: only the rules that need no subject read them. The rules, in
order:

================== ====================================================== ==========
aturan             what is compared                                       tingkat
================== ====================================================== ==========
narasi-angka       a typed number vs the figure its sentence names        galat
narasi-tersaji     a typed number whose sentence names no figure, equal   galat
                   to a stated figure (tersaji.csv) that differs from
                   the computed one
narasi-kategori    the category word typed after a number vs the scale    galat
                   (the report's rating scale, or the IKM mutu)
narasi-tanpa-sumber a typed percentage or Rupiah equal to no figure of    peringatan
                   the report
narasi-nama-kosong a named figure the data cannot compute                 peringatan
================== ====================================================== ==========

A typed number equal to the figure it names (within rounding for percentages and indices:
``54,07`` for 54,0741; exactly for Rupiah and counts) is consistent; `bacaan` returns every
typed number with its reading, and ``lkjip check`` lists those that equal a computed figure
and could be named.

**Finding ids** (stable while lines are added above): ``<aturan>/<file>/<sentence>/<number>``:
the file inside ``narasi/`` (``komponen-cl.4``), the sentence's first words (`teks.slug`, 40
characters; a short hash of the whole sentence is added when two sentences of a file start
alike, ``-2`` when a sentence is repeated word for word), and the number as typed (``0``,
``rp-2.522.467.250``; ``-2`` for its second occurrence in the sentence). Editing the
sentence makes a new finding (its old decision is then reported stale, as for any data edit).

A finding about a typed number carries, in ``Temuan.kunci``, the path of the figure the
number should be (its ``besaran`` is None: it is no stated figure of tersaji.csv).

In the edition a typed number found wrong prints as the figure it names (an undecided galat
uses the computed figure; a ``tersaji`` decision keeps what was typed), and a category word
follows the number printed beside it (`lkjip.tampil_narasi`).
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from lkjip import katalog
from lkjip.galat import LkjipError, Masalah
from lkjip.ikm import mutu_ikm
from lkjip.periksa.bahan_narasi import (
    MUTU,
    AngkaLaporan,
    Bahan,
    Subjek,
    bahan,
    cetak,
    cetak_jalur,
    cocok_satuan,
    satuan_jalur,
    semua_jalur,
    setara,
)
from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    id_temuan,
)
from lkjip.skala import kategori as kategori_skala
from lkjip.teks import normal_teks, slug
from lkjip.teks_narasi import AngkaKetik, Kalimat, baca, nama_angka, tutup

ATURAN = (
    Aturan("narasi-angka", "Angka dalam narasi", ("galat",),
           "a typed number in narasi vs the figure its sentence names"),
    Aturan("narasi-tersaji", "Angka narasi sama dengan angka tersaji yang salah", ("galat",),
           "a typed number whose sentence names no figure, equal to a stated figure that differs "
           "from the computed one"),
    Aturan("narasi-kategori", "Kategori dalam narasi", ("galat",),
           "the category word typed after a number vs the scale for that number"),
    Aturan("narasi-tanpa-sumber", "Angka narasi tanpa sumber", ("peringatan",),
           "a typed percentage or Rupiah equal to no figure of the report"),
    Aturan("narasi-nama-kosong", "Angka bernama yang tidak tersedia", ("peringatan",),
           "a named figure {path} the data cannot compute (printed as '–')"),
)
# the word before a number that picks an indicator's figure; None: not a figure lkjip checks
JENIS_KATA = (("target akhir", None), ("menargetkan", "target"), ("ditargetkan", "target"),
              ("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian"))
PANJANG_KALIMAT = 160


@dataclass(frozen=True)
class Bacaan:
    """One typed number read against the model: ``hasil`` is ``cocok`` (equals `jalur[0]`, or
    one of `jalur` when its sentence names none), ``beda`` (differs from the figure its sentence
    names, `jalur[0]`), ``tersaji`` (names none, equals a stated figure that differs from
    `jalur[0]`), ``tanpa`` (a percentage or Rupiah equal to no figure) or ``abaikan``;
    `kategori` is the category the scale gives for the typed number when the typed word differs.
    """

    berkas: str
    kalimat: Kalimat
    ketik: AngkaKetik
    hasil: str
    jalur: tuple[str, ...] = ()
    subjek: str = ""
    terhitung: str = ""
    catatan: str = ""
    kategori: str | None = None
    kunci: tuple[str, str] = ("", "")  # (sentence key, number key) of the finding ids
    ke: int = 1  # the how-many-th number typed so in its sentence

    def id(self, aturan: str) -> str:
        return id_temuan(aturan, self.berkas, *self.kunci)


# ASCII letters folded for `_sebutan`'s test, one character to one (so positions keep)
_LIPAT_ASCII = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# the only non-ASCII characters re.IGNORECASE matches to an ASCII letter or digit (found by
# trying every code point; tests/test_narasi_periksa.py tries them again)
_MIRIP_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ K (Kelvin)


def _sebutan(teks: str, subjek: list[Subjek]) -> list[tuple[int, int, Subjek]]:
    """(start, end, subject) of each figure a sentence names, by its phrases.

    A phrase some word of which the sentence does not hold, case aside, cannot match: its
    pattern is then neither compiled nor run (compiling a case-insensitive pattern is ~2 ms;
    a report's checks have ~110 phrases, most of them absent from a given sentence; issue
    15). The test is exact for an ASCII phrase in a sentence without `_MIRIP_ASCII`: there
    re.IGNORECASE compares an ASCII letter with its two cases only; otherwise the pattern
    runs as before."""
    import re

    hasil = []
    lipat = None if _MIRIP_ASCII.intersection(teks) else teks.translate(_LIPAT_ASCII)
    for s in subjek:
        for f in s.frasa:
            if lipat is not None and f.isascii() and any(
                    k.translate(_LIPAT_ASCII) not in lipat for k in f.split()):
                continue
            pola = r"(?<![0-9a-z])" + r"[^0-9a-z]+".join(map(re.escape, f.split())) + \
                r"(?![0-9a-z])"
            hasil += [(m.start(), m.end(), s) for m in re.finditer(pola, teks, re.IGNORECASE)]
    return sorted(hasil, key=lambda x: (x[0], -(x[1] - x[0])))


def _jenis_kata(teks: str) -> str | None:
    """The kind the last kind word of `teks` picks ('realisasi' when there is none).

    >>> _jenis_kata("menargetkan"), _jenis_kata("realisasinya sebesar"), _jenis_kata("x")
    ('target', 'realisasi', 'realisasi')
    """
    normal, terakhir = f" {normal_teks(teks)} ", (-1, "realisasi")
    for kata, jenis in JENIS_KATA:
        i = normal.rfind(f" {kata}")
        if i > terakhir[0]:
            terakhir = (i, jenis)
    return terakhir[1]


def _jalur_cocok(ketik: AngkaKetik, s: Subjek, bahan: Bahan) -> list[str]:
    """The figures of a subject a typed number can meet (its unit, or its list)."""
    return [j for j in s.jalur.values() if j in bahan.angka and
            cocok_satuan(ketik, bahan.angka[j][1])]


def _pilih_subjek(ketik: AngkaKetik, posisi: int, rumus: int | None, sebutan, bahan: Bahan
                  ) -> Subjek | None:
    """The subject a typed number is about: a count, any subject of its sentence counting that
    list; the result of a typed formula, the nearest named before the formula's first '='
    (the terms of the formula are not its subject); else the nearest named before it, else
    the first named after it; None when none fits its unit."""
    calon = [(a, s) for a, _, s in sebutan if _jalur_cocok(ketik, s, bahan)]
    if ketik.jenis == "cacah":
        return calon[0][1] if calon else None
    if rumus is not None and rumus < posisi:  # a result: its terms are not its subject
        calon = [c for c in calon if c[0] < rumus]
        return max(calon, key=lambda c: c[0])[1] if calon else None
    sebelum = [c for c in calon if c[0] < posisi]
    if sebelum:
        return max(sebelum, key=lambda c: c[0])[1]
    return min(calon, key=lambda c: c[0])[1] if calon else None


def _dengan_subjek(ketik: AngkaKetik, s: Subjek, sebelum: str, bahan: Bahan):
    """The reading of a typed number against the subject it names (see `nilai_bacaan`)."""
    jalur = _jalur_cocok(ketik, s, bahan)
    sama = [j for j in jalur if setara(ketik.nilai, *bahan.angka[j])]
    if sama:
        return "cocok", (sama[0],), s.nama
    jenis = _jenis_kata(sebelum) if "realisasi" in s.jalur else s.utama
    if jenis is None or (jenis in s.jalur and s.jalur[jenis] not in jalur):
        return "abaikan", (), s.nama
    return "beda", (s.jalur.get(jenis) or jalur[0],), s.nama


def nilai_bacaan(ketik: AngkaKetik, kalimat_teks: str, awal: int, sebutan, bahan: Bahan,
                 dipakai: set[str] | None = None) -> tuple[str, tuple[str, ...], str]:
    """(reading, paths, subject's name) of one typed number (see `Bacaan`), in order: the
    subject it names (equal → cocok, else beda); an operand equal to a figure its sentence
    names (cocok; equal operands take the figures in the order the sentence names them, each
    once: `dipakai` holds the paths the sentence's earlier numbers took); a stated figure that
    differs from the computed one (tersaji); any figure of the model (cocok); a percentage or
    Rupiah equal to none (tanpa)."""
    angka, posisi = bahan.angka, ketik.awal - awal
    rumus = kalimat_teks.find("=")
    s = None if ketik.operan else _pilih_subjek(ketik, posisi, rumus if rumus >= 0 else None,
                                                sebutan, bahan)
    if s is not None:
        return _dengan_subjek(ketik, s, kalimat_teks[:posisi], bahan)
    disebut = [j for _, _, x in sebutan for j in _jalur_cocok(ketik, x, bahan)
               if setara(ketik.nilai, *angka[j])]
    if disebut:
        pilih = next((j for j in disebut if j not in (dipakai or ())), disebut[0])
        if dipakai is not None:
            dipakai.add(pilih)
        return "cocok", (pilih,), ""
    tersaji = bahan.tersaji_beda(ketik)
    if tersaji:
        return "tersaji", (tersaji[0][0],), ""
    sama = [j for j, v, sat in angka.sesuai(ketik) if setara(ketik.nilai, v, sat)]
    if sama:
        return "cocok", tuple(sama), ""
    if ketik.jenis in ("persen", "rupiah"):
        return "tanpa", tuple(_terdekat(ketik, angka)), ""
    return "abaikan", (), ""


def _terdekat(ketik: AngkaKetik, angka: AngkaLaporan) -> list[str]:
    """The figure of the same unit closest in value (a hint for the named form)."""
    calon = [(abs(v - ketik.nilai), j) for j, v, _ in angka.sesuai(ketik)]
    return [min(calon)[1]] if calon else []


def kategori_untuk(nilai: Decimal, kata: str, skala: str) -> str | None:
    """The category the scale gives for `nilai`, in the family of the typed word `kata`
    (the report's rating scale, or the IKM mutu); None when `nilai` is outside the mutu range.

    >>> kategori_untuk(Decimal("87.86"), "Sangat Tinggi", "bantarbolang-2023")
    'Sedang'
    >>> kategori_untuk(Decimal("82.94"), "baik", "bantarbolang-2023")
    'Baik'
    """
    if normal_teks(kata) in {normal_teks(m) for m in MUTU}:
        return mutu_ikm(nilai)[1] if Decimal(25) <= nilai <= Decimal(100) else None
    return kategori_skala(nilai, skala)


# ---------------------------------------------------------------- reading every file


def _kunci_kalimat(kalimat: list[Kalimat]) -> list[str]:
    """The key of each sentence of a file in its finding ids (see the module docstring)."""
    awal = [slug(k.teks) for k in kalimat]
    ganda = Counter(awal)
    kunci = [a if ganda[a] == 1 else
             f"{a}~{hashlib.sha1(normal_teks(k.teks).encode()).hexdigest()[:4]}"
             for a, k in zip(awal, kalimat, strict=True)]
    return _urut_ganda(kunci)


def _urut_ganda(kunci: list[str]) -> list[str]:
    """Repeats numbered in order: ['a', 'a'] → ['a', 'a-2']."""
    n: Counter = Counter()
    hasil = []
    for k in kunci:
        n[k] += 1
        hasil.append(k if n[k] == 1 else f"{k}-{n[k]}")
    return hasil


def baca_berkas(nama: str, teks: str, bahan: Bahan) -> list[Bacaan]:
    """Every typed number of one narrative file (`nama`: its path inside narasi/ without
    .md) with its reading; read once per `bahan` (kept in ``bahan.bacaan``)."""
    kunci = (nama, teks)
    if kunci not in bahan.bacaan:
        bahan.bacaan[kunci] = tuple(_baca_berkas(nama, teks, bahan))
    return list(bahan.bacaan[kunci])


def _baca_berkas(nama: str, teks: str, bahan: Bahan) -> list[Bacaan]:
    tertutup = tutup(teks, nama_angka(teks)[0])
    kalimat = baca(teks, bahan.kategori)
    hasil = []
    for k, kunci in zip(kalimat, _kunci_kalimat(kalimat), strict=True):
        if not k.angka:  # a sentence without a typed number: nothing to read
            continue
        isi = tertutup[k.awal:k.akhir]
        sebutan = _sebutan(isi, bahan.subjek)
        kunci_angka = _urut_ganda([slug(a.teks, 24) for a in k.angka])
        ke: Counter = Counter()
        dipakai: set[str] = set()
        for a, ka in zip(k.angka, kunci_angka, strict=True):
            ke[a.teks] += 1
            nilai, jalur, subjek = nilai_bacaan(a, isi, k.awal, sebutan, bahan, dipakai)
            hasil.append(replace(_bacaan(nama, k, a, nilai, jalur, subjek, bahan, (kunci, ka)),
                                 ke=ke[a.teks]))
    return hasil


def _bacaan(nama, k, a, nilai, jalur, subjek, bahan: Bahan, kunci) -> Bacaan:
    terhitung = ""
    if nilai in ("beda", "tersaji", "cocok") and jalur:
        v, sat = bahan.angka[jalur[0]]
        terhitung = cetak(v, "persen") if a.jenis == "persen" else \
            cetak_jalur(bahan.hasil, jalur[0], v, sat)
    catatan = ""
    if nilai == "beda":
        sama = bahan.tersaji_beda(a)
        if sama:
            catatan = (f"; {a.teks} sama dengan angka tersaji {sama[0][0]} ({sama[0][1]}), yang "
                       "juga berbeda dari perhitungan")
    kategori = None
    if a.kategori is not None:
        benar = kategori_untuk(a.nilai, a.kategori.teks, bahan.hasil.skala)
        if benar is not None and normal_teks(benar) != normal_teks(a.kategori.teks):
            kategori = benar
    return Bacaan(nama, k, a, nilai, jalur, subjek, terhitung, catatan, kategori, kunci)


def bacaan_berkas(data, hasil, nama: str) -> list[Bacaan]:
    """Every typed number of the narrative file ``narasi/<nama>.md`` with its reading."""
    teks = data.narasi.get(nama) or ""
    return baca_berkas(nama, teks, bahan(data, hasil)) if teks.strip() else []


def bacaan(data, hasil, bahan_: Bahan | None = None) -> list[Bacaan]:
    """Every typed number of every narrative file, with its reading (file order)."""
    b = bahan_ or bahan(data, hasil)
    return [x for nama in sorted(data.narasi) for x in baca_berkas(nama, data.narasi[nama], b)]


# ---------------------------------------------------------------- named figures


def berkas_narasi(data, nama: str) -> str:
    """The file as messages name it: ``bantarbolang/2023/narasi/komponen/CL.4.md``."""
    return f"{data.kecamatan}/{data.tahun}/narasi/{nama}.md"


def masalah_nama(data, hasil, jalur_ada: dict | None = None) -> list[Masalah]:
    """Every problem of the named figures of every narrative file (see the module)."""
    jalur_ada = jalur_ada if jalur_ada is not None else semua_jalur(hasil)
    kecil = {j.lower(): j for j in jalur_ada}
    masalah = []
    for nama in sorted(data.narasi):
        berkas = berkas_narasi(data, nama)
        nama_, salah = nama_angka(data.narasi[nama])
        masalah += [Masalah(berkas, b, nilai=n, harapan=h, pesan=f"'{n}': {h}.")
                    for b, n, h in salah]
        for n in nama_:
            pesan = _salah_jalur(hasil, n, kecil, jalur_ada)
            if pesan:
                masalah.append(Masalah(berkas, n.baris, pesan=f"angka bernama '{n.teks}' {pesan}"))
    return masalah


def _salah_jalur(hasil, n, kecil: dict, jalur_ada: dict) -> str | None:
    jalur = kecil.get(n.jalur.lower())
    if jalur is None:
        mirip = difflib.get_close_matches(n.jalur.lower(), list(kecil), n=3, cutoff=0.5)
        saran = ", ".join(kecil[m] for m in mirip) or ", ".join(list(jalur_ada)[:5]) + ", …"
        return (f"tidak dikenal. Jalur yang mirip: {saran} (semua jalur: lkjip jelaskan "
                "--daftar).") if mirip else f"tidak dikenal. Contoh jalur: {saran}."
    satuan = satuan_jalur(hasil, jalur, jalur_ada[jalur][0])
    if n.satuan == "rupiah" and satuan != "rupiah" or \
            n.satuan == "persen" and satuan not in ("persen", "indeks"):
        return f"bersatuan '{n.satuan}', padahal angkanya bukan {n.satuan} ({satuan})."
    return None


def cek_nama(data, hasil) -> None:
    """Raise `LkjipError` listing every problem of the named figures (none: nothing)."""
    masalah = masalah_nama(data, hasil)
    if masalah:
        raise LkjipError(masalah)


# ---------------------------------------------------------------- findings


def _kutip(teks: str, angka: str = "", ke: int = 1) -> str:
    """The sentence for a message; a long one cut around the `ke`-th typed `angka` in it.

    >>> _kutip("a " * 100 + "50 % b", "50 %")[-12:]
    'a a a 50 % b'
    """
    if len(teks) <= PANJANG_KALIMAT:
        return teks
    i = -1
    for _ in range(ke if angka else 0):
        i = teks.find(angka, i + 1)
    i = max(i, 0)
    awal = max(0, min(i - PANJANG_KALIMAT // 2, len(teks) - PANJANG_KALIMAT))
    potong = teks[awal:awal + PANJANG_KALIMAT]
    return ("…" if awal else "") + potong + ("…" if awal + PANJANG_KALIMAT < len(teks) else "")


def temuan_bacaan(k: Konteks, b: Bacaan) -> list[Temuan]:
    """The findings of one reading (none for a consistent number)."""
    berkas, tempat = berkas_narasi(k.data, b.berkas), f"narasi/{b.berkas}.md"
    a = b.ketik
    kal = f'"{_kutip(b.kalimat.teks, a.teks, b.ke)}"'
    hasil = []
    if b.hasil == "beda":
        pesan = (f"Kalimat {kal} menyebut {b.subjek}: tertulis {a.teks}, padahal terhitung "
                 f"{b.terhitung} ({b.jalur[0]}){b.catatan}.")
        hasil.append(("galat", "narasi-angka", pesan, b.terhitung))
    elif b.hasil == "tersaji":
        pesan = (f"Kalimat {kal}: {a.teks} sama dengan angka tersaji {b.jalur[0]}, yang berbeda "
                 f"dari perhitungan: terhitung {b.terhitung}.")
        hasil.append(("galat", "narasi-tersaji", pesan, b.terhitung))
    elif b.hasil == "tanpa":
        dekat = f" Angka terdekat dalam laporan: {{{b.jalur[0]}}}." if b.jalur else ""
        pesan = (f"Kalimat {kal}: {a.teks} tidak sama dengan angka mana pun dalam laporan. "
                 f"Bila ini angka laporan, tulis dengan nama angkanya (mis. "
                 f"{{capaian/<indikator>:persen}}).{dekat}")
        hasil.append(("peringatan", "narasi-tanpa-sumber", pesan, None))
    jalur = b.jalur[0] if b.hasil in ("beda", "tersaji") else None
    temuan = [Temuan(t, r, berkas, a.baris, tempat, kunci=jalur, tersaji=a.teks, terhitung=h,
                     pesan=p, id=b.id(r)) for t, r, p, h in hasil]
    if b.kategori is not None:
        pesan = (f"Kalimat {kal}: kategori '{a.kategori.teks}' untuk {a.teks}, padahal skala "
                 f"memberi '{b.kategori}' untuk {a.teks}.")
        temuan.append(Temuan("galat", "narasi-kategori", berkas, a.baris, tempat,
                             tersaji=a.kategori.teks, terhitung=b.kategori, pesan=pesan,
                             id=b.id("narasi-kategori")))
    return temuan


def _nama_kosong(k: Konteks, jalur_ada: dict) -> list[Temuan]:
    """Named figures the data cannot compute (printed as '–'), one finding per file and path."""
    kecil = {j.lower(): j for j in jalur_ada}
    hasil = {}
    for nama in sorted(k.data.narasi):
        for n in nama_angka(k.data.narasi[nama])[0]:
            jalur = kecil.get(n.jalur.lower())
            if jalur is None or katalog.cari(k.hasil, jalur).nilai is not None:
                continue
            pesan = (f"Angka bernama {n.teks} tidak dapat dihitung dari data tahun ini; laporan "
                     "mencetak '–' di tempatnya.")
            id_ = id_temuan("narasi-nama-kosong", nama, jalur)
            hasil.setdefault(id_, Temuan("peringatan", "narasi-nama-kosong",
                                         berkas_narasi(k.data, nama), n.baris,
                                         f"narasi/{nama}.md", tersaji=n.teks, pesan=pesan,
                                         id=id_))
    return list(hasil.values())


def cek_narasi(k: Konteks) -> list[Temuan]:
    """Named figures (a load error when one is unknown) and typed numbers of every narrative
    file, against the model."""
    if not k.data.narasi:
        return []
    jalur_ada = semua_jalur(k.hasil)
    masalah = masalah_nama(k.data, k.hasil, jalur_ada)
    if masalah:
        raise LkjipError(masalah)
    b = bahan(k.data, k.hasil, jalur_ada)
    return [t for x in bacaan(k.data, k.hasil, b) for t in temuan_bacaan(k, x)] + \
        _nama_kosong(k, jalur_ada)


PEMERIKSA = (cek_narasi,)
BANDING: dict = {}
