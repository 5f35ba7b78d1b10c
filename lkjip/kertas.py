"""The working paper (kertas kerja) of the Tim Penyusun and the reviewer: a view of the same
computed model as the edition.

It holds what the signed edition must not: every finding of the checks with the office's
decision on it (`lkjip.keputusan`), written for a reader who does not program (what was found,
where in THIS report it lies, which figure the edition uses and why, then the data file and
row as a secondary reference), the Lampiran Perhitungan (`lkjip.jejak`), and the list of
inputs read with their size and checksum so a reviewer can tie the report to its data.

"Where in this report" comes from the edition's own tables: each `lkjip.tabel.Tabel` records
the stated figures its cells show (`Tabel.tersaji`); the tables are rebuilt here with the
numbers the chapters give them (`lkjip.susun.nomor_bab3`, `nomor_lampiran`), so a finding
points to "Tabel 3.2", never to the seed's numbering.

>>> teks_putusan(None, "galat", "82,78", "82,94")
'Belum diputuskan. Sampai ada putusan, laporan memakai angka hasil perhitungan (82,78) dan \
setiap halamannya bertanda DRAF.'
"""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path, PurePosixPath

import pandas as pd

from lkjip import keputusan as kp
from lkjip import susun, tabel, tabel_dasar, tabel_lampiran, tampil
from lkjip.periksa import hitung_tingkat, judul_aturan

# ---------------------------------------------------------------- where in this report


def _tabel_laporan(data, hasil) -> list[tuple]:
    """``(nomor, judul, tersaji)`` of each of the edition's tables that show stated figures,
    numbered as the chapters number them (`lkjip.tabel_dasar.tersaji_tabel`: in a build's
    kernel, as the edition's cells built them)."""
    t = tabel_dasar.tersaji_tabel
    nomor = susun.nomor_bab3(data, hasil)
    daftar = [t(tabel.tabel_ikhtisar, data, hasil), t(tabel.tabel_personil, data, hasil),
              t(tabel.tabel_sasaran_program, data, hasil), t(tabel.tabel_anggaran, data, hasil),
              t(tabel.tabel_capaian, data, hasil, nomor=nomor["tabel:capaian"])]
    daftar += [t(tabel.tabel_sasaran, data, hasil, k, nomor[f"tabel:sasaran:{k}"])
               for k in susun.sasaran_terukur(hasil)]
    if "tabel:ikm" in nomor:
        daftar.append(t(tabel.tabel_ikm, data, hasil, nomor["tabel:ikm"]))
    daftar += [t(tabel.tabel_komposit, data, hasil, n.split(":", 2)[2], v)
               for n, v in nomor.items() if n.startswith("tabel:komposit:")]
    daftar += [t(tabel.tabel_anggaran_sasaran, data, hasil, nomor["tabel:anggaran_sasaran"]),
               t(tabel.tabel_kesimpulan, data, hasil)]
    lampiran = susun.nomor_lampiran(data)
    # with no footnotes (None), as Lampiran's `susun._tabel_pk` passes where the office decided
    # nothing on the PK (footnotes change no stated figure a table shows)
    daftar += [r for n, v in lampiran.items() if n.startswith("tabel:pk_anggaran:")
               if (r := t(tabel_lampiran.tabel_pk_anggaran, data, hasil, n.rsplit(":", 1)[1], v,
                          None))]
    return daftar


def _kunci(besaran, kunci) -> tuple:
    return (str(besaran), "" if kunci is None or kunci != kunci else str(kunci))


def letak_tersaji(data, hasil) -> dict[tuple, list[str]]:
    """``{(besaran, kunci): ["Tabel 3.2 Capaian ...", ...]}``: the tables of this report that
    show each stated figure, in reading order."""
    letak: dict[tuple, list[str]] = {}
    for nomor, judul_tabel, tersaji in _tabel_laporan(data, hasil):
        for besaran, kunci in tersaji.values():
            judul = f"Tabel {nomor} {judul_tabel}"
            daftar = letak.setdefault(_kunci(besaran, kunci), [])
            if judul not in daftar:
                daftar.append(judul)
    return letak


