"""People: accounts, roles and tasks, login sessions, profiles."""
