"""A small, fake, readable kecamatan-year for tests: `tulis_mini(tmp_path)`.

Figures chosen so every derived value is easy to compute by hand:
- IKM: 4 respondents, every answer 3 except perilaku all 4 → NRR 3 ×8 and 4 → IKM =
  (8×3 + 4)/9 × 25 = 77,78 (mutu B); both semesters alike.
- Cakupan (IKU-02) = mean(pengaduan 1/2 = 50 %, desa 3/4 = 75 %) = 62,50; target 80 →
  capaian 78,13.
- Budget: program 1 = kegiatan 1.1 (600.000) + 1.2 (400.000) = 1.000.000 perubahan,
  murni 900.000 + 400.000 = 1.300.000; realisasi 950.000 → penyerapan 95,00.
- Optional files of the analysis (tests/test_analisis.py has the hand calculations): the
  Sekcam's "Jumlah dokumen" 3 of 4 (pk_realisasi.csv) → capaian 75,00; a provincial standard
  for cakupan of 70 (standar.csv); efficiency threshold 0 (ketentuan.csv); belanja operasi
  1.200.000 → 950.000 and modal 100.000 → 50.000 (belanja.csv, = the DPA totals); the Renstra
  table lists IKU-01 only (indikator_renstra.csv), so cakupan is a PK indicator it lacks.
"""

from __future__ import annotations

from pathlib import Path

# The example (the seed, data/bantarbolang) by the test files' location, not the working folder.
CONTOH = Path(__file__).resolve().parents[1] / "data"
UNSUR = "persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana"

