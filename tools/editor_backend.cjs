'use strict';
// The local git backend of `invoke editor`: decap-server's own git middleware, served on a Unix
// socket that only the editor's Python server (tools/editor.py) talks to. The browser never
// reaches this process: it sends its requests to http://127.0.0.1:8000/api/v1, which forwards
// them here after checking the Host and Origin headers.
//
//   node tools/editor_backend.cjs <socket path> <git repository>
const fs = require('fs');
const path = require('path');

const [socketPath, repo] = process.argv.slice(2);
if (!socketPath || !repo) {
  console.error('usage: node tools/editor_backend.cjs <socket path> <git repository>');
  process.exit(2);
}
process.env.GIT_REPO_DIRECTORY = path.resolve(repo);

const express = require('express');
const { registerLocalGit } = require('decap-server/dist/middlewares');

(async () => {
  const app = express();
  await registerLocalGit(app, { logLevel: process.env.EDITOR_BACKEND_LOG_LEVEL || 'warn' });
  if (fs.existsSync(socketPath)) fs.unlinkSync(socketPath);
  const server = app.listen(socketPath, () => {
    fs.chmodSync(socketPath, 0o600);
    process.stdout.write('ready\n');
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The Python server holds our stdin open; when it ends, however it ends, so do we.
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
})().catch(error => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
