"""Models of propaganda."""
