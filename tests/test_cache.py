"""
The shared cache's backend (core/cache.py) against the real Redis on loopback: Django's Redis
backend, with one client per connection pool reused across calls, threads and a fork.
"""

import multiprocessing
import threading
import uuid

import pytest

from core.cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def cache():
    backend = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield backend
    client = backend._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{backend.key_prefix}:*"))
    if keys:
        client.delete(*keys)


def test_it_stores_reads_counts_and_deletes_like_djangos_backend(cache):
    cache.set("site", {"name": "Training"}, timeout=60)
    assert cache.get("site") == {"name": "Training"}
    assert cache.add("version", 1, timeout=None) is True
    assert cache.add("version", 5, timeout=None) is False
    assert cache.incr("version") == 2
    assert cache.get_many(["site", "version", "missing"]) == {"site": {"name": "Training"}, "version": 2}
    cache.delete("site")
    assert cache.get("site", "gone") == "gone"


def test_one_client_serves_every_call(cache):
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client("c", write=True) is first  # one server: reads and writes share a pool
    cache.set("x", 1)
    cache.get("x")
    assert cache._cache.get_client() is first


def test_the_shared_client_is_safe_across_threads(cache):
    cache.set("counter", 0, timeout=60)

    def count():
        for _ in range(200):
            cache.incr("counter")

    threads = [threading.Thread(target=count) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("counter") == 800


def _count_in_child(cache, times):
    for _ in range(times):
        cache.incr("counter")


def test_a_forked_worker_gets_connections_of_its_own(cache):
    """gunicorn forks its workers after the app is loaded: the reused client must follow."""
    cache.set("counter", 0, timeout=60)
    assert cache.get("counter") == 0  # the parent holds a connection before the fork
    child = multiprocessing.get_context("fork").Process(target=_count_in_child, args=(cache, 50))
    child.start()
    child.join(timeout=30)
    assert child.exitcode == 0
    cache.incr("counter")
    assert cache.get("counter") == 51
