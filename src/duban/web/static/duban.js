/* duban page scripts: charts on the overview, figure popups in the reader,
   confirmation of bulk actions. No inline scripts (the CSP forbids them). */
(function () {
  "use strict";
  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var COLOURS = { green: "#2e7d32", yellow: "#e0a100", red: "#c62828", done: "#1d4f91", done_late: "#6a3d9a", not_reported: "#9aa0a6" };

  function stackedBar(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      title: { text: data.title, left: 10, top: 8, textStyle: { fontSize: 14, fontWeight: 600 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 34, itemWidth: 12, itemHeight: 10 },
      grid: { left: 10, right: 20, top: 70, bottom: 10, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: data.categories, inverse: true,
               axisLabel: { width: 150, overflow: "truncate" } },
      series: data.series.map(function (s) {
        return { name: s.label, type: "bar", stack: "all", data: s.values, itemStyle: { color: COLOURS[s.status] },
                 emphasis: { focus: "series" } };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function paragraphs() {
    return Array.prototype.map.call(document.querySelectorAll("#report-text > p[id^=o]"), function (p) {
      return { el: p, start: parseInt(p.id.slice(1), 10), len: p.textContent.length };
    });
  }

  function pointAt(p, offset) {
    var walker = document.createTreeWalker(p.el, NodeFilter.SHOW_TEXT), node, left = offset;
    while ((node = walker.nextNode())) {
      if (left <= node.length) return [node, left];
      left -= node.length;
    }
    return [p.el, p.el.childNodes.length];
  }

  function showSpan(start, end, figures) {
    var hit = paragraphs().filter(function (p) { return p.start + p.len > start && p.start < end; });
    document.querySelectorAll("#report-text p.at").forEach(function (p) { p.classList.remove("at"); });
    var note = document.getElementById("span-note");
    if (!hit.length) { if (note) note.hidden = true; return; }
    var first = hit[0], last = hit[hit.length - 1];
    hit.forEach(function (p) { p.el.classList.add("at"); });
    if (window.CSS && CSS.highlights && window.Highlight) {
      var a = pointAt(first, Math.max(0, start - first.start));
      var b = pointAt(last, Math.min(last.len, end - last.start));
      var range = document.createRange();
      range.setStart(a[0], a[1]);
      range.setEnd(b[0], b[1]);
      CSS.highlights.set("duban-span", new Highlight(range));
    }
    if (note) note.hidden = false;
    first.el.scrollIntoView({ block: "center" });
    // a figure's own span: show its fields in the side panel too
    if (figures) {
      var i = figures.findIndex(function (f) { return f.start === start && f.end === end; });
      var mark = i >= 0 ? document.querySelector('mark.fig[data-fig="' + i + '"]') : null;
      if (mark) mark.click();
    }
  }

  function showSpanFromHash(figures) {
    var m = /^#s(\d+)-(\d+)$/.exec(window.location.hash);
    if (m) showSpan(parseInt(m[1], 10), parseInt(m[2], 10), figures);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var charts = readJSON("chart-data");
    if (charts && window.echarts) {
      charts.forEach(function (c) {
        var el = document.getElementById(c.id);
        if (el) stackedBar(el, c);
      });
    }
    // Reader: click a highlighted figure to see its fields.
    var figures = readJSON("figure-data");
    var box = document.getElementById("figure-box");
    if (figures && box) {
      document.querySelectorAll("mark.fig").forEach(function (m) {
        m.addEventListener("click", function () {
          document.querySelectorAll("mark.fig.selected").forEach(function (x) { x.classList.remove("selected"); });
          m.classList.add("selected");
          var f = figures[m.getAttribute("data-fig")];
          var dl = document.createElement("dl");
          dl.className = "fields";
          f.fields.forEach(function (pair) {
            var dt = document.createElement("dt"); dt.textContent = pair[0];
            var dd = document.createElement("dd"); dd.textContent = pair[1];
            dl.appendChild(dt); dl.appendChild(dd);
          });
          box.innerHTML = "";
          var h = document.createElement("h3"); h.textContent = "“" + f.text + "”";
          box.appendChild(h); box.appendChild(dl);
        });
      });
    }
    // Reader: #s<start>-<end> (a task, target, figure or term elsewhere in the app) highlights
    // that span of the report text. Each paragraph's id is o<offset of its first character> and its
    // text is the report's text from there, so offsets map straight onto the text nodes.
    if (document.getElementById("report-text")) {
      showSpanFromHash(figures);
      window.addEventListener("hashchange", function () { showSpanFromHash(figures); });
    }
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        if (!window.confirm(form.getAttribute("data-confirm"))) ev.preventDefault();
      });
    });
    // Error page: "back" returns through the history, so a form keeps what the user typed
    // (a 409 link instead reloads the page, to show the newer version).
    var back = document.getElementById("error-back");
    if (back && back.hasAttribute("data-history") && window.history.length > 1) {
      back.addEventListener("click", function (ev) { ev.preventDefault(); window.history.back(); });
    }
    var all = document.getElementById("select-all");
    if (all) all.addEventListener("change", function () {
      document.querySelectorAll("input[name=task_ids]").forEach(function (c) { c.checked = all.checked; });
    });
  });
})();
