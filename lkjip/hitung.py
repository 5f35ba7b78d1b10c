"""The computed model of one kecamatan-year: every figure the report shows, as `Angka`.

`hitung(data)` takes the validated inputs (`lkjip.muat`) and computes, with provenance:
the IKM per semester and for the year, the composite indicators, each indicator's
realisasi, capaian, category and progress to the Renstra end target, each sasaran's
capaian, the budget tree and penyerapan per sasaran, and the overall conclusions. Stated
figures (`tersaji.csv`) are never used here; `lkjip.periksa` compares them with these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import PurePosixPath

import pandas as pd

from lkjip import anggaran as ang
from lkjip.akumulasi import akumulasi_tw
from lkjip.angka import Angka, Sumber, bulatkan, rerata
from lkjip.capaian import capaian_angka, capaian_sasaran_angka, progres_renstra_angka
from lkjip.format import desimal_nilai, desimal_target
from lkjip.ikm import HasilIkm, ikm, ikm_dari_nrr, ikm_per, ikm_tahunan, mutu_ikm
from lkjip.komposit import hitung_komposit
from lkjip.muat import DataKecamatan
from lkjip.skala import kategori
from lkjip.skema import TW

# list name → (column marked ya, what an entry is)
DAFTAR = {
    "desa": ("tata_kelola_baik", "desa bertata kelola baik"),
    "pengaduan": ("selesai", "pengaduan terselesaikan"),
    "data_publik": ("dipublikasikan", "data dipublikasikan"),
    "layanan_pelimpahan": ("tersedia", "layanan pelimpahan tersedia"),
}


@dataclass
class HasilIndikator:
    kode: str
    indikator: str
    satuan: str
    arah: str
    metode: str
    kode_sasaran: str
    sumber_realisasi: str
    target: Angka | None
    realisasi: Angka
    capaian: Angka
    kategori: str | None
    target_akhir: Angka | None
    progres: Angka
    riwayat: dict[int, Angka] = field(default_factory=dict)
    target_tahunan: dict[int, Angka] = field(default_factory=dict)

    @property
    def diukur(self) -> bool:
        """True when this year's capaian can be computed (target and realisasi known)."""
        return self.capaian.nilai is not None


@dataclass
class HasilSasaran:
    kode: str
    sasaran: str
    kode_tujuan: str
    tujuan: str
    indikator: list[str]
    capaian: Angka
    kategori: str | None
    pagu: Angka
    realisasi_anggaran: Angka
    penyerapan: Angka
    efisiensi: Angka
    progres: Angka  # to the Renstra end target: mean of the progress of its targeted indicators


@dataclass
class Hasil:
    data: DataKecamatan
    skala: str
    ikm_semester: dict[str, HasilIkm]
    ikm_tahun: HasilIkm | None
    ikm_layanan: dict[str, HasilIkm]
    daftar: dict[str, tuple[Angka, Angka]]
    komposit: dict[str, Angka]
    indikator: dict[str, HasilIndikator]
    sasaran: dict[str, HasilSasaran]
    anggaran: pd.DataFrame
    pk_anggaran: pd.DataFrame
    capaian_kinerja: Angka
    kategori_kinerja: str | None
    penyerapan: Angka
    kategori_anggaran: str | None
    efisiensi: Angka
    total_pagu: Angka = field(default_factory=lambda: Angka(None))
    total_realisasi_anggaran: Angka = field(default_factory=lambda: Angka(None))
    # the model before the office's decisions fixed any figure (None: no figure was fixed);
    # the checks compare stated figures with it, never with a figure a decision fixed
    murni: Hasil | None = None
    # the DPA tree's sums with provenance, {column: {kode: Angka}} (`anggaran.pohon_angka`),
    # made once: the tables and the catalogue ask for one kode at a time (`angka_anggaran`)
    pohon_anggaran: dict = field(default_factory=dict, repr=False)

    def kategori(self, persen: Angka | float | None) -> str | None:
        return _kategori(persen, self.skala)

    def to_frame(self, bagian: str) -> pd.DataFrame:
        """One part of the result as a DataFrame indexed by code: ``"indikator"``,
        ``"sasaran"``, ``"anggaran"``, ``"ikm"``, ``"pegawai"`` or ``"riwayat"`` (target and
        realisasi over the years) (`lkjip.bingkai`: numbers as the report prints them,
        categories ordered)."""
        from lkjip.bingkai import ke_frame

        return ke_frame(self, bagian)

    def __repr__(self) -> str:
        """One line: capaian kinerja, penyerapan, IKM, counts (`lkjip.bingkai`)."""
        from lkjip.bingkai import repr_hasil

        return repr_hasil(self)

    def _repr_html_(self) -> str:
        from lkjip.bingkai import html_hasil

        return html_hasil(self)


