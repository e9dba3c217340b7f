// The publishers lexicon (lexicons/publishers.yaml): maps what text says (`WSJ`, `(Reuters)`,
// `Dow Jones`) to one publisher name. Users extend it with their own file of the same format.
import { readLexiconYaml } from '../lexicon-yaml.js';
import { bundledLexicon } from '../lexicon-dir.js';

export interface Publisher {
  name: string;
  aliases: string[];
  wire?: boolean;
}

let table: Map<string, Publisher> | null = null;

export function loadPublishers(extraFiles: string[] = []): Map<string, Publisher> {
  const map = new Map<string, Publisher>();
  const files = [bundledLexicon('publishers.yaml'), ...extraFiles].filter((f): f is string => !!f);
  for (const f of files) {
    const data = readLexiconYaml(f, 'publishers') as { publishers?: Publisher[] } | null;
    for (const p of data?.publishers ?? []) {
      if (!p?.name) continue;
      for (const a of [p.name, ...(p.aliases ?? [])]) map.set(key(a), { name: p.name, aliases: p.aliases ?? [], wire: !!p.wire });
    }
  }
  return map;
}

// Short all-caps aliases (AP, FT, DW) only match as written, so "ap" in a sentence never does.
function key(alias: string): string {
  return /^[A-Z/]{2,4}$/.test(alias) ? alias : alias.toLowerCase();
}

export function findPublisher(text: string): Publisher | null {
  table ??= loadPublishers();
  const t = text.trim().replace(/^[-–—|(\s]+|[-–—|)\s.]+$/g, '');
  return table.get(t) ?? table.get(t.toLowerCase()) ?? null;
}
