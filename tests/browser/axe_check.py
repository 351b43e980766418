"""axe-core in a loaded page, as style_cover.py plans it: the browser side (Playwright's page
object), kept apart so that style_cover.py stays plain Python."""

from __future__ import annotations

from tests.browser.style_cover import axe_runs

# The selectors of `targets` that find no element of the tag and classes expected in `root`
# (a document), shared by `run_axe` and test_style_cover.py. More classes are fine: the
# site's scripts add some (abbr.js's `abbr-tap`, copy.js's `copy-host`) to every element of
# a kind, which the signatures, taken from the HTML, cannot see either way.
UNRESOLVED = """(root, targets) => targets.filter(([selector, tag, classes]) => {
  const element = root.querySelector(selector);
  return !element || element.localName.toLowerCase() !== tag
    || !classes.split(' ').filter(Boolean).every(name => element.classList.contains(name));
}).map(([selector]) => selector)"""


def add_axe(page, url: str) -> None:
    """axe-core into the loaded `page` from `url` (the `axe_url` fixture) as a script element,
    removed again once run (axe audits the page as it was). Chromium compiles a script from
    an address it has compiled before once per renderer; `page.evaluate(source)` compiled
    axe's 570 KB again on every page (about 0.1 CPU-s a page)."""
    page.add_script_tag(url=url).evaluate("script => script.remove()")


def run_axe(page, axe_url: str,
            targets: list[tuple[str, str, str]]) -> tuple[list[dict], list[str]]:
    """axe-core's violations on the loaded `page` (`axe_runs`: the rendering rules on
    `targets`, the cover's (selector, tag, classes) for the page, the rest over the whole
    page), and the selectors that found no such element (then all rules ran page-wide)."""
    add_axe(page, axe_url)
    unresolved = page.evaluate(f"targets => ({UNRESOLVED})(document, targets)", targets) \
        if targets else []
    violations = []
    for context, options in axe_runs([target[0] for target in targets], unresolved):
        violations += page.evaluate("([context, options]) => axe.run(context || document, "
                                    "options).then(results => results.violations)",
                                    [context, options])
    return violations, unresolved
