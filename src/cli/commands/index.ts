// Every CLI command, in the order `parley --help` lists them. Add a command by adding its file here.
import type { CommandRegistrar } from '../io.js';
import { migrateCommand } from './migrate.js';

export const commands: CommandRegistrar[] = [migrateCommand];
