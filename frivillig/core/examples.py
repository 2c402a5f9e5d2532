"""Example text: what the portal ships beyond the municipality's own documents, until the Culture department
replaces it. The seeds are the only source the portal may present as the municipality's own words; everything
else is marked with ``core/example_marker.html`` wherever it is shown, and listed for the Culture department."""

from dataclasses import dataclass

from .registry import example_sources


@dataclass
class ExampleItem:
    kind: str
    title: str
    public_url: str
    edit_url: str


def example_items() -> list[ExampleItem]:
    """Every object still marked as example text, grouped by kind in the registry's order."""
    items = []
    for source in example_sources():
        for obj in source.model.objects.filter(is_example=True):
            items.append(ExampleItem(kind=str(source.label), title=str(obj), public_url=source.public_url(obj),
                                     edit_url=source.edit_url(obj)))
    return items

