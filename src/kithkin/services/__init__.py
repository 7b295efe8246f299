"""Use cases. Keyword-only functions over a unit of work; each write commits once, or not at all."""
