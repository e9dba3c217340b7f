// One pair of actors over time: intensity (what each did to the other) and tone (how each spoke
// of the other), with the events and quotes behind each point.
import { useEffect, useMemo, useState } from 'react';
import type { DyadPoint } from '../../../src/store/store.js';
import { api, qs, type StoredEvent, type StoredQuote } from '../api';
import { useActors } from '../actors';
import { Chart } from '../components/Chart';
import { EventCard } from '../components/EventCard';
import { QuoteCard } from '../components/QuoteCard';
import { Empty, ErrorBox, fmtDate, Loading } from '../components/ui';
import { esc } from '../components/escape';
import { fetchAll } from '../hooks';
import { fromStored, type ShownEvent } from '../events';
import { href, navigate } from '../router';

interface Series {
  source: string;
  target: string;
  by: 'day' | 'week' | 'month';
  points: DyadPoint[];
}

interface Loaded {
  ab: Series;
  ba: Series;
  events: ShownEvent[];
  quotes: StoredQuote[];
}

/** Whether a date falls in the period that starts at `period` (day, Monday-start week, or month). */
function inPeriod(date: string | null | undefined, period: string, by: Series['by']): boolean {
  if (!date) return false;
  if (by === 'month') return date.startsWith(period);
  if (by === 'day') return date.startsWith(period);
  const start = Date.parse(period + 'T00:00:00Z');
  const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return t >= start && t < start + 7 * 86_400_000;
}

