/**
 * `/about`: what the collection holds (counted from the build's facets), where the records come
 * from in the source's own words, when this version was published, and the licence they are
 * reused under (Open Parliament Licence v3.0, whose attribution statement this page carries).
 */
import type { Meta } from "../schema/meta";
import { longDate, paragraphs } from "./format";
import { Layout, OPEN_PARLIAMENT_LICENCE } from "./layout";
import type { Site } from "./site";

export interface AboutPageProps {
  site: Site;
  meta: Meta;
}

const count = (counts: Record<string, number>, key: string) => counts[key] ?? 0;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "in 2021", "between 2019 and 2021", or null when nothing is answered yet. */
function yearsAnswered(meta: Meta): string | null {
  const years = Object.keys(meta.facets.year).sort();
  const [first, last] = [years[0], years.at(-1)];
  if (!first || !last) return null;
  return first === last ? `in ${first}` : `between ${first} and ${last}`;
}

function Holdings({ meta }: { meta: Meta }) {
  const { facets } = meta;
  const answered = count(facets.answered, "true");
  const years = yearsAnswered(meta);
  const members = Object.keys(facets.member).length;
  return (
    <ul>
      <li>
        {plural(meta.records, "written question", "written questions")}: {count(facets.house, "Commons")} from the House
        of Commons and {count(facets.house, "Lords")} from the House of Lords, asked by{" "}
        {plural(members, "member", "members")}.
      </li>
      <li>
        {plural(answered, "has an answer", "have an answer")}
        {years && `, given ${years}`}; {count(facets.answered, "false")} are awaiting one.
      </li>
      {Object.keys(facets.body).length > 0 && (
        <li>Answered by {plural(Object.keys(facets.body).length, "department", "departments")}.</li>
      )}
    </ul>
  );
}

export function AboutPage({ site, meta }: AboutPageProps) {
  const source = [meta.title, ...paragraphs(meta.description)].filter((text) => text !== site.title);
  const description = `What ${site.title} holds, where its ${meta.records} records come from, when it was last refreshed, and their licence.`;
  return (
    <Layout
      site={site}
      title={`About this collection · ${site.title}`}
      description={description}
      canonical={`${site.origin}/about`}
      openGraph={{ type: "website", title: `About ${site.title}`, description }}
    >
      <h1>About this collection</h1>
      <section aria-labelledby="holds-title" class="prose">
        <h2 id="holds-title">What it holds</h2>
        <Holdings meta={meta} />
        <p>
          <a href="/">Search the collection</a>, or browse it by House, party, member or year from the search page.
        </p>
      </section>
      <section aria-labelledby="source-title" class="prose">
        <h2 id="source-title">Where it comes from</h2>
        <p>
          Each record is a written question put by a Member of the House of Commons or the House of Lords to the
          government, and the answer it received, as published by the UK Parliament. Records taken from Parliament's
          written questions service link to their page there; every record's page also says which source document and
          line it was read from.
        </p>
        {source.length > 0 && (
          <>
            <p>The collection's source introduces it like this:</p>
            <blockquote>
              {source.map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </blockquote>
          </>
        )}
      </section>
      <section aria-labelledby="refreshed-title" class="prose">
        <h2 id="refreshed-title">When it was last refreshed</h2>
        {site.published ? (
          <p>
            This version was built and published on <time datetime={site.published}>{longDate(site.published)}</time>.
            Its build id, <code>{meta.buildId}</code>, changes whenever the records do.
          </p>
        ) : (
          <p>
            This version's build id is <code>{meta.buildId}</code>; it changes whenever the records do.
          </p>
        )}
      </section>
      <section aria-labelledby="licence-title" class="prose">
        <h2 id="licence-title">Licence</h2>
        <p>
          Contains Parliamentary information licensed under the{" "}
          <a href={OPEN_PARLIAMENT_LICENCE} rel="license">
            Open Parliament Licence v3.0
          </a>
          . You may copy, publish and adapt it, including commercially, if you acknowledge the source with that
          statement.
        </p>
        <p>This is an independent service, not a UK Parliament website.</p>
      </section>
      <section aria-labelledby="reuse-title" class="prose">
        <h2 id="reuse-title">Reusing the records</h2>
        <ul>
          <li>
            <a href="/openapi.json">The JSON API</a> (OpenAPI 3.1): search, filters and every record in full.
          </li>
          <li>
            <a href="/v1/meta">Collection details as JSON</a>, with the values each filter accepts.
          </li>
          <li>
            <a href="/sitemap.xml">The sitemap</a>, listing every record's permanent address.
          </li>
        </ul>
      </section>
    </Layout>
  );
}
