/**
 * Search-as-you-type completions. The last word typed is completed from the vocabulary (a binary
 * search for its prefix range, most widely used words first) and matched against the asking
 * members' names (every word typed must begin a word of the name). Members come first, by number
 * of questions: a name is the most specific thing a prefix can mean. Stop words, words under three
 * letters and stems already offered are skipped, so eight suggestions say eight different things.
 */
import type { Suggestion } from "../schema/suggest-response";
import { tokenize } from "../text/tokenize";
import { stem } from "./stem";
import { HONORIFICS, STOP_WORDS } from "./stopwords";
import type { Vocabulary } from "./vocabulary";

interface MemberEntry {
  name: string;
  questions: number;
  /** Normalised words of the name, honorifics included (`dr`, `matthew`, `offord`). */
  words: string[];
}

/**
 * Non-word characters typed straight before the first word of a chunk (`__pro`, `(pro`, `%pro`):
 * the completion replaces them with the word, since they belong to no word. Kept: quotes (they
 * open a phrase) and what joins two words (`anti-soc` → `anti-social`).
 */
const GLUED_BEFORE_WORD = /(^|[\s"“”„])[^\s"“”„\p{L}\p{N}\p{M}]+$/u;

/** How far a range scan may run for one- or two-letter prefixes, so a keystroke stays cheap. */
const MAX_SCANNED = 5000;

export class Suggester {
  private readonly members: MemberEntry[];

  constructor(
    private readonly vocabulary: Vocabulary,
    memberNames: readonly string[],
    questionsByMember: Readonly<Record<string, number>>,
  ) {
    this.members = memberNames
      .map((name) => ({
        name,
        questions: questionsByMember[name] ?? 0,
        words: tokenize(name).map((token) => token.term),
      }))
      .sort((a, b) => b.questions - a.questions || (a.name < b.name ? -1 : 1));
  }

  suggest(q: string, limit: number): Suggestion[] {
    const tokens = tokenize(q);
    const last = tokens[tokens.length - 1];
    // Nothing to complete once the user has typed a space or punctuation after the last word.
    if (!last || last.end !== q.trimEnd().length || /\s$/.test(q)) return [];
    const typed = tokens.map((token) => token.term);
    const partial = last.term;
    const suggestions: Suggestion[] = [];

    for (const member of this.members) {
      if (suggestions.length >= limit) break;
      const matchesName = typed.every((word, i) =>
        i === typed.length - 1
          ? member.words.some((nameWord) => nameWord.startsWith(word))
          : member.words.includes(word) || HONORIFICS.has(word),
      );
      if (matchesName) suggestions.push({ text: member.name, kind: "member", count: member.questions });
    }

    if (partial.length >= 2) {
      const before = q.slice(0, last.start).replace(GLUED_BEFORE_WORD, "$1");
      const [from, to] = this.vocabulary.prefixRange(partial);
      const candidates: number[] = [];
      for (let i = from; i < Math.min(to, from + MAX_SCANNED); i++) {
        const word = this.vocabulary.word(i);
        if (word.length < 3 || STOP_WORDS.has(word) || /^\d{1,3}$/.test(word)) continue;
        candidates.push(i);
      }
      candidates.sort((a, b) => this.vocabulary.df(b) - this.vocabulary.df(a));
      const offeredStems = new Set<string>();
      for (const i of candidates) {
        if (suggestions.length >= limit) break;
        const word = this.vocabulary.word(i);
        const wordStem = stem(word);
        if (offeredStems.has(wordStem)) continue;
        offeredStems.add(wordStem);
        suggestions.push({ text: `${before}${word}`, kind: "term", count: this.vocabulary.df(i) });
      }
    }
    return suggestions;
  }
}
