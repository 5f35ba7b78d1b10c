"""The budget: stated totals against the DPA tree, realisasi against its pagu and its parts."""

from __future__ import annotations

from decimal import Decimal

from lkjip import anggaran as ang
from lkjip.periksa.dasar import (
    Aturan,
    Konteks,
    Temuan,
    angka_row,
    persen,
    rp,
    tak_terbaca,
    tidak_terhitung,
)

ATURAN = (
    Aturan("jumlah-anggaran", "Jumlah anggaran dan rinciannya", ("galat",),
           "stated pagu_murni / pagu_perubahan / selisih_perubahan (per kode and total) vs the "
           "DPA tree; a pagu typed on a DPA row with parts vs its parts; belanja operasi + "
           "modal vs pagu murni; a realisasi row above others vs the leaves under it"),
    Aturan("anggaran-sasaran", "Anggaran program dan sasaran", ("galat",),
           "Tabel 2.2 anggaran_program_sasaran and Tabel 3.6 pagu_sasaran / realisasi_anggaran "
           "vs the DPA and inputs"),
    Aturan("penyerapan", "Penyerapan anggaran", ("galat", "info"),
           "stated penyerapan vs realisasi / pagu × 100"),
    Aturan("realisasi-melebihi-pagu", "Realisasi anggaran melebihi pagu", ("galat",),
           "realisasi anggaran above the pagu it spends (penyerapan over 100 %): each row, "
           "each program and sasaran, the whole"),
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


class _Realisasi:
    """The realisasi rows in their tree (sasaran → program → kegiatan → sub kegiatan): which
    are leaves (added) and which stated totals above them (compared), and each node's pagu."""

    def __init__(self, k: Konteks):
        df, self.k = k.data.realisasi_anggaran, k
        self.induk = ang.induk_realisasi(k.data.anggaran)
        self.node = [(t, str(kode)) for t, kode in zip(df["tingkat"], df["kode"], strict=True)]
        self.nilai = {n: int(v) for n, v in zip(self.node, df["realisasi"], strict=True)}
        self.baris = {n: int(b) for n, b in zip(self.node, df["_baris"], strict=True)}
        self.daun = ang.daun_tercatat(self.induk, self.node)
        tree = k.hasil.anggaran
        self.pagu_kode = dict(zip(tree["kode"].astype(str), tree["pagu_perubahan"], strict=True))

    def pagu(self, n) -> Decimal:
        if n[0] == ang.SASARAN:
            s = self.k.hasil.sasaran.get(n[1])
            return s.pagu.nilai if s is not None else Decimal(0)
        return Decimal(int(self.pagu_kode[n[1]]))

    def daun_di_bawah(self, n) -> list:
        return [m for m in ang.di_bawah(self.induk, n, self.node) if m in self.daun]

    def tanpa_baris(self, n) -> list:
        """Parts of `n` with a pagu and no realisasi row anywhere under them."""
        anak = [m for m, i in self.induk.items() if i == n]
        return [m for m in anak if self.pagu(m) > 0
                and not ang.di_bawah(self.induk, m, self.node)]


def cek_realisasi_anggaran(k: Konteks) -> list[Temuan]:
    """A stated realisasi total against the lowest rows under it (leaves only), and realisasi
    above its pagu at every level: each row, each program and sasaran, the whole."""
    r = _Realisasi(k)
    return _realisasi_bagian(k, r) + _melebihi_pagu(k, r)


def _realisasi_bagian(k: Konteks, r: _Realisasi) -> list[Temuan]:
    hasil = []
    for n in r.node:
        if n in r.daun:
            continue
        bagian = r.daun_di_bawah(n)
        jumlah = sum(r.nilai[m] for m in bagian)
        if jumlah == r.nilai[n]:
            continue
        kurang = r.tanpa_baris(n)
        lagi = f"; {', '.join(f'{t} {kode}' for t, kode in kurang)} tidak punya baris " \
            "realisasi" if kurang else ""
        baris = ", ".join(str(r.baris[m]) for m in bagian)
        pesan = (f"Realisasi anggaran {n[0]} {n[1]} {rp(r.nilai[n])}, padahal jumlah realisasi "
                 f"rinciannya (baris {baris}) {rp(jumlah)}{lagi}.")
        hasil.append(k.temuan("galat", "jumlah-anggaran", "realisasi_anggaran", r.baris[n],
                              f"{n[0]} {n[1]}", pesan, kunci_id=("realisasi_anggaran", *n),
                              tersaji=rp(r.nilai[n]), terhitung=rp(jumlah)))
    return hasil


def _melebihi_pagu(k: Konteks, r: _Realisasi) -> list[Temuan]:
    """Bottom up: each leaf row, then each node above leaves (deepest first), then the whole;
    a level with the same rows and pagu as one already named is not named again."""
    atas = {a for n in r.daun for a in ang.leluhur(r.induk, n)}
    urut = [n for n in r.node if n in r.daun]
    urut += sorted(atas, key=lambda n: -len(ang.leluhur(r.induk, n)))
    hasil, dilihat = [], set()
    for n in urut:
        bagian = r.daun_di_bawah(n)
        jumlah, pagu = sum(r.nilai[m] for m in bagian), r.pagu(n)
        tanda = (frozenset(bagian), pagu)
        if jumlah > pagu and tanda not in dilihat:
            dilihat.add(tanda)
            hasil.append(_temuan_pagu(k, r, n, bagian, jumlah, pagu))
    total = k.hasil.total_realisasi_anggaran.nilai
    pagu = k.hasil.total_pagu.nilai
    if total is not None and total > pagu and (frozenset(r.daun), pagu) not in dilihat:
        hasil.append(_temuan_pagu(k, r, None, [m for m in r.node if m in r.daun], total, pagu))
    return hasil


def _temuan_pagu(k: Konteks, r: _Realisasi, n, bagian, jumlah, pagu) -> Temuan:
    serap = f", penyerapan {persen(Decimal(jumlah) / pagu * 100)} %" if pagu > 0 else ""
    if n is not None and n in r.daun:
        apa, tempat, baris, kunci = f"{n[0]} {n[1]} {rp(jumlah)}", f"{n[0]} {n[1]}", \
            r.baris[n], n
    else:
        nama = "keseluruhan" if n is None else f"{n[0]} {n[1]}"
        daftar = ", ".join(str(r.baris[m]) for m in bagian)
        apa, tempat = f"{nama} {rp(jumlah)} (jumlah baris {daftar})", nama
        baris, kunci = (None if n is None else r.baris.get(n)), (n or ("keseluruhan",))
    pesan = f"Realisasi anggaran {apa} melebihi pagunya {rp(pagu)}{serap}."
    return k.temuan("galat", "realisasi-melebihi-pagu", "realisasi_anggaran", baris, tempat,
                    pesan, kunci_id=kunci, tersaji=rp(jumlah), terhitung=rp(pagu))


def cek_pagu_induk(k: Konteks) -> list[Temuan]:
    """A pagu typed on a DPA row that has parts (a program, a kegiatan with sub kegiatan) is a
    stated total: compared with the sum of its parts, never used."""
    df, tree = k.data.anggaran, k.hasil.anggaran.set_index(k.hasil.anggaran["kode"].astype(str))
    induk = set(ang.induk_kode(df).values()) - {None}
    hasil = []
    for _, row in df.iterrows():
        kode = str(row["kode"])
        for kolom in ("pagu_murni", "pagu_perubahan") if kode in induk else ():
            tertulis_ = ang.nilai_sel(row[kolom])
            jumlah = int(tree.loc[kode, kolom])
            if tertulis_ is None or int(tertulis_) == jumlah:
                continue
            apa = kolom.replace("_", " ").capitalize()
            pesan = (f"{apa} {row['tingkat']} {kode} tertulis {rp(tertulis_)} di anggaran.csv, "
                     f"padahal jumlah rinciannya {rp(jumlah)} (yang dipakai).")
            hasil.append(k.temuan("galat", "jumlah-anggaran", "anggaran", row["_baris"],
                                  f"{row['tingkat']} {kode} ({kolom})", pesan,
                                  kunci_id=("anggaran", kode, kolom), tersaji=rp(tertulis_),
                                  terhitung=rp(jumlah)))
    return hasil


PEMERIKSA = (cek_realisasi_anggaran, cek_pagu_induk)
BANDING = {"belanja": banding_belanja}
