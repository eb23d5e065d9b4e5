/** The path parameters of `/v1/records/{id}`. */
import * as z from "zod/mini";
import { RecordId } from "./primitives";

export const RecordPath = z.object({ id: RecordId });
export type RecordPath = z.output<typeof RecordPath>;
