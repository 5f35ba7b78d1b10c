"""Tables and sentences of the quarterly monitoring report (a view of `lkjip.triwulan`).

Each table function takes the computed `HasilTriwulan` and returns `lkjip.tampil.Html`: cells
hold the computed `Angka` (their provenance shows on hover in the HTML), numbers are formatted
by `lkjip.format`, every text is escaped by `lkjip.tampil`. Status cells carry a css class
(`KELAS_STATUS`) that colours them. Nothing here computes a figure; it only arranges them.

An indicator's values (target, realisasi, projection, gap) print as in the yearly edition, by
the indicator's unit (`lkjip.format.format_nilai`): a percentage, index or score with two
decimals, a count as exact as it is. The year's typed target prints by the same rule and is
never rounded (`lkjip.format.format_target`, `target_tampil`: 83,456 on a % indicator prints
'83,456', as in the edition). Capaian and penyerapan are percentages at two decimals; Rupiah
without decimals.

>>> from decimal import Decimal
>>> nilai_tampil(Angka(Decimal("80")), "%"), nilai_tampil(Angka(Decimal("3.5")), "kasus")
('80,00', '3,5')
>>> nilai_tampil(Angka(Decimal("12")), "kali"), nilai_tampil(None, "kasus")
('12', '–')
>>> target_tampil(Angka(Decimal("90")), "%"), target_tampil(Angka(Decimal("83.456")), "%")
('90,00', '83,456')
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from lkjip import tampil
from lkjip.angka import Angka
from lkjip.ejaan import daftar_kata
from lkjip.format import (
    KOSONG,
    format_angka,
    format_nilai,
    format_rupiah,
    format_target,
    format_target_sd,
)
from lkjip.skema import STATUS_TW
from lkjip.triwulan import NAMA_TW, TANPA_ANGGARAN, AnggaranTw, HasilTriwulan, IndikatorTw

KELAS_STATUS = {STATUS_TW[0]: "lk-tw-sesuai", STATUS_TW[1]: "lk-tw-perhatian",
                STATUS_TW[2]: "lk-tw-tidak"}
ROMAWI_TW = ("I", "II", "III", "IV")
SUMBER = "realisasi triwulan kecamatan (realisasi_pk_tw.csv, realisasi_anggaran_tw.csv), PK"


def nilai_tampil(a, satuan) -> str:
    """An indicator's figure as the yearly edition prints it, by its unit (`format_nilai`);
    a text (an a/b target as typed) as it is."""
    if a is None or isinstance(a, str):
        return a or KOSONG
    return format_nilai(a.nilai, satuan)


def target_tampil(a, satuan) -> str:
    """The year's typed target as the yearly edition prints it (`format_target`): by its
    unit, never rounded; a text (an a/b target as typed) as it is."""
    if a is None or isinstance(a, str):
        return a or KOSONG
    return format_target(a.nilai, satuan)


def _target_sd_tampil(a, satuan) -> str:
    return a if isinstance(a, str) else format_target_sd(a, satuan)


def persen_tampil(a) -> str:
    return KOSONG if a is None or a.nilai is None else format_angka(a.nilai, 2)


def rupiah_tampil(a) -> str:
    return KOSONG if a is None or a.nilai is None else format_angka(a.nilai, 0)


def status_tampil(x) -> str:
    """The status as printed: 'Sesuai jalur', …; the reason when there is none."""
    status = x.proyeksi.status
    return status[0].upper() + status[1:] if status else _alasan(x.proyeksi.alasan)


def _alasan(teks: str) -> str:
    return (teks[0].upper() + teks[1:]) if teks else KOSONG


def _s(h: HasilTriwulan) -> str:
    return f"s.d. TW {ROMAWI_TW[h.triwulan - 1]}"


def _pejabat(h: HasilTriwulan, kode: str) -> str:
    r = h.pejabat.get(kode)
    return r.nama if r is not None else kode


_SINGKAT = ((r"^Plt\.?\s*", "Plt. "), (r"^Kepala Seksi\b", "Kasi"),
            (r"^Kepala Sub ?[Bb]agian\b", "Kasubbag"), (r"^Sekretaris Kecamatan\b.*", "Sekcam"),
            (r"^Camat\b.*", "Camat"))


def singkat(jabatan: str) -> str:
    """A jabatan short enough for a table column.

    >>> singkat("Kepala Seksi Tata Pemerintahan"), singkat("Sekretaris Kecamatan Taman")
    ('Kasi Tata Pemerintahan', 'Sekcam')
    >>> singkat("Camat Pemalang"), singkat("Kepala Subbagian Umum dan Kepegawaian")
    ('Camat', 'Kasubbag Umum dan Kepegawaian')
    """
    teks = str(jabatan).strip()
    for pola, ganti in _SINGKAT:
        teks = re.sub(pola, ganti, teks)
    return teks


def _kecil(html: tampil.Html) -> tampil.Html:
    """A wide table in the smaller type of the quarterly report (css ``lk-tw-kecil``)."""
    return tampil.Html(f'<div class="lk-tw-kecil">{html.isi}</div>', html.ringkas)


def keterangan_selisih(x: IndikatorTw | AnggaranTw) -> str:
    """The gap of the projection in words, in the indicator's unit (or Rupiah).

    Lower-is-better indicators say "melebihi" for a projection above the target.
    """
    s = x.proyeksi.selisih.nilai
    if s is None:
        return ""
    if isinstance(x, AnggaranTw):
        if s < 0:
            return f"Diperkirakan tidak terserap {format_rupiah(-s)} dari anggaran."
        return "Diperkirakan terserap penuh." if s == 0 else \
            f"Proyeksi melampaui anggaran {format_rupiah(s)}."
    satuan = f" {x.satuan}" if x.satuan.strip() not in ("%", "") else (
        " poin persen" if x.satuan.strip() == "%" else "")
    besar = format_nilai(abs(s), x.satuan)
    if x.arah == "turun":
        return (f"Diperkirakan melebihi target {besar}{satuan} (makin rendah makin baik)."
                if s > 0 else f"Diperkirakan {besar}{satuan} di bawah batas target.")
    if s < 0:
        return f"Diperkirakan kurang {besar}{satuan} dari target."
    return "Diperkirakan tepat mencapai target." if s == 0 else \
        f"Diperkirakan melampaui target {besar}{satuan}."


def _kelas(df: pd.DataFrame, kolom: str, daftar: list) -> pd.DataFrame:
    kelas = pd.DataFrame("", index=df.index, columns=df.columns)
    for r, x in zip(df.index, daftar, strict=True):
        kelas.loc[r, kolom] = KELAS_STATUS.get(x.proyeksi.status, "")
    return kelas


def _lebar(df: pd.DataFrame, kolom: list) -> pd.DataFrame:
    kelas = pd.DataFrame("", index=df.index, columns=df.columns)
    for k in kolom:
        kelas[k] = "lk-uraian"
    return kelas


def _gabung_kelas(*kelas: pd.DataFrame) -> pd.DataFrame:
    hasil = kelas[0]
    for k in kelas[1:]:
        hasil = (hasil + " " + k).map(str.strip)
    return hasil


def _nilai_per_satuan(df: pd.DataFrame, daftar: list[IndikatorTw],
                      kolom: list[str]) -> tuple[pd.DataFrame, dict]:
    """The indicator-value columns printed by each row's unit (`nilai_tampil`; the year's
    target, column "Target", by `target_tampil`, the target s.d. TW by `format_target_sd`),
    and the `Angka` behind each cell for ``tampil.tabel(angka=…)``: its explanation on hover
    stays."""
    df, angka = df.copy(), {}
    for r, i in zip(df.index, daftar, strict=True):
        for k in kolom:
            if isinstance(df.at[r, k], Angka):
                angka[(r, k)] = df.at[r, k]
            tulis = target_tampil if k == "Target" else \
                _target_sd_tampil if k.startswith("Target ") else nilai_tampil
            df.at[r, k] = tulis(df.at[r, k], i.satuan)
    return df, angka


# ---------------------------------------------------------------- early warning


def tabel_peringatan_kinerja(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """Indicators not on course, worst first."""
    daftar = [x for x in h.peringatan() if isinstance(x, IndikatorTw)]
    if not daftar:
        return tampil.paragraf(f"Tidak ada indikator yang perlu perhatian {_s(h)}.")
    s = _s(h)
    df = pd.DataFrame([{
        "No.": f"{n}.", "Pejabat": singkat(_pejabat(h, i.kode_pejabat)),
        "Indikator": i.indikator, "Target": i.target, f"Realisasi {s}": i.akhir.realisasi,
        "Proyeksi akhir tahun": i.proyeksi.nilai, "Capaian proyeksi (%)": i.proyeksi.persen,
        "Status": status_tampil(i), "Keterangan": keterangan_selisih(i),
    } for n, i in enumerate(daftar, start=1)])
    df, angka = _nilai_per_satuan(df, daftar, ["Target", f"Realisasi {s}",
                                               "Proyeksi akhir tahun"])
    kelas = _gabung_kelas(_kelas(df, "Status", daftar), _lebar(df, ["Indikator"]))
    return _kecil(tampil.tabel(df, nomor, f"Indikator kinerja yang perlu perhatian {s}",
                               sumber=SUMBER, kelas=kelas, format=_format_kinerja(df),
                               angka=angka))


def _format_kinerja(df: pd.DataFrame) -> dict:
    return {k: persen_tampil for k in df.columns if "(%)" in k}


def tabel_peringatan_anggaran(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """Budget lines (rincian) not on course, worst first."""
    daftar = [x for x in h.peringatan() if isinstance(x, AnggaranTw) and x.rincian]
    if not daftar:
        return tampil.paragraf(f"Tidak ada baris anggaran yang perlu perhatian {_s(h)}.")
    s = _s(h)
    df = pd.DataFrame([{
        "No.": f"{n}.", "Pejabat": singkat(_pejabat(h, a.kode_pejabat)), "Uraian": a.uraian,
        "Anggaran (Rp)": a.anggaran, f"Anggaran kas {s} (Rp)": a.akhir.target,
        f"Realisasi {s} (Rp)": a.akhir.realisasi, "Penyerapan proyeksi (%)": a.proyeksi.persen,
        "Status": status_tampil(a),
    } for n, a in enumerate(daftar, start=1)])
    kelas = _gabung_kelas(_kelas(df, "Status", daftar), _lebar(df, ["Uraian"]))
    return _kecil(tampil.tabel(
        df, nomor, f"Anggaran yang perlu perhatian {s}", sumber=SUMBER, kelas=kelas,
        format=_format_anggaran(df),
        catatan="Anggaran kas = rencana penarikan dana pada PK. Penyerapan proyeksi = proyeksi "
                "realisasi akhir tahun / anggaran × 100 (lihat metode di akhir bab ini)."))


def _format_anggaran(df: pd.DataFrame) -> dict:
    return {k: (persen_tampil if "(%)" in k else rupiah_tampil) for k in df.columns
            if "(%)" in k or "(Rp)" in k}


def tabel_belum_dilaporkan(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """Indicators and budget lines whose realisasi of this quarter is still empty."""
    tw = NAMA_TW[h.triwulan - 1]
    daftar = [x for x in h.indikator + [a for a in h.anggaran if a.rincian]
              if x.proyeksi.status is None and "belum dilaporkan" in x.proyeksi.alasan]
    if not daftar:
        return tampil.paragraf(f"Semua indikator dan baris anggaran telah dilaporkan untuk {tw}.")
    df = pd.DataFrame([{
        "No.": f"{n}.", "Pejabat": singkat(_pejabat(h, x.kode_pejabat)),
        "Indikator / uraian anggaran": getattr(x, "indikator", getattr(x, "uraian", "")),
        "Keterangan": _alasan(x.proyeksi.alasan),
    } for n, x in enumerate(daftar, start=1)])
    return tampil.tabel(df, nomor, f"Realisasi yang belum dilaporkan sampai {tw}",
                        kelas=_lebar(df, ["Indikator / uraian anggaran"]),
                        catatan="Sel realisasi yang kosong berarti belum dilaporkan; tulis 0 bila "
                                "memang tidak ada realisasi.")


def bagian_temuan(temuan: list) -> list[tampil.Html]:
    """The findings of the quarterly checks (`tw-*`) on the data the report reads, one
    paragraph each after a count: a build runs no `lkjip check`, so the report says them."""
    if not temuan:
        return [tampil.paragraf("Pemeriksaan data triwulan (aturan tw-* lkjip check) tidak "
                                "menemukan masalah pada data yang dibaca laporan ini.")]
    jumlah = {t: sum(1 for x in temuan if x.tingkat == t) for t in ("galat", "peringatan")}
    rincian = " dan ".join(f"{n} {t}" for t, n in jumlah.items() if n)
    kepala = (f"Pemeriksaan data triwulan (aturan tw-* lkjip check) menemukan {rincian} pada data "
              "yang dibaca laporan ini. Angka laporan dihitung dari data apa adanya; perbaiki "
              "data yang bertanda galat, lalu bangun ulang laporan.")
    return [tampil.paragraf(kepala)] + [
        tampil.paragraf(f"{n}. {t.tingkat.capitalize()}, {t.letak} ({t.tempat}): {t.pesan}")
        for n, t in enumerate(temuan, start=1)]


def tabel_ambang(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """The thresholds in force, as bands of the projected percentage."""
    baris = []
    for jenis, apa in (("kinerja", "Capaian proyeksi indikator"),
                       ("anggaran", "Penyerapan proyeksi anggaran")):
        pilih = h.ambang[h.ambang["jenis"] == jenis]
        batas = list(pilih["batas_bawah"])
        baris.append({"Ukuran": apa, STATUS_TW[0]: f"≥ {format_angka(batas[0])} %",
                      STATUS_TW[1]: f"{format_angka(batas[1])} – "
                                    f"{format_angka(batas[0] - Decimal('0.01'))} %",
                      STATUS_TW[2]: f"< {format_angka(batas[1])} %"})
    df = pd.DataFrame(baris).rename(columns=lambda k: k[0].upper() + k[1:])
    return tampil.tabel(df, nomor, "Batas status peringatan dini",
                        catatan="Persentase dibulatkan ke dua desimal sebelum dibandingkan.")


# ---------------------------------------------------------------- per pejabat


def tabel_ringkasan_kinerja(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """Per pejabat and for the kecamatan: indicators by status and the mean capaian."""
    s = _s(h)
    baris = [_baris_ringkas(r, s) for r in list(h.pejabat.values()) + [h.kecamatan]]
    df = pd.DataFrame(baris)
    return tampil.tabel(df, nomor, f"Ringkasan kinerja per pejabat {s}", jumlah=True,
                        kelas=_lebar(df, ["Pejabat"]), format={f"Rata-rata capaian {s} (%)":
                                                               persen_tampil},
                        catatan="Rata-rata capaian = rata-rata capaian indikator yang dapat "
                                "dinilai. Belum dinilai: realisasi belum dilaporkan, target "
                                "berbentuk a/b, atau belum ada target yang jatuh tempo.")


def _baris_ringkas(r, s: str) -> dict:
    status = {k[0].upper() + k[1:]: v for k, v in r.jumlah_status.items()}
    return {"Pejabat": r.nama, "Jumlah indikator": sum(r.jumlah_status.values()), **status,
            f"Rata-rata capaian {s} (%)": r.capaian}


def tabel_ringkasan_anggaran(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """Per pejabat and for the kecamatan: anggaran, plan and realisasi s.d. TW n, penyerapan."""
    s = _s(h)
    df = pd.DataFrame([{
        "Pejabat": r.nama, "Anggaran (Rp)": r.anggaran, f"Anggaran kas {s} (Rp)": r.kas,
        f"Realisasi {s} (Rp)": r.realisasi, "Penyerapan thd anggaran kas (%)": r.penyerapan_kas,
        "Penyerapan thd anggaran (%)": r.penyerapan_pagu,
    } for r in list(h.pejabat.values()) + [h.kecamatan]])
    catatan = ("Anggaran setiap pejabat adalah baris anggaran PK-nya; baris kecamatan "
               "menjumlahkan rincian terendah saja, sehingga anggaran yang tercantum pada "
               "beberapa PK tidak dihitung dua kali.")
    return tampil.tabel(df, nomor, f"Penyerapan anggaran per pejabat {s}", jumlah=True,
                        kelas=_lebar(df, ["Pejabat"]), format=_format_anggaran(df),
                        catatan=" ".join(filter(None, (catatan, catatan_tanpa_anggaran(h)))))


def catatan_tanpa_anggaran(h: HasilTriwulan) -> str | None:
    """The sentence naming the pejabat whose PK has no budget line (pk_anggaran.csv): their
    anggaran, plan, realisasi and penyerapan print '–' (`lkjip.triwulan.TANPA_ANGGARAN`),
    never 0, which would read as nothing spent."""
    tanpa = [r.nama for r in h.pejabat.values()
             if r.anggaran.nilai is None and r.anggaran.rumus == TANPA_ANGGARAN]
    if not tanpa:
        return None
    return (f"PK {daftar_kata(tanpa)} tidak memuat baris anggaran (pk_anggaran.csv) sehingga "
            "anggaran, anggaran kas, realisasi dan penyerapannya ditulis “–”, bukan 0.")


def tabel_indikator_pejabat(h: HasilTriwulan, kode: str, nomor: str) -> tampil.Html | None:
    """One pejabat's PK indicators s.d. TW n, with projection and status; None when none."""
    daftar = [i for i in h.indikator if i.kode_pejabat == kode]
    if not daftar:
        return None
    s = _s(h)
    df = pd.DataFrame([{
        "No.": f"{i.no}.", "Indikator": i.indikator, "Satuan": i.satuan,
        "Target": i.target if i.target.nilai is not None else _ab(i, "target"),
        f"Target {s}": i.akhir.target,
        f"Realisasi {s}": _ab(i, "realisasi") if _ab_tw(i) else i.akhir.realisasi,
        "Capaian (%)": i.akhir.capaian, "Proyeksi akhir tahun": i.proyeksi.nilai,
        "Capaian proyeksi (%)": i.proyeksi.persen, "Status": status_tampil(i),
    } for i in daftar])
    df, angka = _nilai_per_satuan(df, daftar, ["Target", f"Target {s}", f"Realisasi {s}",
                                               "Proyeksi akhir tahun"])
    kelas = _gabung_kelas(_kelas(df, "Status", daftar), _lebar(df, ["Indikator"]))
    return _kecil(tampil.tabel(df, nomor, f"Capaian kinerja {_pejabat(h, kode)} {s}",
                               sumber=SUMBER, kelas=kelas, format=_format_kinerja(df),
                               angka=angka))


