// วันที่: a text field that shows and writes B.E. dates (`2569-12-01 09:30`) in the site's time
// (Bangkok), says how the site will show the date, and that a future date holds the release back.
// As ข่าวเด่นจนถึง (`featured_until`) it says until when the release leads the home page instead,
// and which releases are the home page's ข่าวเด่น now (site-data.json's `featured`).
// Any form thai_date reads is accepted (existing releases keep theirs); "ตอนนี้" writes the current
// time in the editor's form. A new release, and a copy of one (copy.js), starts at the current time
// (and a copy without the original's ข่าวเด่นจนถึง).

import React from 'react';

import { featuredNote, heldUntil } from '../checks.js';
import { originalOf } from '../copy.js';
import { DateProblem, editorText, fromDate, parseDate, thaiDate } from '../dates.js';
import { Messages, entryData, fieldProblems, h, validity } from './common.js';

export function dateWidget(site) {
  const rules = site.rules;

  class ThaiDate extends React.Component {
    entry() {
      return typeof this.props.getEntry === 'function' ? this.props.getEntry() : this.props.entry;
    }

    // The release's date (not the date it was updated, `start_now: false`).
    isReleaseDate() {
      return this.props.field.get('start_now') !== false;
    }

    // ข่าวเด่นจนถึง: the end of a pin (site_meta's featured.py), not a date the site shows.
    isPinEnd() {
      return this.props.field.get('name') === 'featured_until';
    }

    componentDidMount() {
      const entry = this.entry();
      if (!this.props.value && entry && entry.get('newRecord') && this.isReleaseDate()) this.setNow();
      else this.dropCopiedDate();
    }

    componentDidUpdate() {
      this.dropCopiedDate();
    }

    // A copy of a release (ทำซ้ำ) starts at the current time, not at the original's date, and
    // without the original's ข่าวเด่น (once: the writer may give the copy the same day again).
    dropCopiedDate() {
      const original = originalOf(this.entry());
      const value = String(this.props.value || '');
      if (this.isReleaseDate() && original && original.date && value === original.date) this.setNow();
      if (this.isPinEnd() && original && value && value === original.featured_until && !this.pinDropped) {
        this.pinDropped = true;
        this.props.onChange('');
      }
    }

    setNow = () => {
      this.props.onChange(editorText(fromDate(new Date(), rules.dates), rules.dates));
    };

    isValid = () => {
      return validity(fieldProblems(this.props, site));
    };

    render() {
      const { value, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const text = value ? String(value) : '';
      const problems = fieldProblems(this.props, site, { shown: true });
      const notes = [];
      if (text && this.isPinEnd()) {
        const note = featuredNote(text, rules, Date.now());
        if (note) notes.push(note);
        const entry = this.entry();
        const path = entry && entry.get('path');
        const others = ((site.featured || {}).now || []).filter(item => item.path !== path);
        if (note && others.length) {
          notes.push(`ข่าวเด่นบนหน้าแรกตอนนี้: ${others.map(item => `"${item.title}"`).join(', ')} `
            + `(หน้าแรกแสดงได้ครั้งละ ${site.featured.max} ข่าว ข่าวที่ใหม่กว่าแสดงก่อน)`);
        }
      } else if (text) {
        try {
          const moment = parseDate(text, rules.dates);
          notes.push(`เว็บไซต์จะแสดงว่า ${thaiDate(moment, 'full', rules.dates)} เวลา ${thaiDate(moment, 'clock', rules.dates)}`);
        } catch (error) {
          if (!(error instanceof DateProblem)) throw error;
        }
        const held = this.isReleaseDate() && heldUntil({ ...entryData(this.props), date: text }, rules, Date.now());
        if (held) notes.push(`วันที่นี้ยังไม่ถึง: ข่าวจะยังไม่ปรากฏบนเว็บไซต์จนถึง ${held} แม้หัวหน้าอนุมัติแล้ว`);
      }
      const describedBy = `${forID}-checks`;
      return h(
        'div',
        { className: 'zc-date' },
        h(
          'div',
          { className: 'zc-row' },
          h('input', {
            id: forID,
            className: classNameWrapper,
            type: 'text',
            inputMode: 'numeric',
            autoComplete: 'off',
            // An example that looks like a value reads as one in an optional field left empty.
            placeholder: this.isReleaseDate() ? 'เช่น 2569-12-01 09:30' : 'ว่างไว้ได้',
            value: text,
            'aria-describedby': describedBy,
            'aria-invalid': problems.some(p => p.level === 'error') ? 'true' : undefined,
            onChange: event => this.props.onChange(event.target.value),
            onFocus: setActiveStyle,
            onBlur: setInactiveStyle,
          }),
          this.isPinEnd() ? null : h('button', { type: 'button', className: 'zc-button', onClick: this.setNow }, 'ตอนนี้'),
        ),
        h(Messages, { id: describedBy, problems, notes }),
      );
    }
  }

  const Preview = ({ value }) => {
    try {
      return h('span', null, thaiDate(parseDate(value, rules.dates), 'full', rules.dates));
    } catch (error) {
      return h('span', null, value ? String(value) : '');
    }
  };
  return { name: 'thai-date', control: ThaiDate, preview: Preview };
}
