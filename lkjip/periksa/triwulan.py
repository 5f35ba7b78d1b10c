"""Quarterly files (realisasi_pk_tw, realisasi_anggaran_tw): order of reporting, cumulative
series, realisasi above the line's anggaran, higher budget rows, a quarter typed twice, %.

Every rule returns no finding when the kecamatan-year has no quarterly realisasi. The figures
come from `lkjip.triwulan` (the quarters as the report reads them); typed cells are cited by file
and row; a finding's id names the PK row (``tw-urutan/pk/sekcam/1``). An indicator's value
prints as the quarterly report prints it, by its unit (`lkjip.format.format_nilai`: "80,00" %,
"3,5" kasus), so a clerk finds in `lkjip check` the figure the report shows; budget figures
print in rupiah.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from lkjip.akumulasi import RUMUS, akumulasi
from lkjip.folder import indikator_pk
from lkjip.format import format_angka, format_nilai, format_rupiah
from lkjip.periksa.dasar import Aturan
from lkjip.periksa.indikator import _mungkin_ribuan
from lkjip.triwulan import NAMA_TW, TW, AnggaranTw, IndikatorTw, hitung_triwulan

ATURAN = (
    Aturan("tw-urutan", "Urutan pelaporan triwulan", ("galat",),
           "a quarter filled while an earlier one is empty (for an indicator not summed: an "
           "earlier quarter that had a TW target)"),
    Aturan("tw-kumulatif-turun", "Realisasi kumulatif triwulan yang turun",
           ("galat", "peringatan"),
           "a cumulative series that goes down: budget realisasi s.d. TW; a negative quarter of "
           "a summed indicator; peringatan for an indicator entered s.d. TW whose TW targets "
           "rise (maybe entered per quarter)"),
    Aturan("tw-melebihi-pagu", "Realisasi anggaran triwulan melebihi anggaran", ("galat",),
           "budget realisasi s.d. TW above the line's anggaran"),
    Aturan("tw-induk", "Realisasi triwulan baris induk anggaran PK", ("galat",),
           "realisasi typed on a higher budget row: differs from the sum of its rincian, or the "
           "rincian are empty"),
    Aturan("tw-ganda", "Realisasi triwulan tertulis ganda", ("galat",),
           "a quarter in realisasi_pk_tw.csv and in renstra/realisasi.csv with different values"),
    Aturan("tw-persen", "Persentase triwulan di luar 0–100", ("galat",),
           "a TW realisasi in % outside 0–100"),
    Aturan("tw-anggaran-tahun", "Realisasi anggaran s.d. TW IV dan realisasi tahunan",
           ("galat",), "budget realisasi s.d. TW IV of the PK rincian of a DPA code vs that "
           "code's row of realisasi_anggaran.csv"),
    Aturan("tw-tahun", "Realisasi tahun dan keempat triwulannya", ("galat",),
           "a Renstra indicator's year typed as a `tahun` row of renstra/realisasi.csv beside "
           "its four quarters (TW rows there or in realisasi_pk_tw.csv) that make another value"),
)


def _ada_tw(data) -> bool:
    return bool(len(data.realisasi_pk_tw) or len(data.realisasi_anggaran_tw))


def _hasil(k):
    """The quarterly figures up to TW IV (every typed quarter), computed once per context."""
    if not hasattr(k, "_hasil_tw"):
        k._hasil_tw = hitung_triwulan(k.data, 4) if _ada_tw(k.data) else None
    return k._hasil_tw


def _baris(a) -> int | None:
    """The spreadsheet row of a typed cell (the first input of its `Angka`)."""
    s = a.masukan[0] if a is not None and a.masukan else None
    return getattr(s, "baris", None)


def _tabel(a) -> str:
    """The table a typed cell comes from, by its file name."""
    berkas = a.masukan[0].file
    return berkas.rsplit("/", 1)[-1].removesuffix(".csv")


def _tempat(x) -> str:
    return f"PK {x.kode_pejabat} no {x.no}"


def _id(x) -> tuple:
    """The keys of a finding's place: the PK table and row (``pk/sekcam/1``)."""
    return ("anggaran" if isinstance(x, AnggaranTw) else "pk", x.kode_pejabat, x.no)


def _beda(a, b, satuan) -> tuple[str, str]:
    """Two different values of one indicator by the report's rule (`format_nilai`), or with all
    their digits when that rule prints them alike (80 and 80,004 %: both '80,00').

    >>> _beda(Decimal(30), Decimal(0), "%"), _beda(Decimal(80), Decimal("80.004"), "%")
    (('30,00', '0,00'), ('80', '80,004'))
    >>> _beda(Decimal("3.5"), Decimal(3), "kasus")
    ('3,5', '3')
    """
    ta, tb = format_nilai(a, satuan), format_nilai(b, satuan)
    return (ta, tb) if ta != tb else (_seperti_diketik(a), _seperti_diketik(b))


