"""The production-shaped stack cannot run here (no Docker engine), so its files are checked by parsing."""

from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_compose_defines_the_production_stack():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "migrate", "web1", "web2", "proxy", "worker", "beat"}
    assert "gunicorn" in " ".join(services["web1"]["command"]) and services["web2"] == services["web1"]
    assert "worker" in services["worker"]["command"] and "beat" in services["beat"]["command"]
    for name in ("web1", "web2", "worker", "beat"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://frivillig_app:") and env["REDIS_URL"].startswith("redis://")
        assert "media:/app/var/media" in services[name]["volumes"]
    # Migrations (and the grants of the portal's role) run as the owner, once, before any node starts.
    migrate = services["migrate"]
    assert migrate["environment"]["DATABASE_URL"].startswith("postgres://frivillig:")
    assert "migrate" in " ".join(migrate["command"]) and "grant_app_role frivillig_app" in " ".join(migrate["command"])
    assert services["web1"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "server web1:8000" in nginx and "server web2:8000" in nginx and "proxy_next_upstream" in nginx


def test_dockerfile_runs_production_settings_as_non_root():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "DJANGO_SETTINGS_MODULE=frivillig.settings.production" in dockerfile
    assert "USER frivillig" in dockerfile
    assert "collectstatic" in dockerfile


def test_readme_gives_the_two_commands_in_order():
    readme = (ROOT / "README.md").read_text()
    assert readme.index("make run") < readme.index("make test") < readme.index("## Demo accounts")
    assert readme.index("## Demo accounts") < readme.index("## Production") < readme.index("## Where the code lives")
