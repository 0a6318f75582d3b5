// The site dictionary (thai_text's THAI_TEXT_DICTIONARY, content/dictionary.txt) as one text
// field of the editor: words and names the site must know, one per line, `#` for notes. The
// file is read and written as it is, so that opening and saving it changes nothing but what the
// writer typed (tests/editor/test_editor_dictionary.py).

export const FIELD = 'words';

export const siteDictionary = {
  fromFile(text) {
    return { [FIELD]: text };
  },
  toFile(data) {
    const text = String((data && data[FIELD]) ?? '');
    // One word per line: the last line ends like the others (a textarea may drop the newline).
    return text === '' || text.endsWith('\n') ? text : `${text}\n`;
  },
};