def _kategori(persen, skala: str) -> str | None:
    nilai = persen.bulat if isinstance(persen, Angka) else persen
    if nilai is None or pd.isna(nilai):
        return None
    return kategori(nilai, skala)


def _sumber(data: DataKecamatan, tabel: str, baris, kolom: str, nilai) -> Sumber:
    return Sumber(data.berkas.get(tabel, tabel), int(baris), kolom, nilai)


# --- IKM ----------------------------------------------------------------------------------

def hitung_ikm(data: DataKecamatan) -> tuple[dict, HasilIkm | None, dict]:
    """IKM per semester, for the year (by the profile's method) and per service."""
    metode = data.profil["metode_ikm_tahunan"]
    if len(data.ikm_responden):
        berkas = data.berkas.get("ikm_responden", "ikm_responden.csv")
        jawaban = data.ikm_responden.drop(columns=["tanggal"])  # no, _baris: provenance
        semester = ikm_per(jawaban.drop(columns="layanan"), "periode", berkas)
        layanan = ikm_per(jawaban.drop(columns="periode").fillna({"layanan": "-"}), "layanan",
                          berkas)
        if metode == "gabungan":
            return semester, ikm(jawaban, ["periode", "layanan"], berkas), layanan
        return semester, ikm_tahunan(semester, metode), layanan
    if len(data.ikm_nrr):
        return _ikm_dari_agregat(data.ikm_nrr, metode, data.berkas.get("ikm_nrr", "ikm_nrr.csv"))
    return {}, None, {}


def _ikm_dari_agregat(df: pd.DataFrame, metode: str, berkas: str = "ikm_nrr.csv"):
    hasil = {}
    for periode, kelompok in df.groupby("periode", sort=True):
        nrr = {u: Sumber(berkas, int(b), "nrr", n)
               for u, n, b in zip(kelompok["unsur"], kelompok["nrr"], kelompok["_baris"],
                                  strict=True)}
        responden = int(kelompok["responden"].max())
        hasil[str(periode)] = ikm_dari_nrr(nrr, responden)
    if "tahun" in hasil:
        return {k: v for k, v in hasil.items() if k != "tahun"}, hasil["tahun"], {}
    return hasil, ikm_tahunan(hasil, metode), {}


# --- lists and composites ------------------------------------------------------------------

def hitung_daftar(data: DataKecamatan) -> dict[str, tuple[Angka, Angka]]:
    """Counts of each list: (entries marked ya, all entries), with the rows as provenance."""
    hasil = {}
    for nama, (kolom, apa) in DAFTAR.items():
        df = getattr(data, nama)
        ya = df[df[kolom].astype(bool)]
        berkas = data.berkas.get(nama, nama)
        pembilang = Angka(Decimal(len(ya)), f"banyaknya baris {berkas} dengan {kolom} = ya",
                          tuple(_sumber(data, nama, b, kolom, "ya") for b in ya["_baris"]),
                          label=f"jumlah {apa}", desimal=0)
        penyebut = Angka(Decimal(len(df)), f"banyaknya baris {berkas}",
                         tuple(_sumber(data, nama, b, "no", n)
                               for b, n in zip(df["_baris"], df["no"], strict=True)),
                         label=f"jumlah seluruh entri {nama}", desimal=0)
        hasil[nama] = (pembilang, penyebut)
    return hasil


# --- indicators -----------------------------------------------------------------------------

