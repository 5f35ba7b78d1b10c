"""The kabupaten's quarterly view: every kecamatan at TW n — which lag, and on what.

`kumpulkan_triwulan(data_dirs, tahun, n)` loads every kecamatan of the data folders for the
year and computes its quarterly figures (`lkjip.triwulan`); a kecamatan that has not reported
(no quarterly files, or nothing for TW n) or whose data fail to load is kept with the reason,
and the others are still compared. The tables and sentences here feed the notebook
``notebooks/triwulan/kabupaten_triwulan.ipynb``; `bangun_kabupaten_triwulan` builds it.

Order of the kecamatan (`ATURAN_URUTAN`): most indicators "diperkirakan tidak tercapai" first
(their share of the kecamatan's rated indicators, rounded to 2 dp), then the lower mean capaian
s.d. TW n: the kecamatan that lag most come first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from lkjip import config, tampil
from lkjip.angka import Angka, bulatkan
from lkjip.galat import LkjipError
from lkjip.kabupaten import cari_kecamatan, folder_data, ringkas_galat
from lkjip.skema import STATUS_TW
from lkjip.tabel_triwulan import ROMAWI_TW, persen_tampil
from lkjip.triwulan import BELUM_DINILAI, NAMA_TW, HasilTriwulan

ATURAN_URUTAN = (
    "Kecamatan diurutkan dari yang paling tertinggal: bagian indikator yang diperkirakan tidak "
    "tercapai terbesar lebih dahulu, lalu rata-rata capaian s.d. triwulan ini yang lebih rendah."
)
BELUM_MELAPOR = "belum melapor"


@dataclass
class EntriTw:
    """One kecamatan at TW n: computed (`hasil`), or not reported / failed (`alasan`)."""

    kecamatan: str
    data_dir: Path
    hasil: HasilTriwulan | None = None
    alasan: str = ""

    @property
    def nama(self) -> str:
        if self.hasil is not None:
            return str(self.hasil.data.profil["nama_kecamatan"])
        return self.kecamatan.replace("-", " ").title()


def muat_entri_tw(data_dir: Path, kecamatan: str, tahun: int, n: int) -> EntriTw:
    from lkjip.laporan_triwulan import muat_triwulan

    if not (Path(data_dir) / kecamatan / str(tahun)).is_dir():
        return EntriTw(kecamatan, data_dir, alasan=f"tidak ada data tahun {tahun}")
    try:
        return EntriTw(kecamatan, data_dir, muat_triwulan(kecamatan, tahun, n, data_dir))
    except LkjipError as e:
        return EntriTw(kecamatan, data_dir, alasan=ringkas_galat(e, 2))


def kumpulkan_triwulan(data_dirs, tahun: int, n: int) -> list[EntriTw]:
    """Every kecamatan of the data folders at TW n of `tahun`."""
    return [muat_entri_tw(d, k, int(tahun), int(n))
            for k, d in cari_kecamatan(folder_data(data_dirs)).items()]


def wilayah(entri: list[EntriTw]) -> tuple[str, str]:
    """(kabupaten, provinsi) as the reported kecamatan's profil.csv name them (the most
    common); empty when none reported.

    >>> wilayah([])
    ('', '')
    """
    from collections import Counter

    nama = Counter((str(e.hasil.data.profil["kabupaten"]), str(e.hasil.data.profil["provinsi"]))
                   for e in entri if e.hasil is not None)
    return nama.most_common(1)[0][0] if nama else ("", "")


def ada_sintetis(entri: list[EntriTw]) -> bool:
    return any(e.hasil is not None and e.hasil.data.sintetis for e in entri)


def _bagian_tidak(h: HasilTriwulan) -> Decimal:
    j = h.kecamatan.jumlah_status
    dinilai = sum(j[s] for s in STATUS_TW)
    return bulatkan(Decimal(j[STATUS_TW[2]]) / dinilai * 100) if dinilai else Decimal(0)


def urutkan(entri: list[EntriTw]) -> list[EntriTw]:
    """The reported kecamatan, most lagging first (`ATURAN_URUTAN`)."""
    ada = [e for e in entri if e.hasil is not None]

    def kunci(e: EntriTw):
        c = e.hasil.kecamatan.capaian.bulat
        return (-_bagian_tidak(e.hasil), c if c is not None else Decimal("Infinity"), e.nama)
    return sorted(ada, key=kunci)


def tabel_rekap(entri: list[EntriTw], nomor: str) -> tampil.Html:
    """Per kecamatan: indicators by status, the mean capaian and penyerapan s.d. TW n."""
    urut = urutkan(entri)
    if not urut:
        return tampil.paragraf("Belum ada kecamatan yang melaporkan realisasi triwulan ini.")
    s = f"s.d. TW {ROMAWI_TW[urut[0].hasil.triwulan - 1]}"
    df = pd.DataFrame([_baris_rekap(n, e, s) for n, e in enumerate(urut, start=1)])
    return tampil.tabel(df, nomor, f"Rekapitulasi pengukuran kinerja kecamatan {s}",
                        format={k: persen_tampil for k in df.columns if "(%)" in k},
                        catatan=ATURAN_URUTAN + " * data sintetis (contoh), bukan data resmi.")


def _baris_rekap(n: int, e: EntriTw, s: str) -> dict:
    k = e.hasil.kecamatan
    j = k.jumlah_status
    return {"No.": f"{n}.", "Kecamatan": e.nama + (" *" if e.hasil.data.sintetis else ""),
            "Indikator": sum(j.values()), "Sesuai jalur": j[STATUS_TW[0]],
            "Perlu perhatian": j[STATUS_TW[1]], "Diperkirakan tidak tercapai": j[STATUS_TW[2]],
            "Belum dinilai": j[BELUM_DINILAI],
            f"Rata-rata capaian {s} (%)": k.capaian,
            "Penyerapan thd anggaran kas (%)": k.penyerapan_kas,
            "Penyerapan thd anggaran (%)": k.penyerapan_pagu}


def tabel_tertinggal(entri: list[EntriTw], nomor: str) -> tampil.Html:
    """On what they lag: each kecamatan's indicators "diperkirakan tidak tercapai"."""
    baris = []
    for e in urutkan(entri):
        for i in e.hasil.indikator:
            if i.proyeksi.status == STATUS_TW[2]:
                pejabat = e.hasil.pejabat.get(i.kode_pejabat)
                baris.append({"Kecamatan": e.nama, "Pejabat": pejabat.nama if pejabat else "",
                              "Indikator": i.indikator,
                              "Capaian proyeksi (%)": i.proyeksi.persen})
    if not baris:
        return tampil.paragraf("Tidak ada indikator yang diperkirakan tidak tercapai.")
    df = pd.DataFrame(baris)
    df["Kecamatan"] = _ulang_kosong(list(df["Kecamatan"]))
    kelas = pd.DataFrame("", index=df.index, columns=df.columns)
    kelas["Indikator"] = "lk-uraian"
    return tampil.tabel(df, nomor, "Indikator yang diperkirakan tidak tercapai per kecamatan",
                        kelas=kelas, format={"Capaian proyeksi (%)": persen_tampil})


