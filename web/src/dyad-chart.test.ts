import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dyadChartOption, periodTime, type DyadSeries } from './dyad-chart';

const point = (period: string, intensity: number | null, tone: number | null = null) => ({ period, events: intensity === null ? 0 : 1, byType: {}, intensity, quotes: tone === null ? 0 : 1, tone });
const ab: DyadSeries = { source: 'a', target: 'b', by: 'month', points: [point('2025-01', 3), point('2025-02', 2), point('2025-07', -6)] };
const ba: DyadSeries = { source: 'b', target: 'a', by: 'month', points: [point('2025-02', null, -1), point('2025', 5)] };

test('the dyad chart puts periods on a time axis, so missing months leave a gap', () => {
  const option = dyadChartOption(ab, ba, (id) => id.toUpperCase())!;
  assert.equal(option.xAxis.type, 'time');
  const xs = option.series[0].data.map(([x]) => x);
  // January, February, July: the step to July is five months wide, not one slot.
  assert.deepEqual(xs, [Date.UTC(2025, 0, 1), Date.UTC(2025, 1, 1), Date.UTC(2025, 6, 1)]);
  assert.ok(xs[2] - xs[1] > 4 * (xs[1] - xs[0]));
  // Every series has one entry per period (a year-only report has no place), aligned for clicks.
  for (const s of option.series) assert.deepEqual(s.data.map(([x]) => x), xs);
  assert.deepEqual(option.series[1].data.map(([, y]) => y), [null, null, null]);
  assert.deepEqual(option.series[3].data.map(([, y]) => y), [null, -1, null]);
  assert.equal(option.series[0].name, 'A → B: actions');
});

test('weeks and days sit at their first day; nothing dated gives no chart', () => {
  assert.equal(periodTime('2025-03-10'), Date.UTC(2025, 2, 10));
  assert.equal(periodTime('2025-03'), Date.UTC(2025, 2, 1));
  assert.equal(dyadChartOption({ ...ab, points: [] }, { ...ba, points: [point('2025', 1)] }, String), null);
});
