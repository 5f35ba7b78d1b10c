"""The decisions an office would take on every galat of the example, as test input.

`tests/fixtures/keputusan/bantarbolang/2023/keputusan.csv` is written from `PUTUSAN` by
``python -m tests.keputusan_contoh`` (run it again if the finding ids change); a test checks
that the file decides every galat of the current checks and nothing else. The decisions are
the office's, by rule and stated figure: the IKM stays as the kecamatan reported it (82,94,
tersaji), everything else follows the data (terhitung), and the Camat's signed PK total stays
(the row above it was the typo, which the DPA correction note shows). The numbers typed in the
narrative that contradict the model (rules narasi-*) are decided terhitung too: the edition then
prints the figure of its own model there (82,94 and 101,15 for the IKM, as decided above).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

BERKAS = Path(__file__).parent / "fixtures" / "keputusan" / "bantarbolang" / "2023" / \
    "keputusan.csv"
ALASAN_IKM = "IKM 82,94 adalah nilai resmi yang dilaporkan kepada Bagian Organisasi"
# (rule, besaran, kunci) → (putusan, alasan); None matches any besaran/kunci of that rule
PUTUSAN = {
    ("realisasi-indikator", "realisasi", "IKU-01"): ("tersaji", ALASAN_IKM),
    ("capaian-indikator", "capaian", "IKU-01"): ("tersaji", "mengikuti IKM 82,94"),
    ("ikm", "ikm_tahun", None): ("tersaji", ALASAN_IKM),
    ("ikm-tahun-periode", "ikm_tahun", None): ("tersaji", ALASAN_IKM),
    ("pk-jumlah-anggaran", "pk_total_anggaran", "camat"): (
        "tersaji", "total PK yang ditandatangani sesuai DPA; baris 6 salah ketik"),
}
TERHITUNG = ("terhitung", "")


def putusan(t) -> tuple[str, str]:
    """The decision on one finding of the example."""
    return PUTUSAN.get((t.aturan, t.besaran, t.kunci), TERHITUNG)


def isi(temuan) -> str:
    """The CSV text deciding every galat of `temuan` (nothing else)."""
    from lkjip.keputusan import KOLOM, id_temuan

    teks = io.StringIO()
    w = csv.writer(teks, lineterminator="\n")
    w.writerow(KOLOM)
    w.writerows([id_temuan(t), *putusan(t)] for t in temuan if t.tingkat == "galat")
    return teks.getvalue()


def main() -> None:
    from lkjip.config import DATA
    from lkjip.muat import muat
    from lkjip.periksa import periksa

    BERKAS.parent.mkdir(parents=True, exist_ok=True)
    BERKAS.write_text(isi(periksa(muat("bantarbolang", 2023, DATA))), encoding="utf-8")
    print(f"ditulis: {BERKAS}")


if __name__ == "__main__":
    main()
