/**
 * `<pq-search>`: a search box that queries the service as the visitor types and lists matching
 * questions in a WAI-ARIA combobox (focus stays in the input; ↑/↓ move, Enter opens, Esc closes).
 * Everything from the API becomes text nodes; the only elements created are the widget's own.
 */
import type { Hit, MarkedText, SearchResponse } from "../../schema/search";
import { markedPieces } from "../../text/marked-text";
import { countLabel, type Labels, resolveLabels } from "./labels";
import { applyStyles } from "./styles";

/** Where the script was loaded from: the default endpoint. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const ATTRIBUTES = ["placeholder", "lang", "labels"];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function highlighted(marked: MarkedText): Array<Node | string> {
  return markedPieces(marked).map((piece) =>
    piece.marked ? element("mark", { part: "mark" }, piece.text) : piece.text,
  );
}

function fire(target: HTMLElement, name: string, detail: unknown, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

export class PqSearch extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  private readonly input: HTMLInputElement;
  private readonly listbox: HTMLDivElement;
  private readonly message: HTMLParagraphElement;
  private readonly status: HTMLDivElement;
  private labels: Labels = resolveLabels("en", null);
  private hits: Hit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    applyStyles(root);
    this.input = element("input", {
      part: "input",
      type: "search",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": "pq-listbox",
      autocomplete: "off",
      spellcheck: "false",
    });
    this.listbox = element("div", { part: "listbox", id: "pq-listbox", role: "listbox", hidden: "" });
    this.message = element("p", { part: "message", class: "msg", hidden: "" });
    this.status = element("div", { class: "sr", role: "status" });
    root.append(this.input, this.listbox, this.message, this.status);

    this.input.addEventListener("input", () => this.scheduleSearch());
    this.input.addEventListener("keydown", (event) => this.onKeydown(event));
    this.input.addEventListener("focus", () => this.hits.length > 0 && this.open());
    this.addEventListener("focusout", () => this.close());
    // Keeps focus in the input while the pointer picks an option.
    this.listbox.addEventListener("pointerdown", (event) => event.preventDefault());
    this.listbox.addEventListener("click", (event) => this.onClick(event));
  }

  connectedCallback(): void {
    this.applyLabels();
  }

  attributeChangedCallback(): void {
    this.applyLabels();
  }

  disconnectedCallback(): void {
    clearTimeout(this.timer);
    this.controller?.abort();
  }

  private option(index: number): HTMLAnchorElement | undefined {
    return this.listbox.children[index] as HTMLAnchorElement | undefined;
  }

  private number(name: string, fallback: number, min: number, max: number): number {
    const value = Number.parseInt(this.getAttribute(name) ?? "", 10);
    return Number.isNaN(value) ? fallback : Math.min(max, Math.max(min, value));
  }

  /** The element's own `lang`, else the nearest ancestor's, as the host page set it. */
  private locale(): string {
    return this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || "en";
  }

  private applyLabels(): void {
    this.labels = resolveLabels(this.locale(), this.getAttribute("labels"));
    this.input.setAttribute("aria-label", this.labels.label);
    this.input.placeholder = this.getAttribute("placeholder") ?? this.labels.placeholder;
    this.listbox.setAttribute("aria-label", this.labels.listbox);
  }

  private endpoint(): string {
    return (this.getAttribute("endpoint") || SCRIPT_ORIGIN).replace(/\/+$/, "");
  }

  private searchUrl(query: string): string {
    const url = new URL(`${this.endpoint()}/v1/search`);
    url.searchParams.set("q", query);
    url.searchParams.set("limit", String(this.number("limit", 8, 1, 50)));
    const house = this.getAttribute("house");
    if (house) url.searchParams.set("house", house);
    const answered = this.getAttribute("answered");
    if (answered === "true" || answered === "false") url.searchParams.set("answered", answered);
    for (const party of (this.getAttribute("party") ?? "").split("|")) {
      if (party.trim()) url.searchParams.append("party", party.trim());
    }
    return url.href;
  }

  /** The record's page on the service, or the partner's `record-url` with `{id}` filled in; http(s) only. */
  private recordUrl(id: string): string {
    const template = this.getAttribute("record-url");
    const fallback = `${this.endpoint()}/records/${encodeURIComponent(id)}`;
    if (!template) return fallback;
    const url = new URL(template.replaceAll("{id}", encodeURIComponent(id)), document.baseURI);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : fallback;
  }

  private scheduleSearch(): void {
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query.length < this.number("min-length", 2, 1, 20)) {
      this.controller?.abort();
      this.show([], "");
      return;
    }
    this.timer = setTimeout(() => this.search(query), this.number("debounce", 150, 0, 2000));
  }

  private async search(query: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await fetch(this.searchUrl(query), {
        signal: controller.signal,
        credentials: "omit",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`pq-search: the service answered ${response.status}`);
      const body = (await response.json()) as SearchResponse;
      if (controller !== this.controller) return;
      this.show(body.hits, countLabel(this.labels, body.total));
      fire(this, "pq-search:results", { query, total: body.total, hits: body.hits });
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn(error);
      this.show([], this.labels.error);
    }
  }

  private show(hits: Hit[], announcement: string): void {
    this.hits = hits;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.replaceChildren(...hits.map((hit, index) => this.renderHit(hit, index)));
    this.status.textContent = announcement;
    this.message.textContent = hits.length === 0 ? announcement : "";
    this.message.hidden = hits.length > 0 || !announcement;
    if (hits.length > 0 && this.matches(":focus-within")) this.open();
    else this.close();
  }

  private renderHit(hit: Hit, index: number): HTMLAnchorElement {
    const member = hit.askingMember;
    const details = [
      element("span", { part: "member" }, member.party ? `${member.name} (${member.party})` : member.name),
    ];
    if (hit.dateAnswered) {
      const date = new Intl.DateTimeFormat(this.locale(), { dateStyle: "medium", timeZone: "UTC" });
      const time = element("time", { part: "date", datetime: hit.dateAnswered });
      time.textContent = date.format(new Date(`${hit.dateAnswered}T00:00:00Z`));
      details.push(time);
    }
    details.push(element("span", { part: "answered" }, hit.answered ? this.labels.answered : this.labels.unanswered));
    const meta = element(
      "span",
      { part: "details", class: "m" },
      ...details.flatMap((detail, i) => (i > 0 ? [" · ", detail] : [detail])),
    );
    // An answer from an older deployment (cached by the browser) has no ranges: its text, unmarked.
    const marked = hit.marked?.questionText ?? { text: hit.questionText, marks: [] };
    const snippet = element("span", { part: "snippet", class: "q" }, ...highlighted(marked));
    const option = element(
      "a",
      { part: "option", id: `pq-option-${index}`, role: "option", "aria-selected": "false", tabindex: "-1" },
      snippet,
      meta,
    );
    option.href = this.recordUrl(hit.id);
    const target = this.getAttribute("target");
    if (target) option.target = target;
    if (target === "_blank") option.rel = "noopener";
    return option;
  }

  private open(): void {
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.move(-1);
  }

  private move(index: number): void {
    this.option(this.active)?.setAttribute("aria-selected", "false");
    this.active = index;
    const option = this.option(index);
    if (!option) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    option.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.hits.length;
    const expanded = !this.listbox.hidden;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && count > 0) {
      event.preventDefault();
      if (!expanded) this.open();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.move(this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count);
    } else if (event.key === "Enter" && expanded && this.active >= 0) {
      event.preventDefault();
      this.option(this.active)?.click();
    } else if (event.key === "Escape") {
      if (expanded) this.close();
      else this.input.value = "";
      event.preventDefault();
    }
  }

  /** Clicks (and Enter, which clicks) follow the link unless a `pq-search:select` listener cancels. */
  private onClick(event: MouseEvent): void {
    const option = (event.target as Element).closest("a");
    const index = option ? [...this.listbox.children].indexOf(option) : -1;
    const hit = this.hits[index];
    if (!option || !hit) return;
    const query = this.input.value.trim();
    if (!fire(this, "pq-search:select", { query, id: hit.id, url: option.href, hit }, true)) event.preventDefault();
  }
}
