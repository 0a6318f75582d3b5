"""The photo gallery in a real browser: lightbox with the keyboard, focus, captions, no JavaScript."""

from __future__ import annotations

import pytest

from tests.sample_pages import releases, with_gallery

pytestmark = pytest.mark.browser

RELEASE = with_gallery()
ARTICLE = RELEASE.url


def _caption(page) -> str:
    return page.locator(".pswp__gallery-caption").inner_text()


def _wait_caption(page, text: str) -> None:
    page.wait_for_function(
        "text => document.querySelector('.pswp__gallery-caption').textContent.includes(text)", arg=text
    )


def test_lightbox_keyboard_caption_and_focus_return(open_page, sample_url):
    page = open_page(sample_url + ARTICLE)
    links = page.locator("[data-gallery] a.gallery-link")
    assert links.count() >= 5
    first_caption = page.locator("[data-gallery] figcaption").first.inner_text()

    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".pswp--open", timeout=5000)
    # Opened from the keyboard, focus moves into the dialog once its keys are bound.
    page.wait_for_function("() => document.activeElement?.classList.contains('pswp')", timeout=10000)
    live = page.locator(".pswp__gallery-caption")
    assert live.get_attribute("aria-live") == "polite"
    assert first_caption in _caption(page) and "ภาพที่ 1 จาก" in _caption(page)
    assert page.locator(".pswp").get_attribute("aria-modal") == "true"

    page.keyboard.press("ArrowRight")
    _wait_caption(page, "ภาพที่ 2 จาก")
    page.keyboard.press("ArrowRight")
    _wait_caption(page, "ภาพที่ 3 จาก")
    page.keyboard.press("ArrowLeft")
    _wait_caption(page, "ภาพที่ 2 จาก")
    # The large image shown is a published WebP/JPEG of this gallery.
    src = page.locator(".pswp__item[aria-hidden='false'] img.pswp__img").first.get_attribute("src")
    assert f"/galleries/{RELEASE.gallery}/" in src

    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp", state="detached", timeout=5000)
    focused = page.evaluate("() => document.activeElement.closest('[data-gallery] a') !== null")
    assert focused, "focus did not return to a thumbnail"
    assert page.evaluate(
        "() => document.activeElement === document.querySelector('[data-gallery] a.gallery-link')"
    )
    assert page.problems.all() == []


@pytest.mark.parametrize("width", [320, 360, 412])
def test_every_caption_over_a_photo_breaks_lines_only_between_words(open_page, sample_url, width):
    """The caption PhotoSwipe shows over the photo, for every photo of every release with a
    gallery, on a phone: no line end inside a word, a site-dictionary word or a name (as plain
    text it was cut at "กระทรวง|แรงงาน" and 29 other places at 320-412 px)."""
    from tools.linebreaks import classify, measure, site_protected_spans

    spans = site_protected_spans()
    ends, cut = 0, []
    galleries = [release for release in releases() if release.gallery]
    assert len(galleries) >= 3
    for release in galleries:
        page = open_page(sample_url + release.url, width=width, height=800)
        captions = page.locator("[data-gallery] figcaption").all_inner_texts()
        page.locator("[data-gallery] a.gallery-link").first.click()
        page.wait_for_function("() => document.activeElement?.classList.contains('pswp')", timeout=10000)
        for number, caption in enumerate(captions, 1):
            _wait_caption(page, f"ภาพที่ {number} จาก")
            assert caption.replace("\u200b", "") in _caption(page).replace("\u200b", "")
            counts = classify(measure(page, ".pswp__gallery-caption"), spans)
            ends += counts.total
            cut += [(release.url, number, end.context()) for end in counts.inside + counts.protected]
            page.keyboard.press("ArrowRight")
        assert page.problems.all() == []
    assert ends > 5 and cut == []


