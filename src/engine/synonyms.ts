/**
 * Synonym and abbreviation groups (UN ⇄ United Nations …), compiled from the editable
 * `index-build/synonyms.json`. Every variant of a group, wherever it occurs in a record, is indexed
 * under one group key as well as under its own words; a query naming any variant looks up that
 * key. So `United Nations inquiry` finds `UN inquiry` without expanding the query at request time.
 */

import { tokenize } from "../text/tokenize";
import { stem } from "./stem";

/** Group keys start with a character the tokenizer never emits, so they cannot clash with a word. */
export const GROUP_KEY_PREFIX = "~";

export interface CompiledSynonymGroup {
  key: string;
  /** Each variant as its sequence of stems, e.g. `[["un"], ["unit", "nation"]]`. */
  variants: string[][];
}

/** The stems of a phrase, as the build and the query path see them. */
export function stemsOf(text: string): string[] {
  return tokenize(text).map((token) => stem(token.term));
}

export function compileSynonymGroups(groups: readonly (readonly string[])[]): CompiledSynonymGroup[] {
  return groups.map((variants) => {
    const stemmed = variants.map(stemsOf).filter((stems) => stems.length > 0);
    return { key: GROUP_KEY_PREFIX + (stemmed[0] ?? []).join("_"), variants: stemmed };
  });
}

export interface VariantMatch {
  key: string;
  /** Index of the variant's first stem in the searched sequence. */
  start: number;
  /** Number of stems the variant covers. */
  length: number;
}

/** Finds variants by their first stem; built once per engine or build. */
export class SynonymMatcher {
  private readonly byFirstStem = new Map<string, Array<{ key: string; stems: string[] }>>();
  readonly stemsOfKey = new Map<string, Set<string>>();

  constructor(groups: readonly CompiledSynonymGroup[]) {
    for (const group of groups) {
      const stems = new Set<string>();
      for (const variant of group.variants) {
        for (const s of variant) stems.add(s);
        const first = variant[0] as string;
        const list = this.byFirstStem.get(first) ?? [];
        list.push({ key: group.key, stems: variant });
        // Longest variant first, so a query takes the longest reading.
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirstStem.set(first, list);
      }
      this.stemsOfKey.set(group.key, stems);
    }
  }

  /** Every variant occurrence in `stems`, overlapping ones included (for indexing). */
  allMatches(stems: readonly string[]): VariantMatch[] {
    const matches: VariantMatch[] = [];
    stems.forEach((first, start) => {
      for (const variant of this.byFirstStem.get(first) ?? []) {
        if (variant.stems.every((s, i) => stems[start + i] === s)) {
          matches.push({ key: variant.key, start, length: variant.stems.length });
        }
      }
    });
    return matches;
  }

  /** The longest variant starting at `start`, if any (for reading a query). */
  longestAt(stems: readonly string[], start: number): VariantMatch | null {
    for (const variant of this.byFirstStem.get(stems[start] as string) ?? []) {
      if (variant.stems.every((s, i) => stems[start + i] === s)) {
        return { key: variant.key, start, length: variant.stems.length };
      }
    }
    return null;
  }
}
