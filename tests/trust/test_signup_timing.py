"""Sign-up must not tell, by its answer or its timing, whether an address already has an account (pen-test row 13:
21 ms for a registered address, 536 ms for a new one)."""

import statistics
import time

import pytest
from django.contrib.auth.hashers import make_password

from frivillig.core.models import Notification

pytestmark = pytest.mark.django_db


def sign_up(client, email, n):
    started = time.perf_counter()
    response = client.post("/konto/signup/", {"full_name": "Ny Person", "email": email, "password1": "korrekt-hest-42x",
                                              "password2": "korrekt-hest-42x", "accept_privacy": "on"},
                           REMOTE_ADDR=f"10.9.0.{n}")
    return response, time.perf_counter() - started


def test_a_registered_address_answers_as_slowly_and_alike_as_a_new_one(client, settings, citizen):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # production's hasher
    make_password("warm-up")
    new, existing = [], []
    for n in range(3):
        response_new, seconds = sign_up(client, f"ny{n}@example.dk", 2 * n)
        new.append(seconds)
        response_existing, seconds = sign_up(client, citizen.email, 2 * n + 1)
        existing.append(seconds)
        assert response_new.status_code == response_existing.status_code == 302
        assert response_new["Location"] == response_existing["Location"]
        client.logout()
    ratio = statistics.median(existing) / statistics.median(new)
    assert 0.5 < ratio < 2, (new, existing)
    # Both paths send their mail the same way: a logged notification queued for Celery.
    assert Notification.objects.filter(to_email=citizen.email).exists()
    assert Notification.objects.filter(to_email="ny0@example.dk").exists()
