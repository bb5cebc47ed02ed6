"""Evaluation: corpus gold and public datasets, per stage (``make eval``)."""
