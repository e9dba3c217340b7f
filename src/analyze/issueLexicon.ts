// lexicons/issues.yaml compiled to regular expressions: which words name which issue, and which
// cue words say that a speaker supports, opposes or conditionally accepts it.
import { join } from 'node:path';
import { readLexiconYaml } from '../lexicon-yaml.js';
import { lexiconDir } from '../lexicon-dir.js';

export interface IssueDef {
  id: string;
  label: string;
  pattern: RegExp;
}

export interface IssueLexicon {
  issues: IssueDef[];
  supports: RegExp;
  opposes: RegExp;
  conditional: RegExp;
  supportsPatterns: RegExp | null;
  negators: Set<string>;
}

interface RawIssues {
  issues?: Record<string, { label?: string; phrases?: string[] }>;
  stances?: { supports?: string[]; opposes?: string[]; conditional?: string[]; supports_patterns?: string[] };
  negators?: string[];
}

/** "sanction*" → sanction\w*; "no chance of * without" → no chance of (?:\S+ ){0,4}without. */
function phraseSource(p: string): string {
  return p
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (w === '*' ? '(?:\\S+\\s+){0,4}?' : w.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\w-]*') + '\\s+'))
    .join('')
    .replace(/(\\s\+)$/, '')
    .replace(/\?\\s\+$/, '?');
}

function alternation(phrases: string[], flags = 'gi'): RegExp {
  const src = phrases.map(phraseSource).sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![\\w-])(?:${src || '(?!)'})(?![\\w])`, flags);
}

const cache = new Map<string, IssueLexicon>();

export function loadIssueLexicon(extra: string[] = []): IssueLexicon {
  const key = extra.join('\0');
  const hit = cache.get(key);
  if (hit) return hit;
  const issues = new Map<string, { label: string; phrases: string[] }>();
  const stances = { supports: [] as string[], opposes: [] as string[], conditional: [] as string[], supports_patterns: [] as string[] };
  const negators = new Set<string>();
  const files = [join(lexiconDir(), 'issues.yaml'), ...extra];
  files.forEach((file, i) => {
    const raw = (readLexiconYaml(file, 'issues') ?? {}) as RawIssues;
    if (i > 0 && !raw.issues && !raw.stances) return;
    for (const [id, def] of Object.entries(raw.issues ?? {})) {
      const old = issues.get(id);
      issues.set(id, { label: def.label ?? old?.label ?? id, phrases: [...(old?.phrases ?? []), ...(def.phrases ?? [])] });
    }
    for (const k of ['supports', 'opposes', 'conditional', 'supports_patterns'] as const) stances[k].push(...(raw.stances?.[k] ?? []));
    for (const n of raw.negators ?? []) negators.add(n.toLowerCase().replace(/’/g, "'"));
  });
  const lex: IssueLexicon = {
    issues: [...issues].map(([id, d]) => ({ id, label: d.label, pattern: alternation(d.phrases) })),
    supports: alternation(stances.supports),
    opposes: alternation(stances.opposes),
    conditional: alternation(stances.conditional),
    supportsPatterns: stances.supports_patterns.length ? alternation(stances.supports_patterns) : null,
    negators,
  };
  cache.set(key, lex);
  return lex;
}
