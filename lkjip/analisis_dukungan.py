"""What supports each sasaran, as figures: the PK of the program level, the programs and
kegiatan with their budget and realisasi, efficiency, the belanja split, the Renstra's table.

Permenpan RB 53/2014 asks the LKjIP to analyse the efficiency of resources and to name the
programs and kegiatan that support each sasaran. Everything here is computed from the data
(`lkjip.muat`) and the computed model (`lkjip.hitung`) and returned as plain data and `Angka`
with provenance; the views (`lkjip.tabel_analisis`, `lkjip.narasi_analisis`) show it.

No threshold is invented. The regulation gives no rule for calling the use of a budget
efficient; the office may state the rule it chose in ``ketentuan.csv`` (``batas_efisiensi``:
efficient when capaian kinerja − penyerapan anggaran ≥ the threshold), and without it the
figures are stated and no verdict is drawn.

>>> pk = CapaianPk("camat", 3, "Program X", "Persentase pelayanan publik yang tersedia", "%",
...                "naik", Angka(Decimal("92.22")), Angka(Decimal("54.074074")),
...                capaian_angka(Decimal("54.074074"), Decimal("92.22")), None, None, None, None)
>>> pk.capaian.bulat, pk.beda_pembulatan  # 54,074…/92,22×100 = 58,636; 54,07/92,22×100 = 58,631
(Decimal('58.64'), True)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from lkjip import anggaran as ang
from lkjip.angka import Angka, Sumber, bulatkan
from lkjip.capaian import capaian_angka
from lkjip.hitung import dengan_satuan

# ---------------------------------------------------------------- the PK of the program level


@dataclass(frozen=True)
class CapaianPk:
    """One row of a PK with its realisasi (``pk_realisasi.csv``): capaian and category.

    ``realisasi`` comes from a composite node or is typed; ``pagu`` is the pagu perubahan of
    the program or kegiatan the row measures (``kode_anggaran``).
    """

    kode_pejabat: str
    no: int
    sasaran: str
    indikator: str
    satuan: str
    arah: str
    target: Angka | None
    realisasi: Angka
    capaian: Angka
    kategori: str | None
    kode_anggaran: str | None
    program: str | None
    pagu: Angka | None

    @property
    def beda_pembulatan(self) -> bool:
        """True when the capaian from the printed (rounded) realisasi would print otherwise:
        the report then says the capaian is computed before rounding."""
        if self.capaian.nilai is None or self.target is None or self.target.nilai in (None, 0):
            return False
        dari_cetak = capaian_angka(bulatkan(self.realisasi.nilai), self.target.nilai, self.arah)
        return dari_cetak.bulat != self.capaian.bulat


def _realisasi_pk(data, hasil, r, berkas: str) -> Angka:
    label = f"realisasi PK {r['kode_pejabat']} no {r['no']}"
    node = r["kode_node"]
    if node is not None and node in hasil.komposit:
        a = hasil.komposit[node]
        return Angka(a.nilai, a.rumus, a.masukan, a.aturan, label, a.pola, a.desimal)
    if r["realisasi"] == r["realisasi"] and r["realisasi"] is not None:  # not NaN
        s = Sumber(berkas, int(r["_baris"]), "realisasi", r["realisasi"])
        return Angka(s.angka, "realisasi tertulis", (s,), label=label)
    return Angka(None, "realisasi belum tersedia", label=label)


def _target_pk(data, pk, label: str) -> Angka | None:
    if pk["target_angka"] != pk["target_angka"]:  # NaN: an a/b target has no single number
        return None
    s = Sumber(data.berkas.get("pk_indikator", "pk_indikator.csv"), int(pk["_baris"]), "target",
               pk["target"])
    return Angka(s.angka, "target PK tertulis", (s,), label=label)


def capaian_pk(data, hasil) -> list[CapaianPk]:
    """Every PK row with a line in ``pk_realisasi.csv``, in that file's order."""
    df = data.pk_realisasi
    pk = data.pk_indikator.set_index(["kode_pejabat", "no"])
    pagu = ang.pohon_angka(data.anggaran, "pagu_perubahan",
                           data.berkas.get("anggaran", "anggaran.csv"))
    nama = dict(zip(data.anggaran["kode"], data.anggaran["nama"], strict=True))
    berkas = data.berkas.get("pk_realisasi", "pk_realisasi.csv")
    daftar = []
    for _, r in df.iterrows():
        p, nama_pk = pk.loc[(r["kode_pejabat"], r["no"])], f"PK {r['kode_pejabat']} no {r['no']}"
        arah = r["arah"] or "naik"
        # the places of its unit: the capaian reads '100,00 = 8 / 8 × 100' for 8 dokumen
        target = dengan_satuan(_target_pk(data, p, f"target {nama_pk}"), p["satuan"], True)
        real = dengan_satuan(_realisasi_pk(data, hasil, r, berkas), p["satuan"])
        cap = capaian_angka(real, target, arah, label=f"capaian {nama_pk}")
        kode = r["kode_anggaran"]
        daftar.append(CapaianPk(r["kode_pejabat"], int(r["no"]), p["sasaran"], p["indikator"],
                                p["satuan"], arah, target, real, cap, hasil.kategori(cap), kode,
                                nama.get(kode), pagu.get(kode)))
    return daftar


