/**
 * The engine's building blocks, exported (as `internals` from index.ts) for the tests that check
 * one piece against a plain reference and for the benchmark's asset paths. They are not the
 * engine's API — that is `openCollection` — and may change shape with any change to the engine.
 */
export { AnalysedTextCache, TextAnalyser } from "./analysed-text";
export { encodeDocSet, forEachDoc } from "./doc-sets";
export { expandClause } from "./expand";
export { importFieldIndex, postingsOf, RESOLUTION } from "./field-index";
export { SEARCH_FIELDS } from "./fields";
export { Highlighter } from "./highlight";
export { ImpactCache } from "./impacts";
export { compileKeyFacets, KEY_FACET_VALUES, KEY_FACETS_FROM, KeyFacets, soleKey } from "./key-facets";
export { compileKeyTops, KEY_TOPS_KEPT, KeyTops } from "./key-tops";
export { parseQuery } from "./parse-query";
export { PAIR_INDEX, PAIR_MIN_SHARED, pairKey, shareAtLeast } from "./phrase-pairs";
export { FacetTally } from "./search/facets";
export { Ordering } from "./search/order";
export { inverseDocumentFrequency, lengthFactors, Scoreboard } from "./search/score";
export { SortedKeys } from "./sorted-keys";
export { stem } from "./stem";
export { appendStem, chainStems } from "./stem-chains";
export { ASSET_PREFIX, type PostingsFile, postingsFileOf } from "./store/shard-layout";
export { ShardedStore } from "./store/sharded-records";
export { compileSynonymGroups, SynonymMatcher, stemsOf } from "./synonyms";
export { boundedEditDistance, editRows, Vocabulary } from "./vocabulary";
