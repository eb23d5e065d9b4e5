/** A Member of Parliament or peer, as named in a question or answer. */
import { z } from "zod";
import { House, Text } from "./primitives";

export const Member = z
  .object({
    name: Text.meta({ description: "Name as printed in the source, honorifics included.", example: "Mr. David Jones" }),
    party: Text.nullable().meta({
      description: "Party, or null where the source does not say.",
      example: "Conservative",
    }),
    memberFrom: Text.nullable().meta({
      description: "Constituency, or the peer's description (e.g. `Life peer`).",
      example: "Clwyd West",
    }),
    memberId: z.number().int().positive().optional().meta({
      description: "The member's id in UK Parliament's Members API, where the source gives it.",
      example: 4476,
    }),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

/** The answering member also says which House they answered in. */
export const AnsweringMember = Member.extend({ house: House }).meta({ id: "AnsweringMember" });
export type AnsweringMember = z.infer<typeof AnsweringMember>;
