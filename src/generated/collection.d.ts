// Types for the module that `npm run build` writes beside this file (collection.js).
import type { CompiledCollection } from "../engine/compiled";

export const buildId: string;
declare const collection: CompiledCollection;
export default collection;
