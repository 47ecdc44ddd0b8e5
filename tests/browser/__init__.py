"""Helpers for the tests that drive headless Chromium."""
