// The page not found (404.html): the pages whose address is nearest to the one asked for. A link
// cut short (copied in part, or broken across two lines of a chat message) is the start of a
// page's address; one mistyped is a letter or two from it; one from an old folder ends as a page
// of another does; one with more after a page's address (`/amp/`, words run into it) is below
// it. The addresses come from the sitemap (same origin), fetched only on this page; up to three
// are offered, each under its own title. A slip is counted as the search page counts one
// (search-match.js: a letter changed, put in, left out, or two swapped). When nothing of the new
// site is a cut or a slip of it, and the site took over an old one, the old site's addresses are
// compared too (old-address.js's book): an old Thai address cut short leads to the page it meant.

import { editDistance } from './search-match.js';

const LIMIT = 3;

/**
 * `text` decoded; a link cut inside the escapes of a letter (a Thai letter is three, %E0%B8%81:
 * what a chat app cuts in an old Thai address) loses that letter; otherwise it stays as asked.
 */
function decoded(text) {
  for (let end = text.length; end >= Math.max(0, text.length - 8); end--) {
    try {
      return decodeURI(text.slice(0, end));
    } catch {
      // one character fewer
    }
  }
  return text;
}

/** A site path as compared: decoded, lower case, without index.html and a trailing slash. */
export function comparable(path) {
  return decoded(String(path || '')).toLowerCase().replace(/\/{2,}/g, '/')
    .replace(/\/index\.html?$/, '/').replace(/\/+$/, '');
}

const lastPart = path => path.slice(path.lastIndexOf('/') + 1);

// How near a page is, best first: the asked address but for letter case (a host that tells
// /News/ from /news/), cut short, a slip or two from it, below the page (more after its address),
// or the same last part in another folder.
const SAME = 0;
const CUT = 1;
const SLIP = 2;
const BELOW = 3;
const SAME_LAST = 4;

/**
 * The pages of `paths` (site paths) near `asked`, best first, as {path, key, rank} (`key` is the
 * path as compared, `comparable`): the one it is but for letter case; those it is the start of,
 * cut inside a part (a cut-short link: its last part at least three letters); those one or two
 * slips from it (one under twelve letters); those it continues into a folder below (an old page's
 * `/amp/` or `/feed/`, an attachment page, words run into a link in a chat), the deepest first,
 * never the home page; then those whose last part is its last part.
 */
export function ranked(asked, paths) {
  const wanted = comparable(asked);
  const last = lastPart(wanted);
  if (!last) return [];
  const pages = [...new Set(paths)].map(path => ({ path, key: comparable(path) }));
  const found = new Map();
  const take = (list, rank) => list.forEach(page => {
    if (!found.has(page.path)) found.set(page.path, { ...page, rank });
  });
  take(pages.filter(page => page.key === wanted), SAME);
  if (last.length >= 3) {
    // (cut inside a part: a whole folder, /news, is the start of every page in it)
    const cutShort = page => page.key.startsWith(wanted) && page.key[wanted.length] !== '/';
    take(pages.filter(cutShort).sort((a, b) => a.key.length - b.key.length).slice(0, LIMIT), CUT);
  }
  const most = wanted.length < 12 ? 1 : 2;
  take(pages.map(page => ({ ...page, d: editDistance(wanted, page.key, most) })).filter(page => page.d <= most)
    .sort((a, b) => a.d - b.d || a.key.length - b.key.length), SLIP);
  const below = page => page.key && wanted.startsWith(page.key + '/');
  take(pages.filter(below).sort((a, b) => b.key.length - a.key.length), BELOW);
  if (last.length >= 3) take(pages.filter(page => lastPart(page.key) === last), SAME_LAST);
  return [...found.values()];
}

/** The paths of `paths` nearest to `asked` (`ranked`), at most `limit`. */
export function nearest(asked, paths, limit = LIMIT) {
  return ranked(asked, paths).slice(0, limit).map(page => page.path);
}

/** The site paths the sitemap at `url` lists (read from this page's own origin). */
async function sitemapPaths(url) {
  const response = await fetch(new URL(url, window.location.href).pathname);
  if (!response.ok) return [];
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
  return Array.from(xml.getElementsByTagName('loc'), loc => {
    try {
      return new URL(loc.textContent.trim()).pathname;
    } catch {
      return '';
    }
  }).filter(Boolean);
}

/**
 * A page's title as its heading shows it, with the heading's own word breaks (thai_text's
 * `<wbr>` and the spans that keep names whole: a line ends only between words), or its
 * address when it cannot be read.
 */
async function titleOf(path) {
  try {
    const response = await fetch(path);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const heading = page.querySelector('h1');
    if (heading && heading.textContent.trim()) {
      return Array.from(heading.childNodes, node => document.importNode(node, true));
    }
  } catch {
    // its address, below
  }
  return [document.createTextNode(comparable(path))];
}

/**
 * The pages near an old address of the site before (an old WordPress link cut short, mistyped or
 * with `/amp/` after it), as `ranked` gives them, each as the new page it leads to; none when the
 * site took over no old site. Read from the address book old-address.js reads.
 */
async function oldRanked(asked) {
  if (!document.querySelector('script[data-old-addresses]')) return [];
  const { fromRoot, onSite, readBook } = await import('./old-address.js');
  const paths = await readBook('paths.json');
  if (!paths) return [];
  return ranked(fromRoot(asked), Object.keys(paths))
    .map(old => ({ ...old, path: new URL(onSite(paths[old.path])).pathname }));
}

// Of two pages an address is below, the deeper is meant (/category/ข่าว before /category).
const deeper = (a, b) => (a.rank === BELOW && b.rank === BELOW ? b.key.length - a.key.length : 0);

/**
 * The pages to offer for the address `asked` (a path as `location.pathname` gives it): those of
 * the sitemap, and when none of them is a cut or a slip of the address, those the old site's
 * addresses lead to; best first (at a rank, the new site's first, but the deeper of two pages the
 * address is below).
 */
export async function offered(sitemap, asked) {
  let pages = ranked(asked, await sitemapPaths(sitemap));
  if (!pages.some(page => page.rank <= SLIP)) {
    pages = [...pages, ...await oldRanked(asked)].sort((a, b) => a.rank - b.rank || deeper(a, b));
  }
  return [...new Set(pages.map(page => page.path))].slice(0, LIMIT);
}

async function offer(section, sitemap) {
  const paths = await offered(sitemap, window.location.pathname);
  if (!paths.length) return;
  const titles = await Promise.all(paths.map(titleOf));
  const list = section.querySelector('ul');
  paths.forEach((path, i) => {
    const link = document.createElement('a');
    link.href = path;
    link.append(...titles[i]);
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  });
  section.hidden = false;
}

const section = document.getElementById('not-found-nearest');
const script = document.querySelector('script[data-sitemap]');
if (section && script) {
  // data-state="done" once decided (the tests wait for it), offer or none, whatever failed.
  offer(section, script.dataset.sitemap).catch(() => {}).finally(() => { section.dataset.state = 'done'; });
}
