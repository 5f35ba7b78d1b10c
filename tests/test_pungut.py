"""The garbage collector held off while a report's tree lives (`lkjip.pungut`, issue 15)."""

import gc
import threading

from bs4 import BeautifulSoup

from lkjip import ekspor, pungut, word


def test_bersarang_dan_antar_benang_kembali_menyala():
    # two blocks at once (another thread's inside this one): on again only after the last
    with pungut.tanpa_pungut():
        masuk, keluar = threading.Event(), threading.Event()

        def lain():
            with pungut.tanpa_pungut():
                masuk.set()
                keluar.wait()

        utas = threading.Thread(target=lain)
        utas.start()
        masuk.wait()
    assert not gc.isenabled()  # the other thread's block still runs
    keluar.set()
    utas.join()
    assert gc.isenabled()


def test_tetap_mati_bila_sudah_mati_sebelumnya():
    gc.disable()
    try:
        with pungut.tanpa_pungut():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pohon_ekspor_dan_word_dibangun_tanpa_pungut(monkeypatch):
    # the export's HTML passes and the Word edition's HTML parse their tree with the collector
    # off, and it is on again after each
    keadaan = []
    asli = BeautifulSoup.__init__

    def init(self, *a, **k):
        keadaan.append(gc.isenabled())
        asli(self, *a, **k)

    monkeypatch.setattr(BeautifulSoup, "__init__", init)
    html = ('<section class="lk-sampul"></section><main><h1 id="a">BAB I</h1>'
            '<figure class="lk-tabel" id="t"><table><tr><td>1</td></tr></table>'
            "<figcaption>Tabel 1.1</figcaption></figure></main>")
    ekspor.sisipkan_daftar(html)
    assert keadaan and not any(keadaan) and gc.isenabled()
    keadaan.clear()
    word.html_ke_docx(html)
    assert keadaan and not any(keadaan) and gc.isenabled()
