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
  var engine = null;
  var generation = 0;

  /* Load pagefind.js once; result URLs are made relative to the site root (the bundle's parent),
     so they work wherever the site is mounted, `mkdocs serve` included. */
  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        return pagefind
          .options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24, ranking: RANKING })
          .then(function () {
            pagefind.init();
            return pagefind;
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

  /* data-query names the query whose results are shown (for tests and assistive scripts). */
  function render(query, pages, total) {
    list.replaceChildren();
    list.dataset.query = query;
    status.textContent = total === 0 ? labels.labelNone
      : total === 1 ? labels.labelOne
        : labels.labelOther.replace("#", String(total));
    pages.forEach(function (page) {
      var title = plain(page.meta && page.meta.title) || page.url;
      var matches = sections(page, title);
      var description = page.meta && page.meta.description;
      var teaser = matches.length && description ? document.createTextNode(plain(description))
        : marked(page.excerpt);
      var item = element("li", "md-search-result__item", [link(page.url, title, teaser, true)]);
      matches.forEach(function (sub) {
        item.appendChild(link(sub.url, plain(sub.title), marked(sub.excerpt), false));
      });
      list.appendChild(item);
    });
  }

  function search() {
    var query = input.value.trim();
    var current = ++generation;
    if (!query) {
      list.replaceChildren();
      list.dataset.query = "";
      status.textContent = labels.labelPlaceholder;
      return;
    }
    load()
      .then(function (pagefind) {
        return pagefind.debouncedSearch(query, {}, 150);
      })
      .then(function (found) {
        if (!found || current !== generation) return null;
        var top = found.results.slice(0, MAX_PAGES);
        return Promise.all(top.map(function (result) { return result.data(); }))
          .then(function (pages) {
            if (current === generation) render(query, pages, found.results.length);
          });
      })
      .catch(function () {
        if (current !== generation) return;
        list.replaceChildren();
        list.dataset.query = query;
        status.textContent = labels.labelError;
      });
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
})();
