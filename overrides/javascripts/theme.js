/*
 * The behaviour of Material's theme that this site uses, without Material's JavaScript bundle.
 *
 * Material's bundle (114 KB of RxJS components) mounted everything in one task when the page
 * loaded: 60–100 ms on this machine, 200–350 ms of blocking time on Lighthouse's mobile CPU,
 * which kept pages at 93–97 (README, "Lighthouse"). This file does what our configuration uses, on
 * Material's own markup and CSS classes, and reads the features from mkdocs.yml (#__config):
 *
 *   - footnote tooltips (content.footnote.tooltips), Material's .md-tooltip2 dialog;
 *   - table of contents: the section in view marked, and kept in view (toc.follow);
 *   - back-to-top button (navigation.top), header shadow and title swap;
 *   - sidebars sized to the window on wide screens, the current page scrolled into view;
 *   - drawer closed after an in-page link, page locked behind search on phones;
 *   - text cut short with an ellipsis shown in full on hover;
 *   - keyboard: p/, and n/. for the previous and next page, Enter on a focused label, the
 *     .focus-visible class Material's CSS draws keyboard focus with;
 *   - <details> opened for printing and when the address points inside them.
 *
 * An ES module: Material's selectors, breakpoints and the shared helpers come from material.js.
 * Layout is read once per frame, from values measured when the page's size changes, so
 * scrolling reads nothing. The `js` class is set in the head (overrides/main.html) and tables
 * get their scroll wrappers at build time (overrides/material_build.py). Not covered, as this
 * site does not use them: content tabs, code copy and annotations, instant navigation,
 * Material's search (search.js uses Pagefind) and its palette (palette.js).
 */
import {
  all, component, components, drawer, editable, feature, screen, search, tablet
} from "./material.js";