def _ab(i: IndikatorTw, apa: str) -> str:
    """A figure of a row that is not rated, as typed: the year's target (a number by the
    indicator's unit, an a/b as written), or an a/b row's quarters so far ('0; 10/1; 0')."""
    if apa == "target":
        teks = i.target.rumus.removeprefix("target ") if i.target.rumus else ""
        return _tertulis(teks, i.satuan) if teks else KOSONG
    return "; ".join(v if isinstance(v, str) else KOSONG for v in i.realisasi_tw[:len(i.titik)])


def _ab_tw(i: IndikatorTw) -> bool:
    """The row's quarters are typed as a/b texts (shown as written, `_ab`); a row that is
    rated, or not rated for another reason, shows its realisasi s.d. TW ('–' with the reason
    on hover), never "–; –" as if it were a/b."""
    return any(isinstance(v, str) for v in i.realisasi_tw)


def _tertulis(teks: str, satuan) -> str:
    """A typed target of an unrated row: an a/b as written, a number by its unit
    (`format_target`, never rounded).

    >>> _tertulis("10/1", "orang/kegiatan"), _tertulis("95", "%"), _tertulis("6", "dokumen")
    ('10/1', '95,00', '6')
    >>> _tertulis("83,456", "%")
    '83,456'
    """
    try:
        return format_target(teks, satuan)
    except ValueError:
        return teks


