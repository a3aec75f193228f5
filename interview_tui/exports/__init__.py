"""Everything that leaves the database as a file: reports, recap, e-mail, calendar, JSON."""
