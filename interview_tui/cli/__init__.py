"""The command-line face of the product: thin click commands over the services."""
