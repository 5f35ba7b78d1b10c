"""Cross-file references: every code that points elsewhere must exist there.

These are load errors (the data cannot be computed without them), unlike the
consistency checks of `lkjip.periksa`, which compare figures that can be computed.

They run with the problems of the files themselves (`lkjip.muat`), so one `lkjip check` names
both: each rule runs when every table it reads has loaded; a rule reading a table whose file
has problems waits for it (it would compare with an empty table and accuse sound rows).
"""

from __future__ import annotations

import pandas as pd

from lkjip.capaian import metode_salah, rasio_salah
from lkjip.galat import Masalah
from lkjip.komposit import jenis_salah
from lkjip.pohon import cek_akar_komposit, cek_pejabat, cek_pohon
from lkjip.referensi_tw import cek_referensi_tw


def _ref(tabel, berkas, anak, kolom, induk, kolom_induk, apa) -> list[Masalah]:
    """Rows of `anak` whose `kolom` is not a `kolom_induk` of `induk`."""
    sah = set(tabel[induk][kolom_induk].dropna())
    df = tabel[anak]
    return [
        Masalah(berkas[anak], int(b), kolom, str(v),
                f"{apa} yang ada di {berkas[induk]} ({', '.join(sorted(map(str, sah))) or '-'})"
                + _saran_kode(str(v), sah))
        for v, b in zip(df[kolom], df["_baris"], strict=True)
        if v is not None and not pd.isna(v) and v not in sah
    ]


_MIRIP = str.maketrans({"O": "0", "I": "1", "L": "1", "–": "-", "—": "-", "_": "-"})


def _saran_kode(nilai: str, sah) -> str:
    """' (mungkin maksudnya 'IKU-04')' when one valid code is the typed one with a letter O for
    a zero, a space, another case or dash (an office's typo), or else the only closest one.

    >>> _saran_kode("IKU-O4", {"IKU-01", "IKU-04"}), _saran_kode("iku 04", {"IKU-04"})
    (" (mungkin maksudnya 'IKU-04')", " (mungkin maksudnya 'IKU-04')")
    >>> _saran_kode("1.3", {"1.1", "1.2"}), _saran_kode("sekcamm", {"sekcam", "camat"})
    ('', " (mungkin maksudnya 'sekcam')")
    """
    import difflib

    def normal(x: str) -> str:
        return "".join(x.split()).upper().translate(_MIRIP).replace("-", "")

    sah = [str(s) for s in sah]
    sama = [s for s in sah if normal(s) == normal(nilai)]
    if len(sama) != 1:
        skor = sorted(((difflib.SequenceMatcher(None, nilai, s).ratio(), s) for s in sah),
                      reverse=True)
        terbaik = [s for r, s in skor if r >= 0.8 and r == skor[0][0]]
        sama = terbaik if len(terbaik) == 1 else []
    return f" (mungkin maksudnya '{sama[0]}')" if sama else ""


REFERENSI = [
    # child table, column, parent table, parent column, what it must be
    ("sasaran", "kode_tujuan", "tujuan", "kode_tujuan", "kode tujuan"),
    ("indikator", "kode_sasaran", "sasaran", "kode_sasaran", "kode sasaran"),
    ("target", "kode_indikator", "indikator", "kode_indikator", "kode indikator"),
    ("realisasi", "kode_indikator", "indikator", "kode_indikator", "kode indikator"),
    ("strategi", "kode_sasaran", "sasaran", "kode_sasaran", "kode sasaran"),
    ("kebijakan", "kode_strategi", "strategi", "kode_strategi", "kode strategi"),
    ("pejabat", "kode_atasan", "pejabat", "kode_pejabat", "kode pejabat"),
    ("pk_indikator", "kode_pejabat", "pejabat", "kode_pejabat", "kode pejabat"),
    ("pk_indikator", "kode_indikator", "indikator", "kode_indikator", "kode indikator Renstra"),
    ("pk_anggaran", "kode_pejabat", "pejabat", "kode_pejabat", "kode pejabat"),
    ("pk_anggaran", "kode_anggaran", "anggaran", "kode", "kode anggaran"),
    ("anggaran", "kode_induk", "anggaran", "kode", "kode anggaran"),
    ("anggaran", "kode_sasaran", "sasaran", "kode_sasaran", "kode sasaran"),
    ("komposit", "kode_induk", "komposit", "kode_node", "kode node"),
    ("komposit", "kode_indikator", "indikator", "kode_indikator", "kode indikator"),
    ("pk_realisasi", "kode_pejabat", "pejabat", "kode_pejabat", "kode pejabat"),
    ("pk_realisasi", "kode_node", "komposit", "kode_node", "kode node"),
    ("pk_realisasi", "kode_anggaran", "anggaran", "kode", "kode anggaran"),
    ("standar", "kode_indikator", "indikator", "kode_indikator", "kode indikator"),
    ("indikator_renstra", "kode_indikator", "indikator", "kode_indikator", "kode indikator"),
]