def _ulang_kosong(nilai: list) -> list:
    """A repeated value printed once, at the top of its run."""
    return [v if i == 0 or v != nilai[i - 1] else "" for i, v in enumerate(nilai)]


def tabel_belum(entri: list[EntriTw], nomor: str) -> tampil.Html:
    """Kecamatan that have not reported TW n or whose data failed, with the reason."""
    belum = [e for e in entri if e.hasil is None]
    if not belum:
        return tampil.paragraf("Semua kecamatan telah melaporkan realisasi triwulan ini.")
    df = pd.DataFrame([{"Kecamatan": e.nama, "Keterangan": e.alasan} for e in belum])
    return tampil.tabel(df, nomor, "Kecamatan yang belum melapor atau datanya belum dapat dimuat",
                        catatan="Keterangan memuat paling banyak dua masalah pertama yang "
                        "ditemukan saat memuat data; lkjip check menampilkan semuanya.")


def kalimat_ringkasan(entri: list[EntriTw], tahun: int, n: int) -> str:
    """Who reported, who lags most, and the kabupaten's count of off-course indicators."""
    urut = urutkan(entri)
    belum = len(entri) - len(urut)
    teks = (f"Sampai dengan Triwulan {ROMAWI_TW[n - 1]} tahun {tahun}, {len(urut)} dari "
            f"{len(entri)} kecamatan telah melaporkan realisasi Perjanjian Kinerja"
            + (f"; {belum} belum." if belum else "."))
    if urut:
        tidak = sum(e.hasil.kecamatan.jumlah_status[STATUS_TW[2]] for e in urut)
        semua = sum(sum(e.hasil.kecamatan.jumlah_status.values()) for e in urut)
        teks += (f" Dari {semua} indikator yang dilaporkan, {tidak} diperkirakan tidak tercapai."
                 f" Kecamatan yang paling tertinggal: {urut[0].nama}.")
    return teks


def penyerapan_kecamatan(entri: list[EntriTw]) -> dict[str, Angka]:
    """Penyerapan against the anggaran kas s.d. TW n per kecamatan (for the chart)."""
    return {e.nama: e.hasil.kecamatan.penyerapan_kas for e in urutkan(entri)}


def status_kecamatan(entri: list[EntriTw]) -> dict[str, dict[str, int]]:
    """Indicators by status per kecamatan, most lagging first (for the chart)."""
    return {e.nama: e.hasil.kecamatan.jumlah_status for e in urutkan(entri)}


# ---------------------------------------------------------------- build


def notebook_kabupaten_triwulan() -> Path:
    return config.notebooks() / "triwulan" / "kabupaten_triwulan.ipynb"


def bangun_kabupaten_triwulan(tahun: int, n: int, data_dirs=None, out_dir=None,
                              analis: bool = False, kemajuan=None):
    """Build the kabupaten's view of TW n under ``<out>/kabupaten/<tahun>/tw<n>/``, through the
    one build path (`lkjip.bangun.bangun_dokumen`)."""
    from lkjip.bangun import Dokumen, bangun_dokumen
    from lkjip.laporan_triwulan import FORMAT, cek_triwulan

    n, tahun = cek_triwulan(n), int(tahun)
    dirs = [str(Path(d).resolve()) for d in folder_data(data_dirs)]
    out = Path(out_dir or config.outputs()).resolve()
    dok = Dokumen(judul=f"Laporan kabupaten triwulan {n} {tahun}",
                  bab=(notebook_kabupaten_triwulan(),),
                  parameter={"tahun": tahun, "triwulan": n, "data_dirs": dirs},
                  folder=out / "kabupaten" / str(tahun) / f"tw{n}",
                  nama=f"monitoring_kabupaten_{tahun}_tw{n}", format=FORMAT, analis=analis)
    (berkas,) = bangun_dokumen(dok, out_dir=out, kemajuan=kemajuan)
    return berkas


__all__ = ["EntriTw", "kumpulkan_triwulan", "wilayah", "tabel_rekap", "tabel_tertinggal",
           "tabel_belum", "kalimat_ringkasan", "bangun_kabupaten_triwulan", "NAMA_TW",
           "BELUM_MELAPOR"]