def tabel_anggaran_pejabat(h: HasilTriwulan, kode: str, nomor: str) -> tampil.Html | None:
    """One pejabat's PK budget lines s.d. TW n; None when the PK has none."""
    daftar = [a for a in h.anggaran if a.kode_pejabat == kode]
    if not daftar:
        return None
    s = _s(h)
    df = pd.DataFrame([{
        "No.": f"{a.no}.", "Uraian": a.uraian, "Anggaran (Rp)": a.anggaran,
        f"Anggaran kas {s} (Rp)": a.akhir.target, f"Realisasi {s} (Rp)": a.akhir.realisasi,
        "Penyerapan thd kas (%)": a.akhir.capaian, "Penyerapan thd anggaran (%)":
            a.penyerapan_pagu, "Status": status_tampil(a),
    } for a in daftar])
    kelas = _gabung_kelas(_kelas(df, "Status", daftar), _lebar(df, ["Uraian"]))
    catatan = ("Baris yang membawahi baris PK lain dihitung dari jumlah rinciannya."
               if any(not a.rincian for a in daftar) else None)
    return _kecil(tampil.tabel(df, nomor, f"Penyerapan anggaran {_pejabat(h, kode)} {s}",
                               sumber=SUMBER, kelas=kelas, format=_format_anggaran(df),
                               catatan=catatan))


