import { Option, type Command } from 'commander';
import { globals, printJsonLine, type CommandRegistrar } from '../io.js';
import { readerOptions, type IngestCommandOptions } from './ingest.js';

export const extractCommand: CommandRegistrar = (program, setExit) => {
  readerOptions(
    program
      .command('extract')
      .description('process articles and print each as one JSON line (the document contract); nothing is stored')
      .argument('<inputs...>', 'files, folders, URLs or - for standard input')
      .addOption(new Option('--format <format>', 'output format: one JSON object per line').choices(['jsonl']).default('jsonl')),
  ).action(async (inputs: string[], opts: IngestCommandOptions, cmd: Command) => {
    const { toContract } = await import('../../contract.js');
    const { isFailure } = await import('../../ingest/errors.js');
    const { extract } = await import('../../ingest/ingest.js');
    let failed = 0;
    for await (const r of extract(inputs, { allowPrivate: !!opts.allowPrivate, lexicons: globals(cmd).lexicon })) {
      if (isFailure(r)) {
        failed++;
        process.stderr.write(`failed: ${r.input}: ${r.error}\n`);
      } else {
        printJsonLine(toContract(r));
      }
    }
    setExit(failed ? 1 : 0);
  });
};
