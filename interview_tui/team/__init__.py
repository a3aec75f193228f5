"""Team sharing through the team's own git repository.

One JSON file per shared record (:mod:`record_file`), merged per field against git's merge
base (:mod:`merge`). No Textual here: the CLI and the TUI call it like any other service.
"""
