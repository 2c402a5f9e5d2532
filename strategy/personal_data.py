from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frivillig.accounts.gdpr import redact_rows

from .models import HearingResponse, Input, MeetingSignup, Support


def count_responses(start, end) -> int:
    return HearingResponse.objects.filter(submitted_at__date__gte=start, submitted_at__date__lt=end).count()


def count_inputs(start, end) -> int:
    return Input.objects.filter(created_at__date__gte=start, created_at__date__lt=end).count()


def export(user) -> dict:
    return {
        "inputs": [{"process": i.process.title, "theme": i.theme.name, "text": i.text, "status": i.get_status_display()}
                   for i in Input.objects.filter(author=user).select_related("process", "theme")],
        "supports": [{"input": s.input.text[:100], "at": s.created_at.isoformat()}
                     for s in Support.objects.filter(user=user).select_related("input")],
        "meeting_signups": [{"meeting": s.meeting.title, "waiting": s.waiting, "at": s.created_at.isoformat()}
                            for s in MeetingSignup.objects.filter(user=user).select_related("meeting")],
        "hearing_responses": [{"hearing": r.hearing.title, "text": r.text, "published_with_name": r.publish_with_name,
                               "municipality_remark": r.remark, "submitted": r.submitted_at.isoformat()}
                              for r in HearingResponse.objects.filter(author=user).select_related("hearing")],
    }


def erase(user, dry_run: bool) -> list[str]:
    responses = HearingResponse.objects.filter(author=user)
    inputs = Input.objects.filter(author=user)
    signups = MeetingSignup.objects.filter(user=user)
    changes = []
    if responses.exists():
        changes.append(_("%(n)s høringssvar bevares som “Anonym”.") % {"n": responses.count()})
    if inputs.exists():
        changes.append(_("%(n)s input bevares uden dit navn.") % {"n": inputs.count()})
    if signups.exists():
        n = signups.count()
        changes.append(ngettext("%(n)s mødetilmelding slettes.", "%(n)s mødetilmeldinger slettes.", n) % {"n": n})
    if not dry_run:
        redact_rows(responses, ["text", "remark"], user=user)
        redact_rows(inputs, ["text", "author_label", "hidden_reason"], user=user)
        responses.update(author=None, publish_with_name=False)
        inputs.update(author=None)
        signups.delete()
        Support.objects.filter(user=user).delete()
    return changes


def purge_past_meeting_signups(now) -> int:
    """Retention: who came to a meeting is needed for the meeting, not for ever."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["meeting_signup"])
    deleted, _detail = MeetingSignup.objects.filter(meeting__ends_at__lt=cutoff).delete()
    return deleted
