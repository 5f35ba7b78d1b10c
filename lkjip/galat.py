"""The one exception family for problems a user can cause.

Every problem names the file, row, column, the value found and what was expected,
in Bahasa Indonesia. `LkjipError` carries all of them at once.

>>> m = Masalah("desa.csv", 4, "baik", "mungkin", "ya atau tidak")
>>> print(m)
desa.csv, baris 4, kolom 'baik': nilai 'mungkin' tidak sah; seharusnya ya atau tidak.
>>> print(LkjipError([m]))
Ditemukan 1 masalah pada data:
- desa.csv, baris 4, kolom 'baik': nilai 'mungkin' tidak sah; seharusnya ya atau tidak.
"""

from __future__ import annotations

from dataclasses import dataclass

PANJANG_NILAI_MAKS = 60


@dataclass(frozen=True)
class Masalah:
    """One problem in the input: where it is, what was found, what was expected."""

    berkas: str
    baris: int | None = None
    kolom: str | None = None
    nilai: str | None = None
    harapan: str | None = None
    pesan: str | None = None

    def tempat(self) -> str:
        parts = [self.berkas]
        if self.baris is not None:
            parts.append(f"baris {self.baris}")
        if self.kolom is not None:
            parts.append(f"kolom '{self.kolom}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        if self.pesan:
            return f"{self.tempat()}: {self.pesan}"
        return f"{self.tempat()}: nilai {_kutip(self.nilai)} tidak sah; seharusnya {self.harapan}."


def _kutip(nilai: str | None) -> str:
    if nilai is None or nilai == "":
        return "(kosong)"
    teks = str(nilai).replace("\n", " ")
    if len(teks) > PANJANG_NILAI_MAKS:
        teks = teks[:PANJANG_NILAI_MAKS] + "…"
    return repr(teks)


class LkjipError(Exception):
    """Raised for bad input; carries every problem found, not only the first."""

    def __init__(self, masalah: list[Masalah] | Masalah | str):
        if isinstance(masalah, str):
            masalah = [Masalah("(umum)", pesan=masalah)]
        elif isinstance(masalah, Masalah):
            masalah = [masalah]
        self.masalah = list(masalah)
        super().__init__(self.ringkasan())

    def ringkasan(self) -> str:
        baris = [f"Ditemukan {len(self.masalah)} masalah pada data:"]
        baris += [f"- {m}" for m in self.masalah]
        return "\n".join(baris)

    def __str__(self) -> str:
        return self.ringkasan()

    def _render_traceback_(self) -> list[str]:
        """How IPython (JupyterLab, papermill) shows it: the message alone, no traceback.

        A user's mistake is not a bug, so the frames would only hide the message; any other
        exception keeps its traceback.

        >>> LkjipError("tahun salah.")._render_traceback_()
        ['Ditemukan 1 masalah pada data:', '- (umum): tahun salah.']
        """
        return self.ringkasan().splitlines()


def nama_galat() -> set[str]:
    """Class names of the `LkjipError` family imported so far (a kernel reports an exception
    by its class name).

    >>> import lkjip.parameter
    >>> {"LkjipError", "ParameterTidakSah"} <= nama_galat()
    True
    """
    hasil, antre = set(), [LkjipError]
    while antre:
        kelas = antre.pop()
        hasil.add(kelas.__name__)
        antre += kelas.__subclasses__()
    return hasil
