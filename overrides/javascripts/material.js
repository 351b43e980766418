/*
 * Material for MkDocs' page contract, in one place: the markup hooks, breakpoints and storage
 * its bundle relied on, which the scripts standing in for that bundle (theme.js, palette.js)
 * and the site's own scripts (search.js) share. When Material changes any of these, this file
 * and overrides/README.md are where to look.
 */

/* The page's Material configuration (features from mkdocs.yml), written by Material's base.html */
export const config = JSON.parse(document.getElementById("__config").textContent);

export function feature(name) {
  return (config.features || []).indexOf(name) !== -1;
}

/* Elements Material marks with data-md-component="NAME" */
export function component(name) {
  return document.querySelector("[data-md-component=" + name + "]");
}

export function components(name) {
  return all("[data-md-component=" + name + "]");
}

export function all(selector, node) {
  return Array.prototype.slice.call((node || document).querySelectorAll(selector));
}

/* Material's breakpoints (its SCSS: tablet landscape 60em, screen 76.25em) */
export const tablet = matchMedia("(min-width: 60em)");
export const screen = matchMedia("(min-width: 76.25em)");

/* The checkboxes that open the navigation drawer and the search overlay */
export const drawer = document.getElementById("__drawer");
export const search = document.getElementById("__search");

/* Where typing goes into a field: keyboard shortcuts stay out of the way */
export function editable(el) {
  return el instanceof HTMLElement &&
    (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/* Material's storage, scoped to the site (its inline script in the head defines both) */
export const PALETTE_KEY = "__palette";
export function stored(key) {
  return __md_get(key);
}
export function store(key, value) {
  __md_set(key, value);
}
