"""Reports as files: the official DOCX and PDF of a submission, XLSX tables of completeness and
totals. Each writer is a pure function: data in, bytes out."""
