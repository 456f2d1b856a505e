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
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        if (!window.confirm(form.getAttribute("data-confirm"))) ev.preventDefault();
      });
    });
    var all = document.getElementById("select-all");
    if (all) all.addEventListener("change", function () {
      document.querySelectorAll("input[name=task_ids]").forEach(function (c) { c.checked = all.checked; });
    });
  });
})();
