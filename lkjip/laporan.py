"""The kecamatan report: `bangun` one kecamatan-year, `bangun_banyak` a batch of them.

``bangun`` writes under ``outputs/<kecamatan>/<tahun>/`` the executed notebook
``lkjip_<kecamatan>_<tahun>.ipynb``, the edition ``lkjip_<kecamatan>_<tahun>.{html,pdf,docx}``
and, when ``notebooks/kertas_kerja/`` has chapters, the working paper
``kertas_kerja_<kecamatan>_<tahun>.{html,pdf}``: the chapters of both joined and executed once
(one model, one numbering), split at export (`lkjip.ekspor.berkas_kecamatan`). That is one
`lkjip.bangun.Dokumen` (`dokumen`) built by `lkjip.bangun.bangun_dokumen` (the design, the
speed, the lock, the atomic write and the interruptions are described there). ``bangun_banyak`` maps
``bangun`` over many kecamatan-years (`lkjip.bangun.kumpulan`), never stopping at a failure;
Ctrl-C raises `Dibatalkan`, which lists what was built.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from lkjip import config
from lkjip.bangun import (
    BerkasLaporan,
    Dokumen,
    GagalBangun,
    GagalTulis,
    bangun_dokumen,
    bersihkan_sisa,
)
from lkjip.bangun.jalankan import FOLDER_KERTAS_KERJA, POLA_BAB, gabung
from lkjip.bangun.kumpulan import Terputus, petakan
from lkjip.galat import LkjipError, Masalah
from lkjip.parameter import cek_parameter

__all__ = [
    "ALASAN_BATAL", "BerkasKecamatan", "BerkasLaporan", "Dibatalkan", "FOLDER_KERTAS_KERJA",
    "GagalBangun", "GagalTulis", "HasilBangun", "POLA_BAB", "alasan_batal", "bangun",
    "bangun_banyak",
    "bersihkan_sisa", "daftar_bab", "dokumen", "folder_laporan", "gabung", "judul", "nama_dasar",
    "temukan",
]


@dataclass(frozen=True)
class BerkasKecamatan(BerkasLaporan):
    """The files of a kecamatan build: ``.notebook``, the edition ``.html/.pdf/.docx`` and the
    working paper ``.kertas_html/.kertas_pdf`` (None without its chapters)."""

    @property
    def kertas_html(self) -> Path | None:
        return self.get(self.nama.replace("lkjip_", "kertas_kerja_", 1) + ".html")

    @property
    def kertas_pdf(self) -> Path | None:
        return self.get(self.nama.replace("lkjip_", "kertas_kerja_", 1) + ".pdf")


@dataclass(frozen=True)
class HasilBangun:
    """The outcome of one build in a batch."""

    kecamatan: str
    tahun: int
    ok: bool
    berkas: BerkasKecamatan | None = None
    alasan: str = ""


# ---------------------------------------------------------------- names and places


def nama_dasar(kecamatan: str, tahun: int) -> str:
    """The report's file name without extension.

    >>> nama_dasar("bantarbolang", 2023)
    'lkjip_bantarbolang_2023'
    """
    return f"lkjip_{kecamatan}_{tahun}"


def judul(kecamatan: str, tahun) -> str:
    """How messages name the report.

    >>> judul("bantarbolang", 2023)
    'Laporan bantarbolang 2023'
    """
    return f"Laporan {kecamatan} {tahun}"


def folder_laporan(out_dir: Path, kecamatan: str, tahun: int) -> Path:
    return Path(out_dir) / kecamatan / str(tahun)


def daftar_bab(notebooks_dir: Path) -> list[Path]:
    """The chapter notebooks ``0*_*.ipynb`` of the edition, then those of the working paper
    (``kertas_kerja/0*_*.ipynb``), each in file-name order."""
    akar = Path(notebooks_dir)
    return sorted(akar.glob(POLA_BAB)) + sorted((akar / FOLDER_KERTAS_KERJA).glob(POLA_BAB))


def temukan(data_dir=None, tahun=None, kecamatan=None) -> list[tuple[str, int]]:
    """Kecamatan-years with data: folders ``<kecamatan>/<yyyy>/`` holding ``profil.csv``."""
    akar = Path(data_dir or config.data())
    ada = [
        (p.parent.parent.name, int(p.parent.name))
        for p in akar.glob("*/*/profil.csv")
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.parent.parent.name)
        and re.fullmatch(r"[0-9]{4}", p.parent.name)
    ]
    return sorted(
        (k, t) for k, t in ada
        if (tahun is None or t == int(tahun)) and (kecamatan is None or k == kecamatan)
    )


# ---------------------------------------------------------------- one report


def dokumen(kecamatan: str, tahun: int, data_dir: Path, out_dir: Path, notebooks_dir: Path,
            analis: bool = False) -> Dokumen:
    """The kecamatan report as a `Dokumen`: its chapters, parameters, folder and names; its
    files besides the notebook come from `lkjip.ekspor.berkas_kecamatan`."""
    bab = daftar_bab(notebooks_dir)
    if not bab:
        pesan = f"tidak ada notebook bab ({POLA_BAB})"
        raise GagalBangun(judul(kecamatan, tahun), [Masalah(str(notebooks_dir), pesan=pesan)])

    def ekspor(nb, kemajuan, dini=None) -> dict[str, bytes]:
        from lkjip.ekspor import berkas_kecamatan

        return berkas_kecamatan(nb, kecamatan, tahun, analis=analis, kemajuan=kemajuan,
                                dini=dini)

    return Dokumen(
        judul=judul(kecamatan, tahun), bab=tuple(bab),
        parameter={"kecamatan": kecamatan, "tahun": tahun, "data_dir": str(data_dir)},
        folder=folder_laporan(out_dir, kecamatan, tahun), nama=nama_dasar(kecamatan, tahun),
        format=("ipynb",), ekspor=ekspor, analis=analis, cwd=notebooks_dir,
        siap=f"from lkjip.konteks import siapkan\nsiapkan({kecamatan!r}, {tahun!r}, "
             f"{str(data_dir)!r})",
        sampul={"kecamatan": kecamatan, "tahun": tahun,
                "nama_kecamatan": kecamatan.replace("-", " ").title()},
    )


def bangun(
    kecamatan: str,
    tahun,
    data_dir=None,
    out_dir=None,
    analis: bool = False,
    notebooks_dir=None,
    muat_dulu: bool = False,
    kemajuan=None,
) -> BerkasKecamatan:
    """Build one report; return its files. Raises ``LkjipError`` (``GagalBangun``) on failure.

    The kecamatan, year and data folder are checked first (`lkjip.parameter.cek_parameter`:
    "Bantarbolang" finds ``bantarbolang``; ``../x`` is refused before the disk is touched).
    With ``muat_dulu`` the data are loaded and validated next (while the kernel boots), so
    bad input ends in the loader's full list of problems before any notebook runs or any file
    is written. ``kemajuan(pesan)`` is told each step (the CLI prints them on stderr).
    """
    kecamatan, tahun, data_dir = cek_parameter(kecamatan, tahun, data_dir)
    out_dir = Path(out_dir or config.outputs()).resolve()
    notebooks_dir = Path(notebooks_dir or config.notebooks()).resolve()
    dok = dokumen(kecamatan, tahun, data_dir, out_dir, notebooks_dir, analis)
    persiapan: list[threading.Thread] = []
    dini: list[EdisiDini | None] = []

    def siapkan() -> None:
        from lkjip.tembolok import muat_hitung

        data = None
        if muat_dulu:
            if kemajuan is not None:
                kemajuan(f"memuat dan memeriksa data {kecamatan} {tahun}")
            try:  # cached (`lkjip.tembolok`): the kernel reads it back
                data, _ = muat_hitung(kecamatan, tahun, data_dir)
            except LkjipError:
                raise
            except Exception:  # a computation error: the kernel's cell names it
                data = None
        # the synthetic folder as the kernel, started there, finds it
        lain = [config.data_sintetis(dari=notebooks_dir)] if _membanding(dok.bab) else None
        persiapan.append(siapkan_dulu(data if lain else None, lain))

    def pantau(indeks: int, nb) -> None:
        if not dini and _awal_kertas(nb, indeks):
            dini.append(EdisiDini.mulai(nb, dok, persiapan))

    def ekspor(nb, lapor) -> dict[str, bytes]:
        for benang in persiapan:  # the engines are ready (or the export starts them itself)
            benang.join()
        return dok.ekspor(nb, lapor, dini=dini[0] if dini else None)

    (berkas,) = bangun_dokumen(replace(dok, ekspor=ekspor, pantau=pantau), out_dir=out_dir,
                               siapkan=siapkan, kemajuan=kemajuan)
    return BerkasKecamatan(berkas.nama, berkas.jalur)


def _awal_kertas(nb, indeks: int) -> bool:
    """Whether cell `indeks` is the working paper's first (the edition's chapters come first)."""
    from lkjip.ekspor import KERTAS_KERJA, dokumen_sel

    return indeks < len(nb.cells) and dokumen_sel(nb.cells[indeks]) == KERTAS_KERJA


class EdisiDini:
    """The edition exported early (issue 15). At the working paper's first cell every cell of
    the edition has run, so its HTML is made, its PDF printed (by Chromium, in its own
    process) and its Word edition made (`lkjip.word`) in threads while the kernel runs the working
    paper's cells, not after them: a build's export ends ~0,4 s or more sooner. Only where
    Chromium prints and the export's engines are ready (`siapkan_dulu`): a WeasyPrint layout
    would compete with the build for the core, and a forked child needs a process without
    threads; and not in a batch worker, whose cores the other workers keep busy: there it
    would only add the export's memory to the kernel's, still alive. `lkjip.ekspor.
    berkas_kecamatan` uses what it made only if the edition is, at the end, what it began
    from (`cocok`), else makes the edition again."""

    def __init__(self, edisi, analis: bool):
        self.edisi, self.analis = edisi, analis
        self._isi = _isi_sel(edisi)
        self._hasil: dict = {}
        self._html = threading.Event()
        self._benang = threading.Thread(target=self._kerja, name="lkjip-edisi-dini", daemon=True)
        self._benang.start()

    @classmethod
    def mulai(cls, nb, dok: Dokumen, persiapan: list[threading.Thread]) -> EdisiDini | None:
        """Begin from `nb`, the notebook being executed, when it may (else None): its edition
        as `lkjip.ekspor.pisah` will give it once the build's cover facts are filled in."""
        import copy
        import multiprocessing

        from lkjip.bangun.jalankan import isi_sampul
        from lkjip.ekspor import EDISI, pisah
        from lkjip.peramban import peramban

        if (multiprocessing.parent_process() is not None
                or any(b.is_alive() for b in persiapan) or peramban() is None):
            return None
        salinan = copy.copy(nb)
        salinan.metadata = copy.deepcopy(nb.metadata)
        edisi = pisah(isi_sampul(salinan, dok.sampul)).get(EDISI)
        return None if edisi is None else cls(edisi, dok.analis)

    def _kerja(self) -> None:
        """The HTML; once it is written, the PDF printed in a thread of its own while the Word
        edition's HTML is made here from the same tree (`lkjip.ekspor.html_dan_word`: not
        parsed again) and the DOCX (`lkjip.word`, while Chromium prints); each error
        kept for who asks for it (one before the HTML is written is the HTML's)."""
        from lkjip.ekspor import html_dan_word, ke_docx, pdf_edisi

        def buat(apa: str, fungsi, *argumen) -> None:
            try:
                self._hasil[apa] = fungsi(*argumen)
            except BaseException as e:  # raised where the result is asked for
                self._galat(apa, e)

        cetak: list[threading.Thread] = []

        def tertulis(html: str, pembaca: str) -> None:
            self._hasil["html"] = (html, pembaca)
            self._html.set()
            cetak.append(threading.Thread(target=buat, args=("pdf", pdf_edisi, self.edisi, pembaca),
                                          name="lkjip-edisi-dini-pdf", daemon=True))
            cetak[-1].start()

        try:
            _, pembaca, siap = html_dan_word(self.edisi, self.analis, tertulis)
        except BaseException as e:
            self._galat("docx" if "html" in self._hasil else "html", e)
            self._html.set()
        else:
            buat("docx", ke_docx, self.edisi, pembaca, siap)
        for benang in cetak:
            benang.join()

    def _galat(self, apa: str, e: BaseException) -> None:
        self._hasil.setdefault("galat", {})[apa] = e

    def cocok(self, edisi) -> bool:
        """Whether `edisi` is the edition this began from: the same cells with the same
        outputs (nbclient replaces an output's data when a later cell updates its display,
        and a cleared cell gets a new list), and the same metadata but papermill's timings."""
        def tanpa_waktu(metadata) -> dict:
            return {k: v for k, v in metadata.items() if k != "papermill"}

        kini = _isi_sel(edisi)
        return (len(kini) == len(self._isi)
                and all(a is b for a, b in zip(kini, self._isi, strict=True))
                and tanpa_waktu(edisi.metadata) == tanpa_waktu(self.edisi.metadata))

    def html(self) -> tuple[str, str]:
        """`lkjip.ekspor.html_dan_pembaca` of the edition (waits for it; raises its error)."""
        self._html.wait()
        return self._ambil("html")

    def docx(self) -> bytes:
        """`lkjip.ekspor.ke_docx` of the edition (waits for it; raises its error)."""
        self._benang.join()
        return self._ambil("docx")

    def pdf(self) -> bytes:
        """`lkjip.ekspor.pdf_edisi` of the edition (waits for it; raises its error)."""
        self._benang.join()
        return self._ambil("pdf")

    def _ambil(self, apa: str):
        galat = self._hasil.get("galat", {})
        if apa not in self._hasil:
            raise galat.get("html") or galat[apa]
        return self._hasil[apa]

    def batal(self) -> None:
        """Wait for the thread to end; what it made is dropped. Returns None."""
        self._benang.join()


