"""Results as data: pandas DataFrames, short reprs and compact HTML of what lkjip computes.

An analyst holds three objects in a notebook: the loaded data (`DataKecamatan`), the
computed result (`Hasil`) and its figures (`Angka`). Each prints as a line and shows in
JupyterLab as a small block (under 2.000 characters: the provenance of a figure can reach
every input row, and printing it all once made a 5,8 MB output), and the result turns into
DataFrames: ``hasil.to_frame(bagian)`` for the bagian of `BAGIAN`, indexed by code.

Numbers in the frames are the figures **as the report prints them**: percentages, indices and
other figures rounded half-up to the decimals the report shows (2; NRR 3) as float64, Rupiah
and counts as nullable integers (Int64). A value read from a frame is then the printed one
(capaian ``100.95``, not ``100.9512195…``) and pandas arithmetic, sorting and plotting just
work. Rejected: Decimal columns (exact, but object dtype: no plotting, slow, surprising to
pandas users). The exact unrounded value, with its formula and inputs, stays in the `Angka`
(``hasil.indikator["IKU-01"].capaian.nilai`` is a Decimal; ``lkjip jelaskan`` explains it).
Missing figures (no target, no realisasi) are NaN or <NA>. Categories (kategori, mutu) are
ordered pandas categoricals, lowest first, so ``df.sort_values("kategori")`` ranks them.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from lkjip.angka import Angka, bulatkan
from lkjip.format import format_angka, format_nilai, format_persen, format_target

BATAS_REPR = 2000  # characters, for repr and _repr_html_
BARIS_HTML = 8  # rows of the compact HTML tables
GAYA = 'style="font-size:90%;border-collapse:collapse"'


# ---------------------------------------------------------------- values


def angka_tampil(a, desimal: int | None = None) -> float:
    """A figure as the report prints it, as float; NaN when not available.

    >>> from decimal import Decimal
    >>> angka_tampil(Angka(Decimal("100.9512195"))), angka_tampil(Angka(Decimal("82.775")))
    (100.95, 82.78)
    >>> angka_tampil(None), angka_tampil(Angka(Decimal("3.3823683")), 3)
    (nan, 3.382)
    """
    nilai = a.nilai if isinstance(a, Angka) else a
    if nilai is None:
        return float("nan")
    if desimal is None:
        desimal = a.desimal if isinstance(a, Angka) else 2
    return float(bulatkan(nilai, desimal))


def bulat_rupiah(a) -> int | None:
    """A Rupiah figure or a count as int (half-up), None when not available.

    >>> from decimal import Decimal
    >>> bulat_rupiah(Angka(Decimal("2522467250"))), bulat_rupiah(Decimal("0.5")), bulat_rupiah(None)
    (2522467250, 1, None)
    """
    nilai = a.nilai if isinstance(a, Angka) else a
    if nilai is None or pd.isna(nilai):
        return None
    return int(bulatkan(nilai, 0))


def _kategori(nilai, urutan) -> pd.Categorical:
    """Ordered categorical, lowest first (`urutan` is highest first, as scales are written)."""
    return pd.Categorical(list(nilai), categories=list(reversed(list(urutan))), ordered=True)


def _urutan_skala(skala: str) -> list[str]:
    from lkjip.skala import muat_skala

    return list(muat_skala(skala)["kategori"])


def _rupiah(nilai) -> pd.Series:
    return pd.array([bulat_rupiah(v) for v in nilai], dtype="Int64")


# ---------------------------------------------------------------- frames


def frame_indikator(hasil) -> pd.DataFrame:
    """One row per indicator (index ``kode``): target, realisasi, capaian, kategori,
    target akhir and progres toward it, with the indicator's text, unit, arah and metode."""
    baris = [{
        "kode": i.kode, "indikator": i.indikator, "satuan": i.satuan, "arah": i.arah,
        "metode": i.metode, "kode_sasaran": i.kode_sasaran,
        "target": angka_tampil(i.target), "realisasi": angka_tampil(i.realisasi),
        "capaian": angka_tampil(i.capaian), "kategori": i.kategori,
        "target_akhir": angka_tampil(i.target_akhir), "progres": angka_tampil(i.progres),
    } for i in hasil.indikator.values()]
    df = pd.DataFrame(baris, columns=KOLOM["indikator"]).set_index("kode")
    df["kategori"] = _kategori(df["kategori"], _urutan_skala(hasil.skala))
    return df


