// ป้ายกำกับ: the tags of a release as removable chips, with the site's existing tags offered while
// typing (most used first); Enter or a comma adds the typed tag.

import React from 'react';

import { Messages, fieldProblems, h, plain } from './common.js';

export function tagsWidget(site) {
  class ThaiTags extends React.Component {
    state = { text: '' };

    tags() {
      return (plain(this.props.value) || []).map(String);
    }

    add = raw => {
      const names = String(raw).split(/[,;]/).map(t => t.trim()).filter(Boolean);
      const tags = this.tags();
      const added = names.filter(name => !tags.includes(name));
      if (added.length) this.props.onChange([...tags, ...added]);
      this.setState({ text: '' });
    };

    remove = name => {
      this.props.onChange(this.tags().filter(tag => tag !== name));
    };

    onKeyDown = event => {
      if ((event.key === 'Enter' || event.key === ',') && this.state.text.trim()) {
        event.preventDefault();
        this.add(this.state.text);
      } else if (event.key === 'Backspace' && !this.state.text && this.tags().length) {
        this.remove(this.tags()[this.tags().length - 1]);
      }
    };

    onChange = event => {
      const text = event.target.value;
      // A suggestion picked from the list is added at once.
      if (site.tags.includes(text.trim()) && !this.tags().includes(text.trim())) this.add(text);
      else this.setState({ text });
    };

    render() {
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const tags = this.tags();
      const listId = `${forID}-suggestions`;
      const describedBy = `${forID}-checks`;
      return h(
        'div',
        { className: 'zc-tags' },
        tags.length
          ? h('ul', { className: 'zc-chips', 'aria-label': 'ป้ายกำกับที่เลือกแล้ว' },
              ...tags.map(tag => h('li', { key: tag, className: 'zc-chip' }, tag,
                h('button', { type: 'button', className: 'zc-chip-remove', 'aria-label': `ลบป้ายกำกับ ${tag}`, onClick: () => this.remove(tag) }, '×'))))
          : null,
        h(
          'div',
          { className: 'zc-row' },
          h('input', {
            id: forID,
            className: classNameWrapper,
            type: 'text',
            list: listId,
            autoComplete: 'off',
            placeholder: 'พิมพ์ป้ายกำกับ แล้วกด Enter',
            value: this.state.text,
            'aria-describedby': describedBy,
            onChange: this.onChange,
            onKeyDown: this.onKeyDown,
            onFocus: setActiveStyle,
            onBlur: () => {
              if (this.state.text.trim()) this.add(this.state.text);
              setInactiveStyle();
            },
          }),
          h('button', { type: 'button', className: 'zc-button', onClick: () => this.add(this.state.text) }, 'เพิ่ม'),
        ),
        h('datalist', { id: listId }, ...site.tags.filter(tag => !tags.includes(tag)).map(tag => h('option', { key: tag, value: tag }))),
        h(Messages, { id: describedBy, problems: fieldProblems(this.props, site) }),
      );
    }
  }

  const Preview = ({ value }) => h('span', null, (plain(value) || []).join(', '));
  return { name: 'thai-tags', control: ThaiTags, preview: Preview };
}
