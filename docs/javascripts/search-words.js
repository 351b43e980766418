/*
 * Which pages have the reader's words: the layer between Pagefind and the result list
 * (docs/javascripts/search.js), so that search does not answer with noise.
 *
 * Pagefind alone matches parts of words: on Japanese pages 半導体 finds 半 in 「3 年半」, a
 * word on no page (規制, ガバメントクラウド, xyzzy) still lists pages, a one-character query
 * lists every page; and its exact search ("…") misses Japanese words that its index splits
 * differently from the query (クラウドプログラム). So a word counts as found on a page when the
 * page's text has it (after Unicode normalisation, without the spaces the sources put between
 * Japanese and Latin letters or digits), or Pagefind's exact search finds it there (which
 * knows English word forms: "centres" finds "centre"), in any spelling (centers, centres:
 * the site's English is British, its sources' titles often not). Pagefind's ranking orders
 * the pages. A query is split at spaces; a quoted phrase is one word.
 *
 * - Every word found somewhere: the pages with all of them; those that have the words
 *   together, as typed, first.
 * - Some words on no page: those words are dropped and named; the rest as above.
 * - No page with all the words: pages with some of them, most words first.
 * - A Japanese word written as one that no page has (AI人材不足) counts as its parts, when
 *   each is on a page (AI, 人材, 不足); else it is a word on no page (ガバメントクラウド).
 * - No word on any page: no result, and the closest word that is on a page (a part of the
 *   query, longest first), if any.
 * - Fewer than MIN_LENGTH characters: nothing is searched.
 */
export const MIN_LENGTH = 2;

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆";
const SPACE_BY_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, "gu");
const LATIN_START = /^[\p{Script=Latin}\p{N}]/u;
const HAS_CJK = new RegExp(`[${CJK}]`, "u");

/** Text as compared: NFKC, lower case, single spaces, none next to a Japanese character. */
export function normalize(text) {
  return (text || "").normalize("NFKC").toLowerCase().replace(/\s+/g, " ")
    .replace(SPACE_BY_CJK, "").trim();
}

/** The reader's words: split at spaces, a "quoted phrase" kept whole, each word once. */
export function words(query) {
  const found = [];
  for (const match of query.normalize("NFKC").matchAll(/"([^"]+)"|(\S+)/g)) {
    const word = (match[1] || match[2]).replace(/"/g, "").trim();
    if (word && !found.some((known) => normalize(known) === normalize(word))) found.push(word);
  }
  return found;
}

/** The word, then its British spellings (the site's English is British: centres, analyse). */
export function variants(word) {
  const forms = [word];
  if (!LATIN_START.test(word)) return forms;
  const british = word
    .replace(/(cent|fib|lit|theat)er(s?)$/i, "$1re$2")
    .replace(/([^aeiou])iz(e|es|ed|ing|ation|ations)$/i, "$1is$2")
    .replace(/yz(e|es|ed|ing)$/i, "ys$1")
    .replace(/(col|behavi|lab|fav|hon)or(s?)$/i, "$1our$2");
  if (british !== word) forms.push(british);
  return forms;
}

/** Whether normalised page text has the word: anywhere for Japanese, at a word's start else. */
export function has(text, word) {
  const needle = normalize(word);
  if (!needle) return false;
  if (!LATIN_START.test(needle)) return text.includes(needle);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !LATIN_START.test(text[at - 1])) return true;
  }
  return false;
}

let every = null; // Promise of every indexed page of this language: {id, data, text}

/** Start loading every page's text (search.js calls it when search opens, so the first query
    does not wait for it). */
export function prepare(pagefind) {
  everyPage(pagefind).catch(() => {});
}

function everyPage(pagefind) {
  if (!every) {
    every = pagefind.search(null).then((found) => Promise.all(found.results.map(
      (result) => result.data().then((data) => ({ id: result.id, data, text: normalize(data.content) })))));
    every.catch(() => { every = null; });
  }
  return every;
}

/** The pages that have `word` in any of its spellings (ids), the spellings found (forms, the
    one on most pages first: it ranks the pages), e.g. centers -> centres, centers. */
async function locate(pagefind, pages, word) {
  const ids = new Set();
  const found = [];
  for (const form of variants(word)) {
    const own = new Set(pages.filter((page) => has(page.text, form)).map((page) => page.id));
    (await pagefind.search(`"${form}"`)).results.forEach((result) => own.add(result.id));
    if (!own.size) continue;
    own.forEach((id) => ids.add(id));
    found.push({ form, count: own.size });
  }
  found.sort((a, b) => b.count - a.count);
  return { word, forms: found.map((entry) => entry.form), ids };
}

/** A word no page has, written as one (AI人材不足), counts as its parts (AI, 人材, 不足) when
    every part of two characters or more is on some page; one-character parts are left out. */
