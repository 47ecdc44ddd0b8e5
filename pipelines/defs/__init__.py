"""Dagster wiring: assets, checks, sensors and resources. No text processing lives here."""
