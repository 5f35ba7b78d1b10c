"""`lkjip.simpan_grafik.ingat_setter`: matplotlib's artists imported with each setter's
accepted values read once give every class the same ``set()`` docstring as without it."""

import json
import subprocess
import sys

KODE = """
import json, sys
if sys.argv[1] == "1":
    from lkjip.simpan_grafik import ingat_setter
    ingat_setter()
import matplotlib.figure, matplotlib.pyplot
from matplotlib.artist import Artist, kwdoc

def semua(k):
    for s in k.__subclasses__():
        yield s
        yield from semua(s)

kelas = sorted(set(semua(Artist)), key=lambda k: (k.__module__, k.__qualname__))
print(json.dumps([[k.__module__ + "." + k.__qualname__, k.set.__doc__, kwdoc(k)] for k in kelas]))
"""


def _dok(dengan: bool) -> list:
    hasil = subprocess.run([sys.executable, "-c", KODE, "1" if dengan else "0"],
                           capture_output=True, text=True, check=True)
    return json.loads(hasil.stdout)


def test_docstring_set_sama_dengan_tanpa_ingatan():
    tanpa, dengan = _dok(False), _dok(True)
    # every Artist class matplotlib defines (over a hundred), each documented
    assert len(tanpa) > 100 and all(d and "Properties:" in d for _, d, _ in tanpa)
    assert [n for n, *_ in dengan] == [n for n, *_ in tanpa]
    beda = [n for (n, *a), (_, *b) in zip(tanpa, dengan, strict=True) if a != b]
    assert beda == []


def test_pasang_sekali_saja():
    from matplotlib.artist import ArtistInspector

    from lkjip.simpan_grafik import ingat_setter

    ingat_setter()
    pertama = ArtistInspector.get_valid_values
    ingat_setter()
    assert ArtistInspector.get_valid_values is pertama
    assert getattr(pertama, "_lkjip_ingat", False)
