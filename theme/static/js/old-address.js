// Old WordPress links on a host without server rules (GitHub Pages). A link with a query cannot
// have a file of its own: `/?p=12&fbclid=...` is answered with the home page and
// `/index.php?p=12` with the page not found. Both pages load this script (only on a site that has
// an old site's addresses); when the address asked for holds one of the old parameters it reads
// that parameter's file of the address book the build publishes (plugins/wp_legacy/
// address_book.py, same origin) and goes on to the page the link meant. WordPress's search
// (`?s=...`) goes on to the site's search. Nothing is fetched for any other address.
// not-found.js reads the book's old paths to offer the page an old address cut short meant.

const script = document.querySelector('script[data-old-addresses]');

/** The path of the site's root (SITEURL's path), ending in "/". */
function siteBase() {
  return new URL(script?.dataset.site || '/', window.location.href).pathname.replace(/\/?$/, '/');
}

/** `path` as the old site saw it: from the site's root, "/" first. */
export function fromRoot(path) {
  const base = siteBase();
  return path.startsWith(base) ? '/' + path.slice(base.length) : path;
}

/** A target of the book (from the root, "/news/slug/") as an address of this site. */
export function onSite(target) {
  return new URL(siteBase() + target.replace(/^\//, ''), window.location.href).href;
}

// nginx compares map strings ignoring ASCII case only (nginx_map.nginx_key).
const asciiLower = text => text.replace(/[A-Z]+/g, letters => letters.toLowerCase());

const reading = {};

/**
 * One file of the address book (read once per page), or null when it cannot be read:
 * `query-NAME.json` (old addresses with the parameter NAME) or `paths.json`.
 */
export function readBook(file) {
  const url = new URL(script.dataset.oldAddresses + file, window.location.href);
  reading[file] ??= fetch(url.pathname)
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null);
  return reading[file];
}

/**
 * The parameters of a query as the link wrote them, not decoded: the book keeps a value as
 * WordPress wrote it in its links and nginx's $arg_NAME holds it (a Thai tag slug
 * percent-encoded: `?tag=%e0%b8%9b...`), in ASCII lower case (asciiLower below).
 */
export function rawParams(search) {
  return search.replace(/^\?/, '').split('&').filter(Boolean).map(pair => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
  });
}

/**
 * The new page of an old address with a query: `path` from the site's root and `params`
 * (rawParams); the first old parameter the book knows (whatever else a shared link added).
 */
export async function queryTarget(path, params, names) {
  for (const [name, value] of params) {
    const lower = name.toLowerCase();
    if (!names.includes(lower)) continue;
    const found = await readBook(`query-${lower}.json`) ?? {};
    const key = asciiLower(`${path}?${name}=${value}`);
    // (the book keeps /index.php?p=12 only where it leads elsewhere than /?p=12)
    const target = found[key] ?? found[key.replace(/\/index\.php\?/, '/?')];
    if (target) return target;
  }
  return null;
}

/** Where the address of this page leads, if it is an old link with a query; else null. */
async function leadsTo() {
  const params = new URLSearchParams(window.location.search);
  const names = (script.dataset.names || '').split(' ').filter(Boolean);
  const target = await queryTarget(fromRoot(window.location.pathname), rawParams(window.location.search), names);
  if (target) return onSite(target) + window.location.hash;
  if (params.has('s') && script.dataset.search) {
    const search = new URL(script.dataset.search, window.location.href);
    const words = params.get('s').trim();
    if (words) search.searchParams.set('q', words);
    return search.href;
  }
  return null;
}

if (script) {
  // data-state="done" once decided (the tests wait for it on pages that stay).
  leadsTo().then(target => {
    if (target) window.location.replace(target);
    else script.dataset.state = 'done';
  }, () => { script.dataset.state = 'done'; });
}
