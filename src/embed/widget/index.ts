/**
 * The embed script's entry: defines `<pq-search>` once, and nothing else. It leaves no globals:
 * the bundle is an ES module, so its names stay in module scope.
 */
import { PqSearch } from "./element";

if (!customElements.get("pq-search")) customElements.define("pq-search", PqSearch);
