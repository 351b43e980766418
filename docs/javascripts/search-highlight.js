/*
 * On a page opened from a search result: mark the reader's words (the `highlight` parameters
 * of the address, written by search.js) with Pagefind's own highlighter, pagefind-highlight.js
 * from the bundle (mark.js inside), and bring the match into view: the section the result
 * linked to (the address's #anchor, which the browser has scrolled to), else the first match.
 * Loaded by search.js only when the address has the parameter.
 */
const SKIP = ["[data-pagefind-ignore]", "[data-pagefind-ignore] *", ".headerlink", ".footnote-ref",
  ".footnote", ".footnote *", ".cite-brief", ".cite-brief *", ".copy", ".copy *"];

export async function highlight(bundle, param) {
  const { default: PagefindHighlight } = await import(new URL("pagefind-highlight.js", bundle).href);
  new PagefindHighlight({
    highlightParam: param,
    addStyles: false, // Material's <mark> colours, light and dark
    // Sources put spaces between Japanese and Latin letters (AI 人材不足); queries rarely do.
    markOptions: { className: "search-highlight", exclude: SKIP, ignorePunctuation: [" ", "\u00a0"] },
  });
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    target.scrollIntoView();
    return;
  }
  const first = document.querySelector("article mark.search-highlight");
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) first.scrollIntoView({ block: "center" });
}
