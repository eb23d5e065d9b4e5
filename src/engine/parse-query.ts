/**
 * Reads what a user typed into clauses. Quoted text ("mass graves") is a phrase: its words are
 * required exactly and must stand side by side. Elsewhere, a run of words naming a synonym group
 * (United Nations, SG) becomes one clause for the group, its words partial-credit clauses of their
 * own; stop words and honorifics are optional; a role phrase ("asked by", "answered by") is not
 * searched for but sends the names after it to that member's field; every other word is required
 * but may be completed or corrected if the index lacks it. Neighbouring content words also give
 * proximity keys (proximity.ts).
 */

import { tokenize } from "../text/tokenize";
import { JOINER } from "./field-terms";
import type { MemberRole } from "./fields";
import { proximityKeys } from "./proximity";
import { stem } from "./stem";
import { HONORIFICS, STOP_WORDS } from "./stopwords";
import type { SynonymMatcher } from "./synonyms";

/**
 * Query words recur from search to search, and stemming one costs more than the rest of reading
 * it: each word's stem is remembered (bounded; cleared whole once full). Stemming is a pure
 * function of the word, so every engine may share the memo.
 */
const MEMO_LIMIT = 10_000;
const stemMemo = new Map<string, string>();

function stemOfWord(word: string): string {
  let stemmed = stemMemo.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (stemMemo.size >= MEMO_LIMIT) stemMemo.clear();
    stemMemo.set(word, stemmed);
  }
  return stemmed;
}

export interface QueryClause {
  /** The normalised word as typed; empty for a synonym group. */
  word: string;
  /** The index key looked up: a stem or a synonym group key. */
  key: string;
  /** Every match must satisfy it. */
  required: boolean;
  /** A stop word: optional clauses of this kind are not even scored. */
  stop: boolean;
  /** Outside quotes, so it may be completed (prefix) or corrected (typo). */
  fuzzy: boolean;
  /** The word still being typed: the query's last word, with no space after it. */
  last: boolean;
  /**
   * A name after a role phrase: looked up only in that member's field, as long as each name of
   * the run is there (the engine decides, once postings are at hand: search/match.ts).
   */
  role?: MemberRole;
  /** The first name after its role phrase: a new run starts here. */
  roleStart?: boolean;
  /** One word of a synonym group named in several words: the group clause's key (partial credit). */
  partOf?: string;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Quoted phrases of two or more words, as stems, to verify word order. */
  phrases: string[][];
  /** The proximity keys of neighbouring content words, each once. */
  proximity: string[];
}

