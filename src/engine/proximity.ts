/**
 * Proximity: words standing next to each other rank higher than the same words far apart. The
 * build indexes, in every field, one key per pair of neighbouring content words (stop words
 * between them skipped: "visas for musicians" gives `visa>musician`), and a query adds an optional
 * clause per pair of its neighbouring content words. A record holding the pair in one field earns
 * the pair's (high) idf at `PROXIMITY_FACTOR`; nothing is required, so recall never changes.
 * The pairs' idf is read from their postings when matching (`df` = the records listed), so the
 * key list and its document frequencies hold words only.
 */
import { STOP_WORDS } from "./stopwords";

/** What a neighbouring pair adds, as a share of its idf: a bonus, below a word of its own. */
export const PROXIMITY_FACTOR = 0.5;

/** Whether an index key is a proximity pair (the build leaves these out of the key list). */
export function isProximityKey(key: string): boolean {
  return key.includes(">");
}

/**
 * The key of two content stems side by side, in order. `>` never occurs in a stem and differs
 * from the phrase pairs' `+`, whose pairs count stop words.
 */
export function proximityKey(first: string, second: string): string {
  return `${first}>${second}`;
}

/** The proximity keys of a run of words: each content word with the content word before it. */
export function proximityKeys(words: readonly string[], stems: readonly string[]): string[] {
  const keys: string[] = [];
  let previous: string | null = null;
  for (let i = 0; i < words.length; i++) {
    if (STOP_WORDS.has(words[i] as string)) continue;
    const current = stems[i] as string;
    if (previous !== null) keys.push(proximityKey(previous, current));
    previous = current;
  }
  return keys;
}
