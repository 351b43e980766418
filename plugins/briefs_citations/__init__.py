"""Citations for bilingual MkDocs sites: `[@key]` in Markdown → footnotes from BibTeX.

Layout: `scan` finds citations, `bibliography` loads and checks the .bib file,
`numbering` labels footnotes, `styles` formats references per language (one pybtex
style per module), `render` writes HTML, `markdown_ext` ties these into a
Python-Markdown extension usable without MkDocs; only `plugin` and `config` import MkDocs.

Entry types: `online` (web page), `pressrelease`, `govdoc` (government document),
`report` (persons as `author`, or an `institution` alone) and `inreport` (a chapter of
a report: `booktitle`, `pages`). The source report itself is a `report`.

Fields for two languages. An entry is written in its source's language; English pages
read a field `F_en` before `F`:
- `title_en`, `booktitle_en`: the official English title, or a faithful translation
  (shown with the original in brackets, marked as our translation unless
  `title_en_official = {true}`);
- `author_en`, `organization_en`, `institution_en`: official English or established
  romanised names. Where none is known, leave the field out: English pages then show
  the original name; a romanisation is never made up;
- `note`, `note_en`: a remark shown on the references page;
- `url`, `url_en` (optional): only `http`/`https` addresses become links;
- `langid`: the source's language (`japanese`, `english`), BibLaTeX's names;
- `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`;
- `reportnote`, `reportfigure`: the footnote and figure numbers of the annotated report
  that cite the source (`{9, 10}`), shown on the references page.
"""
