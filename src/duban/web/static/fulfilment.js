/* The history chart: a region's target and actual of one indicator by year.
   Data comes from the page's <script type="application/json" id="history-data">
   (no inline scripts: the CSP forbids them). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("history-data");
    if (!node || !window.echarts) return;
    var data = JSON.parse(node.textContent);
    var el = document.getElementById(data.id);
    if (!el) return;
    var unit = data.unit || "";
    var chart = echarts.init(el);
    chart.setOption({
      title: { text: data.title, left: 10, top: 8, textStyle: { fontSize: 14, fontWeight: 600 } },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : v + unit; } },
      legend: { top: 34, data: ["目标", "目标上限", "实际"] },
      grid: { left: 10, right: 20, top: 70, bottom: 10, containLabel: true },
      xAxis: { type: "category", data: data.years.map(String) },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: "{value}" + unit } },
      series: [
        { name: "目标", type: "line", data: data.target, connectNulls: false, lineStyle: { type: "dashed" },
          itemStyle: { color: "#b71c1c" } },
        { name: "目标上限", type: "line", data: data.target_max, connectNulls: false, lineStyle: { type: "dotted" },
          itemStyle: { color: "#e57373" } },
        { name: "实际", type: "bar", data: data.actual, itemStyle: { color: "#1d4f91" }, barMaxWidth: 28 }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
