"""Data package: lexicons, patterns and trained components (see README.md here)."""