(function () {
  "use strict";

  var header = component("header");
  var main = component("main");
  var title = component("header-title");
  var heading = document.querySelector(".md-content h1");
  var topButton = feature("navigation.top") ? component("top") : null;

  function pageTop(el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  /* ---- Table of contents: each anchor with the heading it points to -------------------- */

  var tocs = components("toc").map(function (toc) {
    var links = all(".md-nav__link", toc).filter(function (link) {
      return link.hash && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    return { links: links, active: null, passed: 0 };
  });

  /* ---- Sidebars: primary on wide screens, table of contents from tablets up ------------ */

  var sidebars = components("sidebar").map(function (el) {
    return {
      el: el,
      inner: el.querySelector(".md-sidebar__scrollwrap"),
      media: el.getAttribute("data-md-type") === "navigation" ? screen : tablet,
      mounted: false,
      centred: false
    };
  });

  /* ---- Measure: what scrolling needs, read when the page's size changes ---------------- */

  var geometry = null;

  function measure() {
    var grid = main.firstElementChild;
    var headerHeight = header.offsetHeight;
    var mainTop = pageTop(main);
    geometry = {
      header: headerHeight,
      viewport: window.innerHeight,
      body: document.body.offsetHeight,
      mainTop: mainTop,
      mainBottom: mainTop + main.offsetHeight,
      // Material's margin between the main area and its grid
      gridAdjust: grid.offsetTop - main.offsetTop,
      heading: heading ? { top: pageTop(heading), height: heading.offsetHeight } : null,
      sections: tocs.map(function (toc) {
        return toc.links.map(function (link) {
          var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
          while (!target.offsetHeight && target.parentElement) target = target.parentElement;
          return pageTop(target);
        });
      }),
      insets: sidebars.map(function (sidebar) {
        return sidebar.inner ? sidebar.inner.offsetTop : 0;
      })
    };
    var overflowing = all(".md-typeset pre > code").map(function (code) {
      return [code, code.scrollWidth > code.clientWidth];
    });
    // Writes after all reads: one layout per measurement
    overflowing.forEach(function (pair) {
      // Keyboard users can scroll a code block that overflows (Material did the same)
      if (pair[1]) pair[0].setAttribute("tabindex", "0");
      else pair[0].removeAttribute("tabindex");
    });
    if (topButton) topButton.style.top = headerHeight + 16 + "px";
  }

  /* ---- Update: classes and sizes for the current scroll position ----------------------- */

  var lastY = window.scrollY;
  var hidden = true;
  var first = true;

  function update() {
    var g = geometry;
    var y = Math.max(0, window.scrollY);
    var mainActive = g.mainTop - g.header <= y;
    header.classList.toggle("md-header--shadow", mainActive);
    if (title && g.heading) {
      title.classList.toggle("md-header__title--active",
        g.heading.height > 0 && y - g.heading.top + g.header >= g.heading.height);
    }
    if (topButton) {
      var show = mainActive && lastY > y && y > 0;
      if (first || show === hidden) {
        hidden = !show;
        topButton.hidden = hidden;
        if (hidden) {
          topButton.setAttribute("tabindex", "-1");
          topButton.blur();
        } else {
          topButton.removeAttribute("tabindex");
        }
      }
    }
    lastY = y;
    var atBottom = y + g.viewport >= Math.floor(g.body);
    var adjust = g.header + 0.8 * g.gridAdjust;
    sizeSidebars(y);  // before following: the sidebars shrink as the footer comes into view
    tocs.forEach(function (toc, index) {
      markSections(toc, g.sections[index], y, adjust, atBottom);
    });
    first = false;
  }

  function markSections(toc, offsets, y, adjust, atBottom) {
    var passed = 0;
    offsets.forEach(function (offset) {
      if (atBottom || offset - adjust < y) passed += 1;
    });
    if (passed === toc.passed && !first) return;
    toc.links.forEach(function (link, index) {
      link.classList.toggle("md-nav__link--passed", index < passed);
      link.classList.toggle("md-nav__link--active", index === passed - 1);
    });
    toc.passed = passed;
    var active = passed ? toc.links[passed - 1] : null;
    if (active && active !== toc.active && feature("toc.follow")) {
      follow(active, first ? "auto" : "smooth");
    }
    toc.active = active;
  }

  /* Scroll the sidebar so that the link is in its middle (the link is hidden on small screens) */
  function follow(link, behavior) {
    var container = link.closest(".md-sidebar__scrollwrap");
    if (!container || !link.offsetHeight) return;
    var offset = link.getBoundingClientRect().top - container.getBoundingClientRect().top;
    container.scrollTo({ top: container.scrollTop + offset - container.clientHeight / 2,
                         behavior: behavior });
  }

  function sizeSidebars(y) {
    var g = geometry;
    // The main area's visible height: below the header, above the footer
    var visible = Math.max(0, g.viewport - Math.max(0, g.mainTop - y, g.header) -
                              Math.max(0, g.viewport + y - g.mainBottom));
    var offset = g.mainTop - g.header;
    sidebars.forEach(function (sidebar, index) {
      if (!sidebar.inner) return;
      if (!sidebar.media.matches) {
        if (sidebar.mounted) {
          sidebar.inner.style.height = "";
          sidebar.el.style.top = "";
          sidebar.mounted = false;
        }
        return;
      }
      var height = visible + Math.min(g.gridAdjust, Math.max(0, y - offset)) - g.gridAdjust;
      sidebar.inner.style.height = height - 2 * g.insets[index] + "px";
      sidebar.el.style.top = g.header + "px";
      sidebar.mounted = true;
      if (!sidebar.centred) {
        sidebar.centred = true;
        all(".md-nav__link--active[href]", sidebar.el).forEach(function (link) {
          if (link.clientHeight) follow(link, "auto");
        });
      }
    });
  }

  var frame = 0;
  var stale = true;

  function schedule(remeasure) {
    stale = stale || remeasure;
    if (frame) return;
    frame = requestAnimationFrame(function () {
      frame = 0;
      if (stale) measure();
      stale = false;
      update();
    });
  }

  window.addEventListener("scroll", function () { schedule(false); }, { passive: true });
  window.addEventListener("resize", function () { schedule(true); }, { passive: true });
  if (window.ResizeObserver) {  // browsers before 2020: measured on window resize only
    new ResizeObserver(function () { schedule(true); }).observe(document.body);
  }
  schedule(true);

  if (topButton) {
    topButton.addEventListener("click", function (event) {
      event.preventDefault();
      window.scrollTo({ top: 0 });
    });
  }

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

  /* ---- Footnote tooltips ---------------------------------------------------------------- */

  if (feature("content.footnote.tooltips")) {
    all(".md-content .footnote-ref").forEach(function (ref, index) {
      footnoteTooltip(ref, "__tooltip2_" + index);
    });
  }

  /* Material's tooltip2 as a dialog: shown while the marker is focused or hovered (or the
     tooltip itself is), kept 250 ms after the pointer leaves, removed when hidden. */
  function footnoteTooltip(ref, id) {
    var node = null;
    var state = { focus: false, hover: false, tip: false };
    var timer = 0;
    var shown = false;

    function render() {
      var note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
      if (!note) return null;
      var tip = document.createElement("div");
      tip.className = "md-tooltip2";
      tip.setAttribute("role", "dialog");
      tip.id = id;
      var inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      Array.prototype.forEach.call(note.cloneNode(true).children, function (child) {
        inner.appendChild(child);
      });
      tip.appendChild(inner);
      tip.addEventListener("mouseenter", function () { set("tip", true); });
      tip.addEventListener("mouseleave", function () { set("tip", false); });
      return tip;
    }

    function place() {
      var host = ref.getBoundingClientRect();
      var below = host.top < window.innerHeight / 2;
      var y = below ? 16 + host.height : -16 - node.offsetHeight;
      node.style.setProperty("--md-tooltip-host-x", host.left + window.scrollX + "px");
      node.style.setProperty("--md-tooltip-host-y", host.top + window.scrollY + "px");
      node.style.setProperty("--md-tooltip-x", host.width / 2 + "px");
      node.style.setProperty("--md-tooltip-y", y + "px");
      node.classList.toggle("md-tooltip2--top", !below);
      node.classList.toggle("md-tooltip2--bottom", below);
    }

    function replace() {
      if (node) requestAnimationFrame(function () { if (node) place(); });
    }

    function show() {
      if (!node) {
        node = render();
        if (!node) return;
        document.body.appendChild(node);
        document.addEventListener("scroll", replace, { capture: true, passive: true });
      }
      place();
      shown = true;
      ref.setAttribute("aria-controls", id);
      ref.setAttribute("aria-haspopup", "dialog");
      var tip = node;
      // Next frame: the tooltip must be in the page before it fades in
      requestAnimationFrame(function () {
        if (shown && tip === node) tip.classList.add("md-tooltip2--active");
      });
    }

    function hide() {
      if (!node) return;
      node.remove();
      node = null;
      document.removeEventListener("scroll", replace, { capture: true });
      ref.removeAttribute("aria-controls");
      ref.removeAttribute("aria-haspopup");
    }

    /* A pointer leaving the marker or the tooltip counts after 250 ms (time to move between
       them); the tooltip fades out, then leaves the page 250 ms later. */
    function set(key, value) {
      state[key] = value;
      clearTimeout(timer);
      if (value) evaluate();
      else timer = setTimeout(evaluate, key === "focus" ? 0 : 250);
    }

    function evaluate() {
      if (state.focus || state.hover || state.tip) {
        if (!shown) show();
      } else if (shown) {
        shown = false;
        node.classList.remove("md-tooltip2--active");
        timer = setTimeout(hide, 250);
      }
    }

    /* Escape closes the tooltip while the marker keeps focus; it opens again on the next
       focus or hover. */
    ref.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !shown) return;
      state.focus = state.hover = state.tip = false;
      clearTimeout(timer);
      evaluate();
    });
    ref.addEventListener("focus", function () { set("focus", true); });
    ref.addEventListener("blur", function () { set("focus", false); });
    ref.addEventListener("mouseenter", function () { set("hover", true); });
    ref.addEventListener("mouseleave", function () { set("hover", false); });
  }
})();
