# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make report   set up, then build the example report
#   make test     set up, then run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps

.PHONY: setup report test check bench fuzz lint clean batas-bawah

# Byte-compile the package at every set-up: pip writes .pyc files when it installs a wheel, but
# not for this editable install, and where PYTHONDONTWRITEBYTECODE is set (as on our machines)
# every process of a build (main, kernel, batch workers) would compile lkjip from source again
# (~0,3 CPU-s each). compileall rewrites only what changed; a stale .pyc is never used.
setup: $(STAMP)
	@$(BIN)/python -m compileall -q lkjip >/dev/null

# System libraries WeasyPrint needs (Pango), pdftotext/pdftoppm for tests and
# a font with Indonesian glyphs. Installed with apt-get when root, else named.
$(SYSDEPS):
	@./scripts/sysdeps.sh
	@mkdir -p $(VENV) && touch $@

# Each long quiet step says first what it installs (pip -q prints nothing for minutes).
$(STAMP): pyproject.toml $(SYSDEPS)
	@echo "Menyiapkan lingkungan Python $(VENV)/ (sekali saja; pertama kali ±2 menit)."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "  [1/3] memperbarui pip …"
	@$(BIN)/python -m pip install -q --upgrade pip
	@echo "  [2/3] memasang lkjip dan dependensinya (pandas, matplotlib, Jupyter, WeasyPrint," \
	      "pengujian, Dask) …"
	@$(BIN)/python -m pip install -q -e '.[test,dask]'
	@echo "  [3/3] memasang kernel Jupyter python3 di $(VENV)/ …"
	@$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	@echo "Lingkungan siap."
	@touch $@

report: setup
	@echo "Membangun laporan contoh (bantarbolang 2023); langkahnya tampil di bawah."
	$(BIN)/lkjip build --kecamatan bantarbolang --tahun 2023

check: setup
	$(BIN)/lkjip check --kecamatan bantarbolang --tahun 2023

# On two processes (pytest-xdist): each test file whole in one, longest first (conftest.py).
test: setup
	$(BIN)/ruff check lkjip tests benchmarks scripts conftest.py
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: setup
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/muat_memori.py

fuzz: setup
	$(BIN)/python -m pytest tests/test_fuzz.py -q --fuzz=besar

lint: setup
	$(BIN)/ruff check lkjip tests benchmarks scripts conftest.py
	$(BIN)/lint-imports

# The declared lower bounds, all at once, in a FRESH .venv-min (removed first: a bound counts
# only when a clean install of it passed), then lint and every test. Not part of `make test`
# (several minutes of installing plus the whole suite); run it after changing a dependency.
batas-bawah: $(SYSDEPS)
	@echo "Memasang versi terendah (scripts/batas_bawah.txt) ke .venv-min yang baru; beberapa menit..."
	rm -rf .venv-min
	$(PYTHON) -m venv .venv-min
	.venv-min/bin/python -m pip install -q -e '.[test,dask]' -c scripts/batas_bawah.txt
	.venv-min/bin/python -m pip check
	.venv-min/bin/python scripts/cek_batas_bawah.py
	.venv-min/bin/python -m ipykernel install --prefix .venv-min --name python3 >/dev/null
	.venv-min/bin/ruff check lkjip tests benchmarks scripts
	.venv-min/bin/lint-imports
	.venv-min/bin/python -m pytest -p no:cacheprovider

clean:
	rm -rf $(VENV) .venv-min outputs/*/ build *.egg-info
