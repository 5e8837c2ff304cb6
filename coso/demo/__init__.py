"""The demo data that ships with coso (`coso load_demo`): real documents as Python data, and
the builder that loads them through the real actions."""
