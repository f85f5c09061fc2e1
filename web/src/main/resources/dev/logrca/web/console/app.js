// The logrca console: a few pages over the JSON API, addressed by the URL fragment so every view
// is a link to share. Text from the logs is only ever set as text (never as HTML).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const POLL_MS = 5000;
const SHOWN_EVIDENCE = 3;
let pollTimer = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAll(node, attrs);
  children.flat().forEach((c) => c != null && node.append(c instanceof Node ? c : String(c)));
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAll(node, attrs);
  children.flat().forEach((c) => c != null && node.append(c instanceof Node ? c : String(c)));
  return node;
}

function setAll(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
}

/** Calls the API; a 4xx or 5xx becomes an Error carrying the server's reason. */
async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) query.set(k, v);
  const url = "api/" + path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.reason || "the server answered " + response.status);
  return body;
}

function announce(text) {
  document.getElementById("status").textContent = text;
}

function time(iso) {
  return iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "";
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { path, params: new URLSearchParams(query || "") };
}

/** Shows a page: its title, a focused heading for screen readers, the current nav link. */
function page(title, nav, ...content) {
  const main = document.getElementById("main");
  const heading = el("h1", { tabindex: "-1" }, title);
  main.replaceChildren(heading, ...content);
  document.title = title + " · logrca";
  document.querySelectorAll("nav a").forEach((a) => {
    if (a.dataset.nav === nav) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  heading.focus({ preventScroll: true });
  return main;
}

function errorBox(error) {
  return el("div", { class: "error", role: "alert" }, error.message);
}

// ---- incident list

async function incidentsPage(params) {
  const status = params.get("status") || "";
  const q = params.get("q") || "";
  const form = el("form", { class: "query", role: "search", "aria-label": "Filter incidents" },
    el("label", {}, "Status",
      el("select", { name: "status", id: "incident-status" },
        el("option", { value: "" }, "any"),
        el("option", { value: "open", selected: status === "open" }, "open"),
        el("option", { value: "resolved", selected: status === "resolved" }, "resolved"))),
    el("label", {}, "Query (Lucene, e.g. rootService:postgres)",
      el("input", { name: "q", value: q, class: "wide", id: "incident-q" })),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (form.status.value) p.set("status", form.status.value);
    if (form.q.value) p.set("q", form.q.value);
    location.hash = "#/" + (p.toString() ? "?" + p : "");
  });
  const holder = el("div", { id: "incident-list" });
  page("Incidents", "incidents", form, holder);
  const refresh = async () => {
    try {
      const answer = await api("incidents", { status, q, size: "200" });
      holder.replaceChildren(incidentTable(answer));
      announce(answer.total + " incidents, updated " + new Date().toLocaleTimeString());
    } catch (error) {
      holder.replaceChildren(errorBox(error));
    }
  };
  await refresh();
  // live while the job runs: the list follows the index as commits land
  pollTimer = setInterval(refresh, POLL_MS);
}

function incidentTable(answer) {
  if (answer.incidents.length === 0) {
    return el("p", {}, "No incidents yet. The list refreshes every " + POLL_MS / 1000 + " s while the job runs.");
  }
  return el("table", {},
    el("caption", {}, answer.total + " incidents, latest first; refreshed every " + POLL_MS / 1000 + " s"),
    el("thead", {}, el("tr", {}, ["Incident", "Status", "Likeliest cause", "Score", "Started", "Services"]
      .map((h) => el("th", { scope: "col", class: h === "Score" ? "num" : null }, h)))),
    el("tbody", {}, answer.incidents.map((i) => {
      const top = i.rootCauses[0];
      return el("tr", {},
        el("td", {}, el("a", { href: "#/incident/" + encodeURIComponent(i.id) }, i.id)),
        el("td", {}, el("span", { class: "badge " + i.status }, i.status)),
        el("td", {}, top ? top.service + " — " + top.category : "no cause found"),
        el("td", { class: "num" }, top ? top.score.toFixed(2) : ""),
        el("td", {}, time(i.start)),
        el("td", {}, i.services.join(", ")));
    })));
}

// ---- one incident

async function incidentPage(id) {
  page("Incident " + id, "incidents", el("p", {}, "Loading…"));
  let explained;
  try {
    explained = await api("incidents/" + encodeURIComponent(id) + "/explain");
  } catch (error) {
    page("Incident " + id, "incidents", errorBox(error), el("p", {}, el("a", { href: "#/" }, "Back to the incidents")));
    return;
  }
  const incident = explained.incident;
  const top = explained.causes[0];
  const title = top ? top.service + ": " + top.category : "Incident " + id;
  const main = page(title, "incidents",
    el("p", {},
      el("span", { class: "badge " + incident.status }, incident.status), " ",
      "Incident ", el("code", {}, incident.id), " · from ", time(incident.start), " to ", time(incident.end),
      " · services: ", incident.services.join(", ")),
    el("div", { class: "grid" },
      el("section", { "aria-labelledby": "timeline-h" },
        el("h2", { id: "timeline-h" }, "Timeline per service"),
        el("div", { id: "timeline" }, el("p", {}, "Loading…"))),
      el("section", { "aria-labelledby": "graph-h" },
        el("h2", { id: "graph-h" }, "Call graph"),
        callGraph(explained.callGraph))),
    el("section", { "aria-labelledby": "causes-h" },
      el("h2", { id: "causes-h" }, "Ranked causes"),
      el("ol", { class: "causes" }, explained.causes.map((c) => el("li", {}, causeCard(c))))));
  announce("Incident " + id + " loaded: " + explained.causes.length + " candidate causes");
  timeline(incident, explained.faultStart, main.querySelector("#timeline"));
}

function causeCard(c) {
  const terms = el("table", {},
    el("caption", {}, "How the score " + c.score.toFixed(3) + " is made: value × weight = contribution"),
    el("thead", {}, el("tr", {}, ["Term", "Value", "Weight", "Contribution", "Why"]
      .map((h) => el("th", { scope: "col", class: ["Value", "Weight", "Contribution"].includes(h) ? "num" : null }, h)))),
    el("tbody", {}, c.terms.map((t) => el("tr", {},
      el("th", { scope: "row" }, t.label),
      el("td", { class: "num" }, t.value.toFixed(2)),
      el("td", { class: "num" }, "× " + t.weight.toFixed(2)),
      el("td", { class: "num" }, "= " + t.contribution.toFixed(3)),
      el("td", {}, t.reason || "")))));
  const explainedBy = c.explainedBy
    ? el("p", {}, "Explained by " + c.explainedBy.service + " (" + c.explainedBy.category + "): keeps "
        + Math.round(c.explainedBy.factor * 100) + "% of its score. " + (c.explainedBy.reason || ""))
    : null;
  return el("article", { class: "cause" + (c.rank === 1 ? " top" : ""), "aria-label": "Cause " + c.rank + ": " + c.service },
    el("h3", {}, c.rank + ". " + c.service + " — " + c.category + " ", el("span", { class: "score" }, "score " + c.score.toFixed(2))),
    c.summary ? el("p", {}, c.summary) : null,
    c.rule ? el("p", { class: "muted" }, "Rule: " + c.rule) : null,
    c.terms.length ? terms : el("p", { class: "muted" }, "No score breakdown stored for this cause."),
    explainedBy,
    c.evidence.length ? el("h4", {}, "Evidence (" + c.evidence.length + " lines, with the lines around each)") : null,
    c.evidence.slice(0, SHOWN_EVIDENCE).map(evidenceLines),
    c.evidence.length > SHOWN_EVIDENCE
      ? el("details", {}, el("summary", {}, "Show " + (c.evidence.length - SHOWN_EVIDENCE) + " more evidence lines"),
          c.evidence.slice(SHOWN_EVIDENCE).map(evidenceLines))
      : null);
}

function evidenceLines(e) {
  const line = (ev, cls) => el("li", { class: cls },
    time(ev.timestamp) + "  " + (ev.level ? ev.level.padEnd(5) + " " : "") + ev.service + "  " + ev.message);
  return el("ul", { class: "lines", "aria-label": "Evidence from " + e.service + " at " + time(e.timestamp) },
    e.before.map((b) => line(b, "context")),
    el("li", { class: "evidence" }, el("span", { class: "visually-hidden" }, "Evidence: "),
      time(e.timestamp) + "  " + e.service + "  " + e.message),
    e.after.map((a) => line(a, "context")));
}

/** Events (grey) and errors (red) per service around the incident, the fault start marked. */
async function timeline(incident, faultStart, holder) {
  const start = Date.parse(incident.start), end = Date.parse(incident.end);
  const since = new Date(start - 10 * 60000).toISOString(), until = new Date(Math.max(end, start + 60000) + 5 * 60000).toISOString();
  try {
    const [all, errors] = await Promise.all([
      api("histogram", { by: "service", since, until }),
      api("histogram", { by: "service", since, until, q: "level:error OR level:fatal" })]);
    holder.replaceChildren(timelineChart(all, errors, Date.parse(faultStart), incident.services));
  } catch (error) {
    holder.replaceChildren(errorBox(error));
  }
}

function timelineChart(all, errors, fault, services) {
  const keys = services.filter((s) => all.series.some((x) => x.key === s));
  const rowH = 34, left = 110, width = 560, top = 18;
  const height = top + keys.length * rowH + 24;
  const plotW = width - left - 10;
  const barW = Math.max(1, plotW / Math.max(1, all.buckets));
  const chart = svg("svg", { class: "chart", viewBox: "0 0 " + width + " " + height, width, height, role: "img",
    "aria-label": "Events and errors per service from " + time(all.from) + "; the fault started at " + new Date(fault).toISOString() });
  const max = Math.max(1, ...all.series.flatMap((s) => s.counts));
  keys.forEach((key, row) => {
    const y = top + row * rowH;
    chart.append(svg("text", { x: 4, y: y + rowH / 2 + 4, class: "label" }, key));
    const total = all.series.find((s) => s.key === key);
    const bad = errors.series.find((s) => s.key === key);
    total.counts.forEach((n, i) => {
      if (!n) return;
      const h = Math.max(1, (n / max) * (rowH - 8));
      chart.append(svg("rect", { x: left + i * barW, y: y + rowH - 4 - h, width: Math.max(1, barW - 0.5), height: h, fill: "#b6c2cf" }));
    });
    if (bad) bad.counts.forEach((n, i) => {
      if (!n) return;
      const h = Math.max(1, (n / max) * (rowH - 8));
      chart.append(svg("rect", { x: left + i * barW, y: y + rowH - 4 - h, width: Math.max(1, barW - 0.5), height: h, fill: "#d1242f" }));
    });
  });
  const x = left + ((fault - all.fromMillis) / all.interval) * barW;
  chart.append(svg("line", { x1: x, x2: x, y1: 12, y2: height - 18, stroke: "#b42318", "stroke-width": 2, "stroke-dasharray": "4 3" }));
  chart.append(svg("text", { x: Math.min(x + 4, width - 70), y: 11, fill: "#b42318", class: "label" }, "fault start"));
  chart.append(svg("text", { x: left, y: height - 4 }, time(all.from)));
  chart.append(svg("text", { x: width - 150, y: height - 4 }, "grey: events · red: errors"));
  return chart;
}

/** Services in columns by call depth, arrows caller → callee, the root cause in red. */
function callGraph(graph) {
  const nodes = graph.nodes, edges = graph.edges;
  const depth = {};
  nodes.forEach((n) => (depth[n.service] = 0));
  for (let pass = 0; pass < nodes.length; pass++) {
    edges.forEach((e) => { if (depth[e.callee] <= depth[e.caller]) depth[e.callee] = depth[e.caller] + 1; });
  }
  const columns = {};
  nodes.forEach((n) => (columns[depth[n.service]] = columns[depth[n.service]] || []).push(n));
  const colW = 150, rowH = 56, width = Math.max(300, Object.keys(columns).length * colW + 20);
  const height = Math.max(...Object.values(columns).map((c) => c.length)) * rowH + 30;
  const at = {};
  Object.entries(columns).forEach(([d, list]) => list.forEach((n, i) => (at[n.service] = { x: 10 + d * colW, y: 15 + i * rowH })));
  const chart = svg("svg", { class: "chart", viewBox: "0 0 " + width + " " + height, width, height, role: "img",
    "aria-label": "Call graph: " + (edges.length ? edges.map((e) => e.caller + " calls " + e.callee).join(", ") : "no calls known")
      + ". Root cause: " + (nodes.find((n) => n.root) || { service: "none" }).service });
  chart.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#59636e" }))));
  edges.forEach((e) => {
    const a = at[e.caller], b = at[e.callee];
    if (a && b) chart.append(svg("line", { x1: a.x + 110, y1: a.y + 16, x2: b.x, y2: b.y + 16, stroke: "#59636e", "stroke-width": 1.5, "marker-end": "url(#arrow)" }));
  });
  nodes.forEach((n) => {
    const p = at[n.service];
    chart.append(svg("rect", { x: p.x, y: p.y, width: 110, height: 32, rx: 6, fill: n.root ? "#ffebe9" : "#f6f8fa",
      stroke: n.root ? "#b42318" : "#8c959f", "stroke-width": n.root ? 3 : 1 }));
    chart.append(svg("text", { x: p.x + 8, y: p.y + 20, class: "label" }, n.service));
    if (n.root) chart.append(svg("text", { x: p.x, y: p.y + 44, fill: "#b42318" }, "root cause"));
  });
  return el("figure", {}, chart,
    el("figcaption", { class: "muted" }, "Calls " + graph.source + ". " + (edges.length ? edges.map((e) => e.caller + " → " + e.callee).join("; ") : "No calls known among these services.")));
}

// ---- search

async function searchPage(params) {
  const q = params.get("q") || "", since = params.get("since") || "", until = params.get("until") || "";
  const form = el("form", { class: "query", role: "search", "aria-label": "Search events" },
    el("label", {}, "Query (Lucene syntax, e.g. level:error AND service:payment)",
      el("input", { name: "q", id: "search-q", class: "wide", value: q, autocomplete: "off", spellcheck: "false" })),
    el("label", {}, "Since (15m, 2h, ISO time)", el("input", { name: "since", id: "search-since", value: since, size: 22 })),
    el("label", {}, "Until", el("input", { name: "until", id: "search-until", value: until, size: 22 })),
    el("button", { type: "submit", id: "search-run" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    ["q", "since", "until"].forEach((k) => form[k].value && p.set(k, form[k].value));
    const next = "#/search?" + p;
    if (location.hash === next) render(); else location.hash = next;
  });
  const results = el("div", { id: "search-results" });
  page("Search", "search", form, results);
  if (!params.has("q") && !since && !until) {
    results.append(el("p", { class: "muted" }, "Words search the message; fields: service, level, host, templateId, traceId, message …; times are ISO-8601."));
    return;
  }
  try {
    const [hits, histogram] = await Promise.all([
      api("search", { q, since, until, size: "100" }),
      api("histogram", { q, since, until, by: "level" })]);
    const table = hitTable(hits);
    results.replaceChildren(
      el("p", { id: "search-total" }, hits.total.toLocaleString() + (hits.totalExact ? "" : " or more") + " events match"),
      histogramChart(histogram), table);
    let next = hits.next;
    if (next) {
      const more = el("button", { class: "secondary", type: "button" }, "Load more");
      more.addEventListener("click", async () => {
        const page2 = await api("search", { q, since, until, size: "100", after: next });
        page2.hits.forEach((h) => table.tBodies[0].append(hitRow(h)));
        next = page2.next;
        if (!next) more.remove();
        announce(table.tBodies[0].rows.length + " events shown");
      });
      results.append(more);
    }
    announce(hits.total + " events match");
  } catch (error) {
    results.replaceChildren(errorBox(error));
    announce("The query failed: " + error.message);
  }
}

function hitTable(hits) {
  return el("table", { id: "hits" },
    el("caption", {}, "Newest first"),
    el("thead", {}, el("tr", {}, ["Time", "Service", "Level", "Message"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, hits.hits.map(hitRow)));
}

function hitRow(h) {
  return el("tr", {},
    el("td", {}, time(h.timestamp)),
    el("td", {}, h.service || ""),
    el("td", { class: "level-" + h.level }, h.level),
    el("td", {}, h.message || h.raw || ""));
}

/** Stacked bars of events per bucket, split by level. */
function histogramChart(h) {
  const width = 900, height = 120, left = 40;
  const colours = { ERROR: "#d1242f", FATAL: "#82071e", WARN: "#bf8700", INFO: "#8c959f" };
  const totals = Array.from({ length: h.buckets }, (_, i) => h.series.reduce((s, x) => s + x.counts[i], 0));
  const max = Math.max(1, ...totals);
  const barW = (width - left) / Math.max(1, h.buckets);
  const chart = svg("svg", { class: "chart", id: "histogram", viewBox: "0 0 " + width + " " + height, width, height, role: "img",
    "aria-label": "Histogram: " + h.total + " events from " + time(h.from) + " in buckets of " + h.interval / 1000 + " s, by level" });
  const base = Array(h.buckets).fill(0);
  h.series.forEach((s) => s.counts.forEach((n, i) => {
    if (!n) return;
    const hh = (n / max) * (height - 30);
    base[i] += hh;
    chart.append(svg("rect", { x: left + i * barW, y: height - 18 - base[i], width: Math.max(1, barW - 1), height: hh, fill: colours[s.key] || "#6e7781" }));
  }));
  chart.append(svg("text", { x: 0, y: 12 }, String(max)));
  chart.append(svg("text", { x: left, y: height - 4 }, time(h.from)));
  chart.append(svg("text", { x: width - 260, y: height - 4 }, "per " + h.interval / 1000 + " s · " + h.series.map((s) => s.key).join(", ")));
  return chart;
}

// ---- templates

async function templatesPage(params) {
  const service = params.get("service") || "";
  const form = el("form", { class: "query", "aria-label": "Filter templates" },
    el("label", {}, "Service", el("input", { name: "service", id: "templates-service", value: service })),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/templates" + (form.service.value ? "?service=" + encodeURIComponent(form.service.value) : "");
  });
  const holder = el("div", {});
  page("Templates", "templates", form, holder);
  try {
    const answer = await api("templates", { service, size: "500" });
    holder.replaceChildren(el("table", {},
      el("caption", {}, answer.templates.length + " templates, most events first"),
      el("thead", {}, el("tr", {}, ["Template", "Service", "Events", "Text", "Merged ids"].map((h) => el("th", { scope: "col", class: h === "Events" ? "num" : null }, h)))),
      el("tbody", {}, answer.templates.map((t) => el("tr", {},
        el("td", {}, el("a", { href: "#/search?q=" + encodeURIComponent('templateId:"' + t.templateId + '"') }, t.templateId)),
        el("td", {}, t.service),
        el("td", { class: "num" }, t.events.toLocaleString()),
        el("td", {}, el("code", {}, t.text)),
        el("td", {}, (t.retiredIds || []).join(", ")))))));
    announce(answer.templates.length + " templates");
  } catch (error) {
    holder.replaceChildren(errorBox(error));
  }
}

// ---- routing

function render() {
  clearInterval(pollTimer);
  const { path, params } = route();
  const incident = path.match(/^\/incident\/([^/]+)$/);
  if (incident) return incidentPage(decodeURIComponent(incident[1]));
  if (path === "/search") return searchPage(params);
  if (path === "/templates") return templatesPage(params);
  return incidentsPage(params);
}

window.addEventListener("hashchange", render);
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("skip").addEventListener("click", (e) => {
    e.preventDefault();
    document.getElementById("main").focus();
  });
  render();
});
