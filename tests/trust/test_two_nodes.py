"""Two web nodes (issue 26): two gunicorn nodes on one database, one Redis and one media directory; one node is
killed (SIGKILL) under load while people apply for tasks and upload attachments to their grant applications. Like the proxy in front of them (deploy/nginx.conf, ``proxy_next_upstream``), the
load sends each request to the next node and retries a request whose node did not answer on the other. No
application or upload is lost or doubled, and every signed-in person's session goes on on the surviving node.
"""

import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.test import Client

from grants.models import Attachment, Pool
from taskbank.models import TaskApplication
from tests.conftest import worker_redis_url
from tests.factories import UserFactory
from tests.grants.conftest import MINIMAL_PDF, pool  # noqa: F401 (pool: fixture)
from tests.taskbank.factories import TaskFactory
from tests.trust.test_outage import ROOT, free_port

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 16


def start_node(port: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gunicorn", "frivillig.wsgi:application", "--bind",
                             f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def wait_for(port: int):
    import socket

    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"node on {port} did not start")


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = "----two-nodes-boundary"
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class Visitor:
    """One signed-in person's browser: a cookie jar, sending each request to the next node and, when a node does
    not answer, to the other one (what the proxy does)."""

    def __init__(self, session_key: str, nodes: list[str]):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.session_key, self.nodes, self.turn = session_key, nodes, 0
        self.retries = 0

    def request(self, path: str, data: dict | None = None, files: dict | None = None) -> tuple[int, str, str]:
        for attempt in range(len(self.nodes) * 2):
            base = self.nodes[(self.turn + attempt) % len(self.nodes)]
            cookies = f"{settings.SESSION_COOKIE_NAME}={self.session_key}"
            csrf = next((c.value for c in self.jar if c.name == settings.CSRF_COOKIE_NAME), None)
            if csrf:
                cookies += f"; {settings.CSRF_COOKIE_NAME}={csrf}"
            headers = {"Cookie": cookies, "Referer": base + path}
            if files:
                body, headers["Content-Type"] = multipart(data or {}, files)
            else:
                body = urllib.parse.urlencode(data).encode() if data is not None else None
            request = urllib.request.Request(base + path, data=body, headers=headers)
            try:
                with self.opener.open(request, timeout=20) as response:
                    self.turn += 1
                    return response.status, response.geturl(), response.read().decode()
            except urllib.error.HTTPError as error:
                self.turn += 1
                return error.code, base + path, error.read().decode()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                self.retries += 1
                time.sleep(0.2)
        raise AssertionError(f"no node answered {path}")


def _draft(person):
    from grants import services as grants

    return grants.start_application(actor=person, pool=Pool.objects.get(slug="lokale"))


def test_a_node_killed_under_load_loses_no_write_and_no_session(institution, institution_staff, pool):  # noqa: F811
    tasks = [TaskFactory(institution=institution, contact=institution_staff, volunteers_wanted=50) for _ in range(4)]
    people = [UserFactory(email=f"frivillig{i}@example.dk", full_name=f"Frivillig Nummer {i}") for i in range(PEOPLE)]
    drafts = [_draft(person) for person in people]
    sessions = []
    for person in people:
        client = Client()
        client.force_login(person)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    db = connection.settings_dict
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "frivillig.settings.test", "DJANGO_ALLOW_ASYNC_UNSAFE": "",
           "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
           "TEST_CACHE_URL": worker_redis_url(), "TEST_CONN_MAX_AGE": "60",
           "ALLOWED_HOSTS": "127.0.0.1", "TEST_DB_NAME": "two-nodes"}
    redis.Redis.from_url(worker_redis_url()).flushdb()
    media = Path(settings.BASE_DIR) / "var" / "test-media" / "two-nodes"  # the nodes' MEDIA_ROOT (test settings)
    ports = [free_port(), free_port()]
    nodes = [start_node(port, env) for port in ports]
    try:
        for port in ports:
            wait_for(port)
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        visitors = [Visitor(key, bases[i % 2:] + bases[:i % 2]) for i, key in enumerate(sessions)]
        errors, done = [], []

        def live(i, visitor):
            try:
                task = tasks[i % len(tasks)]
                status, _url, html = visitor.request(f"/opgaver/{task.pk}/ansoeg/")
                assert status == 200, status
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
                status, url, html = visitor.request(f"/opgaver/{task.pk}/ansoeg/", {
                    "csrfmiddlewaretoken": token, "message": f"Jeg vil gerne hjælpe ({i})", "availability": "Tirsdage"})
                assert status == 200, status
                draft = drafts[i]
                status, _url, html = visitor.request(f"/puljer/ansoegninger/{draft.pk}/trin/beloeb/")
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
                status, _url, _html = visitor.request(
                    f"/puljer/ansoegninger/{draft.pk}/trin/beloeb/gem/",
                    {"csrfmiddlewaretoken": token, "amount_requested": "1000", "attachment_title": f"Bilag {i}"},
                    files={"attachment": (f"bilag{i}.pdf", MINIMAL_PDF)})
                assert status == 200, status
                done.append(i)
            except Exception as exc:  # noqa: BLE001 - collected and reported below
                errors.append(f"{i}: {exc!r}")

        threads = [threading.Thread(target=live, args=(i, v)) for i, v in enumerate(visitors)]
        for thread in threads[: PEOPLE // 2]:
            thread.start()
        time.sleep(0.5)
        os.killpg(nodes[0].pid, signal.SIGKILL)  # node A dies mid-load, its requests in flight cut
        for thread in threads[PEOPLE // 2:]:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors, errors
        # No write lost, none doubled: one application per person, whichever node took it.
        for person in people:
            assert TaskApplication.objects.filter(applicant=person).count() == 1, person.email
        # Every upload is stored once, as a row and a file in the media directory both nodes share.
        for person, draft in zip(people, drafts, strict=True):
            attachments = list(Attachment.objects.filter(application=draft))
            assert len(attachments) == 1, person.email
            assert (media / attachments[0].file.name).read_bytes() == MINIMAL_PDF
        # Sessions go on on the surviving node: each person is still signed in and sees their application.
        for person, visitor in zip(people, visitors, strict=True):
            visitor.nodes = [bases[1]]
            status, url, html = visitor.request("/opgaver/mine-ansoegninger/")
            assert status == 200 and "/konto/login/" not in url, (person.email, url)
            assert "Ansøgt" in html or TaskApplication.objects.get(applicant=person).task.title in html
        assert sum(v.retries for v in visitors) >= 1  # the dead node was really asked, and the other answered
    finally:
        for node in nodes:
            try:
                os.killpg(node.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            node.wait(timeout=20)
        redis.Redis.from_url(worker_redis_url()).flushdb()
        shutil.rmtree(media, ignore_errors=True)
