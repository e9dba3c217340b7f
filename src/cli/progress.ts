// The ingest progress bar: on a terminal only (stderr), so pipes and logs stay clean.
import cliProgress from 'cli-progress';
import type { IngestItemResult } from '../ingest/ingest.js';

export interface ProgressReporter {
  found: (n: number) => void;
  item: (r: IngestItemResult) => void;
  stop: () => void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter | null {
  if (!stream.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    { format: 'ingest [{bar}] {value}/{total} | stored {stored} | duplicates {dups} | failed {failed}', stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let total = 0;
  let done = 0;
  const counts = { stored: 0, dups: 0, failed: 0 };
  bar.start(0, 0, counts);
  return {
    found: (n) => {
      total += n;
      bar.setTotal(total);
    },
    item: (r) => {
      if (r.status === 'failed') counts.failed++;
      else if (r.status === 'duplicate') counts.dups++;
      else counts.stored++;
      done++;
      bar.increment(1, counts);
    },
    stop: () => {
      // estimates of what was to come (feed items, lines) settle on what was done
      bar.setTotal(done);
      bar.stop();
    },
  };
}