# ---------------------------------------------------------------- tw-urutan


def _kosong_sebelum(x, q: int) -> list[int]:
    """Earlier quarters that are empty and should have been filled before quarter q."""
    if isinstance(x, AnggaranTw) or x.akumulasi == "jumlah":
        return [p for p in range(q) if x.realisasi_tw[p] is None]
    return [p for p in range(q) if x.realisasi_tw[p] is None and x.target_tw[p] is not None]


def cek_urutan(k) -> list:
    """A quarter reported while an earlier one is still empty (the sum s.d. TW breaks)."""
    h = _hasil(k)
    if h is None:
        return []
    hasil = []
    for x in [i for i in h.indikator if _bernilai(i)] + [a for a in h.anggaran if a.rincian]:
        terisi = [q for q in range(4) if x.realisasi_tw[q] is not None]
        if not terisi:
            continue
        kosong = _kosong_sebelum(x, terisi[-1])
        if kosong:
            a = x.realisasi_tw[terisi[-1]]
            sela = ", ".join(NAMA_TW[p] for p in kosong)
            pesan = (f"Realisasi {NAMA_TW[terisi[-1]]} {_tempat(x)} terisi, padahal {sela} masih "
                     "kosong. Isi triwulan yang terlewat (tulis 0 bila memang tidak ada "
                     "realisasi); sel kosong berarti belum dilaporkan.")
            hasil.append(k.temuan("galat", "tw-urutan", _tabel(a), _baris(a), _tempat(x), pesan,
                                  kunci_id=_id(x)))
    return hasil


def _bernilai(i: IndikatorTw) -> bool:
    """Numeric quarters (an a/b indicator is kept as text)."""
    return all(v is None or not isinstance(v, str) for v in i.realisasi_tw)


# ---------------------------------------------------------------- tw-kumulatif-turun


def _turun(deret: list) -> list[tuple[int, int]]:
    """(earlier, later) quarter pairs where a filled value is below the last filled one."""
    pasangan, sebelum = [], None
    for q, a in enumerate(deret):
        if a is None:
            continue
        if sebelum is not None and a.nilai < deret[sebelum].nilai:
            pasangan.append((sebelum, q))
        sebelum = q
    return pasangan


def _jalur_naik(i: IndikatorTw) -> bool:
    """TW targets that accumulate: never falling, and the last above the first."""
    t = [x.nilai for x in i.target_tw if x is not None and not isinstance(x, str)]
    return len(t) >= 2 and all(b >= a for a, b in zip(t, t[1:], strict=False)) and t[-1] > t[0]


def cek_kumulatif_turun(k) -> list:
    """Cumulative values that go down, and negative quarters of a summed indicator."""
    h = _hasil(k)
    if h is None:
        return []
    hasil = []
    for a in (a for a in h.anggaran if a.rincian):
        for p, q in _turun(list(a.realisasi_tw)):
            pesan = (f"Realisasi anggaran s.d. {NAMA_TW[q]} "
                     f"({format_rupiah(a.realisasi_tw[q].nilai)}) lebih kecil dari s.d. "
                     f"{NAMA_TW[p]} ({format_rupiah(a.realisasi_tw[p].nilai)}); "
                     "realisasi anggaran ditulis kumulatif (s.d. akhir triwulan), bukan per "
                     "triwulan.")
            hasil.append(k.temuan("galat", "tw-kumulatif-turun", "realisasi_anggaran_tw",
                                  _baris(a.realisasi_tw[q]), _tempat(a), pesan,
                                  kunci_id=_id(a) + (TW[q],)))
    for i in (i for i in h.indikator if _bernilai(i)):
        hasil += _turun_indikator(k, i)
    return hasil


def _turun_indikator(k, i: IndikatorTw) -> list:
    if i.akumulasi == "jumlah":
        return [k.temuan("galat", "tw-kumulatif-turun", _tabel(a), _baris(a), _tempat(i), (
            f"Realisasi {NAMA_TW[q]} {_tempat(i)} negatif ({format_nilai(a.nilai, i.satuan)}); "
            "indikator ini dijumlahkan per triwulan, sehingga realisasi s.d. triwulan menjadi "
            "turun."),
            kunci_id=_id(i) + (TW[q],))
            for q, a in enumerate(i.realisasi_tw) if a is not None and a.nilai < 0]
    if i.akumulasi != "terakhir" or not _jalur_naik(i):
        return []
    return [_turun_jalur(k, i, p, q) for p, q in _turun(list(i.realisasi_tw))]


