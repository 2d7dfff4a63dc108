// Prints a plain "N passed, N failed, N skipped" line when the test runner exits, and writes
// the counts to .wtr-out/summary.json so scripts/test.mjs can add them to its own total.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite.suites ?? []) count(s, totals);
}

export function plainSummaryReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (session.errors?.length) totals.sessionErrors += session.errors.length;
      }
      process.once('exit', () => {
        mkdirSync('.wtr-out', { recursive: true });
        writeFileSync('.wtr-out/summary.json', JSON.stringify(totals));
        if (!process.env.MAIG_QUIET_SUMMARY) {
          process.stdout.write(`\nbrowser: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
        }
      });
    },
  };
}
