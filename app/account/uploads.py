"""Reading an uploaded file without trusting its size."""

from werkzeug.datastructures import FileStorage

# Read one byte past any sensible limit, so "too big" is detectable without
# reading an unbounded stream; the request size is capped by MAX_CONTENT_LENGTH.
READ_LIMIT = 8 * 1024 * 1024


def read_upload(file: FileStorage | None) -> bytes | None:
    """The bytes of an uploaded file, or None when no file was chosen."""
    if not isinstance(file, FileStorage) or not file.filename:
        return None
    return file.stream.read(READ_LIMIT) or None
