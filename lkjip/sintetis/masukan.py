"""One synthetic kecamatan-year's input files, drawn from its own seeded generator; the
figures they compute to are lkjip's own (`lkjip.sintetis`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd

from lkjip.anggaran import jumlah_pohon, penyerapan_angka, total_pohon
from lkjip.angka import bulatkan
from lkjip.ikm import krejcie_morgan
from lkjip.sintetis.kosakata import (
    DATA_PUBLIK,
    INDIKATOR,
    INDIKATOR_PROGRAM,
    LAYANAN,
    NAMA_UNSUR,
    PEJABAT,
    PELIMPAHAN,
    PENGADUAN,
    PK_KEGIATAN,
    PK_SUB,
    POHON,
    PROGRAM,
    RENSTRA,
    SASARAN,
    TAHUN,
    TUJUAN,
    UNSUR_OFFSET,
    Kec,
    baris_csv,
    desimal,
    ribu,
    rupiah,
    susunan,
    target,
)


def renstra(kec: Kec, realisasi: dict) -> dict[str, str]:
    peta = susunan(kec)
    sasaran = sorted(set(peta.values()))
    tujuan = sorted({SASARAN[s][0] for s in sasaran})
    strategi = [["1", "S1", "Meningkatkan pelayanan publik sesuai SOP"],
                ["2", sasaran[-1], "Meningkatkan kualitas perencanaan dan pelaporan kinerja"]]
    return {
        "renstra/tujuan.csv": baris_csv([["kode_tujuan", "tujuan"]]
                                   + [[t, TUJUAN[t]] for t in tujuan]),
        "renstra/sasaran.csv": baris_csv([["kode_sasaran", "kode_tujuan", "sasaran"]]
                                    + [[s, *SASARAN[s]] for s in sasaran]),
        "renstra/indikator.csv": baris_csv(
            [["kode_indikator", "kode_sasaran", "indikator", "satuan", "arah", "metode",
              "akumulasi_tw", "sumber_realisasi", "target_akhir"]]
            + [[k, s, *INDIKATOR[k][:6], desimal(target(kec, k, RENSTRA[1]), "polos")]
               for k, s in peta.items()]),
        "renstra/target.csv": baris_csv(
            [["kode_indikator", "tahun", "target"]]
            + [[k, t, desimal(target(kec, k, t), "polos")]
               for k in peta for t in range(RENSTRA[0], RENSTRA[1] + 1)]),
        "renstra/realisasi.csv": baris_csv([["kode_indikator", "tahun", "periode", "realisasi"]]
                                      + realisasi_renstra(realisasi)),
        "renstra/strategi.csv": baris_csv([["kode_strategi", "kode_sasaran", "strategi"]]
                                          + strategi),
        "renstra/kebijakan.csv": baris_csv([
            ["kode_kebijakan", "kode_strategi", "kebijakan"],
            ["1.1", "1", "Pelayanan pengaduan masyarakat secara cepat, tepat dan ramah"],
            ["1.2", "1", "Mendekatkan pelayanan ke masyarakat"],
            ["2.1", "2", "Penyediaan perencanaan yang berkualitas dan evaluasi kinerja"],
        ]),
    }


def realisasi_renstra(realisasi: dict) -> list[list]:
    """Rows of renstra/realisasi.csv: typed yearly values, TW rows for IKU-05."""
    baris = []
    for (kode, tahun), nilai in sorted(realisasi.items()):
        if kode == "IKU-05":
            baris += [[kode, tahun, f"TW{i + 1}", v] for i, v in enumerate(nilai)]
        else:
            baris.append([kode, tahun, "tahun", desimal(nilai, "polos")])
    return baris


@dataclass
class Tahun:
    """The inputs of one kecamatan-year, in memory, and what they compute to."""

    kec: Kec
    tahun: int
    rng: np.random.Generator
    berkas: dict[str, str] = field(default_factory=dict)
    anggaran: list[dict] = field(default_factory=list)
    pk_anggaran: list[list] = field(default_factory=list)
    daftar: dict[str, list[bool]] = field(default_factory=dict)
    desa: list[str] = field(default_factory=list)
    ikm: dict = field(default_factory=dict)  # survey columns: no, periode, …, one per unsur
    realisasi_anggaran: dict[str, int] = field(default_factory=dict)
    kesalahan: list[dict] = field(default_factory=list)


def tahun_ke(k: Kec, t: int) -> int:
    return t - TAHUN[0]


def buat_anggaran(th: Tahun) -> None:
    """The DPA tree: programs (pagu empty), kegiatan, sub kegiatan; murni → perubahan."""
    rng, k = th.rng, th.kec
    for i, (program, kegiatan) in enumerate(PROGRAM, start=1):
        sasaran = "S2" if i == 1 and k.varian else "S1"
        th.anggaran.append(dict(kode=str(i), induk=None, tingkat="program", nama=program,
                                sasaran=sasaran, murni=None, ubah=None))
        for j, (nama, dasar, sub) in enumerate(kegiatan, start=1):
            kode = f"{i}.{j}"
            if sub:
                th.anggaran.append(dict(kode=kode, induk=str(i), tingkat="kegiatan", nama=nama,
                                        sasaran=None, murni=None, ubah=None))
                for m, (nama_sub, dasar_sub) in enumerate(sub, start=1):
                    th.anggaran.append(_daun(rng, k, th.tahun, f"{kode}.{m}", kode,
                                             "sub_kegiatan", nama_sub, dasar_sub))
            else:
                th.anggaran.append(_daun(rng, k, th.tahun, kode, str(i), "kegiatan", nama, dasar))


def _daun(rng, k: Kec, tahun: int, kode, induk, tingkat, nama, dasar) -> dict:
    murni = ribu(dasar * k.skala_pagu * (1 + 0.04 * (tahun - TAHUN[0])) * rng.uniform(0.8, 1.2))
    ubah = murni
    if rng.random() < 0.3:
        ubah = ribu(murni * rng.uniform(0.7, 1.4))
    return dict(kode=kode, induk=induk, tingkat=tingkat, nama=nama, sasaran=None,
                murni=murni, ubah=ubah)


def _pohon(th: Tahun, kolom: str) -> pd.DataFrame:
    return pd.DataFrame({"kode": [r["kode"] for r in th.anggaran],
                         "kode_induk": [r["induk"] for r in th.anggaran],
                         kolom: [r[kolom] for r in th.anggaran]})


def pagu(th: Tahun, kolom: str = "ubah") -> dict[str, int]:
    """Pagu of every node, by lkjip's one tree sum (`lkjip.anggaran.jumlah_pohon`)."""
    return {k: int(v) for k, v in jumlah_pohon(_pohon(th, kolom), kolom).items()}


