"""Figures the office's decisions fix: the edition's computed model follows ``keputusan.csv``.

A ``tersaji`` decision on a finding about a stated figure says: the figure the office stated
is the official one. The edition then prints it, and every figure computed from it follows:
a stated realisasi of the IKM indicator (82,94 instead of the computed 82,78) gives its
capaian 82,94 / 82 × 100 = 101,15, the capaian of its sasaran, the overall capaian and their
categories. So a decision is applied inside the computation (`lkjip.hitung.hitung` with
``tetap``), never pasted into one table cell, and the tables cannot contradict each other.

`tetapan` turns the decisions into ``{path: Angka}`` (paths as ``lkjip jelaskan`` names
figures). Each fixed figure carries its provenance: the stated value's row in tersaji.csv and
the decision's row in keputusan.csv. A figure that IS another one is fixed once, at its
source: the realisasi of an indicator measured by the IKM is the year's IKM (``ikm/tahun``),
that of a composite indicator is its root node (``komposit/<root>``).

Refused, with a message naming the decision's row (`LkjipError`):
- two ``tersaji`` decisions fixing one figure at different values (the seed states the
  capaian of sasaran S1 twice, 101,15 and 87,86: only one can be official);
- ``tersaji`` on a figure the edition computes straight from the inputs (a budget total, a
  count of a list, the Renstra year): correct the input instead, or decide ``terhitung``.
A ``tersaji`` decision on a signed PK's figure fixes nothing: the PK is reproduced as signed
anyway, and the decision only removes the correction note (`lkjip.susun.kaki_pk`). Nor does
one on a number typed in the office's narrative (rules ``narasi-*``): it keeps the text as
typed in the edition (`lkjip.tampil_narasi`).
``terhitung`` decisions fix nothing either: the computed figure is what the edition prints.

>>> kanonik("komposit/CL", {}, {})
'komposit/CL'
>>> kanonik("realisasi/IKU-01", {"IKU-01": "ikm"}, {})
'ikm/tahun'
"""

from __future__ import annotations

import re
from decimal import Decimal

from lkjip import keputusan as kp
from lkjip.angka import Angka, Sumber
from lkjip.galat import LkjipError, Masalah

# the kinds of path a tersaji decision may fix (the computation applies them, `lkjip.hitung`)
DAPAT_DITETAPKAN = re.compile(r"(ikm/tahun|komposit/.+|realisasi/.+|capaian/.+|progres/.+"
                              r"|sasaran/.+|penyerapan(/.+)?)")
TANPA_ANGKA = re.compile(r"pk_total_(anggaran|tw[1-4])")  # the PK is reproduced as signed
HANYA_TEKS = re.compile(r"narasi-.+")  # a narrative's typed number: the text is kept as typed
RUMUS = "angka tersaji, dipakai menurut keputusan kantor"


def kanonik(jalur: str, sumber: dict[str, str], akar: dict[str, str]) -> str:
    """The path a decision fixes: a realisasi measured by the IKM or by a composite is fixed
    at its source. `sumber`: indicator → sumber_realisasi; `akar`: indicator → composite root.
    """
    if jalur == "penyerapan":
        return "penyerapan/total"
    if jalur.startswith("realisasi/"):
        kode = jalur.split("/", 1)[1]
        if sumber.get(kode) == "ikm":
            return "ikm/tahun"
        if sumber.get(kode) == "komposit" and kode in akar:
            return f"komposit/{akar[kode]}"
    return jalur


def _nilai_tersaji(data, t) -> tuple[Decimal, Sumber] | None:
    """The stated value of a finding (its row of tersaji.csv) as a number, with provenance."""
    from lkjip.bilangan import baca_angka

    df = data.tersaji
    baris = df[df["_baris"] == t.baris]
    if not len(baris):
        return None
    teks = str(baris.iloc[0]["nilai"])
    try:
        nilai = baca_angka(teks)
    except ValueError:
        return None
    berkas = data.berkas.get("tersaji", "tersaji.csv")
    return nilai, Sumber(berkas, int(t.baris), "nilai", teks)


def _peta_indikator(data) -> tuple[dict, dict]:
    sumber = dict(zip(data.indikator["kode_indikator"], data.indikator["sumber_realisasi"],
                      strict=True))
    df = data.komposit
    akar = {k: n for k, n in zip(df["kode_indikator"], df["kode_node"], strict=True)
            if isinstance(k, str) and k}
    return sumber, akar


def _berkas_keputusan(data) -> str:
    return f"{data.kecamatan}/{data.tahun}/{kp.NAMA_BERKAS}"


def jalur_tersaji(hasil, besaran: str, kunci) -> str | None:
    """The path of the computed figure a stated one states (`lkjip.katalog`), or None."""
    from lkjip.katalog import jalur_tersaji as jalur

    return jalur(besaran, kunci, hasil)


def tetapan(data, hasil, keadaan: kp.Keadaan) -> dict[str, Angka]:
    """``{path: Angka}`` of the figures fixed by ``tersaji`` decisions (see the module)."""
    sumber, akar = _peta_indikator(data)
    tetap: dict[str, tuple[Angka, object]] = {}
    masalah = []
    for t in keadaan.temuan:
        p = keadaan.putusan_untuk(t)
        if p is None or p.putusan != kp.TERSAJI or TANPA_ANGKA.fullmatch(str(t.besaran)) \
                or HANYA_TEKS.fullmatch(t.aturan):
            continue
        jalur = jalur_tersaji(hasil, t.besaran, t.kunci) if t.besaran else None
        nilai = _nilai_tersaji(data, t) if jalur else None
        if jalur is None or nilai is None or not DAPAT_DITETAPKAN.fullmatch(jalur):
            masalah.append(_tidak_dapat(data, t, p))
            continue
        jalur = kanonik(jalur, sumber, akar)
        angka = Angka(nilai[0], RUMUS, (nilai[1], Sumber(_berkas_keputusan(data), p.baris,
                                                         "putusan", kp.TERSAJI)),
                      label=f"{jalur} (tersaji)")
        lama = tetap.get(jalur)
        if lama is not None and lama[0].nilai != angka.nilai:
            masalah.append(_bentrok(data, jalur, lama, (angka, p)))
            continue
        tetap.setdefault(jalur, (angka, p))
    if masalah:
        raise LkjipError(masalah)
    return {j: a for j, (a, _) in tetap.items()}


def _tidak_dapat(data, t, p) -> Masalah:
    return Masalah(_berkas_keputusan(data), p.baris, "putusan", kp.TERSAJI, pesan=(
        f"putusan 'tersaji' untuk temuan '{p.temuan}' tidak dapat diterapkan: angka atau "
        "kategori ini dihitung langsung dari data masukan atau mengikuti angka lain, sehingga "
        "tidak dapat ditetapkan sendiri. Betulkan data masukannya, putuskan 'tersaji' pada angka "
        "asalnya (mis. realisasi atau capaian), atau putuskan 'terhitung'."))


def _bentrok(data, jalur: str, lama, baru) -> Masalah:
    from lkjip.format import format_angka

    (a1, p1), (a2, p2) = lama, baru
    return Masalah(_berkas_keputusan(data), p2.baris, "putusan", kp.TERSAJI, pesan=(
        f"dua putusan 'tersaji' menetapkan angka yang sama ({jalur}) dengan nilai berbeda: "
        f"{format_angka(a1.nilai, None)} (baris {p1.baris}, temuan '{p1.temuan}') dan "
        f"{format_angka(a2.nilai, None)} (baris {p2.baris}, temuan '{p2.temuan}'). Hanya satu "
        "yang dapat resmi; putuskan yang lain 'terhitung'."))
