// Every CLI command, in the order `parley --help` lists them. Add a command by adding its file here.
// A command's file imports only what its options and help need, and its implementation inside its
// action, so `parley --help` and light commands start without the pipeline, server or queue.
import type { CommandRegistrar } from '../io.js';
import { migrateCommand } from './migrate.js';
import { ingestCommand } from './ingest.js';
import { extractCommand } from './extract.js';
import { listCommand } from './list.js';
import { showCommand } from './show.js';
import { searchCommand } from './search.js';
import { workerCommand } from './worker.js';
import { jobsCommand } from './jobs.js';
import { eventsCommand } from './events.js';
import { timelineCommand } from './timeline.js';
import { dyadCommand } from './dyad.js';
import { positionsCommand } from './positions.js';
import { reversalsCommand } from './reversals.js';
import { briefCommand } from './brief.js';
import { exportCommand } from './export.js';
import { serveCommand } from './serve.js';
import { startCommand } from './start.js';
import { quotesCommand } from './quotes.js';
import { actorsCommand } from './actors.js';
import { actorCommand } from './actor.js';

export const commands: CommandRegistrar[] = [ingestCommand, extractCommand, listCommand, showCommand, searchCommand, actorsCommand, actorCommand, quotesCommand, eventsCommand, timelineCommand, dyadCommand, positionsCommand, reversalsCommand, briefCommand, exportCommand, serveCommand, startCommand, migrateCommand, workerCommand, jobsCommand];
