"""``python -m namematch``: the ``resolve`` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
