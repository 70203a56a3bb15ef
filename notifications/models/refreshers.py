"""Refreshers sent before festivals, dated from the festival-dates calendar."""
