// The search page: runs the query in ?q= (and the filters in ?category= and ?year=) with
// Pagefind's JS API, checks every candidate against the exact Thai query (search-match.js),
// and lists the results as links with title, B.E. date, category and a highlighted excerpt.
// Pagefind (pagefind.js and its wasm) is loaded only when a search is about to run.

import { excerpt, highlight, parseQuery, verify } from "./search-match.js";

const PAGE_SIZE = 10; // results shown per step
const BATCH = 10; // candidates checked at once (one small fragment file each)

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

let pagefindPromise = null;
let current = null; // the search being shown: {token, query, candidates, next, found}
let token = 0;

function loadPagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(`${root.dataset.bundle}pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ exactDiacritics: true, baseUrl: root.dataset.baseUrl, excerptLength: 0 });
      await pagefind.init();
      return pagefind;
    });
    pagefindPromise.catch(() => {
      pagefindPromise = null;
    });
  }
  return pagefindPromise;
}

function say(text) {
  status.textContent = text;
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

function toUrl(push) {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const [name, value] of Object.entries(selectedFilters())) params.set(name, value);
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }
}

async function run() {
  const mine = ++token;
  const query = parseQuery(input.value);
  const filters = selectedFilters();
  const filtered = Object.keys(filters).length > 0;
  list.replaceChildren();
  more.hidden = true;
  if (!query.terms.length && !filtered) {
    document.title = baseTitle;
    say("พิมพ์คำที่ต้องการค้นหา แล้วกดปุ่มค้นหา");
    return;
  }
  document.title = query.text ? `ผลการค้นหา “${query.text}” – ${siteName}` : baseTitle;
  root.setAttribute("aria-busy", "true");
  say("กำลังค้นหา…");
  let pagefind;
  try {
    pagefind = await loadPagefind();
  } catch (error) {
    root.removeAttribute("aria-busy");
    say("ขออภัย ระบบค้นหายังไม่พร้อมใช้งาน โปรดลองใหม่ภายหลัง หรือดูรายการข่าวทั้งหมดที่หน้าคลังข่าว");
    console.warn("search: could not load Pagefind", error);
    return;
  }
  let search;
  try {
    search = query.terms.length
      ? await pagefind.search(query.text, { filters })
      : await pagefind.search(null, { filters, sort: { date: "desc" } });
  } catch (error) {
    failed(mine, error);
    return;
  }
  if (mine !== token) return; // a newer search started meanwhile
  current = { token: mine, query, filtered, candidates: search?.results ?? [], next: 0, found: 0 };
  await showMore(false);
}

function failed(mine, error) {
  if (mine !== token) return;
  root.removeAttribute("aria-busy");
  say("ขออภัย ค้นหาไม่สำเร็จ โปรดลองอีกครั้ง");
  console.warn("search failed", error);
}

// Check candidates in Pagefind's order until a page of results is shown. Pagefind ranks pages
// with the query's exact spelling above pages that only match once marks are folded away, so a
// whole batch of misses means the rest are look-alikes (ขาว for ข่าว): stop there and let the
// visitor ask for the rest ("ตรวจสอบหน้าที่เหลือ") instead of fetching hundreds of pages.
async function showMore(moveFocus, everything = false) {
  const search = current;
  const firstNew = list.children.length;
  let added = 0;
  let misses = 0;
  search.lookalikes = false;
  root.setAttribute("aria-busy", "true");
  while (added < PAGE_SIZE && search.next < search.candidates.length) {
    if (!everything && misses >= BATCH) {
      search.lookalikes = true;
      break;
    }
    const size = everything ? BATCH * 5 : BATCH;
    const batch = search.candidates.slice(search.next, search.next + size);
    search.next += batch.length;
    let pages;
    try {
      pages = await Promise.all(batch.map((result) => result.data()));
    } catch (error) {
      search.next -= batch.length;
      more.hidden = false;
      failed(search.token, error);
      return;
    }
    if (search.token !== token) return;
    for (const page of pages) {
      const check = verify(page, search.query.terms);
      if (!check.ok) {
        misses++;
        continue;
      }
      misses = 0;
      list.append(resultItem(page, check));
      added++;
      search.found++;
    }
  }
  root.removeAttribute("aria-busy");
  const done = search.next >= search.candidates.length;
  more.hidden = done;
  more.textContent = search.lookalikes ? "ตรวจสอบหน้าที่เหลือ" : "แสดงผลเพิ่มเติม";
  report(search, done);
  if (moveFocus && list.children[firstNew]) list.children[firstNew].querySelector("a")?.focus();
}

function report(search, done) {
  const what = search.query.text ? ` สำหรับ “${search.query.text}”` : "";
  const where = describeFilters();
  const found = search.found.toLocaleString("th-TH");
  const rest = (search.candidates.length - search.next).toLocaleString("th-TH");
  if (search.lookalikes && !done) {
    const lead = search.found ? `พบ ${found} รายการ${what}${where}` : `ไม่พบผลการค้นหา${what}${where}`;
    say(
      `${lead} อีก ${rest} หน้ามีคำที่คล้ายกันแต่สระหรือวรรณยุกต์ต่างกัน ` +
        "กด “ตรวจสอบหน้าที่เหลือ” เพื่อตรวจทุกหน้า",
    );
  } else if (search.found === 0 && done) {
    say(
      `ไม่พบผลการค้นหา${what}${where} ลองตรวจตัวสะกดและวรรณยุกต์ ใช้คำที่สั้นลง` +
        (search.filtered ? " หรือเลือกทุกหมวดหมู่และทุกปี" : ""),
    );
  } else if (done) {
    say(`พบ ${found} รายการ${what}${where}`);
  } else {
    say(`พบอย่างน้อย ${found} รายการ${what}${where} กด “แสดงผลเพิ่มเติม” เพื่อดูต่อ`);
  }
}

function describeFilters() {
  const parts = [];
  if (category?.value) parts.push(`หมวด${category.selectedOptions[0].textContent.trim()}`);
  if (year?.value) parts.push(`ปี ${year.value}`);
  return parts.length ? ` ใน${parts.join(" ")}` : "";
}

// Build highlight() pieces as DOM nodes (never as HTML). The zero-width spaces Pagefind keeps
// between Thai words become <wbr>: the same line-break chances, and nothing odd when copied.
function pieces(element, parts) {
  for (const part of parts) {
    const target = part.mark ? document.createElement("mark") : element;
    part.text.split("\u200b").forEach((text, i) => {
      if (i > 0) target.append(document.createElement("wbr"));
      if (text) target.append(text);
    });
    if (part.mark) element.append(target);
  }
  return element;
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
  input.addEventListener("focus", () => loadPagefind().catch(() => {}), { once: true });
  window.addEventListener("popstate", () => {
    fromUrl();
    run();
  });
  fromUrl();
  if (input.value.trim() || category?.value || year?.value) run();
  else say("พิมพ์คำที่ต้องการค้นหา แล้วกดปุ่มค้นหา");
}
