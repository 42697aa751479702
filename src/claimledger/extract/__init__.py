"""Extractors: a decoded page → Document(text, sections, comments)."""
