// Finds a Chromium (or Chrome) for the browser tests: CHROME_PATH, then the usual paths, then the
// PATH. On Debian as root it installs Debian's chromium with apt; otherwise it says, in one line,
// what to install. Used by scripts/test.mjs before anything else runs.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { aptInstall } from './apt.mjs';

/** Where Chromium and Chrome usually live (Debian, Ubuntu, Fedora, snap, Flatpak-less macOS). */
export const COMMON_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Names to look for on the PATH. */
export const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** What to install, in one line. */
export const INSTALL_HINT =
  'npm test needs Chromium: install it (Debian/Ubuntu: apt-get install --no-install-recommends chromium fonts-liberation; others: Chromium or Google Chrome) or set CHROME_PATH to its executable.';

/** What apt installs (root on Debian). */
export const APT_PACKAGES = ['chromium', 'fonts-liberation'];

const executable = (path) => {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The first Chromium found: `{ path, from }`, or null.
 * @param {{ env?: NodeJS.ProcessEnv, paths?: string[] }} [options] `paths`: the usual paths to try (tests pass [])
 */
export function findChrome({ env = process.env, paths = COMMON_PATHS } = {}) {
  if (env.CHROME_PATH && executable(env.CHROME_PATH)) return { path: env.CHROME_PATH, from: 'CHROME_PATH' };
  for (const p of paths) if (executable(p)) return { path: p, from: 'common path' };
  for (const dir of String(env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const p = join(dir, name);
      if (executable(p)) return { path: p, from: 'PATH' };
    }
  }
  return null;
}

/**
 * Whether these Node tests need Chromium: a folder of them, or a file that imports a `…/browser.mjs`
 * (scripts/lib/browser.mjs or a test helper over it).
 * @param {string[]} files the Node test files and folders scripts/test.mjs runs
 */
export function needsChrome(files) {
  return files.some((f) => {
    if (!f.endsWith('.mjs')) return true; // a folder
    try {
      return /\/browser\.mjs['"]/.test(readFileSync(f, 'utf8'));
    } catch {
      return false; // no such file: node --test reports it, no browser involved
    }
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version');

/**
 * Finds Chromium, installs it with apt when root on Debian, or returns the one-line hint.
 * `dryRun` prints the apt commands instead of running them (MAIG_APT_DRY_RUN=1).
 * @returns {{ ok: true, path: string, from: string } | { ok: false, message: string }}
 */
export function ensureChrome({
  env = process.env,
  paths = COMMON_PATHS,
  root = isRoot(),
  debian = isDebian(),
  dryRun = env.MAIG_APT_DRY_RUN === '1',
  log = (line) => console.log(line),
} = {}) {
  if (env.CHROME_PATH && !executable(env.CHROME_PATH)) log(`CHROME_PATH=${env.CHROME_PATH} is not an executable file; looking elsewhere.`);
  let found = findChrome({ env, paths });
  if (found) return { ok: true, ...found };
  if (root && debian) {
    log('Chromium not found: installing Debian\'s chromium with apt (about 25 s).');
    const installed = aptInstall(APT_PACKAGES, { env, dryRun, log });
    if (!installed.ok) return { ok: false, message: `${installed.message}. ${INSTALL_HINT}` };
    found = findChrome({ env, paths });
    if (found) return { ok: true, ...found };
  }
  return { ok: false, message: INSTALL_HINT };
}
