"""The findings of `lkjip.periksa` as people read them: a sentence, terminal text for
``lkjip check`` and the Catatan Pemeriksaan Data table (a view; the checks return data).

>>> ringkasan_temuan([])
'Pemeriksaan data tidak menemukan masalah.'
"""

from __future__ import annotations

from html import escape

import pandas as pd

from lkjip.periksa import Temuan, aturan, hitung_tingkat, per_aturan

KOLOM_TABEL = ("No.", "Tingkat", "Id temuan", "Letak", "Keterangan")


def ringkasan_temuan(temuan: list[Temuan]) -> str:
    """One sentence with the counts per severity.

    >>> ringkasan_temuan([Temuan("galat", "komposit", "k.csv", 2, "k")] * 2)
    'Pemeriksaan data menemukan 2 temuan: 2 galat, 0 peringatan, 0 info.'
    """
    if not temuan:
        return "Pemeriksaan data tidak menemukan masalah."
    n = hitung_tingkat(temuan)
    rincian = ", ".join(f"{v} {t}" for t, v in n.items())
    return f"Pemeriksaan data menemukan {len(temuan)} temuan: {rincian}."


def cetak_temuan(temuan: list[Temuan]) -> str:
    """The findings as terminal text, grouped by rule with counts per severity; each with
    its id (what a decision names)."""
    baris, judul = ["", ringkasan_temuan(temuan)], {a.id: a.judul for a in aturan()}
    for id_, daftar in per_aturan(temuan).items():
        n = ", ".join(f"{v} {t}" for t, v in hitung_tingkat(daftar).items() if v)
        baris += ["", f"{id_} — {judul.get(id_, id_)} ({n})"]
        for t in daftar:
            baris.append(f"  [{t.tingkat}] {t.letak} · {t.tempat}")
            baris.append(f"      id: {t.id}")
            baris.append(f"      {t.pesan}")
    return "\n".join(baris)


def tabel_temuan(temuan: list[Temuan]) -> pd.DataFrame:
    """The findings as the appendix table, one row per finding in order; the sentence carries
    the stated and computed values (narrow enough for A4).

    >>> t = Temuan("galat", "komposit", "x/2023/tersaji.csv", 14, "Bab III (komposit CL)",
    ...            pesan="Nilai CL tersaji 84,00, padahal terhitung 86,81.", nomor=1,
    ...            id="komposit/komposit/cl/bab-iii")
    >>> tabel_temuan([t]).iloc[0].tolist()[2:4]
    ['komposit/komposit/cl/bab-iii', 'tersaji.csv baris 14\\nBab III (komposit CL)']
    """
    baris = [(t.nomor, t.tingkat, t.id, f"{t.letak}\n{t.tempat}", t.pesan) for t in temuan]
    return pd.DataFrame(baris, columns=list(KOLOM_TABEL))


def tampil_temuan(temuan: list[Temuan], nomor: str = "C.1",
                  judul: str = "Temuan Pemeriksaan Data"):
    """The appendix table via `lkjip.tampil.tabel`, each row anchored at `Temuan.jangkar`.

    >>> t = Temuan("galat", "komposit", "k.csv", 2, "<CL>", pesan="x", nomor=1, id="komposit/cl")
    >>> html = tampil_temuan([t]).isi
    >>> '<tr id="temuan-komposit--cl" class="lk-galat">' in html, "&lt;CL&gt;" in html
    (True, True)
    """
    from lkjip import tampil

    if not temuan:
        return tampil.paragraf("Tidak ada temuan.")
    html = tampil.tabel(tabel_temuan(temuan), nomor, judul,
                        catatan="Letak menunjuk berkas data dan barisnya (judul kolom = baris 1). "
                        "Id temuan tetap sama selama temuannya ada; keputusan atas temuan "
                        "ditulis dengan id ini.")
    kepala, _, badan = html.isi.partition("<tbody>")
    for t in temuan:
        badan = badan.replace("<tr>", f'<tr id="{escape(t.jangkar)}" class="lk-{t.tingkat}">', 1)
    return tampil.Html(f"{kepala}<tbody>{badan}", html.ringkas)