def _isi_sel(nb) -> list:
    """The objects of `nb`'s cells and outputs, for an identity comparison (`EdisiDini.cocok`)."""
    isi = []
    for sel in nb.cells:
        keluaran = sel.get("outputs", ())
        isi += [sel, sel.metadata, keluaran]
        for k in keluaran:
            isi += [k, k.get("data"), k.get("metadata"), k.get("text")]
    return isi


def _membanding(bab) -> bool:
    """Whether a chapter loads the kabupaten's other kecamatan (calls ``muat_pembanding``): only
    then are they loaded ahead (a set of chapters without Bab III would pay for nothing)."""
    try:
        return any("muat_pembanding" in Path(b).read_text(encoding="utf-8") for b in bab)
    except (OSError, UnicodeDecodeError):
        return False


def siapkan_dulu(data, folders=None) -> threading.Thread:
    """In a thread of this (the build) process, while the kernel boots and runs the chapters
    on the other core: first the kabupaten's other kecamatan into the cache when `data` is
    given (`lkjip.pembanding.muat_dulu`; Bab III asks for them, ~2,5 CPU-s of a first build),
    then the export's engines (`lkjip.ekspor.siapkan_mesin`: the browser, the Word and HTML
    exporters, ~1,3 s). Before this thread the engines were started in the build's own thread
    before any cell ran, and the other kecamatan only after them: a first build's kernel then
    waited ~0,9 s at Bab III (issue 15). Join it before the export. Never raises: what it
    could not do, the kernel's cell or the export does (and reports) itself."""
    def kerja() -> None:
        from lkjip.ekspor import siapkan_mesin
        from lkjip.pembanding import muat_dulu

        if data is not None:
            try:
                muat_dulu(data, folders)
            except Exception:  # only ahead of time: Bab III loads and reports them itself
                pass
        try:
            siapkan_mesin()
        except Exception:  # the export starts the engines again and says what failed
            pass

    benang = threading.Thread(target=kerja, name="lkjip-siapkan-dulu", daemon=True)
    benang.start()
    return benang