def penyerapan_tahun(th: Tahun) -> Decimal:
    """This year's penyerapan (the realisasi of IKU-04, typed in renstra/realisasi.csv):
    realisasi over the DPA total (`lkjip.anggaran.total_pohon`), rounded as typed."""
    return penyerapan_angka(sum(th.realisasi_anggaran.values()),
                            total_pohon(_pohon(th, "ubah"), "ubah")).bulat


def bagi_tw(rng, jumlah: int, rata: bool = False) -> list[int]:
    """Split a Rupiah amount over TW I–IV (thousands; the remainder in TW IV); sums exactly.

    >>> bagi_tw(np.random.default_rng(0), 1_000_000, rata=True)
    [250000, 250000, 250000, 250000]
    """
    bobot = np.full(4, 0.25) if rata else rng.dirichlet(np.full(4, 3.0))
    tw = [ribu(jumlah * b) for b in bobot[:3]]
    return tw + [jumlah - sum(tw)]


def buat_pk_anggaran(th: Tahun) -> None:
    rng, total = th.rng, pagu(th)
    baris = th.pk_anggaran
    for r in th.anggaran:
        if r["tingkat"] == "program":
            baris.append(["camat", r["nama"].upper(), "program", r["kode"], total[r["kode"]],
                          None])
    for r in th.anggaran:
        if r["tingkat"] == "kegiatan" and r["induk"] == "1":
            tw = bagi_tw(rng, total[r["kode"]], rata=r["kode"] == "1.2")
            baris.append(["sekcam", r["nama"], "kegiatan", r["kode"], total[r["kode"]], tw])
    for pejabat, induk in PK_SUB.items():
        for r in th.anggaran:
            if r["induk"] in induk:
                baris.append([pejabat, r["nama"], "sub_kegiatan", r["kode"], r["ubah"],
                              bagi_tw(rng, r["ubah"])])
    for pejabat, kode in PK_KEGIATAN.items():
        for r in th.anggaran:
            if r["kode"] in kode:
                baris.append([pejabat, r["nama"], "kegiatan", r["kode"], total[r["kode"]],
                              bagi_tw(rng, total[r["kode"]])])


