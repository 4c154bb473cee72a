"""Public pages: home, guidelines, privacy notice, language choice."""
