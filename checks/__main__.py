"""`python -m checks …`: see `checks.cli`."""

import sys

from checks.cli import main

sys.exit(main())
