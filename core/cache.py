"""
Django's Redis cache backend, with one Redis client per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call.
Building one copies redis-py's table of about 170 response callbacks, which takes longer
than the GET it is built for: about 100 µs against 56 µs for the round trip on loopback
(``timeit``, this machine; docs/performance.md). An officer page makes five cache reads
(the session, the site and its version, Wagtail's site root paths, the platform settings).

A ``redis.Redis`` that only borrows connections from a shared pool holds no connection of
its own and is safe to share between threads, so one per pool is kept and reused. The pools
are Django's own: they reconnect after a fork and after Redis restarts, as before.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache``, reusing its Redis clients."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient


# Version numbers that make a family of cached entries stale at once (core/sites.py, the header
# in home/selectors.py): every entry is read under the current number, which moves only after
# the commit of a change, so a reader that fetched the old rows before it writes under the old
# number, which nobody reads again.


def current_version(key: str, known=None) -> int:
    """The version number under ``key`` (``known`` if already fetched with it), starting at 1."""
    from django.core.cache import cache

    version = known if known is not None else cache.get(key)
    if version is None:
        cache.add(key, 1, timeout=None)
        version = cache.get(key, 1)
    return version


def move_version_on_commit(key: str) -> None:
    """Move the version number under ``key`` once the current transaction commits."""
    from django.core.cache import cache
    from django.db import transaction

    def bump():
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, timeout=None)

    transaction.on_commit(bump)