def _angka_sel(data, tabel, row, kolom, label, satuan=None, target=False) -> Angka | None:
    """A typed cell as an `Angka`; with the indicator's `satuan` it prints by its unit
    (`dengan_satuan`; a `target` never rounded)."""
    nilai = row[kolom]
    if nilai is None or pd.isna(nilai):
        return None
    s = _sumber(data, tabel, row["_baris"], kolom, nilai)
    return dengan_satuan(Angka(s.angka, f"{kolom} tertulis", (s,), label=label), satuan, target)


def dengan_satuan(a: Angka | None, satuan, target: bool = False) -> Angka | None:
    """An indicator's value with the places its unit prints it with (`format.desimal_nilai`:
    2 on a scale, a count as exact as it is), so the working paper's worked lines, the
    figures' explanations and the office's narrative print '4 = 1 + 0 + 2 + 1', not
    '4,00 = 1,00 + 0,00 + 2,00 + 1,00'. Used for the Renstra indicators here and the PK's
    program level (`analisis_dukungan.capaian_pk`).

    A typed `target` keeps every place it was typed with (`format.desimal_target`), as the
    tables print it: capaian's worked line reads '84,06 / 83,456 × 100', never '/ 83,46'.

    >>> [dengan_satuan(Angka(Decimal(4)), s).desimal for s in ("kasus", "%")]
    [0, 2]
    >>> dengan_satuan(Angka(Decimal("83.456")), "%", target=True).desimal
    3
    """
    if a is None or satuan is None:
        return a
    desimal = (desimal_target if target else desimal_nilai)(a.nilai, satuan, a.desimal)
    return replace(a, desimal=desimal)


def _target_tahunan(data, kode, satuan=None) -> dict[int, Angka]:
    df = data.target[data.target["kode_indikator"] == kode]
    return {int(r["tahun"]): _angka_sel(data, "target", r, "target", f"target {kode} {r['tahun']}",
                                        satuan, target=True)
            for _, r in df.iterrows()}


def _riwayat(data, ind) -> dict[int, Angka]:
    """Typed realisasi per year: the yearly row, else the TW rows accumulated."""
    df = data.realisasi[data.realisasi["kode_indikator"] == ind["kode_indikator"]]
    hasil = {}
    for tahun, kelompok in df.groupby("tahun", sort=True):
        hasil[int(tahun)] = _realisasi_tahun(data, kelompok, ind)
    return {t: a for t, a in hasil.items() if a is not None}


def _realisasi_tahun(data, kelompok, ind) -> Angka | None:
    """The year's realisasi: its `tahun` row, else its TW1–TW4 rows accumulated, only when all
    four are filled (TW1–TW3 summed is not a year; `folder.tw_belum_lengkap` names the gap)."""
    kode = ind["kode_indikator"]
    setahun = kelompok[kelompok["periode"] == "tahun"]
    if len(setahun):
        return _angka_sel(data, "realisasi", setahun.iloc[0], "realisasi", f"realisasi {kode}",
                          ind["satuan"])
    tw = kelompok[kelompok["periode"].isin(TW)].sort_values("periode")
    nilai = [_angka_sel(data, "realisasi", r, "realisasi", f"realisasi {kode} {r['periode']}",
                        ind["satuan"]) for _, r in tw.iterrows()]
    nilai = [n for n in nilai if n is not None]
    if len(nilai) < len(TW):
        return None
    return dengan_satuan(akumulasi_tw(nilai, ind["akumulasi_tw"], f"realisasi {kode}"),
                         ind["satuan"])


def _realisasi_ini(data, ind, riwayat, komposit, ikm_tahun) -> Angka:
    kode, sumber = ind["kode_indikator"], ind["sumber_realisasi"]
    if sumber == "ikm" and ikm_tahun is not None:
        return _label(ikm_tahun.angka, f"realisasi {kode} (IKM tahun {data.tahun})")
    if sumber == "komposit":
        akar = data.komposit[data.komposit["kode_indikator"] == kode]
        if len(akar):
            return _label(komposit[akar.iloc[0]["kode_node"]], f"realisasi {kode}")
    if data.tahun in riwayat:
        return riwayat[data.tahun]
    return Angka(None, "realisasi tidak tersedia", label=f"realisasi {kode}")


