import rules

from frivillig.accounts.roles import is_culture_admin

from . import workflow

rules.add_perm("grants.handle_cases", is_culture_admin)
rules.add_perm("grants.view_own_application", rules.predicate(workflow.is_applicant))
