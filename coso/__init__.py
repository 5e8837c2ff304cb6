"""coso: the platform on which grassroots democracy (dân chủ ở cơ sở) is run."""
