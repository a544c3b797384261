
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var lists = Array.prototype.slice.call(document.querySelectorAll("[data-list]"));
  var pages = {};
  var words = new WeakMap();

  function values(el, name) {
    var raw = el.getAttribute("data-" + name);
    if (!raw) { return []; }
    try { return JSON.parse(raw); } catch (e) { return []; }
  }

  function textOf(el) {
    var text = words.get(el);
    if (text === undefined) {
      text = el.textContent.toLowerCase();
      words.set(el, text);
    }
    return text;
  }

  function filters() {
    var data = new FormData(form);
    return {
      q: String(data.get("q") || "").trim().toLowerCase(),
      speaker: String(data.get("speaker") || ""),
      outlet: String(data.get("outlet") || ""),
      relation: String(data.get("relation") || ""),
      from: String(data.get("from") || ""),
      to: String(data.get("to") || "")
    };
  }

  function matches(el, f) {
    if (f.relation && el.hasAttribute("data-relation") && el.getAttribute("data-relation") !== f.relation) {
      return false;
    }
    if (f.speaker && values(el, "speakers").indexOf(f.speaker) < 0) { return false; }
    if (f.outlet && values(el, "outlets").indexOf(f.outlet) < 0) { return false; }
    if (f.from || f.to) {
      var first = el.getAttribute("data-first") || "";
      var last = el.getAttribute("data-last") || first;
      if (!first) { return false; }
      if (f.from && last < f.from) { return false; }
      if (f.to && first > f.to) { return false; }
    }
    if (f.q && textOf(el).indexOf(f.q) < 0) { return false; }
    return true;
  }

  function items(list) {
    return Array.prototype.filter.call(list.children, function (el) {
      return el.hasAttribute("data-item");
    });
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function render(list, f) {
    var name = list.getAttribute("data-list");
    var size = parseInt(list.getAttribute("data-page"), 10) || 25;
    var shown = items(list).filter(function (el) { return matches(el, f); });
    var count = Math.max(1, Math.ceil(shown.length / size));
    var page = Math.min(pages[name] || 0, count - 1);
    pages[name] = page;
    items(list).forEach(function (el) { el.hidden = true; });
    shown.slice(page * size, (page + 1) * size).forEach(function (el) { el.hidden = false; });
    var pager = document.querySelector('[data-pager="' + name + '"]');
    if (!pager) { return; }
    while (pager.firstChild) { pager.removeChild(pager.firstChild); }
    var total = items(list).length;
    var what = document.createElement("span");
    what.className = "shown";
    what.textContent = shown.length === total ? total + " shown" : shown.length + " of " + total + " match";
    pager.appendChild(what);
    if (count > 1) {
      var prev = button("\u2190 previous", function () { pages[name] = page - 1; render(list, filters()); });
      var next = button("next \u2192", function () { pages[name] = page + 1; render(list, filters()); });
      prev.disabled = page === 0;
      next.disabled = page >= count - 1;
      var at = document.createElement("span");
      at.textContent = "page " + (page + 1) + " of " + count;
      pager.appendChild(prev);
      pager.appendChild(at);
      pager.appendChild(next);
    }
    pager.hidden = false;
  }

  function apply(resetPages) {
    var f = filters();
    lists.forEach(function (list) {
      if (resetPages) { pages[list.getAttribute("data-list")] = 0; }
      render(list, f);
    });
  }

  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) { return; }
    var list = null;
    for (var el = target; el && el !== document.body; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
      if (el.hasAttribute("data-item") && el.parentElement && el.parentElement.hasAttribute("data-list")) {
        list = el.parentElement;
        if (el.hidden) {
          form.reset();
          var size = parseInt(list.getAttribute("data-page"), 10) || 25;
          pages[list.getAttribute("data-list")] = Math.floor(items(list).indexOf(el) / size);
          apply(false);
        }
      }
    }
    target.scrollIntoView({ block: "center" });
  }

  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", reveal);
  apply(true);
  reveal();
}());
