// Prints plain "N passed, N failed, N skipped" lines when the test runner exits (one per engine,
// then all engines), and writes the counts to .wtr-out/summary.json so scripts/test.mjs can add
// them to its own total: { passed, failed, skipped, sessionErrors, engines: { Chromium: {…}, … } }.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite.suites ?? []) count(s, totals);
}

const zero = () => ({ passed: 0, failed: 0, skipped: 0, sessionErrors: 0 });
const line = (t) => `${t.passed} passed, ${t.failed + t.sessionErrors} failed, ${t.skipped} skipped`;

export function plainSummaryReporter() {
  const totals = { ...zero(), engines: {} };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const engine = (totals.engines[session.browser.name] ??= zero());
        for (const t of [totals, engine]) {
          if (session.testResults) count(session.testResults, t);
          // A file that could not run (failed to load, timed out) counts as one failure.
          if (session.errors?.length) t.sessionErrors += session.errors.length;
        }
      }
      process.once('exit', () => {
        mkdirSync('.wtr-out', { recursive: true });
        writeFileSync('.wtr-out/summary.json', JSON.stringify(totals));
        if (!process.env.MAIG_QUIET_SUMMARY) {
          const lines = Object.entries(totals.engines).map(([name, t]) => `browser ${name}: ${line(t)}`);
          process.stdout.write(`\n${lines.join('\n')}\nbrowser: ${line(totals)}\n`);
        }
      });
    },
  };
}
