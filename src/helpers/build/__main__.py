"""``python -m helpers.build``: see :mod:`helpers.build`."""

from helpers.build.cli import main

if __name__ == "__main__":
    main()