# ---------------------------------------------------------------- batch


class Dibatalkan(KeyboardInterrupt):
    """A batch stopped by Ctrl-C or SIGTERM (``sebab``, as `lkjip.bangun.kumpulan.Terputus`
    tells it). ``hasil`` has one ``HasilBangun`` per task, in order: what was built (ok), what
    failed before the interrupt, the rest "dibatalkan"."""

    def __init__(self, hasil: list[HasilBangun], sebab: str = "Ctrl-C"):
        self.hasil, self.sebab = hasil, sebab
        jadi = [f"{h.kecamatan} {h.tahun}" for h in hasil if h.ok]
        super().__init__(f"Dibatalkan ({sebab}): {len(jadi)} dari {len(hasil)} laporan "
                         f"selesai dibangun" + (f": {', '.join(jadi)}." if jadi else "."))


def alasan_batal(sebab: str = "Ctrl-C") -> str:
    """Why a report of a stopped batch was not built: ``dibatalkan (<sebab>) sebelum
    selesai``."""
    return f"dibatalkan ({sebab}) sebelum selesai"


ALASAN_BATAL = alasan_batal()


def _bangun_satu(tugas: tuple) -> HasilBangun:
    kecamatan, tahun, kwargs = tugas
    try:
        return HasilBangun(kecamatan, int(tahun), True, bangun(kecamatan, tahun, **kwargs))
    except LkjipError as e:
        return HasilBangun(kecamatan, _tahun(tahun), False, alasan=str(e))
    except Exception as e:  # a bug; recorded so the batch goes on
        return HasilBangun(kecamatan, _tahun(tahun), False, alasan=f"{type(e).__name__}: {e}")


