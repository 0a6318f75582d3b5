// The search page: runs the query in ?q= (and the filters in ?category= and ?year=) with
// Pagefind's JS API, checks every candidate against the exact Thai query (search-match.js),
// and lists the results as links with title, B.E. date, category and a highlighted excerpt.
// Pagefind (pagefind.js and its wasm) and the site's word list are loaded only when a search is
// about to run. News comes before static pages; a query that finds nothing offers the nearest
// words of the site ("คุณหมายถึง …?") when they find something.
//
// startSearch() and nextResults() are the whole search, without the page around it: the browser
// tests call them (import this module) for every word of the sample site.

import {
  browserSegmenter,
  excerpt,
  highlight,
  languageRuns,
  normalize,
  parseQuery,
  parseVocabulary,
  planQuery,
  suggestions,
  THAI_LETTER,
  unmark,
  verify,
} from "./search-match.js";

const PAGE_SIZE = 10; // results shown per step
const BATCH = 10; // candidates checked at once (one small fragment file each)
const BROAD_MISSES = 5 * BATCH; // misses in a row allowed when part of the query was left out
const WORDS_FILE = "words.txt"; // the site's words, beside the index (thai_search/terms.py)
// Suggestions checked, in turn, for a search that found nothing (each is one search): the first
// that finds a page is offered.
const OFFERS_TRIED = 3;
// A range of numbers (วันที่ 23-24 กรกฎาคม, 08.30-16.30 น.): its run goes into a span too, or the
// browser may end a line after the hyphen, as the page never does.
const NUMBER_RANGE = /[0-9\u0E50-\u0E59][-\u2013][0-9\u0E50-\u0E59]/;

const root = document.getElementById("search");
const form = root?.querySelector("form");
const input = form?.elements.namedItem("q");
const category = form?.elements.namedItem("category");
const year = form?.elements.namedItem("year");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const baseTitle = document.title;
const siteName = root?.dataset.siteName ?? "";

let enginePromise = null;
let current = null; // the search being shown (from startSearch)
let token = 0;

