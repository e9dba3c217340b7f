// The library core. The CLI, the HTTP server and the web app call only what is exported here.
export * from './document.js';
export * from './pipeline.js';
export { createDefaultPipeline, defaultStages } from './stages.js';
export * from './store/store.js';
export { openStore, resolveDbLocation, DEFAULT_DB } from './store/open.js';
export { documentId, simhash } from './ingest/fingerprint.js';
export { extract, ingest, localProcessor } from './ingest/ingest.js';
export type { BatchProcessor, ExtractOptions, IngestOptions, IngestSummary, IngestItemResult } from './ingest/ingest.js';
export { prepare, processRaw } from './ingest/prepare.js';
export type { RawItem, RawMeta } from './ingest/raw.js';
export type { Input, ReadOptions } from './ingest/sources.js';
export { InputError, isFailure, type Failure } from './ingest/errors.js';
export { MAX_INPUT_BYTES } from './ingest/limits.js';
export * from './analyze/index.js';
export { eventsStage, codeEvents } from './extract/events.js';
export { positionsStage, findPositions } from './extract/positions.js';