@pytest.mark.parametrize(("width", "density"), [(280, 3), (390, 3), (700, 2), (1280, 1)])
def test_thumbnails_are_as_sharp_as_they_are_shown(open_page, sample_url, width, density):
    """The `sizes` the thumbnails give follow the grid's columns: one on a 280 px screen (where
    half the width is too narrow for a caption's words), two on a phone, three and four wider."""
    page = open_page(sample_url + ARTICLE, width=width, height=800, device_scale_factor=density)
    first = page.locator("[data-gallery] img").first
    first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('[data-gallery] img').complete")
    # The width of the file the browser chose (its srcset descriptor), against the width shown.
    chosen, shown = first.evaluate("""img => {
      const sets = [...img.parentElement.querySelectorAll('source, img')].map(e => e.srcset).join(', ');
      const found = sets.split(',').map(c => c.trim().split(/\\s+/))
                        .find(([url]) => new URL(url, location.href).href === img.currentSrc);
      return [parseInt(found[1]), img.getBoundingClientRect().width * devicePixelRatio];
    }""")
    columns = page.evaluate("getComputedStyle(document.querySelector('.gallery-grid')).gridTemplateColumns.split(' ').length")
    assert columns == {280: 1, 390: 2, 700: 3, 1280: 4}[width]
    assert chosen >= shown, (width, chosen, shown)


def test_thumbnails_are_responsive_lazy_and_sized(open_page, sample_url):
    page = open_page(sample_url + ARTICLE, width=390, height=844)
    images = page.locator("[data-gallery] img")
    for i in range(images.count()):
        img = images.nth(i)
        assert img.get_attribute("loading") == "lazy"
        assert int(img.get_attribute("width")) > 0 and int(img.get_attribute("height")) > 0
        assert img.get_attribute("alt")
    images.first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('[data-gallery] img').complete")
    chosen = images.first.evaluate("img => img.currentSrc")
    assert chosen.endswith(".webp"), chosen  # Chromium takes the WebP <source>
    download = page.locator(".gallery-download a")
    assert "ดาวน์โหลดภาพทั้งหมด (ZIP," in download.inner_text()
    response = page.request.get(sample_url + download.get_attribute("href"))
    assert response.ok and response.headers["content-type"] in (
        "application/zip",
        "application/x-zip-compressed",
    )
    assert page.problems.all() == []


def test_without_javascript_thumbnails_link_to_large_images(browser, sample_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample_url + ARTICLE)
        link = page.locator("[data-gallery] a.gallery-link").first
        href = link.get_attribute("href")
        assert href.endswith("-1600.jpg")
        link.click()
        page.wait_for_url("**/*.jpg")
        assert page.evaluate("() => document.images[0].naturalWidth") == 1600
    finally:
        context.close()


def _open_first_photo(page) -> None:
    """Open the first photo with a click (a tap), and wait until focus is in it."""
    page.locator("[data-gallery] a.gallery-link").first.click()
    page.wait_for_selector(".pswp--open", timeout=5000)
    # Its keys are bound once the opening is done and focus is in the dialog.
    page.wait_for_function("() => document.activeElement?.classList.contains('pswp')", timeout=10000)


def _closed(page) -> None:
    page.wait_for_selector(".pswp", state="detached", timeout=5000)


def test_the_back_button_closes_the_photo_and_stays_on_the_release(open_page, sample_url):
    """On a phone the back gesture is how a reader leaves a photo shown full screen: it closes
    the photo and leaves the reader on the release, where they were; the next back goes to the
    page they came from, as it would have without the photo."""
    page = open_page(sample_url + "/", width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(sample_url + ARTICLE)
    _open_first_photo(page)
    page.keyboard.press("ArrowRight")
    _wait_caption(page, "ภาพที่ 2 จาก")
    page.go_back()
    _closed(page)
    assert page.url == sample_url + ARTICLE
    # Opened by a tap, focus went into the photo and comes back to the thumbnail.
    assert page.evaluate(
        "() => document.activeElement === document.querySelector('[data-gallery] a.gallery-link')"
    )
    page.go_back()
    page.wait_for_url(sample_url + "/")
    assert page.problems.all() == []


@pytest.mark.parametrize("close", ["Escape", "button"])
def test_a_photo_closed_on_the_page_leaves_no_step_in_the_history(open_page, sample_url, close):
    """Closed with its button or Escape, the photo leaves nothing to go back through: back goes
    to the page the reader came from; opened again, it closes on back again."""
    page = open_page(sample_url + "/", width=390, height=844)
    page.goto(sample_url + ARTICLE)
    for _ in range(2):
        _open_first_photo(page)
        if close == "Escape":
            page.keyboard.press("Escape")
        else:
            page.locator(".pswp__button--close").click()
        _closed(page)
        page.wait_for_function("() => history.state === null || !history.state.zcPhoto")
    assert page.url == sample_url + ARTICLE
    _open_first_photo(page)
    page.go_back()
    _closed(page)
    page.go_back()
    page.wait_for_url(sample_url + "/")
    assert page.problems.all() == []
