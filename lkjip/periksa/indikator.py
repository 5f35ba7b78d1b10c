"""The Renstra indicators: a target this year, percentages within 0–100, and the rules of
their stated figures (realisasi, composite nodes, capaian, capaian sasaran, progress)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.angka import bulatkan, ke_decimal
from lkjip.capaian import capaian_angka
from lkjip.format import format_angka, format_nilai
from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    angka_row,
    banding,
    beda_angka,
    kosong,
    tertulis,
)

ATURAN = (
    Aturan("indikator-tanpa-target", "Indikator tanpa target tahun ini", ("peringatan",),
           "a Renstra indicator with no target this year"),
    Aturan("kebalikan-realisasi-nol", "Capaian metode kebalikan dengan realisasi 0",
           ("peringatan",), "a kebalikan indicator (Target / Realisasi) whose realisasi is 0: "
           "its capaian and progress are not computed"),
    Aturan("persen-0-100", "Persentase di luar 0–100", ("galat",),
           "a percentage (satuan %) outside 0–100: realisasi, targets, composite nodes, "
           "the realisasi of a PK row typed in pk_realisasi.csv"),
    Aturan("ikm-25-100", "Nilai IKM di luar 25–100", ("galat",),
           "a value of an IKM indicator (sumber_realisasi ikm) outside 25–100, the scale of "
           "the IKM (Permenpan RB 14/2017: NRR 1–4 × 25): targets, target akhir, typed "
           "realisasi of earlier years, its PK rows"),
    Aturan("realisasi-indikator", "Realisasi indikator", ("galat", "info"),
           "stated realisasi vs computed (composite, IKM, typed); a realisasi typed in "
           "renstra/realisasi.csv for this year of an indicator computed from the survey or "
           "the composite tree (that row is not used) vs the computed one"),
    Aturan("komposit", "Indikator komposit", ("galat", "info"),
           "stated value of a composite node vs computed"),
    Aturan("capaian-indikator", "Capaian indikator", ("galat", "info"),
           "stated capaian vs computed"),
    Aturan("capaian-sasaran", "Capaian sasaran", ("galat", "info"),
           "stated capaian sasaran vs computed"),
    Aturan("progres-renstra", "Progres terhadap target akhir Renstra", ("galat", "info"),
           "stated progress to the Renstra end target (indicator or sasaran) vs computed"),
)


def cek_tanpa_target(k: Konteks) -> list[Temuan]:
    """Renstra indicators with no target this year."""
    hasil = []
    for _, i in k.data.indikator.iterrows():
        if k.hasil.indikator[i["kode_indikator"]].target is None:
            pesan = (f"Indikator {i['kode_indikator']} ({i['indikator']}) tidak punya target "
                     f"tahun {k.data.tahun} di target.csv, sehingga capaiannya tidak dapat "
                     "dihitung.")
            hasil.append(k.temuan("peringatan", "indikator-tanpa-target", "indikator",
                                  i["_baris"], i["kode_indikator"], pesan,
                                  kunci_id=(i["kode_indikator"],)))
    return hasil


def cek_kebalikan_nol(k: Konteks) -> list[Temuan]:
    """A `kebalikan` indicator whose realisasi is 0: T / 0 has no value, so its capaian (and the
    sasaran's mean without it) would change without a word; `selisih` has one."""
    hasil = []
    for _, i in k.data.indikator.iterrows():
        h = k.hasil.indikator[i["kode_indikator"]]
        if i["metode"] == "kebalikan" and h.realisasi.nilai == 0 \
                and h.target is not None and h.target.nilai not in (None, 0):
            pesan = (f"Indikator {i['kode_indikator']} ({i['indikator']}) bermetode 'kebalikan' "
                     f"(Target / Realisasi) dengan realisasi {k.data.tahun} = 0, sehingga "
                     "capaian dan progresnya tidak dapat dihitung dan capaian sasarannya dirata-"
                     "ratakan tanpa indikator ini. Bila realisasi 0 mungkin, gunakan metode "
                     "'selisih' ((2 × Target − Realisasi) / Target).")
            hasil.append(k.temuan("peringatan", "kebalikan-realisasi-nol", "indikator",
                                  i["_baris"], i["kode_indikator"], pesan,
                                  kunci_id=(i["kode_indikator"],)))
    return hasil


# --- values within a range: percentages 0–100, IKM 25–100

@dataclass(frozen=True)
class Rentang:
    """The range a kind of indicator value stays within, and how its finding names it."""

    aturan: str
    bawah: int
    atas: int
    nama: str  # the finding's first words: "Persentase …", "Nilai IKM …"
    dasar: str = ""  # after the range: where it comes from

    def di_luar(self, x) -> bool:
        d = ke_decimal(x)
        return d is not None and not Decimal(self.bawah) <= d <= Decimal(self.atas)


PERSEN = Rentang("persen-0-100", 0, 100, "Persentase")
IKM = Rentang("ikm-25-100", 25, 100, "Nilai IKM", " (IKM = NRR 1–4 × 25)")


def cek_persen(k: Konteks) -> list[Temuan]:
    """A percentage (satuan %) outside 0–100 in realisasi, targets, PK rows (by their own
    satuan) and composite nodes."""
    ind, pk = k.data.indikator, k.data.pk_indikator
    persen_ = set(ind.loc[ind["satuan"].str.strip() == "%", "kode_indikator"])
    return (_cek_rentang(k, PERSEN, persen_, pk[pk["satuan"].str.strip() == "%"])
            + _persen_pk_realisasi(k) + _persen_komposit(k, persen_))


def cek_ikm(k: Konteks) -> list[Temuan]:
    """A value of an IKM indicator outside 25–100 (the IKM is NRR 1–4 × 25): a target typed
    "83.500" for 83,5 is read as 83 500 and gave capaian 0,10 % "Sangat Rendah" without a word
    (kantor4). Targets, target akhir, realisasi typed for earlier years, and the PK rows."""
    ind, pk = k.data.indikator, k.data.pk_indikator
    ikm = ind[ind["sumber_realisasi"] == "ikm"]
    hasil = [_temuan_rentang(k, IKM, "indikator", r["_baris"],
                             f"target akhir {r['kode_indikator']}", r["target_akhir"],
                             r["satuan"], ("indikator", r["kode_indikator"]))
             for _, r in ikm.iterrows() if IKM.di_luar(r["target_akhir"])]
    kode = set(ikm["kode_indikator"])
    return hasil + _cek_rentang(k, IKM, kode, pk[pk["kode_indikator"].isin(kode)],
                                sebut_kode=True)


def cek_realisasi_tak_dipakai(k: Konteks) -> list[Temuan]:
    """A realisasi typed in renstra/realisasi.csv for this year of an indicator lkjip computes
    (sumber ikm with this year's survey, komposit with its tree): the row is not used, and
    when it differs from the computed value the report printed another figure without a word
    (an office types its own IKM there, weighed 0,111)."""
    ind = k.data.indikator.set_index("kode_indikator")
    df = k.data.realisasi
    ini = df[(df["tahun"] == k.data.tahun) & (df["periode"] == "tahun")]
    akar = set(k.data.komposit["kode_indikator"].dropna()) if len(k.data.komposit) else set()
    hasil = []
    for _, r in ini.iterrows():
        kode, s = r["kode_indikator"], ke_decimal(r["realisasi"])
        sumber = ind.loc[kode, "sumber_realisasi"]
        if sumber == "ikm" and k.hasil.ikm_tahun is not None:
            dari = f"survei IKM {k.data.tahun}"
        elif sumber == "komposit" and kode in akar:
            dari = "pohon komposit.csv"
        else:
            continue
        c = ke_decimal(k.hasil.indikator[kode].realisasi.nilai)
        if s is None or c is None or _sama_dibulatkan(s, c):
            continue
        satuan = ind.loc[kode, "satuan"]
        ts, tc = format_nilai(s, satuan), format_nilai(c, satuan)
        pesan = (f"Realisasi {kode} {k.data.tahun} diketik {ts} di renstra/realisasi.csv, "
                 f"padahal lkjip menghitungnya dari {dari}: {tc}. Baris ini tidak dipakai; "
                 f"laporan mencetak {tc}. Hapus baris ini, atau pindahkan angka kantor ke "
                 f"tersaji.csv (besaran realisasi, kunci {kode}) agar tetap dibandingkan.")
        hasil.append(k.temuan("galat", "realisasi-indikator", "realisasi", r["_baris"],
                              f"realisasi {kode} {k.data.tahun}", pesan,
                              kunci_id=("realisasi-csv", kode, k.data.tahun),
                              tersaji=ts, terhitung=tc))
    return hasil


def _sama_dibulatkan(s: Decimal, c: Decimal) -> bool:
    """The typed `s` is the computed `c` rounded half up to two places or to the places typed
    (a cell read as a number has lost its trailing zeros: 77,70 is 77.7, which is not 77,78
    cut short).

    >>> [_sama_dibulatkan(Decimal(a), Decimal("77.7777")) for a in ("77.78", "77.8", "77.7")]
    [True, True, False]
    """
    d = max(-s.as_tuple().exponent, 0)
    return s in (bulatkan(c, max(d, 2)), bulatkan(c, d))


def _cek_rentang(k: Konteks, rentang: Rentang, kode: set, baris_pk,
                 sebut_kode: bool = False) -> list[Temuan]:
    """The realisasi and target rows of the indicators `kode` (renstra/realisasi.csv,
    renstra/target.csv), then the target and TW I–IV columns of the PK rows `baris_pk`
    (`sebut_kode`: their place names the Renstra indicator too)."""
    ind = k.data.indikator
    satuan = dict(zip(ind["kode_indikator"], ind["satuan"], strict=True))
    hasil = []
    for tabel, kolom in (("realisasi", "realisasi"), ("target", "target")):
        df = getattr(k.data, tabel)
        for _, r in df[df["kode_indikator"].isin(kode)].iterrows():
            if rentang.di_luar(r[kolom]):
                hasil.append(_temuan_rentang(
                    k, rentang, tabel, r["_baris"], f"{kolom} {r['kode_indikator']} {r['tahun']}",
                    r[kolom], satuan[r["kode_indikator"]],
                    (tabel, r["kode_indikator"], r["tahun"], r.get("periode"))))
    for _, r in baris_pk.iterrows():
        tanda = r["kode_indikator"] if not kosong(r["kode_indikator"]) else r["indikator"]
        apa = f"PK {r['kode_pejabat']} no {r['no']}" + (
            f" ({r['kode_indikator']})" if sebut_kode else "")
        for kolom in ("target", "tw1", "tw2", "tw3", "tw4"):
            nilai = r[f"{kolom}_angka"]
            # a quarter typed 0 has nothing planned (an IKM quarter without a survey: the
            # seed's PK has IKM in TW II and IV only); within 0–100 anyway for a percentage
            if rentang.di_luar(nilai) and not (kolom != "target" and ke_decimal(nilai) == 0):
                hasil.append(_temuan_rentang(k, rentang, "pk_indikator", r["_baris"],
                                             f"{kolom} {apa}", nilai, r["satuan"],
                                             ("pk", r["kode_pejabat"], tanda, kolom)))
    return hasil


def _persen_pk_realisasi(k: Konteks) -> list[Temuan]:
    """A realisasi typed in pk_realisasi.csv for a PK row whose satuan is %."""
    pk = k.data.pk_indikator
    satuan = {(p, n): str(s).strip()
              for p, n, s in zip(pk["kode_pejabat"], pk["no"], pk["satuan"], strict=True)}
    hasil = []
    for _, r in k.data.pk_realisasi.iterrows():
        if satuan.get((r["kode_pejabat"], r["no"])) == "%" and PERSEN.di_luar(r["realisasi"]):
            hasil.append(_temuan_rentang(k, PERSEN, "pk_realisasi", r["_baris"],
                                         f"realisasi PK {r['kode_pejabat']} no {r['no']}",
                                         r["realisasi"], "%",
                                         ("pk_realisasi", r["kode_pejabat"], r["no"])))
    return hasil


def _persen_komposit(k: Konteks, persen_: set) -> list[Temuan]:
    pohon = k.data.komposit
    if not len(pohon):
        return []
    induk = dict(zip(pohon["kode_node"], pohon["kode_induk"], strict=True))
    akar_ind = dict(zip(pohon["kode_node"], pohon["kode_indikator"], strict=True))
    hasil = []
    # only the nodes with their own figures: a mean of parts within 0–100 stays within it
    for _, r in pohon[pohon["jenis"] != "rerata"].iterrows():
        akar = r["kode_node"]
        while not kosong(induk.get(akar)):
            akar = induk[akar]
        nilai = k.hasil.komposit.get(r["kode_node"])
        if akar_ind.get(akar) in persen_ and nilai is not None and PERSEN.di_luar(nilai.nilai):
            hasil.append(_temuan_rentang(k, PERSEN, "komposit", r["_baris"],
                                         f"node {r['kode_node']}", nilai.nilai, "%",
                                         ("komposit", r["kode_node"])))
    return hasil


def _temuan_rentang(k, rentang: Rentang, tabel, baris, apa, nilai, satuan, kunci_id) -> Temuan:
    """The finding of a value out of its range; the value printed by its unit, as the report
    prints it (`format_nilai`: two decimals for a percentage or an index)."""
    teks = format_nilai(nilai, satuan)
    pesan = (f"{rentang.nama} {apa} bernilai {teks}, di luar rentang "
             f"{rentang.bawah}–{rentang.atas}{rentang.dasar}."
             + _mungkin_ribuan(nilai, rentang.bawah, rentang.atas))
    return k.temuan("galat", rentang.aturan, tabel, baris, apa, pesan, kunci_id=kunci_id,
                    terhitung=teks)


def _mungkin_ribuan(nilai, bawah: int, atas: int) -> str:
    """The likely cause of a whole number out of range whose thousandth part is in range: a
    decimal point typed for the comma ("92.500" for 92,5 is read as 92 500, data/README.md).

    >>> _mungkin_ribuan(Decimal(92500), 0, 100)[-44:]
    "dibaca sebagai pemisah ribuan; tulis '92,5'."
    >>> _mungkin_ribuan(Decimal(92500), 0, 100)[:26]
    ' Bila yang dimaksud 92,5: '
    >>> _mungkin_ribuan(Decimal(120), 0, 100), _mungkin_ribuan(Decimal("92500.5"), 0, 100)
    ('', '')
    """
    d = ke_decimal(nilai)
    if d is None or d != d.to_integral_value() or d < 1000:
        return ""
    maksud = d / 1000  # without the trailing zeros of a float's reading (76000.0 -> 76)
    maksud = maksud.quantize(Decimal(1)) if maksud == maksud.to_integral_value() \
        else maksud.normalize()
    if not bawah <= maksud <= atas:
        return ""
    teks = format_angka(maksud, None)
    return (f" Bila yang dimaksud {teks}: titik yang diikuti tiga angka dibaca sebagai pemisah "
            f"ribuan; tulis '{teks}'.")


# --- a stated capaian explained by a stated realisasi

def banding_capaian(k: Konteks, row, baca) -> list[Temuan]:
    """The generic comparison; a galat also says when the stated capaian comes from a stated
    realisasi that itself differs."""
    i = k.hasil.indikator[baca.kunci[0]]
    return banding(k, row, baca, tambahan=lambda s: _capaian_dari_tersaji(k, i, s))


def _capaian_dari_tersaji(k: Konteks, i, s: Decimal) -> str:
    """', sesuai realisasi tersaji X yang berbeda dari terhitung' when that explains it."""
    for r in k.tersaji_dari("realisasi"):
        real = angka_row(r) if r["kunci"] == i.kode else None
        if real is None or i.target is None:
            continue
        dari = capaian_angka(real, i.target, i.arah, i.metode)
        if dari.nilai is not None and beda_angka(s, dari.nilai) != "galat":
            return (f"; angka tersaji itu berasal dari realisasi tersaji {tertulis(real)}"
                    f", bukan realisasi terhitung {format_nilai(i.realisasi.nilai, i.satuan)}")
    return ""


PEMERIKSA = (cek_tanpa_target, cek_kebalikan_nol, cek_persen, cek_ikm,
             cek_realisasi_tak_dipakai)
BANDING = {"capaian": banding_capaian}