def buat_realisasi_anggaran(th: Tahun) -> None:
    """Realisasi per program (some kecamatan) or per sasaran (the others)."""
    rng, k, total = th.rng, th.kec, pagu(th)
    laju = {r["kode"]: min(0.999, k.serapan + 0.01 * tahun_ke(k, th.tahun) + rng.normal(0, 0.015))
            for r in th.anggaran if r["tingkat"] == "program"}
    for kode, lj in laju.items():
        th.realisasi_anggaran[kode] = int(total[kode] * lj)


def buat_daftar(th: Tahun) -> None:
    rng, k, t = th.rng, th.kec, tahun_ke(th.kec, th.tahun)
    p = min(0.98, k.cakupan + 0.05 * t)
    th.desa = list(k.desa)
    th.daftar["desa"] = [bool(b) for b in rng.random(len(k.desa)) < min(0.99, p + 0.1)]
    n_aduan = int(rng.integers(0, 9))
    th.daftar["pengaduan"] = [bool(b) for b in rng.random(n_aduan) < p + 0.1]
    th.daftar["data_publik"] = [bool(b) for b in rng.random(len(DATA_PUBLIK)) < p]
    th.daftar["layanan_pelimpahan"] = [bool(b) for b in rng.random(len(PELIMPAHAN)) < p - 0.3]


def _peluang(m: float) -> np.ndarray:
    p = np.exp(-((np.arange(1, 5) - m) ** 2) / 0.55)
    return p / p.sum()


def buat_ikm(th: Tahun) -> None:
    """150–400 respondents over two semesters; answers 1–4 around the kecamatan's level."""
    rng, k, t = th.rng, th.kec, tahun_ke(th.kec, th.tahun)
    n = int(rng.integers(150, 401))
    n1 = int(round(n * rng.uniform(0.42, 0.58)))
    kolom = {"no": list(range(1, n + 1)), "periode": ["S1"] * n1 + ["S2"] * (n - n1),
             "tanggal": _tanggal(rng, th.tahun, 1, n1) + _tanggal(rng, th.tahun, 7, n - n1),
             "layanan": rng.choice(LAYANAN, size=n).tolist()}
    for u, geser in UNSUR_OFFSET.items():
        m = k.mutu + geser + 0.04 * t + rng.normal(0, 0.05)
        kolom[u] = rng.choice(np.arange(1, 5), size=n, p=_peluang(m))
    th.ikm = kolom


def _tanggal(rng, tahun: int, bulan: int, n: int) -> list[str]:
    awal = date(tahun, bulan, 1)
    hari = [awal + timedelta(d) for d in range(181)]
    hari = [h for h in hari if h.weekday() < 5 and h.year == tahun]
    return [hari[i].isoformat() for i in sorted(rng.integers(0, len(hari), size=n))]


def buat_komposit(th: Tahun) -> dict[str, list]:
    """komposit.csv as columns: the seed's cakupan layanan tree with this year's values."""
    rng = th.rng
    pohon = dict(POHON)
    gangguan = int(rng.integers(0, 7))
    konflik = int(rng.integers(0, 4))
    selesai = gangguan - int(rng.random() < 0.3) * (gangguan > 0)
    kolom = {"pembilang": [None] * 8 + [selesai, konflik, None],
             "penyebut": [None] * 8 + [gangguan, konflik, None],
             "nilai": [None] * 6 + [int(rng.integers(50, 96)), int(rng.integers(80, 101))]
             + [None] * 3}
    return pohon | kolom


def buat_realisasi(k: Kec, seed: int) -> dict:
    """Typed realisasi of the 'langsung' indicators for every year (IKU-04 comes later)."""
    rng = np.random.default_rng([seed, k.indeks, 0])
    hasil = {}
    for tahun in TAHUN:
        t = tahun_ke(k, tahun)
        hasil[("IKU-03", tahun)] = bulatkan(Decimal(str(k.akip + 1.5 * t + rng.normal(0, 1.5))))
        if k.varian == 2:
            hasil[("IKU-05", tahun)] = [int(x) for x in rng.poisson(1.6 - 0.2 * t, size=4)]
    return hasil


