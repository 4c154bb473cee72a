"""Sign-up, sign-in, settings and consent."""
