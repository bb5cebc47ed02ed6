"""Hypothesis profiles for tests/test_properties.py, loaded as a plugin (``-p``) by
``make fuzz`` so that ``--hypothesis-profile=fuzz`` finds them; the test module
registers them too, for a plain ``pytest`` run."""
from __future__ import annotations

from hypothesis import HealthCheck, settings

# short and reproducible in `make test`: CI must not be flaky
settings.register_profile("newsclaims-ci", max_examples=30, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
# `make fuzz`: many more, random examples
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
