"""Moderation of tasks by the Culture department (the Volunteer Centre for associations' tasks): one URL per step
(approve, send back, take off the portal), each a button on the staff task page."""

from django.utils.translation import gettext as _

from frivillig.core import actions
from frivillig.core.decorators import role_required

from .. import queries, services, workflow
from ..forms import ModerationForm

_moderators = role_required(workflow.is_moderator)


def _step(service, *, form=None, success):
    return _moderators(actions.action_view(access=queries.access_task_to_moderate, form=form, service=service,
                                           name="task", success=success))


approve = _step(services.approve_task, success=_("Opgaven er godkendt og offentliggjort, og kontaktpersonen har fået "
                                                 "besked."))
send_back = _step(services.send_back_task, form=ModerationForm,
                  success=_("Opgaven er sendt tilbage, og kontaktpersonen har fået besked."))
unpublish = _step(services.unpublish_task, form=ModerationForm,
                  success=_("Opgaven er taget af portalen, og kontaktpersonen har fået besked."))
