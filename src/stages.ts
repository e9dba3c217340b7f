// The default stage order. Add a stage by importing its factory and placing it in this list;
// a stage may read every layer that the stages before it added.
import { createPipeline, type Pipeline, type PipelineOptions, type StageFactory } from './pipeline.js';
import { eventsStage } from './extract/events.js';
import { positionsStage } from './extract/positions.js';
import { quotesStage } from './extract/quotes.js';
import { tokensStage } from './nlp/tokens.js';
import { entitiesStage } from './nlp/entities.js';
import { actorsStage } from './nlp/actors.js';
import { timesStage } from './nlp/times.js';

export const defaultStages: StageFactory[] = [
  // sentences + tokens (src/nlp), entities (src/nlp), actors (src/nlp), times (src/nlp),
  // quotes (src/extract), events (src/extract) are added here as they land.
  tokensStage, // sentences + tokens
  entitiesStage, // reads tokens
  actorsStage, // reads tokens, entities
  timesStage, // reads tokens, sentences
  quotesStage, // reads tokens, mentions and times
  eventsStage, // reads tokens, mentions, times and quotes
  positionsStage, // quote tone and positions on issues: reads sentences, mentions, times, quotes
];

export function createDefaultPipeline(options: PipelineOptions = {}): Pipeline {
  return createPipeline(defaultStages, options);
}
