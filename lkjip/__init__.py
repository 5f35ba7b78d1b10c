"""lkjip: the LKjIP of a kecamatan, computed from its yearly CSV data.

The public API (other parts and outside checks call these names):

>>> import lkjip
>>> lkjip.capaian(83.20, 94.69), lkjip.capaian(83.20, 94.69, arah="turun")
(87.87, 112.13)
>>> lkjip.kategori(87.87, skala="bantarbolang-2023")
'Sedang'
>>> lkjip.format_angka(87.8657), lkjip.format_rupiah(2522467250)
('87,87', 'Rp 2.522.467.250')
"""

from lkjip.capaian import capaian
from lkjip.format import format_angka, format_persen, format_rupiah
from lkjip.galat import LkjipError, Masalah
from lkjip.hitung import hitung
from lkjip.ikm import ikm, krejcie_morgan
from lkjip.muat import muat
from lkjip.skala import kategori

__all__ = [
    "LkjipError", "Masalah", "capaian", "format_angka", "format_persen", "format_rupiah",
    "hitung", "ikm", "kategori", "krejcie_morgan", "muat",
]
__version__ = "0.1.0"
