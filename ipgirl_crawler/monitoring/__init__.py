"""How healthy and how right a run is: monitors and their thresholds, drift, the coverage history, the
cross-checks of each field against the site's own restatements (``verify*.py``), the report, progress."""
