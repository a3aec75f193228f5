"""Question banks: human-edited TOML files, validated with pydantic. No Textual imports."""
