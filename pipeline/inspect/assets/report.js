// Interactivity for the newsclaims report. Everything the page shows comes from the
// server-rendered (escaped) HTML and the JSON block; records are shown with
// textContent only, never innerHTML, so article text can never become markup.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("claims-data").textContent);
  var panel = document.getElementById("panel");
  var panelJson = document.getElementById("panel-json");
  var panelTitle = document.getElementById("panel-title");
  var pinned = null;

  function segments(id) {
    return document.querySelectorAll('.doctext [data-claim="' + CSS.escape(id) + '"]');
  }
  function highlight(id, on) {
    segments(id).forEach(function (el) { el.classList.toggle("active", on); });
  }
  function show(id) {
    var rec = records[id];
    if (!rec) { return; }
    panelTitle.textContent = "claim " + id + " · " + rec.doc_id;
    panelJson.textContent = JSON.stringify(rec, null, 2);
    panel.hidden = false;
  }
  function claimOf(el) {
    var node = el && el.closest ? el.closest("[data-claim]") : null;
    return node ? node.getAttribute("data-claim") : null;
  }

  document.addEventListener("mouseover", function (ev) {
    var id = claimOf(ev.target);
    if (!id) { return; }
    highlight(id, true);
    if (!pinned) { show(id); }
  });
  document.addEventListener("mouseout", function (ev) {
    var id = claimOf(ev.target);
    if (id && id !== pinned) { highlight(id, false); }
  });
  document.addEventListener("click", function (ev) {
    var id = claimOf(ev.target);
    if (!id) { return; }
    if (pinned && pinned !== id) { highlight(pinned, false); }
    pinned = id;
    highlight(id, true);
    show(id);
    if (ev.target.closest("tr.claim-row")) {
      var first = segments(id)[0];
      if (first) { first.scrollIntoView({ block: "center" }); }
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var id = claimOf(document.activeElement);
      if (id) { show(id); }
    } else if (ev.key === "Escape") {
      panel.hidden = true;
      if (pinned) { highlight(pinned, false); }
      pinned = null;
    }
  });
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    if (pinned) { highlight(pinned, false); }
    pinned = null;
  });

  // Claims table filters: every filter must match (document, kind, flag, source substring).
  var fDoc = document.getElementById("f-doc"), fKind = document.getElementById("f-kind"),
      fFlag = document.getElementById("f-flag"), fSource = document.getElementById("f-source"),
      count = document.getElementById("f-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#claims-table tbody tr.claim-row"));
  function applyFilters() {
    var doc = fDoc.value, kind = fKind.value, flag = fFlag.value,
        src = fSource.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (tr) {
      var ok = (!doc || tr.getAttribute("data-doc") === doc) &&
               (!kind || tr.getAttribute("data-kind") === kind) &&
               (!flag || (" " + tr.getAttribute("data-flags") + " ").indexOf(" " + flag + " ") >= 0) &&
               (!src || tr.getAttribute("data-source").indexOf(src) >= 0);
      tr.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " claims shown";
  }
  [fDoc, fKind, fFlag].forEach(function (el) { el.addEventListener("change", applyFilters); });
  fSource.addEventListener("input", applyFilters);
  document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  applyFilters();
})();
