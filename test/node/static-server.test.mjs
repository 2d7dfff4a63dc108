// The reference server stays up when a file under dist/ cannot be read: unreadable (EACCES), a
// folder where a file is expected, a read that fails part-way, or a file removed while it is
// served. Each becomes a 404 or 500 answer (or a cut response), and the next request is served.
// The server runs in a child process (as `nobody` when the tests run as root, since root reads
// every file whatever its mode) so that a crash shows as the child's exit, not this runner's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'maig-static-'));
const site = join(dir, 'site');
const asRoot = process.getuid?.() === 0;
let child;
let base;
let stderr = '';
let exited = null;

before(async () => {
  // A copy of the server's modules, readable by `nobody` wherever this clone lives.
  cpSync(join(repo, 'server'), join(dir, 'server'), { recursive: true, filter: (src) => !src.includes(`${join(repo, 'server', 'data')}`) });
  mkdirSync(join(site, 'dist', 'feed', 'v1'), { recursive: true });
  mkdirSync(join(site, 'demo'), { recursive: true });
  writeFileSync(join(site, 'dist', 'ok.js'), 'export const ok = 1;\n');
  writeFileSync(join(site, 'dist', 'locked.js'), 'export const secret = 1;\n');
  chmodSync(join(site, 'dist', 'locked.js'), 0o000);
  // dist/folder.js/ is a folder, and its index.html is a folder too: no file to serve.
  mkdirSync(join(site, 'dist', 'folder.js', 'index.html'), { recursive: true });
  // A file whose read fails after it was opened (reading /proc/self/mem at 0 gives EIO).
  symlinkSync('/proc/self/mem', join(site, 'dist', 'broken.js'));
  // A large file that is removed while it is being sent.
  writeFileSync(join(site, 'dist', 'big.js'), Buffer.alloc(8 * 1024 * 1024, 'a'));
  for (const p of [dir, join(dir, 'server'), site, join(site, 'dist'), join(site, 'demo')]) chmodSync(p, 0o755);
  const script = `
    const { start } = await import(${JSON.stringify(join(dir, 'server', 'index.mjs'))});
    const { url } = await start({ port: 0, root: ${JSON.stringify(site)} });
    console.log('LISTENING ' + url);
  `;
  child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  child.stderr.on('data', (d) => (stderr += d));
  child.once('exit', (code, signal) => (exited = { code, signal }));
  base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/LISTENING (\S+)/);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
});

after(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path, init) => fetch(new URL(path, base), init);

async function stillUp() {
  const res = await get('dist/ok.js');
  assert.equal(res.status, 200, 'a readable file is still served');
  assert.equal(await res.text(), 'export const ok = 1;\n');
  assert.equal(exited, null, `the server exited: ${JSON.stringify(exited)} ${stderr}`);
}

test('an unreadable file (EACCES) answers 500 and the server stays up', async () => {
  const res = await get('dist/locked.js');
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), { error: 'unreadable-file', message: 'This file cannot be read now.' });
  await stillUp();
  assert.match(stderr, /cannot read .*locked\.js: EACCES/);
});

test('a folder where a file is expected answers 404 and the server stays up', async () => {
  const res = await get('dist/folder.js');
  assert.equal(res.status, 404);
  await res.arrayBuffer();
  await stillUp();
});

test('a read that fails after the file was opened ends that answer only', async () => {
  const res = await get('dist/broken.js').catch((error) => error);
  if (res instanceof Response) {
    await res.arrayBuffer().catch(() => {});
    assert.ok(res.status === 500 || res.status === 200, `status ${res.status}`);
  }
  await stillUp();
});

test('a file removed while it is served: the answer completes, then it is a 404', async () => {
  const res = await get('dist/big.js');
  assert.equal(res.status, 200);
  const reader = res.body.getReader();
  await reader.read();
  rmSync(join(site, 'dist', 'big.js'));
  let bytes = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
  assert.ok(bytes > 0);
  const gone = await get('dist/big.js');
  assert.equal(gone.status, 404);
  await gone.arrayBuffer();
  await stillUp();
});

test('many requests for unreadable files in a row: still up', async () => {
  for (let i = 0; i < 50; i++) {
    const res = await get(i % 2 ? 'dist/locked.js' : 'dist/broken.js').catch(() => null);
    await res?.arrayBuffer().catch(() => {});
  }
  await stillUp();
});
