/** Parses what a user typed into the distinct terms every match must contain. */
import { terms } from "./tokenize";

export interface ParsedQuery {
  /** Distinct terms, in the order typed. Empty when the query has no words (browse). */
  terms: string[];
}

export function parseQuery(q: string): ParsedQuery {
  return { terms: [...new Set(terms(q))] };
}
