/*
 * The page's controls as Material's bundle ran them, without the bundle (theme.js says why):
 *
 *   - expandable navigation sections report their state (aria-expanded);
 *   - the drawer closes after an in-page link; the page is locked behind search on phones;
 *   - text cut short with an ellipsis is shown in full on hover;
 *   - keyboard: p/, and n/. for the previous and next page, Enter on a focused label, the
 *     .focus-visible class Material's CSS draws keyboard focus with;
 *   - <details> opened for printing and when the address points inside them.
 *
 * An ES module: Material's selectors and breakpoints come from material.js.
 */
import { all, drawer, editable, search, tablet } from "./material.js";

(function () {
  "use strict";

  /* ---- Navigation: expandable sections report their state ------------------------------ */

  all("input.md-nav__toggle").forEach(function (input) {
    input.addEventListener("change", function () {
      var label = document.querySelector('label[for="' + input.id + '"][id]');
      var nav = label && document.querySelector('[aria-labelledby="' + label.id + '"]');
      if (nav) nav.setAttribute("aria-expanded", String(input.checked));
    });
  });

  /* ---- Drawer and search toggles --------------------------------------------------------- */

  window.addEventListener("hashchange", function () {
    setTimeout(function () {
      if (drawer) drawer.checked = false;
      openDetails();
    }, 125);
  });

  /* On phones the search covers the page: the page behind must not scroll */
  if (search) {
    var lockTimer = 0;
    search.addEventListener("change", function () {
      var lock = search.checked && !tablet.matches;
      clearTimeout(lockTimer);
      lockTimer = setTimeout(function () {
        var body = document.body;
        if (lock) {
          body.style.top = -window.scrollY + "px";
          body.setAttribute("data-md-scrolllock", "");
        } else if (body.hasAttribute("data-md-scrolllock")) {
          var y = -parseInt(body.style.top, 10) || 0;
          body.removeAttribute("data-md-scrolllock");
          body.style.top = "";
          if (y) window.scrollTo(0, y);
        }
      }, lock ? 400 : 100);
    });
  }

  /* ---- Text cut short with an ellipsis (header title, long navigation entries) ----------- */

  /* Hovering it shows the whole text, as Material did; checked on hover, not on load */
  document.addEventListener("mouseover", function (event) {
    var el = event.target instanceof Element && event.target.closest(".md-ellipsis");
    if (el && el.offsetWidth < el.scrollWidth) (el.closest("a") || el).title = el.innerText;
  }, { passive: true });

  /* ---- Keyboard ------------------------------------------------------------------------ */

  document.documentElement.classList.add("js-focus-visible");
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el instanceof Element && el.matches(":focus-visible")) el.classList.add("focus-visible");
  });
  document.addEventListener("focusout", function (event) {
    if (event.target instanceof Element) event.target.classList.remove("focus-visible");
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (editable(event.target) || (search && search.checked)) return;
    var rel = { p: "prev", ",": "prev", n: "next", ".": "next" }[event.key];
    if (rel) {
      var link = document.querySelector("link[rel=" + rel + "]");
      if (link) window.location.href = link.href;
    } else if (event.key === "Enter" && document.activeElement instanceof HTMLLabelElement) {
      document.activeElement.click();
    }
  });

  /* ---- Details: open for printing, and around the address's target --------------------- */

  /* A link into a closed <details> (or a page address pointing there) opens it */
  function openDetails() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var closed = target && target.closest("details:not([open])");
    if (!closed) return;
    for (var el = closed; el; el = el.parentElement.closest("details:not([open])")) el.open = true;
    target.scrollIntoView();
  }

  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    closedForPrint = all("details:not([open])");
    closedForPrint.forEach(function (el) { el.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (el) { el.open = false; });
    closedForPrint = [];
  });
  openDetails();
})();
