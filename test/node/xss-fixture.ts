/** A compiled collection whose records carry every XSS payload, built from a temporary seeds dir. */

import { type Collection, type CompiledCollection, openCollection } from "../../src/engine";
import { XSS_PAYLOADS, type XssPayload } from "../support/xss-payloads";
import { build, loadModule, tempProject } from "./build-helpers";

export const RECORD_PAYLOADS: XssPayload[] = XSS_PAYLOADS.filter((payload) => payload.inRecords);

const CANARY_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * The word that finds payload `i`'s record and no other. No canary is a prefix of another or within
 * a few edits of one (`canaryaaaa`, `canarybbbb`, …), so prefix completion and typo correction
 * cannot reach a neighbour.
 */
export const canary = (i: number) => `canary${(CANARY_LETTERS[i] as string).repeat(4)}`;

function recordLines(payload: XssPayload, i: number): string[] {
  return [
    `Canary Member ${i}`,
    payload.text,
    `Seat ${i}`,
    "House of Commons",
    `To ask the Secretary of State about ${canary(i)} and ${payload.text} in the record.`,
    "Answering Minister",
    "Conservative",
    "Somewhere",
    "House of Commons",
    "Answered on 1 January 2022",
    `The answer mentions ${canary(i)} and ${payload.text} in its text.`,
  ];
}

export function payloadSeed(): string {
  return ["XSS fixture", ...RECORD_PAYLOADS.flatMap(recordLines)].join("\n");
}

export async function payloadCollection(): Promise<{ collection: CompiledCollection; engine: Collection }> {
  const output = await build(tempProject({ "payloads.txt": payloadSeed() }));
  const collection: CompiledCollection = await loadModule(output.source);
  return { collection, engine: openCollection(collection) };
}
