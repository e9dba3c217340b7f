// The dyad chart's ECharts option: both directions' actions (intensity) and words (tone) on a
// real time axis, so a month with nothing between the two shows as a gap rather than being
// squeezed out of a row of evenly spaced labels.
import type { DyadPoint } from '../../src/store/store.js';
import { esc } from './components/escape';
import { fmtDate } from './components/ui';

export interface DyadSeries {
  source: string;
  target: string;
  by: 'day' | 'week' | 'month';
  points: DyadPoint[];
}

/** The calendar periods of both directions, oldest first; an undated or year-only report has no place on a time axis. */
export function chartPeriods(ab: DyadSeries, ba: DyadSeries): string[] {
  return [...new Set([...ab.points, ...ba.points].map((p) => p.period))].filter((p) => /^\d{4}-\d{2}(-\d{2})?$/.test(p)).sort();
}

/** Where a period sits on the time axis: its first day, at UTC midnight. */
export function periodTime(period: string): number {
  return Date.parse((period.length === 7 ? `${period}-01` : period) + 'T00:00:00Z');
}

export function dyadChartOption(ab: DyadSeries, ba: DyadSeries, name: (id: string) => string, narrow = false) {
  const by = ab.by;
  const periods = chartPeriods(ab, ba);
  if (!periods.length) return null;
  const at = (s: DyadSeries, per: string) => s.points.find((p) => p.period === per);
  const line = (s: DyadSeries, key: 'intensity' | 'tone', color: string, dashed: boolean) => ({
    name: `${name(s.source)} → ${name(s.target)}: ${key === 'intensity' ? 'actions' : 'tone of words'}`,
    type: 'line',
    yAxisIndex: key === 'intensity' ? 0 : 1,
    connectNulls: true,
    symbolSize: (_v: unknown, p: { dataIndex: number }) => 6 + Math.min(10, 2 * ((at(s, periods[p.dataIndex])?.[key === 'intensity' ? 'events' : 'quotes'] as number) ?? 0)),
    lineStyle: { color, type: dashed ? 'dashed' : 'solid', width: 2 },
    itemStyle: { color },
    // One entry per period in every series, so a click's dataIndex names the same period in each.
    data: periods.map((per) => [periodTime(per), at(s, per)?.[key] ?? null]),
  });
  return {
    animation: false,
    color: ['#2f5bd3', '#b26a00', '#2f5bd3', '#b26a00'],
    legend: { top: 0, textStyle: { fontSize: 12 } },
    // Four legend entries take two or more rows on a phone.
    grid: { left: 56, right: 56, top: narrow ? 104 : 48, bottom: 64 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const per = periods[ps[0]?.dataIndex ?? 0];
        const rows = [ab, ba].map((s) => {
          const p = at(s, per);
          if (!p) return '';
          const int = p.intensity === null ? '—' : p.intensity.toFixed(1);
          const tone = p.tone === null ? '—' : p.tone.toFixed(1);
          return `<br><b>${esc(name(s.source))} → ${esc(name(s.target))}</b>: ${p.events} events (mean ${esc(int)}), ${p.quotes} quotes (tone ${esc(tone)})`;
        });
        return `${esc(by === 'week' ? `week of ${fmtDate(per)}` : fmtDate(per))}${rows.join('')}<br><i>click for the evidence</i>`;
      },
    },
    xAxis: { type: 'time', boundaryGap: ['3%', '3%'], axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', min: -10, max: 10, name: 'actions: conflict ↔ cooperation', nameLocation: 'middle', nameGap: 34, splitLine: { lineStyle: { color: '#eef0f4' } } },
      { type: 'value', min: -3, max: 3, name: 'tone: hostile ↔ warm', nameLocation: 'middle', nameGap: 34, splitLine: { show: false } },
    ],
    dataZoom: periods.length > 12 ? [{ type: 'inside' }, { type: 'slider', bottom: 10, height: 20 }] : [],
    series: [
      { ...line(ab, 'intensity', '#2f5bd3', false), markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#9aa3b2' }, label: { show: false } } },
      line(ba, 'intensity', '#b26a00', false),
      line(ab, 'tone', '#2f5bd3', true),
      line(ba, 'tone', '#b26a00', true),
    ],
  };
}
