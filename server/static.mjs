// Serves files from a folder with correct types, ETags and no path escapes. A file that cannot be
// read (permissions, gone between the lookup and the read, a folder where a file was expected)
// gets a 404 or 500 answer; it never takes the process down with it.
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { sendPrivateJson } from './http/answer.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** Errors that mean "there is no such file here": the caller may go on to its next route. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EINVAL']);

/**
 * Opens `path` (or `path/index.html` for a folder) and returns its descriptor and stat, `null`
 * when there is no such file, or throws the error that made an existing file unreadable.
 */
function openFile(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
    let stat = fstatSync(fd);
    if (stat.isDirectory()) {
      closeSync(fd);
      fd = undefined;
      path = join(path, 'index.html');
      fd = openSync(path, 'r');
      stat = fstatSync(fd);
    }
    if (!stat.isFile()) {
      closeSync(fd);
      return null;
    }
    return { fd, stat, path };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (MISSING.has(error.code)) return null;
    throw error;
  }
}

function answerError(res, status, error, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendPrivateJson(res, status, { error, message });
}

/** Returns true when it answered (a file, or an error about one), false to let the caller go on. */
export function serveFile(req, res, root, urlPath, extraHeaders = {}) {
  const base = resolve(root);
  let path;
  try {
    path = normalize(join(base, decodeURIComponent(urlPath)));
  } catch {
    return false;
  }
  if (path !== base && !path.startsWith(base + sep)) return false;
  if (path.includes('\0')) return false;
  let file;
  try {
    file = openFile(path);
  } catch (error) {
    // The file is there but cannot be read (EACCES, EISDIR, EIO…): a server error, not a crash.
    console.error(`static: cannot read ${path}: ${error.code ?? error.message}`);
    answerError(res, 500, 'unreadable-file', 'This file cannot be read now.');
    return true;
  }
  if (!file) return false;
  const { fd, stat } = file;
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'content-length': stat.size,
    etag,
    'cache-control': 'no-cache',
    ...extraHeaders,
  };
  if (req.headers['if-none-match'] === etag || req.method === 'HEAD') {
    closeSync(fd);
    res.writeHead(req.method === 'HEAD' ? 200 : 304, headers);
    res.end();
    return true;
  }
  // Read from the descriptor already open: a file removed or renamed now is still served whole,
  // and a read error part-way ends this one answer, never the process.
  const stream = createReadStream('', { fd, autoClose: true });
  stream.once('error', (error) => {
    console.error(`static: error reading ${file.path}: ${error.code ?? error.message}`);
    answerError(res, 500, 'unreadable-file', 'This file cannot be read now.');
  });
  res.once('close', () => stream.destroy());
  res.writeHead(200, headers);
  stream.pipe(res);
  return true;
}