const QUOTES = /["“”„]/;

/** A query still being typed: it ends in a letter or digit (and any marks on it), not a space or a quote. */
const ENDS_IN_WORD = /[\p{L}\p{N}]\p{M}*$/u;

/** Stems that, before `by` or `from`, say whose records are wanted rather than what they say. */
const ROLE_WORDS: ReadonlyMap<string, MemberRole> = new Map([
  ["ask", "asking"],
  ["question", "asking"],
  ["tabl", "asking"],
  ["answer", "answering"],
  ["repli", "answering"],
]);
const ROLE_LINKS: ReadonlySet<string> = new Set(["by", "from"]);

/**
 * @param index the keys the index holds (a `Set` or the key table's `Map` will do); lets
 *   `extra judicial`, `extra-judicial` and `BN(O)` find `extrajudicial` and `bno`.
 */
export function parseQuery(q: string, synonyms: SynonymMatcher, index: { has(key: string): boolean }): ParsedQuery {
  const clauses: QueryClause[] = [];
  const phrases: string[][] = [];
  const proximity = new Set<string>();
  q.split(QUOTES).forEach((segment, i) => {
    const tokens = tokenize(segment);
    const words = tokens.map((token) => token.term);
    const stems = words.map(stemOfWord);
    for (const key of proximityKeys(words, stems)) proximity.add(key);
    if (i % 2 === 1) {
      tokens.forEach((token, t) => {
        const key = stems[t] as string;
        clauses.push({ word: token.term, key, required: true, stop: false, fuzzy: false, last: false });
      });
      if (stems.length > 1) phrases.push(stems);
      return;
    }
    let role: MemberRole | undefined;
    let roleStart = false;
    for (let t = 0; t < tokens.length; ) {
      const word = words[t] as string;
      const phraseRole = ROLE_WORDS.get(stems[t] as string);
      if (phraseRole && ROLE_LINKS.has(words[t + 1] ?? "") && t + 2 < tokens.length) {
        role = phraseRole;
        roleStart = true;
        t += 2;
        continue;
      }
      if (role) {
        const stop = STOP_WORDS.has(word);
        const optional = stop || HONORIFICS.has(word);
        clauses.push({
          word,
          key: stems[t] as string,
          required: !optional,
          stop,
          fuzzy: true,
          last: false,
          role,
          roleStart,
        });
        roleStart = false;
        t++;
        continue;
      }
      const group = synonyms.longestAt(stems, t);
      if (group) {
        clauses.push({ word: "", key: group.key, required: true, stop: false, fuzzy: false, last: false });
        // A group named in several words: records holding only some of them are partial matches.
        if (group.length > 1)
          for (let p = t; p < t + group.length; p++) {
            if (STOP_WORDS.has(words[p] as string)) continue;
            const part = { word: words[p] as string, key: stems[p] as string, partOf: group.key };
            clauses.push({ ...part, required: false, stop: false, fuzzy: false, last: false });
          }
        t += group.length;
        continue;
      }
      const next = tokens[t + 1];
      if (next !== undefined) {
        const joined = stemOfWord(word + next.term);
        // Split where the index only knows the word whole (`extra judicial`), or written as one
        // around a lone letter (`U.K.`, `BN(O)`), which alone would mean nothing.
        const partsKnown = index.has(stems[t] as string) && index.has(stems[t + 1] as string);
        const fragment =
          Math.min(word.length, next.term.length) === 1 &&
          JOINER.test(segment.slice((tokens[t] as { end: number }).end, next.start));
        if ((fragment || !partsKnown) && index.has(joined)) {
          clauses.push({ word: word + next.term, key: joined, required: true, stop: false, fuzzy: true, last: false });
          t += 2;
          continue;
        }
      }
      const stop = STOP_WORDS.has(word);
      const optional = stop || HONORIFICS.has(word);
      clauses.push({ word, key: stems[t] as string, required: !optional, stop, fuzzy: true, last: false });
      t++;
    }
  });
  const lastClause = clauses[clauses.length - 1];
  if (lastClause?.fuzzy && ENDS_IN_WORD.test(q)) lastClause.last = true;
  // A query of nothing but stop words or titles ("Lord", "the") still means something: require them.
  if (!clauses.some((clause) => clause.required)) {
    for (const clause of clauses) {
      clause.required = true;
      clause.stop = false;
    }
  }
  // A key typed twice counts once, as strictly as its strictest use; a group's parts and a role's
  // names are clauses of their own. One clause (most queries) has nothing to merge.
  if (clauses.length <= 1) return { clauses, phrases, proximity: [...proximity] };
  const byKey = new Map<string, QueryClause>();
  for (const clause of clauses) {
    const name = clause.partOf
      ? `${clause.partOf}/${clause.key}`
      : clause.role
        ? `${clause.role}/${clause.key}`
        : clause.key;
    const earlier = byKey.get(name);
    if (!earlier) byKey.set(name, clause);
    else {
      earlier.required ||= clause.required;
      earlier.stop &&= clause.stop;
      earlier.fuzzy &&= clause.fuzzy;
      earlier.last ||= clause.last;
    }
  }
  return { clauses: [...byKey.values()], phrases, proximity: [...proximity] };
}
