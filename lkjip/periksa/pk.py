"""The Perjanjian Kinerja (PK): its budget rows and TW splits, its targets, and the Renstra."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pandas as pd

from lkjip import anggaran as ang
from lkjip.akumulasi import CARA, akumulasi
from lkjip.angka import bulatkan
from lkjip.bilangan import baca_angka
from lkjip.format import format_nilai
from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    daftar_baris,
    kosong,
    rp,
    tertulis,
)
from lkjip.teks import mirip, normal_teks, slug

MIRIP = 0.85  # difflib ratio from which two different texts are taken as one text misspelt

ATURAN = (
    Aturan("pk-jumlah-anggaran", "Jumlah anggaran Perjanjian Kinerja", ("galat",),
           "stated PK total and TW I–IV totals vs the sum of its rows (leaves only); a PK row "
           "above rows of its parts vs their sum"),
    Aturan("pk-tw-anggaran", "Rincian triwulan anggaran PK", ("galat",),
           "each PK budget row: TW I + … + TW IV vs its anggaran"),
    Aturan("pk-anggaran-dpa", "Anggaran PK dan DPA", ("galat", "peringatan"),
           "PK budget rows per (tingkat, kode_anggaran) vs DPA pagu perubahan (peringatan when "
           "they equal the pagu murni)"),
    Aturan("pk-tw-target", "Rincian triwulan target PK", ("peringatan",),
           "TW I–IV targets vs the year's target (the Renstra akumulasi_tw for a Renstra "
           "indicator; else sum or last)"),
    Aturan("pk-indikator-renstra", "Indikator PK dan Renstra", ("peringatan", "info"),
           "a Renstra indicator without a PK row; a Camat row without kode_indikator (matches "
           "a Renstra indicator: peringatan; otherwise a program row: info)"),
    Aturan("pk-target-renstra", "Target PK dan Renstra", ("galat",),
           "PK target vs the Renstra target of the year"),
)


def _kunci_pk(r) -> tuple[str, str]:
    """A PK row's place: its pejabat and its Renstra indicator (else its indicator's text)."""
    return r["kode_pejabat"], r["kode_indikator"] if not kosong(r["kode_indikator"]) \
        else slug(r["indikator"])


def cek_pk_tw_anggaran(k: Konteks) -> list[Temuan]:
    """Each PK budget row: TW I + … + TW IV against its anggaran."""
    hasil = []
    for _, r in k.data.pk_anggaran.iterrows():
        tw = [r[f"tw{i}"] for i in range(1, 5)]
        if all(pd.isna(v) for v in tw):
            continue
        jumlah = sum(int(v) for v in tw if not pd.isna(v))
        if jumlah == int(r["anggaran"]):
            continue
        pesan = (f"Anggaran PK {r['kode_pejabat']} no {r['no']} ({r['uraian']}) tersaji "
                 f"{rp(r['anggaran'])}, padahal TW I–IV berjumlah {rp(jumlah)}.")
        hasil.append(k.temuan("galat", "pk-tw-anggaran", "pk_anggaran", r["_baris"],
                              f"PK {r['kode_pejabat']} no {r['no']}", pesan,
                              kunci_id=(r["kode_pejabat"], r["kode_anggaran"]),
                              tersaji=rp(r["anggaran"]), terhitung=rp(jumlah)))
    return hasil


def cek_pk_rincian(k: Konteks) -> list[Temuan]:
    """A PK budget row above rows of its parts (a program and its kegiatan in one PK) is a
    stated total: compared with the sum of the lowest rows under it, never added."""
    df, induk = k.data.pk_anggaran, ang.induk_kode(k.data.anggaran)
    hasil = []
    for pejabat, g in df.groupby("kode_pejabat", sort=False):
        kode = list(g["kode_anggaran"].astype(str))
        daun = ang.daun_tercatat(induk, kode)
        for (_, r), kd in zip(g.iterrows(), kode, strict=True):
            if kd in daun:
                continue
            bagian = g[[m in daun and kd in ang.leluhur(induk, m) for m in kode]]
            jumlah = sum(int(v) for v in bagian["anggaran"])
            if jumlah == int(r["anggaran"]):
                continue
            pesan = (f"Anggaran PK {pejabat} no {r['no']} ({r['uraian']}) tersaji "
                     f"{rp(r['anggaran'])}, padahal baris rinciannya di PK yang sama (no "
                     f"{', '.join(str(n) for n in bagian['no'])}) berjumlah {rp(jumlah)}.")
            hasil.append(k.temuan("galat", "pk-jumlah-anggaran", "pk_anggaran", r["_baris"],
                                  f"PK {pejabat} no {r['no']}", pesan,
                                  kunci_id=(pejabat, kd, "rincian"), tersaji=rp(r["anggaran"]),
                                  terhitung=rp(jumlah)))
    return hasil


def cek_pk_anggaran_dpa(k: Konteks) -> list[Temuan]:
    """PK budget rows summed per (tingkat, kode_anggaran) against the DPA pagu perubahan."""
    df, tree = k.data.pk_anggaran, k.hasil.anggaran.set_index("kode")
    hasil = []
    for (tingkat, kode), g in df.groupby(["tingkat", "kode_anggaran"], sort=False):
        jumlah = sum(int(v) for v in g["anggaran"])
        ubah, murni = (int(tree.loc[kode, c]) for c in ("pagu_perubahan", "pagu_murni"))
        if jumlah != ubah:
            hasil.append(_pk_dpa(k, g, tingkat, kode, jumlah, ubah, murni))
    return hasil


def _pk_dpa(k, g, tingkat, kode, jumlah, ubah, murni) -> Temuan:
    pejabat = ", ".join(dict.fromkeys(g["kode_pejabat"]))
    jamak = len(g) > 1
    apa = f"{len(g)} baris {tingkat} PK {pejabat} (no {', '.join(str(n) for n in g['no'])})" \
        if jamak else f"Anggaran PK {pejabat} no {g.iloc[0]['no']} ({g.iloc[0]['uraian']})"
    kata = "berjumlah" if jamak else "tersaji"
    sama_murni = jumlah == murni
    lagi = "; angka itu sama dengan pagu murni (sebelum perubahan)" if sama_murni else ""
    pesan = (f"{apa} untuk kode anggaran {kode} {kata} {rp(jumlah)}, padahal pagu perubahan "
             f"DPA {rp(ubah)}{lagi}.")
    tempat = f"PK {pejabat} no {', '.join(str(n) for n in g['no'])} (kode {kode})"
    return k.temuan("peringatan" if sama_murni else "galat", "pk-anggaran-dpa", "pk_anggaran",
                    g["_baris"].min(), tempat, pesan, kunci_id=(tingkat, kode),
                    tersaji=rp(jumlah), terhitung=rp(ubah))


# --- targets

def _pecah(teks) -> tuple[Decimal, ...] | None:
    """'17/14' → (17, 14); '82' → (82,); empty → None."""
    if kosong(teks):
        return None
    try:
        return tuple(baca_angka(b) for b in str(teks).split("/"))
    except ValueError:
        return None


def _komponen(nilai, n: int) -> tuple[Decimal, ...]:
    """A TW value as n parts ('0' for an a/b target is 0/0)."""
    if nilai is None:
        return (Decimal(0),) * n
    return nilai if len(nilai) == n else nilai[:1] * n if nilai[0] == 0 else nilai


def _akumulasi_cocok(tw: list[tuple], target: tuple, cara: Iterable[str]) -> bool:
    """Every part of the target is met by the TW values under one of the ways."""
    return all(any(bulatkan(akumulasi([t[i] for t in tw], c)) == bulatkan(target[i])
                   for c in cara) for i in range(len(target)))


def cek_pk_tw_target(k: Konteks) -> list[Temuan]:
    """TW I–IV targets against the year's target."""
    cara_ind = dict(zip(k.data.indikator["kode_indikator"], k.data.indikator["akumulasi_tw"],
                        strict=True))
    hasil = []
    for _, r in k.data.pk_indikator.iterrows():
        target, tw = _pecah(r["target"]), [_pecah(r[f"tw{i}"]) for i in range(1, 5)]
        if target is None or all(t is None for t in tw):
            continue
        tw = [_komponen(t, len(target)) for t in tw]
        if any(len(t) != len(target) for t in tw):
            continue
        cara = (cara_ind[r["kode_indikator"]],) if not kosong(r["kode_indikator"]) \
            else ("jumlah", "terakhir")
        if not _akumulasi_cocok(tw, target, cara):
            hasil.append(_temuan_tw_target(k, r, tw, target, cara))
    return hasil


