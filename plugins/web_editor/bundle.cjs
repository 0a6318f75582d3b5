// Bundles the web editor with esbuild's JavaScript API (bundle.py runs it with node).
//
//   node bundle.cjs '<json>'   json: { entry, outfile, minify, replace: { "<file>": { "<old>": "<new>" } } }
//
// `replace` changes literal text in Decap's own files as they are bundled (bundle.py's
// DECAP_COLOURS and DECAP_BOARD_TEXT say what and why). Each file is matched by the end of its path inside
// node_modules; a file or a text that is not found fails the bundle, so a new Decap release that
// moved them is noticed instead of shipping its old colours silently.

'use strict';

const fs = require('fs');
const esbuild = require('esbuild');

const options = JSON.parse(process.argv[2]);
const replace = options.replace || {};
const applied = new Set();

const replacing = {
  name: 'replace-in-decap',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, args => {
      const path = args.path.replace(/\\/g, '/');
      const file = Object.keys(replace).find(name => path.endsWith(`/node_modules/${name}`));
      if (!file) return undefined;
      let text = fs.readFileSync(args.path, 'utf8');
      for (const [old, fresh] of Object.entries(replace[file])) {
        if (!text.includes(old)) continue;
        text = text.split(old).join(fresh);
        applied.add(`${file}\0${old}`);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

esbuild.build({
  entryPoints: [options.entry],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: options.outfile,
  minify: Boolean(options.minify),
  logLevel: 'error',
  plugins: [replacing],
}).then(() => {
  const missing = [];
  for (const [file, texts] of Object.entries(replace)) {
    for (const old of Object.keys(texts)) if (!applied.has(`${file}\0${old}`)) missing.push(`${file}: ${old}`);
  }
  if (missing.length) {
    console.error(`not found in Decap's files (update DECAP_COLOURS or DECAP_BOARD_TEXT in bundle.py): ${missing.join('; ')}`);
    process.exit(2);
  }
}).catch(() => process.exit(1));
