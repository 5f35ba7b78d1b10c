"""The report year and the Renstra period."""

from __future__ import annotations

from lkjip.periksa.dasar import Aturan, Konteks, Temuan, angka_row, tak_terbaca, tertulis

ATURAN = (
    Aturan("tahun-renstra", "Tahun dalam periode Renstra", ("galat",),
           "the year inside the Renstra period; stated tahun_ke_renstra vs tahun − renstra_awal "
           "+ 1"),
)


def cek_tahun(k: Konteks) -> list[Temuan]:
    """The report year inside the Renstra period."""
    p = k.data.profil
    awal, akhir = int(p["renstra_awal"]), int(p["renstra_akhir"])
    if awal <= k.data.tahun <= akhir:
        return []
    pesan = f"Tahun laporan {k.data.tahun} berada di luar periode Renstra {awal}–{akhir}."
    return [k.temuan("galat", "tahun-renstra", "profil", 2, "profil (renstra_awal, "
                     "renstra_akhir)", pesan, kunci_id=("profil",), tersaji=str(k.data.tahun),
                     terhitung=f"{awal}–{akhir}")]


def banding_tahun_ke(k: Konteks, row, baca) -> list[Temuan]:
    """The stated year of the Renstra period (``tahun_ke_renstra``)."""
    p = k.data.profil
    c = int(baca.angka(k.hasil).nilai)
    s = angka_row(row)
    if s is None:
        return tak_terbaca(k, row)
    if s == c:
        return []
    pesan = (f"Tahun {k.data.tahun} adalah tahun ke-{c} Renstra {p['renstra_awal']}–"
             f"{p['renstra_akhir']}, bukan tahun ke-{tertulis(s)} seperti tersaji.")
    return [k.dari_tersaji(row, "galat", "tahun-renstra", pesan, tertulis(s), str(c))]


PEMERIKSA = (cek_tahun,)
BANDING = {"tahun_ke": banding_tahun_ke}
