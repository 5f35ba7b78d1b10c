"""All paths lkjip uses, in one place.

Each folder can be overridden by an environment variable (``LKJIP_DATA``,
``LKJIP_OUTPUTS``, ``LKJIP_NOTEBOOKS``) or by passing a path to the function that uses
it (``laporan.bangun(..., data_dir=..., out_dir=..., notebooks_dir=...)``).

>>> NOTEBOOKS.name, TEMPLATES.name
('notebooks', 'templates')
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"


def _folder(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


DATA = _folder("LKJIP_DATA", ROOT / "data")
DATA_SINTETIS = _folder("LKJIP_DATA_SINTETIS", ROOT / "data-sintetis")  # generated, not in git
OUTPUTS = _folder("LKJIP_OUTPUTS", ROOT / "outputs")
NOTEBOOKS = _folder("LKJIP_NOTEBOOKS", ROOT / "notebooks")
