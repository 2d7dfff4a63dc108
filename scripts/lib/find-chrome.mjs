// Finds a Chromium (or Chrome) for the browser tests: CHROME_PATH, then the usual paths, then the
// PATH. On Debian as root it installs Debian's chromium with apt; otherwise it says, in one line,
// what to install. Used by scripts/test.mjs before anything else runs. ensureEngines() does the
// same for the two other engines the browser tests run in: Firefox (firefox-esr) and WebKit
// (WebKitWebDriver with MiniBrowser, under Xvfb).
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

/** Debian's Firefox ESR (FIREFOX_PATH overrides it). */
export const FIREFOX = '/usr/bin/firefox-esr';
/** MiniBrowser, WebKitGTK's browser that WebKitWebDriver drives (from libwebkit2gtk-4.1-0). */
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What each engine besides Chromium needs: the executable looked for and the Debian package that has it. */
export const ENGINE_NEEDS = [
  { engine: 'firefox', what: 'Firefox', find: (env) => env.FIREFOX_PATH || FIREFOX, pkg: 'firefox-esr' },
  { engine: 'webkit', what: 'WebKitWebDriver', find: (env) => onPath('WebKitWebDriver', env), pkg: 'webkit2gtk-driver' },
  { engine: 'webkit', what: 'MiniBrowser', find: () => MINIBROWSER, pkg: 'webkit2gtk-driver' },
  { engine: 'webkit', what: 'Xvfb', find: (env) => onPath('Xvfb', env), pkg: 'xvfb' },
];

/** What to install for Firefox and WebKit, in one line. */
export const ENGINES_HINT =
  'npm test runs the browser tests in Firefox and WebKit too: install them (Debian/Ubuntu: apt-get install --no-install-recommends firefox-esr webkit2gtk-driver xvfb), or choose engines with MAIG_BROWSERS=chromium (comma-separated: chromium,firefox,webkit).';

const executable = (path) => {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The executable `name` on the PATH, or null. */
function onPath(name, env) {
  for (const dir of String(env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const p = join(dir, name);
    if (executable(p)) return p;
  }
  return null;
}

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

/**
 * What Firefox and WebKit need (of the `engines` asked for) that is missing: [{ engine, what, pkg }].
 * @param {{ env?: NodeJS.ProcessEnv, engines?: string[] }} [options]
 */
export function missingEngines({ env = process.env, engines = ['firefox', 'webkit'] } = {}) {
  return ENGINE_NEEDS.filter((n) => engines.includes(n.engine)).filter((n) => {
    const path = n.find(env);
    return !path || !executable(path);
  });
}

/**
 * Finds Firefox and WebKit (WebKitWebDriver, MiniBrowser, Xvfb) for the engines asked for; as root
 * on Debian installs what is missing with apt (firefox-esr, webkit2gtk-driver, xvfb), otherwise
 * returns the one-line hint. `dryRun` prints the apt commands instead (MAIG_APT_DRY_RUN=1).
 * @returns {{ ok: true } | { ok: false, message: string }}
 */
export function ensureEngines({
  env = process.env,
  engines = ['firefox', 'webkit'],
  root = isRoot(),
  debian = isDebian(),
  dryRun = env.MAIG_APT_DRY_RUN === '1',
  log = (line) => console.log(line),
} = {}) {
  let missing = missingEngines({ env, engines });
  if (!missing.length) return { ok: true };
  const what = () => missing.map((m) => m.what).join(', ');
  if (root && debian) {
    const packages = [...new Set(missing.map((m) => m.pkg))];
    log(`${what()} not found: installing Debian's ${packages.join(', ')} with apt (about a minute).`);
    const installed = aptInstall([...packages, 'fonts-liberation'], { env, dryRun, log });
    if (!installed.ok) return { ok: false, message: `${installed.message}. ${ENGINES_HINT}` };
    missing = missingEngines({ env, engines });
    if (!missing.length) return { ok: true };
  }
  return { ok: false, message: `${what()} not found. ${ENGINES_HINT}` };
}
