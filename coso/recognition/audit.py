"""Which records of this app the audit log follows."""