def _letak_baris(data, t) -> str | None:
    """A finding on a row of a PK file: the PK table of this report and its row."""
    nama = PurePosixPath(t.berkas).name
    if nama not in ("pk_anggaran.csv", "pk_indikator.csv") or t.baris is None:
        return None
    df = data.pk_anggaran if nama == "pk_anggaran.csv" else data.pk_indikator
    baris = df[df["_baris"] == t.baris]
    if not len(baris):
        return None
    kode, no = baris.iloc[0]["kode_pejabat"], baris.iloc[0]["no"]
    jabatan = data.pejabat.set_index("kode_pejabat").loc[kode, "jabatan"]
    nomor = susun.nomor_lampiran(data)
    jenis = "anggaran" if nama == "pk_anggaran.csv" else "indikator"
    tabel_pk = [v for k, v in nomor.items() if k.startswith(f"tabel:pk_{jenis}:{kode}")]
    tempat = f"Tabel {tabel_pk[0]}" if len(tabel_pk) == 1 else "Lampiran"
    return f"{tempat} (Perjanjian Kinerja {jabatan}), baris nomor {int(no)}"


def letak_temuan(data, t, letak: dict) -> str:
    """Where in this report a finding lies, in words."""
    if "/narasi/" in str(t.berkas):
        from lkjip.narasi import letak_narasi

        nama = str(t.berkas).split("/narasi/", 1)[1].removesuffix(".md")
        return f"{letak_narasi(data, nama)}; {t.tempat} baris {t.baris}"
    if t.besaran is not None:
        daftar = letak.get(_kunci(t.besaran, t.kunci))
        if daftar:
            return "; ".join(daftar)
        return "angka ini dikutip dalam uraian laporan, tidak dalam tabel"
    return _letak_baris(data, t) or "data masukan; tidak tampil sebagai angka tersendiri"


# ---------------------------------------------------------------- the finding in words


def teks_putusan(putusan, tingkat: str, terhitung, tersaji) -> str:
    """Which figure the edition uses for a finding, and why."""
    if putusan is None:
        if tingkat == "galat":
            dipakai = f" ({terhitung})" if terhitung else ""
            return (f"Belum diputuskan. Sampai ada putusan, laporan memakai angka hasil "
                    f"perhitungan{dipakai} dan setiap halamannya bertanda DRAF.")
        return "Belum diputuskan (tidak menghalangi penerbitan laporan)."
    if putusan.putusan == kp.TERSAJI:
        dipakai = f" ({tersaji})" if tersaji else ""
        teks = f"Diputuskan tersaji: laporan memakai angka yang tertulis{dipakai}."
    else:
        dipakai = f" ({terhitung})" if terhitung else ""
        teks = f"Diputuskan terhitung: laporan memakai angka hasil perhitungan{dipakai}."
    return teks + (f" Alasan: {putusan.alasan}" if putusan.alasan else "")


def angka_edisi(hasil, t) -> str | None:
    """The figure the edition prints for a finding's stated figure (after every decision),
    formatted as the finding formats it; None when the finding names no computed figure."""
    from lkjip.format import format_angka, format_rupiah
    from lkjip.tetap import jalur_tersaji

    jalur = jalur_tersaji(hasil, t.besaran, t.kunci) if t.besaran else None
    if t.besaran is None and str(t.aturan).startswith("narasi-"):
        jalur = t.kunci  # the figure a typed number names (`lkjip.periksa.narasi`)
    if jalur is None:
        return None
    from lkjip.jejak import cari

    a = cari(hasil, jalur)
    if a.nilai is None:
        return None
    return format_rupiah(a.nilai) if str(t.terhitung or "").startswith("Rp") else \
        format_angka(a.nilai, a.desimal)


def _rujukan(t) -> str:
    """File and row of a finding; for a stated figure only its row of tersaji.csv (whose
    ``sumber`` names places in the report as first published, not in this one)."""
    if PurePosixPath(t.berkas).name == "tersaji.csv" or not t.tempat:
        return t.letak
    return f"{t.letak} ({t.tempat})"


