"""Reading a whole number from what a form or a socket sent."""


def whole_number(value: object) -> int | None:
    """``value`` as a non-negative int when it is one or is written as one in ASCII
    digits ("12"), else None. ``str.isdigit`` alone lets "²" through, which
    ``int()`` refuses."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdecimal() else None
