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
unfinished = []
for entry in po:
    if entry.msgid_plural and entry.msgid in getattr(mapping, "PLURAL", {}):
        one, other = mapping.PLURAL[entry.msgid]
        entry.msgstr_plural = {0: one, 1: other}
    elif entry.msgid in mapping.T:
        entry.msgstr = mapping.T[entry.msgid]
    else:
        # Not in the mapping: a fuzzy guess of makemessages stays fuzzy (it is often wrong), to be translated.
        if "fuzzy" in entry.flags or not (entry.msgstr or any(entry.msgstr_plural.values())):
            unfinished.append(entry.msgid)
        continue
    filled += 1
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
po.save()
print(f"filled {filled} of {len(po)}")
for msgid in unfinished:
    print("still to translate:", msgid)
