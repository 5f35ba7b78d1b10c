"""Command line: `lkjip check|build|batch|...` (messages in Bahasa Indonesia)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lkjip import config
from lkjip.aman import aman_terminal
from lkjip.cli_bahasa import Kelompok, pasang
from lkjip.galat import LkjipError
from lkjip.ruang_kerja import cek_di_luar_paket


def _gagal(e: LkjipError) -> None:
    click.echo(aman_terminal(str(e)), err=True)
    sys.exit(1)


pasang()  # click's usage, help and errors in Bahasa Indonesia (`lkjip.cli_bahasa`)


@click.group(cls=Kelompok, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lkjip", message="%(prog)s versi %(version)s")
def main() -> None:
    """lkjip: LKjIP kecamatan dari data CSV."""


def _parameter(kecamatan, tahun, data_dir) -> tuple[str, int, Path]:
    """The options checked at once, named as options (``--tahun``); the kecamatan matched
    ignoring case (`lkjip.parameter`)."""
    from lkjip.parameter import ARGUMEN, cek_parameter

    try:
        return cek_parameter(kecamatan, tahun, data_dir, sebutan=ARGUMEN)
    except LkjipError as e:
        _gagal(e)


def opsi_kecamatan_tahun(f):
    """The --kecamatan and --tahun options of a command about one kecamatan-year."""
    f = click.option("--tahun", required=True, help="Tahun laporan, mis. 2023.")(f)
    return click.option("--kecamatan", required=True,
                        help="Nama folder kecamatan, mis. bantarbolang.")(f)


def opsi_data(f):
    return click.option("--data", "data_dir", type=click.Path(path_type=Path), default=None,
                        metavar="FOLDER", help="Folder data (bawaan: data/ di folder ini).")(f)


@main.command()
@opsi_kecamatan_tahun
@opsi_data
def check(kecamatan: str, tahun: str, data_dir: Path | None) -> None:
    """Muat dan periksa data satu kecamatan-tahun."""
    from lkjip.muat import muat

    kecamatan, tahun, data_dir = _parameter(kecamatan, tahun, data_dir)
    from lkjip.hitung import hitung

    try:
        data = muat(kecamatan, tahun, data_dir)
        click.echo(aman_terminal(ringkasan_muat(data)))
        _cetak_belum_diisi(data)
        hasil = hitung(data)
        kode = _cetak_temuan(data, hasil)
        _cetak_bernama(data, hasil)
    except LkjipError as e:  # the data, keputusan.csv, or a named figure of the narasi
        _gagal(e)
    sys.exit(kode)


def _cetak_bernama(data, hasil) -> None:
    """The typed numbers of the narasi that equal a computed figure and could be named."""
    from lkjip.periksa.narasi import bacaan
    from lkjip.tampil_narasi import daftar_bernama

    teks = daftar_bernama(bacaan(data, hasil))
    if teks:
        click.echo(aman_terminal(teks))


def _cetak_belum_diisi(data) -> None:
    from lkjip.folder import belum_diisi

    kurang = belum_diisi(data)
    if kurang:
        click.echo(f"\nMasih perlu diisi ({len(kurang)}):")
        click.echo(aman_terminal("\n".join(f"  - {k}" for k in kurang)))


@main.command()
@click.option("--kecamatan", required=True, help="Nama folder kecamatan baru, mis. ulujami.")
@click.option("--tahun", required=True, help="Tahun laporan yang dimulai, mis. 2024.")
@click.option("--dari", default=None,
              help="Salin yang berlaku lintas tahun dari tahun ini, mis. 2023.")
@opsi_data
def baru(kecamatan: str, tahun: str, dari: str | None, data_dir: Path | None) -> None:
    """Mulai data satu kecamatan-tahun: templat CSV, atau salinan dari tahun sebelumnya."""
    from lkjip.baru import baru as mulai
    from lkjip.baru import catatan_renstra

    try:
        ditulis = mulai(kecamatan, tahun, dari, data_dir)
    except LkjipError as e:
        _gagal(e)
    asal = f" (disalin dari {dari} yang berlaku lintas tahun)" if dari else ""
    click.echo(f"{len(ditulis)} berkas dibuat{asal}:")
    click.echo(aman_terminal("\n".join(f"  {b}" for b in ditulis)))
    if dari and (catatan := catatan_renstra(kecamatan, tahun, data_dir)):
        click.echo(catatan)
    click.echo(f"Isi berkasnya, lalu jalankan: lkjip check --kecamatan {kecamatan} "
               f"--tahun {tahun}" + (f" --data {data_dir}" if data_dir else ""))


def opsi_out(f):
    return click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
                        metavar="FOLDER",
                        help="Folder keluaran (bawaan: outputs/ di folder ini).")(f)


@main.command()
@click.option("--kecamatan", required=True, help="Nama folder kecamatan, mis. bantarbolang.")
@click.option("--tahun", required=True, help="Tahun laporan, mis. 2023.")
@opsi_data
@opsi_out
@click.option("--analis", is_flag=True, help="Tampilkan kode dalam HTML (versi analis).")
def build(kecamatan, tahun, data_dir, out_dir, analis) -> None:
    """Bangun LKjIP satu kecamatan-tahun (HTML, PDF, DOCX) dan kertas kerjanya."""
    from lkjip.laporan import bangun

    kecamatan, tahun, data_dir = _parameter(kecamatan, tahun, data_dir)
    try:
        berkas = bangun(kecamatan, tahun, data_dir=data_dir, out_dir=out_dir, analis=analis,
                        muat_dulu=True, kemajuan=_langkah())
    except LkjipError as e:
        _gagal(e)
    except KeyboardInterrupt:
        _dibatalkan(f"laporan {kecamatan} {tahun}")
    _cetak_berkas(f"Laporan {kecamatan} {tahun} selesai:", berkas)


def _langkah():
    """Tell each step of a build on stderr, with the seconds since it began."""
    import time

    mulai = time.monotonic()

    def lapor(pesan: str) -> None:
        detik = f"{time.monotonic() - mulai:5.1f}".replace(".", ",")
        click.echo(f"[{detik} s] {pesan}", err=True)

    return lapor


def _dibatalkan(apa: str) -> None:
    """Ctrl-C during a build: no traceback, exit 130 as an interrupted program does."""
    click.echo(f"Dibatalkan (Ctrl-C): {apa} tidak selesai dibangun; berkas yang sudah ada "
               "tetap utuh (versi sebelumnya atau yang baru, tidak setengah jadi).", err=True)
    sys.exit(130)


def _cetak_berkas(judul: str, berkas) -> None:
    click.echo(judul)
    for jalur in berkas.semua():
        click.echo(f"  {_relatif(jalur)}")


@main.command("build-triwulan")
@click.option("--kecamatan", required=True, help="Nama folder kecamatan, mis. pemalang.")
@click.option("--tahun", required=True, help="Tahun laporan, mis. 2024.")
@click.option("--triwulan", required=True, help="Triwulan 1, 2, 3 atau 4.")
@opsi_data
@opsi_out
@click.option("--analis", is_flag=True, help="Tampilkan kode dalam HTML (versi analis).")
def build_triwulan(kecamatan, tahun, triwulan, data_dir, out_dir, analis) -> None:
    """Bangun laporan pengukuran kinerja triwulan (HTML, PDF dan DOCX) satu kecamatan."""
    from lkjip.laporan_triwulan import bangun_triwulan, cek_triwulan

    kecamatan, tahun, data_dir = _parameter(kecamatan, tahun, data_dir)
    try:
        n = cek_triwulan(triwulan)
        berkas = bangun_triwulan(kecamatan, tahun, n, data_dir=data_dir, out_dir=out_dir,
                                 analis=analis, kemajuan=_langkah())
    except LkjipError as e:
        _gagal(e)
    except KeyboardInterrupt:
        _dibatalkan(f"laporan triwulan {triwulan} {kecamatan} {tahun}")
    _cetak_berkas(f"Laporan triwulan {n} {kecamatan} {tahun} selesai:", berkas)


def _relatif(jalur: Path) -> str:
    try:
        return str(jalur.relative_to(Path.cwd()))
    except ValueError:
        return str(jalur)


@main.command()
@click.option("--tahun", default=None, help="Hanya tahun ini (bawaan: semua tahun).")
@click.option("--kecamatan", "daftar_kecamatan", multiple=True,
              help="Hanya kecamatan ini (boleh diulang).")
@click.option("--jobs", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Jumlah proses paralel.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Penjadwal Dask (lkjip[dask]); --out dan --data harus di penyimpanan bersama.")
@click.option("--triwulan", default=None,
              help="Bangun laporan triwulan ini (1–4) alih-alih LKjIP tahunan; perlu --tahun.")
@opsi_data
@opsi_out
def batch(tahun, daftar_kecamatan, jobs, scheduler, triwulan, data_dir, out_dir) -> None:
    """Bangun laporan semua kecamatan-tahun yang ditemukan di folder data."""
    from tqdm import tqdm

    from lkjip.laporan import Dibatalkan, bangun_banyak

    daftar, dilewati = _daftar_batch(data_dir, tahun, daftar_kecamatan)
    if triwulan is not None:
        _cetak_dilewati(dilewati)
        _batch_triwulan(daftar, tahun, triwulan, data_dir, out_dir)
    try:
        with tqdm(total=len(daftar), desc="Membangun", unit="laporan") as bar:
            hasil = bangun_banyak(daftar, data_dir=data_dir, out_dir=out_dir, jobs=jobs,
                                  muat_dulu=True, kemajuan=lambda h: bar.update(1),
                                  scheduler=scheduler)
    except LkjipError as e:
        _gagal(e)
    except Dibatalkan as e:  # Ctrl-C: say what was built, exit as an interrupted program
        click.echo(ringkasan_batch(e.hasil))
        click.echo(str(e), err=True)
        sys.exit(130)
    click.echo(ringkasan_batch(hasil))
    _cetak_dilewati(dilewati)
    sys.exit(0 if all(h.ok for h in hasil) and not dilewati else 1)


def _batch_triwulan(daftar, tahun, triwulan, data_dir, out_dir) -> None:
    """The quarterly reports of every kecamatan of the year, then which of them lag."""
    from lkjip import laporan_triwulan as lt

    try:
        n = lt.cek_triwulan(triwulan)
        if tahun is None:
            raise LkjipError("--triwulan perlu --tahun (mis. --tahun 2024 --triwulan 3).")
    except LkjipError as e:
        _gagal(e)
    with click.progressbar(daftar, label="Membangun laporan triwulan") as bar:
        hasil = [lt.bangun_satu(k, t, n, data_dir, out_dir) for k, t in bar]
    click.echo(lt.ringkasan_batch(hasil, n))
    sys.exit(0 if all(h.ok for h in hasil) else 1)


def _cetak_dilewati(dilewati: list[str]) -> None:
    """Folders a batch passed over, on stderr: never without a word (`folder.terlewat`)."""
    for d in dilewati:
        click.echo(aman_terminal(f"Dilewati: {d}"), err=True)


def _daftar_batch(data_dir, tahun, daftar_kecamatan) -> tuple[list[tuple[str, int]], list]:
    """The kecamatan-years to build, and the folders passed over (`folder.terlewat`)."""
    from lkjip.folder import terlewat
    from lkjip.laporan import temukan
    from lkjip.parameter import cek_nama  # pandas-free, as a batch process stays (not lkjip.muat)

    try:
        if daftar_kecamatan:
            for k in daftar_kecamatan:
                cek_nama(k, tahun or 2000)
        daftar = temukan(data_dir or config.DATA, tahun=int(tahun) if tahun else None)
    except (LkjipError, ValueError) as e:
        _gagal(e if isinstance(e, LkjipError) else LkjipError(str(e)))
    dilewati = [] if daftar_kecamatan else terlewat(data_dir or config.DATA,
                                                    int(tahun) if tahun else None)
    if daftar_kecamatan:
        ada = {k for k, _ in daftar}
        hilang = [k for k in daftar_kecamatan if k not in ada]
        daftar = [(k, t) for k, t in daftar if k in daftar_kecamatan]
        daftar += [(k, int(tahun or 0)) for k in hilang]
    if not daftar:
        _cetak_dilewati(dilewati)
        _gagal(LkjipError("tidak ada data kecamatan-tahun yang cocok di folder data."))
    return daftar, dilewati


def ringkasan_batch(hasil) -> str:
    """The batch summary table: built and failed, with the reason."""
    baris = [f"{'KECAMATAN':<24} {'TAHUN':<6} HASIL"]
    for h in hasil:
        status = "dibangun" if h.ok else "GAGAL"
        baris.append(f"{h.kecamatan:<24} {h.tahun or '-':<6} {status}")
        if not h.ok:
            baris += [f"    {b}" for b in h.alasan.splitlines()[:8]]
    gagal = sum(not h.ok for h in hasil)
    baris.append(f"Jumlah: {len(hasil) - gagal} dibangun, {gagal} gagal.")
    return "\n".join(baris)


def ringkasan_muat(data) -> str:
    terisi = {k: df for k, df in data.tabel.items() if len(df)}
    baris = sum(len(df) for df in terisi.values()) + 1
    p = data.profil
    return "\n".join([
        f"Data Kecamatan {p['nama_kecamatan']}, Kabupaten {p['kabupaten']}, tahun {data.tahun}"
        + (" (DATA SINTETIS)" if data.sintetis else ""),
        f"  berkas dimuat : {len(terisi) + 1} berkas CSV, {len(data.narasi)} berkas narasi",
        f"  baris data    : {baris}",
        f"  indikator     : {len(data.indikator)} indikator Renstra, "
        f"{len(data.pk_indikator)} baris target PK",
        f"  IKM           : {data.sumber_ikm or 'tidak ada'}"
        + (f" ({len(data.ikm_responden)} responden)" if len(data.ikm_responden) else ""),
        "  masalah muat  : 0",
    ])


def _cetak_temuan(data, hasil=None) -> int:
    """Print the findings and the office's decisions; 1 while a galat is undecided."""
    from lkjip import keputusan as kp
    from lkjip.periksa import periksa
    from lkjip.tampil_periksa import cetak_temuan

    temuan = periksa(data, hasil)
    click.echo(aman_terminal(cetak_temuan(temuan)))
    keadaan = kp.keadaan_data(data, temuan)
    click.echo(aman_terminal(cetak_keputusan(keadaan)))
    return 1 if keadaan.draf else 0


