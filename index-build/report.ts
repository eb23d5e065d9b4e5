/** The build's closing report: what went in, what was merged, and how big the output is. */
import { gzipSync } from "node:zlib";
import type { BuildLimits } from "./limits";
import type { Merge } from "./stages/identify";

export interface BuildReport {
  buildId: string;
  recordsPerFile: Array<{ file: string; records: number }>;
  records: number;
  merges: Merge[];
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

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part / whole < 0.01 ? 2 : 1)}%`;

export function formatReport(report: BuildReport, limits: BuildLimits): string {
  const lines = [`build ${report.buildId}: ${report.records} records`];
  for (const { file, records } of report.recordsPerFile) lines.push(`  ${file}: ${records} records read`);
  if (report.merges.length === 0) lines.push("  merged duplicates: none");
  for (const merge of report.merges) {
    const others = merge.merged.map((at) => `${at.file}:${at.line}`).join(", ");
    lines.push(`  merged duplicate ${merge.id}: ${merge.kept.file}:${merge.kept.line} = ${others}`);
  }
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
