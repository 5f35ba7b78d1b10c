"""What is in a kecamatan's folders against what the data model expects (`lkjip.skema`).

The loader reads files by their exact names. Without this check, a file the office meant but
named differently (``Data_Publik.csv`` from Windows, ``desa .csv``, ``anggaran.xlsx``) would be
ignored without a word and, for a list that a composite counts, turn into a silent 0/0. So
every entry of ``<kecamatan>/``, ``renstra/``, ``<tahun>/`` and ``narasi/`` that the model does
not know is named in a `Masalah`, with the expected name it most resembles (`asing`); hidden
files and the lock files of Excel and LibreOffice are ignored (`ABAIKAN`).

`cek_perlu` then applies the "required when" column of the file table: a composite that
counts a list needs that list, an IKM indicator needs a survey. A missing file there is an
error, never an empty list.

>>> saran("Data_Publik.csv", ["data_publik.csv", "desa.csv"])
"nama berkas berbeda huruf besar/kecil; ganti namanya menjadi 'data_publik.csv'."
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from lkjip.baca import pesan_os
from lkjip.galat import Masalah
from lkjip.skema import (
    BERKAS,
    FOLDER_LAIN,
    LAIN,
    NARASI,
    NARASI_FOLDER,
    NARASI_LETAK,
    TW,
    WAJIB_JIKA,
)

ABAIKAN = re.compile(r"^(\.|~\$)|^(thumbs\.db|desktop\.ini)$", re.IGNORECASE)
TAHUN = re.compile(r"(19|20)[0-9]{2}")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def berkas_renstra() -> list[str]:
    """File names expected in ``renstra/``."""
    return [n.removeprefix("renstra/") for n in BERKAS if n.startswith("renstra/")]


def berkas_tahun() -> list[str]:
    """File names expected in ``<tahun>/``."""
    return [n for n in BERKAS if "/" not in n]


def saran(nama: str, dikenal: list[str], apa: str = "berkas") -> str:
    """What to do with an entry named `nama` that is not one of `dikenal`.

    >>> saran("anggaran.xlsx", ["anggaran.csv"])[:40]
    'lkjip hanya membaca CSV: simpan sebagai '
    >>> saran("catatan.txt", ["desa.csv"])[:27]
    'tidak dikenal oleh model da'
    """
    kecil = {d.lower(): d for d in dikenal}
    if nama.lower() in kecil:
        benar = kecil[nama.lower()]
        return f"nama {apa} berbeda huruf besar/kecil; ganti namanya menjadi '{benar}'."
    dasar = Path(nama).stem.strip().lower()
    sama = [d for d in dikenal if Path(d).stem == dasar]
    if sama and Path(nama).suffix.lower() in (".xlsx", ".xls", ".ods", ".txt", ".tsv"):
        return (f"lkjip hanya membaca CSV: simpan sebagai 'CSV UTF-8' dengan nama '{sama[0]}', "
                "lalu pindahkan berkas ini ke luar folder data.")
    mirip = difflib.get_close_matches(nama.strip().lower(), list(kecil), n=1, cutoff=0.7)
    if mirip:
        return (f"tidak dikenal oleh model data; mungkin maksudnya '{kecil[mirip[0]]}'? "
                "Ganti namanya, atau pindahkan ke luar folder data.")
    return (f"tidak dikenal oleh model data (yang dikenal di sini: {', '.join(dikenal)}); "
            "pindahkan ke luar folder data.")


def _isi(folder: Path, tampil: str) -> tuple[list[Path], list[Masalah]]:
    """The entries of `folder` (none when it does not exist), or the problem reading it."""
    try:
        return (sorted(folder.iterdir()) if folder.is_dir() else []), []
    except OSError as e:
        return [], [Masalah(tampil, pesan=f"folder tidak dapat dibaca: {pesan_os(e)}.")]


def asing(folder: Path, tampil: str, berkas: list[str], subfolder: list[str] = ()
          ) -> list[Masalah]:
    """Entries of `folder` that the model does not know, each with its `saran`; a file
    where a subfolder is expected. Nothing when `folder` does not exist."""
    isi, masalah = _isi(folder, tampil)
    for p in isi:
        nama = p.name
        if ABAIKAN.search(nama) or nama in berkas:
            continue
        if nama in subfolder:
            if not p.is_dir():
                masalah.append(Masalah(f"{tampil}/{nama}", pesan=(
                    "adalah sebuah berkas, padahal seharusnya folder.")))
            continue
        apa = "folder" if p.is_dir() else "berkas"
        masalah.append(Masalah(f"{tampil}/{nama}", pesan=saran(nama, berkas + list(subfolder),
                                                               apa)))
    return masalah


def periksa_folder(dir_kec: Path, tahun: int) -> list[Masalah]:
    """Every entry of the kecamatan's folders that the model does not know."""
    kec = dir_kec.name
    masalah = []
    try:
        lain = sorted(p.name for p in dir_kec.iterdir()
                      if p.name != "renstra" and not TAHUN.fullmatch(p.name)
                      and not ABAIKAN.search(p.name))
    except OSError as e:
        return [Masalah(kec, pesan=f"folder tidak dapat dibaca: {pesan_os(e)}.")]
    for nama in lain:
        masalah.append(Masalah(f"{kec}/{nama}", pesan=saran(
            nama, ["renstra", str(tahun)], "folder" if (dir_kec / nama).is_dir() else "berkas")
            .replace("yang dikenal di sini: ", "yang dikenal di sini: folder tahun, mis. ")))
    masalah += asing(dir_kec / "renstra", f"{kec}/renstra", berkas_renstra())
    masalah += asing(dir_kec / str(tahun), f"{kec}/{tahun}", berkas_tahun() + list(LAIN),
                     ["narasi", *FOLDER_LAIN])
    narasi = dir_kec / str(tahun) / "narasi"
    masalah += asing(narasi, f"{kec}/{tahun}/narasi", list(NARASI), list(NARASI_FOLDER))
    for sub in NARASI_FOLDER:
        masalah += asing_md(narasi / sub, f"{kec}/{tahun}/narasi/{sub}")
    return masalah