async function locateWord(pagefind, pages, word) {
  const whole = await locate(pagefind, pages, word);
  if (whole.ids.size || !HAS_CJK.test(word) || !Intl.Segmenter) return [whole];
  const parts = [...new Intl.Segmenter(document.documentElement.lang, { granularity: "word" })
    .segment(word)].filter((part) => part.isWordLike && [...part.segment].length >= MIN_LENGTH);
  if (parts.length < 2) return [whole];
  const located = [];
  for (const part of parts) located.push(await locate(pagefind, pages, part.segment));
  return located.every((entry) => entry.ids.size) ? located : [whole];
}

const SAME_SCRIPT = [/[\p{Script=Katakana}ー]/u, /[\p{Script=Latin}\p{N}]/u];

/** Whether `text` has `part` as a word of its own on the side where it was cut from the
    reader's word: a katakana or Latin part must not continue a longer katakana or Latin word
    there (スト in テスト does); kanji compounds have no such edge. */
function hasWord(text, part, cutBefore) {
  const edge = cutBefore ? part[0] : part[part.length - 1];
  const script = SAME_SCRIPT.find((pattern) => pattern.test(edge));
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) {
    const next = cutBefore ? text[at - 1] : text[at + part.length];
    if (!script || !next || !script.test(next)) return true;
  }
  return false;
}

/** The longest beginning or end of an absent word that is a word on some page, three
    characters or more (two with a kanji): ガバメントクラウド -> クラウド, 半導体産業 -> 産業. */
function suggestion(pages, absent) {
  for (const word of absent) {
    const chars = [...normalize(word)];
    for (let length = chars.length - 1; length >= MIN_LENGTH; length--) {
      const ends = [[chars.slice(0, length).join(""), false], [chars.slice(-length).join(""), true]];
      for (const [part, cutBefore] of ends) {
        if (length < 3 && !/\p{Script=Han}/u.test(part)) continue;
        if (pages.some((page) => hasWord(page.text, part, cutBefore))) return part;
      }
    }
  }
  return "";
}

/** Every way to write the words together, in the reader's order: [[data], [centres, centers]]
    -> "data centres", "data centers". */
function phrases(spellings) {
  return spellings.reduce((heads, forms) => heads.flatMap((head) => forms.map(
    (form) => (head ? `${head} ${form}` : form))), [""]);
}

/** Pagefind's score for each page, and its result data (excerpts with the matches marked). */
async function ranked(pagefind, query) {
  const found = await pagefind.search(query);
  return new Map(found.results.map((result, index) => [result.id, { result, index }]));
}

/**
 * Search `query`. Returns {state, pages, total, found, dropped, suggestion}:
 * state is "short", "none", "all" (pages with every found word) or "some" (none has all the
 * found words); pages are the first `limit` as {data, missing} (missing: the reader's words
 * that page lacks), data being Pagefind's result data; found and dropped are the reader's
 * words (found: every spelling found, e.g. "centres" and "centers" for "centers").
 */
export async function find(pagefind, query, limit) {
  const reader = words(query);
  if ([...reader.join("")].length < MIN_LENGTH) {
    return { state: "short", pages: [], total: 0, found: [], dropped: [], suggestion: "" };
  }
  const pages = await everyPage(pagefind);
  const located = [];
  for (const word of reader) located.push(...await locateWord(pagefind, pages, word));
  const present = located.filter((entry) => entry.ids.size);
  const dropped = located.filter((entry) => !entry.ids.size).map((entry) => entry.word);
  if (!present.length) {
    return { state: "none", pages: [], total: 0, found: [], dropped,
      suggestion: suggestion(pages, dropped) };
  }
  const order = await ranked(pagefind, present.map((entry) => entry.forms[0]).join(" "));
  const together = present.length > 1 ? phrases(present.map((entry) => entry.forms)) : [];
  const scored = pages.map((page) => ({
    page,
    count: present.filter((entry) => entry.ids.has(page.id)).length,
    together: together.some((phrase) => has(page.text, phrase)) ? 1 : 0,
    rank: order.has(page.id) ? order.get(page.id).index : Infinity,
  })).filter((entry) => entry.count > 0);
  const all = scored.filter((entry) => entry.count === present.length);
  const chosen = all.length ? all : scored;
  chosen.sort((a, b) => b.count - a.count || b.together - a.together || a.rank - b.rank);
  const shown = await Promise.all(chosen.slice(0, limit).map(async (entry) => {
    const hit = order.get(entry.page.id);
    const data = hit ? await hit.result.data() : entry.page.data;
    const missing = present.filter((word) => !word.ids.has(entry.page.id)).map((word) => word.word);
    return { data, missing };
  }));
  return { state: all.length ? "all" : "some", pages: shown, total: chosen.length,
    found: present.flatMap((entry) => entry.forms), dropped, suggestion: "" };
}