def frame_sasaran(hasil) -> pd.DataFrame:
    """One row per sasaran (index ``kode``): capaian and kategori, budget (pagu, realisasi,
    Rupiah), penyerapan and efisiensi, with the indicators measured."""
    baris = [{
        "kode": s.kode, "sasaran": s.sasaran, "kode_tujuan": s.kode_tujuan,
        "indikator": ", ".join(s.indikator), "capaian": angka_tampil(s.capaian),
        "kategori": s.kategori, "pagu": s.pagu, "realisasi_anggaran": s.realisasi_anggaran,
        "penyerapan": angka_tampil(s.penyerapan), "efisiensi": angka_tampil(s.efisiensi),
    } for s in hasil.sasaran.values()]
    df = pd.DataFrame(baris, columns=KOLOM["sasaran"]).set_index("kode")
    df["kategori"] = _kategori(df["kategori"], _urutan_skala(hasil.skala))
    for kolom in ("pagu", "realisasi_anggaran"):
        df[kolom] = _rupiah(df[kolom])
    return df


def frame_anggaran(hasil) -> pd.DataFrame:
    """The DPA tree (index ``kode``): program, kegiatan and sub kegiatan with pagu murni,
    pagu perubahan, their difference and the realisasi typed for that code (Rupiah)."""
    pohon = hasil.anggaran
    data = hasil.data.realisasi_anggaran
    data = data[data["tingkat"] != "sasaran"]
    realisasi = dict(zip(data["kode"], data["realisasi"], strict=True))
    df = pd.DataFrame({
        "kode": pohon["kode"], "nama": pohon["nama"], "tingkat": pohon["tingkat"],
        "kode_induk": pohon["kode_induk"], "kode_sasaran": pohon["kode_sasaran"],
        "pagu_murni": _rupiah(pohon["pagu_murni"]),
        "pagu_perubahan": _rupiah(pohon["pagu_perubahan"]),
        "selisih": _rupiah(pohon["selisih"]),
        "realisasi": _rupiah(realisasi.get(k) for k in pohon["kode"]),
    }).set_index("kode")
    df["tingkat"] = df["tingkat"].astype("category")
    return df


def frame_ikm(hasil) -> pd.DataFrame:
    """One row per period (index ``periode``: the semesters, then ``tahun``): IKM, mutu,
    kinerja, respondents and the NRR of each unsur (3 decimals, as printed)."""
    from lkjip.ikm import MUTU

    periode = dict(hasil.ikm_semester)
    if hasil.ikm_tahun is not None:
        periode["tahun"] = hasil.ikm_tahun
    baris = []
    for nama, h in periode.items():
        nrr = {f"nrr_{k}": angka_tampil(v, 3) for k, v in h.nrr_decimal.items()}
        baris.append({"periode": nama, "ikm": angka_tampil(h.angka), "mutu": h.mutu,
                      "kinerja": h.kinerja, "responden": h.responden} | nrr)
    df = pd.DataFrame(baris).set_index("periode") if baris else \
        pd.DataFrame(columns=KOLOM["ikm"]).set_index("periode")
    df["mutu"] = _kategori(df["mutu"], [m for _, m, _ in MUTU])
    df["kinerja"] = _kategori(df["kinerja"], [k for _, _, k in MUTU])
    df["responden"] = df["responden"].astype("Int64")
    return df


