"""click's own words (usage, help, errors) in Bahasa Indonesia for the ``lkjip`` command.

click writes "Usage:", "Options:", "Show this message and exit.", "[required]" and its
errors ("Error: Missing option '--tahun'.") through ``gettext``, in English unless a
translation catalogue for the user's locale is installed, which no Windows laptop has. An
office reading ``lkjip build --help`` or mistyping an option gets these words in Bahasa
Indonesia instead: `pasang` points each click module's ``_``/``ngettext`` at `terjemahkan`,
which knows the messages a user of our commands can meet (`TERJEMAHAN`) and leaves any other
text as click wrote it (a click release that rewords a message shows it in English, never
fails; tests/test_cli.py catches it). `Perintah` and `Kelompok` name the usage line's
placeholders ``[OPSI]`` and ``PERINTAH [ARGUMEN]...``; the option types' placeholders
(``TEXT``, ``INTEGER``, ``PATH``) are named by `PLACEHOLDER`.
"""

from __future__ import annotations

import gettext
import sys

import click

__all__ = ["Kelompok", "Perintah", "TERJEMAHAN", "pasang", "terjemahkan"]

# click 8.2-8.3's msgids a user of lkjip's commands can meet, and their Indonesian.
TERJEMAHAN: dict[str, str] = {
    "Usage:": "Cara pakai:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini, lalu keluar.",
    "Show the version and exit.": "Tampilkan versi, lalu keluar.",
    "required": "wajib",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Ketik '{command} {option}' untuk bantuan.",
    "Aborted!": "Dibatalkan.",
    "Missing argument": "Argumen belum diisi",
    "Missing option": "Opsi wajib belum diisi",
    "Missing parameter": "Parameter belum diisi",
    "Missing command.": "Perintah belum diberikan.",
    "Missing {param_type}": "{param_type} belum diisi",
    "Missing parameter: {param_name}": "Parameter belum diisi: {param_name}",
    "argument": "argumen",
    "option": "opsi",
    "parameter": "parameter",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan bilangan yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} bukan nilai ya/tidak yang sah. Yang dikenal: {states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "file": "Berkas",
    "directory": "Folder",
    "path": "Jalur",
    "Could not open file {filename!r}: {message}":
        "Berkas {filename!r} tidak dapat dibuka: {message}",
}

# The placeholder after an option in --help, by click's type name (click writes it upper-case);
# a path that must be a folder is FOLDER, any other path JALUR (`Perintah`).
PLACEHOLDER = {"text": "TEKS", "integer": "BILANGAN", "float": "BILANGAN",
               "integer range": "BILANGAN", "float range": "BILANGAN", "boolean": "YA/TIDAK"}


def terjemahkan(pesan: str) -> str:
    """click's `pesan` in Bahasa Indonesia when it is one of `TERJEMAHAN`, else as it is.

    >>> terjemahkan("Missing option")
    'Opsi wajib belum diisi'
    >>> terjemahkan("a message click may add one day")
    'a message click may add one day'
    """
    return TERJEMAHAN.get(pesan, pesan)


def terjemahkan_jamak(tunggal: str, jamak: str, n: int) -> str:
    """`terjemahkan` for click's ``ngettext`` (Bahasa Indonesia has one form for both)."""
    return terjemahkan(tunggal if n == 1 else jamak)


def pasang() -> None:
    """Point every loaded click module's ``_`` and ``ngettext`` (imported from ``gettext``) at
    `terjemahkan`; idempotent. Only click's modules: nothing else in the process changes."""
    for nama, modul in list(sys.modules.items()):
        if nama != "click" and not nama.startswith("click."):
            continue
        if getattr(modul, "_", None) is gettext.gettext:
            modul._ = terjemahkan
        if getattr(modul, "ngettext", None) is gettext.ngettext:
            modul.ngettext = terjemahkan_jamak


class Perintah(click.Command):
    """A command whose usage line reads ``lkjip build [OPSI]`` and whose options' placeholders
    are Indonesian (`PLACEHOLDER`) unless an option names its own ``metavar``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)
        for p in self.params:
            if not isinstance(p, click.Option) or p.metavar is not None:
                continue
            if isinstance(p.type, click.Path):
                p.metavar = "JALUR" if p.type.file_okay else "FOLDER"
            elif getattr(p.type, "name", "") in PLACEHOLDER:
                p.metavar = PLACEHOLDER[p.type.name]


class Kelompok(click.Group):
    """The ``lkjip`` group: ``lkjip [OPSI] PERINTAH [ARGUMEN]...``; its commands `Perintah`."""

    command_class = Perintah

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)
