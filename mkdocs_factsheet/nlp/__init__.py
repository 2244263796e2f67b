"""The language side: spaCy pipeline, rule matching, mention resolution, attribution and positions.

Everything here works on one parsed article at a time and knows nothing of caches or sites.
"""