def frame_pegawai(hasil) -> pd.DataFrame:
    """Personnel per jabatan (index ``jabatan``, Tabel 1.1–1.3 side by side, no total row):
    ``jumlah``, then ``pendidikan_<level>`` and ``golongan_<I–IV>`` (PNS only) counts."""
    from lkjip import pegawai as pg

    df = hasil.data.pegawai
    bagian = [pg.tabel_jabatan(df).rename(columns={pg.JUMLAH: "jumlah"}),
              pg.tabel_pendidikan(df).drop(columns=pg.JUMLAH).add_prefix("pendidikan_"),
              pg.tabel_golongan(df).drop(columns=pg.JUMLAH).add_prefix("golongan_")]
    gabung = pd.concat(bagian, axis=1).drop(index=pg.JUMLAH)
    gabung = gabung.reindex(list(pg.URUTAN_JABATAN)).fillna(0).astype("Int64")
    gabung.index.name = "jabatan"
    return gabung


def frame_riwayat(hasil) -> pd.DataFrame:
    """Target and realisasi of each indicator over the years (index ``kode``, ``tahun``): the
    Renstra's yearly targets, the realisasi typed for earlier years (``renstra/realisasi.csv``)
    and this year's computed one. Capaian is only computed for the report's year
    (``to_frame("indikator")``)."""
    baris = []
    for i in hasil.indikator.values():
        realisasi = dict(i.riwayat) | {hasil.data.tahun: i.realisasi}
        for tahun in sorted(set(realisasi) | set(i.target_tahunan)):
            baris.append({"kode": i.kode, "tahun": tahun,
                          "target": angka_tampil(i.target_tahunan.get(tahun)),
                          "realisasi": angka_tampil(realisasi.get(tahun))})
    return pd.DataFrame(baris, columns=KOLOM["riwayat"]).set_index(["kode", "tahun"])


KOLOM = {
    "indikator": ["kode", "indikator", "satuan", "arah", "metode", "kode_sasaran", "target",
                  "realisasi", "capaian", "kategori", "target_akhir", "progres"],
    "sasaran": ["kode", "sasaran", "kode_tujuan", "indikator", "capaian", "kategori", "pagu",
                "realisasi_anggaran", "penyerapan", "efisiensi"],
    "ikm": ["periode", "ikm", "mutu", "kinerja", "responden"],
    "riwayat": ["kode", "tahun", "target", "realisasi"],
}
BAGIAN = {"indikator": frame_indikator, "sasaran": frame_sasaran, "anggaran": frame_anggaran,
          "ikm": frame_ikm, "pegawai": frame_pegawai, "riwayat": frame_riwayat}


def ke_frame(hasil, bagian: str) -> pd.DataFrame:
    """``hasil.to_frame(bagian)``: one part of the result as a DataFrame (see the module doc).

    An unknown bagian names the valid ones:

    >>> ke_frame(None, "capaian")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lkjip.galat.LkjipError: ...bagian 'capaian' tidak dikenal; pilih salah satu: indikator, \
sasaran, anggaran, ikm, pegawai, riwayat.
    """
    fungsi = BAGIAN.get(bagian) if isinstance(bagian, str) else None
    if fungsi is None:
        from lkjip.galat import LkjipError, Masalah

        raise LkjipError(Masalah("to_frame", pesan=(
            f"bagian {bagian!r} tidak dikenal; pilih salah satu: {', '.join(BAGIAN)}.")))
    return fungsi(hasil)


# ---------------------------------------------------------------- short text


def ringkas(teks: str, maks: int) -> str:
    """`teks` on one line, cut to `maks` characters with an ellipsis.

    >>> ringkas("a  b\\nc", 10), ringkas("x" * 12, 5)
    ('a b c', 'xxxx…')
    """
    teks = " ".join(str(teks).split())
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


def _teks_angka(a) -> str:
    """A figure as printed ('100,95'), '–' when missing."""
    return format_angka(None if a is None else a.nilai, getattr(a, "desimal", 2))


def repr_angka(a: Angka) -> str:
    """``<Angka capaian IKU-01: 100,95 = 82,78 / 82,00 × 100>`` (one line, short)."""
    label = f"{a.label}: " if a.label else ""
    return f"<Angka {ringkas(label + a.uraian(), 200)}>"