def berkas_masukan(th: Tahun, pohon: dict) -> dict[str, str]:
    """The input files of the year (path under the kecamatan folder → text), in the order
    their random draws are made."""
    gaya = th.kec.gaya
    d = str(th.tahun)
    return {
        f"{d}/profil.csv": profil(th),
        f"{d}/pegawai.csv": pegawai(th),
        f"{d}/sarpras.csv": sarpras(th),
        f"{d}/pejabat.csv": pejabat(th),
        f"{d}/pk_indikator.csv": pk_indikator(th),
        f"{d}/anggaran.csv": anggaran_csv(th),
        f"{d}/pk_anggaran.csv": baris_csv(
            [["kode_pejabat", "no", "uraian", "tingkat", "kode_anggaran", "anggaran",
              "tw1", "tw2", "tw3", "tw4"]] + _nomori(th.pk_anggaran, gaya)),
        f"{d}/realisasi_anggaran.csv": realisasi_anggaran_csv(th),
        f"{d}/komposit.csv": komposit_csv(pohon),
        f"{d}/desa.csv": baris_csv([["no", "nama_desa", "tata_kelola_baik"]] + [
            [i, nama, ya_tidak(b)] for i, (nama, b) in enumerate(
                zip(th.desa, th.daftar["desa"], strict=True), start=1)]),
        f"{d}/pengaduan.csv": pengaduan(th),
        f"{d}/data_publik.csv": baris_csv([["no", "jenis_data", "dipublikasikan"]] + [
            [i, j, ya_tidak(b)] for i, (j, b) in enumerate(
                zip(DATA_PUBLIK, th.daftar["data_publik"], strict=True), start=1)]),
        f"{d}/layanan_pelimpahan.csv": baris_csv(
            [["no", "jenis_layanan", "tersedia", "jumlah"]] + [
                [i, j, ya_tidak(b), int(th.rng.integers(1, 12)) if b else ""]
                for i, (j, b) in enumerate(zip(PELIMPAHAN, th.daftar["layanan_pelimpahan"],
                                               strict=True), start=1)]),
        f"{d}/ikm_responden_sintetis.csv": ikm_csv(th),
    }


def ya_tidak(b: bool) -> str:
    return "ya" if b else "tidak"


def _nomori(baris: list[list], gaya: str) -> list[list]:
    """pk_anggaran rows numbered 1… per pejabat, amounts in the kecamatan's style."""
    nomor: dict[str, int] = {}
    hasil = []
    for pejabat, uraian, tingkat, kode, jumlah, tw in baris:
        nomor[pejabat] = nomor.get(pejabat, 0) + 1
        sel_tw = [rupiah(x, gaya) for x in tw] if tw else [""] * 4
        hasil.append([pejabat, nomor[pejabat], uraian, tingkat, kode, rupiah(jumlah, gaya),
                      *sel_tw])
    return hasil


def profil(th: Tahun) -> str:
    k, rng = th.kec, th.rng
    nip = (f"{int(rng.integers(1968, 1982))}{int(rng.integers(1, 13)):02d}"
           f"{int(rng.integers(1, 29)):02d} {int(rng.integers(1990, 2006))}"
           f"{int(rng.integers(1, 13)):02d} 1 {int(rng.integers(1, 10)):03d}")
    return baris_csv([
        ["kecamatan", "nama_kecamatan", "kabupaten", "provinsi", "tahun", "alamat", "kode_pos",
         "email", "camat_nama", "camat_nip", "camat_pangkat", "renstra_awal", "renstra_akhir",
         "skala", "metode_ikm_tahunan", "populasi_ikm", "tempat_laporan", "tanggal_laporan",
         "sintetis"],
        [k.slug, k.nama, "Pemalang", "Jawa Tengah", th.tahun,
         f"Jl. Raya {k.nama} Nomor {k.indeks % 40 + 1}, {k.nama}", f"523{k.indeks % 90 + 10}",
         f"kec-{k.slug}@example.com", k.camat[tahun_ke(k, th.tahun)], nip,
         "Pembina TK. I" if rng.random() < 0.5 else "Pembina", *RENSTRA, k.skala, k.metode_ikm,
         _populasi(rng, len(th.ikm["no"])), "Pemalang",
         f"{th.tahun + 1}-01-{int(rng.integers(10, 31)):02d}", "ya"],
    ])


