"""interview-tui: a terminal companion for B2B product managers who visit customers.

The package root stays import-light: it imports nothing so that `interview-tui --help`
and `interview-tui lint` start without loading Textual. The version has one source, the
package's metadata (``version`` in pyproject.toml), read only when asked for.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("interview-tui")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(name)