# ---------------------------------------------------------------- programs and kegiatan


@dataclass(frozen=True)
class BarisAnggaran:
    """A program, kegiatan or sub kegiatan of the DPA with its pagu, realisasi, penyerapan."""

    kode: str
    tingkat: str
    nama: str
    dalam: int
    pagu: Angka
    realisasi: Angka
    penyerapan: Angka


def _anak_anggaran(df: pd.DataFrame) -> dict[str, list[str]]:
    """Children of each budget node, in file order."""
    anak: dict = {}
    for kode, induk in zip(df["kode"], df["kode_induk"], strict=True):
        if induk is not None and induk == induk:
            anak.setdefault(induk, []).append(kode)
    return anak


def _urut_pohon(anak: dict, akar: list[str]) -> list[tuple[str, int]]:
    """(kode, depth) depth-first from the given roots, children in file order."""
    urut: list[tuple[str, int]] = []

    def turun(kode: str, dalam: int) -> None:
        urut.append((kode, dalam))
        for k in anak.get(kode, []):
            turun(k, dalam + 1)

    for k in akar:
        turun(k, 0)
    return urut


def anggaran_pendukung(data, hasil, kode_sasaran: str) -> list[BarisAnggaran]:
    """The programs of a sasaran (``anggaran.csv`` kode_sasaran) and their kegiatan and sub
    kegiatan, each once, in DPA order, with pagu perubahan, realisasi and penyerapan.

    A node's realisasi is the model's (`lkjip.hitung.realisasi_node`: the lowest rows of
    ``realisasi_anggaran.csv`` in its subtree, leaves only), not available without one.
    """
    from lkjip.hitung import realisasi_node

    df = data.anggaran
    program = [k for k, t, s in zip(df["kode"], df["tingkat"], df["kode_sasaran"], strict=True)
               if t == "program" and s == kode_sasaran]
    pagu = ang.pohon_angka(df, "pagu_perubahan", data.berkas.get("anggaran", "anggaran.csv"))
    tingkat = dict(zip(df["kode"], df["tingkat"], strict=True))
    nama = dict(zip(df["kode"], df["nama"], strict=True))
    anak = _anak_anggaran(df)
    baris = []
    for kode, dalam in _urut_pohon(anak, program):
        real = realisasi_node(data, (tingkat[kode], kode), f"realisasi anggaran {kode}")
        serap = ang.penyerapan_angka(real, pagu[kode], f"penyerapan anggaran {kode}") \
            if real.nilai is not None and pagu[kode].nilai else Angka(None, "tidak tersedia")
        baris.append(BarisAnggaran(kode, tingkat[kode], nama[kode], dalam, pagu[kode], real,
                                   serap))
    return baris


# ---------------------------------------------------------------- efficiency


@dataclass(frozen=True)
class Aturan:
    """The office's efficiency rule (``ketentuan.csv``): efficient when capaian kinerja −
    penyerapan anggaran ≥ ``batas``."""

    batas: Angka
    uraian: str
    dasar: str | None


@dataclass(frozen=True)
class Efisiensi:
    """Capaian kinerja against penyerapan anggaran for one sasaran (or the whole, kode None)."""

    kode: str | None
    nama: str
    capaian: Angka
    penyerapan: Angka
    selisih: Angka
    efisien: bool | None


def aturan_efisiensi(data) -> Aturan | None:
    """The office's rule from ``ketentuan.csv``, or None when it states none."""
    df = data.ketentuan[data.ketentuan["ketentuan"] == "batas_efisiensi"]
    if not len(df):
        return None
    r = df.iloc[0]
    s = Sumber(data.berkas.get("ketentuan", "ketentuan.csv"), int(r["_baris"]), "nilai",
               r["nilai"])
    return Aturan(Angka(s.angka, "batas efisiensi tertulis", (s,), label="batas efisiensi"),
                  r["uraian"], r["dasar"])


def putusan_efisiensi(selisih: Angka, aturan: Aturan | None) -> bool | None:
    """Efficient by the office's rule (the printed difference ≥ the threshold); None without
    a rule or a figure.

    >>> a = Aturan(Angka(Decimal(0)), "", None)
    >>> putusan_efisiensi(Angka(Decimal("-1.5809")), a), putusan_efisiensi(Angka(Decimal(0)), a)
    (False, True)
    >>> putusan_efisiensi(Angka(Decimal("5")), None) is None
    True
    """
    if aturan is None or selisih.nilai is None:
        return None
    return selisih.bulat >= bulatkan(aturan.batas.nilai)


def efisiensi(data, hasil) -> list[Efisiensi]:
    """Per sasaran, then the whole: capaian, penyerapan, their difference (`lkjip.hitung`) and
    the verdict by the office's rule, if it states one."""
    aturan = aturan_efisiensi(data)
    daftar = [Efisiensi(k, s.sasaran, s.capaian, s.penyerapan, s.efisiensi,
                        putusan_efisiensi(s.efisiensi, aturan))
              for k, s in hasil.sasaran.items()]
    daftar.append(Efisiensi(None, "Keseluruhan", hasil.capaian_kinerja, hasil.penyerapan,
                            hasil.efisiensi, putusan_efisiensi(hasil.efisiensi, aturan)))
    return daftar


