// Decap's own widgets (string, text, select, markdown) with the checks of their field shown under
// them as the author types, and their errors stopping the save (`isValid`).

import React from 'react';

import { Messages, fieldProblems, h, validity } from './common.js';

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
        { className: 'zc-checked', 'aria-describedby': problems.length ? id : undefined },
        h(Base, this.props),
        h(Messages, { id, problems }),
      );
    }
  }
  return { name: `checked-${baseName}`, control: Checked, preview: base.preview };
}
