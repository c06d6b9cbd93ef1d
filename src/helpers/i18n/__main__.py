"""``python -m helpers.i18n extract|check`` (see :mod:`helpers.i18n.extract`)."""

import sys

from helpers.i18n.extract import main

sys.exit(main())