def cek_referensi(tabel: dict, berkas: dict, kecamatan: str, tahun: int,
                  gagal: frozenset[str] | set[str] = frozenset()) -> list[Masalah]:
    """Every cross-file problem at once, of the rules whose tables all loaded: `gagal` names
    the tables whose file has problems (their frame is empty, not their data)."""
    masalah = []
    for anak, kolom, induk, kolom_induk, apa in REFERENSI:
        if not {anak, induk} & gagal:
            masalah += _ref(tabel, berkas, anak, kolom, induk, kolom_induk, apa)
    for perlu, cek in (
        ({"profil"}, lambda: _cek_profil(tabel, berkas, kecamatan, tahun)),
        ({"anggaran"}, lambda: _cek_anggaran(tabel["anggaran"], berkas["anggaran"])),
        ({"realisasi_anggaran", "sasaran", "anggaran"},
         lambda: _cek_realisasi_anggaran(tabel, berkas)),
        ({"indikator", "komposit"}, lambda: _cek_sumber_realisasi(tabel, berkas)),
        ({"indikator"}, lambda: _cek_arah_metode(tabel["indikator"], berkas["indikator"])),
        ({"komposit", "ikm_responden", "ikm_nrr"},
         lambda: _cek_komposit(tabel, berkas["komposit"])),
        ({"ikm_nrr"}, lambda: _cek_ikm_nrr(tabel["ikm_nrr"], berkas["ikm_nrr"])),
        # the trees (lkjip.pohon.cek_pohon_data, one tree at a time)
        ({"pejabat"}, lambda: cek_pejabat(tabel["pejabat"], berkas["pejabat"])),
        ({"anggaran"}, lambda: cek_pohon(tabel["anggaran"], "kode", "kode_induk",
                                         berkas["anggaran"], "kode induk")),
        ({"komposit"}, lambda: cek_pohon(tabel["komposit"], "kode_node", "kode_induk",
                                         berkas["komposit"], "kode node induk")),
        ({"komposit", "indikator"}, lambda: cek_akar_komposit(tabel, berkas["komposit"])),
        ({"indikator", "pk_indikator", "pk_anggaran", "realisasi_pk_tw", "penjelasan_tw",
          "realisasi_anggaran_tw", "ambang_tw"}, lambda: cek_referensi_tw(tabel, berkas)),
        ({"pk_realisasi", "pk_indikator"}, lambda: _cek_pk_realisasi(tabel, berkas)),
    ):
        if not perlu & gagal:
            masalah += cek()
    return masalah


def _cek_pk_realisasi(tabel, berkas) -> list[Masalah]:
    """Each row of pk_realisasi.csv names a PK row that exists, and its realisasi one way:
    a composite node or a typed value, not both."""
    df = tabel.get("pk_realisasi")
    if df is None or not len(df):
        return []
    pk = set(zip(tabel["pk_indikator"]["kode_pejabat"], tabel["pk_indikator"]["no"],
                 strict=True))
    b, masalah = berkas["pk_realisasi"], []
    for _, r in df.iterrows():
        if (r["kode_pejabat"], r["no"]) not in pk:
            masalah.append(Masalah(b, int(r["_baris"]), "no", str(r["no"]),
                                   f"nomor baris PK {r['kode_pejabat']} yang ada di "
                                   f"{berkas['pk_indikator']}"))
        if r["kode_node"] is not None and not pd.isna(r["realisasi"]):
            masalah.append(Masalah(b, int(r["_baris"]), "realisasi", _angka(r["realisasi"]),
                                   "kosong bila kode_node diisi (realisasi diambil dari node)"))
    return masalah


