"""``python -m casebook`` is the same as the ``casebook`` command."""

if __name__ == "__main__":
    from .cli import main

    raise SystemExit(main())
