/*
 * Footnote tooltips (content.footnote.tooltips) as Material's bundle drew them, without the
 * bundle (theme.js says why): Material's .md-tooltip2 dialog, on its own markup and CSS.
 *
 * An ES module: Material's selectors and features come from material.js.
 */
import { all, feature } from "./material.js";

(function () {
  "use strict";

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
