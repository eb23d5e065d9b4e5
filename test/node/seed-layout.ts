/** Helpers for writing seed documents in the text layout inside tests. */
export interface MemberLines {
  name: string;
  party: string;
  seat: string;
  house: "Commons" | "Lords";
}

export const blackman: MemberLines = {
  name: "Bob Blackman",
  party: "Conservative",
  seat: "Harrow East",
  house: "Commons",
};
export const cleverly: MemberLines = {
  name: "James Cleverly",
  party: "Conservative",
  seat: "Braintree",
  house: "Commons",
};
export const alton: MemberLines = {
  name: "Lord Alton of Liverpool",
  party: "Crossbench",
  seat: "Life peer",
  house: "Lords",
};

export function memberBlock(member: MemberLines): string[] {
  return [member.name, member.party, member.seat, `House of ${member.house}`];
}
