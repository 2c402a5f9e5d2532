"""The process templates are the seeds' own: CFSA's steps numbered, named and ordered as the guide has them (no step
7; step 8 before step 9), Ballerup's phases as its plan names them."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from strategy import services
from strategy.models import ProcessTemplate
from strategy.seed import load_reference

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def cfsa_steps() -> list[tuple[int, str]]:
    """The numbered steps of CFSA's "Forslag til proces", in the order the guide prints them."""
    text = _seed("004")
    part = text[text.index("Forslag til proces, når I udvikler en frivilligpolitik"):text.index("Nedsæt en styregruppe")]
    return [(int(n), name.strip()) for n, name in re.findall(r"^(\d+)\. (.+)$", part, re.M)]


def test_the_seed_itself_has_no_step_7_and_puts_8_before_9():
    numbers = [n for n, _name in cfsa_steps()]
    assert numbers == [1, 2, 3, 4, 5, 6, 8, 9, 10]


def test_cfsa_template_is_numbered_named_and_ordered_as_the_guide():
    load_reference()
    template = ProcessTemplate.objects.get(slug="cfsa")
    assert [(p.order, p.name) for p in template.phases.order_by("order")] == cfsa_steps()


def test_ballerup_template_holds_the_phases_its_plan_names_in_its_order():
    load_reference()
    text = _seed("003")
    names = list(ProcessTemplate.objects.get(slug="ballerup").phases.order_by("order").values_list("name", flat=True))
    assert names == ["Den undersøgende fase", "Input fra politikere og frivillige", "Strategiudkast"]
    positions = [text.index(f"\n{name}:") for name in names]
    assert positions == sorted(positions)


def test_an_old_template_is_brought_back_to_the_seed(culture_admin):
    load_reference()
    template = ProcessTemplate.objects.get(slug="cfsa")
    template.phases.filter(order=8).update(name="Justér på baggrund af høringssvar", order=7)
    load_reference()
    assert [p.order for p in template.phases.order_by("order")] == [1, 2, 3, 4, 5, 6, 8, 9, 10]


def test_a_process_page_numbers_its_phases_as_the_guide(client, culture_admin):
    from django.utils import timezone

    load_reference()
    process = services.create_process(actor=culture_admin, template=ProcessTemplate.objects.get(slug="cfsa"),
                                      title="Frivilligpolitik", description="Revision.", starts_on=timezone.localdate())
    html = client.get(process.get_absolute_url()).content.decode()
    assert '<li value="8"' in html and '<li value="7"' not in html
    assert html.index("Justér frivilligpolitikken på baggrund af høringssvar") < html.index("Send forslaget i høring")