def asing_md(folder: Path, tampil: str) -> list[Masalah]:
    """Entries of a per-figure narrative folder (``narasi/komponen/``) that are not a
    ``<kode>.md`` file."""
    isi, masalah = _isi(folder, tampil)
    for p in isi:
        if ABAIKAN.search(p.name) or (p.suffix == ".md" and not p.is_dir()):
            continue
        benar = f"'{p.stem}.md'" if p.suffix.lower() == ".md" else "'<kode>.md' (Markdown)"
        masalah.append(Masalah(f"{tampil}/{p.name}", pesan=(
            f"tidak dikenal oleh model data: folder ini hanya berisi berkas {benar}, satu per "
            "kode; ganti namanya, atau pindahkan ke luar folder data.")))
    return masalah


def cek_kode_narasi(narasi: dict, tabel: dict, tampil) -> list[Masalah]:
    """A per-figure narrative (``narasi/komponen/CL.4.md``) names a code of its table; an
    unknown code is named with the closest ones (`tampil(key)`: the file as shown)."""
    masalah = []
    for kunci in sorted(narasi):
        sub, _, kode = kunci.partition("/")
        if sub not in NARASI_FOLDER:
            continue
        kolom = NARASI_FOLDER[sub][0]
        df = tabel.get("indikator" if sub == "indikator" else "komposit")
        ada = [] if df is None else [str(k) for k in df[kolom]]
        if kode in ada:
            continue
        mirip = difflib.get_close_matches(kode, ada, n=3, cutoff=0.5)
        saran = f" Mungkin maksudnya: {', '.join(mirip)}." if mirip else ""
        berkas = "renstra/indikator.csv" if sub == "indikator" else "komposit.csv"
        masalah.append(Masalah(tampil(kunci), pesan=(
            f"'{kode}' bukan {kolom} di {berkas} (yang ada: {', '.join(ada) or 'tidak ada'}); "
            f"nama berkas ini harus <{kolom}>.md.{saran}")))
    return masalah


def terlewat(data_dir: Path, tahun: int | None = None) -> list[str]:
    """Folders of the data folder that a batch would pass over: a kecamatan folder whose name is
    not a lowercase slug (``Petarukan/``), a year folder without ``profil.csv``. Each with
    what to do, so a batch never skips one without a word.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / "Petarukan" / "2023").mkdir(parents=True)
    >>> terlewat(d)
    ["Petarukan/: dilewati; nama folder kecamatan harus huruf kecil, angka dan tanda hubung: \
ganti namanya menjadi 'petarukan'."]
    """
    pesan = []
    try:
        isi = sorted(p for p in Path(data_dir).iterdir() if p.is_dir() and not ABAIKAN.search(
            p.name))
    except OSError as e:
        return [f"{data_dir}: folder data tidak dapat dibaca: {pesan_os(e)}."]
    for kec in isi:
        tahun_ada = _tahun(kec, tahun)
        if not SLUG.fullmatch(kec.name):
            if tahun_ada:
                slug = re.sub(r"[^a-z0-9]+", "-", kec.name.lower()).strip("-") or "nama-kecamatan"
                pesan.append(f"{kec.name}/: dilewati; nama folder kecamatan harus huruf kecil, "
                             f"angka dan tanda hubung: ganti namanya menjadi '{slug}'.")
            continue
        pesan += [f"{kec.name}/{t.name}/: dilewati; tidak ada profil.csv." for t in tahun_ada
                  if not (t / "profil.csv").exists()]
    return pesan


