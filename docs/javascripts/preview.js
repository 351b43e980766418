/* Link previews: hovering or focusing a link to another page of this site shows that page's
   heading and description, fetched once from the same origin (no other host is ever asked). */
(() => {
  "use strict";
  const cache = new Map();
  const SKIP = ".footnote-ref, .footnote-backref, .headerlink, .md-content__button, [download]";
  let tip = null;
  let owner = null;

  function target(node) {
    const link = node instanceof Element ? node.closest(".md-content a[href]") : null;
    if (!link || link.matches(SKIP) || link.origin !== location.origin) return null;
    if (link.pathname === location.pathname || !/(\/|\.html)$/.test(link.pathname)) return null;
    return link;
  }

  function describe(url) {
    if (!cache.has(url)) {
      cache.set(url, fetch(url, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          const heading = doc.querySelector("article h1");
          if (heading) heading.querySelectorAll(".headerlink").forEach((a) => a.remove());
          const meta = doc.querySelector('meta[name="description"]');
          return { title: heading ? heading.textContent.trim() : "",
                   text: meta ? meta.getAttribute("content") : "" };
        })
        .catch(() => ({ title: "", text: "" })));
    }
    return cache.get(url);
  }

  function hide() {
    if (owner) owner.removeAttribute("aria-describedby");
    if (tip) tip.hidden = true;
    owner = null;
  }

  async function show(link) {
    owner = link;
    const url = link.href.split("#")[0];
    const { title, text } = await describe(url);
    if (owner !== link || !(title || text)) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "link-preview";
      tip.className = "link-preview md-typeset";
      tip.setAttribute("role", "tooltip");
      document.body.append(tip);
    }
    tip.replaceChildren();
    const strong = document.createElement("strong");
    strong.textContent = title;
    const para = document.createElement("p");
    para.textContent = text;
    tip.append(strong, para);
    tip.hidden = false;
    const box = link.getBoundingClientRect();
    const width = Math.min(352, document.documentElement.clientWidth - 16);
    tip.style.width = `${width}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8)) + scrollX}px`;
    tip.style.top = `${box.bottom + scrollY + 6}px`;
    link.setAttribute("aria-describedby", tip.id);
  }

  document.addEventListener("mouseover", (event) => {
    const link = target(event.target);
    if (link && link !== owner) show(link);
  });
  document.addEventListener("mouseout", (event) => {
    if (owner && !owner.contains(event.relatedTarget)) hide();
  });
  document.addEventListener("focusin", (event) => {
    const link = target(event.target);
    if (link) show(link); else hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
})();
