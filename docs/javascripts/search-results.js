/*
 * The search results (docs/javascripts/search.js): what search says above them (the count,
 * the words left out, a suggestion) and each page with its best-matching sections, linked
 * to their anchors with the words to highlight, the matched words marked. Loaded with
 * Pagefind on first use, not with every page.
 *
 * `view`: {list, status, labels (the box's data-* words), highlight (the address parameter
 * that names the words to highlight), retry(word) (searches for a suggested word)}.
 */
var MAX_SECTIONS = 3;

/* Pagefind excerpts are escaped text with <mark> around matches: keep exactly that. */
function marked(html) {
  var template = document.createElement("template");
  template.innerHTML = html || "";
  var out = document.createDocumentFragment();
  template.content.childNodes.forEach(function (node) {
    if (node.nodeName === "MARK") {
      var mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.appendChild(mark);
    } else {
      out.appendChild(document.createTextNode(node.textContent));
    }
  });
  return out;
}

function plain(html) {
  var template = document.createElement("template");
  template.innerHTML = html || "";
  return template.content.textContent;
}

function element(tag, className, children) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  (children || []).forEach(function (child) {
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return node;
}

function link(href, title, teaser, isPage) {
  var body = [];
  if (isPage) body.push(element("div", "md-search-result__icon md-icon"));
  body.push(element("div", isPage ? "md-search-result__title" : "md-search-result__section",
    [title]));
  if (teaser) body.push(element("p", "md-search-result__teaser", [teaser]));
  var anchor = element("a", "md-search-result__link", [
    element("div", "md-search-result__article md-typeset", body),
  ]);
  anchor.href = href;
  return anchor;
}

/* The sections that matched most, in that order; the page itself (its title) is not one. */
function sections(page, title) {
  return (page.sub_results || [])
    .filter(function (sub) {
      return sub.url.indexOf("#") !== -1 && plain(sub.title) !== title;
    })
    .sort(function (a, b) {
      return (b.locations || []).length - (a.locations || []).length;
    })
    .slice(0, MAX_SECTIONS);
}

/* The reader's words, each quoted as the page's language quotes. */
function quoted(labels, list) {
  return list.map(function (word) { return labels.wordsQuote.replace("#", word); })
    .join(labels.wordsSeparator);
}

/* A result's address, with the words to highlight on the page it opens (search-highlight.js). */
function highlighted(url, terms, parameter) {
  var address = new URL(url, location.href);
  address.search = "";
  terms.forEach(function (term) { address.searchParams.append(parameter, term); });
  return address.pathname + address.search + address.hash;
}

/* What search says above the results: the count, the words left out, a suggestion. */
function say(view, query, found) {
  var status = view.status, labels = view.labels;
  status.replaceChildren();
  var lines = [];
  if (found.state === "short") {
    lines.push(labels.wordsShort.replace("#", String(found.minimum)));
  } else if (found.state === "none") {
    lines.push(labels.wordsNone.replace("#", quoted(labels, found.dropped)));
  } else {
    lines.push(found.total === 1 ? labels.labelOne
      : labels.labelOther.replace("#", String(found.total)));
    if (found.dropped.length) {
      lines.push(labels.wordsDropped.replace("#", quoted(labels, found.dropped)));
    }
    if (found.state === "some") lines.push(labels.wordsSome);
  }
  lines.forEach(function (line, index) {
    status.appendChild(element("span", "search-status__line" + (index ? " search-status__note" : ""),
      [line]));
  });
  if (found.suggestion) {
    var retry = element("button", "search-status__suggestion",
      [labels.wordsSuggest.replace("#", quoted(labels, [found.suggestion]))]);
    retry.type = "button";
    retry.addEventListener("click", function () { view.retry(found.suggestion); });
    status.appendChild(retry);
  }
}

/* data-query names the query whose results are shown (for tests and assistive scripts). */
export function render(view, query, found) {
  var list = view.list;
  list.replaceChildren();
  list.dataset.query = query;
  list.dataset.state = found.state;
  say(view, query, found);
  found.pages.forEach(function (entry) {
    var page = entry.data;
    var title = plain(page.meta && page.meta.title) || page.url;
    var matches = sections(page, title);
    var description = page.meta && page.meta.description;
    var teaser = matches.length && description ? document.createTextNode(plain(description))
      : marked(page.excerpt);
    var item = element("li", "md-search-result__item", [
      link(highlighted(page.url, found.found, view.highlight), title, teaser, true)]);
    if (entry.missing.length) {
      item.firstChild.querySelector(".md-search-result__article").appendChild(
        element("p", "md-search-result__terms", [view.labels.labelMissing + ": ",
          element("del", "", [quoted(view.labels, entry.missing)])]));
    }
    matches.forEach(function (sub) {
      item.appendChild(link(highlighted(sub.url, found.found, view.highlight), plain(sub.title),
        marked(sub.excerpt), false));
    });
    list.appendChild(item);
  });
}
