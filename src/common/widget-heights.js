// Written by scripts/measure-heights.mjs: each widget's embed page height (px) in Chromium,
// [at 640 px wide, at 360 px wide], the tallest of its samples; the widget registry (widgets.js)
// reserves the 640 px height plus a margin. Re-measure after a change that makes a widget taller.
// Samples, at 640 (at 360):
//   member-count (default): 154 (196)
//   member-count NJ: 154 (196)
//   principles (default): 1108 (1716)
//   city-stats MD Baltimore: 1546 (2281)
//   city-stats IL Chicago: 1567 (2350)
//   city-stats AZ Tucson: 1567 (2327)
//   city-stats AL Selma: 1609 (2404)
//   join-form (default): 1103 (1201)
//   member-map (default): 697 (672)
/** @type {Readonly<Record<string, readonly [number, number]>>} */
export const MEASURED = { 'member-count': [154, 196], 'principles': [1108, 1716], 'city-stats': [1609, 2404], 'join-form': [1103, 1201], 'member-map': [697, 672] };
