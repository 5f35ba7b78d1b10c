"""Lists (desa, pengaduan, data publik, layanan pelimpahan) and personnel: counts and
repeated entries."""

from __future__ import annotations

from lkjip.periksa.dasar import Aturan, Konteks, Temuan
from lkjip.teks import normal_teks

ATURAN = (
    Aturan("daftar-jumlah", "Jumlah entri daftar", ("galat",),
           "stated counts (jumlah_desa, …) vs the list"),
    Aturan("daftar-ganda", "Entri ganda dalam daftar", ("galat", "peringatan"),
           "the same entry twice in a list (after normalising case and spaces); peringatan for "
           "complaints, which may repeat"),
    Aturan("jumlah-pegawai", "Jumlah pegawai", ("galat",), "stated personnel counts vs "
           "pegawai.csv"),
)

_KOLOM_DAFTAR = {"desa": ("nama_desa", "Desa", "galat"),
                 "pengaduan": ("uraian", "Pengaduan", "peringatan"),
                 "data_publik": ("jenis_data", "Jenis data", "galat"),
                 "layanan_pelimpahan": ("jenis_layanan", "Jenis layanan", "galat")}


def _baris(g) -> str:
    return ", ".join(str(int(b)) for b in g["_baris"])


def cek_daftar_ganda(k: Konteks) -> list[Temuan]:
    """The same entry twice in a list (after normalising case and spaces)."""
    hasil = []
    for nama, (kolom, apa, tingkat) in _KOLOM_DAFTAR.items():
        df = getattr(k.data, nama)
        normal = df[kolom].map(normal_teks)
        for kunci, g in df.groupby(normal, sort=False):
            if len(g) < 2:
                continue
            pesan = (f"{apa} '{g.iloc[0][kolom]}' tercantum {len(g)} kali (baris "
                     f"{_baris(g)}), sehingga daftar berisi {len(df)} entri tetapi hanya "
                     f"{normal.nunique()} yang berbeda.")
            hasil.append(k.temuan(tingkat, "daftar-ganda", nama, g["_baris"].iloc[1],
                                  f"{nama} baris {_baris(g)}", pesan, kunci_id=(nama, kunci),
                                  tersaji=str(len(df)), terhitung=str(normal.nunique())))
    return hasil


PEMERIKSA = (cek_daftar_ganda,)
BANDING: dict = {}
