"""Domain layer: enumerations, pydantic models and date parsing. No Textual, no I/O."""