def cetak_keputusan(keadaan) -> str:
    """Each finding's id and decision, then the stale decisions and what follows."""
    from lkjip import keputusan as kp

    if not keadaan.temuan and not keadaan.basi:
        return ""
    baris = ["", "Kode temuan dan putusannya (keputusan.csv):"]
    lebar = max((len(kp.id_temuan(t)) for t in keadaan.temuan), default=0)
    for t in keadaan.temuan:
        p = keadaan.putusan_untuk(t)
        status = f"{p.putusan}" + (f" ({p.alasan})" if p.alasan else "") if p else \
            "belum diputuskan"
        baris.append(f"  {kp.id_temuan(t):<{lebar}}  {t.tingkat:<10}  {status}")
    for p in keadaan.basi:
        baris.append(f"  {p.temuan:<{lebar}}  basi        {p.putusan}: temuannya tidak ada lagi; "
                     f"putusan ini tidak dipakai (keputusan.csv baris {p.baris})")
    terbuka = len(keadaan.galat_terbuka)
    baris.append("")
    ada_galat = any(t.tingkat == "galat" for t in keadaan.temuan)
    baris.append(f"{terbuka} galat belum diputuskan: LKjIP yang dibangun bertanda DRAF. "
                 "Isi keputusan.csv (lkjip keputusan menyiapkannya)." if terbuka else
                 "Semua galat sudah diputuskan: LKjIP yang dibangun siap ditandatangani."
                 if ada_galat else "Tidak ada galat: LKjIP yang dibangun siap ditandatangani.")
    return "\n".join(baris)


