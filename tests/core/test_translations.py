"""The English translation: a broken catalogue does not compile, and then every English page falls back to
Danish. An untranslated, fuzzy or mismatched entry is what a translator's tool leaves behind."""

import re
from pathlib import Path

import polib
from django.conf import settings

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")


def catalogue():
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return sorted(a or b for a, b in PLACEHOLDER.findall(text or ""))


def test_every_string_has_a_finished_english_translation():
    po = catalogue()
    unfinished = [e.msgid for e in po if not e.obsolete and (
        "fuzzy" in e.flags or e.previous_msgid or not (e.msgstr or all(e.msgstr_plural.values())))]
    assert not unfinished, unfinished[:10]


def test_translations_keep_the_placeholders_of_the_danish_text():
    wrong = []
    for e in catalogue():
        if e.obsolete:
            continue
        if e.msgid_plural:
            wanted = set(placeholders(e.msgid)) | set(placeholders(e.msgid_plural))
            got = [set(placeholders(v)) for v in e.msgstr_plural.values()]
            if any(not g <= wanted for g in got):
                wrong.append(e.msgid)
        elif e.msgstr and placeholders(e.msgstr) != placeholders(e.msgid):
            wrong.append(e.msgid)
    assert not wrong, wrong[:10]


def test_the_project_has_one_catalogue():
    # App-level catalogues would silently lose to locale/ for shared strings; there is only locale/en.
    root = Path(settings.BASE_DIR)
    found = [p.relative_to(root) for p in root.glob("**/locale/*/LC_MESSAGES/django.po")
             if not {".venv", "node_modules"} & set(p.relative_to(root).parts)]
    assert Path("locale/en/LC_MESSAGES/django.po") in found
    assert all(p.parts[0] == "locale" for p in found), found
