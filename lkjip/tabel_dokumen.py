"""Tables of the seed's documentary content, from the optional data files: the instrumen
pendukung (``instrumen.csv``), the belanja split (``belanja.csv``), and the legal references
(``rujukan.csv``) that the chapters cite. Views: nothing is computed here but formatting; the
belanja figures come from `lkjip.analisis_dukungan.rincian_belanja`.
"""

from __future__ import annotations

import pandas as pd

from lkjip import analisis_dukungan as dk
from lkjip.format import KOSONG, format_rupiah
from lkjip.tabel import Tabel, _tabel, persen, rupiah

JENIS_BELANJA = {"operasi": "Belanja Operasi", "modal": "Belanja Modal",
                 "tidak_terduga": "Belanja Tidak Terduga", "transfer": "Belanja Transfer"}


def _nama(data) -> str:
    return str(data.profil.get("nama_kecamatan") or data.kecamatan)


def tabel_instrumen(data, nomor: str) -> Tabel | None:
    """Tabel: the applications that support performance management; None without the file."""
    df = data.instrumen
    if not len(df):
        return None
    baris = [[f"{int(r['no'])}.", r["nama"] + (f" ({r['kepanjangan']})" if r["kepanjangan"]
                                                else ""), r["uraian"]]
             for _, r in df.sort_values("no").iterrows()]
    return _tabel(pd.DataFrame(baris, columns=["No.", "Aplikasi", "Kegunaan"]), nomor,
                  "Instrumen Pendukung Pengelolaan Kinerja", uraian=["Kegunaan"],
                  sumber=f"Pemerintah Kabupaten {data.profil.get('kabupaten') or ''}".strip())


def tabel_belanja(data, hasil, nomor: str) -> Tabel | None:
    """Tabel: the budget by jenis belanja before and after the perubahan, with shares; None
    without ``belanja.csv``. The note says whether the totals equal the DPA's."""
    r = dk.rincian_belanja(data, hasil)
    if r is None:
        return None
    tahap = ["Sebelum Perubahan"] + (["Setelah Perubahan"] if _ada_perubahan(r) else [])
    kolom = pd.MultiIndex.from_tuples(
        [("Jenis Belanja", "")] + [(t, k) for t in tahap for k in ("Rp", "%")])
    baris = [[JENIS_BELANJA[b.jenis], rupiah(b.murni), persen(b.porsi_murni),
              rupiah(b.perubahan), persen(b.porsi_perubahan)][:len(kolom)] for b in r.baris]
    baris.append(["Jumlah", rupiah(r.murni), "100,00" if r.murni.nilai else KOSONG,
                  rupiah(r.perubahan), "100,00" if r.perubahan.nilai else KOSONG][:len(kolom)])
    df = pd.DataFrame(baris, index=[b.jenis for b in r.baris] + ["jumlah"], columns=kolom)
    angka = {(b.jenis, kolom[2]): b.porsi_murni for b in r.baris} | ({
        (b.jenis, kolom[4]): b.porsi_perubahan for b in r.baris} if len(tahap) > 1 else {})
    return _tabel(df, nomor, f"Anggaran menurut Jenis Belanja Tahun {data.tahun}", angka=angka,
                  sumber=f"DPA dan DPPA Kecamatan {_nama(data)} {data.tahun}", jumlah=True,
                  catatan=catatan_belanja(r))


def _ada_perubahan(r) -> bool:
    """Whether any jenis belanja has a figure after the perubahan (else its columns go)."""
    return any(b.perubahan.nilai is not None for b in r.baris)


def catatan_belanja(r) -> str:
    """How the split's totals stand to the DPA's (equal, different, or not given)."""
    bagian = []
    for tahap, nama in (("murni", "sebelum perubahan"), ("perubahan", "setelah perubahan")):
        beda = r.selisih(tahap)
        if beda.nilai is None:
            bagian.append(f"rincian jenis belanja {nama} belum tersedia lengkap")
        elif beda.nilai == 0:
            bagian.append(f"jumlah {nama} sama dengan jumlah pagu DPA "
                          f"({format_rupiah(getattr(r, f'dpa_{tahap}'))})")
        else:
            bagian.append(f"jumlah {nama} berbeda {format_rupiah(abs(beda.nilai))} dari jumlah "
                          f"pagu DPA ({format_rupiah(getattr(r, f'dpa_{tahap}'))})")
    return "; ".join(bagian) + "."