/** Pagefind, set up as this page uses it, and the site's words: {pagefind, vocabulary, segment}. */
export function loadEngine() {
  if (!enginePromise) {
    const bundle = root.dataset.bundle;
    const pagefind = import(`${bundle}pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ exactDiacritics: true, baseUrl: root.dataset.baseUrl, excerptLength: 0 });
      await pagefind.init();
      return pagefind;
    });
    // Without the word list the search still works, with longer candidate lists and no suggestions.
    const words = fetch(`${bundle}${WORDS_FILE}`)
      .then((response) => (response.ok ? response.text() : ""))
      .catch(() => "")
      .then(parseVocabulary);
    enginePromise = Promise.all([pagefind, words]).then(([pagefind, vocabulary]) => ({
      pagefind,
      vocabulary,
      segment: browserSegmenter(document.documentElement.lang || "th"),
    }));
    enginePromise.catch(() => {
      enginePromise = null;
    });
  }
  return enginePromise;
}

// The categories of the site (the options of the category filter): a page with one is news.
function newsCategories() {
  return category ? [...category.options].map((option) => option.value).filter(Boolean) : [];
}

/**
 * Ask Pagefind for the candidates of `text` with `filters` ({category, year}): news first, then
 * static pages, each in Pagefind's order. Returns the search state nextResults() goes through.
 */
export async function startSearch(text, filters = {}) {
  const { pagefind, vocabulary, segment } = await loadEngine();
  const query = parseQuery(text);
  const plan = query.terms.length ? planQuery(query.text, vocabulary, segment) : null;
  const asked = plan ? plan.text || query.text : null;
  const categories = newsCategories();
  const ask = (extra, sort) => pagefind.search(asked, { filters: { ...filters, ...extra }, ...(sort ? { sort } : {}) });
  let searches;
  if (asked === null) {
    searches = [ask({}, { date: "desc" })];
  } else if (filters.category || filters.year || !categories.length) {
    searches = [ask({})]; // only news has a category and a year
  } else {
    searches = [ask({ category: { any: categories } }), ask({ not: { category: { any: categories } } })];
  }
  const tiers = (await Promise.all(searches)).map((found) => ({ candidates: found?.results ?? [], next: 0 }));
  return {
    query,
    filters,
    asked,
    complete: !plan || plan.complete,
    // Every piece asked for is a word of the site: some page holds it, maybe only among its extra
    // words, which Pagefind weighs low (นัน of ดร.สุนันทา came 12th, after pages that hold นั้น).
    known: Boolean(plan?.text) && plan.text.split(" ").every((piece) => vocabulary.rank.has(piece)),
    vocabulary,
    filtered: Object.keys(filters).length > 0,
    tiers,
    total: tiers.reduce((sum, tier) => sum + tier.candidates.length, 0),
    found: 0,
    lookalikes: false,
    done: tiers.every((tier) => !tier.candidates.length),
  };
}

/**
 * Check candidates in order (news, then static pages) until `limit` results are found. Pagefind
 * ranks pages with the query's exact spelling above pages that only match once marks are folded
 * away, so a whole batch of misses means the rest of that list are look-alikes (ขาว for ข่าว):
 * it is left for later (search.lookalikes) unless `everything`, instead of fetching hundreds of
 * pages. When part of the query could not be asked for (search.complete is false), Pagefind's
 * order says less, and five batches of misses are allowed; so until a first page is found when
 * every piece asked for is a word of the site (search.known): some page holds it, and one that
 * holds it only among its extra words may come after a batch of look-alikes. Returns [{page, check}].
 */
export async function nextResults(search, { everything = false, limit = PAGE_SIZE } = {}) {
  const results = [];
  for (const tier of search.tiers) {
    if (everything) tier.paused = false;
    let misses = 0;
    while (!tier.paused && results.length < limit && tier.next < tier.candidates.length) {
      const broad = !search.complete || (search.known && !search.found);
      if (!everything && misses >= (broad ? BROAD_MISSES : BATCH)) {
        tier.paused = true;
        break;
      }
      const batch = tier.candidates.slice(tier.next, tier.next + (everything ? BATCH * 5 : BATCH));
      const pages = await Promise.all(batch.map((result) => result.data()));
      tier.next += batch.length;
      for (const page of pages) {
        page.content = unmark(page.content);
        if (page.meta?.title) page.meta.title = unmark(page.meta.title);
        const check = verify(page, search.query.terms);
        if (!check.ok) {
          misses++;
          continue;
        }
        misses = 0;
        results.push({ page, check });
        search.found++;
      }
    }
    if (results.length >= limit) break;
  }
  const left = search.tiers.filter((tier) => tier.next < tier.candidates.length);
  search.unchecked = left.reduce((sum, tier) => sum + tier.candidates.length - tier.next, 0);
  search.lookalikes = left.length > 0 && left.every((tier) => tier.paused);
  search.done = left.length === 0;
  return results;
}

/**
 * What the page offers ("คุณหมายถึง …?") for a search that found nothing: of the nearest queries
 * made of the site's words (suggestions()), the first that finds a page itself, with the same
 * filters. A query can be near words of the site and still find nothing (ณัฐชุดา: its piece ณัฐ
 * is one edit from รัฐ, but no page holds รัฐชุดา; กระทุ่มแบร is one edit from กระทุ่มแบบ, on no
 * page, and from กระทุ่มแบน, on one). Null otherwise.
 */
export async function offerFor(search) {
  const offers = search.query.text ? suggestions(search.query.text, search.vocabulary, OFFERS_TRIED) : [];
  for (const offer of offers) {
    try {
      const check = await startSearch(offer, search.filters);
      if ((await nextResults(check, { limit: 1 })).length) return offer;
    } catch (error) {
      console.warn("search: could not check the suggestion", error);
      return null;
    }
  }
  return null;
}

/** Every result the page would list for `text` (pressing "แสดงผลเพิ่มเติม" until the end). */
export async function searchAll(text, filters = {}) {
  const search = await startSearch(text, filters);
  const urls = [];
  while (!search.done && !search.lookalikes) {
    for (const { page } of await nextResults(search)) urls.push(page.url);
  }
  return { urls, asked: search.asked, candidates: search.total, lookalikes: search.lookalikes };
}

function say(text, suggestion = null) {
  if (!suggestion) {
    status.replaceChildren();
    appendText(status, text); // the query it repeats may be in Myanmar, Khmer or Lao
    return;
  }
  const link = document.createElement("a");
  link.href = urlFor(suggestion);
  link.textContent = suggestion;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    input.value = suggestion;
    toUrl(true);
    run();
  });
  status.replaceChildren(`${text} คุณหมายถึง “`, link, "”?");
}

function selectedFilters() {
  const filters = {};
  if (category?.value) filters.category = category.value;
  if (year?.value) filters.year = year.value;
  return filters;
}

function fromUrl() {
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") ?? "";
  setSelect(category, params.get("category"));
  setSelect(year, params.get("year"));
}

function setSelect(select, value) {
  if (!select) return;
  const known = [...select.options].some((option) => option.value === value);
  select.value = known ? value : "";
}

function urlFor(text) {
  const params = new URLSearchParams();
  if (text.trim()) params.set("q", text.trim());
  for (const [name, value] of Object.entries(selectedFilters())) params.set(name, value);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}`;
}

function toUrl(push) {
  const url = urlFor(input.value);
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }
}

async function run() {
  const mine = ++token;
  const query = parseQuery(input.value);
  const filters = selectedFilters();
  list.replaceChildren();
  more.hidden = true;
  if (!query.terms.length && !Object.keys(filters).length) {
    document.title = baseTitle;
    say("พิมพ์คำที่ต้องการค้นหา แล้วกดปุ่มค้นหา");
    return;
  }
  document.title = query.text ? `ผลการค้นหา “${query.text}” – ${siteName}` : baseTitle;
  root.setAttribute("aria-busy", "true");
  say("กำลังค้นหา…");
  try {
    await loadEngine();
  } catch (error) {
    root.removeAttribute("aria-busy");
    say("ขออภัย ระบบค้นหายังไม่พร้อมใช้งาน โปรดลองใหม่ภายหลัง หรือดูรายการข่าวทั้งหมดที่หน้าคลังข่าว");
    console.warn("search: could not load Pagefind", error);
    return;
  }
  let search;
  try {
    search = await startSearch(input.value, filters);
  } catch (error) {
    failed(mine, error);
    return;
  }
  if (mine !== token) return; // a newer search started meanwhile
  search.token = mine;
  current = search;
  await showMore(false);
}

function failed(mine, error) {
  if (mine !== token) return;
  root.removeAttribute("aria-busy");
  say("ขออภัย ค้นหาไม่สำเร็จ โปรดลองอีกครั้ง");
  console.warn("search failed", error);
}

// Show the next page of results (or, after look-alikes, check every remaining candidate).
async function showMore(moveFocus, everything = false) {
  const search = current;
  const firstNew = list.children.length;
  root.setAttribute("aria-busy", "true");
  let results;
  try {
    results = await nextResults(search, { everything });
  } catch (error) {
    more.hidden = false;
    failed(search.token, error);
    return;
  }
  if (search.token !== token) return;
  if (search.found === 0 && !("offer" in search)) {
    search.offer = await offerFor(search);
    if (search.token !== token) return;
    if (search.offer && !search.instead && sameLetters(search.offer, search.query.text)) {
      // Words of the site typed together that no page writes together (ความลับผู้แจ้ง): their
      // pages are listed at once, each word asked for apart, and the status says so.
      let apart;
      try {
        apart = await startSearch(search.offer, search.filters);
      } catch (error) {
        failed(search.token, error);
        return;
      }
      if (search.token !== token) return;
      apart.token = search.token;
      apart.instead = search.query.text;
      current = apart;
      await showMore(moveFocus, everything);
      return;
    }
  }
  for (const { page, check } of results) list.append(resultItem(page, check));
  root.removeAttribute("aria-busy");
  more.hidden = search.done;
  more.textContent = search.lookalikes ? "ตรวจสอบหน้าที่เหลือ" : "แสดงผลเพิ่มเติม";
  report(search);
  if (moveFocus && list.children[firstNew]) list.children[firstNew].querySelector("a")?.focus();
}

function report(search) {
  const done = search.done;
  const what = search.query.text ? ` สำหรับ “${search.query.text}”` : "";
  const where = describeFilters();
  const found = search.found.toLocaleString("th-TH");
  const rest = search.unchecked.toLocaleString("th-TH");
  const nothing = `ไม่พบผลการค้นหา${what}${where}`;
  const offer = search.found === 0 ? search.offer ?? null : null;
  if (search.lookalikes && !done) {
    const lead = search.found ? `พบ ${found} รายการ${what}${where}` : nothing;
    say(
      `${lead} อีก ${rest} หน้ามีคำที่คล้ายกันแต่สระหรือวรรณยุกต์ต่างกัน ` +
        "กด “ตรวจสอบหน้าที่เหลือ” เพื่อตรวจทุกหน้า",
      offer,
    );
  } else if (search.found === 0 && done) {
    say(
      `${nothing} ลองตรวจตัวสะกดและวรรณยุกต์ ใช้คำที่สั้นลง` +
        (search.filtered ? " หรือเลือกทุกหมวดหมู่และทุกปี" : ""),
      offer,
    );
  } else {
    const apart = search.instead ? `ไม่พบ “${search.instead}” ที่เขียนติดกันตามที่พิมพ์ จึงค้นหาแต่ละคำแยกกัน: ` : "";
    if (done) say(`${apart}พบ ${found} รายการ${what}${where}`);
    else say(`${apart}พบอย่างน้อย ${found} รายการ${what}${where} กด “แสดงผลเพิ่มเติม” เพื่อดูต่อ`);
  }
}

/** Whether `offer` is `typed` with spaces put between its words (the same letters otherwise). */
function sameLetters(offer, typed) {
  const letters = (text) => normalize(text).text.replace(/\s+/g, "");
  return letters(offer) === letters(typed);
}

function describeFilters() {
  const parts = [];
  if (category?.value) parts.push(`หมวด${category.selectedOptions[0].textContent.trim()}`);
  if (year?.value) parts.push(`ปี ${year.value}`);
  return parts.length ? ` ใน${parts.join(" ")}` : "";
}

// Build highlight() pieces as DOM nodes (never as HTML). The zero-width spaces Pagefind keeps
// between Thai words become <wbr>: the same line-break chances as on the page, and nothing odd
// when copied. Each run of text between two of them (or a space) that holds Thai goes into a span
// of class "wl", quotes and brackets around it included, as thai_text's markup keeps it on the
// page (an inline block as wide as the line at most: whole where it fits, wrapped inside only
// where it is wider than the line); without it Chromium's own dictionary cut "กระทรวง|แรงงาน" and
// "ศูนย์ปฏิบัติการต่อ|ต้านการทุจริต" in results at 320-400 px. A no-break space does not end a
// run: unmark() writes one for each space of what the page keeps on one line (a name, a number
// with its unit, a word and its ๆ: thai_search/copies.py marks them), so it stays whole here too.
// A highlight may start or end inside a run: the run's span then holds the <mark>. Lao, Myanmar
// and Khmer go into spans with their language (languageRuns).

function pieces(element, parts) {
  const items = []; // "wbr", or [fragments, is a run], a fragment being [text, highlighted]
  let run = null;
  for (const part of parts) {
    for (const token of part.text.split(/(\u200b|[^\S\u00a0]+)/)) {
      if (!token) continue;
      if (token === "\u200b") {
        items.push("wbr");
        run = null;
      } else if (/^[^\S\u00a0]/.test(token)) {
        items.push([[[token, part.mark]], false]);
        run = null;
      } else {
        if (!run) items.push([(run = []), true]);
        run.push([token, part.mark]);
      }
    }
  }
  for (const item of items) {
    if (item === "wbr") {
      element.append(document.createElement("wbr"));
      continue;
    }
    const [fragments, isRun] = item;
    let target = element;
    if (isRun && fragments.some(([text]) => THAI_LETTER.test(text) || NUMBER_RANGE.test(text))) {
      target = document.createElement("span");
      target.className = "wl";
      element.append(target);
      if (isLong(fragments)) {
        appendWords(target, fragments);
        continue;
      }
    }
    appendFragments(target, fragments);
  }
  return element;
}

// A run with no-break spaces of LONG_LETTERS letters or more (a long name, a date with its
// year) is held as thai_text holds it on the page: each of its words in an inner span, with
// plain spaces between them, so that it wraps at those spaces only where it is wider than the
// line (a no-break space cannot wrap, and the run would run off a phone's screen).
const LONG_LETTERS = 18; // thai_text's markup.LONG_LETTERS
const NOT_LETTER = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\s]/gu;

