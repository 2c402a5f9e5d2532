import rules

from frivillig.accounts.roles import is_culture_admin

rules.add_perm("policy.edit_content", is_culture_admin)
