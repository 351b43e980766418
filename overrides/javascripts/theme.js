/*
 * The behaviour of Material's theme that this site uses, without Material's JavaScript bundle:
 * what follows the reader's scrolling. Its two siblings do the rest: controls.js (navigation
 * sections, drawer and search toggles, ellipsis titles, keyboard, <details>) and
 * footnote-tooltips.js (content.footnote.tooltips).
 *
 * Material's bundle (114 KB of RxJS components) mounted everything in one task when the page
 * loaded: 60–100 ms on this machine, 200–350 ms of blocking time on Lighthouse's mobile CPU,
 * which kept pages at 93–97 (README, "Lighthouse"). These files do what our configuration uses,
 * on Material's own markup and CSS classes, and read the features from mkdocs.yml (#__config).
 * This one:
 *
 *   - table of contents: the section in view marked, and kept in view (toc.follow);
 *   - back-to-top button (navigation.top), header shadow and title swap;
 *   - sidebars sized to the window on wide screens, the current page scrolled into view.
 *
 * An ES module: Material's selectors, breakpoints and the shared helpers come from material.js.
 * Layout is read once per frame, from values measured when the page's size changes, so
 * scrolling reads nothing. The `js` class is set in the head (overrides/main.html) and tables
 * get their scroll wrappers at build time (overrides/material_build.py). Not covered, as this
 * site does not use them: content tabs, code copy and annotations, instant navigation,
 * Material's search (search.js uses Pagefind) and its palette (palette.js).
 */
import { all, component, components, feature, screen, tablet } from "./material.js";

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
})();
