/**
 * "Cite this record": the ready citation and the permanent link (printed once: its text is its
 * address), downloads for reference managers (RIS, CSL-JSON), and the JSON. The copy button is
 * added by site.js (progressive enhancement); without script the citation is plain, selectable text.
 */
import { type CitationFields, citationText } from "../citations/citation";

export function CitationSection({ id, fields }: { id: string; fields: CitationFields }) {
  return (
    <section class="prose cite" aria-labelledby="cite-title">
      <h2 id="cite-title">Cite this record</h2>
      <p class="citation" id="citation" data-copyable>
        {citationText(fields)}{" "}
        <a class="bare" href={fields.url}>
          {fields.url}
        </a>
      </p>
      <p class="no-print downloads">
        <a href={`/v1/records/${id}/citation.ris`} type="application/x-research-info-systems" download={`${id}.ris`}>
          Download citation (RIS)
        </a>
        {" · "}
        <a href={`/v1/records/${id}/citation.json`} type="application/vnd.citationstyles.csl+json">
          Citation as CSL-JSON
        </a>
        {" · "}
        <a href={`/v1/records/${id}`} type="application/json">
          This record as JSON
        </a>
      </p>
    </section>
  );
}
