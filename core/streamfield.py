"""Helpers for StreamField data."""


def without_ids(data):
    """StreamField data with every block ``id`` removed: the content, not its bookkeeping."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    return data