# ---------------------------------------------------------------- explanations


def tabel_penjelasan(h: HasilTriwulan, nomor: str) -> tampil.Html:
    """The office's explanations of this quarter, and the warned indicators without one."""
    tw = NAMA_TW[h.triwulan - 1]
    daftar = [i for i in h.indikator if i.penjelasan is not None
              or i.proyeksi.status in STATUS_TW[1:]]
    if not daftar:
        return tampil.paragraf(f"Tidak ada penjelasan yang perlu disampaikan untuk {tw}.")
    df = pd.DataFrame([{
        "No.": f"{n}.", "Pejabat": singkat(_pejabat(h, i.kode_pejabat)),
        "Indikator": i.indikator, "Status": status_tampil(i),
        "Penjelasan": i.penjelasan[0] if i.penjelasan else "(belum ada penjelasan)",
        "Tindak lanjut": (i.penjelasan[1] or KOSONG) if i.penjelasan else KOSONG,
    } for n, i in enumerate(daftar, start=1)])
    kelas = _gabung_kelas(_kelas(df, "Status", daftar), _lebar(df, ["Indikator", "Penjelasan"]))
    return tampil.tabel(df, nomor, f"Penjelasan capaian kinerja {tw}", kelas=kelas,
                        sumber="penjelasan_tw.csv")


