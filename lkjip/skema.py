"""One declarative schema per input file (pandera), validated lazily.

Files are read as text first (as an analyst typed them); each column declares its type,
whether it may be empty, its allowed values and uniqueness. `skema(nama)` turns that into
a pandera `DataFrameSchema` whose checks carry, as their error text, what was expected in
Bahasa Indonesia, so every failure becomes a `Masalah` naming file, row, column and value.

>>> BERKAS["renstra/indikator.csv"].kolom_nama()[:3]
['kode_indikator', 'kode_sasaran', 'indikator']
>>> skema("renstra/tujuan.csv").strict
True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lkjip.jenis import SLUG_HARAPAN, TIPE  # noqa: F401  (SLUG_HARAPAN: lkjip.muat's)

if TYPE_CHECKING:
    import pandera.pandas as pa

UNSUR_KOLOM = [
    "persyaratan", "prosedur", "waktu", "biaya", "produk",
    "kompetensi", "perilaku", "pengaduan", "sarana",
]
JABATAN = [
    "Camat", "Sekretaris Kecamatan", "Kepala Seksi", "Kepala Sub Bagian",
    "Pelaksana", "Tenaga Honorer",
]
PENDIDIKAN = ["SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
# Other names offices use for a level of education (suggested in the message, never applied)
NAMA_LAIN = {"SMA": "SLTA", "SMK": "SLTA", "MA": "SLTA", "STM": "SLTA", "SMEA": "SLTA",
             "SMP": "SLTP", "MTS": "SLTP", "MI": "SD", "DIII": "D3", "D-III": "D3",
             "DIV": "D4", "D-IV": "D4",
             # periods (ikm periode, realisasi periode)
             "SEMESTER 1": "S1", "SEMESTER I": "S1", "SEMESTER 2": "S2", "SEMESTER II": "S2",
             "TW I": "TW1", "TW II": "TW2", "TW III": "TW3", "TW IV": "TW4",
             "TAHUNAN": "tahun"}
GOLONGAN = ["I", "II", "III", "IV"]
TINGKAT_ANGGARAN = ["program", "kegiatan", "sub_kegiatan"]
SKALA = ["bantarbolang-2023", "permendagri-86-2017", "permenpan-88-2021"]
DAFTAR = ["desa", "pengaduan", "data_publik", "layanan_pelimpahan"]
# realisasi.csv: a year or its quarters (a semester row was accepted and never used: refused)
TW = ["TW1", "TW2", "TW3", "TW4"]
PERIODE = ["tahun", *TW]
BAGIAN_RUJUKAN = ["sakip", "organisasi", "renstra", "iku", "skala", "pelimpahan"]
JENIS_BELANJA = ["operasi", "modal", "tidak_terduga", "transfer"]
TINGKAT_STANDAR = ["nasional", "provinsi", "kabupaten"]
KETENTUAN = ["batas_efisiensi"]


@dataclass(frozen=True)
class Kolom:
    """One column: its type, whether a cell may be empty (``kosong``), its allowed values,
    uniqueness; ``opsional``: the column itself may be left out of the file (read as empty
    cells; so it must allow empty cells)."""

    nama: str
    tipe: str = "teks"
    kosong: bool = False
    pilihan: tuple[str, ...] = ()
    unik: bool = False
    opsional: bool = False

    def __post_init__(self) -> None:
        if self.opsional and not self.kosong:
            raise ValueError(f"kolom opsional {self.nama!r} harus boleh kosong")

    def harapan(self) -> str:
        if self.pilihan:
            return "salah satu dari: " + ", ".join(self.pilihan)
        return TIPE[self.tipe][1]

    def saran(self, teks: str) -> str | None:
        """The allowed value a refused one was most likely meant to be, for the message: the
        same letters in another case (``pns``), a usual other name (``SMA`` for SLTA), a close
        spelling (``Sekertaris Kecamatan``), a folder name in lowercase with hyphens
        (``Comal Baru``). None when nothing is close; never applied.

        >>> k = Kolom("jabatan", pilihan=tuple(JABATAN))
        >>> k.saran("Sekertaris Kecamatan"), k.saran("kepala seksi"), k.saran("Lurah")
        ('Sekretaris Kecamatan', 'Kepala Seksi', None)
        >>> Kolom("pendidikan", pilihan=tuple(PENDIDIKAN)).saran("SMK")
        'SLTA'
        >>> Kolom("periode", pilihan=("S1", "S2")).saran("Semester 1")
        'S1'
        >>> Kolom("kecamatan", "slug").saran("Comal Baru")
        'comal-baru'
        """
        s = teks.strip()
        if self.tipe == "slug":
            slug = "-".join(s.lower().replace("_", " ").split())
            return slug if slug != s and TIPE["slug"][0](slug) else None
        if not self.pilihan:
            return None
        sama = [p for p in self.pilihan if p.lower() == s.lower()]
        if sama:
            return sama[0]
        lain = NAMA_LAIN.get(" ".join(s.upper().split()))
        if lain in self.pilihan:
            return lain
        import difflib

        dekat = difflib.get_close_matches(s.lower(), [p.lower() for p in self.pilihan], 1, 0.75)
        return next((p for p in self.pilihan if dekat and p.lower() == dekat[0]), None)

    def sah(self, teks: str) -> bool:
        if teks.strip() == "":
            return self.kosong
        if self.pilihan:
            return teks.strip() in self.pilihan
        return TIPE[self.tipe][0](teks)


@dataclass(frozen=True)
class Syarat:
    """A file is required when some row of `berkas` has `kolom` equal to `nilai`."""

    berkas: str
    kolom: str
    nilai: str

    def teks(self) -> str:
        """The condition as data/README.md states it.

        >>> Syarat("komposit.csv", "daftar", "desa").teks()
        '`komposit.csv` memiliki baris dengan daftar `desa`'
        """
        nama = self.berkas.removeprefix("renstra/")
        return f"`{nama}` memiliki baris dengan {self.kolom} `{self.nilai}`"

    def teks_id(self) -> str:
        """The condition in Bahasa Indonesia, for `lkjip check`.

        >>> Syarat("komposit.csv", "daftar", "desa").teks_id()
        "komposit.csv memiliki baris dengan daftar 'desa'"
        """
        return f"{self.berkas} memiliki baris dengan {self.kolom} '{self.nilai}'"


WAJIB, PILIHAN, WAJIB_JIKA = "wajib", "pilihan", "wajib_jika"


@dataclass(frozen=True)
class IsiBila:
    """Column `kolom` must be filled (``kosong=False``) or left empty (``kosong=True``) in a row
    where each column of `syarat` holds its value: ``""`` empty, ``"*"`` anything, ``"a|b"``
    one of them. Checked with the file, so every such cell is named at once; a value typed
    where it would be ignored is refused rather than dropped without a word.

    >>> IsiBila("nilai", (("jenis", "nilai"),)).teks()
    "jenis 'nilai'"
    >>> IsiBila("pembilang", (("daftar", "*"),), kosong=True).teks()
    'daftar diisi'
    """

    kolom: str
    syarat: tuple[tuple[str, str], ...]
    kosong: bool = False

    def teks(self) -> str:
        return " dan ".join(f"{k} kosong" if v == "" else f"{k} diisi" if v == "*"
                            else f"{k} '{v}'" if "|" not in v
                            else f"{k} {' atau '.join(repr(x) for x in v.split('|'))}"
                            for k, v in self.syarat)

    def berlaku(self, baris) -> bool:
        return all(_cocok(str(baris[k]).strip(), v) for k, v in self.syarat)

    def salah(self, baris) -> bool:
        """The row breaks the rule."""
        return self.berlaku(baris) and (str(baris[self.kolom]).strip() == "") != self.kosong


def _cocok(teks: str, pola: str) -> bool:
    if pola == "*":
        return teks != ""
    return teks in pola.split("|") if "|" in pola else teks == pola


@dataclass(frozen=True)
class Berkas:
    """One input file: its columns, whether it is required, and its example rows.

    ``perlu`` is `WAJIB` (always; the default), `PILIHAN` (optional; ``wajib=False`` says the
    same) or `WAJIB_JIKA`: required, with at
    least ``min_baris_jika`` rows, when any of ``syarat`` holds. Files of one ``kelompok`` are
    alternatives: the requirement is met by one of them. ``contoh`` are example rows as an
    office types them (`,` delimited), used by data/README.md and `lkjip baru`. ``salin`` says
    what `lkjip baru --dari` does: None, this year's data (a template to fill); a tuple, the
    file spans years and is carried over with these columns emptied (this year's values).
    """

    kolom: tuple[Kolom, ...]
    wajib: bool = True
    min_baris: int = 0
    maks_baris: int | None = None
    unik_bersama: tuple[str, ...] = ()
    keterangan: str = ""
    syarat: tuple[Syarat, ...] = ()
    min_baris_jika: int = 1
    kelompok: str | None = None
    contoh: tuple[str, ...] = ()
    perlu: str | None = None
    salin: tuple[str, ...] | None = None
    isi_bila: tuple[IsiBila, ...] = ()

    def __post_init__(self) -> None:
        # ``wajib=False`` is the short way to say ``perlu=PILIHAN``; `wajib` follows `perlu`.
        if self.perlu is None:
            object.__setattr__(self, "perlu", WAJIB if self.wajib else PILIHAN)
        if self.perlu not in (WAJIB, PILIHAN, WAJIB_JIKA):
            raise ValueError(f"perlu harus {WAJIB}, {PILIHAN} atau {WAJIB_JIKA}: {self.perlu!r}")
        if (self.perlu == WAJIB_JIKA) != bool(self.syarat):
            raise ValueError("syarat diisi tepat bila perlu = wajib_jika")
        object.__setattr__(self, "wajib", self.perlu == WAJIB)

    def kolom_nama(self) -> list[str]:
        return [k.nama for k in self.kolom]


def K(nama, tipe="teks", kosong=False, pilihan=(), unik=False,  # noqa: N802
      opsional=False) -> Kolom:
    return Kolom(nama, tipe, kosong or opsional, tuple(pilihan), unik, opsional)


_TW_RUPIAH = tuple(K(f"tw{i}", "rupiah", kosong=True) for i in range(1, 5))
_TW_TARGET = tuple(K(f"tw{i}", "target", kosong=True) for i in range(1, 5))

_KOMPOSIT = Syarat("renstra/indikator.csv", "sumber_realisasi", "komposit")
_IKM = (Syarat("renstra/indikator.csv", "sumber_realisasi", "ikm"),
        Syarat("komposit.csv", "jenis", "ikm"))


def _daftar(nama: str) -> tuple[Syarat, ...]:
    return (Syarat("komposit.csv", "daftar", nama),)


BERKAS: dict[str, Berkas] = {
    "renstra/tujuan.csv": Berkas(
        (K("kode_tujuan", "kode", unik=True), K("tujuan")), min_baris=1,
        keterangan="tujuan Renstra (Tabel 2.1)",
        contoh=("T1,Meningkatkan pelayanan kecamatan yang prima",)),
    "renstra/sasaran.csv": Berkas(
        (K("kode_sasaran", "kode", unik=True), K("kode_tujuan", "kode"), K("sasaran")),
        min_baris=1, keterangan="sasaran setiap tujuan",
        contoh=("S1,T1,Meningkatnya pelayanan kecamatan",)),
    "renstra/indikator.csv": Berkas(
        (
            K("kode_indikator", "kode", unik=True), K("kode_sasaran", "kode"), K("indikator"),
            K("satuan"), K("arah", pilihan=("naik", "turun")),
            K("metode", pilihan=("rasio", "selisih", "kebalikan")),
            K("akumulasi_tw", pilihan=("jumlah", "terakhir", "maks", "rerata")),
            K("sumber_realisasi", pilihan=("langsung", "komposit", "ikm")),
            K("target_akhir", "angka", kosong=True), K("kata_kunci", opsional=True),
        ),
        min_baris=1, keterangan="indikator setiap sasaran dan cara mengukurnya",
        contoh=('IKU-02,S1,Cakupan layanan kecamatan,%,naik,rasio,terakhir,komposit,"96,47",',)),
    "renstra/target.csv": Berkas(
        (K("kode_indikator", "kode"), K("tahun", "tahun"), K("target", "angka")),
        min_baris=1, unik_bersama=("kode_indikator", "tahun"),
        keterangan="target tahunan setiap indikator selama periode Renstra",
        contoh=('IKU-02,2023,"94,69"',)),
    "renstra/realisasi.csv": Berkas(
        (
            K("kode_indikator", "kode"), K("tahun", "tahun"), K("periode", pilihan=PERIODE),
            K("realisasi", "angka", kosong=True),
        ),
        perlu=PILIHAN, unik_bersama=("kode_indikator", "tahun", "periode"),
        keterangan="realisasi yang diketik langsung, tahun ini dan tahun-tahun sebelumnya",
        contoh=('IKU-02,2022,tahun,"81,12"',)),
    "renstra/strategi.csv": Berkas(
        (K("kode_strategi", "kode", unik=True), K("kode_sasaran", "kode"), K("strategi")),
        perlu=PILIHAN, keterangan="strategi per sasaran (Tabel 2.3)",
        contoh=("2,S1,Meningkatkan pelayanan publik sesuai SOP",)),
    "renstra/kebijakan.csv": Berkas(
        (K("kode_kebijakan", "kode", unik=True), K("kode_strategi", "kode"), K("kebijakan")),
        perlu=PILIHAN, keterangan="kebijakan per strategi (Tabel 2.3)",
        contoh=('2.2,2,"Pelayanan pengaduan masyarakat secara cepat, tepat, ramah dan nyaman"',)),
    "profil.csv": Berkas(
        (
            K("kecamatan", "slug"), K("nama_kecamatan"), K("kabupaten"), K("provinsi"),
            K("tahun", "tahun"), K("alamat"), K("kode_pos"), K("email", kosong=True),
            K("camat_nama"), K("camat_nip", "nip"), K("camat_pangkat"),
            K("camat_jabatan", opsional=True),
            K("renstra_awal", "tahun"), K("renstra_akhir", "tahun"),
            K("skala", pilihan=SKALA),
            K("metode_ikm_tahunan", pilihan=("rerata_semester", "gabungan")),
            K("populasi_ikm", "bulat", kosong=True),
            K("tempat_laporan"), K("tanggal_laporan", "tanggal"), K("sintetis", "ya_tidak"),
        ),
        min_baris=1, maks_baris=1,
        keterangan="data kecamatan, Camat penanda tangan, pengaturan laporan",
        salin=("tanggal_laporan", "populasi_ikm"),
        contoh=('bantarbolang,Bantarbolang,Pemalang,Jawa Tengah,2023,"Jl. Raya '
                'Bantarbolang-Pemalang Nomor 17, Bantarbolang",52352,,"UMAR AZIS, S. Sos",'
                "19670524 199503 1 004,Pembina TK. I,,2021,2026,bantarbolang-2023,"
                "rerata_semester,,Pemalang,2024-01-31,tidak",)),
    "pegawai.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("nama", kosong=True),
            K("jabatan", pilihan=JABATAN), K("status", pilihan=("PNS", "Honorer")),
            K("pendidikan", pilihan=PENDIDIKAN), K("golongan", kosong=True, pilihan=GOLONGAN),
        ),
        min_baris=1, keterangan="satu baris per orang (Tabel 1.1–1.3)",
        isi_bila=(IsiBila("golongan", (("status", "PNS"),)),),
        salin=(),
        contoh=('1,"UMAR AZIS, S. Sos",Camat,PNS,S1,IV',)),
    "sarpras.csv": Berkas(
        (K("no", "bulat", unik=True), K("jenis"), K("jumlah", "angka", kosong=True), K("satuan")),
        perlu=PILIHAN, keterangan="sarana dan prasarana kantor (Bab I)",
        salin=(),
        contoh=("1,Jumlah bangunan gedung,3,unit",)),
    "pejabat.csv": Berkas(
        (
            K("kode_pejabat", "kode", unik=True), K("nama"), K("nip", "nip", kosong=True),
            K("jabatan"), K("kode_atasan", "kode", kosong=True),
            K("nama_atasan", kosong=True), K("jabatan_atasan", kosong=True),
            K("tanggal_pk", "tanggal"),
            # for the signed PK (lkjip.tanda_tangan), each column may be left out:
            K("pangkat", opsional=True), K("pk_perubahan", "ya_tidak", opsional=True),
            K("nip_atasan", "nip", opsional=True), K("pangkat_atasan", opsional=True),
        ),
        min_baris=1, keterangan="semua pihak Perjanjian Kinerja, sebagai satu pohon",
        # pk_perubahan too: a new year's PK is no revision of last year's (a carried 'ya' titled
        # it "Perjanjian Kinerja (Perubahan)" unnoticed; emptied, check asks for ya/tidak)
        salin=("tanggal_pk", "pk_perubahan"),
        contoh=('camat,"WALUYO, S.STP, MP",,Camat Bantarbolang,,"MANSUR HIDAYAT, S.T.",'
                "Bupati Pemalang,2023-10-23,Pembina TK. I,tidak,,",
                'sekcam,"NUR AZIZ MUHAIMIN, SH",,Sekretaris Kecamatan Bantarbolang,camat,,,'
                "2023-10-23,Penata TK. I,tidak,,")),
    "pk_indikator.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"), K("sasaran"), K("indikator"),
            K("kode_indikator", "kode", kosong=True), K("satuan"), K("target", "target"),
        ) + _TW_TARGET,
        min_baris=1, unik_bersama=("kode_pejabat", "no"),
        keterangan="target setiap PK, termasuk TW I–IV (Tabel 2.4, Lampiran)",
        contoh=('camat,1,Meningkatnya pelayanan kecamatan,Cakupan layanan kecamatan,IKU-02,%,'
                '"94,69","23,67","47,35","71,02","94,69"',
                "sekcam,1,Tersusunnya dokumen perencanaan dan pelaporan kinerja,Jumlah dokumen "
                "perencanaan dan pelaporan,,dokumen,12,3,3,3,3")),
    "pk_anggaran.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"), K("uraian"),
            K("tingkat", pilihan=TINGKAT_ANGGARAN), K("kode_anggaran", "kode"),
            K("anggaran", "rupiah"),
        ) + _TW_RUPIAH,
        perlu=PILIHAN, unik_bersama=("kode_pejabat", "no"),
        keterangan="tabel anggaran setiap PK, termasuk TW I–IV (Lampiran)",
        contoh=("camat,1,Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota,program,1,"
                "6.212.970,,,,",
                'sekcam,1,"Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",'
                "kegiatan,1.1,6.212.970,1.553.242,1.553.243,1.553.242,1.553.243")),
    "anggaran.csv": Berkas(
        (
            K("kode", "kode", unik=True), K("kode_induk", "kode", kosong=True),
            K("tingkat", pilihan=TINGKAT_ANGGARAN), K("nama"),
            K("kode_sasaran", "kode", kosong=True),
            K("pagu_murni", "rupiah", kosong=True), K("pagu_perubahan", "rupiah", kosong=True),
        ),
        min_baris=1, keterangan="DPA: program → kegiatan → sub kegiatan (Tabel 2.2, 2.5)",
        isi_bila=(IsiBila("kode_sasaran", (("tingkat", "kegiatan|sub_kegiatan"),), kosong=True),),
        contoh=("1,,program,Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota,S1,,",
                '1.1,1,kegiatan,"Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat '
                'Daerah",,6.212.970,6.212.970')),
    "realisasi_anggaran.csv": Berkas(
        (
            K("tingkat", pilihan=("sasaran",) + tuple(TINGKAT_ANGGARAN)), K("kode", "kode"),
            K("realisasi", "rupiah"),
        ),
        perlu=PILIHAN, unik_bersama=("tingkat", "kode"),
        keterangan=("realisasi anggaran tahun ini (Bab III, tabel Target dan Realisasi Anggaran "
                    "Sasaran Strategis)"),
        contoh=("kegiatan,1.1,6.100.000",)),
    "komposit.csv": Berkas(
        (
            K("kode_node", "kode", unik=True), K("kode_induk", "kode", kosong=True),
            K("kode_indikator", "kode", kosong=True), K("nama"),
            K("jenis", pilihan=("rerata", "rasio", "nilai", "ikm")),
            K("pembilang", "angka", kosong=True), K("penyebut", "angka", kosong=True),
            K("nilai", "angka", kosong=True), K("daftar", kosong=True, pilihan=DAFTAR),
            K("urutan", "bulat"), K("kata_kunci", opsional=True),
        ),
        perlu=WAJIB_JIKA, syarat=(_KOMPOSIT,),
        isi_bila=(IsiBila("pembilang", (("jenis", "rasio"), ("daftar", ""))),
                  IsiBila("penyebut", (("jenis", "rasio"), ("daftar", ""))),
                  IsiBila("nilai", (("jenis", "nilai"),)),
                  IsiBila("pembilang", (("daftar", "*"),), kosong=True),
                  IsiBila("penyebut", (("daftar", "*"),), kosong=True),
                  IsiBila("pembilang", (("jenis", "rerata|nilai|ikm"),), kosong=True),
                  IsiBila("penyebut", (("jenis", "rerata|nilai|ikm"),), kosong=True),
                  IsiBila("nilai", (("jenis", "rerata|rasio|ikm"),), kosong=True),
                  IsiBila("daftar", (("jenis", "rerata|nilai|ikm"),), kosong=True)),
        keterangan="indikator komposit sebagai pohon subindikator",
        salin=("pembilang", "penyebut", "nilai"),
        contoh=("CL,,IKU-02,Cakupan layanan kecamatan,rerata,,,,,1,",
                "CL.1,CL,,Persentase desa bertata kelola pemerintahan baik,rasio,,,,desa,1,",
                "CL.2,CL,,Persentase potensi konflik yang tertangani,rasio,1,1,,,2,"
                "potensi konflik")),
    "desa.csv": Berkas(
        (K("no", "bulat", unik=True), K("nama_desa"), K("tata_kelola_baik", "ya_tidak")),
        perlu=WAJIB_JIKA, syarat=_daftar("desa"), keterangan="desa di kecamatan",
        salin=("tata_kelola_baik",),
        contoh=("1,Bantarbolang,ya",)),
    "pengaduan.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("uraian"), K("desa", kosong=True),
            K("selesai", "ya_tidak"),
        ),
        perlu=WAJIB_JIKA, syarat=_daftar("pengaduan"), min_baris_jika=0,
        keterangan="pengaduan tahun ini (tanpa baris data: tidak ada pengaduan)",
        contoh=("1,Laporan rumah roboh di Desa Pedagung,Pedagung,ya",)),
    "data_publik.csv": Berkas(
        (K("no", "bulat", unik=True), K("jenis_data"), K("dipublikasikan", "ya_tidak")),
        perlu=WAJIB_JIKA, syarat=_daftar("data_publik"),
        keterangan="jenis data yang harus dipublikasikan",
        salin=("dipublikasikan",),
        contoh=("1,Informasi tentang profil badan publik,ya",)),
    "layanan_pelimpahan.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("jenis_layanan"), K("tersedia", "ya_tidak"),
            K("jumlah", "bulat", kosong=True),
        ),
        perlu=WAJIB_JIKA, syarat=_daftar("layanan_pelimpahan"),
        keterangan="layanan yang dilimpahkan Bupati kepada Camat",
        salin=("tersedia", "jumlah"),
        contoh=("1,Rekomendasi,ya,6",)),
    "ikm_responden.csv": Berkas(
        (
            K("no", "bulat", unik=True), K("periode", pilihan=("S1", "S2")),
            K("tanggal", "tanggal", kosong=True), K("layanan", kosong=True),
        ) + tuple(K(u, "jawaban") for u in UNSUR_KOLOM),
        perlu=WAJIB_JIKA, syarat=_IKM, kelompok="survei IKM",
        keterangan="survei IKM, satu baris per responden",
        contoh=("1,S1,2023-01-02,Rekomendasi,4,2,3,4,3,4,4,2,3",)),
    "ikm_nrr.csv": Berkas(
        (
            K("periode", pilihan=("S1", "S2", "tahun")), K("unsur", pilihan=UNSUR_KOLOM),
            K("nrr", "angka"), K("responden", "bulat"),
        ),
        perlu=WAJIB_JIKA, syarat=_IKM, kelompok="survei IKM", unik_bersama=("periode", "unsur"),
        keterangan="survei IKM sebagai NRR per unsur, bila hanya angka agregat yang ada",
        contoh=('S1,persyaratan,"3,12",135',)),
    "tersaji.csv": Berkas(
        (K("besaran", "kode"), K("kunci", kosong=True), K("nilai"), K("sumber")),
        perlu=PILIHAN,
        keterangan="angka yang dinyatakan kantor (diperiksa, tidak pernah dipakai menghitung)",
        contoh=('realisasi,IKU-02,"83,20",Tabel 3.2',)),
}

# Optional files of the analysis and of the seed's documentary content (lkjip.analisis,
# lkjip.dokumen): a kecamatan without them still builds.
BERKAS |= {
    "renstra/visi_misi.csv": Berkas(
        (
            K("jenis", pilihan=("visi", "misi")), K("nomor", "bulat", kosong=True), K("teks"),
            K("didukung", "ya_tidak", kosong=True),
        ),
        wajib=False, keterangan="visi dan misi kepala daerah, serta misi yang didukung",
        contoh=("misi,2,Mewujudkan penyelenggaraan tata kelola pemerintahan yang baik dan "
                "bersih,ya",)),
    "renstra/indikator_renstra.csv": Berkas(
        (K("kode_indikator", "kode", unik=True),), wajib=False,
        keterangan="indikator yang tercantum di tabel dokumen Renstra sendiri (Tabel 2.1)",
        contoh=("IKU-02",)),
    "pk_realisasi.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"), K("kode_node", "kode", kosong=True),
            K("realisasi", "angka", kosong=True), K("kode_anggaran", "kode", kosong=True),
            K("arah", kosong=True, pilihan=("naik", "turun")),
        ),
        wajib=False, unik_bersama=("kode_pejabat", "no"),
        keterangan="realisasi baris PK tingkat program dan di bawahnya",
        salin=("realisasi",),
        contoh=("sekcam,1,,12,1.1,",)),
    "standar.csv": Berkas(
        (
            K("kode_indikator", "kode"), K("tingkat", pilihan=TINGKAT_STANDAR),
            K("nilai", "angka"), K("uraian"), K("sumber"),
        ),
        wajib=False, unik_bersama=("kode_indikator", "tingkat"),
        keterangan="standar nasional, provinsi atau kabupaten yang menjadi pembanding indikator",
        salin=(),
        contoh=("IKU-02,provinsi,70,Rerata cakupan layanan kecamatan se-provinsi,Contoh sumber",)),
    "ketentuan.csv": Berkas(
        (K("ketentuan", pilihan=KETENTUAN, unik=True), K("nilai", "angka"), K("uraian"),
         K("dasar", kosong=True)),
        wajib=False, keterangan="ketentuan pilihan kantor bila peraturan tidak menetapkannya",
        salin=(),
        contoh=("batas_efisiensi,0,Efisien bila capaian kinerja tidak lebih rendah dari "
                "penyerapan anggaran,",)),
    "rujukan.csv": Berkas(
        (K("bagian", pilihan=BAGIAN_RUJUKAN), K("peraturan"), K("tentang", kosong=True)),
        wajib=False, keterangan="dasar hukum setiap bagian laporan", salin=(),
        contoh=("renstra,Peraturan Bupati Nomor 38 Tahun 2021,Rencana Strategis Perangkat "
                "Daerah Tahun 2021-2026",)),
    "instrumen.csv": Berkas(
        (K("no", "bulat", unik=True), K("nama"), K("kepanjangan", kosong=True), K("uraian")),
        wajib=False, keterangan="aplikasi pendukung manajemen kinerja", salin=(),
        contoh=("1,SIPD,Sistem Informasi Pemerintahan Daerah,Pengelolaan keuangan daerah",)),
    "belanja.csv": Berkas(
        (
            K("jenis_belanja", pilihan=JENIS_BELANJA, unik=True),
            K("pagu_murni", "rupiah", kosong=True), K("pagu_perubahan", "rupiah", kosong=True),
        ),
        wajib=False, keterangan="anggaran per jenis belanja, sebelum dan sesudah perubahan",
        salin=("pagu_murni", "pagu_perubahan"),
        contoh=("modal,17641000,",)),
}

# The synthetic survey has the same columns as the real one.
BERKAS["ikm_responden_sintetis.csv"] = replace(
    BERKAS["ikm_responden.csv"],
    keterangan="survei buatan program (data demo): pengganti `ikm_responden.csv`, bukan "
               "tambahannya; kolomnya sama")

# Entries of `<tahun>/` that other parts read, not `lkjip.muat`: known, so not "unknown".
LAIN: dict[str, str] = {
    "keputusan.csv": "keputusan kantor atas temuan `lkjip check` (disiapkan oleh "
                     "`lkjip keputusan`; dipakai `lkjip check` dan `lkjip build`)",
    "logo.png": "logo kabupaten untuk sampul (atau logo.jpg, logo.svg)",
    "logo.jpg": "",
    "logo.svg": "",
}
FOLDER_LAIN: dict[str, str] = {"lampiran": "pindaian PK yang sudah ditandatangani (pdf, png, jpg)"}

# The narrative files of `<tahun>/narasi/`, each optional (a missing one shows "(belum diisi)").
NARASI: dict[str, str] = {
    "gambaran_umum.md": "organisasi serta tugas pokok & fungsi (Bab I)",
    "isu_strategis.md": "isu strategis (Bab I)",
    "permasalahan.md": "permasalahan per sasaran (Bab III)",
    "solusi.md": "solusi (Bab III)",
    "program_pendukung.md": "tidak lagi dicetak (program dan kegiatan setiap sasaran dicantumkan "
                            "dari `anggaran.csv`); tetap dibaca, angka yang diketik di dalamnya "
                            "diperiksa",
    "inovasi.md": "inovasi (Bab III)",
    "rencana_tindak_lanjut.md": "rencana tindak lanjut (Bab IV)",
    "kata_pengantar.md": "Kata Pengantar yang ditulis kantor sendiri (bila tidak ada: teks baku)",
}
# Where the edition prints each narrative file, in Bahasa Indonesia (`lkjip check`'s "Masih perlu
# diisi"); a file not here is not printed, so its absence shows nowhere.
NARASI_LETAK: dict[str, str] = {
    "gambaran_umum.md": "Bab I, Gambaran Umum Organisasi",
    "isu_strategis.md": "Bab I, Isu Strategis",
    "permasalahan.md": "Bab III, Permasalahan",
    "solusi.md": "Bab III, Solusi",
    "inovasi.md": "Bab III, Inovasi",
    "rencana_tindak_lanjut.md": "Bab IV, Rencana Tindak Lanjut",
}
# Subfolders of `narasi/` with one optional file per figure, `<kode>.md` (issue 16): the office's
# text on one indicator or one composite node, printed beside that figure in Bab III.
NARASI_FOLDER: dict[str, tuple[str, str]] = {
    "indikator": ("kode_indikator", "uraian kantor tentang satu indikator (Bab III, sesudah "
                                    "paragrafnya)"),
    "komponen": ("kode_node", "uraian kantor tentang satu node komposit (Bab III, di samping "
                              "perhitungannya)"),
}


def perlu_teks(berkas: Berkas) -> str:
    """Whether a file is required, as the table of data/README.md says it.

    >>> perlu_teks(BERKAS["desa.csv"])
    'wajib bila `komposit.csv` memiliki baris dengan daftar `desa`'
    >>> perlu_teks(BERKAS["pengaduan.csv"])
    'wajib bila `komposit.csv` memiliki baris dengan daftar `pengaduan`; boleh tanpa baris data'
    """
    if berkas.perlu == WAJIB:
        return "**wajib**"
    if berkas.perlu == PILIHAN:
        return "tidak wajib"
    teks = "wajib bila " + " atau ".join(s.teks() for s in berkas.syarat)
    if berkas.kelompok:
        teks += f" (cukup salah satu berkas {berkas.kelompok})"
    if berkas.min_baris_jika == 0:
        teks += "; boleh tanpa baris data"
    return teks


def tabel_berkas() -> str:
    """The file table of data/README.md (tested to be there verbatim): one row per file."""
    baris = ["| berkas | wajib? | isi |", "|---|---|---|"]
    for nama, b in BERKAS.items():
        folder = "" if nama.startswith("renstra/") else "<tahun>/"
        baris.append(f"| `{folder}{nama}` | {perlu_teks(b)} | {b.keterangan} |")
    for nama, apa in NARASI.items():
        baris.append(f"| `<tahun>/narasi/{nama}` | tidak wajib | {apa} |")
    for nama, (kode, apa) in NARASI_FOLDER.items():
        baris.append(f"| `<tahun>/narasi/{nama}/<{kode}>.md` | tidak wajib | {apa} |")
    for nama, apa in (LAIN | {f"{k}/": v for k, v in FOLDER_LAIN.items()}).items():
        if apa:
            baris.append(f"| `<tahun>/{nama}` | tidak wajib | {apa} |")
    return "\n".join(baris) + "\n"

# Quarterly monitoring (optional; see data/README.md "Triwulan" and lkjip.triwulan).
STATUS_TW = ("sesuai jalur", "perlu perhatian", "diperkirakan tidak tercapai")
BERKAS |= {
    "realisasi_pk_tw.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"),
            K("akumulasi_tw", kosong=True, pilihan=("jumlah", "terakhir", "maks", "rerata")),
            K("arah", kosong=True, pilihan=("naik", "turun")),
            K("metode", kosong=True, pilihan=("rasio", "selisih", "kebalikan")),
        ) + _TW_TARGET,
        wajib=False, unik_bersama=("kode_pejabat", "no"),
        keterangan="realisasi TW I–IV setiap indikator PK (pemantauan triwulanan)",
        contoh=("sekcam,1,jumlah,naik,,4,3,,",),
    ),
    "realisasi_anggaran_tw.csv": Berkas(
        (K("kode_pejabat", "kode"), K("no", "bulat")) + _TW_RUPIAH,
        wajib=False, unik_bersama=("kode_pejabat", "no"),
        keterangan="realisasi s.d. TW I–IV setiap baris anggaran PK (pemantauan triwulanan)",
        contoh=("sekcam,1,1500000,3100000,,",),
    ),
    "penjelasan_tw.csv": Berkas(
        (
            K("kode_pejabat", "kode"), K("no", "bulat"),
            K("triwulan", pilihan=("1", "2", "3", "4")), K("penjelasan"),
            K("tindak_lanjut", kosong=True),
        ),
        wajib=False, unik_bersama=("kode_pejabat", "no", "triwulan"),
        keterangan="penjelasan kantor tentang satu indikator PK pada satu triwulan",
        contoh=("sekcam,1,2,Dokumen Renja menunggu jadwal SIPD,Disusun pada awal TW III",),
    ),
    "ambang_tw.csv": Berkas(
        (
            K("jenis", pilihan=("kinerja", "anggaran")), K("status", pilihan=STATUS_TW),
            K("batas_bawah", "angka", kosong=True),
        ),
        wajib=False, unik_bersama=("jenis", "status"),
        keterangan="ambang peringatan dini triwulanan, pengganti ambang bawaan program",
        contoh=("kinerja,sesuai jalur,100", "kinerja,perlu perhatian,85",
                "kinerja,diperkirakan tidak tercapai,"),
    ),
}


def _cek_kolom(kolom: Kolom) -> pa.Check:
    import pandera.pandas as pa

    return pa.Check(kolom.sah, element_wise=True, error=kolom.harapan())


def skema(nama: str) -> pa.DataFrameSchema:
    """The pandera schema of one input file (its columns hold text as typed). pandera is
    imported here, not with the module: a kernel that reads its data from the cache
    (`lkjip.tembolok`) never validates, and importing pandera costs ~0,15 s (issue 15)."""
    import pandera.pandas as pa

    berkas = BERKAS[nama]
    kolom = {
        k.nama: pa.Column(object, checks=[_cek_kolom(k)], unique=k.unik, nullable=False)
        for k in berkas.kolom
    }
    unik = list(berkas.unik_bersama) or None
    return pa.DataFrameSchema(kolom, strict=True, unique=unik, name=nama)
