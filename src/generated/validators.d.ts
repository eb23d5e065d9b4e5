// Types for the module that `npm run build` writes beside this file (validators.js), from src/schema.
import type * as z from "zod/mini";
import type { REQUEST_SCHEMAS } from "../schema/requests";

/** What a validator returns for a value its schema refuses. */
export const INVALID: unique symbol;

type Schemas = typeof REQUEST_SCHEMAS;

/** Each request schema compiled: its parse's output (defaults filled in), or INVALID. */
export const validators: { [Name in keyof Schemas]: (input: unknown) => z.output<Schemas[Name]> | typeof INVALID };
