/**
 * Progressive enhancement, served from /assets (CSP forbids inline script). The pages work fully
 * without it. It does four small things, each skipped when its element is absent:
 * - a record page's "Search all questions" link becomes "Back to results" when the visitor came
 *   from a search on this site (the page itself stays the same for everyone, so it caches);
 * - a record page's citation gets a "Copy citation" button (the clipboard, else the text is
 *   selected for the reader to copy), which says what it did in a status line;
 * - the search form leaves blank date boxes and the default order out of the URL it submits;
 * - when the server marks the form with `data-suggest` (only if the Worker has a suggestion
 *   route), typing offers completions through a native <datalist>, which browsers and screen
 *   readers already know how to present. Any failure leaves the page as it was.
 */
export const siteJs = `(function () {
  "use strict";
  var back = document.querySelector("a[data-back-to-results]");
  if (back && document.referrer) {
    try {
      var from = new URL(document.referrer);
      if (from.origin === location.origin && from.pathname === "/" && from.search) {
        back.href = from.href;
        back.textContent = "\\u2190 Back to results";
      }
    } catch (error) {}
  }

  var copyable = document.querySelector("[data-copyable]");
  if (copyable && copyable.parentNode) {
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "copy no-print";
    copy.textContent = "Copy citation";
    var said = document.createElement("span");
    said.className = "copied";
    said.setAttribute("role", "status");
    copyable.parentNode.insertBefore(said, copyable.nextSibling);
    copyable.parentNode.insertBefore(copy, said);
    copy.addEventListener("click", function () {
      var text = copyable.textContent.replace(/\\s+/g, " ").trim();
      function selectIt() {
        var range = document.createRange();
        range.selectNodeContents(copyable);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      function fallback() {
        selectIt();
        var done = false;
        try {
          done = document.execCommand("copy");
        } catch (error) {}
        said.textContent = done ? "Copied." : "Selected: press Ctrl+C (\\u2318C on a Mac) to copy.";
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () {
          said.textContent = "Copied.";
        }, fallback);
      } else fallback();
    });
  }

  var form = document.querySelector("form.search");
  if (form) {
    form.addEventListener("submit", function () {
      var fields = form.querySelectorAll("input[type=date], select[name=sort]");
      for (var i = 0; i < fields.length; i++) {
        var field = fields[i];
        if (field.value === "" || (field.name === "sort" && field.value === "relevance")) field.disabled = true;
      }
      // Back from the next page, the fields must be usable again.
      setTimeout(function () {
        for (var j = 0; j < fields.length; j++) fields[j].disabled = false;
      }, 0);
    });
  }

  var input = form && form.hasAttribute("data-suggest") && form.querySelector("input[type=search]");
  if (!input || !window.fetch || !window.AbortController) return;
  var endpoint = form.getAttribute("data-suggest");
  var list = document.createElement("datalist");
  list.id = "q-suggestions";
  form.appendChild(list);
  input.setAttribute("list", list.id);
  var timer = 0;
  var pending = null;
  var broken = false;

  function textOf(item) {
    if (typeof item === "string") return item;
    if (item && typeof item === "object") {
      var text = item.text || item.term || item.value || item.label || item.name;
      if (typeof text === "string") return text;
    }
    return "";
  }

  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var seen = Object.create(null);
    for (var i = 0; i < items.length && list.childNodes.length < 8; i++) {
      var text = textOf(items[i]).trim();
      if (!text || seen[text] === true) continue;
      seen[text] = true;
      var option = document.createElement("option");
      option.value = text;
      list.appendChild(option);
    }
  }

  function suggest() {
    var words = input.value;
    if (broken || words.trim().length < 2 || words.length > 100) return show([]);
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(endpoint + "?q=" + encodeURIComponent(words), {
      signal: pending.signal,
      headers: { Accept: "application/json" },
      credentials: "omit",
    })
      .then(function (response) {
        // A route that is missing or refuses will not start working mid-visit: stop asking.
        if (response.status === 404 || response.status === 405 || response.status === 501) broken = true;
        if (!response.ok) return null;
        return response.json();
      })
      .then(function (body) {
        if (!body || input.value !== words) return;
        var items = Array.isArray(body) ? body : body.suggestions || body.completions || body.hits;
        show(Array.isArray(items) ? items : []);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
})();
`;
