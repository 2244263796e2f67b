"""Content-addressed stores on disk and the fingerprints that key them (read without importing spaCy)."""