BERKAS_MINI = {
    "renstra/tujuan.csv": "kode_tujuan,tujuan\nT1,Meningkatkan pelayanan\n",
    "renstra/sasaran.csv": "kode_sasaran,kode_tujuan,sasaran\nS1,T1,Meningkatnya pelayanan\n",
    "renstra/indikator.csv": (
        "kode_indikator,kode_sasaran,indikator,satuan,arah,metode,akumulasi_tw,"
        "sumber_realisasi,target_akhir\n"
        "IKU-01,S1,Indeks kepuasan masyarakat,indeks,naik,rasio,terakhir,ikm,85\n"
        "IKU-02,S1,Cakupan layanan,%,naik,rasio,terakhir,komposit,90\n"
    ),
    "renstra/target.csv": "kode_indikator,tahun,target\nIKU-01,2023,80\nIKU-02,2023,80\n",
    "renstra/realisasi.csv": (
        "kode_indikator,tahun,periode,realisasi\nIKU-01,2022,tahun,76\nIKU-02,2022,tahun,\n"
    ),
    "renstra/strategi.csv": "kode_strategi,kode_sasaran,strategi\n1,S1,Meningkatkan layanan\n",
    "renstra/kebijakan.csv": "kode_kebijakan,kode_strategi,kebijakan\n1.1,1,Layanan cepat\n",
    "2023/profil.csv": (
        "kecamatan,nama_kecamatan,kabupaten,provinsi,tahun,alamat,kode_pos,email,camat_nama,"
        "camat_nip,camat_pangkat,renstra_awal,renstra_akhir,skala,metode_ikm_tahunan,"
        "populasi_ikm,tempat_laporan,tanggal_laporan,sintetis\n"
        "contoh,Contoh,Pemalang,Jawa Tengah,2023,Jl. Contoh 1,52300,,Budi,"
        "19700101 199501 1 001,Pembina,2021,2026,bantarbolang-2023,rerata_semester,,"
        "Pemalang,2024-01-31,tidak\n"
    ),
    "2023/pegawai.csv": (
        "no,nama,jabatan,status,pendidikan,golongan\n"
        "1,Budi,Camat,PNS,S2,IV\n2,,Pelaksana,PNS,SLTA,II\n3,,Tenaga Honorer,Honorer,SMA,\n"
    ).replace("SMA", "SLTA"),
    "2023/sarpras.csv": "no,jenis,jumlah,satuan\n1,Kendaraan Roda 2,2,unit\n",
    "2023/pejabat.csv": (
        "kode_pejabat,nama,nip,jabatan,kode_atasan,nama_atasan,jabatan_atasan,tanggal_pk\n"
        "camat,Budi,,Camat Contoh,,Bupati,Bupati Pemalang,2023-01-02\n"
        "sekcam,Sari,,Sekretaris Kecamatan,camat,,,2023-01-02\n"
    ),
    "2023/pk_indikator.csv": (
        "kode_pejabat,no,sasaran,indikator,kode_indikator,satuan,target,tw1,tw2,tw3,tw4\n"
        "camat,1,Meningkatnya pelayanan,Indeks kepuasan masyarakat,IKU-01,indeks,80,0,0,80,80\n"
        "camat,2,Meningkatnya pelayanan,Cakupan layanan,IKU-02,%,80,20,40,60,80\n"
        "sekcam,1,Tersedianya dokumen,Jumlah dokumen,,dokumen,4,1,1,1,1\n"
    ),
    "2023/anggaran.csv": (
        "kode;kode_induk;tingkat;nama;kode_sasaran;pagu_murni;pagu_perubahan\n"
        "1;;program;Program Penunjang;S1;;\n"
        "1.1;1;kegiatan;Administrasi Keuangan;;900.000;600.000\n"
        "1.2;1;kegiatan;Administrasi Umum;;400.000;400.000\n"
    ),
    "2023/pk_anggaran.csv": (
        "kode_pejabat,no,uraian,tingkat,kode_anggaran,anggaran,tw1,tw2,tw3,tw4\n"
        "camat,1,Program Penunjang,program,1,1000000,,,,\n"
        "sekcam,1,Administrasi Keuangan,kegiatan,1.1,600000,150000,150000,150000,150000\n"
        "sekcam,2,Administrasi Umum,kegiatan,1.2,400000,100000,100000,100000,100000\n"
    ),
    "2023/realisasi_anggaran.csv": "tingkat,kode,realisasi\nsasaran,S1,950000\n",
    "2023/komposit.csv": (
        "kode_node,kode_induk,kode_indikator,nama,jenis,pembilang,penyebut,nilai,daftar,urutan\n"
        "CL,,IKU-02,Cakupan layanan,rerata,,,,,1\n"
        "CL.1,CL,,Pengaduan terselesaikan,rasio,,,,pengaduan,1\n"
        "CL.2,CL,,Desa bertata kelola baik,rasio,,,,desa,2\n"
    ),
    "2023/desa.csv": (
        "no,nama_desa,tata_kelola_baik\n1,Alfa,ya\n2,Beta,ya\n3,Gama,ya\n4,Delta,tidak\n"
    ),
    "2023/pengaduan.csv": "no,uraian,desa,selesai\n1,Jalan rusak,Alfa,ya\n2,Banjir,Beta,tidak\n",
    "2023/data_publik.csv": "no,jenis_data,dipublikasikan\n1,Profil,ya\n",
    "2023/layanan_pelimpahan.csv": "no,jenis_layanan,tersedia,jumlah\n1,rekomendasi,ya,3\n",
    "2023/ikm_responden.csv": (
        f"no,periode,tanggal,layanan,{UNSUR}\n"
        "1,S1,2023-02-01,KTP,3,3,3,3,3,3,4,3,3\n"
        "2,S1,2023-03-01,KK,3,3,3,3,3,3,4,3,3\n"
        "3,S2,2023-08-01,KTP,3,3,3,3,3,3,4,3,3\n"
        "4,S2,2023-09-01,KK,3,3,3,3,3,3,4,3,3\n"
    ),
    "2023/tersaji.csv": "besaran,kunci,nilai,sumber\nrealisasi,IKU-02,\"62,50\",Tabel 3.2\n",
    "2023/narasi/isu_strategis.md": "1. Kurangnya pegawai\n",
    "renstra/visi_misi.csv": (
        "jenis,nomor,teks,didukung\nvisi,,Contoh yang maju,\nmisi,1,Ekonomi kuat,tidak\n"
        "misi,2,Tata kelola yang baik,ya\n"
    ),
    "renstra/indikator_renstra.csv": "kode_indikator\nIKU-01\n",
    "2023/pk_realisasi.csv": (
        "kode_pejabat,no,kode_node,realisasi,kode_anggaran,arah\nsekcam,1,,3,1.1,naik\n"
    ),
    "2023/standar.csv": (
        "kode_indikator,tingkat,nilai,uraian,sumber\n"
        "IKU-02,provinsi,70,Rerata cakupan layanan kecamatan se-provinsi,Contoh sumber\n"
    ),
    "2023/ketentuan.csv": (
        "ketentuan,nilai,uraian,dasar\nbatas_efisiensi,0,Efisien bila capaian kinerja tidak "
        "lebih rendah dari penyerapan anggaran,Keputusan Camat Contoh\n"
    ),
    "2023/rujukan.csv": (
        "bagian,peraturan,tentang\nrenstra,Peraturan Bupati Contoh Nomor 1 Tahun 2021,"
        "Renstra Perangkat Daerah\npelimpahan,Peraturan Bupati Contoh Nomor 5 Tahun 2017,\n"
    ),
    "2023/instrumen.csv": (
        "no,nama,kepanjangan,uraian\n1,SIPD,Sistem Informasi Pemerintahan Daerah,"
        "Pengelolaan keuangan daerah\n"
    ),
    "2023/belanja.csv": (
        "jenis_belanja,pagu_murni,pagu_perubahan\noperasi,1200000,950000\nmodal,100000,50000\n"
    ),
}


