"""Synthetic quarterly realisasi for the demo kecamatan (issue 18), called by `lkjip.sintetis`.

`berkas_triwulan(seed, th, h)` reads back the PK files the yearly generator wrote for one
kecamatan-year and writes ``realisasi_pk_tw.csv``, ``realisasi_anggaran_tw.csv`` and
``penjelasan_tw.csv`` in the data model: TW I–IV for 2021–2023, TW I–III for 2024 (the year in
progress). Drawn from its own numpy Generator ``(seed, kecamatan, tahun, 4)``, so the yearly
files do not change.

The quarters agree with the year where the year is stated elsewhere: a 'terakhir' Renstra
indicator ends at its yearly realisasi (IKM, cakupan, Nilai AKIP), IKU-04 (penyerapan) is the
budget's own cumulative penyerapan, and the budget realisasi of each program s.d. TW IV adds up
to its yearly realisasi (`realisasi_anggaran.csv`). IKU-05's quarters are already in
``renstra/realisasi.csv`` (TW rows) and are not repeated. Each kecamatan-year has a pace: some
lag in the middle of the year and catch up in TW IV, as offices do. The deliberate errors of
`RENCANA_KESALAHAN_TW` are applied after and listed in the manifest like the others.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import numpy as np

from lkjip.angka import bulatkan
from lkjip.bilangan import baca_angka

TAHUN_BERJALAN, TW_BERJALAN = 2024, 3
# (kecamatan index, tahun, kind), as sintetis.RENCANA_KESALAHAN
RENCANA_KESALAHAN_TW = (
    (3, 2024, "tw_kumulatif_turun"),
    (5, 2024, "tw_lewat"),
    (8, 2023, "tw_melebihi_pagu"),
    (11, 2024, "tw_persen"),
)
RENCANA = {(i, t): j for i, t, j in RENCANA_KESALAHAN_TW}
URUTAN = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
SEBAB = ("Pelaksanaan kegiatan menunggu jadwal dari kabupaten",
         "Sebagian kegiatan bergeser ke triwulan berikutnya",
         "Keterbatasan personel pelaksana pada triwulan ini",
         "Data dari desa belum lengkap diterima")
TINDAK = ("Dijadwalkan ulang pada triwulan berikutnya", "Koordinasi dengan desa dipercepat",
          "Pembagian tugas pelaksana ditata ulang", "")


def _baca(teks: str) -> list[dict]:
    pemisah = ";" if teks.splitlines()[0].count(";") > teks.splitlines()[0].count(",") else ","
    return list(csv.DictReader(io.StringIO(teks), delimiter=pemisah))


def _angka(teks) -> Decimal | None:
    return None if teks is None or str(teks).strip() == "" else baca_angka(str(teks))


def _csv(baris: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(baris)
    return buf.getvalue()


def _teks(x) -> str:
    if x is None:
        return ""
    d = Decimal(x)
    return str(int(d)) if d == d.to_integral_value() else str(bulatkan(d))


# ---------------------------------------------------------------- indicators


def _naik(rng, akhir: Decimal, n: int, laju: float) -> list[Decimal]:
    """A cumulative path ending at `akhir` in TW IV: never falling, behind plan by `laju`."""
    nilai = [bulatkan(akhir * Decimal(q) / 4 * Decimal(str(min(1.0, laju * rng.uniform(0.97,
                                                                                       1.03)))))
             for q in (1, 2, 3)] + [akhir]
    for q in range(1, 4):
        nilai[q] = max(nilai[q], nilai[q - 1])
    return nilai[:n]


def _realisasi_indikator(rng, r: dict, h, serapan: list, laju: float, n: int) -> list:
    """The quarters of one PK indicator row, as the office types them."""
    kode = r["kode_indikator"]
    target = _angka(r["target"])
    tw = [_angka(r[f"tw{q}"]) for q in range(1, 5)]
    if kode == "IKU-05":
        return [None] * 4  # in renstra/realisasi.csv
    if kode == "IKU-01":  # the IKM measured per semester; TW IV is the year's IKM
        ikm = h.realisasi[kode].bulat
        return [None, bulatkan(ikm * Decimal(str(rng.uniform(0.97, 1.01)))), None, ikm][:n]
    if kode == "IKU-03":
        return [None, None, None, h.realisasi[kode].bulat][:n]
    if kode == "IKU-04":
        return serapan[:n]
    if kode:  # IKU-02, cumulative towards the year's composite value
        return _naik(rng, h.realisasi[kode].bulat, n, 1 - (1 - laju) * 0.6)
    if all(t is None for t in tw):  # a program row in %: a level, rising through the year
        mutu = (1 - (1 - laju) * 0.5) * rng.uniform(0.99, 1.02)
        return [min(target, bulatkan(target * Decimal(str(mutu * (0.92 + 0.025 * q)))))
                for q in range(1, n + 1)]
    return [_per_triwulan(rng, t, laju) for t in tw[:n]]


def _per_triwulan(rng, t: Decimal | None, laju: float) -> Decimal:
    """A summed indicator's quarter: the plan, one less now and then (more often when the
    kecamatan lags), one more rarely."""
    kurang = min(0.9, (1 - laju) * 2.5)
    geser = rng.choice([-1, 0, 1], p=[kurang * 0.5, 1 - kurang * 0.5 - 0.08, 0.08])
    return Decimal(max(0, int(t or 0) + int(geser) if t else int(geser > 0)))


def _sifat(r: dict) -> list[str]:
    """akumulasi_tw, arah, metode of a PK row: empty for a Renstra row (taken from there)."""
    if r["kode_indikator"]:
        return ["", "", ""]
    tw = [r[f"tw{q}"] for q in range(1, 5)]
    return ["terakhir" if all(t == "" for t in tw) else "jumlah", "naik", ""]


# ---------------------------------------------------------------- budget


def _di_bawah(kode: str, atas: str) -> bool:
    return kode == atas or kode.startswith(atas + ".")


def _rincian(rows: list[dict]) -> list[dict]:
    """PK budget rows under which no other row lies (the lines that hold realisasi)."""
    return [a for a in rows if not any(
        URUTAN[b["tingkat"]] > URUTAN[a["tingkat"]]
        and _di_bawah(b["kode_anggaran"], a["kode_anggaran"]) for b in rows)]


def _kumulatif(rng, tahunan: int, kas: list[int], laju: float, n: int) -> list[int]:
    """Cumulative realisasi s.d. each quarter: behind the plan by `laju` in TW I–III, catching
    up to the year's realisasi in TW IV; never falling, never above the year's."""
    total = sum(kas) or 1
    hasil, rencana = [], 0
    for q in range(3):
        rencana += kas[q]
        lag = 1 - (1 - laju) * (3 - q) / 3 * rng.uniform(0.8, 1.2)
        nilai = int(tahunan * rencana / total * min(1.0, lag))
        hasil.append(min(tahunan, max(nilai, hasil[-1] if hasil else 0)))
    return (hasil + [tahunan])[:n]


def _realisasi_anggaran(rng, rows: list[dict], th, laju: float, n: int) -> dict[tuple, list]:
    """(kode_pejabat, no) of each rincian → cumulative realisasi; per program the rincian add
    up to its yearly realisasi in TW IV."""
    rincian = _rincian(rows)
    hasil = {}
    for program, tahunan in th.realisasi_anggaran.items():
        bagian = [a for a in rincian if _di_bawah(a["kode_anggaran"], program)]
        pagu = sum(int(_angka(a["anggaran"])) for a in bagian)
        sisa = tahunan
        for i, a in enumerate(bagian):
            porsi = sisa if i == len(bagian) - 1 else tahunan * int(_angka(a["anggaran"])) // pagu
            sisa -= porsi
            kas = [int(_angka(a[f"tw{q}"]) or 0) for q in range(1, 5)]
            hasil[(a["kode_pejabat"], a["no"])] = _kumulatif(rng, porsi, kas, laju, n)
    return hasil


def _serapan(realisasi: dict, rows: list[dict], n: int) -> list[Decimal]:
    """IKU-04 per quarter: Σ realisasi s.d. TW q / Σ anggaran of the rincian × 100."""
    pagu = sum(int(_angka(a["anggaran"])) for a in _rincian(rows))
    return [bulatkan(Decimal(sum(v[q] for v in realisasi.values())) / pagu * 100)
            for q in range(n)]


# ---------------------------------------------------------------- the files


def berkas_triwulan(seed: int, th, h) -> dict[str, str]:
    """The quarterly files of one kecamatan-year (path under the kecamatan → text)."""
    rng = np.random.default_rng([seed, th.kec.indeks, th.tahun, 4])
    d = str(th.tahun)
    n = TW_BERJALAN if th.tahun == TAHUN_BERJALAN else 4
    laju = float(np.clip(th.kec.serapan + 0.1 * rng.normal(), 0.72, 1.0))
    pk = _baca(th.berkas[f"{d}/pk_indikator.csv"])
    ang = _baca(th.berkas[f"{d}/pk_anggaran.csv"])
    real_ang = _realisasi_anggaran(rng, ang, th, laju, n)
    serapan = _serapan(real_ang, ang, n)
    baris_pk = [["kode_pejabat", "no", "akumulasi_tw", "arah", "metode", "tw1", "tw2", "tw3",
                 "tw4"]]
    jelas = [["kode_pejabat", "no", "triwulan", "penjelasan", "tindak_lanjut"]]
    for r in pk:
        nilai = _realisasi_indikator(rng, r, h, serapan, laju, n)
        baris_pk.append([r["kode_pejabat"], r["no"], *_sifat(r)]
                        + [_teks(v) for v in nilai] + [""] * (4 - len(nilai)))
        jelas += _penjelasan(rng, r, nilai)
    baris_ang = [["kode_pejabat", "no", "tw1", "tw2", "tw3", "tw4"]]
    baris_ang += [[p, no, *v, *[""] * (4 - len(v))] for (p, no), v in real_ang.items()]
    return {f"{d}/realisasi_pk_tw.csv": _csv(baris_pk),
            f"{d}/realisasi_anggaran_tw.csv": _csv(baris_ang),
            f"{d}/penjelasan_tw.csv": _csv(jelas)}


def _penjelasan(rng, r: dict, nilai: list) -> list[list]:
    """An explanation for most quarters in which a summed indicator fell short of its plan."""
    if r["kode_indikator"] or any(r[f"tw{q}"] == "" for q in range(1, 5)):
        return []
    baris, real, rencana = [], Decimal(0), Decimal(0)
    for q, v in enumerate(nilai, start=1):
        real, rencana = real + (v or 0), rencana + (_angka(r[f"tw{q}"]) or 0)
        if real < rencana and rng.random() < 0.7:
            baris.append([r["kode_pejabat"], r["no"], q, str(rng.choice(SEBAB)),
                          str(rng.choice(TINDAK))])
    return baris


# ---------------------------------------------------------------- deliberate errors


def _catat(th, jenis, berkas, baris, kolom, kunci, tertulis, seharusnya, ket) -> dict:
    return dict(kecamatan=th.kec.slug, tahun=th.tahun, jenis=jenis,
                berkas=f"{th.kec.slug}/{th.tahun}/{berkas}", baris=baris, kolom=kolom,
                kunci=kunci, tertulis=tertulis, seharusnya=seharusnya, keterangan=ket)


def _ubah(teks: str, cocok, kolom: str, nilai) -> tuple[str, int, str]:
    """Set `kolom` of the first row `cocok` accepts; the new text, its row, the old value."""
    baris = list(csv.reader(io.StringIO(teks)))
    judul = baris[0]
    i = next(i for i, b in enumerate(baris[1:], start=1) if cocok(dict(zip(judul, b,
                                                                          strict=True))))
    lama = baris[i][judul.index(kolom)]
    baris[i][judul.index(kolom)] = str(nilai)
    return _csv(baris), i + 1, lama


def sisipkan_kesalahan_tw(th, jenis: str) -> dict:
    """Apply one deliberate quarterly error to `th.berkas`; its manifest row."""
    d, f = str(th.tahun), th.berkas
    if jenis == "tw_kumulatif_turun":  # TW III typed per quarter, not s.d. TW III
        nama = f"{d}/realisasi_anggaran_tw.csv"
        rows = _baca(f[nama])
        r = next(r for r in rows if int(r["tw3"]) - int(r["tw2"]) < int(r["tw2"]))
        salah = int(r["tw3"]) - int(r["tw2"])
        f[nama], baris, lama = _ubah(f[nama], lambda x: x == r, "tw3", salah)
        return _catat(th, jenis, "realisasi_anggaran_tw.csv", baris, "tw3",
                      f"{r['kode_pejabat']} {r['no']}", salah, lama,
                      "realisasi TW III ditulis per triwulan, bukan s.d. TW III")
    if jenis == "tw_lewat":  # TW II left empty while TW III is filled
        nama = f"{d}/realisasi_pk_tw.csv"
        r = next(r for r in _baca(f[nama]) if r["akumulasi_tw"] == "jumlah" and r["tw3"])
        f[nama], baris, lama = _ubah(f[nama], lambda x: x == r, "tw2", "")
        return _catat(th, jenis, "realisasi_pk_tw.csv", baris, "tw2",
                      f"{r['kode_pejabat']} {r['no']}", "", lama,
                      "realisasi TW II kosong padahal TW III sudah diisi")
    if jenis == "tw_melebihi_pagu":  # s.d. TW IV above the line's anggaran
        nama = f"{d}/realisasi_anggaran_tw.csv"
        anggaran = {(a["kode_pejabat"], a["no"]): int(_angka(a["anggaran"]))
                    for a in _baca(f[f"{d}/pk_anggaran.csv"])}
        r = _baca(f[nama])[0]
        salah = anggaran[(r["kode_pejabat"], r["no"])] + 5_000_000
        f[nama], baris, lama = _ubah(f[nama], lambda x: x == r, "tw4", salah)
        return _catat(th, jenis, "realisasi_anggaran_tw.csv", baris, "tw4",
                      f"{r['kode_pejabat']} {r['no']}", salah, lama,
                      "realisasi s.d. TW IV melebihi anggaran baris itu (lebih Rp 5.000.000)")
    if jenis == "tw_persen":  # a percentage above 100
        nama = f"{d}/realisasi_pk_tw.csv"
        kode = next(r["no"] for r in _baca(f[f"{d}/pk_indikator.csv"])
                    if r["kode_indikator"] == "IKU-02")
        kolom = f"tw{TW_BERJALAN if th.tahun == TAHUN_BERJALAN else 4}"
        f[nama], baris, lama = _ubah(f[nama], lambda x: x["kode_pejabat"] == "camat"
                                     and x["no"] == kode, kolom, "104.5")
        return _catat(th, jenis, "realisasi_pk_tw.csv", baris, kolom, "camat IKU-02", "104.5",
                      lama, "persentase cakupan layanan di atas 100")
    raise ValueError(jenis)  # pragma: no cover - the plan only names the kinds above