def _blok_temuan(data, hasil, t, keadaan: kp.Keadaan, letak: dict) -> str:
    """One finding as a small two-column table whose anchor is the finding's id."""
    judul = judul_aturan(t.aturan)
    dipakai = angka_edisi(hasil, t) or t.terhitung
    baris = [
        ("Yang ditemukan", t.pesan),
        ("Letak dalam laporan ini", letak_temuan(data, t, letak)),
        ("Angka yang dipakai", teks_putusan(keadaan.putusan_untuk(t), t.tingkat, dipakai,
                                            t.tersaji)),
        ("Rujukan data", _rujukan(t)),
    ]
    isi = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{escape(str(v))}</td></tr>'
                  for k, v in baris)
    id_ = kp.id_temuan(t)
    return (f'<section class="lk-temuan lk-{escape(t.tingkat)}" id="{escape(t.jangkar)}">'
            f'<h4 class="lk-subjudul">Temuan {t.nomor} · {escape(t.tingkat)} · '
            f'{escape(judul)} <span class="lk-temuan-id">[{escape(id_)}]</span></h4>'
            f'<table class="lk-temuan-tabel"><tbody>{isi}</tbody></table></section>')


def ringkasan(keadaan: kp.Keadaan) -> str:
    """The counts per severity, decided and open, in one paragraph."""
    if not keadaan.temuan:
        return "Pemeriksaan data tidak menemukan masalah."
    n = hitung_tingkat(keadaan.temuan)
    putus = sum(keadaan.putusan_untuk(t) is not None for t in keadaan.temuan)
    teks = (f"Pemeriksaan data menemukan {len(keadaan.temuan)} temuan ({n['galat']} galat, "
            f"{n['peringatan']} peringatan, {n['info']} info); {putus} sudah diputuskan. ")
    terbuka = len(keadaan.galat_terbuka)
    teks += (f"{terbuka} galat belum diputuskan, sehingga laporan masih bertanda DRAF."
             if terbuka else "Semua galat sudah diputuskan: laporan siap ditandatangani."
             if n["galat"] else "Tidak ada galat: laporan siap ditandatangani.")
    return teks


def temuan(data, hasil, keadaan: kp.Keadaan) -> tampil.Html:
    """Every finding with its decision (the working paper's Catatan Pemeriksaan Data)."""
    # where the report shows a stated figure: only a finding about one asks (`letak_temuan`),
    # and finding it builds the edition's tables again
    tersaji = any(t.besaran is not None for t in keadaan.temuan)
    letak = letak_tersaji(data, hasil) if tersaji else {}
    bagian = [tampil.paragraf(ringkasan(keadaan)).isi]
    bagian += [_blok_temuan(data, hasil, t, keadaan, letak) for t in keadaan.temuan]
    if keadaan.basi:
        bagian.append(tampil.subjudul("Putusan yang Tidak Dipakai", tingkat=3,
                                      id="putusan-basi").isi)
        bagian.append(tampil.tabel(pd.DataFrame(
            [[p.temuan, p.putusan, p.alasan, f"keputusan.csv baris {p.baris}"]
             for p in keadaan.basi],
            columns=["Temuan", "Putusan", "Alasan", "Letak"]), "K.1",
            "Putusan yang temuannya tidak ada lagi", catatan=kp.URAIAN_BASI).isi)
    return tampil.Html("".join(bagian), "Temuan pemeriksaan")


# ---------------------------------------------------------------- the inputs read


def _sidik(path: Path) -> str:
    """The first 12 hex digits of a file's SHA-256 (to tie the report to its data)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def masukan(data) -> tampil.Html:
    """Tabel of the inputs read: file, rows, size, SHA-256 (first 12 digits)."""
    akar = Path(data.data_dir)
    baris = []
    for nama, tampil_nama in sorted(data.berkas.items(), key=lambda x: x[1]):
        path = akar / tampil_nama
        if not path.is_file():
            continue
        df = data.tabel.get(nama)
        baris.append([tampil_nama, "" if df is None else str(len(df)),
                      f"{path.stat().st_size:,}".replace(",", "."), _sidik(path)])
    folder = akar / data.kecamatan / str(data.tahun)
    for path in sorted((folder / "narasi").rglob("*.md")) + sorted(folder.glob(kp.NAMA_BERKAS)):
        baris.append([str(path.relative_to(akar)), "", f"{path.stat().st_size:,}".replace(
            ",", "."), _sidik(path)])
    df = pd.DataFrame(baris, columns=["Berkas", "Baris data", "Ukuran (byte)", "SHA-256 (awal)"])
    return tampil.tabel(df, "K.2", "Data Masukan yang Dibaca",
                        catatan="baris data tanpa baris judul; sidik SHA-256 menandai isi berkas "
                        "persis seperti saat laporan dibangun.")