def _turun_jalur(k, i: IndikatorTw, p: int, q: int):
    kini, dulu = _beda(i.realisasi_tw[q].nilai, i.realisasi_tw[p].nilai, i.satuan)
    return k.temuan("peringatan", "tw-kumulatif-turun", _tabel(i.realisasi_tw[q]),
                    _baris(i.realisasi_tw[q]), _tempat(i), (
        f"Realisasi s.d. {NAMA_TW[q]} {_tempat(i)} ({kini}) lebih kecil dari s.d. {NAMA_TW[p]} "
        f"({dulu}), padahal target triwulannya naik (nilai kumulatif). Periksa apakah triwulan "
        "ini diisi per triwulan, bukan s.d. akhir triwulan."), kunci_id=_id(i) + (TW[q],))


# ---------------------------------------------------------------- tw-melebihi-pagu


def cek_melebihi_pagu(k) -> list:
    """Budget realisasi s.d. TW above the anggaran of its line (the first quarter it does)."""
    h = _hasil(k)
    if h is None:
        return []
    hasil = []
    for a in (a for a in h.anggaran if a.rincian and a.anggaran.nilai is not None):
        lebih = [q for q, r in enumerate(a.realisasi_tw) if r is not None
                 and r.nilai > a.anggaran.nilai]
        if lebih:
            r = a.realisasi_tw[lebih[0]]
            pesan = (f"Realisasi anggaran s.d. {NAMA_TW[lebih[0]]} {_tempat(a)} "
                     f"{format_rupiah(r.nilai)} melebihi anggarannya "
                     f"{format_rupiah(a.anggaran.nilai)}.")
            hasil.append(k.temuan("galat", "tw-melebihi-pagu", "realisasi_anggaran_tw",
                                  _baris(r), _tempat(a), pesan, kunci_id=_id(a),
                                  tersaji=format_rupiah(r.nilai),
                                  terhitung=format_rupiah(a.anggaran.nilai)))
    return hasil


# ---------------------------------------------------------------- tw-induk


def cek_induk(k) -> list:
    """Realisasi typed on a higher budget row: compared with the sum of its rincian."""
    h = _hasil(k)
    if h is None:
        return []
    induk = {a.kunci: a for a in h.anggaran if not a.rincian}
    hasil = []
    for _, r in k.data.realisasi_anggaran_tw.iterrows():
        a = induk.get((str(r["kode_pejabat"]), int(r["no"])))
        if a is None:
            continue
        for q, kolom in enumerate(TW):
            if pd.isna(r[kolom]):
                continue
            hasil += _banding_induk(k, a, q, Decimal(int(r[kolom])), int(r["_baris"]))
    return hasil


def _banding_induk(k, a: AnggaranTw, q: int, tertulis: Decimal, baris: int) -> list:
    jumlah = a.realisasi_tw[q]
    if jumlah is None:
        pesan = (f"Realisasi s.d. {NAMA_TW[q]} diisi pada {_tempat(a)} ({a.tingkat}), padahal "
                 "rinciannya belum diisi. Isi realisasi pada baris rincian; baris induk "
                 "dihitung dari jumlah rinciannya.")
        return [k.temuan("galat", "tw-induk", "realisasi_anggaran_tw", baris, _tempat(a), pesan,
                         kunci_id=_id(a) + (TW[q],), tersaji=format_rupiah(tertulis))]
    if jumlah.nilai == tertulis:
        return []
    pesan = (f"Realisasi s.d. {NAMA_TW[q]} {_tempat(a)} tertulis {format_rupiah(tertulis)}, "
             f"padahal jumlah rinciannya {format_rupiah(jumlah.nilai)}.")
    return [k.temuan("galat", "tw-induk", "realisasi_anggaran_tw", baris, _tempat(a), pesan,
                     kunci_id=_id(a) + (TW[q],), tersaji=format_rupiah(tertulis),
                     terhitung=format_rupiah(jumlah.nilai))]


# ---------------------------------------------------------------- tw-ganda


