"""File formats: text in, (records, problems) out; text out."""
