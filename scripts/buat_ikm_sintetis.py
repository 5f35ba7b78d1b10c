"""Generate SYNTHETIC raw IKM answers for Kecamatan Bantarbolang 2023.

The published LKjIP 2023 gives only aggregates of its Survei Kepuasan Masyarakat:
277 respondents, IKM semester 1 = 82,61, semester 2 = 82,94, highest unsur Perilaku
Pelaksana 90,05, lowest unsur Penanganan Pengaduan 69,16. The raw answers are not
published. This script builds 277 plausible respondents whose aggregates reproduce
those figures, so that the IKM code path can run on a real-looking example:

- per semester, IKM = (sum over the 9 unsur of NRR) / 9 x 25, NRR = sum of answers /
  respondents, rounded once, half-up, to 2 decimals, equals the published value exactly;
- over the whole year (all 277 respondents pooled), the highest unsur (NRR x 25) is
  perilaku and the lowest is pengaduan, each as close to 90,05 / 69,16 as 277
  respondents allow (a pooled value moves in steps of 25/277 = 0,09). Where possible the
  mean of the two semesters' unsur values hits 90,05 / 69,16 exactly.

The respondent counts per semester and the answer sums per semester and unsur are found by
search; the individual answers are then drawn with a fixed-seed numpy Generator and nudged
until every column sum is exact. Everything is asserted on the file as written.

Usage: python scripts/buat_ikm_sintetis.py [output.csv]
Default output: data/bantarbolang/2023/ikm_responden_sintetis.csv
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20230277
N_TOTAL = 277
TARGET_SEMESTER = {"S1": Decimal("82.61"), "S2": Decimal("82.94")}
TARGET_TINGGI = ("perilaku", Decimal("90.05"))
TARGET_RENDAH = ("pengaduan", Decimal("69.16"))

# Column order as many questionnaires print it: sarana before pengaduan.
UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku",
         "sarana", "pengaduan"]
# Relative NRR profile of the seven other unsur (scaled to the semester total).
PROFIL = {"persyaratan": 3.36, "prosedur": 3.31, "waktu": 3.22, "biaya": 3.52, "produk": 3.30,
          "kompetensi": 3.40, "sarana": 3.18}
LAYANAN = [("Pengantar KTP-el/KK", 0.30), ("Legalisasi dokumen", 0.20), ("Rekomendasi", 0.15),
           ("Surat keterangan ahli waris", 0.10), ("Pengantar SKCK", 0.10),
           ("Dispensasi nikah", 0.05), ("Surat keterangan tidak mampu", 0.10)]

OUT_DEFAULT = (Path(__file__).resolve().parents[1] / "data" / "bantarbolang" / "2023"
               / "ikm_responden_sintetis.csv")


def bulat(x: Fraction) -> Decimal:
    """Half-up to 2 decimals of an exact fraction."""
    hasil = Decimal(x.numerator) / Decimal(x.denominator)
    return hasil.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ikm(total: int, n: int) -> Decimal:
    return bulat(Fraction(25 * total, 9 * n))


def nilai(sum_: int, n: int) -> Fraction:
    return Fraction(25 * sum_, n)


def terdekat(target: Decimal, n: int) -> int:
    """Pooled answer sum whose NRR x 25 is closest to target."""
    return min(range(n, 4 * n + 1), key=lambda s: abs(nilai(s, n) - Fraction(str(target))))


def cari_rencana():
    """Search semester sizes and per-semester sums for perilaku/pengaduan and the IKM totals."""
    p_tot = terdekat(TARGET_TINGGI[1], N_TOTAL)
    q_tot = terdekat(TARGET_RENDAH[1], N_TOTAL)
    best = None
    for n1 in sorted(range(100, 178), key=lambda k: abs(k - N_TOTAL / 2)):
        n2 = N_TOTAL - n1
        t1 = [t for t in range(9 * n1, 36 * n1 + 1) if ikm(t, n1) == TARGET_SEMESTER["S1"]]
        t2 = [t for t in range(9 * n2, 36 * n2 + 1) if ikm(t, n2) == TARGET_SEMESTER["S2"]]
        if not t1 or not t2:
            continue

        def split(total, target, n1=n1, n2=n2):
            # split so both semesters stay near the target; prefer an exact mean of semesters
            opts = []
            for a in range(n1, 4 * n1 + 1):
                b = total - a
                if not n2 <= b <= 4 * n2:
                    continue
                mean = bulat((nilai(a, n1) + nilai(b, n2)) / 2)
                gap = abs(nilai(a, n1) - nilai(b, n2))
                opts.append((mean != target, gap, a, b))
            return min(opts)

        sp = split(p_tot, TARGET_TINGGI[1])
        sq = split(q_tot, TARGET_RENDAH[1])
        score = (sp[0] + sq[0], abs(n1 - N_TOTAL / 2))
        if best is None or score < best[0]:
            best = (score, n1, n2, t1[len(t1) // 2], t2[len(t2) // 2], sp[2:], sq[2:])
        if score[0] == 0:
            break
    _, n1, n2, t1, t2, (p1, p2), (q1, q2) = best
    return {"S1": (n1, t1, p1, q1), "S2": (n2, t2, p2, q2)}


def jumlah_unsur(n: int, total: int, p: int, q: int) -> dict[str, int]:
    """Per-unsur answer sums for one semester: perilaku p, pengaduan q, the rest by PROFIL."""
    sisa = total - p - q
    w = np.array(list(PROFIL.values()))
    raw = w / w.sum() * sisa
    s = np.floor(raw).astype(int)
    for i in np.argsort(-(raw - s))[: sisa - s.sum()]:
        s[i] += 1
    sums = dict(zip(PROFIL, (int(x) for x in s), strict=True))
    sums["perilaku"], sums["pengaduan"] = p, q
    for u, v in sums.items():
        assert n <= v <= 4 * n, (u, v, n)
        if u not in ("perilaku", "pengaduan"):
            assert q < v < p, (u, v, p, q)
    assert sum(sums.values()) == total
    return sums


def jawaban(rng: np.random.Generator, n: int, target_sum: int) -> np.ndarray:
    """n answers in 1..4 with exactly the given sum."""
    m = target_sum / n
    # probabilities over 1..4 centred on m
    base = np.array([1, 2, 3, 4], dtype=float)
    p = np.exp(-((base - m) ** 2) / 0.55)
    p /= p.sum()
    a = rng.choice(np.arange(1, 5), size=n, p=p)
    while a.sum() != target_sum:
        if a.sum() < target_sum:
            idx = rng.choice(np.flatnonzero(a < 4))
            a[idx] += 1
        else:
            idx = rng.choice(np.flatnonzero(a > 1))
            a[idx] -= 1
    return a


def tanggal_acak(rng, n, awal: date, akhir: date) -> list[str]:
    hari = [awal + timedelta(d) for d in range((akhir - awal).days + 1)]
    hari = [h for h in hari if h.weekday() < 5]
    pilih = sorted(rng.choice(len(hari), size=n, replace=True))
    return [hari[i].isoformat() for i in pilih]


def buat(out: Path) -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    rencana = cari_rencana()
    frames = []
    for periode, (n, total, p, q) in rencana.items():
        sums = jumlah_unsur(n, total, p, q)
        awal, akhir = ((date(2023, 1, 2), date(2023, 6, 30)) if periode == "S1"
                       else (date(2023, 7, 3), date(2023, 12, 29)))
        df = pd.DataFrame({
            "periode": periode,
            "tanggal": tanggal_acak(rng, n, awal, akhir),
            "layanan": rng.choice([x for x, _ in LAYANAN], size=n, p=[w for _, w in LAYANAN]),
        })
        for u in UNSUR:
            df[u] = jawaban(rng, n, sums[u])
        frames.append(df)
    hasil = pd.concat(frames, ignore_index=True)
    hasil.insert(0, "no", range(1, len(hasil) + 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    hasil.to_csv(out, index=False)
    periksa(out)
    return hasil


def periksa(path: Path) -> None:
    df = pd.read_csv(path)
    assert list(df.columns) == ["no", "periode", "tanggal", "layanan", *UNSUR]
    assert len(df) == N_TOTAL and df["no"].is_unique
    assert df[UNSUR].isin([1, 2, 3, 4]).all().all()
    for periode, target in TARGET_SEMESTER.items():
        d = df[df["periode"] == periode]
        got = ikm(int(d[UNSUR].to_numpy().sum()), len(d))
        assert got == target, (periode, got, target)
        print(f"IKM {periode}: n={len(d)}, IKM={got} (target {target})")
    tahun = {u: nilai(int(df[u].sum()), len(df)) for u in UNSUR}
    tinggi = max(tahun, key=tahun.get)
    rendah = min(tahun, key=tahun.get)
    assert tinggi == TARGET_TINGGI[0] and rendah == TARGET_RENDAH[0], (tinggi, rendah)
    for u, t in (TARGET_TINGGI, TARGET_RENDAH):
        got = bulat(tahun[u])
        assert abs(got - t) <= Decimal("0.05"), (u, got, t)
        s = {p: df[df["periode"] == p] for p in TARGET_SEMESTER}
        mean = bulat(sum(nilai(int(d[u].sum()), len(d)) for d in s.values()) / 2)
        print(f"{u}: pooled {got}, mean of semesters {mean} (published {t})")
    sem = {p: ikm(int(df[df.periode == p][UNSUR].to_numpy().sum()), int((df.periode == p).sum()))
           for p in TARGET_SEMESTER}
    rerata = bulat(Fraction(str(sem['S1'])) / 2 + Fraction(str(sem['S2'])) / 2)
    print(f"IKM tahun as mean of semesters: {rerata}; "
          f"pooled: {ikm(int(df[UNSUR].to_numpy().sum()), len(df))}")


if __name__ == "__main__":
    buat(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DEFAULT)
