/* Abbreviations on phones: a tap (or Enter/Space on keyboard focus) shows the expansion, and
 * the glossary's definition where the glossary has an entry for the abbreviation.
 *
 * Python-Markdown's `abbr` extension writes <abbr title="expansion">; browsers show the
 * title on mouse hover only, so a phone reader got nothing. Each abbreviation in the article
 * becomes a button-like control (role="button", tabindex="0", aria-expanded) that opens one
 * tooltip (role="tooltip", referenced by aria-describedby). The glossary page of the same
 * language is fetched from this site on the first tap only; its entry is the heading that
 * names the abbreviation as a word, and its first paragraph is the definition. Escape, a tap
 * elsewhere or moving focus away closes the tooltip.
 */
const LABELS = {
  ja: { more: "用語集で見る", loading: "用語集を読み込み中…" },
  en: { more: "In the glossary", loading: "Loading the glossary…" },
};
const lang = (document.documentElement.lang || "en").startsWith("ja") ? "ja" : "en";
const words = LABELS[lang];
let glossary = null; // Promise<Document | null>
let tip = null;
let owner = null;

function glossaryUrl() {
  const link = document.querySelector('.md-nav a.md-nav__link[href*="glossary/"]');
  return link ? link.href.split("#")[0] : null;
}

function loadGlossary() {
  if (!glossary) {
    const url = glossaryUrl();
    glossary = !url ? Promise.resolve(null) : fetch(url)
      .then((r) => (r.ok ? r.text() : ""))
      .then((html) => (html ? new DOMParser().parseFromString(html, "text/html") : null))
      .catch(() => null);
  }
  return glossary;
}

function entryFor(doc, short) {
  if (!doc) return null;
  const word = new RegExp(`(^|[^A-Za-z0-9])${short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^A-Za-z0-9]|$)`);
  for (const heading of doc.querySelectorAll("article h3[id], article h2[id]")) {
    if (!word.test(heading.textContent)) continue;
    let next = heading.nextElementSibling;
    while (next && next.tagName !== "P" && !/^H[1-6]$/.test(next.tagName)) next = next.nextElementSibling;
    if (next && next.tagName === "P") return { id: heading.id, text: next.textContent.trim() };
  }
  return null;
}

function close() {
  if (!tip) return;
  tip.hidden = true;
  if (owner) {
    owner.setAttribute("aria-expanded", "false");
    owner.removeAttribute("aria-describedby");
  }
  owner = null;
}

function place(abbr) {
  const box = abbr.getBoundingClientRect();
  const width = Math.min(320, document.documentElement.clientWidth - 16);
  tip.style.width = `${width}px`;
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function open(abbr) {
  if (owner === abbr) { close(); return; }
  close();
  if (!tip) {
    tip = document.createElement("div");
    tip.id = "abbr-tip";
    tip.className = "abbr-tip";
    tip.setAttribute("role", "tooltip");
    document.body.append(tip);
  }
  owner = abbr;
  const short = abbr.textContent.trim();
  tip.replaceChildren();
  const head = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = short;
  head.append(strong, `: ${abbr.dataset.expansion}`);
  const more = document.createElement("p");
  more.className = "abbr-tip__definition";
  more.textContent = words.loading;
  tip.append(head, more);
  tip.hidden = false;
  abbr.setAttribute("aria-expanded", "true");
  abbr.setAttribute("aria-describedby", tip.id);
  place(abbr);
  loadGlossary().then((doc) => {
    if (owner !== abbr) return;
    const entry = entryFor(doc, short);
    if (!entry) { more.remove(); return; }
    more.textContent = entry.text;
    const link = document.createElement("a");
    link.href = `${glossaryUrl()}#${entry.id}`;
    link.textContent = words.more;
    const line = document.createElement("p");
    line.append(link);
    tip.append(line);
    place(abbr);
  });
}

for (const abbr of document.querySelectorAll("article abbr[title]")) {
  // Inside a link (or another control) a tap follows the link: a button nested in it would
  // steal the tap and be a target too small to hit; the browser's title tooltip stays.
  if (abbr.parentElement.closest("a, button, summary, label, [role=button]")) continue;
  abbr.dataset.expansion = abbr.title;
  abbr.setAttribute("role", "button");
  abbr.setAttribute("tabindex", "0");
  abbr.setAttribute("aria-expanded", "false");
  abbr.classList.add("abbr-tap");
  abbr.addEventListener("click", (event) => { event.preventDefault(); open(abbr); });
  abbr.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(abbr); }
  });
}
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && owner) { const back = owner; close(); back.focus(); }
});
document.addEventListener("click", (event) => {
  if (owner && !owner.contains(event.target) && !(tip && tip.contains(event.target))) close();
});
document.addEventListener("focusin", (event) => {
  if (owner && event.target !== owner && !(tip && tip.contains(event.target))) close();
});
