// The CLI is a thin shell: it parses arguments, calls the library core and prints. Each
// command lives in its own file under commands/ and registers itself on the program.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { UsageError } from './io.js';

// Repeatable rather than variadic: a variadic option would swallow the subcommand that follows it.
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The program with every command registered; `main` parses with it. */
export function createProgram(setExit: (code: number) => void = () => {}): Command {
  const program = new Command('parley')
    .description('Turn news coverage of a war, a negotiation or a crisis into an evidence-linked model of actors, quotes, events, relations and positions.')
    .option('--db <location>', 'database: a SQLite file path or a postgres:// URL (default: $PARLEY_DB or ./parley.db)')
    .option('--lexicon <path>', 'extra actor/lexicon YAML file that extends or overrides the shipped ones (repeatable; later files win)', collect)
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of commands) register(program, setExit);
  return program;
}

let quietOnEpipe = false;
// `parley list --json | head` closes the pipe early: that is the reader's choice, not a failure.
function exitQuietlyOnClosedStdout(): void {
  if (quietOnEpipe) return;
  quietOnEpipe = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedStdout();
  let exit = 0;
  const program = createProgram((code) => (exit = Math.max(exit, code)));
  try {
    await program.parseAsync(argv);
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`parley: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`parley: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

// Run directly (`node --import tsx src/cli/main.ts …`) as well as through bin/parley.js.
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
