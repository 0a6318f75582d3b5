// What Decap's own interface lacks for WCAG 2.1 AA, added to its elements as they appear (its
// colours are fixed as it is bundled: bundle.py, DECAP_COLOURS):
// - the preview pane is an iframe without a title (4.1.2): it gets one, in Thai;
// - the body's rich-text box (Slate, role=textbox) has no name: it gets its field's label;
// - the body toolbar's heading menu is a button (react-aria-menubutton's span role=button, which
//   opens the menu with the keyboard) around a second button: two Tab stops for one control and
//   a button inside a button (4.1.2). The inner one is made inert (out of the Tab order and of
//   the accessibility tree; a click on it lands on the outer one, which opens the menu as
//   before), and the outer one is named after it;
// - a menu (the heading menu, the status and publish menus) holds its items in a <ul> of <div>s:
//   the list hides them from the menu (1.3.1, 4.1.2) and is not a list; it becomes role=none;
// - a resolved note (ความเห็น) carries the word "resolved", written into Decap's notes pane in
//   English (not a phrase of its locale): it reads แก้แล้ว, the pane's own word for resolving.

export const PREVIEW_TITLE = 'ตัวอย่างหน้าเว็บไซต์ตามที่กรอก';
export const RESOLVED = 'แก้แล้ว';

function labelOf(element) {
  const container = element.closest('[class*="ControlContainer"]');
  const label = container && container.querySelector('label');
  return label ? label.textContent.trim() : '';
}

/** Adds what is missing under `root` (the document); returns how many elements it changed. */
export function mend(root = document) {
  let changed = 0;
  for (const frame of root.querySelectorAll('iframe#preview-pane:not([title])')) {
    frame.setAttribute('title', PREVIEW_TITLE);
    changed += 1;
  }
  for (const box of root.querySelectorAll('[data-slate-editor][role="textbox"]:not([aria-label]):not([aria-labelledby])')) {
    const label = labelOf(box);
    if (label) {
      box.setAttribute('aria-label', label);
      changed += 1;
    }
  }
  for (const inner of root.querySelectorAll('[role="button"][aria-haspopup] button:not([inert])')) {
    const outer = inner.closest('[role="button"][aria-haspopup]');
    if (!outer.hasAttribute('aria-label') && inner.title) outer.setAttribute('aria-label', inner.title);
    inner.inert = true;
    inner.setAttribute('aria-hidden', 'true'); // what inert means, for tools that do not read inert
    changed += 1;
  }
  for (const list of root.querySelectorAll('[role="menu"] > ul:not([role])')) {
    list.setAttribute('role', 'none');
    changed += 1;
  }
  for (const badge of root.querySelectorAll('[class*="ResolvedBadge"]')) {
    if (badge.textContent === 'resolved') {
      badge.textContent = RESOLVED;
      changed += 1;
    }
  }
  return changed;
}

/**
 * Mends the document now and whenever Decap changes it. The observer's callback runs before the
 * browser paints or handles the next event, so nobody meets an element unmended; a pass is a few
 * selector queries (0.01 ms on an open release of 527 elements, measured in Chromium).
 */
export function keepMended(root = document) {
  const observer = new MutationObserver(() => mend(root));
  observer.observe(root.body || root, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert', 'title'] });
  mend(root);
  return observer;
}