def _tahun(tahun) -> int:
    return int(tahun) if str(tahun).isdigit() else 0


def bangun_banyak(
    daftar,
    data_dir=None,
    out_dir=None,
    jobs: int = 1,
    analis: bool = False,
    notebooks_dir=None,
    muat_dulu: bool = False,
    kemajuan=None,
    scheduler: str | None = None,
) -> list[HasilBangun]:
    """Build many ``(kecamatan, tahun)`` reports on ``jobs`` processes; never stops at a failure.

    ``kemajuan`` (optional) is called with each ``HasilBangun`` as it finishes (a progress
    bar); the returned list is in the order of ``daftar``. With ``scheduler``
    (``tcp://HOST:PORT``) the same ``bangun`` is mapped over that Dask cluster instead; the
    folders are resolved here, so they must be the same paths on every worker (shared storage).
    """
    kwargs = {"data_dir": _mutlak(data_dir, config.data()), "analis": analis,
              "out_dir": _mutlak(out_dir, config.outputs()), "muat_dulu": muat_dulu,
              "notebooks_dir": _mutlak(notebooks_dir, config.notebooks())}
    tugas = [(k, t, kwargs) for k, t in daftar]
    mulai = time.time()
    try:
        return petakan(_bangun_satu, tugas, jobs, scheduler, kemajuan)
    except Terputus as e:
        raise Dibatalkan([h if h is not None and (h.ok or sebelum) else _batal(t, mulai, e.sebab)
                          for h, sebelum, t in zip(e.hasil, e.sebelum, tugas, strict=True)],
                         e.sebab) from None


def _batal(tugas: tuple, mulai: float, sebab: str = "Ctrl-C") -> HasilBangun:
    """A task whose outcome is unknown after Ctrl-C: built if its files were all moved into
    place since the batch began (interrupted just before it could say so). The notebook is
    moved first, so a notebook from before the batch means not built."""
    kecamatan, tahun, kwargs = tugas
    try:
        kecamatan, tahun, _ = cek_parameter(kecamatan, tahun, kwargs["data_dir"])
        folder = folder_laporan(kwargs["out_dir"], kecamatan, tahun)
        nama = nama_dasar(kecamatan, tahun)
        berkas = sorted(p for p in folder.iterdir()
                        if p.stem in (nama, nama.replace("lkjip_", "kertas_kerja_", 1)))
        if (folder / f"{nama}.ipynb") in berkas and all(p.stat().st_mtime >= mulai
                                                         for p in berkas):
            return HasilBangun(kecamatan, tahun, True, BerkasKecamatan(nama, tuple(berkas)))
    except (LkjipError, OSError):
        pass
    return HasilBangun(kecamatan, _tahun(tahun), False, alasan=alasan_batal(sebab))


def _mutlak(folder, bawaan: Path) -> Path:
    return Path(folder or bawaan).resolve()
