/**
 * A deterministic generator of written-question records for benchmarks: the same seed and count
 * always give the same records, in the JSON seed shape (`RecordInput`), about 1.3 KB each. The
 * vocabulary is skewed like real text (a few very common words, a long tail of rare ones), and
 * every record names members, departments and dates as the written-questions API does.
 */
import type { RecordInput } from "../src/schema/record";

/** mulberry32: small, fast and good enough to make a corpus that looks random. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  ["Foreign, Commonwealth and Development Affairs", "Foreign, Commonwealth and Development Office"],
  ["the Home Department", "Home Office"],
  ["Health and Social Care", "Department of Health and Social Care"],
  ["Education", "Department for Education"],
  ["Defence", "Ministry of Defence"],
  ["Transport", "Department for Transport"],
  ["Work and Pensions", "Department for Work and Pensions"],
  ["Environment, Food and Rural Affairs", "Department for Environment, Food and Rural Affairs"],
  ["Energy Security and Net Zero", "Department for Energy Security and Net Zero"],
  ["Business and Trade", "Department for Business and Trade"],
  ["Justice", "Ministry of Justice"],
  ["Housing, Communities and Local Government", "Ministry of Housing, Communities and Local Government"],
  ["Culture, Media and Sport", "Department for Culture, Media and Sport"],
  ["Science, Innovation and Technology", "Department for Science, Innovation and Technology"],
] as const;

const TOPICS = [
  "schools teachers pupils curriculum funding attainment academies ofsted",
  "hospitals waiting lists patients nurses doctors ambulance appointments vaccines",
  "police officers crime knife prosecutions prisons probation sentencing courts",
  "asylum seekers visas immigration detention removals borders small boats",
  "railways trains fares franchises electrification stations rolling stock",
  "roads potholes motorways buses cycling congestion speed cameras",
  "pensions benefits universal credit sanctions disability allowance claimants",
  "farmers agriculture subsidies flooding rivers sewage water companies",
  "energy bills nuclear wind solar heat pumps insulation emissions",
  "exports tariffs trade agreements steel manufacturing investment",
  "armed forces veterans procurement submarines frigates recruitment",
  "housing rents landlords leasehold homelessness planning permission",
  "broadband mobile coverage data protection artificial intelligence",
  "libraries museums sport grassroots football broadcasting licence fee",
  "sanctions human rights embassy diplomats humanitarian aid refugees ceasefire",
] as const;

const PROCEDURE = [
  "what steps his Department is taking to",
  "what assessment she has made of the potential merits of",
  "how much funding has been allocated to",
  "whether he plans to review the effectiveness of",
  "what recent discussions she has had with stakeholders on",
  "if he will publish the evidence underpinning",
  "what estimate his Department has made of the number of",
] as const;

const ANSWER_OPENINGS = [
  "The Government is committed to",
  "We recognise the importance of",
  "Officials continue to work closely with partners on",
  "The Department keeps this matter under review, including",
  "As set out in the recent White Paper, we are investing in",
] as const;

const FILLER =
  "the government department local authorities across england scotland wales northern ireland support services national strategy programme review funding guidance consultation evidence published data figures period year years people communities families public sector private partners providers improve ensure deliver continue working including further information available".split(
    " ",
  );

const FIRST_NAMES =
  "David Bob Sarah Emily James Rachel Tom Priya Anne Mark Helen Rishi Nadia Liam Fiona Owen Grace Imran Ruth Stephen".split(
    " ",
  );
const SURNAMES =
  "Jones Blackman Hughes Patel Smith Khan Evans Thomas Roberts Wilson Campbell Murray Begum Taylor Shah Davies Clarke Ahmed Walker Wright Green Hall Lewis Young Morgan".split(
    " ",
  );
const PARTIES = ["Conservative", "Labour", "Liberal Democrat", "Scottish National Party", "Green Party", "Crossbench"];
const PLACES =
  "Harrow East|Clwyd West|Bristol North|Leeds Central|Finchley|Aberdeen South|Cardiff West|Bolton North East|Truro|Gateshead|Richmond Park|Tiverton|Ynys Mon|Glasgow East|Hove|Stockport".split(
    "|",
  );

/** Syllables for rare words: place names and programme names that occur a handful of times. */
const SYLLABLES = "bar ken tor wyn ash mel dun rock ford ley ham stow brid gate wick combe thorp".split(" ");

