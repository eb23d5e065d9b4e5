/**
 * The sentence that says what a source holds, for the site and the fetch's messages: “Written
 * questions in the House of Lords mentioning “long covid” to the Department of Health and Social
 * Care, tabled since 1 January 2020”. Department and member names come from the questions fetched
 * (the definition holds only their ids).
 */
import { longDate } from "../../src/schema/long-date";
import type { RawQuestion } from "./api-responses";
import type { CollectionQuery, CollectionSource } from "./config";

export interface Labels {
  answeringBodies: Map<number, string>;
  members: Map<number, string>;
}

type Named = { id?: unknown; name?: unknown } | null | undefined;

/** Names of the bodies and members the questions mention, by id. */
export function labelsFrom(questions: Iterable<RawQuestion>): Labels {
  const labels: Labels = { answeringBodies: new Map(), members: new Map() };
  const addMember = (member: Named) => {
    if (typeof member?.id === "number" && typeof member.name === "string") labels.members.set(member.id, member.name);
  };
  for (const { value } of questions) {
    const question = value as {
      answeringBodyId?: unknown;
      answeringBodyName?: unknown;
      askingMember?: Named;
      answeringMember?: Named;
    };
    if (typeof question.answeringBodyId === "number" && typeof question.answeringBodyName === "string")
      labels.answeringBodies.set(question.answeringBodyId, question.answeringBodyName);
    addMember(question.askingMember);
    addMember(question.answeringMember);
  }
  return labels;
}

/** Departments read with their article: “to the Treasury”, “to the Department for Education”. */
const the = (name: string) => (/^(the|answering body) /i.test(name) ? name : `the ${name}`);

function either(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** The sentence, and whether every id in it was named (else it says `answering body 17`). */
export function definedBy(source: CollectionSource, labels: Labels): { sentence: string; complete: boolean } {
  if (source.description) return { sentence: source.description, complete: true };
  const query: CollectionQuery = source.query;
  let complete = true;
  const named = (map: Map<number, string>, id: number, kind: string) => {
    const name = map.get(id);
    if (name === undefined) complete = false;
    return name ?? `${kind} ${id}`;
  };
  const parts = ["Written questions"];
  if (query.house !== "Bicameral") parts.push(`in the House of ${query.house}`);
  if (query.searchTerm) parts.push(`mentioning “${query.searchTerm}”`);
  const clauses: string[] = [];
  if (query.answeringBodies)
    clauses.push(
      `to ${either(query.answeringBodies.map((id) => the(named(labels.answeringBodies, id, "answering body"))))}`,
    );
  if (query.askingMemberId) clauses.push(`asked by ${named(labels.members, query.askingMemberId, "member")}`);
  if (query.answeringMemberId) clauses.push(`answered by ${named(labels.members, query.answeringMemberId, "member")}`);
  if (query.members)
    clauses.push(`involving ${either(query.members.map((id) => named(labels.members, id, "member")))}`);
  const { tabledWhenFrom: from, tabledWhenTo: to } = query;
  if (from && to) clauses.push(`tabled from ${longDate(from)} to ${longDate(to)}`);
  else if (from) clauses.push(`tabled since ${longDate(from)}`);
  else if (to) clauses.push(`tabled up to ${longDate(to)}`);
  return { sentence: [parts.join(" "), clauses.join(", ")].filter(Boolean).join(" "), complete };
}
