"""Extractors: each reads a `Document` and returns plain dataclasses carrying their evidence span."""
