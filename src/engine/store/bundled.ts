/**
 * A bundled collection: the whole compiled collection is in memory, hydrated once per isolate, so
 * the store is an array and every posting is already in the term index.
 */
import type { QuestionRecord } from "../../schema/record";
import type { CompiledCollection } from "../compiled";
import { TermIndex } from "../term-index";
import type { ColumnName, RecordStore, TermSource } from "./record-store";

export class BundledStore implements RecordStore {
  /** Built on the first lookup by id: searches and listings never need it. */
  private docById: Map<string, number> | null = null;

  constructor(private readonly all: readonly QuestionRecord[]) {}

  async column(name: ColumnName): Promise<Array<string | null>> {
    if (name === "dateAnswered") return this.all.map((record) => record.answer?.dateAnswered ?? null);
    if (name === "dateTabled") return this.all.map((record) => record.dateTabled);
    return this.all.map((record) => record.uin ?? null);
  }

  records(docs: readonly number[]): QuestionRecord[] {
    const records = new Array<QuestionRecord>(docs.length);
    for (let i = 0; i < docs.length; i++) records[i] = this.all[docs[i] as number] as QuestionRecord;
    return records;
  }

  async docOf(id: string): Promise<number | undefined> {
    this.docById ??= new Map(this.all.map((record, doc) => [record.id, doc]));
    return this.docById.get(id);
  }
}

/** Every posting is bundled: the index is built at hydration and never waits. */
export class BundledTerms implements TermSource {
  private readonly built: TermIndex;

  constructor(collection: CompiledCollection) {
    this.built = new TermIndex(collection, collection.records.length, collection);
  }

  ready(): TermIndex {
    return this.built;
  }

  async index(): Promise<TermIndex> {
    return this.built;
  }

  loadPostings(): null {
    return null;
  }
}
