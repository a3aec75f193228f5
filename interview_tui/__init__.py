"""interview-tui: a terminal companion for B2B product managers who visit customers.

The package root stays import-light: it imports nothing so that `interview-tui --help`
and `interview-tui lint` start without loading Textual.
"""

__version__ = "0.1.0"
