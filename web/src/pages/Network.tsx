// Actors as nodes sized by mentions; relations as edges coloured from conflict (red) to
// cooperation (green). Click a node for the actor, an edge for the dyad.
import { useEffect, useRef, useState } from 'react';
import type { BoundingBox12, Core } from 'cytoscape';
import { qs, type ActorSummary, type Page } from '../api';
import { pairs, type DyadSummary } from '../dyads';
import { Empty, ErrorBox, intensityColor, Loading } from '../components/ui';
import { fetchAll } from '../hooks';
import { api } from '../api';
import { href, navigate } from '../router';

const TYPE_COLORS: Record<string, string> = { PERSON: '#3b6fd8', COUNTRY: '#b26a00', ORG: '#7a4bc2', GROUP: '#0f8a83', LOCATION: '#6b7280' };

/** Up to this many actors every node is labelled; beyond it only the most mentioned are, the rest on hover. */
const LABELLED = 30;

/**
 * Start positions on a sunflower spiral, most mentioned at the centre. Cose then runs from
 * them (randomize: false); it draws random numbers only for nodes that share a position, so
 * distinct seeds make the same store give the same picture on every load.
 */
function seed(i: number): { x: number; y: number } {
  const r = 50 * Math.sqrt(i + 0.5);
  const a = i * 2.399963; // the golden angle
  return { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) };
}

/** Widens a laid-out graph to the box's proportions (at most 3×): labels are wide, so room across helps them most. */
function widenToBox(cy: Core, box: HTMLElement): void {
  const bb = cy.nodes().boundingBox({});
  const f = Math.min(3, box.clientWidth / Math.max(1, box.clientHeight) / (bb.w / Math.max(1, bb.h)));
  if (!(f > 1)) return;
  const cx = (bb.x1 + bb.x2) / 2;
  cy.nodes().positions((n) => ({ x: cx + (n.position('x') - cx) * f, y: n.position('y') }));
  cy.fit(undefined, 30);
}

/** Where two labels still collide, the smaller node's label goes (it shows on hover); largest first. */
function declutter(cy: Core): void {
  const kept: BoundingBox12[] = [];
  cy.nodes('[?labelled]')
    .sort((a, b) => b.data('size') - a.data('size'))
    .forEach((n) => {
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (kept.some((k) => k.x1 < b.x2 && b.x1 < k.x2 && k.y1 < b.y2 && b.y1 < k.y2)) n.data('labelled', false);
      else kept.push(b);
    });
}

