"""Certificates issued at course completion."""
