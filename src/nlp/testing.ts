// Test helper: run the nlp stages on a text, as the default pipeline would.
import { emptyDocument, type Document } from '../document.js';
import { createPipeline, type PipelineOptions } from '../pipeline.js';
import { actorsStage } from './actors.js';
import { entitiesStage } from './entities.js';
import { timesStage } from './times.js';
import { tokensStage } from './tokens.js';

export function analyse(text: string, published: string | null = null, options: PipelineOptions = {}): Document {
  const p = createPipeline([tokensStage, entitiesStage, actorsStage, timesStage], options);
  return p.run(emptyDocument({ id: 'test', text, published }));
}

/** The actor of the mention covering the start of the n-th occurrence (0-based) of `surface`. */
export function actorAt(doc: Document, surface: string, n = 0): string | null {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = doc.text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`"${surface}" #${n} not in text`);
  }
  const m = doc.mentions.find((x) => x.start <= at && at < x.end);
  return m ? m.actor : null;
}
