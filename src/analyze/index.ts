// The system over time: the analysis functions the CLI, the HTTP API and the web app share.
export { mergeEvents, type MergedEvent, type EventReport } from './merge.js';
export { timeline, allEvents, type TimelineOptions } from './timeline.js';
export { dyadSeries, dyadsThatMoved, resolveActorId, requireActorId, type DyadSeries, type DyadMove } from './dyads.js';
export { actorPositions, reversals, allPositions, type IssueStand, type Reversal } from './positions.js';
export { buildBrief, renderMarkdown, renderHtml, escapeHtml, type Brief, type BriefOptions, type Citation } from './brief.js';
export { exportSystem, collectExport, toCsv, toGraphml, type ExportFormat, type ExportTable, type ExportData } from './export.js';
export { scoreTone, loadToneLexicon } from './tone.js';
export { loadIssueLexicon } from './issueLexicon.js';
