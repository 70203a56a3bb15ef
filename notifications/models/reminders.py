"""Reminders before due dates and expiry, recurring while overdue, managers' digests, the delivery log."""
