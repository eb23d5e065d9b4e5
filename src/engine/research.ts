/**
 * The build's research tables as the API serves them: answer groups (records given the same
 * answer) and each record's related questions. Both were computed at build time; here they are
 * only looked up, and the records they name fetched through the store (a sharded collection
 * fetches the shards holding them).
 */
import type { AnswerGroup } from "../schema/answer-groups";
import type { QuestionRecord } from "../schema/record";
import type { RelatedQuestion } from "../schema/related";
import type { CompiledAnswerGroup } from "./compiled";
import { summaryOf } from "./record-summary";
import type { RecordStore } from "./store/record-store";
import type { RelatedSource } from "./store/related-source";
import type { AnswerGroupsRequest, AnswerGroupsResult } from "./types";

export class ResearchLookups {
  /** Built on the first lookup of a group by id. */
  private groupById: Map<string, CompiledAnswerGroup> | null = null;

  constructor(
    private readonly groups: readonly CompiledAnswerGroup[],
    private readonly store: RecordStore,
    private readonly relatedSource: RelatedSource,
  ) {}

  async answerGroups(request: AnswerGroupsRequest): Promise<AnswerGroupsResult> {
    const page = this.groups.slice(request.offset, request.offset + request.limit);
    const records = await this.store.records(page.flatMap((group) => group.docs));
    let at = 0;
    const groups = page.map((group) => {
      const members = records.slice(at, at + group.docs.length);
      at += group.docs.length;
      return this.described(group, members);
    });
    return { total: this.groups.length, groups };
  }

  async answerGroup(id: string): Promise<AnswerGroup | undefined> {
    this.groupById ??= new Map(this.groups.map((group) => [group.id, group]));
    const group = this.groupById.get(id);
    return group && this.described(group, await this.store.records(group.docs));
  }

  /** The record's related questions; undefined when no record has this id. */
  async related(id: string): Promise<RelatedQuestion[] | undefined> {
    const doc = await this.store.docOf(id);
    if (doc === undefined) return undefined;
    const list = await this.relatedSource.of(doc);
    const records = await this.store.records(list.map(([other]) => other));
    return records.map((record, at) => ({ ...summaryOf(record), similarity: (list[at] as [number, number])[1] / 100 }));
  }

  private described(group: CompiledAnswerGroup, members: readonly QuestionRecord[]): AnswerGroup {
    return {
      id: group.id,
      size: group.docs.length,
      holding: group.holding === true,
      answer: members[0]?.answer?.text ?? "",
      questions: members.map(summaryOf),
    };
  }
}