# ---------------------------------------------------------------- belanja operasi and modal


@dataclass(frozen=True)
class Belanja:
    """One jenis belanja with its pagu before and after the perubahan and its share."""

    jenis: str
    murni: Angka
    perubahan: Angka
    porsi_murni: Angka
    porsi_perubahan: Angka


@dataclass(frozen=True)
class RincianBelanja:
    """The belanja split (``belanja.csv``), its totals and how they stand to the DPA tree."""

    baris: list[Belanja]
    murni: Angka
    perubahan: Angka
    dpa_murni: Angka
    dpa_perubahan: Angka

    def selisih(self, tahap: str) -> Angka:
        """Split total − DPA total for ``murni`` or ``perubahan`` (0: they agree)."""
        a, b = getattr(self, tahap), getattr(self, f"dpa_{tahap}")
        if a.nilai is None:
            return Angka(None, "jumlah rincian belanja tidak lengkap")
        return Angka(a.nilai - b.nilai, "Jumlah jenis belanja − Jumlah pagu DPA", (a, b),
                     label=f"selisih rincian belanja {tahap}", pola="{0} − {1}", desimal=0)


def _jumlah(angka: list[Angka], label: str) -> Angka:
    if not angka or any(a.nilai is None for a in angka):
        return Angka(None, "tidak semua jenis belanja diisi", label=label)
    return Angka(sum((a.nilai for a in angka), Decimal(0)), "Σ jenis belanja", tuple(angka),
                 label=label, pola=" + ".join(f"{{{i}}}" for i in range(len(angka))), desimal=0)


def _porsi(a: Angka, total: Angka, label: str) -> Angka:
    if a.nilai is None or not total.nilai:
        return Angka(None, "tidak tersedia", label=label)
    return Angka(a.nilai / total.nilai * 100, "Belanja / Jumlah × 100", (a, total), label=label,
                 pola="{0} / {1} × 100")


def rincian_belanja(data, hasil) -> RincianBelanja | None:
    """The split of the budget by jenis belanja; None when ``belanja.csv`` is absent."""
    df = data.belanja
    if not len(df):
        return None
    berkas = data.berkas.get("belanja", "belanja.csv")
    kolom = {"murni": "pagu_murni", "perubahan": "pagu_perubahan"}
    sel = {t: [_sel_rupiah(berkas, r, k, f"belanja {r['jenis_belanja']} {t}")
               for _, r in df.iterrows()] for t, k in kolom.items()}
    total = {t: _jumlah(sel[t], f"jumlah belanja {t}") for t in kolom}
    dpa = {t: ang.total_angka(data.anggaran, k, data.berkas.get("anggaran", "anggaran.csv"))
           for t, k in kolom.items()}
    baris = [Belanja(j, sel["murni"][n], sel["perubahan"][n],
                     _porsi(sel["murni"][n], total["murni"], f"porsi {j} murni"),
                     _porsi(sel["perubahan"][n], total["perubahan"], f"porsi {j} perubahan"))
             for n, j in enumerate(df["jenis_belanja"])]
    return RincianBelanja(baris, total["murni"], total["perubahan"], dpa["murni"],
                          dpa["perubahan"])


def _sel_rupiah(berkas: str, r, kolom: str, label: str) -> Angka:
    v = r[kolom]
    if v is None or pd.isna(v):
        return Angka(None, "tidak diisi", label=label)
    s = Sumber(berkas, int(r["_baris"]), kolom, v)
    return Angka(s.angka, f"{kolom} tertulis", (s,), label=label, desimal=0)


# ---------------------------------------------------------------- the Renstra's own table


def indikator_renstra(data) -> list[str]:
    """Indicators the Renstra document's table lists (``indikator_renstra.csv``), in the order
    of ``indikator.csv``; every indicator when that file is absent."""
    semua = list(data.indikator["kode_indikator"])
    if not len(data.indikator_renstra):
        return semua
    tercantum = set(data.indikator_renstra["kode_indikator"])
    return [k for k in semua if k in tercantum]


def pk_di_luar_renstra(data) -> list[str]:
    """Indicators of the PK's sasaran strategis rows that the Renstra's table does not list."""
    dalam = set(indikator_renstra(data))
    pk = data.pk_indikator["kode_indikator"].dropna()
    return [k for k in dict.fromkeys(pk) if k not in dalam]


def rujukan(data, bagian: str, lengkap: bool = True) -> list[str]:
    """The legal references of a part of the report, as cited: 'Peraturan … tentang …'
    (``lengkap=False``: the regulation's name only, for a source line)."""
    df = data.rujukan[data.rujukan["bagian"] == bagian]
    return [f"{r['peraturan']} tentang {r['tentang']}" if r["tentang"] and lengkap
            else str(r["peraturan"]) for _, r in df.iterrows()]
