"""Check that .venv-min holds exactly the lower bounds of scripts/batas_bawah.txt.

`make batas-bawah` installs with the pins as constraints; a constraint only applies to a package
something requires, so a pin nothing asks for would silently not be tested. This script (run
by that venv's python) compares every pin with the installed version and names all that
differ at once; exit 1 then.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

BERKAS = Path(__file__).with_name("batas_bawah.txt")


def pin(teks: str) -> dict[str, str]:
    """``name==version`` lines of a pin file.

    >>> pin("# komentar\\npandas==2.2.0\\nimport-linter==2.6\\n")
    {'pandas': '2.2.0', 'import-linter': '2.6'}
    """
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)\s*$", teks, flags=re.M))


def main() -> int:
    beda = []
    for nama, diminta in pin(BERKAS.read_text(encoding="utf-8")).items():
        try:
            terpasang = version(nama)
        except PackageNotFoundError:
            terpasang = "tidak terpasang"
        if terpasang.split("+")[0] != diminta:
            beda.append(f"- {nama}: diminta {diminta}, terpasang {terpasang}")
    if beda:
        print(f"{BERKAS.name}: versi di lingkungan ini berbeda:\n" + "\n".join(beda),
              file=sys.stderr)
        return 1
    print(f"{BERKAS.name}: semua versi terendah terpasang persis.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
