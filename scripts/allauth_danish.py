"""The portal's Danish for django-allauth's own strings (sign-in, sign-up, passwords, e-mail addresses, messages).

allauth ships a Danish translation that says "emailadresse", "password" and "Loggede succesfuldt ind med …"; the
portal says "e-mailadresse", "adgangskode" and "Du er logget ind som …". This writes locale/da/LC_MESSAGES/django.po
from allauth's own catalogue with the portal's words (LOCALE_PATHS wins over an app's catalogue); run it again after
upgrading allauth:

    .venv/bin/python scripts/allauth_danish.py

The portal's own strings are Danish already (their msgids), so this catalogue holds allauth's strings only."""

import re
from pathlib import Path

import allauth
import polib

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(allauth.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "django.po"
TARGET = ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"

# Whole sentences the portal words differently (allauth's read as translations). The first ones are the portal's
# words for allauth's buttons and headings ("bruger", not "konto"), as the header and the profile page say them.
OWN = {
    "Change Password": "Skift adgangskode",
    "Forgot Password?": "Glemt adgangskode?",
    "Reset My Password": "Nulstil min adgangskode",
    "Set Password": "Vælg adgangskode",
    "Password Reset": "Nulstil adgangskode",
    "Sign Up": "Opret bruger",
    "Sign In": "Log ind",
    "Sign Out": "Log ud",
    "Email address": "E-mailadresse",
    "Email": "E-mail",
    "Email Addresses": "E-mailadresser",
    "Successfully signed in as %(name)s.": "Du er logget ind som %(name)s.",
    "You have signed out.": "Du er logget ud.",
    "Password successfully changed.": "Din adgangskode er ændret.",
    "Password successfully set.": "Din adgangskode er gemt.",
    "Confirmation email sent to %(email)s.": "Vi har sendt en e-mail til %(email)s, så du kan bekræfte adressen.",
    "You have confirmed %(email)s.": "Du har bekræftet %(email)s.",
    "Primary email address set.": "Din primære e-mailadresse er ændret.",
    "Removed email address %(email)s.": "E-mailadressen %(email)s er fjernet.",
    "email confirmation": "bekræftelse af e-mail",
    "email confirmations": "bekræftelser af e-mail",
    "Email (optional)": "E-mail (frivilligt)",
    "Password Reset Email": "E-mail om ny adgangskode",
    "Email Verification": "Bekræftelse af e-mail",
    "Email Confirmation": "Bekræftelse af e-mail",
    "Enter Email Verification Code": "Skriv koden fra e-mailen",
    "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it.":
        "Har du glemt din adgangskode? Skriv din e-mailadresse herunder, så sender vi dig en e-mail, hvor du kan vælge "
        "en ny.",
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")

# Word by word, in this order: "password" is "adgangskode" (common gender: "din", "en", "ny"), "email" is "e-mail".
WORDS = [
    (r"\b([Dd])it nye password\b", r"\1in nye adgangskode"),
    (r"\b([Dd])it password\b", r"\1in adgangskode"),
    (r"\b([Mm])it password\b", r"\1in adgangskode"),
    (r"\b([Nn])yt password\b", r"\1y adgangskode"),
    (r"\bnoget password\b", "nogen adgangskode"),
    (r"\bEt password\b", "En adgangskode"),
    (r"\bet password\b", "en adgangskode"),
    (r"\bpasswordet\b", "adgangskoden"),
    (r"\bPasswordet\b", "Adgangskoden"),
    (r"\bpasswords\b", "adgangskoder"),
    (r"\bPassword\b", "Adgangskode"),
    (r"\bpassword\b", "adgangskode"),
    (r"Bekræftelses-email", "Bekræftelsesmail"),
    (r"(?<![\w({-])([Ee])mail", r"\1-mail"),  # not in placeholders: %(email)s, {email}
    (r"\bsuccesfuldt\b", ""),
]


def danish(msgstr: str) -> str:
    for pattern, replacement in WORDS:
        msgstr = re.sub(pattern, replacement, msgstr)
    return re.sub(r"  +", " ", msgstr)


def main() -> None:
    source = polib.pofile(str(SOURCE))
    out = polib.POFile()
    out.metadata = {"Project-Id-Version": "Frivillig Rudersdal", "Language": "da", "MIME-Version": "1.0",
                    "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                    "Plural-Forms": source.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);")}
    out.header = ("The portal's Danish for django-allauth's strings: written by scripts/allauth_danish.py from "
                  "allauth's own Danish catalogue. Edit the script, not this file.")
    for entry in source:
        if entry.obsolete or not entry.translated():
            continue
        new = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural)
        if entry.msgid_plural:
            new.msgstr_plural = {k: danish(v) for k, v in entry.msgstr_plural.items()}
        else:
            new.msgstr = OWN.get(entry.msgid) or danish(entry.msgstr)
            assert sorted(PLACEHOLDER.findall(new.msgstr)) == sorted(PLACEHOLDER.findall(entry.msgstr)), new.msgstr
        out.append(new)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    out.save(str(TARGET))
    print(f"{TARGET.relative_to(ROOT)}: {len(out)} strings")


if __name__ == "__main__":
    main()
