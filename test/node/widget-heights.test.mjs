// The heights an iframe reserves (the widget registry, from src/common/widget-heights.js) are
// measured, not typed: each widget's embed page, rendered now in Chromium at 640 px for the
// sample members of scripts/measure-heights.mjs, must fit in its reserved height. When a change
// makes a widget taller, this fails until `node scripts/measure-heights.mjs` is run again.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../../server/index.mjs';
import { launch } from '../../scripts/lib/browser.mjs';
import { SAMPLES, measure } from '../../scripts/measure-heights.mjs';
import { HEIGHT_MARGIN, WIDGETS } from '../../src/common/widgets.js';
import { MEASURED } from '../../src/common/widget-heights.js';

describe('reserved iframe heights', () => {
  const env = {};
  before(async () => {
    Object.assign(env, await start({ port: 0 }));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.close?.();
  });

  test('every widget has a measured height and sample members; the registry reserves it plus the margin', () => {
    for (const name of Object.keys(WIDGETS)) {
      assert.ok(MEASURED[name], `${name}: not measured`);
      assert.ok(SAMPLES[name]?.length, `${name}: no sample`);
      assert.equal(WIDGETS[name].height, MEASURED[name][0] + HEIGHT_MARGIN, name);
    }
  });

  test('at 640 px no widget outgrows its reserved height (Baltimore, Chicago, Tucson, Selma for the statistics)', async () => {
    for (const [name, samples] of Object.entries(SAMPLES)) {
      for (const attrs of samples) {
        const height = await measure(env.browser, env.url, name, attrs, 640);
        assert.ok(height <= WIDGETS[name].height, `${name} ${JSON.stringify(attrs)} measures ${height} px at 640 px, over its reserved ${WIDGETS[name].height} px: run node scripts/measure-heights.mjs`);
      }
    }
  });
});