export function Dyad({ a, b, granularity }: { a: string; b: string; granularity: string }) {
  const actors = useActors();
  const name = (id: string) => actors.get(id)?.name ?? id;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const by = (['day', 'week', 'month'].includes(granularity) ? granularity : 'month') as Series['by'];

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    setPeriod(null);
    const series = (s: string, t: string) => api.get<Series>(`/api/dyads/${encodeURIComponent(s)}/${encodeURIComponent(t)}` + qs({ granularity: by, exact: 'true' }));
    Promise.all([
      series(a, b),
      series(b, a),
      fetchAll<StoredEvent>('/api/events' + qs({ source: a, target: b, limit: 1000 }), 5000),
      fetchAll<StoredEvent>('/api/events' + qs({ source: b, target: a, limit: 1000 }), 5000),
      fetchAll<StoredQuote>('/api/quotes' + qs({ by: a, about: b, limit: 1000 }), 2000),
      fetchAll<StoredQuote>('/api/quotes' + qs({ by: b, about: a, limit: 1000 }), 2000),
    ])
      .then(([ab, ba, eab, eba, qa, qb]) => {
        if (!live) return;
        const events = [...eab.items, ...eba.items].filter((e) => e.modality !== 'negated').map(fromStored).sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
        const quotes = [...qa.items, ...qb.items].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
        setData({ ab, ba, events, quotes });
      })
      .catch((e: Error) => live && setError(e));
    return () => {
      live = false;
    };
  }, [a, b, by]);

  // Only calendar periods: an undated or year-only report has no place on this axis.
  const periods = useMemo(() => (data ? [...new Set([...data.ab.points, ...data.ba.points].map((p) => p.period))].filter((p) => /^\d{4}-\d{2}(-\d{2})?$/.test(p)).sort() : []), [data]);

  const option = useMemo(() => {
    if (!data || !periods.length) return null;
    const at = (s: Series, per: string) => s.points.find((p) => p.period === per);
    const line = (s: Series, key: 'intensity' | 'tone', color: string, dashed: boolean) => ({
      name: `${name(s.source)} → ${name(s.target)}: ${key === 'intensity' ? 'actions' : 'tone of words'}`,
      type: 'line',
      yAxisIndex: key === 'intensity' ? 0 : 1,
      connectNulls: true,
      symbolSize: (_v: unknown, p: { dataIndex: number }) => 6 + Math.min(10, 2 * ((at(s, periods[p.dataIndex])?.[key === 'intensity' ? 'events' : 'quotes'] as number) ?? 0)),
      lineStyle: { color, type: dashed ? 'dashed' : 'solid', width: 2 },
      itemStyle: { color },
      data: periods.map((per) => at(s, per)?.[key] ?? null),
    });
    return {
      animation: false,
      color: ['#2f5bd3', '#b26a00', '#2f5bd3', '#b26a00'],
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 56, right: 56, top: 48, bottom: 64 },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const per = periods[ps[0]?.dataIndex ?? 0];
          const rows = [data.ab, data.ba].map((s) => {
            const p = at(s, per);
            if (!p) return '';
            const int = p.intensity === null ? '—' : p.intensity.toFixed(1);
            const tone = p.tone === null ? '—' : p.tone.toFixed(1);
            return `<br><b>${esc(name(s.source))} → ${esc(name(s.target))}</b>: ${p.events} events (mean ${esc(int)}), ${p.quotes} quotes (tone ${esc(tone)})`;
          });
          return `${esc(by === 'week' ? `week of ${fmtDate(per)}` : fmtDate(per))}${rows.join('')}<br><i>click for the evidence</i>`;
        },
      },
      xAxis: { type: 'category', data: periods, boundaryGap: true, axisLabel: { formatter: (v: string) => (by === 'week' ? `wk ${fmtDate(v)}` : fmtDate(v)) } },
      yAxis: [
        { type: 'value', min: -10, max: 10, name: 'actions: conflict ↔ cooperation', nameLocation: 'middle', nameGap: 34, splitLine: { lineStyle: { color: '#eef0f4' } } },
        { type: 'value', min: -3, max: 3, name: 'tone: hostile ↔ warm', nameLocation: 'middle', nameGap: 34, splitLine: { show: false } },
      ],
      dataZoom: periods.length > 12 ? [{ type: 'inside' }, { type: 'slider', bottom: 10, height: 20 }] : [],
      series: [
        { ...line(data.ab, 'intensity', '#2f5bd3', false), markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#9aa3b2' }, label: { show: false } } },
        line(data.ba, 'intensity', '#b26a00', false),
        line(data.ab, 'tone', '#2f5bd3', true),
        line(data.ba, 'tone', '#b26a00', true),
      ],
    };
  }, [data, periods, actors, by]);

  const events = (data?.events ?? []).filter((e) => !period || inPeriod(e.date, period, by));
  const quotes = (data?.quotes ?? []).filter((q) => !period || inPeriod(q.date, period, by));

  return (
    <div className="page wide">
      <div className="page-head">
        <div>
          <div className="kicker">Relation</div>
          <h1>
            <a href={href(['actor', a])}>{name(a)}</a> <span className="muted">↔</span> <a href={href(['actor', b])}>{name(b)}</a>
          </h1>
        </div>
        <div className="filters inline">
          <label>
            Per
            <select value={by} onChange={(e) => navigate(href(['dyad', a, b], { granularity: e.target.value }))}>
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
        </div>
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading what="Loading the relation" />}
      {data && !option && <Empty title="Nothing dated between these two yet">No dated event or quote links {name(a)} and {name(b)}.</Empty>}
      {option && (
        <>
          <Chart option={option} height={380} testId="dyad-chart" onClick={(p) => setPeriod(periods[p.dataIndex] ?? null)} />
          <p className="small muted">
            Solid lines: mean intensity of what one did to the other (−10 conflict … +10 cooperation; dot size = number of events). Dashed: tone of what one said about the other (−3 hostile … +3 warm). Click a point for its evidence.
          </p>
        </>
      )}
      {period && (
        <p className="note">
          Evidence for {by === 'week' ? `the week of ${fmtDate(period)}` : fmtDate(period)}. <button className="link" onClick={() => setPeriod(null)}>Show all</button>
        </p>
      )}
      {data && (
        <div className="two-col">
          <section>
            <h2>Events <span className="count">{events.length}</span></h2>
            {events.length === 0 ? <Empty title="No events">No coded event between the two{period ? ' in this period' : ''}.</Empty> : <ul className="plain list">{events.map((e) => <EventCard key={e.key} e={e} />)}</ul>}
          </section>
          <section>
            <h2>What they said about each other <span className="count">{quotes.length}</span></h2>
            {quotes.length === 0 ? <Empty title="No quotes">Neither is quoted about the other{period ? ' in this period' : ''}.</Empty> : <ul className="plain list">{quotes.map((q) => <QuoteCard key={q.id} q={q} />)}</ul>}
          </section>
        </div>
      )}
    </div>
  );
}