def _cek_ikm_nrr(df: pd.DataFrame, b: str) -> list[Masalah]:
    """Aggregate IKM: NRR 1–4, at least one respondent, all nine unsur of each periode."""
    from lkjip.skema import UNSUR_KOLOM

    masalah = [Masalah(b, int(r["_baris"]), "nrr", f"{r['nrr']:g}", "NRR antara 1 dan 4")
               for _, r in df.iterrows() if not 1 <= r["nrr"] <= 4]
    masalah += [Masalah(b, int(r["_baris"]), "responden", str(r["responden"]),
                        "jumlah responden paling sedikit 1")
                for _, r in df.iterrows() if r["responden"] < 1]
    for periode, kelompok in df.groupby("periode", sort=True):
        kurang = [u for u in UNSUR_KOLOM if u not in set(kelompok["unsur"])]
        if kurang:
            masalah.append(Masalah(b, pesan=f"periode {periode}: unsur IKM tidak lengkap; "
                                            f"tidak ada baris untuk {', '.join(kurang)}."))
        masalah += _responden_sama(kelompok, periode, b)
    return masalah


def _responden_sama(kelompok: pd.DataFrame, periode: str, b: str) -> list[Masalah]:
    """Every respondent answers the nine unsur: one count per periode (the most frequent is
    taken as meant; a row that differs is named, never one of them picked silently)."""
    jumlah = kelompok["responden"].mode()
    if len(jumlah) != 1 or (kelompok["responden"] == jumlah[0]).all():
        return [] if len(jumlah) == 1 else [Masalah(b, pesan=(
            f"periode {periode}: jumlah responden berbeda antar unsur "
            f"({', '.join(f'{r:g}' for r in kelompok['responden'])}); kesembilan unsur "
            "dijawab oleh responden yang sama, jadi jumlahnya harus sama."))]
    return [Masalah(b, int(r["_baris"]), "responden", f"{r['responden']:g}",
                    f"{jumlah[0]:g}, jumlah responden unsur lain periode {periode} (setiap "
                    "responden menjawab kesembilan unsur)")
            for _, r in kelompok.iterrows() if r["responden"] != jumlah[0]]


def _cek_komposit(tabel, b: str) -> list[Masalah]:
    """A composite tree that can be computed: children only under a 'rerata' node and a
    'rerata' node with children, counts not negative and not x/0, IKM data for 'ikm'. (Its
    shape, roots and cycles: `lkjip.pohon`.)"""
    df = tabel["komposit"]
    punya_anak = set(df["kode_induk"].dropna())
    ada_ikm = bool(len(tabel["ikm_responden"]) or len(tabel["ikm_nrr"]))
    masalah = []
    for _, r in df.iterrows():
        baris, kode, jenis = int(r["_baris"]), r["kode_node"], r["jenis"]
        salah = jenis_salah(jenis, kode in punya_anak, ada_ikm)
        if salah:
            masalah.append(Masalah(b, baris, "jenis", jenis, salah))
        if jenis == "rasio" and r["daftar"] is None:
            masalah += _cek_rasio(r, b, baris)
    return masalah


def _cek_rasio(r, b: str, baris: int) -> list[Masalah]:
    p, q = r["pembilang"], r["penyebut"]
    if pd.isna(p) or pd.isna(q):
        return []  # reported with the file (skema.IsiBila)
    alasan = rasio_salah(p, q)
    if alasan is None:
        return []
    kolom = "pembilang" if p < 0 else "penyebut"
    return [Masalah(b, baris, kolom, _angka(r[kolom]), pesan=f"{alasan} (0/0 = 100%).")]


def _angka(x) -> str:
    return f"{x:g}"


