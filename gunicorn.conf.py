"""Gunicorn's settings for a web node (Dockerfile, docker-compose.yml, tests/trust/test_two_nodes.py).

Every node is alike and keeps nothing of its own: sessions and caches are in Redis, data in PostgreSQL, uploads
on the shared media volume, so a proxy may send any request to any node and a node may stop at any time."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = 60
graceful_timeout = 20
# Log lines are JSON from the portal's own loggers; gunicorn's access log stays off (the portal logs each request
# with its id, view and duration: frivillig.core.observability).
accesslog = None
errorlog = "-"


def child_exit(server, worker):
    """Prometheus' multiprocess mode: forget the counters of a worker that ended."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
