// Types for the module that `npm run build` writes beside this file (collection.js).
import type { CompiledCollection } from "../engine/compiled";
import type { ShardedHead } from "../engine/store/shard-layout";

export const buildId: string;
/** The whole collection, or only its head when the build sharded it into static assets. */
declare const collection: CompiledCollection | ShardedHead;
export default collection;