def _cek_arah_metode(df: pd.DataFrame, b: str) -> list[Masalah]:
    """The capaian method must fit the direction (`lkjip.capaian.metode_salah`)."""
    return [Masalah(b, int(r["_baris"]), "metode", r["metode"], salah)
            for _, r in df.iterrows() if (salah := metode_salah(r["arah"], r["metode"]))]


def _cek_profil(tabel, berkas, kecamatan, tahun) -> list[Masalah]:
    p = tabel["profil"].iloc[0]
    b, baris = berkas["profil"], int(p["_baris"])
    masalah = []
    if p["kecamatan"] != kecamatan:
        masalah.append(Masalah(b, baris, "kecamatan", p["kecamatan"],
                               f"'{kecamatan}', sama dengan nama folder"))
    if p["tahun"] != tahun:
        masalah.append(Masalah(b, baris, "tahun", str(p["tahun"]),
                               f"{tahun}, sama dengan nama folder"))
    if p["renstra_awal"] > p["renstra_akhir"]:
        masalah.append(Masalah(b, baris, "renstra_akhir", str(p["renstra_akhir"]),
                               f"tahun tidak lebih awal dari renstra_awal ({p['renstra_awal']})"))
    return masalah


def _cek_anggaran(df: pd.DataFrame, b: str) -> list[Masalah]:
    induk = set(df["kode_induk"].dropna())
    tingkat = dict(zip(df["kode"], df["tingkat"], strict=True))
    masalah = []
    for _, r in df.iterrows():
        baris = int(r["_baris"])
        if r["tingkat"] == "program" and r["kode_sasaran"] is None:
            masalah.append(Masalah(b, baris, "kode_sasaran", None,
                                   "kode sasaran yang didukung program ini"))
        if r["tingkat"] == "program" and r["kode_induk"] is not None:
            masalah.append(Masalah(b, baris, "kode_induk", r["kode_induk"],
                                   "kosong, karena program berada di puncak pohon anggaran"))
        if r["tingkat"] != "program" and r["kode_induk"] is None:
            masalah.append(Masalah(b, baris, "kode_induk", None,
                                   f"kode induk dari {r['tingkat']} ini"))
        urutan = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
        ti = tingkat.get(r["kode_induk"])
        if ti is not None and urutan[ti] + 1 != urutan[r["tingkat"]]:
            masalah.append(Masalah(b, baris, "kode_induk", r["kode_induk"],
                                   f"induk satu tingkat di atas {r['tingkat']} (kini {ti})"))
        if r["kode"] not in induk and pd.isna(r["pagu_perubahan"]):
            masalah.append(Masalah(b, baris, "pagu_perubahan", None,
                                   "pagu setelah perubahan (baris tanpa rincian wajib diisi)"))
    return masalah


def _cek_realisasi_anggaran(tabel, berkas) -> list[Masalah]:
    df = tabel["realisasi_anggaran"]
    sasaran = set(tabel["sasaran"]["kode_sasaran"])
    anggaran = dict(zip(tabel["anggaran"]["kode"], tabel["anggaran"]["tingkat"], strict=True))
    masalah = []
    for _, r in df.iterrows():
        ok = r["kode"] in sasaran if r["tingkat"] == "sasaran" \
            else anggaran.get(r["kode"]) == r["tingkat"]
        if not ok:
            masalah.append(Masalah(berkas["realisasi_anggaran"], int(r["_baris"]), "kode",
                                   r["kode"], f"kode {r['tingkat']} yang ada"))
    return masalah


def _cek_sumber_realisasi(tabel, berkas) -> list[Masalah]:
    """An indicator computed from a composite tree needs its root."""
    masalah = []
    akar = set(tabel["komposit"]["kode_indikator"].dropna())
    for _, r in tabel["indikator"].iterrows():
        if r["sumber_realisasi"] == "komposit" and r["kode_indikator"] not in akar \
                and len(tabel["komposit"]):
            masalah.append(Masalah(berkas["indikator"], int(r["_baris"]), "sumber_realisasi",
                                   "komposit", "indikator yang punya akar di komposit.csv"))
    return masalah  # the cells a node's jenis needs: skema.IsiBila, checked with the file