def repr_data(data) -> str:
    p = data.profil
    baris = sum(len(df) for df in data.tabel.values())
    return (f"<DataKecamatan {data.kecamatan} {data.tahun}: Kecamatan {p.get('nama_kecamatan')}, "
            f"Kabupaten {p.get('kabupaten')}{' (DATA SINTETIS)' if data.sintetis else ''}; "
            f"{sum(bool(len(df)) for df in data.tabel.values())} tabel terisi, {baris} baris; "
            f"IKM: {data.sumber_ikm or 'tidak ada'}>")


def repr_hasil(hasil) -> str:
    d = hasil.data
    ikm = hasil.ikm_tahun
    teks_ikm = f", IKM {format_angka(ikm.nilai)} ({ikm.mutu})" if ikm is not None else ""
    return (f"<Hasil {d.kecamatan} {d.tahun}: capaian kinerja "
            f"{format_persen(hasil.capaian_kinerja.nilai)} ({hasil.kategori_kinerja or '–'}), "
            f"penyerapan anggaran {format_persen(hasil.penyerapan.nilai)}"
            f"{teks_ikm}; {len(hasil.indikator)} indikator, {len(hasil.sasaran)} sasaran. "
            f"Tabel: hasil.to_frame(\"{'|'.join(BAGIAN)}\")>")


# ---------------------------------------------------------------- compact HTML


def _tabel_html(kepala: list[str], baris: list[list[str]], sisa: int) -> str:
    th = "".join(f'<th style="text-align:left;padding:1px 6px">{escape(k)}</th>' for k in kepala)
    tr = "".join("<tr>" + "".join(f'<td style="padding:1px 6px">{escape(v)}</td>' for v in b)
                 + "</tr>" for b in baris)
    lagi = f"<tr><td colspan={len(kepala)}>… dan {sisa} lainnya</td></tr>" if sisa else ""
    return f"<table {GAYA}><tr>{th}</tr>{tr}{lagi}</table>"


def html_angka(a: Angka) -> str:
    """An `Angka` as a small block: value, label, worked line, rule, first inputs."""
    masukan = [ringkas(getattr(m, "uraian", lambda m=m: str(m))(), 90) for m in a.masukan[:4]]
    lagi = f" … dan {len(a.masukan) - 4} masukan lainnya" if len(a.masukan) > 4 else ""
    bagian = [f"<b>{escape(_teks_angka(a))}</b> {escape(ringkas(a.label, 80))}",
              f"<code>{escape(ringkas(a.uraian(), 300))}</code>"]
    if a.aturan:
        bagian.append(f"<i>{escape(ringkas(a.aturan, 300))}</i>")
    if masukan:
        bagian.append("masukan: " + "; ".join(escape(m) for m in masukan) + escape(lagi))
    return '<div class="lk-ringkas">' + "<br>".join(bagian) + "</div>"


def html_data(data) -> str:
    """The loaded data as a small block: which kecamatan-year, the tables and their rows."""
    terisi = [(n, len(df)) for n, df in data.tabel.items() if len(df)]
    daftar = ", ".join(f"{n} ({b})" for n, b in terisi)
    return (f'<div class="lk-ringkas"><b>{escape(repr_data(data)[1:-1])}</b><br>'
            f"tabel: {escape(ringkas(daftar, 900))}<br>"
            "<code>data.tabel[nama]</code>: DataFrame sebagaimana diketik (tervalidasi)</div>")


def html_hasil(hasil) -> str:
    """The result as a small block: the summary line and the first indicators."""
    df = frame_indikator(hasil)
    baris = [[k, ringkas(r.indikator, 40), format_target(r.target, r.satuan),
              format_nilai(r.realisasi, r.satuan), format_angka(r.capaian),
              str(r.kategori) if pd.notna(r.kategori) else "–"]
             for k, r in df.head(BARIS_HTML).iterrows()]
    tabel = _tabel_html(["kode", "indikator", "target", "realisasi", "capaian", "kategori"],
                        baris, max(0, len(df) - BARIS_HTML))
    return (f'<div class="lk-ringkas"><b>{escape(repr_hasil(hasil)[1:-1])}</b>'
            f"{tabel}</div>")
