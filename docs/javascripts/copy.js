/*
 * Copy buttons on what a reader copies: every code block (the contributing page's BibTeX
 * template, the references page's BibTeX), and the how-to-cite block of each brief (each
 * citation and its BibTeX). A button has an accessible name; after a copy, "copied" shows next
 * to it in the page's language and is announced (a live region). The words are Material's
 * translations of the page's language (clipboard.copy, clipboard.copied in #__config).
 */
import { config } from "./material.js";

const words = config.translations || {};
const COPY = words["clipboard.copy"] || "Copy to clipboard";
const COPIED = words["clipboard.copied"] || "Copied to clipboard";
const SHOWN_FOR = 2000; // ms the "copied" state stays visible
/** The text to copy: the block's text as shown, without the copy controls themselves. */
function textOf(target) {
  const clone = target.cloneNode(true);
  clone.querySelectorAll(".copy").forEach((node) => node.remove());
  return clone.textContent.replace(/\n$/, "");
}

async function write(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission (an insecure origin, an old browser): select and copy.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    if (!done) throw new Error("copy refused");
  }
}

function mount(target, host) {
  const controls = document.createElement("span");
  controls.className = "copy";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy__button md-clipboard"; // Material's copy icon and colours
  button.title = COPY;
  button.setAttribute("aria-label", COPY);
  const status = document.createElement("span");
  status.className = "copy__status";
  status.setAttribute("role", "status");
  controls.append(button, status);
  let timer = 0;
  button.addEventListener("click", async () => {
    await write(textOf(target));
    status.textContent = COPIED;
    controls.classList.add("copy--done");
    clearTimeout(timer);
    timer = setTimeout(() => {
      status.textContent = "";
      controls.classList.remove("copy--done");
    }, SHOWN_FOR);
  });
  host.classList.add("copy-host");
  host.appendChild(controls);
}

const article = document.querySelector("article.md-content__inner");
if (article) {
  for (const code of article.querySelectorAll("pre > code")) mount(code, code.parentElement);
  for (const cite of article.querySelectorAll(".cite-brief .cite-text")) mount(cite, cite);
}
