import { Option, type Command } from 'commander';
import type { IngestOptions, IngestSummary } from '../../ingest/ingest.js';
import { MAX_INPUT_BYTES } from '../../ingest/limits.js';
import { globals, withStore, type CommandRegistrar } from '../io.js';
import { queueInputs, threadsOption } from './queue-inputs.js';

export interface IngestCommandOptions {
  allowPrivate?: boolean;
  quiet?: boolean;
  queue?: boolean;
  threads?: number | 'auto';
}

/** Options shared by `ingest` and `extract`; more (e.g. --queue) are added the same way. */
export function readerOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--allow-private', 'allow fetching from loopback/private/link-local addresses'))
    .addHelpText(
      'after',
      `\nInputs: files (.txt .html .xml/.rss/.atom .jsonl, optionally .gz), folders (recursive), http(s) URLs
(pages or feeds), or - for standard input. One article may be at most ${MAX_INPUT_BYTES / 1024 / 1024} MB; larger inputs are refused.`,
    );
}

export function printSummary(s: IngestSummary): void {
  const near = s.nearDuplicates ? ` (${s.nearDuplicates} near duplicate${s.nearDuplicates === 1 ? '' : 's'})` : '';
  process.stderr.write(`stored ${s.stored}${near}, duplicates ${s.duplicates}, failed ${s.failed.length}\n`);
  for (const f of s.failed) process.stderr.write(`failed: ${f.input}: ${f.error}\n`);
}

export const ingestCommand: CommandRegistrar = (program, setExit) => {
  readerOptions(
    program
      .command('ingest')
      .description('read articles (files, folders, URLs, feeds, JSONL, - for stdin), process them and store them')
      .argument('<inputs...>', 'files, folders, URLs or - for standard input')
      .option('-q, --quiet', 'no progress bar')
      .option('--threads <n>', "pipeline threads: a number, or 'auto' (the default): one per core once the input runs past one batch of 100", threadsOption)
      .option('--queue', 'only queue the articles as jobs in PostgreSQL (--db postgres://…) and return; `parley worker` processes them'),
  ).action(async (inputs: string[], opts: IngestCommandOptions, cmd: Command) => {
    if (opts.queue) return queueInputs(inputs, cmd, setExit);
    const [{ ingest }, { progressReporter }] = await Promise.all([import('../../ingest/ingest.js'), import('../progress.js')]);
    const summary = await withStore(cmd, async (store) => {
      const progress = opts.quiet ? null : progressReporter();
      const options: IngestOptions = {
        allowPrivate: !!opts.allowPrivate,
        lexicons: globals(cmd).lexicon,
        threads: opts.threads ?? 'auto',
        onFound: progress?.found,
        onItem: progress?.item,
      };
      try {
        return await ingest(inputs, store, options);
      } finally {
        progress?.stop();
      }
    });
    printSummary(summary);
    setExit(summary.failed.length ? 1 : 0);
  });
};
