"""Command line: `lkjip check|build|batch|...` (messages in Bahasa Indonesia)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lkjip import config
from lkjip.galat import LkjipError


def _gagal(e: LkjipError) -> None:
    click.echo(str(e), err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """lkjip: LKjIP kecamatan dari data CSV."""


def opsi_data(f):
    return click.option("--data", "data_dir", type=click.Path(path_type=Path), default=None,
                        help="Folder data (bawaan: data/).")(f)


@main.command()
@click.option("--kecamatan", required=True, help="Nama folder kecamatan, mis. bantarbolang.")
@click.option("--tahun", required=True, help="Tahun laporan, mis. 2023.")
@opsi_data
def check(kecamatan: str, tahun: str, data_dir: Path | None) -> None:
    """Muat dan periksa data satu kecamatan-tahun."""
    from lkjip.muat import muat

    try:
        data = muat(data_dir or config.DATA, kecamatan, tahun)
    except LkjipError as e:
        _gagal(e)
    click.echo(ringkasan_muat(data))
    sys.exit(_cetak_temuan(data))


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


def _cetak_temuan(data) -> int:
    try:
        from lkjip.periksa import cetak_temuan, periksa
    except ImportError:
        return 0
    temuan = periksa(data)
    click.echo(cetak_temuan(temuan))
    return 1 if any(t.tingkat == "galat" for t in temuan) else 0


if __name__ == "__main__":  # pragma: no cover
    main()
