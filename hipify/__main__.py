"""``python -m hipify``: the same command as ``ember-hipify``."""

import sys

from hipify.cli import main

sys.exit(main())
