// A node:test reporter that writes {"passed","failed","skipped"} as JSON (for scripts/test.mjs).
export default async function* summary(source) {
  const t = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') t.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) t.skipped++;
    else if (event.type === 'test:pass') t.passed++;
    else t.failed++;
  }
  yield JSON.stringify(t);
}
