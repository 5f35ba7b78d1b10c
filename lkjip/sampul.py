"""The cover of a notebook exported on its own: from its parameters and the kecamatan's profile.

`lkjip build` writes the cover's facts into ``nb.metadata.lkjip``, and the Ikhtisar chapter
displays them (`lkjip.tampil.sampul`). A chapter executed by papermill and exported with
``jupyter nbconvert --to lkjip_html|lkjip_pdf`` has neither, and its cover read "KECAMATAN …
Tahun" with blanks. `sampul_notebook` fills them the way the chapter itself found its data:
the ``parameters`` cell's values, overridden by papermill's injected ones, then the profile
(``profil.csv``) of that kecamatan-year. When the data cannot be loaded the cover still names
the kecamatan and the year from the parameters.
"""

from __future__ import annotations

import ast

TAG_PARAMETER = ("parameters", "injected-parameters")


def _nilai_literal(sumber: str) -> dict:
    """``name = literal`` assignments of a cell (anything else is ignored).

    >>> _nilai_literal('kecamatan = "contoh"  # x\\ntahun = 2023\\ndata_dir = None\\nf(1)')
    {'kecamatan': 'contoh', 'tahun': 2023, 'data_dir': None}
    """
    try:
        pohon = ast.parse(sumber)
    except SyntaxError:
        return {}
    hasil = {}
    for n in pohon.body:
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            try:
                hasil[n.targets[0].id] = ast.literal_eval(n.value)
            except ValueError:
                continue
    return hasil


def parameter_notebook(nb) -> dict:
    """The parameters a notebook ran with: its ``parameters`` cell, then papermill's injected
    cell (the later wins, as in the kernel)."""
    hasil: dict = {}
    for tag in TAG_PARAMETER:
        for sel in nb.cells:
            if sel.cell_type == "code" and tag in sel.metadata.get("tags", []):
                hasil.update(_nilai_literal(sel.source))
    return hasil


def sampul_notebook(nb) -> dict:
    """Cover facts (`lkjip.ekspor.SAMPUL_BAWAAN` keys) from the notebook's parameters and the
    profile; ``{}`` when the notebook has no kecamatan parameter."""
    from lkjip.galat import LkjipError
    from lkjip.muat import muat

    param = parameter_notebook(nb)
    kecamatan, tahun = param.get("kecamatan"), param.get("tahun")
    if not isinstance(kecamatan, str) or not kecamatan:
        return {}
    sampul = {"kecamatan": kecamatan, "nama_kecamatan": kecamatan.replace("-", " ").title(),
              "tahun": tahun if tahun is not None else ""}
    try:
        data = muat(kecamatan, tahun, param.get("data_dir"))
    except LkjipError:
        return sampul
    p = data.profil
    return sampul | {"kecamatan": data.kecamatan, "nama_kecamatan": str(p["nama_kecamatan"]),
                     "kabupaten": str(p["kabupaten"]), "provinsi": str(p.get("provinsi") or ""),
                     "tahun": data.tahun, "sintetis": data.sintetis}
