"""Services over the store: demo data, checks, reports. No Textual imports."""
