"""Home: upcoming and recent visits, customers, commitment counts."""