def tulis_mini(root: Path, kecamatan: str = "contoh", ganti: dict | None = None) -> Path:
    """Write the mini kecamatan under root/<kecamatan>/; `ganti` replaces or (None) drops files.

    Returns the data folder (root)."""
    berkas = dict(BERKAS_MINI)
    for nama, isi in (ganti or {}).items():
        if isi is None:
            berkas.pop(nama, None)
        else:
            berkas[nama] = isi
    for nama, isi in berkas.items():
        jalur = root / kecamatan / nama
        jalur.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(isi, bytes):
            jalur.write_bytes(isi)
        else:
            jalur.write_text(isi.replace("contoh,Contoh", f"{kecamatan},{kecamatan.title()}"),
                             encoding="utf-8")
    return root


# ---------------------------------------------------------------- more than one sasaran

_INDIKATOR_GANDA = (
    "kode_indikator,kode_sasaran,indikator,satuan,arah,metode,akumulasi_tw,"
    "sumber_realisasi,target_akhir\n"
    "IKU-01,S1,Indeks kepuasan masyarakat,indeks,naik,rasio,terakhir,ikm,85\n"
    "IKU-02,S1,Cakupan layanan,%,naik,rasio,terakhir,komposit,90\n"
    "IKU-03,S2,Nilai AKIP,skor,naik,rasio,terakhir,langsung,60\n"
    "IKU-04,S3,Jumlah gangguan ketertiban,kejadian,turun,selisih,jumlah,langsung,5\n"
    "IKU-05,S3,Persentase konflik tertangani,%,naik,rasio,terakhir,langsung,50\n"
)
_SASARAN_GANDA = (
    "kode_sasaran,kode_tujuan,sasaran\nS1,T1,Meningkatnya pelayanan\n"
    "S2,T1,Meningkatnya akuntabilitas\nS3,T1,Menurunnya gangguan ketertiban\n"
)
_TARGET_GANDA = ("kode_indikator,tahun,target\nIKU-01,2023,80\nIKU-02,2023,80\nIKU-03,2023,50\n"
                 "IKU-04,2023,10\nIKU-05,2023,40\n")
_REALISASI_GANDA = ("kode_indikator,tahun,periode,realisasi\nIKU-01,2022,tahun,76\n"
                    "IKU-02,2022,tahun,\nIKU-03,2023,tahun,45\nIKU-04,2023,tahun,8\n"
                    "IKU-05,2023,tahun,30\n")
_ANGGARAN_GANDA = (
    "kode;kode_induk;tingkat;nama;kode_sasaran;pagu_murni;pagu_perubahan\n"
    "1;;program;Program Penunjang;S1;;\n"
    "1.1;1;kegiatan;Administrasi Keuangan;;900.000;600.000\n"
    "1.2;1;kegiatan;Administrasi Umum;;400.000;400.000\n"
    "2;;program;Program Pemerintahan;S2;;\n"
    "2.1;2;kegiatan;Koordinasi Pemerintahan;;300.000;300.000\n"
    "3;;program;Program Ketertiban;S3;;\n"
    "3.1;3;kegiatan;Koordinasi Ketertiban;;200.000;250.000\n"
    "3.2;3;kegiatan;Penegakan Perda;;150.000;150.000\n"
)
_PK_INDIKATOR_GANDA = (
    "kode_pejabat,no,sasaran,indikator,kode_indikator,satuan,target,tw1,tw2,tw3,tw4\n"
    "camat,1,Meningkatnya pelayanan,Indeks kepuasan masyarakat,IKU-01,indeks,80,0,0,80,80\n"
    "camat,2,Meningkatnya pelayanan,Cakupan layanan,IKU-02,%,80,20,40,60,80\n"
    "camat,3,Meningkatnya akuntabilitas,Nilai AKIP,IKU-03,skor,50,,,,50\n"
    "camat,4,Menurunnya gangguan ketertiban,Jumlah gangguan ketertiban,IKU-04,kejadian,10,"
    "3,3,2,2\n"
    "camat,5,Menurunnya gangguan ketertiban,Persentase konflik tertangani,IKU-05,%,40,"
    "10,20,30,40\n"
    "sekcam,1,Tersedianya dokumen,Jumlah dokumen,,dokumen,4,1,1,1,1\n"
)
_PK_ANGGARAN_GANDA = (
    "kode_pejabat,no,uraian,tingkat,kode_anggaran,anggaran,tw1,tw2,tw3,tw4\n"
    "camat,1,Program Penunjang,program,1,1000000,,,,\n"
    "camat,2,Program Pemerintahan,program,2,300000,,,,\n"
    "camat,3,Program Ketertiban,program,3,400000,,,,\n"
    "sekcam,1,Administrasi Keuangan,kegiatan,1.1,600000,150000,150000,150000,150000\n"
    "sekcam,2,Administrasi Umum,kegiatan,1.2,400000,100000,100000,100000,100000\n"
)
_REALISASI_ANGGARAN_GANDA = "tingkat,kode,realisasi\nsasaran,S1,950000\nsasaran,S2,240000\n" \
    "sasaran,S3,390000\n"


