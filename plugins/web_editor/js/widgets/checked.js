// Decap's own widgets (string, text, select, markdown) with the checks of their field shown under
// them as the author types, and their errors stopping the save (`isValid`).

import React from 'react';

import { cleanHtml, htmlToMarkdown } from '../paste.js';
import { Messages, fieldProblems, h, validity } from './common.js';

export function checkedWidget(CMS, baseName, site) {
  const base = CMS.getWidget(baseName);
  const Base = base.control;

  class Checked extends React.Component {
    state = { generation: 0 };

    /**
     * Paste into the rich-text body: the clipboard's HTML is cleaned and written as Markdown
     * (paste.js) after what the body holds; the editor is then drawn again from the Markdown.
     */
    onPasteCapture = event => {
      const data = event.clipboardData;
      const html = data && data.getData('text/html');
      if (!html || !(event.target.closest && event.target.closest('[data-slate-editor]'))) return;
      event.preventDefault();
      event.stopPropagation();
      const pasted = htmlToMarkdown(cleanHtml(html));
      if (!pasted) return;
      const current = String(this.props.value || '').replace(/\s+$/u, '');
      this.props.onChange(current ? `${current}\n\n${pasted}` : pasted);
      this.setState(state => ({ generation: state.generation + 1 }));
    };

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
          onPasteCapture: baseName === 'markdown' ? this.onPasteCapture : undefined,
        },
        h(Base, { ...this.props, key: this.state.generation }),
        h(Messages, { id, problems }),
      );
    }
  }
  return { name: `checked-${baseName}`, control: Checked, preview: base.preview };
}
