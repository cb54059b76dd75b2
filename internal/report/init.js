// Draws every chart of the page from the JSON options beside it. Runs once,
// offline; animation is off so that the page prints as it is shown. Until
// a chart is drawn its element holds a message saying why it is not (the
// script is missing or JavaScript is off); the key under a radar is shown
// once its chart is drawn, and each entry shows or hides its series.
(function () {
  "use strict";
  var drawn = [];
  // A number as the report writes it: decimal comma, minus sign (71,5; −3).
  function swedish(v) {
    if (typeof v !== "number") { return v; }
    return String(v).replace(".", ",").replace("-", "\u2212");
  }
  function key(el, chart) {
    var list = document.getElementById(el.id + "-nyckel");
    if (!list) { return; }
    var buttons = list.querySelectorAll("button[data-series]");
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener("click", function () {
        chart.dispatchAction({ type: "legendToggleSelect", name: b.getAttribute("data-series") });
      });
    });
    chart.on("legendselectchanged", function (e) {
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute("aria-pressed", String(e.selected[b.getAttribute("data-series")] !== false));
      });
    });
    list.hidden = false;
  }
  var nodes = document.querySelectorAll(".chart[data-chart]");
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var src = document.getElementById(el.id + "-options");
    if (!src || typeof echarts === "undefined") { continue; }
    el.textContent = "";
    var chart = echarts.init(el, null, { renderer: "svg" });
    var option = JSON.parse(src.textContent);
    option.tooltip = option.tooltip || {};
    option.tooltip.valueFormatter = swedish;
    if (option.yAxis) {
      [].concat(option.yAxis).forEach(function (axis) {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.formatter = swedish;
      });
    }
    // the scale of a radar's rings, on its first axis
    [option].concat((option.media || []).map(function (m) { return m.option; })).forEach(function (o) {
      if (o && o.radar) {
        o.radar.axisLabel = o.radar.axisLabel || {};
        o.radar.axisLabel.formatter = swedish;
      }
    });
    chart.setOption(option);
    key(el, chart);
    drawn.push(chart);
  }
  // the charts are drawn: the note on where their script must lie is not
  // needed (kompass report --all)
  if (typeof echarts !== "undefined") {
    Array.prototype.forEach.call(document.querySelectorAll(".script-note"), function (p) { p.hidden = true; });
  }
  // a table wider than its box: the box says so, and shades its right
  // edge until it is scrolled to the end
  var boxes = document.querySelectorAll(".scroll-box");
  function mark() {
    Array.prototype.forEach.call(boxes, function (box) {
      var sc = box.querySelector(".scroll");
      if (!sc) { return; }
      box.classList.toggle("wide", sc.scrollWidth > sc.clientWidth + 1);
      box.classList.toggle("at-end", sc.scrollLeft + sc.clientWidth >= sc.scrollWidth - 1);
    });
  }
  Array.prototype.forEach.call(boxes, function (box) {
    var sc = box.querySelector(".scroll");
    if (sc) { sc.addEventListener("scroll", mark, { passive: true }); }
  });
  mark();
  function resize() { mark(); for (var j = 0; j < drawn.length; j++) { drawn[j].resize(); } }
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
  // milliseconds from the start of navigation until every chart was drawn,
  // read by the browser tests
  document.documentElement.setAttribute("data-charts-ms", String(Math.round(performance.now())));
  document.documentElement.setAttribute("data-charts-drawn", String(drawn.length));
})();
