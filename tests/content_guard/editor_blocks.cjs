// The blocks the web editor's preview finds in Markdown texts: Decap CMS's own parser (remark-parse
// with the options decap-cms-widget-markdown gives it). Reads a JSON array of texts on stdin and
// writes, for each, its top-level blocks as [kind, detail], the addresses of its links and the
// number of its line breaks and of its bold, emphasised and struck-out pieces.
'use strict';
const path = require('path');

const root = path.resolve(__dirname, '..', '..', 'node_modules');
const widget = path.dirname(require.resolve('decap-cms-widget-markdown/package.json', { paths: [root] }));
const unified = require(require.resolve('unified', { paths: [widget] }));
const parse = require(require.resolve('remark-parse', { paths: [widget] }));

// A list as kind, first number and items, with the lists inside each item: bullets[.,.(ordered from 1[.])]
function shape(list) {
  const kind = list.ordered ? `ordered from ${list.start}` : 'bullets';
  const items = list.children.map(item => '.' + item.children.filter(c => c.type === 'list').map(l => `(${shape(l)})`).join(''));
  return `${kind}[${items.join(',')}]`;
}

function detail(node) {
  if (node.type === 'heading') return node.depth;
  if (node.type === 'list') return shape(node);
  return null;
}

function links(node, found) {
  if (node.type === 'link') found.push(node.url);
  for (const child of node.children || []) links(child, found);
  return found;
}

function inline(node, counts) {
  if (['strong', 'emphasis', 'delete'].includes(node.type)) counts[node.type] = (counts[node.type] || 0) + 1;
  for (const child of node.children || []) inline(child, counts);
  return counts;
}

function breaks(node) {
  return (node.type === 'break' ? 1 : 0) + (node.children || []).reduce((n, child) => n + breaks(child), 0);
}

let input = '';
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const processor = unified().use(parse, { fences: true, commonmark: true });
  const out = JSON.parse(input).map(text => {
    const tree = processor.parse(text);
    return { blocks: tree.children.map(node => [node.type, detail(node)]), links: links(tree, []), breaks: breaks(tree), inline: inline(tree, {}) };
  });
  process.stdout.write(JSON.stringify(out));
});