function makeMembers(random: () => number, count: number, house: "Commons" | "Lords") {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, () => ({
    name: `${house === "Lords" ? "Lord" : pick(["Mr", "Ms", "Dr", "Mrs"])} ${pick(FIRST_NAMES)} ${pick(SURNAMES)}`,
    party: random() < 0.05 ? null : pick(PARTIES),
    memberFrom: house === "Lords" ? "Life peer" : pick(PLACES),
  }));
}

function isoDate(dayNumber: number): string {
  return new Date(Date.UTC(2014, 0, 1) + dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** `count` records from `seed`; the same arguments always give the same records. */
export function generateRecords(count: number, seed = 1): RecordInput[] {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  // Zipf-like: low indexes are drawn far more often than high ones.
  const skewed = <T>(items: readonly T[]) => items[Math.floor(items.length * random() ** 1.8)] as T;
  const rareWords = Array.from({ length: 4000 }, () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));
  const commons = makeMembers(random, 400, "Commons");
  const lords = makeMembers(random, 120, "Lords");
  const ministers = makeMembers(random, 40, "Commons");
  const topicWords = TOPICS.map((topic) => topic.split(" "));

  const sentence = (topic: string[], words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const draw = random();
      if (draw < 0.45) out.push(skewed(FILLER));
      else if (draw < 0.9) out.push(skewed(topic));
      else out.push(skewed(rareWords));
    }
    return out.join(" ");
  };

  const records: RecordInput[] = [];
  for (let n = 0; n < count; n++) {
    const house = random() < 0.8 ? "Commons" : "Lords";
    const [departmentTitle, answeringBody] = skewed(DEPARTMENTS);
    const topicIndex = Math.floor(random() * topicWords.length);
    const topic = topicWords[topicIndex] as string[];
    const tabledDay = Math.floor(random() * 3650);
    const answered = random() < 0.9;
    const questionText =
      house === "Commons"
        ? `To ask the Secretary of State for ${departmentTitle}, ${pick(PROCEDURE)} ${sentence(topic, 15 + Math.floor(random() * 20))}.`
        : `To ask His Majesty's Government ${pick(PROCEDURE).replace(/his|her|she|he/, "they")} ${sentence(topic, 15 + Math.floor(random() * 20))}.`;
    const paragraphs = 1 + Math.floor(random() * 3);
    const answerText = Array.from(
      { length: paragraphs },
      () => `${pick(ANSWER_OPENINGS)} ${sentence(topic, 25 + Math.floor(random() * 30))}.`,
    ).join("\n\n");
    const minister = pick(ministers);
    records.push({
      house,
      askingMember: { ...(house === "Commons" ? pick(commons) : pick(lords)) },
      questionText,
      dateTabled: isoDate(tabledDay),
      answer: answered
        ? {
            answeringMember: { ...minister, house: "Commons" },
            dateAnswered: isoDate(tabledDay + 3 + Math.floor(random() * 30)),
            text: answerText,
          }
        : null,
      uin: String(100000 + n),
      answeringBody,
      heading: `${(topic[0] as string).replace(/^./, (c) => c.toUpperCase())}: ${pick(PLACES)}`,
    });
  }
  return records;
}

/** The records as a `.jsonl` seed file, one record a line. */
export function toJsonLines(records: RecordInput[]): string {
  return `${records.map((record) => JSON.stringify(record)).join("\n")}\n`;
}
