"""The Textual face of the product. Only this package imports Textual."""
