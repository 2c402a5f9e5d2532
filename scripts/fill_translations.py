"""Fill English msgstr entries in locale/en from a Python mapping (used when translating a batch of strings).
    .venv/bin/python scripts/fill_translations.py /path/to/mapping.py
The mapping module defines T = {msgid: msgstr} and optionally PLURAL = {msgid: (singular, plural)}."""

import importlib.util
import sys

import polib

spec = importlib.util.spec_from_file_location("mapping", sys.argv[1])
mapping = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mapping)
po = polib.pofile("locale/en/LC_MESSAGES/django.po")
filled = 0
for entry in po:
    if entry.msgid_plural and entry.msgid in getattr(mapping, "PLURAL", {}):
        one, other = mapping.PLURAL[entry.msgid]
        entry.msgstr_plural = {0: one, 1: other}
        filled += 1
    elif entry.msgid in mapping.T:
        entry.msgstr = mapping.T[entry.msgid]
        filled += 1
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
po.save()
print(f"filled {filled} of {len(po)}")