def _tanpa(teks: str, *awal: str) -> str:
    """The CSV text without the lines that start with one of `awal`."""
    return "".join(b for b in teks.splitlines(keepends=True) if not b.startswith(awal))


def sasaran_ganda(n: int) -> dict[str, str]:
    """`ganti` for `tulis_mini`: the mini kecamatan with n = 2 or 3 sasaran.

    S1 is the mini's sasaran (IKU-01 IKM, IKU-02 cakupan; program 1). S2: IKU-03 Nilai AKIP,
    target 50, realisasi 45, target akhir 60; program 2 (kegiatan 2.1, pagu 300.000);
    realisasi anggaran 240.000. S3 (n = 3): IKU-04 lower is better (arah turun, metode selisih),
    target 10, realisasi 8, target akhir 5, and IKU-05 target 40, realisasi 30, target akhir 50;
    program 3 (kegiatan 3.1 murni 200.000 → 250.000, 3.2 150.000), realisasi 390.000.

    By hand:
    - S1 = (77,777…/80 + 62,5/80) × 100 / 2 = (97,2222… + 78,125) / 2 = 12625/144 = 87,6736…
    - S2 = 45 / 50 × 100 = 90; S3 = ((2 × 10 − 8) / 10 × 100 + 30 / 40 × 100) / 2
      = (120 + 75) / 2 = 97,5
    - keseluruhan (mean of sasaran, not of indicators): n = 2: (87,6736… + 90) / 2 = 88,8368…;
      n = 3: (87,6736… + 90 + 97,5) / 3 = 91,7245…
    - pagu: S1 600.000 + 400.000 = 1.000.000; S2 300.000; S3 250.000 + 150.000 = 400.000
    - penyerapan: S1 95; S2 240.000 / 300.000 = 80; S3 390.000 / 400.000 = 97,5; total n = 2:
      1.190.000 / 1.300.000 = 91,5384…; n = 3: 1.580.000 / 1.700.000 = 92,9411…
    """
    if n not in (2, 3):
        raise ValueError("sasaran_ganda: n harus 2 atau 3")
    berkas = {
        "renstra/sasaran.csv": _SASARAN_GANDA, "renstra/indikator.csv": _INDIKATOR_GANDA,
        "renstra/target.csv": _TARGET_GANDA, "renstra/realisasi.csv": _REALISASI_GANDA,
        "2023/anggaran.csv": _ANGGARAN_GANDA, "2023/pk_indikator.csv": _PK_INDIKATOR_GANDA,
        "2023/pk_anggaran.csv": _PK_ANGGARAN_GANDA,
        "2023/realisasi_anggaran.csv": _REALISASI_ANGGARAN_GANDA,
    }
    if n == 2:
        buang = {"renstra/sasaran.csv": ("S3",), "renstra/indikator.csv": ("IKU-04", "IKU-05"),
                 "renstra/target.csv": ("IKU-04", "IKU-05"),
                 "renstra/realisasi.csv": ("IKU-04", "IKU-05"), "2023/anggaran.csv": ("3",),
                 "2023/pk_indikator.csv": ("camat,4", "camat,5"),
                 "2023/pk_anggaran.csv": ("camat,3",),
                 "2023/realisasi_anggaran.csv": ("sasaran,S3",)}
        berkas = {k: _tanpa(v, *buang.get(k, ())) for k, v in berkas.items()}
    return berkas