# ---------------------------------------------------------------- sentences


def kalimat_ringkasan(h: HasilTriwulan) -> tuple[str, list]:
    """The summary sentence and the figures it quotes (for `tampil.paragraf`)."""
    k, s = h.kecamatan, _s(h)
    j = k.jumlah_status
    teks = (f"Sampai dengan Triwulan {ROMAWI_TW[h.triwulan - 1]} tahun {h.data.tahun}, dari "
            f"{sum(j.values())} indikator Perjanjian Kinerja seluruh pejabat, {j[STATUS_TW[0]]} "
            f"sesuai jalur, {j[STATUS_TW[1]]} perlu perhatian, {j[STATUS_TW[2]]} diperkirakan "
            f"tidak tercapai, dan {j['belum dinilai']} belum dapat dinilai.")
    angka = []
    if k.realisasi.nilai is not None and k.kas.nilai:
        rp_real, rp_kas = format_rupiah(k.realisasi.nilai), format_rupiah(k.kas.nilai)
        serap = format_angka(k.penyerapan_kas.nilai, 2)
        teks += (f" Realisasi anggaran {s} {rp_real} dari anggaran kas {rp_kas} ({serap} %), "
                 f"atau {format_angka(k.penyerapan_pagu.nilai, 2)} % dari anggaran setahun.")
        angka = [(rp_real, k.realisasi), (rp_kas, k.kas), (serap, k.penyerapan_kas)]
    elif k.realisasi.nilai is None:
        teks += f" Realisasi anggaran {s} belum lengkap dilaporkan."
    return teks, angka
