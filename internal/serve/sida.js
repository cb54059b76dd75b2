// kompass's local page: the buttons run jobs on the server and show what
// the command printed; a heartbeat keeps the server running while the page
// is open, and a goodbye stops it when the page is closed. No framework.
(function () {
  "use strict";

  var page = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2);
  var stopped = false;

  function form(fields) {
    var f = new URLSearchParams();
    Object.keys(fields).forEach(function (k) { f.append(k, fields[k]); });
    return f;
  }

  function beat() {
    if (stopped) { return; }
    fetch("puls", { method: "POST", body: form({ sida: page }) }).then(function (r) {
      if (!r.ok) { gone(); }
    }, gone);
  }

  function gone() {
    stopped = true;
    show("kompass har avslutats", "", "Sidan når inte längre kompass. Starta kompass igen för att fortsätta.", true);
    document.querySelectorAll("button[data-jobb], form button").forEach(function (b) { b.disabled = true; });
  }

  beat();
  setInterval(beat, 10000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { beat(); }
  });
  window.addEventListener("pagehide", function () {
    navigator.sendBeacon("hejda", form({ sida: page }));
  });

  var box = document.getElementById("resultat");

  function show(title, output, messages, bad) {
    document.getElementById("resultat-rubrik").textContent = title;
    document.getElementById("utdata").textContent = output || "";
    document.getElementById("meddelanden").textContent = messages || "";
    box.classList.toggle("fel", !!bad);
    box.classList.toggle("varning", !bad && !!messages);
    box.hidden = false;
  }

  document.getElementById("stang").addEventListener("click", function () { box.hidden = true; });

  function busy(on) {
    document.querySelectorAll("button[data-jobb], form button").forEach(function (b) { b.disabled = on; });
    document.body.setAttribute("aria-busy", on ? "true" : "false");
  }

  function refresh() {
    return fetch("lista").then(function (r) {
      if (!r.ok) { throw new Error(r.status + " " + r.statusText); }
      return r.text();
    }).then(function (html) {
      var group = document.getElementById("grupp");
      var chosen = group ? group.value : "";
      document.getElementById("lista").innerHTML = html;
      group = document.getElementById("grupp");
      if (group) { group.value = chosen; }
    });
  }

  var titles = {
    mall: "Ny arbetsbok", rapport: "Rapport", webbplats: "Webbplats", konsensus: "Konsensus",
    plan: "Åtgärdsplan", uppfoljning: "Uppföljning"
  };

  function run(kind, data) {
    busy(true);
    show(titles[kind] + ": arbetar …", "", "", false);
    return fetch("jobb/" + kind, { method: "POST", body: data }).then(function (r) {
      if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); }
      return r.json();
    }).then(function (o) {
      if (o.exists && !data.has("ersatt")) {
        busy(false);
        if (window.confirm("Filen " + o.exists + " finns redan i datamappen. Vill du ersätta den?")) {
          data.set("ersatt", "1");
          return run(kind, data);
        }
        show(titles[kind] + ": inget ändrades", o.output, "Filen " + o.exists + " finns redan och ersattes inte.", false);
        return null;
      }
      var ok = o.code === 0;
      show(titles[kind] + (ok ? ": klart" : (o.code === 3 ? ": klart, med problem" : ": det gick inte")), o.output, o.messages, !ok);
      return refresh();
    }).catch(function (e) {
      show(titles[kind] + ": det gick inte", "", String(e.message || e), true);
    }).then(function () { busy(false); });
  }

  document.addEventListener("submit", function (e) {
    var f = e.target.closest("form[data-jobb]");
    if (!f) { return; }
    e.preventDefault();
    run(f.getAttribute("data-jobb"), new URLSearchParams(new FormData(f)));
  });

  document.addEventListener("click", function (e) {
    if (e.target.id === "uppdatera") {
      refresh();
      return;
    }
    var b = e.target.closest("button[data-jobb]");
    if (!b) { return; }
    var kind = b.getAttribute("data-jobb");
    var data = new URLSearchParams();
    ["kommun", "ar", "pdf"].forEach(function (k) {
      if (b.hasAttribute("data-" + k)) { data.set(k, b.getAttribute("data-" + k)); }
    });
    var group = document.getElementById("grupp");
    if (group && group.value && (kind === "rapport" || kind === "webbplats")) { data.set("grupp", group.value); }
    if (kind === "konsensus") {
      document.querySelectorAll("input[name=fil]:checked").forEach(function (c) { data.append("fil", c.value); });
      if (data.getAll("fil").length < 2) {
        show("Konsensus", "", "Välj minst två bedömares arbetsböcker.", true);
        return;
      }
    }
    run(kind, data);
  });
}());
