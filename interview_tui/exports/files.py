"""Write an export privately: created with mode 0600, replaced atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_private(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` (mode 0600) through a temporary file in the same folder."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