def _populasi(rng, responden: int) -> int:
    """Service users in the year, such that the survey meets the Krejcie–Morgan minimum."""
    populasi = int(rng.integers(300, 4000))
    while krejcie_morgan(populasi) > responden:
        populasi = int(populasi * 0.8)
    return populasi


def pegawai(th: Tahun) -> str:
    k, rng = th.kec, th.rng
    baris = [[k.camat[tahun_ke(k, th.tahun)], "Camat", "PNS", "S2", "IV"],
             [k.pejabat["sekcam"], "Sekretaris Kecamatan", "PNS", "S1", "IV"]]
    baris += [[k.pejabat[p], "Kepala Sub Bagian", "PNS", "S1", "III"]
              for p in ("kasubbag_umum", "kasubbag_program")]
    baris += [[k.pejabat[p], "Kepala Seksi", "PNS", str(rng.choice(["S1", "S2"])), "III"]
              for p in ("kasi_tapem", "kasi_pmd", "kasi_trantib", "kasi_pelayanan")]
    for _ in range(int(rng.integers(5, 11))):
        pend = str(rng.choice(["SLTA", "D3", "S1"], p=[0.5, 0.2, 0.3]))
        baris.append(["", "Pelaksana", "PNS", pend, "II" if pend == "SLTA" else "III"])
    for _ in range(int(rng.integers(3, 13))):
        baris.append(["", "Tenaga Honorer", "Honorer",
                      str(rng.choice(["SD", "SLTP", "SLTA", "S1"], p=[0.2, 0.1, 0.5, 0.2])), ""])
    return baris_csv([["no", "nama", "jabatan", "status", "pendidikan", "golongan"]]
                + [[i, *b] for i, b in enumerate(baris, start=1)])


def sarpras(th: Tahun) -> str:
    rng = th.rng
    jenis = [("Jumlah Bangunan gedung", "unit", 2, 5), ("Kendaraan Roda 4", "unit", 1, 3),
             ("Kendaraan Roda 2", "unit", 4, 12), ("Peralatan dan Mesin", "buah", 30, 80),
             ("Alat-alat kantor dan rumah tangga", "buah", 200, 400)]
    return baris_csv([["no", "jenis", "jumlah", "satuan"]] + [
        [i, j, int(rng.integers(a, b)), s] for i, (j, s, a, b) in enumerate(jenis, start=1)])


def pejabat(th: Tahun) -> str:
    k = th.kec
    tanggal = f"{th.tahun}-01-{int(th.rng.integers(2, 28)):02d}"
    baris = [["kode_pejabat", "nama", "nip", "jabatan", "kode_atasan", "nama_atasan",
              "jabatan_atasan", "tanggal_pk"]]
    for kode, jabatan, atasan in PEJABAT:
        nama = k.camat[tahun_ke(k, th.tahun)] if kode == "camat" else k.pejabat[kode]
        bupati = ["BUPATI PEMALANG (SINTETIS)", "Bupati Pemalang"] if not atasan else ["", ""]
        baris.append([kode, nama, "", jabatan.format(nama=k.nama), atasan, *bupati, tanggal])
    return baris_csv(baris)


def _tw_indikator(kode: str, t: Decimal, nilai: list | None = None) -> list:
    """TW targets by how the indicator accumulates: 'terakhir' ends at the target."""
    if kode == "IKU-05":
        return nilai
    if kode == "IKU-01":
        return ["", t, "", t]
    if kode == "IKU-03":
        return ["", "", "", t]
    return [bulatkan(t * Decimal(q) / 4) for q in (1, 2, 3)] + [t]


