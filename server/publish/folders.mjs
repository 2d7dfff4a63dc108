// Published feeds on disk: each publish writes a whole feed into a new folder under the feed
// root, then points the `current` link at it with one rename(2), so a reader sees the old feed or
// the new one, never a mix or a half-written file. Older folders are pruned, keeping a few.
import { mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** How a feed folder is named: its time (sortable), then random letters. */
const FOLDER = /^feed-\d{8}T\d{9}Z-[0-9a-f]{8}$/;

export function newFolderName(now = new Date()) {
  return `feed-${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** The folder `current` points at (an absolute path), or null when nothing was published. */
export function currentFolder(root) {
  try {
    return join(root, readlinkSync(join(root, 'current')));
  } catch {
    return null;
  }
}

/** Points `current` at `name` (a folder of `root`) atomically. */
export function swapCurrent(root, name) {
  const tmp = join(root, `.current-${randomBytes(6).toString('hex')}`);
  symlinkSync(name, tmp);
  try {
    renameSync(tmp, join(root, 'current'));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Removes feed folders older than the `keep` newest (the current one is always kept), and any
 * link or folder left by a publish that stopped half-way. Returns the names removed.
 */
export function prune(root, keep = 3) {
  mkdirSync(root, { recursive: true });
  const current = currentFolder(root);
  const names = readdirSync(root);
  const feeds = names.filter((n) => FOLDER.test(n)).sort();
  const removed = [];
  const keepSet = new Set(feeds.slice(-keep));
  for (const name of feeds) {
    if (keepSet.has(name) || join(root, name) === current) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  for (const name of names.filter((n) => n.startsWith('.current-'))) rmSync(join(root, name), { force: true });
  return removed;
}
