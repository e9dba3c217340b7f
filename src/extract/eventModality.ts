// Modality of an event from the words before its trigger in the same clause: "hasn't provided"
// (negated), "vowed to levy sanctions" (threatened), "if … would" (hypothetical), "plans to
// resume" (planned). A mood word belongs to the clause, so the look-back stops at clause punctuation.
import type { Modality, Token } from '../document.js';

const NEGATION = new Set(['not', "n't", 'never', 'no', 'without', 'nor', 'neither', 'cannot', 'refused', 'refuses', 'failed', 'fails', 'unwilling']);
const CONDITION = new Set(['if', 'unless', 'whether']);
const HYPOTHETICAL_MODALS = new Set(['would', 'could', 'might', 'may', "'d", 'should']);
const FUTURE = new Set([
  'will', "'ll", 'shall', 'plan', 'plans', 'planned', 'planning', 'considering', 'consider', 'considers', 'intend', 'intends',
  'intended', 'going', 'set', 'aims', 'aim', 'prepared', 'preparing', 'ready', 'seeks', 'seek', 'seeking', 'wants', 'want',
  'expected', 'proposed', 'proposes', 'propose', 'upcoming', 'scheduled', 'possible', 'potential', 'future', 'next', 'hopes',
  'offered', 'offers', 'agreed', 'decided', 'announced', 'pledged', 'attempt', 'try', 'trying', 'tried', 'coax', 'effort',
  'efforts', 'hope', 'bid', 'allow', 'allowing', 'allowed', 'able', 'would-be',
]);
const SPEECH = new Set(['said', 'says', 'told', 'announced', 'stated', 'added', 'according', 'insisted', 'argued', 'claimed']);
const BOUNDARY = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”']);

export function findModality(lower: string[], toks: Token[], from: number, trigger: number, threatCues: Set<string>): Modality {
  let negated = false;
  let threatened = false;
  let hypothetical = false;
  let planned = false;
  let modal: number = -1;
  const stop = Math.max(from, trigger - 7);
  let k = trigger - 1;
  for (; k >= stop; k--) {
    const w = lower[k];
    if (BOUNDARY.has(w)) break;
    if (NEGATION.has(w) && trigger - k <= 4) negated = true;
    else if (threatCues.has(w) || (toks[k].lemma && threatCues.has(toks[k].lemma))) threatened = true;
    else if (CONDITION.has(w)) hypothetical = true;
    else if (HYPOTHETICAL_MODALS.has(w)) modal = k;
    else if (FUTURE.has(w)) planned = true;
  }
  // A condition may open the sentence well before the trigger: "If Russia attacks, …".
  for (let j = from; j < stop; j++) if (CONDITION.has(lower[j])) hypothetical = true;
  if (modal >= 0) {
    // Reported future ("he said the U.S. would supply arms") is a plan, not a supposition.
    let reported = false;
    for (let j = from; j < modal; j++) if (SPEECH.has(lower[j])) reported = true;
    if (reported) planned = true;
    else hypothetical = true;
  }
  if (negated) return 'negated';
  if (threatened) return 'threatened';
  if (hypothetical) return 'hypothetical';
  if (planned) return 'planned';
  return 'asserted';
}