export function Network() {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: Error | null; nodes: number; edges: number }>({ loading: true, error: null, nodes: 0, edges: 0 });
  const [limit, setLimit] = useState(60);
  const [isolated, setIsolated] = useState(false);

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    (async () => {
      try {
        const [actors, dyads] = await Promise.all([
          api.get<Page<ActorSummary>>('/api/actors' + qs({ limit })),
          fetchAll<DyadSummary>('/api/dyads?limit=1000', 20000),
        ]);
        if (!live) return;
        const top = new Set(actors.items.filter((a) => a.mentions > 0).map((a) => a.id));
        const edges = pairs(dyads.items).filter((d) => top.has(d.a) && top.has(d.b) && d.events > 0);
        // Actors no event links to the others clutter the picture; they are shown on request.
        const linked = new Set(edges.flatMap((d) => [d.a, d.b]));
        const shown = isolated ? top : new Set([...top].filter((id) => linked.has(id)));
        const maxM = Math.max(1, ...actors.items.map((a) => a.mentions));
        const maxE = Math.max(1, ...edges.map((d) => d.events));
        const nodes = actors.items.filter((a) => shown.has(a.id)).sort((x, y) => y.mentions - x.mentions || x.id.localeCompare(y.id));
        const { default: cytoscape } = await import('cytoscape');
        if (!live || !box.current) return;
        cy.current?.destroy();
        cy.current = cytoscape({
          container: box.current,
          elements: [
            ...nodes.map((a, i) => ({
              data: { id: a.id, label: a.name, size: 18 + 46 * Math.sqrt(a.mentions / maxM), color: TYPE_COLORS[a.type] ?? '#6b7280', labelled: i < LABELLED },
              position: seed(i),
            })),
            ...edges.map((d) => ({
              data: { id: `${d.a}|${d.b}`, source: d.a, target: d.b, width: 1.5 + 6 * (d.events / maxE), color: intensityColor(d.intensity), n: d.events },
            })),
          ],
          style: [
            {
              selector: 'node',
              style: {
                width: 'data(size)',
                height: 'data(size)',
                'background-color': 'data(color)',
                label: '',
                'font-size': 'mapData(size, 18, 64, 20, 24)',
                // Labels vanish when zoomed out below this screen size rather than blur into each other.
                'min-zoomed-font-size': 8,
                color: '#111827',
                'text-valign': 'bottom',
                'text-margin-y': 3,
                'text-outline-color': '#fff',
                'text-outline-width': 2.5,
                'text-max-width': '240px',
                'text-wrap': 'ellipsis',
              },
            },
            { selector: 'node[?labelled], node.hover', style: { label: 'data(label)' } },
            { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'curve-style': 'bezier', opacity: 0.85 } },
            { selector: 'edge:selected, edge.hover', style: { opacity: 1, 'underlay-color': '#111827', 'underlay-opacity': 0.15, 'underlay-padding': 4 } },
            { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#111827', 'z-index': 10 } },
          ],
          layout: { name: 'preset' },
        });
        // Labels count as part of each node, so the layout pushes them apart too.
        const layout = cy.current.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 2500, nodeOverlap: 20, idealEdgeLength: () => 40, gravity: 2, componentSpacing: 60, padding: 30 } as never);
        const laidOut = layout.promiseOn('layoutstop');
        layout.run();
        await laidOut;
        if (!live || !box.current) return;
        widenToBox(cy.current, box.current);
        declutter(cy.current);
        cy.current.on('tap', 'node', (e) => navigate(href(['actor', e.target.id()])));
        cy.current.on('tap', 'edge', (e) => navigate(href(['dyad', e.target.data('source'), e.target.data('target')])));
        cy.current.on('mouseover', 'node, edge', (e) => e.target.addClass('hover'));
        cy.current.on('mouseout', 'node, edge', (e) => e.target.removeClass('hover'));
        setState({ loading: false, error: null, nodes: shown.size, edges: edges.length });
      } catch (error) {
        if (live) setState((s) => ({ ...s, loading: false, error: error as Error }));
      }
    })();
    return () => {
      live = false;
    };
  }, [limit, isolated]);

  useEffect(() => () => cy.current?.destroy(), []);

  return (
    <div className="page wide">
      <div className="page-head">
        <h1>Network</h1>
        <div className="legend">
          <span><span className="dot t-PERSON" /> person</span>
          <span><span className="dot t-COUNTRY" /> country</span>
          <span><span className="dot t-ORG" /> organisation</span>
          <span><span className="dot t-GROUP" /> group</span>
          <span className="scale"><span>conflict</span><span className="gradient" /><span>cooperation</span></span>
          <label><input type="checkbox" checked={isolated} onChange={(e) => setIsolated(e.target.checked)} /> unlinked actors</label>
          <label>Actors <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>{[30, 60, 120, 250].map((n) => <option key={n}>{n}</option>)}</select></label>
        </div>
      </div>
      {state.error && <ErrorBox error={state.error} />}
      {state.loading && <Loading what="Laying out the network" />}
      {!state.loading && !state.error && state.nodes === 0 && <Empty title="No actors yet">Ingest articles to see who relates to whom.</Empty>}
      {!state.loading && state.nodes > 0 && state.edges === 0 && <p className="note">No coded event links two of these actors yet.</p>}
      <div ref={box} className="network" data-testid="network" aria-label="Actor network" />
      <p className="small muted">Node size: mentions. Edge colour: mean intensity of the events between the two (−10 conflict … +10 cooperation); width: number of events. Click a node for the actor, an edge for the pair over time.</p>
    </div>
  );
}