def cek_ganda(k) -> list:
    """A quarter of a Renstra indicator typed in both TW files with different values."""
    if not len(k.data.realisasi_pk_tw):
        return []
    pk = indikator_pk(k.data)
    satuan = dict(zip(k.data.indikator["kode_indikator"], k.data.indikator["satuan"],
                      strict=True))
    renstra = k.data.realisasi[k.data.realisasi["tahun"] == k.data.tahun]
    renstra = {(r["kode_indikator"], r["periode"]): r for _, r in renstra.iterrows()}
    hasil = []
    for _, r in k.data.realisasi_pk_tw.iterrows():
        kode = pk.get((str(r["kode_pejabat"]), int(r["no"])))
        for kolom in TW:
            lain = renstra.get((kode, kolom.upper()))
            if lain is None or r[f"{kolom}_angka"] != r[f"{kolom}_angka"] \
                    or pd.isna(lain["realisasi"]) or lain["realisasi"] == r[f"{kolom}_angka"]:
                continue
            sini, sana = _beda(Decimal(str(r[f"{kolom}_angka"])),
                               Decimal(str(lain["realisasi"])), satuan.get(kode))
            pesan = (f"Realisasi {NAMA_TW[TW.index(kolom)]} {kode} tertulis {sini} di sini, "
                     f"tetapi {sana} di renstra/realisasi.csv baris {lain['_baris']}. Satu "
                     "angka, satu nilai: samakan keduanya.")
            hasil.append(k.temuan("galat", "tw-ganda", "realisasi_pk_tw", r["_baris"],
                                  f"PK {r['kode_pejabat']} no {r['no']}", pesan,
                                  kunci_id=("pk", r["kode_pejabat"], r["no"], kolom)))
    return hasil


def _seperti_diketik(x) -> str:
    """A typed number without the float's trailing zero: 0,0 read from a cell is printed 0.

    >>> _seperti_diketik(0.0), _seperti_diketik(35.0), _seperti_diketik(82.5), _seperti_diketik(100)
    ('0', '35', '82,5', '100')
    """
    d = Decimal(str(x))
    return format_angka(d, 0 if d == d.to_integral_value() else None)


# ---------------------------------------------------------------- tw-tahun


def _dua_desimal(d: Decimal) -> Decimal:
    return d.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


def cek_tahun(k) -> list:
    """A year typed twice: a `tahun` row of renstra/realisasi.csv for this year beside all four
    quarters of the indicator (TW rows of renstra/realisasi.csv, a quarter of
    realisasi_pk_tw.csv replacing its row there) that make, by `akumulasi_tw`, another value
    (compared half-up to 2 decimals). The yearly figures use the `tahun` row and the quarterly
    tables the quarters: without this rule the report printed 10 kejadian in Tabel 3.2 and 9 s.d.
    TW IV beside it without a word. Only indicators typed directly (`langsung`)."""
    d = k.data
    ini = d.realisasi[d.realisasi["tahun"] == d.tahun]
    tahun = {r["kode_indikator"]: r for _, r in ini[ini["periode"] == "tahun"].iterrows()
             if not pd.isna(r["realisasi"])}
    if not tahun:
        return []
    tw: dict[str, list] = {}
    for _, r in ini[ini["periode"].isin([q.upper() for q in TW])].iterrows():
        if not pd.isna(r["realisasi"]):
            tw.setdefault(r["kode_indikator"], [None] * 4)[TW.index(r["periode"].lower())] = (
                Decimal(str(r["realisasi"])), ("renstra/realisasi.csv", int(r["_baris"])))
    pk = indikator_pk(d)
    for _, r in d.realisasi_pk_tw.iterrows():
        kode = pk.get((str(r["kode_pejabat"]), int(r["no"])))
        if kode not in tahun:
            continue
        for q, kolom in enumerate(TW):
            v = r[f"{kolom}_angka"]
            if not pd.isna(v):
                tw.setdefault(kode, [None] * 4)[q] = (
                    Decimal(str(v)), ("realisasi_pk_tw.csv", int(r["_baris"])))
    hasil = []
    for _, i in d.indikator.iterrows():
        kode, r = i["kode_indikator"], tahun.get(i["kode_indikator"])
        q = tw.get(kode)
        if r is None or q is None or None in q or i["sumber_realisasi"] != "langsung":
            continue
        nilai = akumulasi([v for v, _ in q], i["akumulasi_tw"])
        ditulis = Decimal(str(r["realisasi"]))
        if _dua_desimal(nilai) == _dua_desimal(ditulis):
            continue
        berkas: dict[str, list[int]] = {}
        for _, (nama, baris) in q:
            if baris not in berkas.setdefault(nama, []):
                berkas[nama].append(baris)
        asal = [f"{nama} baris {', '.join(map(str, b))}" for nama, b in berkas.items()]
        # different at two decimals, so different as printed by the unit too
        tahunan, hitung = format_nilai(ditulis, i["satuan"]), format_nilai(nilai, i["satuan"])
        triwulan = ", ".join(format_nilai(v, i["satuan"]) for v, _ in q)
        pesan = (f"Realisasi {d.tahun} {kode} ({i['indikator']}) tertulis {tahunan} pada baris "
                 f"periode 'tahun', padahal keempat triwulannya ({', '.join(asal)}; "
                 f"{triwulan}) menurut akumulasi_tw '{i['akumulasi_tw']}' "
                 f"({RUMUS[i['akumulasi_tw']]}) menghasilkan {hitung}. "
                 "Capaian tahunan memakai baris 'tahun', tabel triwulan memakai triwulannya: "
                 + ("samakan keduanya, atau hapus baris 'tahun' agar tahunnya dihitung dari "
                    "triwulan." if list(berkas) == ["renstra/realisasi.csv"]
                    else "samakan keduanya."))
        hasil.append(k.temuan("galat", "tw-tahun", "realisasi", r["_baris"],
                              f"realisasi {kode} {d.tahun}", pesan, kunci_id=(kode,),
                              tersaji=tahunan, terhitung=hitung))
    return hasil


