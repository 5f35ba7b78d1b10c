"""lkjip.pendukung: the scans under lampiran/ (data/README.md, `<tahun>/lampiran/`): a scan in a
format the edition cannot carry is named, never dropped without a word."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from lkjip import pendukung
from lkjip.galat import LkjipError

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'


def _data(tmp_path, berkas: dict[str, bytes]):
    folder = tmp_path / "contoh" / "2023" / "lampiran"
    folder.mkdir(parents=True)
    for nama, isi in berkas.items():
        (folder / nama).write_bytes(isi)
    return SimpleNamespace(data_dir=tmp_path, kecamatan="contoh", tahun=2023)


def test_scans_in_name_order_with_their_type(tmp_path):
    data = _data(tmp_path, {"02_pk_sekcam.PNG": PNG, "01_pk_camat.pdf": b"%PDF-1.4\n%%EOF\n"})
    hasil = pendukung.lampiran(data)
    assert [(b.nama, b.mime) for b in hasil] == [("01_pk_camat.pdf", "application/pdf"),
                                                 ("02_pk_sekcam.PNG", "image/png")]


def test_svg_and_other_formats_are_named_whatever_the_case_of_the_extension(tmp_path):
    """bahasa2: 'scan.svg' was refused but 'scan.SVG' went into the edition (an SVG cannot be
    carried by the Word edition); every refused file is named at once."""
    data = _data(tmp_path, {"a.SVG": SVG, "b.svg": SVG, "c.docx": b"PK\3\4", "d.png": PNG})
    with pytest.raises(LkjipError) as e:
        pendukung.lampiran(data)
    tempat = [m.berkas for m in e.value.masalah]
    assert tempat == [f"contoh/2023/lampiran/{n}" for n in ("a.SVG", "b.svg", "c.docx")]
    assert all("yang dapat: berkas .pdf, .png atau .jpg" in m.pesan for m in e.value.masalah)