function isLong(fragments) {
  const text = fragments.map(([t]) => t).join("");
  return text.includes("\u00a0") && text.replace(NOT_LETTER, "").length >= LONG_LETTERS;
}

/** Append `fragments` ([text, highlighted]) to `target`, a highlighted one inside a <mark>. */
function appendFragments(target, fragments) {
  for (const [text, marked] of fragments) {
    if (!marked) {
      appendText(target, text);
      continue;
    }
    let mark = target.lastChild;
    if (mark?.nodeName !== "MARK") mark = target.appendChild(document.createElement("mark"));
    appendText(mark, text);
  }
}

/** `fragments` word by word (split at no-break spaces), each word in a span of class "wl". */
function appendWords(target, fragments) {
  let word = [];
  const flush = () => {
    if (!word.length) return;
    const span = target.appendChild(document.createElement("span"));
    span.className = "wl";
    appendFragments(span, word);
    word = [];
  };
  for (const [text, marked] of fragments) {
    const parts = text.split("\u00a0");
    parts.forEach((part, i) => {
      if (i) {
        flush();
        target.append(" ");
      }
      if (part) word.push([part, marked]);
    });
  }
  flush();
}

/** Append `text` to `element`, each run of Lao, Myanmar or Khmer in a span with its language. */
function appendText(element, text) {
  for (const run of languageRuns(text)) {
    if (!run.lang) {
      element.append(run.text);
      continue;
    }
    const span = document.createElement("span");
    span.lang = run.lang;
    span.textContent = run.text;
    element.append(span);
  }
}

