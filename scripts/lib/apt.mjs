// Installs Debian packages with apt-get, non-interactively: `apt-get update`, then
// `apt-get install --no-install-recommends`. The caller checks it runs as root on Debian. Used by
// `npm test` (Chromium, scripts/lib/find-chrome.mjs) and `npm run test:wordpress` (test/wordpress/run.mjs).
import { spawnSync } from 'node:child_process';

/** The apt-get commands that install `packages`, as [command, args] pairs. */
export const aptCommands = (packages) => [
  ['apt-get', ['update', '-qq']],
  ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]],
];

/**
 * Runs aptCommands(packages), output shown; stops at the first that fails.
 * `dryRun` logs each command as "(dry run) apt-get …" instead of running it.
 * @param {string[]} packages
 * @param {{ env?: NodeJS.ProcessEnv, dryRun?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ ok: true } | { ok: false, message: string }} message: "apt-get install failed (exit 100)"
 */
export function aptInstall(packages, { env = process.env, dryRun = false, log = (line) => console.log(line) } = {}) {
  for (const [cmd, args] of aptCommands(packages)) {
    if (dryRun) {
      log(`(dry run) ${cmd} ${args.join(' ')}`);
      continue;
    }
    const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) return { ok: false, message: `${cmd} ${args[0]} failed (exit ${r.status ?? r.error?.code})` };
  }
  return { ok: true };
}
