import type { Command } from 'commander';
import { isFailure } from '../../ingest/errors.js';
import { extract } from '../../ingest/ingest.js';
import { globals, printJsonLine, type CommandRegistrar } from '../io.js';
import { readerOptions, type IngestCommandOptions } from './ingest.js';

export const extractCommand: CommandRegistrar = (program, setExit) => {
  readerOptions(
    program
      .command('extract')
      .description('process articles and print each as one JSON line (the document contract); nothing is stored')
      .argument('<inputs...>', 'files, folders, URLs or - for standard input'),
  ).action(async (inputs: string[], opts: IngestCommandOptions, cmd: Command) => {
    let failed = 0;
    for await (const r of extract(inputs, { allowPrivate: !!opts.allowPrivate, lexicons: globals(cmd).lexicon })) {
      if (isFailure(r)) {
        failed++;
        process.stderr.write(`failed: ${r.input}: ${r.error}\n`);
      } else {
        // the contract's fields first, then whatever later stages add; tokens are internal
        const { id, title, published, publisher, authors, dateline, url, source, text, actors, mentions, quotes, times, events, tokens: _tokens, ...rest } = r;
        printJsonLine({ id, title, published, publisher, authors, dateline, url, source, text, actors, mentions, quotes, times, events, ...rest });
      }
    }
    setExit(failed ? 1 : 0);
  });
};
