// The VOA stories of ../shared that the stage benchmarks time the pipeline on; null (after
// saying so) when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface VoaStory {
  id: string;
  text: string;
  published?: string;
}

export const VOA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpora', 'voa', 'voa_stories.jsonl');

export function loadVoaStories(): VoaStory[] | null {
  if (!existsSync(VOA_FILE)) {
    console.log('skipped: ../shared/corpora/voa is absent');
    return null;
  }
  return readFileSync(VOA_FILE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as VoaStory);
}
