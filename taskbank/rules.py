import rules

from frivillig.accounts.roles import is_culture_admin, is_task_poster, is_volunteer_centre

from . import workflow

rules.add_perm("taskbank.manage_task", rules.predicate(workflow.is_task_staff))
rules.add_perm("taskbank.handle_application", rules.predicate(workflow.is_application_staff))
rules.add_perm("taskbank.triage_ideas", is_culture_admin)
rules.add_perm("taskbank.staff_area", is_task_poster | is_culture_admin | is_volunteer_centre)