@main.command()
@opsi_kecamatan_tahun
@opsi_data
def keputusan(kecamatan: str, tahun: str, data_dir: Path | None) -> None:
    """Tulis atau perbarui keputusan.csv: satu baris per temuan, putusan lama dipertahankan."""
    from lkjip import keputusan as kp
    from lkjip.muat import muat
    from lkjip.periksa import periksa

    kecamatan, tahun, data_dir = _parameter(kecamatan, tahun, data_dir)
    try:
        data = muat(kecamatan, tahun, data_dir)
        hasil = kp.tulis_templat(data, periksa(data))
    except LkjipError as e:
        _gagal(e)
    click.echo(aman_terminal(ringkasan_templat(hasil)))


def ringkasan_templat(hasil) -> str:
    """What `lkjip keputusan` did, in a few lines."""
    baris = [f"{_relatif(hasil.path)} ditulis:",
             f"  {len(hasil.baru)} temuan belum diputuskan (kolom putusan kosong)",
             f"  {len(hasil.tetap)} putusan yang sudah ada dipertahankan"]
    if hasil.basi:
        baris.append(f"  {len(hasil.basi)} putusan BASI (temuannya tidak ada lagi; tidak dipakai, "
                     "ditandai 'basi' di kolom tingkat):")
        baris += [f"    {p.temuan}: {p.putusan}" + (f" ({p.alasan})" if p.alasan else "")
                  for p in hasil.basi]
    baris.append("Isi kolom putusan dengan terhitung atau tersaji (tersaji wajib beralasan), "
                 "lalu bangun ulang laporan.")
    return "\n".join(baris)


