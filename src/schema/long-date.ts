/** Dates as Hansard prints them (`15 September 2021`): one month table for the parser and the pages. */

/** Fixed English month names, so output never depends on the runtime's locale data. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** `2021-09-15` → `15 September 2021`. */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
