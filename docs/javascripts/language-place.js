/*
 * The language switch keeps the reader's place: the link to the other language's page gets
 * the anchor of the section being read (/en/briefs/section-3-1/#annotation <->
 * /briefs/section-3-1/#annotation). Every brief's fixed sections carry the same id in both
 * languages (hooks/sections.py); the glossary's entries too. Ids that Python-Markdown made up
 * for headings without a readable slug (_1, _2…) differ by language and are never carried.
 *
 * The place is the section named in the address when its heading is on screen (a link or a
 * search result led there), else the last heading scrolled past under the header. The link
 * is updated when it is about to be used (pointer down, focus, click), so opening it in a new
 * tab or copying it carries the place too.
 */
const links = document.querySelectorAll(".md-select__link[hreflang]");
const article = document.querySelector("article.md-content__inner");

/** The id of the section the reader is in, or "" at the top of the page. */
function place() {
  if (!article) return "";
  const header = document.querySelector(".md-header");
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const named = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (named && article.contains(named)) {
    const box = named.getBoundingClientRect();
    if (box.bottom > top && box.top < window.innerHeight) return named.id;
  }
  let current = "";
  for (const heading of article.querySelectorAll("h2[id], h3[id], h4[id]")) {
    if (heading.getBoundingClientRect().top > top + 8) break;
    current = heading.id;
  }
  return current;
}

function carry(event) {
  const link = event.currentTarget;
  const id = place();
  const url = new URL(link.href);
  url.hash = id && !id.startsWith("_") ? id : "";
  link.href = url.href;
}

for (const link of links) {
  if (link.hreflang === document.documentElement.lang) continue;
  for (const type of ["pointerdown", "focus", "click"]) link.addEventListener(type, carry);
}