@main.command()
@click.option("--kecamatan", required=True, help="Nama folder kecamatan, mis. bantarbolang.")
@click.option("--tahun", required=True, help="Tahun laporan, mis. 2023.")
@click.option("--triwulan", default=None,
              help="Angka laporan triwulan ini (1–4), mis. kinerja/camat.1/proyeksi.")
@opsi_data
@click.argument("figure", metavar="[ANGKA]", required=False)
def jelaskan(kecamatan: str, tahun: str, triwulan, data_dir: Path | None,
             figure: str | None) -> None:
    """Jejak perhitungan satu angka, mis. capaian/IKU-02 atau anggaran/1/pagu_perubahan.
    Tanpa ANGKA: daftar jalur angka yang tersedia."""
    from lkjip import jejak

    kecamatan, tahun, data_dir = _parameter(kecamatan, tahun, data_dir)
    try:
        if triwulan is None:
            from lkjip.hitung import hitung
            from lkjip.muat import muat

            h, katalog = hitung(muat(kecamatan, tahun, data_dir)), None
        else:
            from lkjip.katalog_tw import KATALOG_TW as katalog
            from lkjip.laporan_triwulan import cek_triwulan, muat_triwulan

            h = muat_triwulan(kecamatan, tahun, cek_triwulan(triwulan), data_dir)
        click.echo(jejak.daftar(h, katalog) if figure is None
                   else jejak.jelaskan(h, figure, katalog))
    except LkjipError as e:
        _gagal(e)


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, metavar="FOLDER",
              help="Folder tujuan (bawaan: data-sintetis/ di folder ini).")