def _label(a: Angka, label: str) -> Angka:
    return Angka(a.nilai, a.rumus, a.masukan, a.aturan, label, a.pola, a.desimal)


KEBALIKAN_NOL = ("Target / Realisasi tidak dapat dihitung bila realisasi 0 (metode kebalikan); "
                 "capaian tidak disajikan.")


def _capaian(fungsi, realisasi: Angka, target, ind, **kw) -> Angka:
    """`fungsi` (capaian or progres) of one indicator; with metode 'kebalikan' a realisasi of 0
    (T/0, e.g. a composite that computes to 0) has no value instead of raising."""
    if ind["metode"] == "kebalikan" and realisasi.nilai == 0 and target is not None \
            and target.nilai not in (None, 0):
        return Angka(None, "Target / Realisasi × 100", (realisasi, target), KEBALIKAN_NOL,
                     kw.get("label", ""))
    return fungsi(realisasi, target, ind["arah"], ind["metode"], **kw)


def hitung_indikator(data, komposit, ikm_tahun, skala, tetap=None) -> dict[str, HasilIndikator]:
    tetap, hasil = tetap or {}, {}
    for _, ind in data.indikator.iterrows():
        kode = ind["kode_indikator"]
        riwayat = _riwayat(data, ind)
        targets = _target_tahunan(data, kode, ind["satuan"])
        realisasi = tetap.get(f"realisasi/{kode}") or \
            _realisasi_ini(data, ind, riwayat, komposit, ikm_tahun)
        riwayat = {t: a for t, a in riwayat.items() if t < data.tahun}
        target = targets.get(data.tahun)
        cap = tetap.get(f"capaian/{kode}") or \
            _capaian(capaian_angka, realisasi, target, ind, label=f"capaian {kode}")
        akhir = _angka_sel(data, "indikator", ind, "target_akhir", f"target akhir {kode}",
                           ind["satuan"], target=True)
        progres = tetap.get(f"progres/{kode}") or \
            _capaian(progres_renstra_angka, realisasi, akhir, ind)
        hasil[kode] = HasilIndikator(
            kode, ind["indikator"], ind["satuan"], ind["arah"], ind["metode"],
            ind["kode_sasaran"], ind["sumber_realisasi"], target, realisasi, cap,
            _kategori(cap, skala), akhir, _label(progres, f"progres Renstra {kode}"),
            riwayat, targets)
    return hasil


# --- budget -----------------------------------------------------------------------------------

def hitung_anggaran(data: DataKecamatan) -> pd.DataFrame:
    """The DPA tree with computed pagu murni, perubahan and their difference per node."""
    df = data.anggaran
    murni = ang.jumlah_pohon(df, "pagu_murni")
    ubah = ang.jumlah_pohon(df, "pagu_perubahan")
    hasil = df[["kode", "kode_induk", "tingkat", "nama", "kode_sasaran", "_baris"]].copy()
    hasil["pagu_murni"] = murni.to_numpy()
    hasil["pagu_perubahan"] = ubah.to_numpy()
    hasil["selisih"] = [ang.perubahan(m, u) for m, u in zip(murni, ubah, strict=True)]
    return hasil


def _pagu_sasaran(data, tree, kode_sasaran) -> Angka:
    program = tree[(tree["tingkat"] == "program") & (tree["kode_sasaran"] == kode_sasaran)]
    pagu = ang.pohon_angka(data.anggaran, "pagu_perubahan", data.berkas.get("anggaran", "anggaran"))
    masukan = tuple(_label(pagu[k], f"pagu program {k}") for k in program["kode"])
    total = sum((m.nilai for m in masukan), Decimal(0))
    pola = " + ".join(f"{{{i}}}" for i in range(len(masukan))) or None
    return Angka(total, "Σ pagu perubahan program sasaran ini", masukan,
                 label=f"pagu sasaran {kode_sasaran}", pola=pola, desimal=0)


def _realisasi_sasaran(data, kode_sasaran) -> Angka:
    return realisasi_node(data, (ang.SASARAN, kode_sasaran), f"realisasi anggaran {kode_sasaran}")


