"""Models of recognition."""
