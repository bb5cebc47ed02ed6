"""Inspect extract output: ``show`` (terminal), ``report`` (HTML), ``export`` (tables), the ledger.

Every module here reads the two JSONL files written by ``newsclaims extract``
(:mod:`pipeline.inspect.data`) and codes against docs/schema.md only, so richer
stage output shows up without changes here.
"""