def realisasi_node(data, node: tuple[str, str], label: str) -> Angka:
    """The realisasi of a sasaran (``("sasaran", "S1")``) or of a DPA node (``("program",
    "1")``): the sum of the lowest rows given in its subtree (leaves only,
    `lkjip.anggaran.daun_tercatat`); a row above others is a stated total that `lkjip.periksa`
    compares with them, never added. Not available when no row lies under it, nor when a part
    of it with a pagu has no row while others have (`lkjip.anggaran.belum_tercatat`): the sum
    would count that part as Rp 0 without a word."""
    df = data.realisasi_anggaran
    induk = ang.induk_realisasi(data.anggaran)
    baris = ang.baris_realisasi(df)
    bawah = set(ang.di_bawah(induk, node, ang.daun_tercatat(induk, baris)))
    masukan = tuple(_sumber(data, "realisasi_anggaran", b, "realisasi", v)
                    for n, b, v in zip(baris, df["_baris"], df["realisasi"], strict=True)
                    if n in bawah)
    if not masukan:
        return Angka(None, "realisasi anggaran tidak tersedia", label="realisasi anggaran")
    kosong = ang.belum_tercatat(induk, baris, ang.pagu_realisasi(data.anggaran), node)
    if kosong:  # a part with a pagu and no row: summing the others would count it as Rp 0
        return Angka(None, "realisasi anggaran tidak tersedia: " + "; ".join(
            f"{nama_bagian(b)} belum mempunyai baris realisasi" for b in kosong),
            label="realisasi anggaran")
    total = sum((m.angka for m in masukan), Decimal(0))
    return Angka(total, "Σ realisasi anggaran", masukan, label=label, desimal=0)


def nama_bagian(bagian: tuple[str, str]) -> str:
    """A node of the realisasi tree as the report names it: ``kegiatan 1.2``, ``sub kegiatan
    1.2.1``."""
    return f"{bagian[0].replace('_', ' ')} {bagian[1]}"


def tanpa_baris(data, sasaran=None) -> list[str]:
    """The parts (`nama_bagian`) whose missing realisasi row makes a sasaran's realisasi not
    available (`lkjip.anggaran.tanpa_baris`): of sasaran `sasaran`, else of every sasaran."""
    return [nama_bagian(b)
            for _, b in ang.tanpa_baris(data.anggaran, data.realisasi_anggaran, sasaran)]


def daun_pk(data: DataKecamatan) -> pd.Series:
    """Per row of ``pk_anggaran.csv``: True when no row of the same PK lies below its
    kode_anggaran (leaves only: a PK row above its parts is a stated total, not added)."""
    df = data.pk_anggaran
    induk = ang.induk_kode(data.anggaran)
    # one pass over plain lists (groups as groupby makes them: by kode_pejabat, an empty one
    # left out): a pandas groupby with a Series per group cost ~8 ms a call, and the checks
    # and the working paper ask for it once per stated PK total (issue 15)
    kode = df["kode_anggaran"].astype(str).tolist()
    kelompok: dict = {}
    for i, pejabat in enumerate(df["kode_pejabat"]):
        if not pd.isna(pejabat):
            kelompok.setdefault(pejabat, []).append(i)
    daun = [True] * len(kode)
    for baris in kelompok.values():
        tetap = ang.daun_tercatat(induk, [kode[i] for i in baris])
        for i in baris:
            daun[i] = kode[i] in tetap
    return pd.Series(daun, index=df.index, dtype=bool)


def hitung_pk_anggaran(data: DataKecamatan) -> pd.DataFrame:
    """Per pejabat: computed total and TW totals of the PK budget table (leaves only)."""
    df = data.pk_anggaran
    kolom = ["anggaran", "tw1", "tw2", "tw3", "tw4"]
    if not len(df):
        return pd.DataFrame(columns=["kode_pejabat"] + kolom)
    df = df[daun_pk(data)]
    return df.groupby("kode_pejabat", sort=False)[kolom].sum(min_count=1).reset_index()


# --- sasaran and the whole ---------------------------------------------------------------------

