"""The budget: stated totals against the DPA tree, realisasi against its pagu and its parts."""

from __future__ import annotations

from decimal import Decimal

from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    angka_row,
    daftar_baris,
    rp,
    tak_terbaca,
    tidak_terhitung,
)

ATURAN = (
    Aturan("jumlah-anggaran", "Jumlah anggaran dan rinciannya", ("galat",),
           "stated pagu_murni / pagu_perubahan / selisih_perubahan (per kode and total) vs the "
           "DPA tree; belanja operasi + modal vs pagu murni; a realisasi row vs its parts"),
    Aturan("anggaran-sasaran", "Anggaran program dan sasaran", ("galat",),
           "Tabel 2.2 anggaran_program_sasaran and Tabel 3.6 pagu_sasaran / realisasi_anggaran "
           "vs the DPA and inputs"),
    Aturan("penyerapan", "Penyerapan anggaran", ("galat", "info"),
           "stated penyerapan vs realisasi / pagu × 100"),
    Aturan("realisasi-melebihi-pagu", "Realisasi anggaran melebihi pagu", ("galat",),
           "realisasi anggaran above the pagu it spends"),
)


def banding_belanja(k: Konteks, row, baca) -> list[Temuan]:
    """Belanja operasi + belanja modal vs the pagu murni total (checked on the operasi row)."""
    lain = k.tersaji_dari(baca.jenis.pasangan)
    if not lain:
        return tidak_terhitung(k, row, "rincian belanja per jenis tidak ada di data; hanya "
                               "jumlah belanja operasi dan modal yang dapat diperiksa")
    if row["besaran"] == "belanja_modal":
        return []
    a, b = angka_row(row), angka_row(lain[0])
    if a is None or b is None:
        return tak_terbaca(k, row)
    c = baca.angka(k.hasil).nilai
    if a + b == c:
        return []
    pesan = (f"Belanja operasi {rp(a)} + belanja modal {rp(b)} = {rp(a + b)}, padahal "
             f"pagu murni terhitung {rp(c)}.")
    return [k.dari_tersaji(row, "galat", "jumlah-anggaran", pesan, rp(a + b), rp(c))]


def cek_realisasi_anggaran(k: Konteks) -> list[Temuan]:
    """Realisasi above its pagu, and a realisasi row against the rows of its parts."""
    df, tree = k.data.realisasi_anggaran, k.hasil.anggaran.set_index("kode")
    hasil = []
    for _, r in df.iterrows():
        pagu = k.hasil.sasaran[r["kode"]].pagu.nilai if r["tingkat"] == "sasaran" \
            else Decimal(int(tree.loc[r["kode"], "pagu_perubahan"]))
        if int(r["realisasi"]) > pagu:
            pesan = (f"Realisasi anggaran {r['tingkat']} {r['kode']} {rp(r['realisasi'])} "
                     f"melebihi pagunya {rp(pagu)}.")
            hasil.append(k.temuan("galat", "realisasi-melebihi-pagu", "realisasi_anggaran",
                                  r["_baris"], f"{r['tingkat']} {r['kode']}", pesan,
                                  kunci_id=(r["tingkat"], r["kode"]),
                                  tersaji=rp(r["realisasi"]), terhitung=rp(pagu)))
        hasil += _realisasi_bagian(k, r)
    return hasil


def _realisasi_bagian(k: Konteks, r) -> list[Temuan]:
    df, tree = k.data.realisasi_anggaran, k.hasil.anggaran
    if r["tingkat"] == "sasaran":
        anak = set(tree.loc[(tree["tingkat"] == "program")
                            & (tree["kode_sasaran"] == r["kode"]), "kode"])
        bagian = df[(df["tingkat"] == "program") & df["kode"].isin(anak)]
    else:
        anak = set(tree.loc[tree["kode_induk"] == r["kode"], "kode"])
        bagian = df[(df["tingkat"] != "sasaran") & df["kode"].isin(anak)]
    if not len(bagian):
        return []
    jumlah = sum(int(v) for v in bagian["realisasi"])
    if jumlah == int(r["realisasi"]):
        return []
    pesan = (f"Realisasi anggaran {r['tingkat']} {r['kode']} {rp(r['realisasi'])}, padahal "
             f"jumlah realisasi rinciannya (baris {daftar_baris(bagian)}) {rp(jumlah)}.")
    return [k.temuan("galat", "jumlah-anggaran", "realisasi_anggaran", r["_baris"],
                     f"{r['tingkat']} {r['kode']}", pesan,
                     kunci_id=("realisasi_anggaran", r["tingkat"], r["kode"]),
                     tersaji=rp(r["realisasi"]), terhitung=rp(jumlah))]


PEMERIKSA = (cek_realisasi_anggaran,)
BANDING = {"belanja": banding_belanja}
