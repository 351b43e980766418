/*
 * Light/dark toggle: Material's palette behaviour, without its cost on every page load.
 *
 * Material's palette component (bundle, components/palette) marks <body> as "switching",
 * reads the header's computed style (for <meta name="theme-color">) and unmarks <body> on
 * every load, even when the colours stay as they are: two restyles of the whole page,
 * measured as its largest single cost under Lighthouse's mobile profile (README "Lighthouse").
 * This script keeps the same markup, storage key (PALETTE_KEY in material.js, also read by Material's inline
 * script in the header) and behaviour, but touches <body> only when the colours change and
 * reads no style: the theme colour is written into the page at build time (extra.theme_color
 * in mkdocs.yml), the colour scheme of form controls comes from Material's CSS.
 * Unlike Material, a reader who never chose keeps following the system's light/dark setting.
 * Material's automatic option (media "(prefers-color-scheme)") is not handled: mkdocs.yml
 * has one light and one dark palette.
 */
import { PALETTE_KEY, store, stored } from "./material.js";

(() => {
  "use strict";
  const form = document.querySelector("form[data-palette]");
  if (!form) return;
  const inputs = Array.from(form.querySelectorAll("input.md-option"));
  const KEYS = ["media", "scheme", "primary", "accent"];
  const body = document.body;

  function colors(input) {
    return Object.fromEntries(KEYS.map((key) => [key, input.getAttribute(`data-md-color-${key}`)]));
  }

  /* The stored choice, else the palette whose media query matches (Material's rule). */
  function chosen() {
    const saved = stored(PALETTE_KEY);
    if (saved && Number.isInteger(saved.index) && inputs[saved.index]) return saved.index;
    return Math.max(0, inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches));
  }

  function apply(index) {
    const color = colors(inputs[index]);
    const changed = KEYS.filter((key) => body.getAttribute(`data-md-color-${key}`) !== color[key]);
    /* No colour transitions while colours switch (Material's palette.css rule); the media
       attribute alone styles nothing. */
    const restyle = changed.some((key) => key !== "media");
    if (restyle) body.setAttribute("data-md-color-switching", "");
    changed.forEach((key) => body.setAttribute(`data-md-color-${key}`, color[key]));
    if (restyle) setTimeout(() => body.removeAttribute("data-md-color-switching"));
    inputs.forEach((input, i) => {
      input.checked = i === index;
      const label = input.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = i !== index;
    });
  }

  inputs.forEach((input, index) => {
    input.addEventListener("change", () => {
      if (!input.checked) return;
      store(PALETTE_KEY, { index, color: colors(input) });
      apply(index);
    });
  });
  /* Enter on the focused toggle switches too, as in Material. */
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = inputs[(chosen() + 1) % inputs.length];
    next.click();
    next.focus();
  });
  /* Follow the system setting until the reader chooses. */
  new Set(inputs.map((input) => input.dataset.mdColorMedia)).forEach((media) => {
    matchMedia(media).addEventListener("change", () => {
      if (!stored(PALETTE_KEY)) apply(chosen());
    });
  });
  apply(chosen());
})();
