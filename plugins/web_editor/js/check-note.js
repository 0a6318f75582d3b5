// The content check's note on the entry open (ความเห็น signed ระบบตรวจของเว็บไซต์, written by
// tools/review_note.py in CI and by invoke editor's server), shown at the top of the preview, the
// pane writers and supervisors read: what the check found, or that it is still checking what was
// just saved.
//
// Decap loads an entry's notes through its backend: getNotes when the entry opens, then, on
// GitHub, the notes the backend's polling finds (startNotesPolling's onUpdate). `watchCheckNotes`
// wraps both on the backend the editor uses and keeps each entry's check note (the note whose
// authorId is site-data's `check_note_author`). A backend without polling (the local backend of
// invoke editor) polls getNotes while an entry is open, as the GitHub backend does, so the note
// written after a save shows without a reload. A save marks the entry's note as being checked
// until a note with other text comes (each note names the time of the save it checked).

const POLL_MS = 4000;
const notes = new Map(); // "collection/slug" -> the check's note ({content, resolved}) or null
const checking = new Map(); // "collection/slug" -> the note's text when the entry was last saved
const listeners = new Set();

const keyOf = (collection, slug) => `${collection}/${slug}`;

function changed() {
  for (const listener of listeners) listener();
}

/** Keeps the check's note among `list` (an entry's notes as the backend gives them). */
export function keepNotes(collection, slug, list, authorId) {
  const found = (list || []).find(note => note && note.authorId === authorId) || null;
  const key = keyOf(collection, slug);
  const note = found && { content: String(found.content || ''), resolved: Boolean(found.resolved) };
  const before = notes.get(key);
  notes.set(key, note);
  if (checking.has(key) && note && note.content !== checking.get(key)) checking.delete(key);
  if (JSON.stringify(before) !== JSON.stringify(note)) changed();
}

/** The entry was saved under review: its note is old until the check writes a new one. */
export function markSaved(collection, slug) {
  const key = keyOf(collection, slug);
  checking.set(key, (notes.get(key) || { content: null }).content);
  changed();
}

/** {note, checking} of an entry: its check note (or null) and whether a newer save is being checked. */
export function checkNoteOf(collection, slug) {
  const key = keyOf(collection, slug);
  return { note: notes.get(key) || null, checking: checking.has(key) };
}

/** Calls `listener` whenever a check note or its state changes; returns the way to stop. */
export function onCheckNotes(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Wraps the notes of backend `name` (as Decap registered it); `folders`: the collections whose
 * entries the check writes notes on; `authorId`: the check's (site-data `check_note_author`). */
export function watchCheckNotes(CMS, name, folders, authorId) {
  const backend = CMS.getBackend(name);
  if (!backend || backend.checkNotesWatched) return;
  const init = backend.init;
  backend.init = (...args) => {
    const implementation = init(...args);
    if (typeof implementation.getNotes !== 'function') return implementation;
    const getNotes = implementation.getNotes.bind(implementation);
    implementation.getNotes = async (collection, slug) => {
      const list = await getNotes(collection, slug);
      keepNotes(collection, slug, list, authorId);
      return list;
    };
    const persistEntry = implementation.persistEntry.bind(implementation);
    implementation.persistEntry = async (entry, options) => {
      const result = await persistEntry(entry, options);
      const file = (entry.dataFiles || [])[0];
      if (options && options.useWorkflow && file && folders && options.collectionName in folders) {
        markSaved(options.collectionName, file.slug);
      }
      return result;
    };
    if (typeof implementation.startNotesPolling === 'function') {
      const start = implementation.startNotesPolling.bind(implementation);
      implementation.startNotesPolling = (collection, slug, callbacks) => start(collection, slug, {
        ...callbacks,
        onUpdate: (list, changes) => {
          keepNotes(collection, slug, list, authorId);
          return callbacks.onUpdate(list, changes);
        },
      });
    } else {
      let timer = null;
      implementation.startNotesPolling = async (collection, slug, callbacks) => {
        clearInterval(timer);
        let last;
        timer = setInterval(async () => {
          let list;
          try {
            list = await implementation.getNotes(collection, slug);
          } catch (error) {
            return; // the server is busy or gone: the next round asks again
          }
          const now = JSON.stringify(list);
          if (now !== last) callbacks.onUpdate(list, []);
          last = now;
        }, POLL_MS);
      };
      implementation.stopNotesPolling = async () => {
        clearInterval(timer);
        timer = null;
      };
    }
    return implementation;
  };
  backend.checkNotesWatched = true;
}
