/*
 * Header search with Pagefind (replaces Material's search plugin).
 *
 * The Pagefind bundle (site/pagefind/, written by hooks/pagefind_index.py) is loaded from the
 * site itself, on first use only. Pagefind picks the index of the page's <html lang>, so
 * Japanese pages search Japanese pages and English pages English ones. Each result shows the
 * page (title and front-matter description) and its best-matching sections, linked to their
 * anchors, with the matched words marked. Keyboard: "/", "s" or "f" opens search (as in
 * Material), arrow keys move through the results, Enter opens the first, Escape closes.
 */
/* An ES module; material.js (overrides/javascripts/, served beside this file) is Material's
   page contract shared with the scripts that stand in for its bundle. */
import { editable } from "./material.js";

(function () {
  "use strict";

  var box = document.querySelector("[data-pagefind-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;

  var input = box.querySelector("input[name=query]");
  var form = box.querySelector("form");
  var status = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var labels = box.dataset;
  var bundle = new URL(labels.bundle, document.baseURI);
  var MAX_PAGES = 10;
  var MAX_SECTIONS = 3;
  /* Measured on this site's pages (see README "Search"): all briefs are one-topic pages, so a
     longer brief is deeper rather than diluted (milder length penalty); Japanese queries split
     into short words, whose prefix matches (用 -> 用語集) are mostly noise (stronger preference
     for whole-word matches); descriptions also name neighbouring topics, so they find a page
     but do not lift it. */
  var RANKING = { pageLength: 0.4, termSimilarity: 3, metaWeights: { title: 5, description: 0 } };
  var DEBOUNCE = 150; // ms between the last keystroke and the search
  var HIGHLIGHT = "highlight"; // the address parameter naming the words to highlight
  var engine = null;
  var generation = 0;

  /* Load pagefind.js once, with search-words.js (which pages have the reader's words); result
     URLs are made relative to the site root (the bundle's parent), so they work wherever the
     site is mounted, `mkdocs serve` included. */
  function load() {
    if (!engine) {
      var root = new URL("..", bundle);
      engine = Promise.all([
        import(new URL("pagefind.js", bundle).href),
        import(new URL("javascripts/search-words.js", root).href),
      ]).then(function (modules) {
        var pagefind = modules[0];
        return pagefind
          .options({ baseUrl: root.pathname, excerptLength: 24, ranking: RANKING })
          .then(function () {
            pagefind.init();
            modules[1].prepare(pagefind);
            return { pagefind: pagefind, words: modules[1] };
          });
      });
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
  }

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
  function quoted(list) {
    return list.map(function (word) { return labels.wordsQuote.replace("#", word); })
      .join(labels.wordsSeparator);
  }

  /* A result's address, with the words to highlight on the page it opens (search-highlight.js). */
  function highlighted(url, terms) {
    var address = new URL(url, location.href);
    address.search = "";
    terms.forEach(function (term) { address.searchParams.append(HIGHLIGHT, term); });
    return address.pathname + address.search + address.hash;
  }

  /* What search says above the results: the count, the words left out, a suggestion. */
  function say(query, found) {
    status.replaceChildren();
    var lines = [];
    if (found.state === "short") {
      lines.push(labels.wordsShort.replace("#", String(found.minimum)));
    } else if (found.state === "none") {
      lines.push(labels.wordsNone.replace("#", quoted(found.dropped)));
    } else {
      lines.push(found.total === 1 ? labels.labelOne
        : labels.labelOther.replace("#", String(found.total)));
      if (found.dropped.length) lines.push(labels.wordsDropped.replace("#", quoted(found.dropped)));
      if (found.state === "some") lines.push(labels.wordsSome);
    }
    lines.forEach(function (line, index) {
      status.appendChild(element("span", "search-status__line" + (index ? " search-status__note" : ""),
        [line]));
    });
    if (found.suggestion) {
      var retry = element("button", "search-status__suggestion",
        [labels.wordsSuggest.replace("#", quoted([found.suggestion]))]);
      retry.type = "button";
      retry.addEventListener("click", function () {
        input.value = found.suggestion;
        input.focus();
        search();
      });
      status.appendChild(retry);
    }
  }

  /* data-query names the query whose results are shown (for tests and assistive scripts). */
  function render(query, found) {
    list.replaceChildren();
    list.dataset.query = query;
    list.dataset.state = found.state;
    say(query, found);
    found.pages.forEach(function (entry) {
      var page = entry.data;
      var title = plain(page.meta && page.meta.title) || page.url;
      var matches = sections(page, title);
      var description = page.meta && page.meta.description;
      var teaser = matches.length && description ? document.createTextNode(plain(description))
        : marked(page.excerpt);
      var item = element("li", "md-search-result__item", [
        link(highlighted(page.url, found.found), title, teaser, true)]);
      if (entry.missing.length) {
        item.firstChild.querySelector(".md-search-result__article").appendChild(
          element("p", "md-search-result__terms", [labels.labelMissing + ": ",
            element("del", "", [quoted(entry.missing)])]));
      }
      matches.forEach(function (sub) {
        item.appendChild(link(highlighted(sub.url, found.found), plain(sub.title),
          marked(sub.excerpt), false));
      });
      list.appendChild(item);
    });
  }

  /* Typing waits a moment before searching, so each keystroke does not start a search. */
  var pending = 0;

  function search() {
    var query = input.value.trim();
    var current = ++generation;
    clearTimeout(pending);
    if (!query) {
      list.replaceChildren();
      list.dataset.query = "";
      list.dataset.state = "";
      status.textContent = labels.labelPlaceholder;
      return;
    }
    pending = setTimeout(function () {
      load()
        .then(function (engines) {
          if (current !== generation) return null;
          return engines.words.find(engines.pagefind, query, MAX_PAGES).then(function (found) {
            found.minimum = engines.words.MIN_LENGTH;
            if (current === generation) render(query, found);
          });
        })
        .catch(function () {
          if (current !== generation) return;
          list.replaceChildren();
          list.dataset.query = query;
          list.dataset.state = "error";
          status.textContent = labels.labelError;
        });
    }, DEBOUNCE);
  }

  function open() {
    toggle.checked = true;
    load();
    input.focus();
    input.select();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function results() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  input.addEventListener("input", search);
  /* Focus moving on out of the search (Tab, Shift+Tab, a click on a link outside) closes it,
     as Material does, rather than leaving the page dimmed behind it. */
  box.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next instanceof Node && !box.contains(next)) toggle.checked = false;
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) open();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      search();
      input.focus();
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = results()[0];
    if (first) first.click();
  });
  /* A result on the current page only scrolls, so close the search to show it. */
  list.addEventListener("click", function (event) {
    var anchor = event.target.closest && event.target.closest("a");
    if (anchor && anchor.pathname === location.pathname) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") &&
          !editable(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (!box.contains(document.activeElement) && document.activeElement !== document.body) {
      return;
    }
    var links = results();
    var index = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!links.length) return;
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = index + step;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    }
  });

  if (input.value) search();

  /* Opened from a result: highlight the words searched for (search-highlight.js). */
  if (new URLSearchParams(location.search).has(HIGHLIGHT)) {
    import(new URL("javascripts/search-highlight.js", new URL("..", bundle)).href)
      .then(function (module) { return module.highlight(bundle, HIGHLIGHT); })
      .catch(function () { /* the page reads the same without highlights */ });
  }
})();
