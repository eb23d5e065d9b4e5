/** The zod schema of facet counts: for each facet, how many matching records carry each value. */
import * as z from "zod/mini";

const Counts = z.record(z.string(), z.number().check(z.int(), z.nonnegative()));
const described = (description: string) => Counts.check(z.meta({ description }));

export const Facets = z
  .object({
    house: Counts,
    party: Counts,
    member: described("Asking members."),
    answered: described("Keys `true` and `false`."),
    year: described("Year answered; unanswered questions are not counted."),
    body: described("Answering body (department), where the source names one."),
    heading: described("The question's heading, where the source gives one."),
  })
  .register(z.globalRegistry, { id: "Facets", description: "Counts over every match, not only the returned page." });
