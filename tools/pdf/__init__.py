"""The print edition: one PDF per language, made by WeasyPrint from the built site's HTML.

`python -m tools.pdf` (or `make pdf`) reads `site/`, assembles each language's briefs,
figures, glossary and references into one paged HTML document and writes
`site/pdf/briefs.ja.pdf` and `site/pdf/briefs.en.pdf`. Nothing here imports MkDocs.
"""
