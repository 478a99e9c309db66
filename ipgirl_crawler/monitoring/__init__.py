"""Monitoring a run: how right its data is (the cross-checks of ``verify*.py``)."""