def _tahun(kec: Path, tahun: int | None) -> list[Path]:
    try:
        return sorted(t for t in kec.iterdir() if t.is_dir() and TAHUN.fullmatch(t.name)
                      and (tahun is None or t.name == str(tahun)))
    except OSError:
        return []


# --- required when -------------------------------------------------------------------------

def _pemicu(tabel: dict, nama: str) -> list[str]:
    """Where the conditions of file `nama` hold: 'komposit.csv baris 5 (daftar desa)'."""
    tempat = []
    for s in BERKAS[nama].syarat:
        df = tabel.get(_tabel(s.berkas))
        if df is None or s.kolom not in df.columns:
            continue
        baris = [int(b) for v, b in zip(df[s.kolom], df["_baris"], strict=True) if v == s.nilai]
        if baris:
            daftar = ", ".join(map(str, baris[:5])) + (", …" if len(baris) > 5 else "")
            tempat.append(f"{s.berkas.removeprefix('renstra/')} baris {daftar} "
                          f"({s.kolom} '{s.nilai}')")
    return tempat


def _tabel(nama: str) -> str:
    dasar = nama.rsplit("/", 1)[-1].removesuffix(".csv")
    return "ikm_responden" if dasar.startswith("ikm_responden") else dasar


def cek_perlu(tabel: dict, ada: set[str], tampil) -> list[Masalah]:
    """The files required by a condition that holds: present, and with enough rows.

    `tabel` holds the frames loaded without problems, `ada` the names of the files present
    (loaded or not), `tampil(nama)` the name to show. Alternatives (one ``kelompok``) are
    checked once, on the first of them.
    """
    masalah, dilihat = [], set()
    for nama, b in BERKAS.items():
        if b.perlu != WAJIB_JIKA or (b.kelompok and b.kelompok in dilihat):
            continue
        dilihat.add(b.kelompok)
        pemicu = _pemicu(tabel, nama)
        if not pemicu:
            continue
        sekutu = [n for n, c in BERKAS.items() if b.kelompok and c.kelompok == b.kelompok]
        sekutu = sekutu or [nama]
        hadir = [n for n in sekutu if n in ada]
        alasan = "; ".join(pemicu)
        if not hadir:
            atau = " atau ".join(sekutu)
            masalah.append(Masalah(tampil(nama), pesan=(
                f"tidak ditemukan, padahal wajib karena {alasan}. Buat berkas {atau}; tanpa "
                "daftar ini angkanya tidak dapat dihitung.")))
            continue
        df = tabel.get(_tabel(hadir[0]))
        if df is not None and len(df) < b.min_baris_jika:
            masalah.append(Masalah(tampil(hadir[0]), pesan=(
                f"tidak berisi baris data, padahal wajib diisi karena {alasan}.")))
    return masalah


# --- what a loadable kecamatan-year still lacks --------------------------------------------

def belum_diisi(data) -> list[str]:
    """What the report will show as "(belum diisi)" or "–" because it is not in the data yet:
    narasi files, this year's realisasi of an indicator typed directly, a year given by quarters
    with one still empty, the strategi/kebijakan and sarpras tables, the budget realisasi, the
    PK budget tables. Not errors: `lkjip check`
    lists them so nothing is left by accident.
    """
    kurang = [f"narasi/{n}: belum ada; laporan menampilkan \"(belum diisi)\" ({letak})."
              for n, letak in NARASI_LETAK.items() if n.removesuffix(".md") not in data.narasi]
    ada = data.realisasi[(data.realisasi["tahun"] == data.tahun)
                         & data.realisasi["realisasi"].notna()]
    di_pk = _triwulan_di_pk(data)
    for _, i in data.indikator.iterrows():
        kode = i["kode_indikator"]
        if i["sumber_realisasi"] == "langsung" and kode not in set(ada["kode_indikator"]):
            pesan = (f"renstra/realisasi.csv: belum ada realisasi {data.tahun} untuk "
                     f"{kode} ({i['indikator']}); capaiannya tampil '–'.")
            if kode in di_pk:
                pesan += (f" Triwulannya sudah diisi di realisasi_pk_tw.csv (baris "
                          f"{', '.join(map(str, di_pk[kode]))}), tetapi realisasi tahunan hanya "
                          "dibaca dari renstra/realisasi.csv: isi di sana satu baris periode "
                          "'tahun' atau keempat baris TW1–TW4.")
            kurang.append(pesan)
    kurang += tw_belum_lengkap(data)
    for nama, tabel, letak in (
            ("renstra/strategi.csv", "strategi", "tabel Strategi dan Arah Kebijakan (Bab II)"),
            ("renstra/kebijakan.csv", "kebijakan", "tabel Strategi dan Arah Kebijakan (Bab II)"),
            ("sarpras.csv", "sarpras", "tabel Sarana dan Prasarana (Bab I)")):
        if not len(getattr(data, tabel)):
            kurang.append(f"{nama}: belum ada (atau tanpa baris); {letak} tampil tanpa baris.")
    if not len(data.realisasi_anggaran):
        kurang.append("realisasi_anggaran.csv: belum ada realisasi anggaran; penyerapan dan "
                      "efisiensi tampil '–'.")
    kurang += realisasi_belum_lengkap(data)
    if not len(data.pk_anggaran):
        kurang.append("pk_anggaran.csv: belum ada; lampiran PK tanpa tabel anggaran.")
    return kurang


