// Decap's own widgets (string, text, select, markdown) with the checks of their field shown under
// them as the author types, and their errors stopping the save (`isValid`).

import React from 'react';

import { cleanHtml } from '../paste.js';
import { Messages, fieldProblems, h, validity } from './common.js';

/**
 * Paste into the rich-text body: the clipboard's HTML is cleaned (paste.js) and handed to the
 * editor as if it had been pasted, through the `beforeinput` event the editor listens to.
 */
function onPasteCapture(event) {
  const data = event.clipboardData;
  const html = data && data.getData('text/html');
  const editable = event.target.closest && event.target.closest('[data-slate-editor]');
  if (!html || !editable) return;
  event.preventDefault();
  event.stopPropagation();
  const clean = new DataTransfer();
  clean.setData('text/html', cleanHtml(html));
  clean.setData('text/plain', data.getData('text/plain'));
  editable.dispatchEvent(new InputEvent('beforeinput', {
    inputType: 'insertFromPaste', dataTransfer: clean, bubbles: true, cancelable: true,
  }));
}

export function checkedWidget(CMS, baseName, site) {
  const base = CMS.getWidget(baseName);
  const Base = base.control;

  class Checked extends React.Component {
    isValid = () => {
      return validity(fieldProblems(this.props, site));
    };

    render() {
      const problems = fieldProblems(this.props, site, { shown: true });
      const id = `${this.props.forID}-checks`;
      return h(
        'div',
        {
          className: 'zc-checked',
          'aria-describedby': problems.length ? id : undefined,
          onPasteCapture: baseName === 'markdown' ? onPasteCapture : undefined,
        },
        h(Base, this.props),
        h(Messages, { id, problems }),
      );
    }
  }
  return { name: `checked-${baseName}`, control: Checked, preview: base.preview };
}