function resultItem(page, check) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "search-result-title";
  const link = document.createElement("a");
  link.href = page.url;
  pieces(link, highlight(page.meta?.title ?? page.url, check.title));
  heading.append(link);
  item.append(heading);

  const facts = [];
  if (page.meta?.date) facts.push(["search-result-date", page.meta.date]);
  const categories = page.filters?.category ?? [];
  if (categories.length) facts.push(["search-result-category", categories.join(", ")]);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    for (const [className, text] of facts) {
      const span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      meta.append(span);
    }
    item.append(meta);
  }
  const body = page.meta?.title ? stripTitle(page.content ?? "", page.meta.title) : null;
  const text = document.createElement("p");
  text.className = "search-result-excerpt";
  pieces(text, excerpt(page.content ?? "", check.content, 180, body?.skip ?? 0));
  item.append(text);
  return item;
}

// Pagefind's content starts with the article's <h1>; the excerpt need not repeat the title.
function stripTitle(content, title) {
  const plain = content.replace(/[\s\u200B]/g, "");
  const wanted = title.replace(/[\s\u200B]/g, "");
  if (!plain.startsWith(wanted)) return null;
  let seen = 0;
  let i = 0;
  while (i < content.length && seen < wanted.length) {
    if (!/[\s\u200B]/.test(content[i])) seen++;
    i++;
  }
  while (i < content.length && /[\s\u200B.]/.test(content[i])) i++;
  return { skip: i };
}

if (root && form && input && status && list && more) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    toUrl(true);
    run();
  });
  for (const select of [category, year]) {
    select?.addEventListener("change", () => {
      toUrl(true);
      run();
    });
  }
  more.addEventListener("click", () => showMore(true, current?.lookalikes));
  input.addEventListener("focus", () => loadEngine().catch(() => {}), { once: true });
  window.addEventListener("popstate", () => {
    fromUrl();
    run();
  });
  fromUrl();
  if (input.value.trim() || category?.value || year?.value) run();
  else say("พิมพ์คำที่ต้องการค้นหา แล้วกดปุ่มค้นหา");
}