def realisasi_belum_lengkap(data) -> list[str]:
    """A sasaran whose realisasi rows cover some of its programs (or kegiatan) and not one with
    a pagu: its realisasi, penyerapan and the total's are shown '–' (`lkjip.hitung.
    realisasi_node`), not the sum of the others, which would count the missing one as Rp 0."""
    from lkjip import anggaran as ang
    from lkjip.format import format_rupiah

    pagu = ang.pagu_realisasi(data.anggaran) if len(data.anggaran) else {}
    kurang = []
    for (_, s), (t, k) in ang.tanpa_baris(data.anggaran, data.realisasi_anggaran, pagu=pagu):
        kurang.append(
            f"realisasi_anggaran.csv: belum ada baris realisasi {t.replace('_', ' ')} {k} "
            f"(pagu perubahan {format_rupiah(pagu[(t, k)])}), padahal bagian lain sasaran {s} "
            f"sudah diisi; realisasi dan penyerapan anggaran sasaran {s} serta totalnya tampil "
            "'–'. Isi barisnya (tulis 0 bila memang tidak ada realisasi).")
    return kurang


def indikator_pk(data) -> dict[tuple[str, int], object]:
    """PK row (kode_pejabat, no) -> its Renstra indicator (`kode_indikator` as loaded: NaN for
    a row without one): how a row of the quarterly files names its Renstra indicator."""
    return {(str(r["kode_pejabat"]), int(r["no"])): r["kode_indikator"]
            for _, r in data.pk_indikator.iterrows()}


def _triwulan_di_pk(data) -> dict[str, list[int]]:
    """Renstra indicator -> the rows of realisasi_pk_tw.csv (file row numbers) that give one of
    its quarters this year, through the PK row they name (kode_pejabat, no)."""
    pk = indikator_pk(data)
    hasil: dict[str, list[int]] = {}
    for _, r in data.realisasi_pk_tw.iterrows():
        kode = pk.get((str(r["kode_pejabat"]), int(r["no"])))
        # an empty cell is NaN, the one value not equal to itself
        if isinstance(kode, str) and kode and any(
                r[f"{tw}_angka"] == r[f"{tw}_angka"] for tw in ("tw1", "tw2", "tw3", "tw4")):
            hasil.setdefault(kode, []).append(int(r["_baris"]))
    return hasil


def tw_belum_lengkap(data) -> list[str]:
    """Years up to this one given in `renstra/realisasi.csv` by quarters, not all four filled:
    the year's realisasi is not computed from part of a year (`hitung._realisasi_tahun`)."""
    df = data.realisasi[data.realisasi["tahun"] <= data.tahun]
    kurang = []
    for (kode, tahun), kelompok in df.groupby(["kode_indikator", "tahun"], sort=True):
        if (kelompok["periode"] == "tahun").any() or not kelompok["periode"].isin(TW).any():
            continue
        ada = set(kelompok.loc[kelompok["realisasi"].notna(), "periode"])
        if kosong := [p for p in TW if p not in ada]:
            kurang.append(
                f"renstra/realisasi.csv: realisasi {kode} tahun {tahun} diberikan per triwulan, "
                f"tetapi {', '.join(kosong)} belum diisi; realisasi tahun itu tampil '–' "
                "sampai keempat triwulan diisi (atau isi satu baris periode 'tahun').")
    return kurang
