/** The engines `npm run eval` compares, pqsearch first; pooling takes the top 10 of each. */
import { flexsearchDocument } from "./flexsearch-document";
import { lunrPeer } from "./lunr";
import { minisearch } from "./minisearch";
import { orama } from "./orama";
import { pqsearch } from "./pqsearch";
import type { EngineFactory } from "./ranking-engine";

export const ENGINES: readonly EngineFactory[] = [pqsearch, minisearch, lunrPeer, orama, flexsearchDocument];