def hitung_sasaran(data, indikator, tree, skala, tetap=None) -> dict[str, HasilSasaran]:
    tujuan = dict(zip(data.tujuan["kode_tujuan"], data.tujuan["tujuan"], strict=True))
    tetap, hasil = tetap or {}, {}
    for _, s in data.sasaran.iterrows():
        kode = s["kode_sasaran"]
        diukur = [i for i in indikator.values() if i.kode_sasaran == kode and i.diukur]
        cap = tetap.get(f"sasaran/{kode}") or (
            capaian_sasaran_angka([i.capaian for i in diukur], f"capaian sasaran {kode}")
            if diukur else Angka(None, "tidak ada indikator yang terukur"))
        pagu = _pagu_sasaran(data, tree, kode)
        real = _realisasi_sasaran(data, kode)
        serap = tetap.get(f"penyerapan/{kode}") or (
            ang.penyerapan_angka(real, pagu, f"penyerapan anggaran {kode}")
            if real.nilai is not None and pagu.nilai else Angka(None, "tidak tersedia"))
        efis = ang.efisiensi_angka(cap, serap, f"efisiensi {kode}") \
            if cap.nilai is not None and serap.nilai is not None else Angka(None, "")
        hasil[kode] = HasilSasaran(kode, s["sasaran"], s["kode_tujuan"],
                                   tujuan.get(s["kode_tujuan"], ""), [i.kode for i in diukur],
                                   cap, _kategori(cap, skala), pagu, real, serap, efis,
                                   _progres_sasaran(indikator, kode))
    return hasil


def _progres_sasaran(indikator: dict[str, HasilIndikator], kode: str) -> Angka:
    """Progress of a sasaran to the Renstra end target: the mean of the progress of its
    indicators measured this year (target and realisasi known: the same indicators its capaian
    is the mean of, so an indicator whose realisasi is not in yet is left out of both, and the
    report names it); not available when one of those has no Renstra end target."""
    progres = [i.progres for i in indikator.values() if i.kode_sasaran == kode and i.diukur]
    if not progres:
        return Angka(None, "tidak ada indikator terukur")
    return rerata(progres, f"progres sasaran {kode}",
                  "Jumlah progres indikator terukur / jumlah indikator terukur")


def total_anggaran_sasaran(sasaran: dict[str, HasilSasaran]) -> tuple[Angka, Angka]:
    """(total pagu, total realisasi anggaran) over every sasaran: what "the total" of Tabel 3.6
    and the overall penyerapan is. The realisasi is not available when a sasaran with a pagu
    has none (a sasaran without pagu adds nothing either way)."""
    pagu = [s.pagu for s in sasaran.values()]
    real = [s.realisasi_anggaran for s in sasaran.values()
            if s.realisasi_anggaran.nilai is not None or s.pagu.nilai]
    total_pagu = Angka(sum((p.nilai for p in pagu), Decimal(0)), "Σ pagu sasaran", tuple(pagu),
                       label="total pagu", desimal=0)
    nilai = [r.nilai for r in real]
    total_real = Angka(None if None in nilai else sum(nilai, Decimal(0)), "Σ realisasi sasaran",
                       tuple(real), label="total realisasi anggaran", desimal=0)
    return total_pagu, total_real


def _keseluruhan(sasaran: dict[str, HasilSasaran], skala, serap_tetap: Angka | None = None):
    terukur = [s for s in sasaran.values() if s.capaian.nilai is not None]
    capaian = rerata([s.capaian for s in terukur], "capaian kinerja keseluruhan",
                     "Jumlah capaian sasaran / jumlah sasaran") if terukur \
        else Angka(None, "tidak ada sasaran yang terukur")
    total_pagu, total_real = total_anggaran_sasaran(sasaran)
    if total_real.nilai is not None and total_pagu.nilai:
        serap = ang.penyerapan_angka(total_real, total_pagu, "penyerapan anggaran keseluruhan")
    else:
        serap = Angka(None, "realisasi anggaran tidak tersedia")
    serap = serap_tetap or serap
    efis = ang.efisiensi_angka(capaian, serap, "efisiensi keseluruhan") \
        if capaian.nilai is not None and serap.nilai is not None else Angka(None, "")
    return (capaian, _kategori(capaian, skala), serap, _kategori(serap, skala), efis,
            total_pagu, total_real)