@click.option("--jumlah", type=click.IntRange(1, 100000), default=None,
              help="Tulis N kecamatan sintetis-0001… (uji skala) alih-alih 13 kecamatan Pemalang.")
@click.option("--seed", type=int, default=None, help="Benih acak (bawaan: tetap).")
def sintetis(out_dir, jumlah, seed) -> None:
    """Tulis data SINTETIS (contoh) kecamatan Pemalang 2021–2024 dengan kesalahan sengaja."""
    from lkjip import sintetis as gen

    try:
        out = cek_di_luar_paket(out_dir or config.data_sintetis_baru(), "--out")
        nama = gen.tulis(out, jumlah=jumlah, seed=gen.SEED if seed is None else seed)
    except LkjipError as e:
        _gagal(e)
    click.echo(f"{len(nama)} kecamatan sintetis ditulis ke {_relatif(Path(out))} "
               f"(daftar kesalahan sengaja: {gen.MANIFEST}).")


@main.command()
@click.argument("folder", required=False, default=".", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Buat ruang kerja: data contoh (data/), notebook (notebooks/) dan README.md."""
    from lkjip.ruang_kerja import buat

    try:
        hasil = buat(folder)
    except LkjipError as e:
        _gagal(e)
    click.echo(f"Ruang kerja di {hasil.tujuan}: {len(hasil.ditulis)} berkas ditulis"
               + (f", {len(hasil.dilewati)} sudah ada (tidak diubah)." if hasil.dilewati
                  else "."))
    pindah = "" if hasil.tujuan == Path.cwd().resolve() else f"cd {_relatif(hasil.tujuan)}\n  "
    click.echo(f"Mulai:\n  {pindah}lkjip build --kecamatan bantarbolang --tahun 2023\n"
               "  jupyter lab")


@main.command("build-kabupaten")
@click.option("--tahun", required=True, type=int, help="Tahun laporan, mis. 2023.")
@click.option("--data", "data_dirs", multiple=True, type=click.Path(path_type=Path),
              metavar="FOLDER",
              help="Folder data (boleh diulang; bawaan: data/ dan data-sintetis/).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, metavar="FOLDER",
              help="Folder keluaran (bawaan: outputs/); laporan di <out>/kabupaten/<tahun>/.")
@click.option("--triwulan", default=None,
              help="Rekapitulasi pengukuran kinerja triwulan ini (1–4): kecamatan yang "
                   "tertinggal dan pada indikator apa.")
def build_kabupaten(tahun, data_dirs, out_dir, triwulan) -> None:
    """Bangun rekapitulasi LKjIP semua kecamatan (HTML dan PDF)."""
    from lkjip.kabupaten import bangun_kabupaten
    from lkjip.kabupaten_triwulan import bangun_kabupaten_triwulan

    try:
        dirs = list(data_dirs) or None
        berkas = (bangun_kabupaten(tahun, dirs, out_dir, kemajuan=_langkah()) if triwulan is None
                  else bangun_kabupaten_triwulan(tahun, triwulan, dirs, out_dir,
                                                 kemajuan=_langkah()))
    except LkjipError as e:
        _gagal(e)
    except KeyboardInterrupt:
        _dibatalkan(f"laporan kabupaten {tahun}")
    _cetak_berkas(f"Laporan kabupaten {tahun} selesai:", berkas)


if __name__ == "__main__":  # pragma: no cover
    main()
