// Every CLI command, in the order `parley --help` lists them. Add a command by adding its file here.
import type { CommandRegistrar } from '../io.js';
import { migrateCommand } from './migrate.js';
import { ingestCommand } from './ingest.js';
import { extractCommand } from './extract.js';
import { listCommand } from './list.js';
import { showCommand } from './show.js';
import { searchCommand } from './search.js';

export const commands: CommandRegistrar[] = [ingestCommand, extractCommand, listCommand, showCommand, searchCommand, migrateCommand];