def _ikm_tetap(ikm_tahun: HasilIkm | None, tetap: Angka | None) -> HasilIkm | None:
    """The year's IKM fixed by a decision: its value and mutu follow; the unsur stay."""
    if tetap is None or ikm_tahun is None:
        return ikm_tahun
    nilai = float(bulatkan(tetap.nilai))
    mutu, kinerja = mutu_ikm(nilai)
    return replace(ikm_tahun, nilai=nilai, mutu=mutu, kinerja=kinerja, angka=tetap)


def hitung(data: DataKecamatan, tetap: Mapping[str, Angka] | None = None) -> Hasil:
    """Every computed figure of one kecamatan-year.

    ``tetap``: figures fixed by the office's decisions (`lkjip.tetap`), by path
    (``ikm/tahun``, ``komposit/<node>``, ``realisasi/<ind>``, ``capaian/<ind>``,
    ``progres/<ind>``, ``sasaran/<S>``, ``penyerapan/<S>``, ``penyerapan/total``); every
    figure computed from a fixed one is computed from it.
    """
    tetap = dict(tetap or {})
    skala = data.profil["skala"]
    semester, ikm_tahun, layanan = hitung_ikm(data)
    ikm_tahun = _ikm_tetap(ikm_tahun, tetap.get("ikm/tahun"))
    daftar = hitung_daftar(data)
    simpul = {j.split("/", 1)[1]: a for j, a in tetap.items() if j.startswith("komposit/")}
    komposit = hitung_komposit(data.komposit, daftar, ikm_tahun,
                               data.berkas.get("komposit", "komposit.csv"), simpul, data.tahun) \
        if len(data.komposit) else {}
    indikator = hitung_indikator(data, komposit, ikm_tahun, skala, tetap)
    tree = hitung_anggaran(data)
    sasaran = hitung_sasaran(data, indikator, tree, skala, tetap)
    capaian, kat, serap, kat_ang, efis, pagu, real = _keseluruhan(
        sasaran, skala, tetap.get("penyerapan/total"))
    berkas = data.berkas.get("anggaran", "anggaran.csv")
    pohon = {k: ang.pohon_angka(data.anggaran, k, berkas) for k in ang.KOLOM_POHON}
    return Hasil(data, skala, semester, ikm_tahun, layanan, daftar, komposit, indikator,
                 sasaran, tree, hitung_pk_anggaran(data), capaian, kat, serap, kat_ang, efis,
                 pagu, real, pohon_anggaran=pohon)


# --- figures read on demand (by the catalogue, `lkjip.katalog`) ---------------------------

def angka_anggaran(hasil, kode: str, kolom: str) -> Angka:
    """pagu_murni, pagu_perubahan or selisih of a kode of ``anggaran.csv`` or ``total``
    (from the tree's sums `hitung` made, `Hasil.pohon_anggaran`)."""
    return ang.angka_kode(hasil.data.anggaran, kode, kolom,
                          hasil.data.berkas.get("anggaran", "anggaran.csv"),
                          hasil.pohon_anggaran or None)


def anggaran_program(hasil, kode: str, apa: str) -> Angka:
    """pagu, realisasi_anggaran or penyerapan of one program of the DPA (realisasi leaves
    only, `realisasi_node`)."""
    pagu = _label(angka_anggaran(hasil, kode, "pagu_perubahan"), f"pagu program {kode}")
    real = realisasi_node(hasil.data, ("program", kode), f"realisasi anggaran program {kode}")
    if apa != "penyerapan":
        return pagu if apa == "pagu" else real
    if real.nilai is None or not pagu.nilai:
        return Angka(None, "tidak tersedia")
    return ang.penyerapan_angka(real, pagu, f"penyerapan anggaran program {kode}")


def angka_pk(hasil, pejabat: str, kolom: str) -> Angka | None:
    """A PK budget table's total of one column: the sum of its rows (leaves only, `daun_pk`;
    empty cells skipped); None when every cell is empty."""
    df = hasil.data.pk_anggaran
    df = df[(df["kode_pejabat"] == pejabat) & daun_pk(hasil.data)]
    berkas = hasil.data.berkas.get("pk_anggaran", "pk_anggaran.csv")
    sel = [Sumber(berkas, int(b), kolom, v) for b, v in zip(df["_baris"], df[kolom], strict=True)
           if v is not None and not pd.isna(v)]
    if not sel:
        return None
    pola = " + ".join(f"{{{i}}}" for i in range(len(sel)))
    return Angka(sum((s.angka for s in sel), Decimal(0)), f"Σ {kolom} baris PK {pejabat}",
                 tuple(sel), label=f"total {kolom} PK {pejabat}", pola=pola, desimal=0)


