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

  /* What search-results.js draws into; a suggested word is searched for as if typed. */
  var view = {
    list: list, status: status, labels: labels, highlight: HIGHLIGHT,
    retry: function (word) {
      input.value = word;
      input.focus();
      search();
    },
  };

  /* Load pagefind.js once, with search-words.js (which pages have the reader's words) and
     search-results.js (which draws them); result URLs are made relative to the site root (the
     bundle's parent), so they work wherever the site is mounted, `mkdocs serve` included. */
  function load() {
    if (!engine) {
      var root = new URL("..", bundle);
      engine = Promise.all([
        import(new URL("pagefind.js", bundle).href),
        import(new URL("javascripts/search-words.js", root).href),
        import(new URL("javascripts/search-results.js", root).href),
      ]).then(function (modules) {
        var pagefind = modules[0];
        return pagefind
          .options({ baseUrl: root.pathname, excerptLength: 24, ranking: RANKING })
          .then(function () {
            pagefind.init();
            modules[1].prepare(pagefind);
            return { pagefind: pagefind, words: modules[1], results: modules[2] };
          });
      });
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
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
            if (current === generation) engines.results.render(view, query, found);
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
