/**
 * `<pq-search>`: a search box that queries the service as the visitor types and lists matching
 * questions in a WAI-ARIA combobox (focus stays in the input; ↑/↓ move, Enter opens the chosen
 * result or, with none chosen, the service's results page; Esc closes, a second Esc clears).
 * Whatever the element holds in the light DOM (a plain link or form to the service) is what
 * visitors see without JavaScript or while the service is down; once defined, the shadow root
 * (which has no slot) takes its place. Everything from the API becomes text nodes.
 */
import { localeOf, numberAttribute, recordUrl, serviceUrl } from "./attributes";
import { fill, type Labels, resolveLabels, shownLabel } from "./labels";
import { dateLocale, element, type ListedHit, optionLink, renderHit } from "./render-hit";
import { type Outcome, SearchClient } from "./search-client";
import { applyStyles } from "./styles";

const ATTRIBUTES = ["placeholder", "lang", "labels"];
/** A request answered faster than this shows no loading state, so fast answers do not flicker. */
const LOADING_DELAY_MS = 250;

function fire(target: HTMLElement, name: string, detail: unknown, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

export class PqSearch extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  private readonly input: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly popup: HTMLDivElement;
  private readonly count: HTMLParagraphElement;
  private readonly listbox: HTMLDivElement;
  private readonly message: HTMLDivElement;
  private readonly messageText: HTMLSpanElement;
  private readonly retry: HTMLButtonElement;
  private readonly status: HTMLDivElement;
  private labels: Labels = resolveLabels("en", null);
  private hits: ListedHit[] = [];
  /** The query the listed results answer; null when nothing is listed. */
  private listedQuery: string | null = null;
  /** The query whose answer is awaited or was last asked for (what Retry repeats). */
  private wantedQuery = "";
  private active = -1;
  private readonly timers = new Map<"debounce" | "loading" | "retry", ReturnType<typeof setTimeout>>();
  private readonly client = new SearchClient({
    answer: (_url, outcome) => this.onAnswer(outcome),
    busy: (busy) => this.onBusy(busy),
  });
  private readonly retryWhenOnline = () => this.runSearch(this.wantedQuery, true);

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
    this.submit = element("button", { part: "submit", type: "button" });
    this.count = element("p", { part: "count", class: "count" });
    // tabindex -1: Chromium makes a scrolling container focusable, and Tab would land on it.
    this.listbox = element("div", { part: "listbox", id: "pq-listbox", role: "listbox", tabindex: "-1" });
    this.popup = element("div", { part: "popup", class: "popup", hidden: "" }, this.count, this.listbox);
    this.messageText = element("span");
    this.retry = element("button", { part: "retry", type: "button", hidden: "" });
    this.message = element("div", { part: "message", class: "msg", hidden: "" }, this.messageText, " ", this.retry);
    this.status = element("div", { class: "sr", role: "status" });
    root.append(element("div", { class: "bar" }, this.input, this.submit), this.popup, this.message, this.status);

    this.input.addEventListener("input", () => this.scheduleSearch());
    this.input.addEventListener("keydown", (event) => this.onKeydown(event));
    this.input.addEventListener("focus", () => this.isCurrent() && this.open());
    this.input.addEventListener("blur", () => this.close());
    this.submit.addEventListener("click", () => this.goToResults());
    this.retry.addEventListener("click", () => {
      // Back to the box, where the results will list (and the Retry button will go away).
      this.input.focus();
      this.runSearch(this.wantedQuery, true);
    });
    // Keeps focus in the input while the pointer picks an option.
    this.popup.addEventListener("pointerdown", (event) => event.preventDefault());
    this.listbox.addEventListener("click", (event) => this.onClick(event));
  }

  connectedCallback(): void {
    this.applyLabels();
  }

  attributeChangedCallback(): void {
    this.applyLabels();
  }

  disconnectedCallback(): void {
    this.stop();
  }

  private query(): string {
    return this.input.value.trim();
  }

  /** The listed results answer what is in the box now (not words typed earlier, or cleared). */
  private isCurrent(): boolean {
    return this.listedQuery !== null && this.listedQuery === this.query() && this.listbox.children.length > 0;
  }

  private option(index: number): HTMLAnchorElement | undefined {
    return this.listbox.children[index] as HTMLAnchorElement | undefined;
  }

  private applyLabels(): void {
    this.labels = resolveLabels(localeOf(this), this.getAttribute("labels"));
    this.input.setAttribute("aria-label", this.labels.label);
    this.input.placeholder = this.getAttribute("placeholder") ?? this.labels.placeholder;
    this.listbox.setAttribute("aria-label", this.labels.listbox);
    this.submit.textContent = this.labels.submit;
    this.retry.textContent = this.labels.retry;
  }

  private clearTimer(name: "debounce" | "loading" | "retry"): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  /** Stops waiting to search: typing pauses, a rate limit's wait, coming back online. */
  private stopWaiting(): void {
    this.clearTimer("debounce");
    this.clearTimer("retry");
    window.removeEventListener("online", this.retryWhenOnline);
  }

  /** Stops everything under way, the request in flight included. */
  private stop(): void {
    this.stopWaiting();
    this.client.cancel();
  }

  private scheduleSearch(): void {
    const query = this.query();
    // A request already out is left to finish: the client sends the newest query after it.
    this.stopWaiting();
    if (query.length < numberAttribute(this, "min-length", 2, 1, 20)) {
      this.stop();
      this.clear();
      return;
    }
    if (query === this.listedQuery) return;
    const wait = numberAttribute(this, "debounce", 150, 0, 2000);
    this.timers.set(
      "debounce",
      setTimeout(() => this.runSearch(query), wait),
    );
  }

  private runSearch(query: string, fresh = false): void {
    this.stopWaiting();
    this.wantedQuery = query;
    this.client.request(serviceUrl(this, "/v1/search", query, numberAttribute(this, "limit", 8, 1, 50)), fresh);
  }

  private onBusy(busy: boolean): void {
    this.clearTimer("loading");
    this.listbox.removeAttribute("aria-busy");
    if (busy)
      this.timers.set(
        "loading",
        setTimeout(() => this.showLoading(), LOADING_DELAY_MS),
      );
  }

  private showLoading(): void {
    this.listbox.setAttribute("aria-busy", "true");
    if (!this.popup.hidden) this.count.textContent = this.labels.loading;
    else this.say(this.labels.loading);
    this.status.textContent = this.labels.loading;
  }

  /** A message under the box (and announced), with a Retry button where retrying is up to the visitor. */
  private say(text: string, canRetry = false): void {
    this.messageText.textContent = text;
    this.message.hidden = !text;
    this.retry.hidden = !canRetry;
    this.status.textContent = text;
  }

  private onAnswer(outcome: Outcome): void {
    const query = this.wantedQuery;
    if (outcome.kind === "results") {
      this.show(outcome.body.hits, outcome.body.total, query);
      fire(this, "pq-search:results", { query, total: outcome.body.total, hits: outcome.body.hits });
      return;
    }
    this.clear();
    if (outcome.kind === "rate-limited") {
      this.say(fill(this.labels.rateLimited, outcome.retryAfterSeconds));
      this.timers.set(
        "retry",
        setTimeout(() => this.runSearch(query, true), outcome.retryAfterSeconds * 1000),
      );
    } else if (outcome.kind === "offline") {
      this.say(this.labels.offline, true);
      window.addEventListener("online", this.retryWhenOnline, { once: true });
    } else {
      this.say(outcome.kind === "dropped" ? this.labels.dropped : this.labels.error, true);
    }
  }

  private show(hits: ListedHit[], total: number, query: string): void {
    this.hits = hits;
    this.listedQuery = query;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    const view = {
      labels: this.labels,
      dates: new Intl.DateTimeFormat(dateLocale(localeOf(this)), { dateStyle: "long", timeZone: "UTC" }),
      target: this.getAttribute("target"),
    };
    const options = hits.map((hit, index) => renderHit(hit, index, { ...view, href: recordUrl(this, hit.id) }));
    if (total > hits.length) {
      const text = fill(this.labels.seeAll, total);
      options.push(optionLink(hits.length, serviceUrl(this, "/", query), view.target, "all", text));
    }
    this.listbox.replaceChildren(...options);
    // The first results hold only some of the words typed (the API's fallback): say so.
    const shown = shownLabel(this.labels, hits.length, total);
    const counted = hits[0]?.matchedAll === false ? `${shown}. ${this.labels.partial}` : shown;
    this.count.textContent = counted;
    this.say(hits.length === 0 ? counted : "");
    this.status.textContent = counted;
    if (hits.length > 0 && this.matches(":focus-within")) this.open();
    else this.close();
  }

  /** Nothing listed and nothing said: the box is empty, or was just cleared. */
  private clear(): void {
    this.hits = [];
    this.listedQuery = null;
    this.listbox.replaceChildren();
    this.say("");
    this.close();
  }

  private open(): void {
    this.popup.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  private close(): void {
    this.popup.hidden = true;
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
    const count = this.listbox.children.length;
    const expanded = !this.popup.hidden;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && this.isCurrent()) {
      event.preventDefault();
      if (!expanded) this.open();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.move(this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (expanded && this.active >= 0) this.option(this.active)?.click();
      else this.goToResults();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (expanded) this.close();
      else {
        this.input.value = "";
        this.stop();
        this.clear();
      }
    }
  }

  /** The service's own results page for what is typed, unless a `pq-search:submit` listener cancels. */
  private goToResults(): void {
    const query = this.query();
    if (!query) return;
    const url = serviceUrl(this, "/", query);
    if (!fire(this, "pq-search:submit", { query, url }, true)) return;
    const target = this.getAttribute("target");
    if (target) window.open(url, target, target === "_blank" ? "noopener" : "");
    else window.location.assign(url);
  }

  /** Clicks (and Enter, which clicks) follow the link unless a `pq-search:select`/`submit` listener cancels. */
  private onClick(event: MouseEvent): void {
    const option = (event.target as Element).closest("a");
    if (!option) return;
    const query = this.query();
    if (option.classList.contains("all")) {
      if (!fire(this, "pq-search:submit", { query, url: option.href }, true)) event.preventDefault();
      return;
    }
    const hit = this.hits[[...this.listbox.children].indexOf(option)];
    if (hit && !fire(this, "pq-search:select", { query, id: hit.id, url: option.href, hit }, true)) {
      event.preventDefault();
    }
  }
}
