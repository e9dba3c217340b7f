// Reading a lexicon file, bundled or the user's, for every loader: one wording for its errors,
// naming the file, the lexicon and what went wrong, so a typo in a user's YAML is found at once.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parsed YAML of a lexicon file; `what` names the lexicon in errors ("tone", "actor"). */
export function readLexiconYaml(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read ${what} lexicon (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new Error(`${path}: invalid YAML in ${what} lexicon (${(e as Error).message.split('\n')[0]})`);
  }
}
