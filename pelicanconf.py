"""Development settings of the site of the Anti-Corruption Operation Center, Ministry of Labour.

Each plugin reads only settings with its own prefix and applies its documented defaults itself
(see plugins/<name>/README.md). Production overrides live in publishconf.py.
"""

AUTHOR = "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน"
SITENAME = "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน"
SITENAME_SHORT = "ศปท. กระทรวงแรงงาน"
MINISTRY_NAME = "กระทรวงแรงงาน"
MINISTRY_NAME_EN = "Ministry of Labour"
SITENAME_EN = "Anti-Corruption Operation Center, Ministry of Labour"
SITEURL = ""
SITE_DOMAIN = "https://zerocorruption.mol.go.th"

PATH = "content"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
# Gallery sources are never copied as they are (they may carry GPS data): the photo_gallery
# plugin publishes cleaned copies.
STATIC_PATHS = ["images", "extra"]
ARTICLE_EXCLUDES = ["galleries"]
PAGE_EXCLUDES = ["galleries"]
IGNORE_FILES = [".#*", "captions.txt", "*~", "*.swp"]
# Header keys the web editor writes: `Captions:` (photo captions) and `Hidden_photos:` (published
# photos a writer took off the site), read by photo_gallery; `Attachments:` (documents under
# content/extra/attachments/), read by the attachments plugin; `Featured_until:` (a release kept
# among the home page's ข่าวเด่น until that date), read by site_meta. See their READMEs.
CONTENT_GUARD_EXTRA_METADATA_KEYS = ["captions", "hidden_photos", "attachments", "featured_until"]

TIMEZONE = "Asia/Bangkok"
DEFAULT_LANG = "th"
DEFAULT_DATE = None
DEFAULT_CATEGORY = "ข่าวประชาสัมพันธ์"
# The category comes from `Category:` (the content check requires it), never from the folder name.
USE_FOLDER_AS_CATEGORY = False
# Categories an author may use (the content check lists them).
CATEGORIES = ["ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ประกาศ"]

THEME = "theme"
THEME_STATIC_DIR = "theme"

# URLs: short, readable ASCII, ending in a slash.
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_URL = "category/"
CATEGORIES_SAVE_AS = "category/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
# A release or page with `Lang: en` keeps the same addresses (Pelican's default would be
# `{slug}-en.html` at the site's root). The site has no translations: each page is Thai around
# its content, and thai_text marks any part in another language (plugins/thai_text/README.md).
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
DRAFT_LANG_URL = DRAFT_URL
DRAFT_LANG_SAVE_AS = DRAFT_SAVE_AS
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DEFAULT_PAGINATION = 10
# "404" writes 404.html at the output root (the page a web server shows for a missing address).
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "404", "search"]
# The search page (thai_search plugin; see plugins/thai_search/README.md).
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"

# Feeds: Atom and RSS for the whole site and per category. Feeds need absolute URLs; in
# development they point at the local server.
FEED_DOMAIN = "http://127.0.0.1:8000"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
FEED_MAX_ITEMS = 20
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
RSS_FEED_SUMMARY_ONLY = True

DEFAULT_METADATA = {}
TYPOGRIFY = False
# Content is Markdown only. Pelican's reStructuredText reader would warn "Docutils has no
# localization for 'th'" on every build, which fails the production build (fatal warnings).
READERS = {"rst": None}
RELATIVE_URLS = False
LOAD_CONTENT_CACHE = False
CACHE_PATH = "cache"

PLUGIN_PATHS = ["plugins"]
# Order matters: content_guard cleans raw input first, thai_date fixes dates before sorting,
# thai_text segments the cleaned HTML, photo_gallery attaches photos, thai_search indexes the
# finished output; wp_legacy writes redirect pages at old WordPress addresses once every page is
# written; web_editor reads the galleries photo_gallery attached; render_cache comes last (it
# keeps URLs once every other plugin is done).
PLUGINS = ["content_guard", "thai_date", "thai_text", "photo_gallery", "attachments", "site_meta",
           "thai_search", "wp_legacy", "web_editor", "render_cache"]

# Taxonomy URLs whose slug changed when slugs became standard RTGS (plugins/thai_text): the old
# address keeps working through a page that sends the reader to the new one.
THAI_TEXT_REDIRECTS = {
    "category/khao-kitkam/": "category/khao-kitchakam/",
    "tag/khuntham-chritham/": "tag/khunnatham-chariyatham/",
    "tag/misuanruam/": "tag/mi-suanruam/",
}

# Templates escape by default; content and summaries (already sanitised HTML) are marked |safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Contact details shown in the footer and on the contact page (sample data).
CONTACT = {
    "address": "กระทรวงแรงงาน ถนนมิตรไมตรี แขวงดินแดง เขตดินแดง กรุงเทพมหานคร 10400",
    "hotline": "1546",
    "email": "zerocorruption@mol.go.th",
}
# The center's own accounts, shown in the footer and as JSON-LD `sameAs` once they are known,
# e.g. (("Facebook", "https://www.facebook.com/<page>"), ("LINE", "https://line.me/R/ti/p/<id>")).
# Empty: the site shows no social links rather than links to the networks' home pages.
SOCIAL = ()
