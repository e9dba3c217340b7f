// One pair of actors over time: intensity (what they did) and tone (what they said), with the
// events and quotes behind each point.
import { useEffect, useMemo, useState } from 'react';
import { ApiError, qs, type StoredEvent, type StoredQuote } from '../api';
import { useActors } from '../actors';
import { Chart } from '../components/Chart';
import { EventCard } from '../components/EventCard';
import { QuoteCard } from '../components/QuoteCard';
import { ActorLink, Empty, ErrorBox, fmtDate, Loading } from '../components/ui';
import { esc } from '../components/escape';
import { api } from '../api';
import { fetchAll } from '../hooks';
import { fromStored, fromTimeline, type ShownEvent } from '../events';
import { href } from '../router';

/** A point of the dyad series as src/analyze returns it (fields it may omit are optional). */
export interface SeriesPoint {
  period: string;
  direction?: string;
  events?: unknown[];
  quotes?: StoredQuote[];
  count?: number;
  intensity?: number | null;
  tone?: number | null;
}

interface Loaded {
  points: SeriesPoint[] | null;
  events: ShownEvent[];
  quotes: StoredQuote[];
}

export function Dyad({ a, b, granularity }: { a: string; b: string; granularity: string }) {
  const actors = useActors();
  const name = (id: string) => actors.get(id)?.name ?? id;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [gran, setGran] = useState(granularity);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    setPeriod(null);
    const series = api
      .get<{ points?: SeriesPoint[]; series?: SeriesPoint[] }>(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}` + qs({ granularity: gran }))
      .then((r) => r.points ?? r.series ?? [])
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.notAvailable) return null;
        throw e;
      });
    Promise.all([
      series,
      fetchAll<StoredEvent>('/api/events' + qs({ source: a, target: b, limit: 1000 }), 5000),
      fetchAll<StoredEvent>('/api/events' + qs({ source: b, target: a, limit: 1000 }), 5000),
      fetchAll<StoredQuote>('/api/quotes' + qs({ by: a, about: b, limit: 1000 }), 2000),
      fetchAll<StoredQuote>('/api/quotes' + qs({ by: b, about: a, limit: 1000 }), 2000),
    ])
      .then(([points, ab, ba, qa, qb]) => {
        if (!live) return;
        const events = [...ab.items, ...ba.items].map(fromStored).sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
        const quotes = [...qa.items, ...qb.items].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
        setData({ points, events, quotes });
      })
      .catch((e: Error) => live && setError(e));
    return () => {
      live = false;
    };
  }, [a, b, gran]);

  const option = useMemo(() => {
    if (!data) return null;
    if (data.points && data.points.length) {
      const periods = [...new Set(data.points.map((p) => p.period))].sort();
      const dirs = [...new Set(data.points.map((p) => p.direction ?? `${a}→${b}`))];
      const series = dirs.flatMap((d) => {
        const at = (per: string) => data.points!.find((p) => p.period === per && (p.direction ?? `${a}→${b}`) === d);
        const label = d.split(/→|->|\|/).map(name).join(' → ');
        return [
          { name: `${label}: intensity`, type: 'line', connectNulls: true, symbolSize: 8, data: periods.map((per) => at(per)?.intensity ?? null) },
          { name: `${label}: tone`, type: 'line', connectNulls: true, symbolSize: 8, lineStyle: { type: 'dashed' }, data: periods.map((per) => at(per)?.tone ?? null) },
        ];
      });
      return {
        animation: false,
        legend: { top: 0 },
        grid: { left: 50, right: 30, top: 40, bottom: 60 },
        tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : esc(Number(v).toFixed(1))) },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', min: -10, max: 10, name: 'conflict ← → cooperation', nameLocation: 'middle', nameGap: 32 },
        dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 10, height: 20 }],
        series: series.map((s) => ({ ...s, markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#cbd2dc' } } })),
      };
    }
    const dated = data.events.filter((e) => e.date);
    if (!dated.length) return null;
    const dir = (e: ShownEvent) => (e.source === a ? `${name(a)} → ${name(b)}` : `${name(b)} → ${name(a)}`);
    const dirs = [...new Set(dated.map(dir))];
    return {
      animation: false,
      legend: { top: 0 },
      grid: { left: 50, right: 30, top: 40, bottom: 60 },
      tooltip: { trigger: 'item', formatter: (p: { data: [string, number, string] }) => `${esc(fmtDate(p.data[0]))}<br>${esc(p.data[2])} · intensity ${esc(p.data[1])}` },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: -10, max: 10, name: 'conflict ← → cooperation', nameLocation: 'middle', nameGap: 32 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 10, height: 20 }],
      series: dirs.map((d) => ({ name: d, type: 'scatter', symbolSize: 12, data: dated.filter((e) => dir(e) === d).map((e) => [e.date, e.intensity, e.type]) })),
    };
  }, [data, actors, a, b]);

  const inPeriod = (d: string | null | undefined) => !period || (d ?? '').startsWith(period) || (data?.points?.some((p) => p.period === period && (d ?? '') >= period) ?? false);
  const events = (data?.events ?? []).filter((e) => inPeriod(e.date));
  const quotes = (data?.quotes ?? []).filter((q) => inPeriod(q.date));
  const pointEvents = period && data?.points ? data.points.filter((p) => p.period === period).flatMap((p) => (p.events ?? []).map((e, i) => fromTimeline(e as Record<string, any>, i))) : null;
  const pointQuotes = period && data?.points ? data.points.filter((p) => p.period === period).flatMap((p) => p.quotes ?? []) : null;

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
            <select value={gran} onChange={(e) => setGran(e.target.value)}>
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
          <a href={href(['dyad', b, a], { granularity: gran })} className="button-link">Swap</a>
        </div>
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading what="Loading the relation" />}
      {data && data.points === null && <p className="note">The dyad series (mean intensity and tone per period) is not in this build; the chart shows each coded event between the two.</p>}
      {data && !option && <Empty title="Nothing dated between these two yet">No coded event and no dated series links {name(a)} and {name(b)}.</Empty>}
      {option && (
        <Chart
          option={option}
          height={360}
          testId="dyad-chart"
          onClick={(p) => {
            if (data?.points?.length) {
              const periods = [...new Set(data.points.map((x) => x.period))].sort();
              setPeriod(periods[p.dataIndex] ?? null);
            }
          }}
        />
      )}
      {period && (
        <p className="note">
          Showing {period}. <button className="link" onClick={() => setPeriod(null)}>Show all</button>
        </p>
      )}
      {data && (
        <div className="two-col">
          <section>
            <h2>Events <span className="count">{(pointEvents ?? events).length}</span></h2>
            {(pointEvents ?? events).length === 0 ? <Empty title="No events">No coded event between <ActorLink id={a} /> and <ActorLink id={b} />.</Empty> : (
              <ul className="plain list">{(pointEvents ?? events).map((e) => <EventCard key={e.key} e={e} />)}</ul>
            )}
          </section>
          <section>
            <h2>What they said about each other <span className="count">{(pointQuotes ?? quotes).length}</span></h2>
            {(pointQuotes ?? quotes).length === 0 ? <Empty title="No quotes">Neither is quoted about the other.</Empty> : (
              <ul className="plain list">{(pointQuotes ?? quotes).map((q) => <QuoteCard key={q.id} q={q} />)}</ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