def _temuan_tw_target(k, r, tw, target, cara) -> Temuan:
    teks_tw = ", ".join(r[f"tw{i}"] or "–" for i in range(1, 5))
    if len(cara) == 1:
        lain = [c for c in CARA if c != cara[0] and _akumulasi_cocok(tw, target, (c,))]
        sebab = f"akumulasi '{cara[0]}' indikator {r['kode_indikator']} di Renstra"
        saran = f" (cocok dengan akumulasi '{lain[0]}')" if lain else ""
    else:
        sebab, saran = "", ""
    cara_teks = f" menurut {sebab}{saran}" if sebab else \
        ", baik sebagai jumlahnya maupun sebagai nilai TW IV"
    pesan = (f"Target TW I–IV ({teks_tw}) PK {r['kode_pejabat']} no {r['no']} tidak menghasilkan "
             f"target tahunan {r['target']}{cara_teks}.{_koma_tanpa_petik(r)}")
    return k.temuan("peringatan", "pk-tw-target", "pk_indikator", r["_baris"],
                    f"PK {r['kode_pejabat']} no {r['no']}", pesan, kunci_id=_kunci_pk(r),
                    tersaji=str(r["target"]), terhitung=teks_tw)


def _koma_tanpa_petik(r) -> str:
    """Only TW I given, a whole target and a TW I of 1–3 digits: in a ',' file typed without
    quotes, '92,5' is two cells, target 92 and TW I 5 (a row with the empty TW cells left out
    is as long as its header, so the loader cannot see it; kantor2).

    >>> _koma_tanpa_petik({"target": "92", "tw1": "5", "tw2": "", "tw3": "", "tw4": ""})[:40]
    ' Bila yang dimaksud target 92,5: di berk'
    >>> _koma_tanpa_petik({"target": "12", "tw1": "3", "tw2": "3", "tw3": "", "tw4": ""})
    ''
    """
    target, tw1 = str(r["target"]).strip(), str(r["tw1"] or "").strip()
    if not (target.isdigit() and tw1.isdigit() and len(tw1) <= 3) or \
            any(not kosong(r[f"tw{i}"]) for i in (2, 3, 4)):
        return ""
    return (f" Bila yang dimaksud target {target},{tw1}: di berkas berpemisah ',' angka berkoma "
            f"desimal diapit tanda petik (\"{target},{tw1}\"); tanpa tanda petik, angka di "
            "belakang koma terbaca sebagai TW I.")


