/** The small API-shaped fixtures under test/fixtures/parliament-api, as text and as objects. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./build-helpers";

const DIR = join(PROJECT_ROOT, "test/fixtures/parliament-api");

export const fixtureText = (name: string) => readFileSync(join(DIR, name), "utf8");
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely to make bad input.
export const fixture = (name: string): any => JSON.parse(fixtureText(name));
/** Pretty-printed the way the fixtures are, so line numbers in messages are predictable. */
export const asJson = (value: unknown) => JSON.stringify(value, null, 2);