def angka_pegawai(hasil, jabatan: str) -> Angka:
    """The number of pegawai.csv rows of one jabatan (or all of them, 'total')."""
    df, berkas = hasil.data.pegawai, hasil.data.berkas.get("pegawai", "pegawai.csv")
    jabatan_baris = df["jabatan"].astype("string").str.strip()
    pilih = df if jabatan == "total" else df[jabatan_baris == jabatan]
    apa = "seluruh baris" if jabatan == "total" else f"baris dengan jabatan {jabatan}"
    sel = tuple(Sumber(berkas, int(b), "jabatan", j)
                for b, j in zip(pilih["_baris"], pilih["jabatan"], strict=True))
    return Angka(Decimal(len(pilih)), f"banyaknya {apa} di {PurePosixPath(berkas).name}", sel,
                 label=f"jumlah pegawai {jabatan}", desimal=0)


def angka_tahun_ke(hasil) -> Angka:
    """The report year's place in the Renstra period: tahun − renstra_awal + 1."""
    data = hasil.data
    berkas = data.berkas.get("profil", "profil.csv")
    awal = int(data.profil["renstra_awal"])
    masukan = (Sumber(berkas, 2, "tahun", data.tahun), Sumber(berkas, 2, "renstra_awal", awal))
    return Angka(Decimal(data.tahun - awal + 1), "Tahun laporan − awal Renstra + 1", masukan,
                 label="tahun ke Renstra", pola="{0} − {1} + 1", desimal=0)


def angka_nrr(hasil, periode: str, unsur: str) -> Angka | None:
    h = hasil_ikm(hasil, periode)
    return None if h is None else next((a for a in h.angka.masukan  # a decided IKM has none
                                        if isinstance(a, Angka) and a.label == unsur), None)


def hasil_ikm(hasil, periode: str):
    return hasil.ikm_tahun if periode == "tahun" else hasil.ikm_semester.get(periode)


def angka_nilai_unsur(hasil, unsur: str) -> Angka | None:
    """The year's value of one unsur: NRR × 25."""
    nrr = angka_nrr(hasil, "tahun", unsur)
    if nrr is None or nrr.nilai is None:
        return None
    return Angka(nrr.nilai * 25, "NRR × 25", (nrr,), label=f"nilai unsur {unsur}",
                 pola="{0} × 25")


def angka_responden(hasil) -> Angka | None:
    h = hasil.ikm_tahun
    if h is None or h.responden is None:
        return None
    return Angka(Decimal(h.responden), "jumlah responden survei IKM",
                 label="jumlah responden IKM", desimal=0)


def angka_anggaran_sasaran(hasil, kode: str, apa: str) -> Angka | None:
    """pagu, realisasi_anggaran or penyerapan of a sasaran, of all of them ('total') or of a
    program (its kode in anggaran.csv)."""
    if kode == "total":
        return {"pagu": hasil.total_pagu, "realisasi_anggaran": hasil.total_realisasi_anggaran,
                "penyerapan": hasil.penyerapan}[apa]
    if kode in hasil.sasaran:
        return getattr(hasil.sasaran[kode], apa)
    return anggaran_program(hasil, kode, apa)


def angka_capaian(hasil, kode: str) -> Angka:
    """Capaian of a sasaran or an indicator, or the overall capaian kinerja ('keseluruhan')."""
    if kode == "keseluruhan":
        return hasil.capaian_kinerja
    return hasil.sasaran[kode].capaian if kode in hasil.sasaran else hasil.indikator[kode].capaian


def angka_penyerapan(hasil, kode: str) -> Angka:
    return angka_anggaran_sasaran(hasil, "total" if kode == "keseluruhan" else kode, "penyerapan")
