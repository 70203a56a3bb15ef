"""Officers' ratings of the courses they complete."""
