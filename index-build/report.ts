/** The build's closing report: what went in, what was merged, and how big the output is. */
import { gzipSync } from "node:zlib";
import type { QuestionRecord } from "../src/schema/record";
import type { BuildLimits } from "./limits";
import type { Merge } from "./stages/identify";
import type { CopyConflict } from "./stages/merge-copies";

export interface Truncation {
  /** Records still carrying a text the source cut short. */
  records: number;
  questionText: number;
  answerText: number;
  /** Cut texts a fuller copy of the same question replaced. */
  completed: number;
}

export interface BuildReport {
  buildId: string;
  /** `shape` names which accepted JSON shape a file was in, where there is a choice. */
  recordsPerFile: Array<{ file: string; records: number; shape?: string }>;
  records: number;
  merges: Merge[];
  conflicts: CopyConflict[];
  truncation: Truncation;
  warnings: string[];
  layout: "bundled" | "sharded";
  /** The module bundled into the Worker (the whole collection, or the head when sharded). */
  rawBytes: number;
  gzipBytes: number;
  /** The whole collection as one module, whichever layout was chosen. */
  bundledRawBytes: number;
  bundledGzipBytes: number;
  assetFiles: number;
  assetBytes: number;
}

export function measure(source: string): { rawBytes: number; gzipBytes: number } {
  const bytes = Buffer.from(source);
  return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export function truncationOf(records: QuestionRecord[], completed: number): Truncation {
  const count = (field: string) => records.filter((record) => record.truncated?.includes(field as never)).length;
  return {
    records: records.filter((record) => record.truncated).length,
    questionText: count("questionText"),
    answerText: count("answerText"),
    completed,
  };
}

const at = (location: { file: string; line: number }) => `${location.file}:${location.line}`;
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? "nothing";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export function formatConflict(conflict: CopyConflict): string {
  return (
    `conflict in API question ${conflict.apiId}, ${conflict.field}: kept ${shown(conflict.kept.value)} ` +
    `(${at(conflict.kept.at)}), not ${shown(conflict.other.value)} (${at(conflict.other.at)})`
  );
}

export function formatTruncation(truncation: Truncation): string {
  return (
    `truncated by the source: ${truncation.records} record(s) (${truncation.questionText} questionText, ` +
    `${truncation.answerText} answerText); ${truncation.completed} cut text(s) replaced by a fuller copy`
  );
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part / whole < 0.01 ? 2 : 1)}%`;

export function formatReport(report: BuildReport, limits: BuildLimits): string {
  const lines = [`build ${report.buildId}: ${report.records} records`];
  for (const { file, records, shape } of report.recordsPerFile)
    lines.push(`  ${file}: ${records} records read${shape ? ` (API ${shape})` : ""}`);
  if (report.merges.length === 0) lines.push("  merged duplicates: none");
  for (const merge of report.merges) {
    const others = merge.merged.map((at) => `${at.file}:${at.line}`).join(", ");
    lines.push(`  merged duplicate ${merge.id}: ${merge.kept.file}:${merge.kept.line} = ${others}`);
  }
  for (const conflict of report.conflicts) lines.push(`  ${formatConflict(conflict)}`);
  if (report.truncation.records > 0 || report.truncation.completed > 0)
    lines.push(`  ${formatTruncation(report.truncation)}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  lines.push(
    `  collection module: ${kib(report.rawBytes)} raw, ${kib(report.gzipBytes)} gzip ` +
      `(${percent(report.gzipBytes, limits.freeGzipBytes)} of the Free plan's ${kib(limits.freeGzipBytes)}, ` +
      `${percent(report.gzipBytes, limits.paidGzipBytes)} of Paid's ${kib(limits.paidGzipBytes)}; ` +
      `budget ${kib(limits.bundleBudgetBytes)} on the ${limits.plan} plan)`,
  );
  if (report.layout === "sharded")
    lines.push(
      `  sharded: the whole collection would be ${kib(report.bundledGzipBytes)} gzip, so the bundle holds its head ` +
        `and ${report.assetFiles} static-asset file(s) (${kib(report.assetBytes)} raw) hold the indexes and records`,
    );
  return lines.join("\n");
}
