"""The site's MkDocs hooks (mkdocs.yml `hooks:`) and what they share.

MkDocs loads each hook by path with this folder on sys.path, so the hooks import one another
by bare name (`from site_locale import words`). Imported as a package instead (`hooks.NAME`:
the checks, tools/pdf, the tests), the folder goes on sys.path the same way, so those imports
resolve there too.
"""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.append(_HERE)
