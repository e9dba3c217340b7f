// The language pipeline, in the manner of spaCy: an ordered list of named stages, each a plain
// function that adds one layer to the Document and reads only the layers before it.
import type { Document } from './document.js';
import type { ActorEntry } from './nlp/lexicon.js';

export interface PipelineOptions {
  /** Extra actor/lexicon YAML files from the user (`--lexicon PATH`); later files override earlier. */
  lexicons?: string[];
  /** Actors held in memory (a store's user actors), used after the files and overriding them by id. */
  actors?: ActorEntry[];
}

export interface Stage {
  name: string;
  run(doc: Document): void;
}

export type StageFactory = (options: PipelineOptions) => Stage;

export interface Pipeline {
  stages: Stage[];
  run(doc: Document): Document;
}

export function createPipeline(factories: StageFactory[], options: PipelineOptions = {}): Pipeline {
  const stages = factories.map((f) => f(options));
  return {
    stages,
    run(doc: Document): Document {
      for (const stage of stages) stage.run(doc);
      return doc;
    },
  };
}
