# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make report   set up, then build the example report
#   make test     set up, then run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSDEPS := $(VENV)/.sysdeps

.PHONY: setup report test check bench fuzz lint clean

setup: $(STAMP)

# System libraries WeasyPrint needs (Pango), pdftotext/pdftoppm for tests and
# a font with Indonesian glyphs. Installed with apt-get when root, else named.
$(SYSDEPS):
	@./scripts/sysdeps.sh
	@mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml $(SYSDEPS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	@touch $@

report: setup
	$(BIN)/lkjip build --kecamatan bantarbolang --tahun 2023

check: setup
	$(BIN)/lkjip check --kecamatan bantarbolang --tahun 2023

test: setup
	$(BIN)/ruff check lkjip tests benchmarks scripts
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/muat_memori.py

fuzz: setup
	LKJIP_FUZZ=besar $(BIN)/python -m pytest tests/test_fuzz.py -q

lint: setup
	$(BIN)/ruff check lkjip tests benchmarks scripts

clean:
	rm -rf $(VENV) outputs/*/ build *.egg-info
