// Deterministic, distinct news-like articles for volume tests and benchmarks that must run
// without ../shared: named actors, direct and reported speech, dates, actions between actors.
// Every article differs in enough words that none is a near duplicate of another.

const PEOPLE = [
  ['Vladimir Putin', 'Russian President'],
  ['Volodymyr Zelensky', 'Ukrainian President'],
  ['Donald Trump', 'U.S. President'],
  ['Dmitry Peskov', 'Kremlin spokesman'],
  ['Friedrich Merz', 'German Chancellor'],
  ['Mark Rutte', 'NATO Secretary General'],
  ['Emmanuel Macron', 'French President'],
  ['Keir Starmer', 'British Prime Minister'],
  ['Sergei Lavrov', 'Russian Foreign Minister'],
  ['Andrii Sybiha', 'Ukrainian Foreign Minister'],
];
const PLACES = ['Kyiv', 'Moscow', 'Washington', 'Berlin', 'Brussels', 'Paris', 'London', 'Istanbul', 'Geneva', 'Riyadh'];
const VERBS = ['met', 'criticized', 'praised', 'called', 'warned', 'thanked', 'accused', 'urged', 'rejected a proposal from', 'agreed with'];
const TOPICS = ['a ceasefire', 'security guarantees', 'sanctions', 'long-range missiles', 'prisoner exchanges', 'energy infrastructure', 'territorial claims', 'air defence systems', 'peace talks', 'grain exports'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FILLER =
  'officials diplomats analysts negotiators observers delegations envoys ministers lawmakers generals advisers commanders governors mayors reporters witnesses residents volunteers engineers economists'.split(
    ' ',
  );

/** A small fast PRNG (mulberry32) so the same seed always gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  title: string;
  published: string;
  publisher: string;
  text: string;
}

export function syntheticArticle(i: number, seed = 1): SyntheticArticle {
  const r = rng(seed * 1_000_003 + i);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const [a, aRole] = pick(PEOPLE);
  let [b, bRole] = pick(PEOPLE);
  if (b === a) [b, bRole] = PEOPLE[(PEOPLE.findIndex((p) => p[0] === a) + 1) % PEOPLE.length];
  const place = pick(PLACES);
  const topic = pick(TOPICS);
  const day = pick(DAYS);
  const month = 1 + Math.floor(r() * 12);
  const date = `2025-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  // A serial number spelled into the text and a run of varied words keep every article distinct.
  const words = Array.from({ length: 40 }, () => pick(FILLER)).join(' ');
  const lastA = a.split(' ').pop();
  const lastB = b.split(' ').pop();
  const text = [
    `${place} — ${aRole} ${a} ${pick(VERBS)} ${bRole} ${b} on ${day} over ${topic}, in talks numbered ${i} by the organisers.`,
    `"We will not accept any deal that ignores ${topic}," ${lastA} told reporters in ${place}.`,
    `${lastB} said that the discussions on ${topic} had been difficult but useful, according to his office.`,
    `The meeting drew ${words}.`,
    `${lastA} later ${pick(VERBS)} ${lastB} in a statement posted online, and aides said another round of talks on ${pick(TOPICS)} was planned for next week.`,
  ].join('\n\n');
  return { title: `${a} and ${b} discuss ${topic} (${i})`, published: date, publisher: 'Synthetic Wire', text };
}