def pk_indikator(th: Tahun) -> str:
    k, rng, gaya = th.kec, th.rng, th.kec.gaya
    baris = []
    for kode, s in susunan(k).items():
        t = target(k, kode, th.tahun)
        tw = _tw_indikator(kode, t, _bagi_bulat(rng, int(t)) if kode == "IKU-05" else None)
        baris.append(["camat", SASARAN[s][1], INDIKATOR[kode][0], kode, INDIKATOR[kode][1],
                      t, *tw])
    for r, ind in zip([r for r in th.anggaran if r["tingkat"] == "program"], INDIKATOR_PROGRAM,
                      strict=True):
        baris.append(["camat", f"Terlaksananya {r['nama']}", ind, "", "%", 100, "", "", "", ""])
    for r in th.anggaran:
        if r["tingkat"] == "kegiatan" and r["induk"] == "1":
            n = int(rng.integers(4, 25))
            baris.append(["sekcam", f"Terlaksananya {r['nama']}",
                          f"Jumlah dokumen {r['nama'].lower()} yang tersusun", "", "dokumen", n,
                          *_bagi_bulat(rng, n)])
    for pejabat_, kode in PK_KEGIATAN.items():
        for r in th.anggaran:
            if r["kode"] in kode:
                n = int(rng.integers(2, 13))
                baris.append([pejabat_, f"Terlaksananya {r['nama']}",
                              f"Jumlah laporan {r['nama'].lower()}", "", "laporan", n,
                              *_bagi_bulat(rng, n)])
    nomor: dict[str, int] = {}
    hasil = [["kode_pejabat", "no", "sasaran", "indikator", "kode_indikator", "satuan",
              "target", "tw1", "tw2", "tw3", "tw4"]]
    for b in baris:
        nomor[b[0]] = nomor.get(b[0], 0) + 1
        hasil.append([b[0], nomor[b[0]], *b[1:5]]
                     + [desimal(x, gaya) if x != "" else "" for x in b[5:]])
    return baris_csv(hasil)


def _bagi_bulat(rng, n: int) -> list[int]:
    bagian = rng.multinomial(n, [0.25] * 4)
    return [int(x) for x in bagian]


def anggaran_csv(th: Tahun) -> str:
    gaya = th.kec.gaya
    pemisah = ";" if gaya == "indonesia" else ","
    baris = [["kode", "kode_induk", "tingkat", "nama", "kode_sasaran", "pagu_murni",
              "pagu_perubahan"]]
    for r in th.anggaran:
        baris.append([r["kode"], r["induk"] or "", r["tingkat"], r["nama"], r["sasaran"] or "",
                      "" if r["murni"] is None else rupiah(r["murni"], gaya),
                      "" if r["ubah"] is None else rupiah(r["ubah"], gaya)])
    return baris_csv(baris, pemisah)


def realisasi_anggaran_csv(th: Tahun) -> str:
    baris = [["tingkat", "kode", "realisasi"]]
    if th.kec.indeks % 2:
        baris += [["program", kode, v] for kode, v in th.realisasi_anggaran.items()]
    else:
        per_sasaran: dict[str, int] = {}
        for r in th.anggaran:
            if r["tingkat"] == "program":
                s = r["sasaran"]
                per_sasaran[s] = per_sasaran.get(s, 0) + th.realisasi_anggaran[r["kode"]]
        baris += [["sasaran", s, v] for s, v in sorted(per_sasaran.items())]
    return baris_csv(baris)


def komposit_csv(pohon: dict) -> str:
    kolom = ["kode_node", "kode_induk", "kode_indikator", "nama", "jenis", "pembilang",
             "penyebut", "nilai", "daftar", "urutan"]
    baris = zip(*(pohon[k] for k in kolom), strict=True)
    return baris_csv([kolom] + [["" if v is None else v for v in r] for r in baris])


def pengaduan(th: Tahun) -> str:
    rng, n = th.rng, len(th.daftar["pengaduan"])
    pilih = rng.choice(len(PENGADUAN) * len(th.desa), size=n, replace=False)  # all distinct
    baris = [["no", "uraian", "desa", "selesai"]]
    for i, (j, selesai) in enumerate(zip(pilih, th.daftar["pengaduan"], strict=True), start=1):
        desa = th.desa[j % len(th.desa)]
        baris.append([i, f"{PENGADUAN[j // len(th.desa)]} di Desa {desa}", desa, ya_tidak(selesai)])
    return baris_csv(baris)


def ikm_csv(th: Tahun) -> str:
    unsur = list(UNSUR_OFFSET)
    if th.kec.judul_ikm == "sarana-dulu":
        unsur = unsur[:7] + ["sarana", "pengaduan"]
    judul = [NAMA_UNSUR[u] if th.kec.judul_ikm == "nama" else u for u in unsur]
    kolom = ["no", "periode", "tanggal", "layanan", *unsur]
    nilai = [th.ikm[k].tolist() if isinstance(th.ikm[k], np.ndarray) else th.ikm[k]
             for k in kolom]
    return baris_csv([["no", "periode", "tanggal", "layanan", *judul]]
                     + list(zip(*nilai, strict=True)))
