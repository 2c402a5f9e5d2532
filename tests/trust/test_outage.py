"""Up when a part is down (issue 26): a real gunicorn server whose PostgreSQL and Redis are reached through gates
(TCP proxies) that the test closes, so the server sees exactly what it sees when a service stops: refused
connections, and its open ones cut. No mocks.

- PostgreSQL down: the public pages (front page, task list and search, a task page, policy) are served from the
  shared cache, marked stale; every other page answers a Danish 503 with Retry-After, never a 500 or a
  technical page; /healthz names the database; when the gate opens again, everything is fresh again without a
  restart.
- Redis down: pages are computed without the cache; /healthz names the cache and the broker.
"""

import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.test import Client

from frivillig.core import pagecache
from tests.conftest import worker_redis_url
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gate:
    """A TCP proxy to ``target``; ``close()`` refuses new connections and cuts the open ones, ``open()`` lets
    them through again (on the same port)."""

    def __init__(self, target: tuple[str, int]):
        self.target, self.port = target, free_port()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.listener = None
        self.lock = threading.Lock()
        self.open()

    def open(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def close(self):
        with self.lock:
            listener, self.listener = self.listener, None
            pairs, self.pairs = self.pairs, []
        if listener is not None:
            listener.close()
        for a, b in pairs:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def _accept(self, listener):
        while True:
            try:
                client, _addr = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=2)
            except OSError:
                client.close()
                continue
            with self.lock:
                if self.listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        selector = selectors.DefaultSelector()
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        try:
            while True:
                for key, _mask in selector.select(timeout=1):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for s in (a, b):
                try:
                    s.close()
                except OSError:
                    pass


def get(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def server():
    db = connection.settings_dict
    pg_gate = Gate((db["HOST"], int(db["PORT"])))
    redis_host, redis_port = settings.REDIS_URL.split("//", 1)[1].split("/", 1)[0].split(":")
    redis_gate = Gate((redis_host, int(redis_port)))
    port = free_port()
    redis_url = f"redis://127.0.0.1:{redis_gate.port}"
    own_redis_db = worker_redis_url().rsplit("/", 1)[1]  # a Redis database of this test worker's own
    redis.Redis.from_url(worker_redis_url()).flushdb()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "frivillig.settings.test", "DJANGO_ALLOW_ASYNC_UNSAFE": "",
           "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{pg_gate.port}/{db['NAME']}",
           "REDIS_URL": f"{redis_url}/{own_redis_db}", "TEST_CACHE_URL": f"{redis_url}/{own_redis_db}",
           "TEST_CONN_MAX_AGE": "60",
           "ALLOWED_HOSTS": "127.0.0.1"}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "frivillig.wsgi:application", "--bind",
                                f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "60"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("OUTAGE_LOG", os.devnull), "w"),
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, pg_gate, redis_gate
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        pg_gate.close()
        redis_gate.close()
        redis.Redis.from_url(worker_redis_url()).flushdb()


def test_with_postgresql_down_public_pages_are_stale_and_the_rest_is_a_danish_503(server, institution,
                                                                                  institution_staff):
    base, pg_gate, _redis_gate = server
    task = TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere")
    public = ["/", "/opgaver/", "/opgaver/?q=h%C3%B8jtl%C3%A6sning", task.get_absolute_url(), "/politik/"]
    for path in public:
        status, _headers, body = get(base + path)
        assert status == 200, path
    assert "Højtlæsning for beboere" in get(base + "/opgaver/")[2]

    pg_gate.close()
    started = time.monotonic()
    for path in public:
        status, headers, body = get(base + path)
        assert status == 200, (path, status)
        # Marked stale; or a page-cache hit, which is current: nothing can change while the database is down.
        assert headers.get("X-Portal-Stale") == "database" or headers.get(pagecache.HEADER) == "hit", (path, headers)
        assert headers.get(pagecache.HEADER) == "hit" or "En del af portalen svarer ikke lige nu" in body, path
    assert "Højtlæsning for beboere" in get(base + "/opgaver/")[2]
    for path in ["/konto/login/", "/medarbejder/", "/puljer/", "/opgaver/?q=aldrig-set"]:
        status, headers, body = get(base + path)
        assert status == 503, (path, status)
        assert headers.get("Retry-After") == "30"
        assert "Portalen er midlertidigt utilgængelig" in body and 'lang="da"' in body
        assert "Traceback" not in body and "OperationalError" not in body
    status, _headers, body = get(base + "/healthz")
    assert status == 503 and '"down": ["database"]' in body
    assert time.monotonic() - started < 30  # answered at once, not after connection timeouts

    pg_gate.open()
    status, headers, body = get(base + "/opgaver/")
    assert status == 200 and "X-Portal-Stale" not in headers and "Højtlæsning for beboere" in body
    assert get(base + "/healthz")[0] == 200
    assert get(base + "/konto/login/")[0] == 200


def test_with_redis_down_pages_are_computed_and_healthz_names_it(server, institution, institution_staff):
    base, _pg_gate, redis_gate = server
    TaskFactory(institution=institution, contact=institution_staff, title="Naturpleje i Rude Skov")
    assert get(base + "/healthz")[0] == 200
    redis_gate.close()
    status, headers, body = get(base + "/opgaver/")
    assert status == 200 and "Naturpleje i Rude Skov" in body and "X-Portal-Stale" not in headers
    status, _headers, body = get(base + "/healthz")
    assert status == 503 and '"down": ["broker", "cache"]' in body
    redis_gate.open()
    assert get(base + "/healthz")[0] == 200


@pytest.mark.django_db(transaction=False)
def test_a_stale_copy_is_kept_only_of_a_page_that_is_the_same_for_every_anonymous_visitor(client, citizen):
    from django.core.cache import cache

    from frivillig.core import outage

    outage._kept_here.clear()  # what this process kept in earlier tests
    signed_in = Client()
    signed_in.force_login(citizen)
    assert signed_in.get("/opgaver/").status_code == 200
    assert cache.get("stale-copy:/opgaver/") is None  # a signed-in person's page is theirs
    assert client.get("/konto/login/").status_code == 200
    assert cache.get("stale-copy:/konto/login/") is None  # not a public page, and it holds a CSRF token
    assert client.get("/opgaver/").status_code == 200
    assert b"<main" in cache.get("stale-copy:/opgaver/")["content"]
