"""How healthy a run is: monitors and their thresholds, drift, the coverage history, the report, progress."""
