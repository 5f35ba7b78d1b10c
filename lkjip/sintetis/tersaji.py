"""What a synthetic kecamatan states (``tersaji.csv``), its narrative, and the deliberate errors.

Which figures are stated and where they are printed is the generator's scenario
(`baris_tersaji`); the value of each is read from the catalogue (`lkjip.katalog.nilai_tersaji`)
on the figures lkjip computes from the written inputs, so a stated figure is wrong only where
`RENCANA_KESALAHAN` plants an error.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from lkjip.ikm import UNSUR
from lkjip.katalog import nilai_tersaji
from lkjip.sintetis.kosakata import PROGRAM, baris_csv, desimal, rupiah, susunan
from lkjip.sintetis.masukan import Tahun
from lkjip.skala import kategori, muat_skala


def baris_tersaji(th: Tahun) -> list[tuple[str, str, str]]:
    """(besaran, kunci, sumber) of every figure the kecamatan states, in file order."""
    kode = list(susunan(th.kec))
    sasaran = sorted(set(susunan(th.kec).values()))
    baris = [("realisasi", k, "Tabel 3.2") for k in kode]
    baris += [("capaian", k, "Tabel 3.2") for k in kode]
    baris += [("capaian_sasaran", s, "Tabel 3.3") for s in sasaran]
    baris += [("kategori_kinerja", s, "Tabel 3.3") for s in sasaran]
    baris += [
        ("kategori_kinerja", "keseluruhan", "Ikhtisar Eksekutif; Bab IV"),
        ("ikm_tahun", "", "Bab III teks IKM"), ("mutu_ikm", "", "Bab III teks IKM"),
        ("responden_ikm", "", "Bab III teks IKM"),
        ("pagu_murni", "total", "Tabel 2.5 (JUMLAH)"),
        ("pagu_perubahan", "total", "Tabel 2.5 (JUMLAH)"),
        ("realisasi_anggaran", "total", "Tabel 3.6 (Jumlah)"),
        ("penyerapan", "total", "Tabel 3.6 (Jumlah)"), ("kategori_anggaran", "", "Bab IV"),
        ("jumlah_desa", "pembilang", "Bab III butir desa"),
        ("jumlah_desa", "penyebut", "Bab III butir desa"),
    ]
    baris += [("pk_total_anggaran", p, f"Lampiran PK {p}") for p in ("camat", "sekcam")]
    return baris + [(f"pk_total_tw{i}", "sekcam", "Lampiran PK sekcam") for i in range(1, 5)]


def tersaji(th: Tahun, hasil) -> str:
    """tersaji.csv: each stated figure with the value the catalogue reads from `hasil`."""
    baris = []
    for besaran, kunci, sumber in baris_tersaji(th):
        nilai = nilai_tersaji(hasil, besaran, kunci)
        baris.append([besaran, kunci, desimal(nilai, "polos") if isinstance(nilai, Decimal)
                      else nilai, sumber])
    return baris_csv([["besaran", "kunci", "nilai", "sumber"]] + baris)


def _kategori_lain(benar: str, skala: str) -> str:
    """A category two bands away from `benar` on `skala` (what the scale does not give)."""
    nama = list(muat_skala(skala)["kategori"])
    i = nama.index(benar)
    return nama[i + 2] if i + 2 < len(nama) else nama[i - 2]


def narasi(th: Tahun, hasil) -> dict[str, str]:
    k, rng, d = th.kec, th.rng, f"{th.tahun}/narasi"
    nama = k.nama
    isu = rng.choice([
        "Masih kurangnya pegawai yang sesuai dengan tugas pokok dan fungsinya;",
        "Masih kurangnya sarana dan prasarana pelayanan;",
        "Belum optimalnya publikasi informasi pemerintahan di media sosial;",
        "Masih rendahnya kehadiran masyarakat dalam Musrenbang desa;",
        "Belum meratanya tata kelola pemerintahan desa yang baik;"], size=3, replace=False)
    return {
        f"{d}/gambaran_umum.md": (
            f"## Struktur Organisasi\n\nKecamatan {nama} Kabupaten Pemalang dipimpin oleh "
            "Camat dan dibantu Sekretaris Kecamatan, dua Kepala Subbagian dan empat Kepala "
            f"Seksi.\n\n*Data sintetis untuk demonstrasi; bukan data resmi Kecamatan {nama}.*\n"),
        f"{d}/isu_strategis.md": "".join(f"{i}. {t}\n" for i, t in enumerate(isu, start=1)),
        f"{d}/permasalahan.md": _permasalahan_ikm(hasil),
        f"{d}/solusi.md": "1. Menyediakan kanal pengaduan yang mudah dan cepat.\n",
        f"{d}/program_pendukung.md": "".join(
            f"{i}. {p}\n" for i, (p, _) in enumerate(PROGRAM, start=1)),
        f"{d}/inovasi.md": f"Kecamatan {nama} mengembangkan layanan administrasi daring.\n",
        f"{d}/rencana_tindak_lanjut.md": "1. Meningkatkan kualitas pengukuran kinerja.\n",
    }


def _permasalahan_ikm(hasil) -> str:
    """The IKM problem the office writes: its lowest unsur and that unsur's own value.

    The value is the unsur's (NRR × 25) read through the catalogue, so `lkjip check`'s
    narasi-angka rule finds it right; the overall IKM beside an unsur's name was read as the
    unsur's figure and made every synthetic year a galat.
    """
    nilai = {u.kunci: nilai_tersaji(hasil, "nilai_unsur", u.kunci) for u in UNSUR}
    terendah = min((u for u in UNSUR if nilai[u.kunci] is not None),
                   key=lambda u: nilai[u.kunci], default=None)
    if terendah is None:
        return "### Indeks Kepuasan Masyarakat\n\n1. Survei IKM belum dilaksanakan.\n"
    return ("### Indeks Kepuasan Masyarakat\n\n1. Nilai unsur " f"{terendah.nama} masih "
            f"paling rendah, yaitu {desimal(nilai[terendah.kunci], 'indonesia')}.\n")


def _catat(th: Tahun, jenis, berkas, baris, kolom, kunci, tertulis, seharusnya, ket) -> None:
    th.kesalahan.append(dict(kecamatan=th.kec.slug, tahun=th.tahun, jenis=jenis,
                             berkas=f"{th.kec.slug}/{th.tahun}/{berkas}", baris=baris,
                             kolom=kolom, kunci=kunci, tertulis=tertulis,
                             seharusnya=seharusnya, keterangan=ket))


def _ganti_baris(teks: str, kunci: tuple, kolom: int, nilai) -> tuple[str, int]:
    """Replace cell `kolom` of the first row starting with `kunci`; return text and its row."""
    baris = list(csv.reader(io.StringIO(teks)))
    i = next(i for i, b in enumerate(baris) if tuple(b[: len(kunci)]) == kunci)
    baris[i][kolom] = str(nilai)
    return baris_csv(baris), i + 1


def gandakan_desa(th: Tahun) -> None:
    """A desa listed twice (as the seed lists Sambeng twice), marked ya both times."""
    th.desa.append(th.desa[1])
    th.daftar["desa"].append(True)


def sisipkan_kesalahan(th: Tahun, jenis: str, hasil) -> None:
    """Plant the deliberate error `jenis` in the year's files and record it (`catat`)."""
    d, f = str(th.tahun), th.berkas
    if jenis == "total_salah":
        benar = nilai_tersaji(hasil, "pagu_perubahan", "total")
        salah = benar + 10_000_000
        f[f"{d}/tersaji.csv"], r = _ganti_baris(f[f"{d}/tersaji.csv"],
                                                ("pagu_perubahan", "total"), 2, salah)
        _catat(th, jenis, "tersaji.csv", r, "nilai", "pagu_perubahan total", salah,
               benar, "jumlah pagu perubahan tertulis salah (lebih Rp 10.000.000)")
    elif jenis == "tw_tidak_sesuai":
        teks = f[f"{d}/pk_anggaran.csv"]
        baris = list(csv.reader(io.StringIO(teks)))
        i = next(i for i, b in enumerate(baris) if b[0] == "sekcam" and b[4] == "1.5")
        gaya = th.kec.gaya
        tw3 = int(baris[i][8].replace(".", "")) + 1_000_000
        baris[i][8] = rupiah(tw3, gaya)
        f[f"{d}/pk_anggaran.csv"] = baris_csv(baris)
        f[f"{d}/tersaji.csv"], _ = _ganti_baris(  # the stated TW III total follows the row
            f[f"{d}/tersaji.csv"], ("pk_total_tw3", "sekcam"), 2,
            sum(r[5][2] for r in th.pk_anggaran if r[0] == "sekcam") + 1_000_000)
        _catat(th, jenis, "pk_anggaran.csv", i + 1, "tw3", "sekcam 1.5", baris[i][8],
               "TW I–IV berjumlah sama dengan anggaran " + baris[i][5],
               "rincian TW I–IV tidak berjumlah sama dengan anggaran (lebih Rp 1.000.000)")
    elif jenis == "desa_ganda":  # written by gandakan_desa before the figures are computed
        n = len(th.desa)
        _catat(th, jenis, "desa.csv", n + 1, "nama_desa", th.desa[-1], th.desa[-1],
               "setiap desa tercantum sekali", f"desa {th.desa[-1]} tercantum dua kali "
               f"(baris {th.desa.index(th.desa[-1]) + 2} dan {n + 1})")
    elif jenis == "kategori_salah":
        benar = kategori(hasil.capaian_kinerja.bulat, th.kec.skala)
        salah = _kategori_lain(benar, th.kec.skala)
        f[f"{d}/tersaji.csv"], r = _ganti_baris(f[f"{d}/tersaji.csv"],
                                                ("kategori_kinerja", "keseluruhan"), 2, salah)
        _catat(th, jenis, "tersaji.csv", r, "nilai", "kategori_kinerja keseluruhan", salah,
               benar, f"kategori tertulis tidak sesuai skala {th.kec.skala} untuk capaian "
               f"{desimal(hasil.capaian_kinerja.bulat, 'indonesia')} %")
    else:  # pragma: no cover - the plan only names the kinds above
        raise ValueError(jenis)
