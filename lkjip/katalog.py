"""The catalogue of figures: one entry (`Jenis`) per kind of figure, in one table (`KATALOG`).

An entry says, for one kind of figure: its **path** as ``lkjip jelaskan`` and the Lampiran
Perhitungan name it (``capaian/<indikator>``; the choices of each ``<key>`` come from
`PILIHAN`); how it is **read** from the computed model (``ambil(hasil, *keys)`` → an `Angka`
with provenance, or None); its **unit** (`Satuan`: percentages and indices compare within
rounding, Rupiah and counts exactly, categories through the rating scale); and, for a figure
a kecamatan **states** in ``tersaji.csv``, its ``besaran`` and ``kunci`` patterns, the rule
and severity of a difference and the words a finding uses for it (``apa``, ``catatan``,
``kunci_sah``). `lkjip.periksa` compares every stated figure through it (one generic
comparison, plus the few special ones named by ``banding``), `lkjip.jejak` explains and
numbers figures by path, the tables find the figure behind a stated cell, the synthetic
generator writes its stated figures from it. Adding a kind of figure is one more `Jenis`.

Query API: `cari` (path → `Angka`), `daftar_jalur` (the paths with their keys),
`jenis_besaran` (besaran → entry), `baca_tersaji` (stated figure → entry and keys),
`jalur_tersaji` / `angka_tersaji` (stated figure → path / figure), `tersaji_jalur` (path →
stated figure), `nilai_tersaji` (the value a correct stated figure has).

Rejected: four tables that had to agree by hand (the checks', the paths', the generator's,
the tests'); a kind added to one was silently unchecked, unexplained or not generated.

>>> j, _ = jenis_besaran("capaian")
>>> j.jalur, j.satuan.nama, j.aturan, jalur_tersaji("capaian", "IKU-02")
('capaian/<indikator>', 'persen', 'capaian-indikator', 'capaian/IKU-02')
>>> jalur_tersaji("jumlah_desa", "pembilang"), tersaji_jalur("anggaran/1.2/selisih")
('daftar/desa/pembilang', ('selisih_perubahan', '1.2'))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath

from lkjip.angka import Angka, bulatkan
from lkjip.galat import LkjipError, Masalah
from lkjip.hitung import (
    DAFTAR,
    angka_anggaran,
    angka_anggaran_sasaran,
    angka_capaian,
    angka_nilai_unsur,
    angka_nrr,
    angka_pegawai,
    angka_penyerapan,
    angka_pk,
    angka_responden,
    angka_tahun_ke,
    hasil_ikm,
)
from lkjip.ikm import KUNCI_UNSUR, kunci_unsur, mutu_ikm
from lkjip.pegawai import URUTAN_JABATAN
from lkjip.skala import kategori
from lkjip.teks import normal_teks

_KUNCI = re.compile(r"<(\w+)>")


@dataclass(frozen=True)
class Satuan:
    """How a figure prints and how a stated one compares with it.

    `desimal`: places of a correct stated figure (None: a text, e.g. a category);
    `toleran`: a difference from rounding alone is info, not galat.
    """

    nama: str
    desimal: int | None
    toleran: bool


PERSEN = Satuan("persen", 2, True)
INDEKS = Satuan("indeks", 2, True)  # IKM and its unsur (×25), scored like a percentage
RUPIAH = Satuan("rupiah", 0, False)
CACAH = Satuan("cacah", 0, False)  # a count
KATEGORI = Satuan("kategori", None, False)  # a band of the rating scale, by name or code
MUTU = Satuan("mutu", None, False)  # the IKM mutu (A–D) or its kinerja (Sangat Baik …)


@dataclass(frozen=True)
class Jenis:
    """One kind of figure (see the module docstring). Texts are functions of
    ``(hasil, *keys)``; ``banding`` names the comparison (``angka`` is the generic one)."""

    jalur: str | None
    uraian: str
    ambil: Callable[..., Angka | None]
    satuan: Satuan = PERSEN
    besaran: str | None = None
    kunci: str | None = None  # None: the stated kunci is not read
    aturan: str | None = None
    tingkat: str = "galat"
    apa: Callable[..., str] | None = None
    catatan: Callable[..., str] | None = None
    kunci_sah: str = ""
    alias: Mapping[str, str] = field(default_factory=dict)
    pilihan: Mapping[str, Callable] = field(default_factory=dict)
    normal: Callable[[str], str] | None = None
    kunci_asing: str | None = None  # an unknown kunci is info for this reason, not peringatan
    banding: str = "angka"
    pasangan: str | None = None  # the besaran of the stated figure a category classifies
    judul_aturan: str | None = None  # title of a rule that no rule module declares

    def __post_init__(self):
        nama = self.nama_kunci
        if self.jalur and self.besaran and set(_kunci(self.jalur)) - set(
                _kunci(self.besaran) + _kunci(self.kunci)):
            raise ValueError(f"{self.besaran}: kunci tersaji tidak mengikat {self.jalur}")
        kurang = [n for n in nama if n not in self.pilihan and n not in PILIHAN]
        if kurang:
            raise ValueError(f"{self.jalur or self.besaran}: pilihan <{kurang[0]}> tidak ada")

    @property
    def nama_kunci(self) -> list[str]:
        """The keys `ambil` takes, in order: those of the path, else of besaran then kunci."""
        if self.jalur:
            return _kunci(self.jalur)
        return list(dict.fromkeys(_kunci(self.besaran) + _kunci(self.kunci)))

    def pilihan_kunci(self, hasil, nama: str) -> list[str]:
        """The valid values of key `nama` in this kecamatan-year (kept per model,
        `_pilihan_model`)."""
        fungsi = self.pilihan.get(nama) or PILIHAN[nama]
        simpan = _pilihan_model(hasil)
        try:
            return list(simpan[fungsi])
        except KeyError:
            pilihan = simpan[fungsi] = tuple(fungsi(hasil))
            return list(pilihan)

    def teks_apa(self, hasil, kunci: tuple) -> str:
        return self.apa(hasil, *kunci) if self.apa else self.uraian

    def teks_catatan(self, hasil, kunci: tuple) -> str:
        return self.catatan(hasil, *kunci) if self.catatan else ""


def _kunci(pola: str | None) -> list[str]:
    return _KUNCI.findall(pola or "")


# The keys' valid values per model: {id(hasil): (hasil, {choice function: values})}, of the
# last `_PILIHAN_MAKS` models (each kept, so that no id is reused). A report's kernel asks
# ~500 times (each stated figure read through the catalogue, `baca_tersaji`), mostly the same
# few choices of one model, each made again (``hasil.anggaran["kode"].astype(str)``, ...):
# ~0,08 CPU-s a report (issue 15). A model is not changed once computed (`lkjip.hitung`).
_PILIHAN: dict[int, tuple[object, dict]] = {}
_PILIHAN_MAKS = 4


def _pilihan_model(hasil) -> dict:
    """The kept choices of model `hasil` (None too: a besaran's keys' fixed choices)."""
    ada = _PILIHAN.get(id(hasil))
    if ada is not None and ada[0] is hasil:
        return ada[1]
    if len(_PILIHAN) >= _PILIHAN_MAKS:
        _PILIHAN.clear()
    _PILIHAN[id(hasil)] = (hasil, {})
    return _PILIHAN[id(hasil)][1]


# ---------------------------------------------------------------- reading the model


# ---------------------------------------------------------------- the keys


def _pejabat_pk(hasil) -> list[str]:
    return list(dict.fromkeys(hasil.data.pk_anggaran["kode_pejabat"]))


PILIHAN: dict[str, Callable] = {
    "indikator": lambda h: list(h.indikator),
    "node": lambda h: list(h.komposit),
    "daftar": lambda h: list(DAFTAR),
    "hitungan": lambda h: ["pembilang", "penyebut"],
    "periode": lambda h: (["tahun"] if h.ikm_tahun is not None else []) + list(h.ikm_semester),
    "semester": lambda h: list(h.ikm_semester),
    "unsur": lambda h: list(KUNCI_UNSUR),
    "sasaran": lambda h: list(h.sasaran),
    "kode": lambda h: list(h.anggaran["kode"].astype(str)) + ["total"],
    "pejabat": _pejabat_pk,
    "kolom_pk": lambda h: ["anggaran", "tw1", "tw2", "tw3", "tw4"],
    "jabatan": lambda h: list(URUTAN_JABATAN) + ["total"],
}
_SASARAN_TOTAL = {"sasaran": lambda h: list(h.sasaran) + ["total"]}
_PROGRAM_TOTAL = {"sasaran": lambda h: list(h.sasaran) + ["total"] + _program(h)}
_KINERJA = {"sasaran": lambda h: list(h.sasaran) + ["keseluruhan"] + list(h.indikator)}
_ANGGARAN = {"sasaran": lambda h: list(h.sasaran) + ["keseluruhan"] + _program(h)}


def _program(h) -> list[str]:
    tree = h.anggaran
    return list(tree.loc[tree["tingkat"] == "program", "kode"].astype(str))
_TOTAL = {"": "total", "keseluruhan": "total"}
_KESELURUHAN = {"": "keseluruhan", "total": "keseluruhan"}
_TW = {"anggaran": "anggaran", "tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}


# ---------------------------------------------------------------- words for findings


def _nama_anggaran(h, kode: str) -> str:
    return "keseluruhan" if kode == "total" else \
        f"sasaran {kode}" if kode in h.sasaran else f"program {kode}"



def _ind(h, k: str) -> str:
    i = h.indikator[k]
    return f"{i.kode} ({i.indikator})"


def _asal_realisasi(h, k: str) -> str:
    return {"komposit": " dari komponennya (komposit.csv)",
            "ikm": " dari survei IKM"}.get(h.indikator[k].sumber_realisasi, "")


def _rumus_progres(h, k: str) -> str:
    """The worked line of the computed progres, by the formula of the indicator's arah and
    metode (`lkjip.capaian.progres_renstra_angka`), not always R / T akhir × 100."""
    a = h.indikator[k].progres
    return f" ({a.uraian()})" if isinstance(a, Angka) and a.nilai is not None else ""


def _kode_anggaran(kode: str, awalan: str = "kode") -> str:
    return "seluruh program" if kode == "total" else f"{awalan} {kode}"


def _daftar(h, nama: str, hitungan: str) -> str:
    if hitungan == "pembilang":
        return f"Jumlah {DAFTAR[nama][1]}"
    return f"Jumlah seluruh entri {nama}"


def _berkas(h, tabel: str) -> str:
    return PurePosixPath(h.data.berkas.get(tabel, f"{tabel}.csv")).name


def _dari(tabel: str) -> Callable[..., str]:
    return lambda h, *_: f" dari {_berkas(h, tabel)}"


def _tetap(teks: str) -> Callable[..., str]:
    return lambda h, *_: teks


_SATU = "kode sasaran atau 'total'"
_SATU_PROGRAM = "kode sasaran, kode program atau 'total'"

# ---------------------------------------------------------------- the catalogue

KATALOG: tuple[Jenis, ...] = (
    Jenis("capaian/<indikator>", "capaian indikator", lambda h, k: h.indikator[k].capaian,
          PERSEN, "capaian", "<indikator>", "capaian-indikator",
          apa=lambda h, k: f"Capaian {_ind(h, k)}", kunci_sah="kode indikator",
          banding="capaian"),
    Jenis("realisasi/<indikator>", "realisasi indikator tahun ini",
          lambda h, k: h.indikator[k].realisasi, PERSEN, "realisasi", "<indikator>",
          "realisasi-indikator", apa=lambda h, k: f"Realisasi {_ind(h, k)}",
          catatan=_asal_realisasi, kunci_sah="kode indikator"),
    Jenis("target/<indikator>", "target indikator tahun ini", lambda h, k: h.indikator[k].target),
    Jenis("progres/<indikator>", "kinerja s.d. tahun ini terhadap target akhir Renstra",
          lambda h, k: h.indikator[k].progres, PERSEN, "progres_renstra", "<indikator>",
          "progres-renstra", apa=lambda h, k: f"Progres {k} terhadap target akhir Renstra",
          catatan=_rumus_progres, kunci_sah="kode indikator"),
    Jenis("komposit/<node>", "node indikator komposit", lambda h, k: h.komposit[k], PERSEN,
          "komposit", "<node>", "komposit",
          apa=lambda h, k: f"Nilai {k} ({h.komposit[k].label})",
          catatan=lambda h, k: f" ({h.komposit[k].uraian()})", kunci_sah="kode_node komposit.csv"),
    Jenis("daftar/<daftar>/<hitungan>", "jumlah entri daftar (pembilang: bertanda ya)",
          lambda h, d, x: h.daftar[d][0 if x == "pembilang" else 1], CACAH, "jumlah_<daftar>",
          "<hitungan>", "daftar-jumlah", apa=_daftar,
          catatan=lambda h, d, x: f" dari {_berkas(h, d)}",
          kunci_sah="'pembilang' atau 'penyebut'"),
    Jenis("ikm/tahun", "IKM setahun", lambda h: hasil_ikm(h, "tahun") and h.ikm_tahun.angka, INDEKS,
          "ikm_tahun", None, "ikm", apa=lambda h: f"IKM tahun {h.data.tahun}",
          catatan=lambda h: f" dari survei ({h.data.profil['metode_ikm_tahunan']})"),
    Jenis("ikm/<semester>", "IKM satu semester", lambda h, p: h.ikm_semester[p].angka, INDEKS,
          "ikm_semester", "<semester>", "ikm", apa=lambda h, p: f"IKM semester {p}",
          kunci_sah="periode survei IKM (S1, S2)"),
    Jenis("ikm/<periode>/<unsur>", "NRR satu unsur IKM", angka_nrr),
    Jenis("nilai_unsur/<unsur>", "nilai satu unsur IKM setahun (NRR × 25)", angka_nilai_unsur,
          INDEKS, "nilai_unsur", "<unsur>", "ikm", apa=lambda h, u: f"Nilai unsur {u}",
          kunci_sah="unsur IKM", normal=lambda s: kunci_unsur(s) or s),
    Jenis("responden_ikm", "jumlah responden survei IKM", angka_responden, CACAH, "responden_ikm",
          None, "ikm", apa=_tetap("Jumlah responden IKM")),
    Jenis(None, "mutu pelayanan menurut IKM setahun", lambda h: hasil_ikm(h, "tahun") and
          h.ikm_tahun.angka, MUTU, "mutu_ikm", None, "ikm", banding="mutu"),
    Jenis("sasaran/<sasaran>", "capaian sasaran", lambda h, k: h.sasaran[k].capaian, PERSEN,
          "capaian_sasaran", "<sasaran>", "capaian-sasaran",
          apa=lambda h, k: f"Capaian sasaran {k}",
          catatan=lambda h, k: " sebagai rerata capaian indikatornya "
          f"({', '.join(h.sasaran[k].indikator)})", kunci_sah="kode sasaran"),
    Jenis("progres_sasaran/<sasaran>", "kinerja sasaran s.d. tahun ini terhadap target akhir "
          "Renstra", lambda h, k: h.sasaran[k].progres, PERSEN, "progres_sasaran", "<sasaran>",
          "progres-renstra", apa=lambda h, k: f"Progres sasaran {k} terhadap target akhir Renstra",
          catatan=lambda h, k: " sebagai rerata progres indikatornya "
          f"({', '.join(h.sasaran[k].indikator)})", kunci_sah="kode sasaran"),
    Jenis(None, "kategori capaian kinerja (indikator, sasaran atau keseluruhan)", angka_capaian,
          KATEGORI, "kategori_kinerja", "<sasaran>", "kategori",
          kunci_sah="kode indikator, kode sasaran atau 'keseluruhan'", alias=_KESELURUHAN,
          pilihan=_KINERJA, banding="kategori", pasangan="capaian_sasaran",
          apa=_tetap("kinerja")),
    Jenis(None, "kategori penyerapan anggaran (program, sasaran atau keseluruhan)",
          angka_penyerapan, KATEGORI, "kategori_anggaran", "<sasaran>", "kategori",
          kunci_sah="kode program, kode sasaran atau 'keseluruhan'", alias=_KESELURUHAN,
          pilihan=_ANGGARAN, banding="kategori", pasangan="penyerapan", apa=_tetap("anggaran")),
    Jenis("pagu/<sasaran>", "pagu anggaran sasaran (atau total)",
          lambda h, k: angka_anggaran_sasaran(h, k, "pagu"), RUPIAH, "pagu_sasaran", "<sasaran>",
          "anggaran-sasaran", apa=lambda h, k: f"Pagu sasaran {k}",
          catatan=_tetap(" sebagai jumlah pagu perubahan programnya"), kunci_sah=_SATU,
          pilihan=_SASARAN_TOTAL),
    Jenis("realisasi_anggaran/<sasaran>", "realisasi anggaran sasaran, program (atau total)",
          lambda h, k: angka_anggaran_sasaran(h, k, "realisasi_anggaran"), RUPIAH,
          "realisasi_anggaran", "<sasaran>", "anggaran-sasaran",
          apa=lambda h, k: f"Realisasi anggaran {k}" if k in h.sasaran or k == "total"
          else f"Realisasi anggaran program {k}",
          catatan=_tetap(" menurut realisasi_anggaran.csv"), kunci_sah=_SATU_PROGRAM,
          pilihan=_PROGRAM_TOTAL),
    Jenis("penyerapan/<sasaran>", "penyerapan anggaran sasaran, program (atau total)",
          lambda h, k: angka_anggaran_sasaran(h, k, "penyerapan"), PERSEN, "penyerapan",
          "<sasaran>", "penyerapan", apa=lambda h, k: f"Penyerapan anggaran {_nama_anggaran(h, k)}",
          catatan=_tetap(" (realisasi / pagu × 100)"), kunci_sah=_SATU_PROGRAM, alias=_TOTAL,
          pilihan=_PROGRAM_TOTAL),
    Jenis("efisiensi/<sasaran>", "efisiensi sasaran", lambda h, k: h.sasaran[k].efisiensi),
    Jenis("anggaran/<kode>/pagu_murni", "pagu murni DPA per program/kegiatan (kode atau total)",
          lambda h, k: angka_anggaran(h, k, "pagu_murni"), RUPIAH, "pagu_murni", "<kode>",
          "jumlah-anggaran", apa=lambda h, k: f"Pagu murni {_kode_anggaran(k)}",
          catatan=_tetap(" sebagai jumlah rinciannya di anggaran.csv"),
          kunci_sah="kode anggaran.csv atau 'total'"),
    Jenis("anggaran/<kode>/pagu_perubahan", "pagu perubahan DPA per program/kegiatan (kode atau "
          "total)", lambda h, k: angka_anggaran(h, k, "pagu_perubahan"), RUPIAH,
          "pagu_perubahan", "<kode>", "jumlah-anggaran",
          apa=lambda h, k: f"Pagu perubahan {_kode_anggaran(k)}",
          catatan=_tetap(" sebagai jumlah rinciannya di anggaran.csv"),
          kunci_sah="kode anggaran.csv atau 'total'"),
    Jenis("anggaran/<kode>/selisih", "pagu perubahan − pagu murni (kode atau total)",
          lambda h, k: angka_anggaran(h, k, "selisih"), RUPIAH, "selisih_perubahan", "<kode>",
          "jumlah-anggaran",
          apa=lambda h, k: f"Selisih pagu perubahan − murni {_kode_anggaran(k)}",
          catatan=_tetap(" sebagai jumlah rinciannya di anggaran.csv"),
          kunci_sah="kode anggaran.csv atau 'total'"),
    Jenis("anggaran/<kode>/pagu_perubahan", "anggaran program pada tabel sasaran-program",
          lambda h, k: angka_anggaran(h, k, "pagu_perubahan"), RUPIAH,
          "anggaran_program_sasaran", "<kode>", "anggaran-sasaran",
          apa=lambda h, k: f"Anggaran {_kode_anggaran(k, 'program')} pada tabel sasaran-program",
          catatan=_tetap(" sebagai pagu perubahan DPA"), kunci_sah="kode program atau 'total'"),
    Jenis(None, "belanja operasi (dijumlah dengan belanja modal)",
          lambda h: angka_anggaran(h, "total", "pagu_murni"), RUPIAH, "belanja_operasi", None,
          "jumlah-anggaran", banding="belanja", pasangan="belanja_modal"),
    Jenis(None, "belanja modal (dijumlah dengan belanja operasi)",
          lambda h: angka_anggaran(h, "total", "pagu_murni"), RUPIAH, "belanja_modal", None,
          "jumlah-anggaran", banding="belanja", pasangan="belanja_operasi"),
    Jenis("pk/<pejabat>/<kolom_pk>", "total anggaran (atau TW) tabel anggaran PK satu pejabat",
          angka_pk, RUPIAH, "pk_total_<kolom_pk>", "<pejabat>", "pk-jumlah-anggaran",
          apa=lambda h, p, c: f"Total {_TW[c]} PK {p}",
          catatan=_tetap(" sebagai jumlah baris-barisnya di pk_anggaran.csv"),
          kunci_sah="kode pejabat yang punya baris di pk_anggaran.csv"),
    Jenis("pegawai/<jabatan>", "jumlah pegawai per jabatan (atau total)", angka_pegawai, CACAH,
          "jumlah_pegawai", "<jabatan>", "jumlah-pegawai",
          apa=lambda h, j: f"Jumlah pegawai {'Jumlah' if j == 'total' else j}",
          catatan=_dari("pegawai"), normal=normal_teks, alias={"jumlah": "total"},
          kunci_asing="hanya jumlah per jabatan (Tabel 1.1) dan 'total' yang diperiksa"),
    Jenis("tahun_ke_renstra", "tahun ke berapa dalam periode Renstra", angka_tahun_ke, CACAH,
          "tahun_ke_renstra", None, "tahun-renstra", banding="tahun_ke"),
    Jenis("capaian_kinerja", "capaian kinerja keseluruhan", lambda h: h.capaian_kinerja),
    Jenis("penyerapan", "penyerapan anggaran keseluruhan", lambda h: h.penyerapan),
    Jenis("efisiensi", "efisiensi keseluruhan", lambda h: h.efisiensi),
)


# ---------------------------------------------------------------- paths


class JalurTidakDikenal(LkjipError):
    """A figure path that names no figure; the message lists the available ones."""

    def __init__(self, jalur: str, tersedia: list[str]):
        self.jalur, self.tersedia = jalur, tersedia
        super().__init__([Masalah("(argumen) FIGURE", nilai=jalur, harapan="jalur angka")])

    def ringkasan(self) -> str:
        return "\n".join([f"Angka {self.jalur!r} tidak dikenal. Jalur yang tersedia:"]
                         + [f"  {t}" for t in self.tersedia])


def _berjalur(katalog: tuple[Jenis, ...] | None = None) -> list[Jenis]:
    """Entries with a path, the first of each path only (of `KATALOG` by default)."""
    hasil, sudah = [], set()
    for j in KATALOG if katalog is None else katalog:
        if j.jalur and j.jalur not in sudah:
            sudah.add(j.jalur)
            hasil.append(j)
    return hasil


def _cocok(jenis: Jenis, bagian: list[str], hasil) -> tuple[str, ...] | None:
    """The keys when the path segments `bagian` match `jenis` (case-insensitive), else None."""
    pola = jenis.jalur.split("/")
    if len(pola) != len(bagian):
        return None
    nilai = []
    for p, b in zip(pola, bagian, strict=True):
        if not p.startswith("<"):
            if p != b.lower():
                return None
            continue
        sah = jenis.pilihan_kunci(hasil, p[1:-1])
        cocok = [s for s in sah if s == b] or [s for s in sah if s.lower() == b.lower()]
        if not cocok:
            return None
        nilai.append(cocok[0])
    return tuple(nilai)


def cari(hasil, jalur: str, katalog: tuple[Jenis, ...] | None = None) -> Angka:
    """The figure named by `jalur`; raises `JalurTidakDikenal` listing the valid paths.
    `katalog` is another table of entries over another model (`lkjip.katalog_tw` over the
    quarters up to TW n); by default the year's `KATALOG` over `Hasil`.

    Grammar: segments joined by ``/``; a fixed word, then the keys the kind needs:
    ``capaian/IKU-02``, ``realisasi/IKU-02``, ``target/IKU-02``, ``progres/IKU-02``,
    ``komposit/CL.1``, ``daftar/desa/pembilang``, ``ikm/tahun``, ``ikm/S1``,
    ``ikm/tahun/perilaku``, ``nilai_unsur/perilaku``, ``sasaran/S1``, ``pagu/S1``,
    ``realisasi_anggaran/total``, ``penyerapan/S1``, ``efisiensi/S1``,
    ``anggaran/1.2/pagu_perubahan``, ``anggaran/total/selisih``, ``pk/sekcam/tw3``,
    ``pegawai/Camat``, ``capaian_kinerja``, ``penyerapan``, ``efisiensi`` (every kind:
    `KATALOG`). Keys match case-insensitively.
    """
    bagian = [b.strip() for b in str(jalur).strip().strip("/").split("/")]
    for jenis in _berjalur(katalog):
        kunci = _cocok(jenis, bagian, hasil)
        if kunci is not None:
            angka = jenis.ambil(hasil, *kunci)
            return angka if angka is not None else \
                Angka(None, f"{jenis.uraian} tidak tersedia", label=jalur)
    raise JalurTidakDikenal(jalur, daftar_jalur(hasil, katalog=katalog))


def daftar_jalur(hasil, lebar: int = 100, katalog: tuple[Jenis, ...] | None = None) -> list[str]:
    """Every kind of path with the keys available in this kecamatan-year, one line each
    (wrapped at `lebar`)."""
    import textwrap

    baris = []
    for jenis in _berjalur(katalog):
        nama = _kunci(jenis.jalur)
        pilihan = [jenis.pilihan_kunci(hasil, n) for n in nama]
        if any(not p for p in pilihan):
            continue
        kunci = "; ".join(f"{n}: {', '.join(p)}" for n, p in zip(nama, pilihan, strict=True))
        teks = f"{jenis.jalur:<30} {jenis.uraian}" + (f" ({kunci})" if kunci else "")
        baris += textwrap.wrap(teks, lebar, subsequent_indent=" " * 33, break_on_hyphens=False)
    return baris


def isi_jalur(pola: str, kunci) -> str:
    """A path pattern with its keys filled in, in order.

    >>> isi_jalur("daftar/<daftar>/<hitungan>", ("desa", "penyebut"))
    'daftar/desa/penyebut'
    """
    nilai = iter(kunci)
    return _KUNCI.sub(lambda _: next(nilai), pola)


# ---------------------------------------------------------------- stated figures


@dataclass(frozen=True)
class Tersaji:
    """A stated figure (``tersaji.csv`` besaran, kunci) read through the catalogue: its entry
    (None: no entry states this besaran) and the keys of the figure it states (None: the kunci
    names none of them)."""

    jenis: Jenis | None
    kunci: tuple[str, ...] | None

    @property
    def jalur(self) -> str | None:
        if self.jenis is None or self.kunci is None or not self.jenis.jalur:
            return None
        return isi_jalur(self.jenis.jalur, self.kunci)

    def angka(self, hasil) -> Angka | None:
        """The computed figure (None when unknown or not computable)."""
        if self.jenis is None or self.kunci is None:
            return None
        return self.jenis.ambil(hasil, *self.kunci)


def _ikat(pola: str, teks: str) -> dict | None:
    """The keys `pola` binds in `teks` as written (``jumlah_<daftar>``, ``jumlah_desa`` →
    ``{"daftar": "desa"}``); None when it does not match."""
    m = _regex_pola(pola).fullmatch(teks)
    return None if m is None else m.groupdict()


@lru_cache(maxsize=512)
def _regex_pola(pola: str) -> re.Pattern:
    """A catalogue pattern as a regular expression, made once (~16.000 matches a report)."""
    bagian = re.split(r"(<\w+>)", pola)
    return re.compile("".join(f"(?P<{b[1:-1]}>.+)" if b.startswith("<") else re.escape(b)
                              for b in bagian))


def _sah(jenis: Jenis, hasil, ikat: dict, normal=None) -> dict | None:
    """Each bound key as its valid value (compared after `normal`); None when one is not."""
    sah = {}
    for nama, nilai in ikat.items():
        sama = [s for s in jenis.pilihan_kunci(hasil, nama)
                if (normal(s) == normal(nilai) if normal else s == nilai)]
        if not sama:
            return None
        sah[nama] = sama[0]
    return sah


def jenis_besaran(besaran: str) -> tuple[Jenis, dict] | None:
    """The entry that states `besaran`, with the keys its besaran binds (``jumlah_desa``
    binds ``daftar = desa``; a besaran's keys have fixed choices); None when no entry does."""
    besaran = str(besaran).strip()
    for j in KATALOG:
        ikat = None if j.besaran is None else _ikat(j.besaran, besaran)
        if ikat is not None and (sah := _sah(j, None, ikat)) is not None:
            return j, sah
    return None


def _kunci_tersaji(jenis: Jenis, kunci, hasil) -> dict | None:
    """The keys a stated kunci binds (after the entry's aliases), checked against `hasil`
    when given; None when it binds none."""
    if jenis.kunci is None:
        return {}
    teks = "" if kunci is None or kunci != kunci else str(kunci).strip()
    normal = jenis.normal or (lambda s: s)
    teks = {normal(a): b for a, b in jenis.alias.items()}.get(normal(teks), teks)
    ikat = _ikat(jenis.kunci, teks) if teks else None
    if ikat is None or hasil is None:
        return ikat
    return _sah(jenis, hasil, ikat, jenis.normal)


def baca_tersaji(hasil, besaran: str, kunci=None) -> Tersaji:
    """A stated figure read through the catalogue, its keys checked against `hasil`.

    Without `hasil` the keys are taken as written (no check)."""
    ada = jenis_besaran(besaran)
    if ada is None:
        return Tersaji(None, None)
    jenis, ikat = ada
    dari_kunci = _kunci_tersaji(jenis, kunci, hasil)
    if dari_kunci is None:
        return Tersaji(jenis, None)
    semua = ikat | dari_kunci
    return Tersaji(jenis, tuple(semua[n] for n in jenis.nama_kunci))


def jalur_tersaji(besaran: str, kunci=None, hasil=None) -> str | None:
    """The path of the computed figure that a stated one states; None when it states none.

    >>> jalur_tersaji("penyerapan", "keseluruhan"), jalur_tersaji("belanja_modal")
    ('penyerapan/total', None)
    """
    return baca_tersaji(hasil, besaran, kunci).jalur


def angka_tersaji(hasil, besaran: str, kunci=None) -> Angka | None:
    """The computed figure (one with a path) that a stated one (besaran, kunci) states, or
    None: a category or a belanja pair states no figure of its own.

    >>> angka_tersaji(None, "jumlah_pegawai", "total") is None
    True
    """
    baca = baca_tersaji(hasil, besaran, kunci) if hasil is not None else None
    return baca.angka(hasil) if baca is not None and baca.jalur else None


def tersaji_jalur(jalur: str) -> tuple[str, str | None] | None:
    """(besaran, kunci) of the stated figure a path's figure is stated as, or None.

    >>> tersaji_jalur("ikm/tahun"), tersaji_jalur("efisiensi/S1")
    (('ikm_tahun', None), None)
    """
    teks = "/".join(b.strip() for b in str(jalur).strip().strip("/").split("/"))
    for j in KATALOG:
        ikat = _ikat(j.jalur, teks) if j.jalur and j.besaran else None
        if ikat is not None and not any("/" in v for v in ikat.values()):
            return _isi(j.besaran, ikat), None if j.kunci is None else _isi(j.kunci, ikat)
    return None


def _isi(pola: str, ikat: Mapping) -> str:
    return _KUNCI.sub(lambda m: ikat[m.group(1)], pola)


def nilai_tersaji(hasil, besaran: str, kunci=None):
    """The value a correct stated figure has: a Decimal rounded half-up to the unit's places
    (an int for Rupiah and counts), or the category's name; None when it cannot be known.
    """
    baca = baca_tersaji(hasil, besaran, kunci)
    angka = baca.angka(hasil)
    if angka is None or angka.nilai is None or baca.jenis.banding == "belanja":
        return None
    satuan = baca.jenis.satuan
    if satuan is KATEGORI:
        return kategori(angka.bulat, hasil.skala)
    if satuan is MUTU:
        return mutu_ikm(angka.nilai)[1]
    nilai = bulatkan(angka.nilai, satuan.desimal)
    return int(nilai) if satuan.desimal == 0 else nilai
