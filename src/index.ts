// The library core. The CLI, the HTTP server and the web app call only what is exported here.
export * from './document.js';
export * from './pipeline.js';
export { createDefaultPipeline, defaultStages } from './stages.js';
export * from './store/store.js';
export { openStore, resolveDbLocation, DEFAULT_DB } from './store/open.js';
export { documentId, simhash } from './ingest/fingerprint.js';
