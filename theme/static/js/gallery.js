// Photo galleries (photo_gallery plugin): PhotoSwipe 5 lightbox over the thumbnail grid.
// Without this script every thumbnail is a plain link to its large JPEG. PhotoSwipe brings
// keyboard (arrows, Escape, Tab kept inside), swipe and pinch-zoom, and returns focus to the
// thumbnail on close; this file adds Thai labels, a caption that screen readers announce, focus
// in the photo however it was opened, and a step in the history so that the back button (a
// phone's back gesture) closes the photo instead of leaving the release.
import PhotoSwipeLightbox from '../vendor/photoswipe/photoswipe-lightbox.esm.min.js';

const galleries = document.querySelectorAll('[data-gallery]');

function loadStylesheet(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

// The caption over the photo: the thumbnail's caption as the page marks it up (thai_text's spans
// and <wbr> keep each word whole where it wraps; as plain text Chromium cut "กระทรวง|แรงงาน" at
// 320 px), else the photo's alt text.
function captionOf(element) {
  if (!element) return [];
  const figcaption = element.closest('figure')?.querySelector('figcaption');
  if (figcaption && figcaption.textContent.trim()) {
    return Array.from(figcaption.childNodes, node => node.cloneNode(true));
  }
  const alt = element.querySelector('img')?.getAttribute('alt') ?? '';
  return alt ? [document.createTextNode(alt)] : [];
}

// PhotoSwipe moves focus into the photo only when it was opened from the keyboard; opened by a
// tap (as a screen reader on a phone opens it too), focus stayed on the thumbnail behind it.
// Focus goes in once the photo is shown, and back to the thumbnail when it closes.
function keepFocus(lightbox) {
  let opener = null;
  lightbox.on('beforeOpen', () => { opener = document.activeElement; });
  lightbox.on('openingAnimationEnd', () => {
    const root = lightbox.pswp?.element;
    if (root && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
  });
  lightbox.on('destroy', () => {
    if (opener?.isConnected && opener !== document.activeElement) opener.focus({ preventScroll: true });
    opener = null;
  });
}

// Opening a photo adds one step to the history (same address): back takes it away, and the photo
// closes. Closed on the page (its button, Escape, a swipe), the photo takes its step away itself,
// so back still goes to the page the reader came from.
const STEP = 'zcPhoto';

function closeOnBack(lightbox) {
  let stepGone = false;
  const onBack = () => {
    if (history.state?.[STEP]) return;
    stepGone = true;
    lightbox.pswp?.close();
  };
  lightbox.on('afterInit', () => {
    stepGone = false;
    if (!history.state?.[STEP]) history.pushState({ ...history.state, [STEP]: true }, '');
    window.addEventListener('popstate', onBack);
  });
  lightbox.on('close', () => {
    if (!stepGone && history.state?.[STEP]) history.back();
  });
  lightbox.on('destroy', () => window.removeEventListener('popstate', onBack));
}

if (galleries.length) {
  loadStylesheet(new URL('../vendor/photoswipe/photoswipe.css', import.meta.url).href);
  for (const gallery of galleries) {
    const lightbox = new PhotoSwipeLightbox({
      gallery,
      children: 'a[data-pswp-width]',
      pswpModule: () => import('../vendor/photoswipe/photoswipe.esm.min.js'),
      bgOpacity: 0.92,
      showHideAnimationType: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'none' : 'zoom',
      closeTitle: 'ปิด (Esc)',
      zoomTitle: 'ขยายหรือย่อภาพ',
      arrowPrevTitle: 'ภาพก่อนหน้า',
      arrowNextTitle: 'ภาพถัดไป',
      errorMsg: 'โหลดภาพไม่สำเร็จ',
      indexIndicatorSep: ' / ',
    });
    lightbox.on('uiRegister', () => {
      lightbox.pswp.ui.registerElement({
        name: 'gallery-caption',
        order: 9,
        isButton: false,
        appendTo: 'root',
        onInit: (element, pswp) => {
          element.setAttribute('aria-live', 'polite');
          element.setAttribute('aria-atomic', 'true');
          const update = () => {
            const caption = captionOf(pswp.currSlide?.data?.element);
            // "ภาพที่ 3 จาก 6" on one line, as thai_text keeps a number with its word on the page.
            const position = document.createElement('span');
            position.className = 'w';
            position.textContent = `ภาพที่ ${pswp.currIndex + 1} จาก ${pswp.getNumItems()}`;
            element.replaceChildren(...caption, ...(caption.length ? [' (', position, ')'] : [position]));
          };
          pswp.on('change', update);
          update();
        },
      });
    });
    lightbox.on('afterInit', () => {
      // The dialog is announced with the gallery's heading.
      const root = lightbox.pswp.element;
      const heading = document.getElementById(`${gallery.id}-title`);
      root.setAttribute('role', 'dialog');
      root.setAttribute('aria-modal', 'true');
      if (heading) root.setAttribute('aria-label', heading.textContent.trim());
    });
    keepFocus(lightbox);
    closeOnBack(lightbox);
    lightbox.init();
  }
}
