"""``python -m helpers.pipeline``: see :mod:`helpers.pipeline`."""

from helpers.pipeline.cli import main

if __name__ == "__main__":
    main()