# ---------------------------------------------------------------- tw-anggaran-tahun


def cek_anggaran_tahun(k) -> list:
    """The budget realisasi s.d. TW IV of the PK rincian of one DPA code (summed when several
    rincian point to it, and only when each has TW IV) against that code's own row of
    realisasi_anggaran.csv: the LKjIP prints the year's row and the quarterly report of TW IV the
    cumulative one, so two documents of the office would differ (Watukumpul, kegiatan 3.1:
    60.950.000 in realisasi_anggaran.csv, 59.950.000 s.d. TW IV, without a word)."""
    h = _hasil(k)
    ra = k.data.realisasi_anggaran
    if h is None or not len(ra):
        return []
    kelompok: dict[str, list] = {}
    for a in h.anggaran:
        if a.rincian:
            kelompok.setdefault(str(a.kode_anggaran), []).append(a)
    tahun = {str(r["kode"]): r for _, r in ra.iterrows() if not pd.isna(r["realisasi"])}
    hasil = []
    for kode, daftar in kelompok.items():
        r = tahun.get(kode)
        akhir = [a.realisasi_tw[3] for a in daftar]
        if r is None or None in akhir:
            continue
        jumlah = sum((x.nilai for x in akhir), Decimal(0))
        ditulis = Decimal(str(r["realisasi"]))
        if jumlah == ditulis:
            continue
        baris = ", ".join(str(_baris(x)) for x in akhir)
        pesan = (f"Realisasi anggaran {kode} tertulis {format_rupiah(ditulis)} di "
                 f"realisasi_anggaran.csv, padahal realisasi s.d. TW IV baris PK-nya "
                 f"({', '.join(_tempat(a) for a in daftar)}; realisasi_anggaran_tw.csv baris "
                 f"{baris}) {format_rupiah(jumlah)}. LKjIP memakai angka tahunan, laporan "
                 "triwulan IV memakai angka s.d. TW IV: samakan keduanya.")
        hasil.append(k.temuan("galat", "tw-anggaran-tahun", "realisasi_anggaran",
                              r["_baris"], f"anggaran {kode}", pesan, kunci_id=(kode,),
                              tersaji=format_rupiah(ditulis), terhitung=format_rupiah(jumlah)))
    return hasil


# ---------------------------------------------------------------- tw-persen


def _kolom(a, q: int) -> str:
    """' (kolom tw1)' for a quarter typed in realisasi_pk_tw.csv, where the row holds four."""
    return f" (kolom {TW[q]})" if _tabel(a) == "realisasi_pk_tw" else ""


def cek_persen(k) -> list:
    """A quarterly realisasi in % outside 0–100."""
    h = _hasil(k)
    if h is None:
        return []
    return [k.temuan("galat", "tw-persen", _tabel(a), _baris(a), _tempat(i), (
        f"Realisasi {NAMA_TW[q]} {_tempat(i)} bernilai {format_nilai(a.nilai, i.satuan)} %, "
        f"di luar rentang 0–100{_kolom(a, q)}.") + _mungkin_ribuan(a.nilai, 0, 100),
        kunci_id=_id(i) + (TW[q],))
        for i in h.indikator if i.satuan.strip() == "%" and _bernilai(i)
        for q, a in enumerate(i.realisasi_tw) if a is not None and not 0 <= a.nilai <= 100]


PEMERIKSA = (cek_urutan, cek_kumulatif_turun, cek_melebihi_pagu, cek_induk, cek_ganda,
             cek_persen, cek_tahun, cek_anggaran_tahun)
BANDING: dict = {}
