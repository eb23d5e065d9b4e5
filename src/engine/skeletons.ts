/**
 * Record skeletons: stand-ins for a sharded collection's records, built from the head's columns,
 * that the engine filters and sorts as it would full records. Reading a text field (question,
 * answer, heading, …) notes the document as missing and returns nothing, so the caller can load
 * the record's shard and run the call again (see shards.ts).
 *
 * A skeleton holds only its document number and reads the columns on demand: an isolate builds
 * one per record at start-up, and 50,000 objects with a field each cost far less than 50,000
 * copies of every column. House and answered are read from the facet codes, which the head
 * carries anyway.
 */
import type { QuestionRecord } from "../schema/record";
import type { ShardedHead } from "./shard-layout";

const SKELETON_DOC = Symbol("skeleton document");

/** The document number of a skeleton, or undefined for a full record. */
export function skeletonDocOf(record: QuestionRecord): number | undefined {
  return (record as { [SKELETON_DOC]?: number })[SKELETON_DOC];
}

/** Columns fetched on demand (see `ColumnFiles`); a skeleton reads one once it is present. */
export interface LoadedColumns {
  ids: string[] | null;
  uins: Array<string | null> | null;
  dateTabled: Array<string | null> | null;
}

/** One skeleton per document, in document order; `missing` collects the documents whose text was read. */
export function skeletonRecords(head: ShardedHead, missing: Set<number>, loaded: LoadedColumns): QuestionRecord[] {
  const s = head.skeletons;
  const houseCodes = head.facetCodes.house;
  const houses = head.facetValues.house;
  const answeredCodes = head.facetCodes.answered;
  const answeredTrue = head.facetValues.answered.indexOf("true");
  const member = (code: number) => (code < 0 ? null : s.members[code]);

  class SkeletonAnswer {
    constructor(private readonly doc: number) {}
    get answeringMember() {
      return member(s.answeringMember[this.doc] as number);
    }
    get dateAnswered(): string {
      return s.dateAnswered[this.doc] as string;
    }
    get text(): string {
      missing.add(this.doc);
      return "";
    }
  }

  class SkeletonRecord {
    private answerSkeleton: SkeletonAnswer | null | undefined;
    constructor(private readonly doc: number) {}
    get [SKELETON_DOC](): number {
      return this.doc;
    }
    get id(): string {
      // The collection fetches ids before it builds the engine or looks a record up.
      if (!loaded.ids) throw new Error("pqsearch: record ids read before they were loaded");
      return loaded.ids[this.doc] as string;
    }
    get house(): string {
      return houses[houseCodes[this.doc] as number] as string;
    }
    get askingMember() {
      return member(s.askingMember[this.doc] as number);
    }
    get answered(): boolean {
      return answeredCodes[this.doc] === answeredTrue;
    }
    get dateTabled(): string | null {
      if (loaded.dateTabled) return loaded.dateTabled[this.doc] ?? null;
      return this.note<string | null>();
    }
    get answer(): SkeletonAnswer | null {
      if (this.answerSkeleton === undefined) {
        const dateAnswered = s.dateAnswered[this.doc];
        this.answerSkeleton = dateAnswered === null || dateAnswered === undefined ? null : new SkeletonAnswer(this.doc);
      }
      return this.answerSkeleton;
    }
    private note<T>(): T {
      missing.add(this.doc);
      return undefined as T;
    }
    get questionText(): string {
      missing.add(this.doc);
      return "";
    }
    get heading() {
      return this.note<string | undefined>();
    }
    get uin() {
      if (loaded.uins) return loaded.uins[this.doc] ?? undefined;
      return this.note<string | undefined>();
    }
    get url() {
      return this.note<string | undefined>();
    }
    get answeringBody() {
      return this.note<string | undefined>();
    }
    get sources() {
      return this.note<QuestionRecord["sources"]>() ?? [];
    }
  }

  const records = new Array<QuestionRecord>(head.meta.records);
  for (let doc = 0; doc < records.length; doc++) records[doc] = new SkeletonRecord(doc) as unknown as QuestionRecord;
  return records;
}
