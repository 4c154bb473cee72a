"""Entry point: ``python -m bench NAME [args]`` runs ``bench.NAME.main(args)``.

Each benchmark prints readable lines and, as its last line, one JSON object
with the figures, so scripts can read the result without parsing prose.
"""

import importlib
import pkgutil
import sys

import bench


def _available() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_")
    )


def main(argv: list[str]) -> int:
    names = _available()
    if not argv or argv[0] not in names:
        print(f"usage: python -m bench NAME [args]   (NAME one of: {', '.join(names)})")
        return 2
    module = importlib.import_module(f"bench.{argv[0]}")
    return int(module.main(argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
