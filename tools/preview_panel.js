// The live preview's problem panel (served by tools/preview_panel.py, never part of the site).
// Shows every problem of the content with its file and line, what is wrong and how to fix it,
// the problems of the page on screen first. No problem, no panel. Built with DOM calls only:
// the messages quote what authors wrote.
(() => {
  "use strict";

  const SEVERITY = { error: "ข้อผิดพลาด", warning: "คำเตือน" };
  const STYLE = `
    .preview-problems { position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 45vh;
      overflow: auto; background: #fff; color: #1a1a1a; border-top: 4px solid #a4001d;
      box-shadow: 0 -2px 12px rgba(0, 0, 0, .25); font: 16px/1.6 Sarabun, system-ui, sans-serif;
      padding: .75rem 1rem 1rem; }
    .preview-problems.is-warning { border-top-color: #7a4b00; }
    .preview-problems h2 { font-size: 1.1rem; margin: 0 0 .25rem; color: #1a1a1a; }
    .preview-problems p { margin: .25rem 0; }
    .preview-problems ol { margin: .5rem 0 0; padding-left: 1.5rem; }
    .preview-problems li { margin: 0 0 .6rem; }
    .preview-problems code { font: 15px/1.4 ui-monospace, monospace; background: #f1f1f1;
      color: #1a1a1a; padding: 0 .25rem; }
    .preview-problems .severity-error { color: #a4001d; font-weight: 700; }
    .preview-problems .severity-warning { color: #7a4b00; font-weight: 700; }
    .preview-problems .here { font-weight: 700; }
    .preview-problems .english { color: #444; font-size: .9rem; }
    .preview-problems button { font: inherit; margin-top: .25rem; padding: .2rem .75rem;
      border: 2px solid #1a1a1a; background: #fff; color: #1a1a1a; border-radius: .25rem;
      cursor: pointer; }
    .preview-problems button:focus-visible { outline: 3px solid #0b3d6e; outline-offset: 2px; }
  `;

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children) node.append(child);
    return node;
  }

  function item(problem, here) {
    const where = element("code", {}, problem.where);
    const severity = element("span", { class: `severity-${problem.severity}` }, SEVERITY[problem.severity]);
    const head = element("p", {}, where, " ", severity);
    if (here) head.append(" ", element("span", { class: "here" }, "(หน้านี้)"));
    const what = element("p", {}, problem.thai);
    const node = element("li", { "data-severity": problem.severity, "data-rule": problem.rule }, head, what);
    if (problem.fix) node.append(element("p", { class: "fix" }, `วิธีแก้: ${problem.fix}`));
    const english = problem.fix_english ? `${problem.english}; fix: ${problem.fix_english}` : problem.english;
    node.append(element("p", { class: "english", lang: "en" }, english));
    return node;
  }

  async function show() {
    let problems;
    try {
      const response = await fetch("/__preview__/problems.json", { cache: "no-store" });
      problems = await response.json();
    } catch (error) {
      return; // the live server stopped: nothing to say
    }
    if (!problems.length) return;
    const path = decodeURI(location.pathname);
    const mine = (p) => p.page !== null && (p.page === path || p.page === path.replace(/index\.html$/, ""));
    const ordered = [...problems.filter(mine), ...problems.filter((p) => !mine(p))];
    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.length - errors;

    document.head.append(element("style", {}, STYLE));
    const list = element("ol", { id: "preview-problems-list" }, ...ordered.map((p) => item(p, mine(p))));
    const title = element("h2", { id: "preview-problems-title" },
      `ปัญหาในเนื้อหา: ข้อผิดพลาด ${errors} รายการ คำเตือน ${warnings} รายการ`);
    const panel = element("section", {
      id: "preview-problems", class: errors ? "preview-problems" : "preview-problems is-warning",
      "aria-labelledby": "preview-problems-title", lang: "th",
    }, title);
    if (ordered.some((p) => mine(p) && p.severity === "error")) {
      panel.append(element("p", {}, "หน้านี้ยังแสดงฉบับล่าสุดที่ไม่มีข้อผิดพลาด แก้ไฟล์ตามวิธีแก้แล้วบันทึก หน้านี้จะเปลี่ยนเอง"));
    }
    panel.append(element("p", {}, "ข้อผิดพลาดต้องแก้ก่อนเผยแพร่ คำเตือนก็เช่นกันเมื่อเผยแพร่จริง (invoke publish)"));
    const toggle = element("button", { type: "button", "aria-expanded": "true", "aria-controls": "preview-problems-list" }, "ซ่อนรายการ");
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      toggle.textContent = open ? "แสดงรายการ" : "ซ่อนรายการ";
      list.hidden = open;
    });
    panel.append(toggle, list);
    document.body.append(panel);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