def _pejabat_puncak(k: Konteks) -> set[str]:
    p = k.data.pejabat
    return set(p.loc[p["kode_atasan"].map(kosong), "kode_pejabat"])


def cek_pk_renstra(k: Konteks) -> list[Temuan]:
    """Renstra indicators in the Camat's PK, and Camat rows without kode_indikator."""
    pk = k.data.pk_indikator
    ada = set(pk["kode_indikator"].dropna())
    hasil = []
    for _, i in k.data.indikator.iterrows():
        if i["kode_indikator"] not in ada:
            pesan = (f"Indikator Renstra {i['kode_indikator']} ({i['indikator']}) tidak ada di "
                     "Perjanjian Kinerja mana pun.")
            hasil.append(k.temuan("peringatan", "pk-indikator-renstra", "indikator", i["_baris"],
                                  i["kode_indikator"], pesan, kunci_id=(i["kode_indikator"],)))
    camat = pk[pk["kode_pejabat"].isin(_pejabat_puncak(k)) & pk["kode_indikator"].map(kosong)]
    return hasil + _pk_tanpa_kode(k, camat)


def _pk_tanpa_kode(k: Konteks, rows: pd.DataFrame) -> list[Temuan]:
    renstra = {normal_teks(t): kode for kode, t in
               zip(k.data.indikator["kode_indikator"], k.data.indikator["indikator"], strict=True)}
    hasil, program = [], []
    for _, r in rows.iterrows():
        cocok = [kode for t, kode in renstra.items() if mirip(normal_teks(r["indikator"]), t)
                 >= MIRIP]
        if cocok:
            pesan = (f"Baris PK {r['kode_pejabat']} no {r['no']} ({r['indikator']}) tampak "
                     f"sebagai indikator Renstra {cocok[0]} tetapi kode_indikator-nya kosong.")
            hasil.append(k.temuan("peringatan", "pk-indikator-renstra", "pk_indikator",
                                  r["_baris"], f"PK {r['kode_pejabat']} no {r['no']}", pesan,
                                  kunci_id=_kunci_pk(r)))
        else:
            program.append(r)
    if program:
        g = pd.DataFrame(program)
        pejabat = g.iloc[0]["kode_pejabat"]
        pesan = (f"{len(g)} baris PK {pejabat} tanpa kode_indikator (baris "
                 f"{daftar_baris(g)}) tidak cocok dengan indikator Renstra mana pun, sehingga "
                 "dianggap indikator program dan targetnya tidak dibandingkan dengan Renstra.")
        hasil.append(k.temuan("info", "pk-indikator-renstra", "pk_indikator", g["_baris"].min(),
                              f"PK {pejabat} baris {daftar_baris(g)}", pesan,
                              kunci_id=(pejabat, "indikator-program")))
    return hasil


def cek_pk_target(k: Konteks) -> list[Temuan]:
    """PK targets of Renstra indicators against the Renstra target of the year."""
    hasil = []
    for _, r in k.data.pk_indikator.dropna(subset=["kode_indikator"]).iterrows():
        i = k.hasil.indikator[r["kode_indikator"]]
        if i.target is None or pd.isna(r["target_angka"]):
            continue
        s = baca_angka(r["target"])
        if s == i.target.nilai:
            continue
        renstra = format_nilai(i.target.nilai, i.satuan)  # by its unit (kasus: 12, not 12,00)
        pesan = (f"Target PK {r['kode_pejabat']} untuk {i.kode} tersaji {tertulis(s)}, "
                 f"padahal target Renstra tahun {k.data.tahun} {renstra}.")
        hasil.append(k.temuan("galat", "pk-target-renstra", "pk_indikator", r["_baris"],
                              f"PK {r['kode_pejabat']} no {r['no']}", pesan,
                              kunci_id=_kunci_pk(r), tersaji=tertulis(s), terhitung=renstra))
    return hasil


PEMERIKSA = (cek_pk_rincian, cek_pk_tw_anggaran, cek_pk_anggaran_dpa, cek_pk_tw_target,
             cek_pk_renstra, cek_pk_target)
BANDING: dict = {}
