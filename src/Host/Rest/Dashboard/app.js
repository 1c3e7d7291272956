// The ActorStream dashboard: a few views over the node's REST API (Flink's paths), refreshed every 2 s.
// No framework and no build step; everything it shows comes from the same endpoints scripts use.
"use strict";

const view = document.getElementById("view");
const previous = new Map(); // vertex id -> { at, read, write }: for records per second between refreshes
let timer = null;

const esc = (value) => String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]));
const fmt = (n) => Number(n).toLocaleString("en-US", { maximumFractionDigits: 1 });
const time = (ms) => ms > 0 && ms < 8.64e15 ? new Date(ms).toISOString().replace("T", " ").replace("Z", "") : "–";

async function api(path, options = {}) {
  const headers = {};
  const token = sessionStorage.getItem("actorstream-token");
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && options.method) {
    const entered = prompt("This node needs its REST token to change a job:");
    if (!entered) throw new Error("No token given.");
    sessionStorage.setItem("actorstream-token", entered);
    return api(path, options);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body.errors || [response.statusText]).join("; "));
  return body;
}

async function render() {
  const match = location.hash.match(/^#\/jobs\/([0-9a-f]+)/);
  try {
    if (match) await renderJob(match[1]); else await renderOverview();
    document.getElementById("refreshed").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    view.innerHTML = `<section><b>Cannot reach the node:</b> ${esc(e.message)}</section>`;
  }
}

async function renderOverview() {
  const [overview, managers, jobs] = await Promise.all([api("/overview"), api("/taskmanagers"), api("/jobs/overview")]);
  document.getElementById("cluster-summary").textContent =
    `${overview.taskmanagers} node(s) · ${overview["slots-available"]}/${overview["slots-total"]} slots free · ${overview["jobs-running"]} running`;
  view.innerHTML = `
    <h2>Jobs</h2>
    <section><table id="jobs"><tr><th>Name</th><th>State</th><th>Started</th><th>Slots</th><th>Checkpoints</th><th>Restarts</th><th>Job master</th></tr>
      ${jobs.jobs.map(j => `<tr><td><a href="#/jobs/${esc(j.jid)}">${esc(j.name)}</a> <span class="muted">${esc(j.jid)}</span></td>
        <td class="state ${esc(j.state)}">${esc(j.state)}</td><td>${time(j["start-time"])}</td><td>${j.tasks.total}</td>
        <td>${j.checkpoints}</td><td>${j.restarts}</td><td>${esc(j["jobmaster-node"])}</td></tr>`).join("")}
    </table>${jobs.jobs.length ? "" : `<p class="muted">No jobs yet: <code>actorstream run &lt;job&gt; --cluster HOST:PORT</code></p>`}</section>
    <h2>Nodes</h2>
    <section><table id="nodes"><tr><th>Node</th><th>Status</th><th>Slots</th><th>Free</th></tr>
      ${managers.taskmanagers.map(m => `<tr><td>${esc(m.id)}</td><td>${esc(m.status)}</td><td>${m.slotsNumber}</td><td>${m.freeSlots}</td></tr>`).join("")}
    </table></section>`;
}

async function renderJob(id) {
  const [job, checkpoints, exceptions] = await Promise.all([api(`/jobs/${id}`), api(`/jobs/${id}/checkpoints`), api(`/jobs/${id}/exceptions`)]);
  const watermarks = await Promise.all(job.vertices.map(v => api(`/jobs/${id}/vertices/${v.id}/watermarks`).catch(() => [])));
  const now = Date.now();
  const rates = new Map(job.vertices.map(v => {
    const last = previous.get(v.id);
    const read = v.metrics["read-records"], write = v.metrics["write-records"];
    previous.set(v.id, { at: now, read, write });
    const seconds = last ? (now - last.at) / 1000 : 0;
    return [v.id, seconds > 0 ? { in: (read - last.read) / seconds, out: (write - last.write) / seconds } : null];
  }));
  const message = document.getElementById("message")?.textContent ?? "";
  view.innerHTML = `
    <section class="actions">
      <b>${esc(job.name)}</b> <span class="state ${esc(job.state)}" id="job-state">${esc(job.state)}</span>
      <span class="muted">${esc(job.jid)} · running ${fmt(job.duration / 1000)} s · ${job.restarts} restart(s) · job master ${esc(job["jobmaster-node"])}</span>
      <span style="margin-left:auto"></span>
      <button id="savepoint">Savepoint</button><button id="stop">Stop with savepoint</button><button id="cancel" class="danger">Cancel</button>
    </section>
    <div id="message" class="muted">${esc(message)}</div>
    <h2>Job graph</h2>
    <section id="graph">${graph(job, rates)}</section>
    <h2>Checkpoints</h2>
    <section><table id="checkpoints"><tr><th>Completed</th><th>Failed</th><th>Latest completed</th></tr>
      <tr><td>${checkpoints.counts.completed}</td><td>${checkpoints.counts.failed}</td>
      <td>${esc(checkpoints.latest.completed?.external_path ?? "–")}</td></tr></table>
      ${checkpoints.history.length ? `<table><tr><th>Id</th><th>Status</th><th>Duration</th><th>Alignment</th><th>State size</th></tr>
        ${checkpoints.history.map(c => `<tr><td>${c.id}</td><td>${esc(c.status)}</td><td>${c.end_to_end_duration} ms</td>
          <td>${c.alignment_duration} ms</td><td>${fmt(c.state_size)} B</td></tr>`).join("")}</table>` : ""}
    </section>
    <h2>Watermarks</h2>
    <section><table id="watermarks"><tr><th>Vertex</th><th>Lowest input watermark</th></tr>
      ${job.vertices.map((v, i) => {
        const values = watermarks[i].map(w => Number(w.value)).filter(w => w > -9e18);
        return `<tr><td>${esc(v.name)}</td><td>${values.length ? time(Math.min(...values)) : "–"}</td></tr>`;
      }).join("")}</table></section>
    <h2>Exceptions</h2>
    <section id="exceptions">${exceptionList(exceptions)}</section>`;
  document.getElementById("savepoint").onclick = () => savepoint(id, `/jobs/${id}/savepoints`, "Savepoint");
  document.getElementById("stop").onclick = () => savepoint(id, `/jobs/${id}/stop`, "Stopped with savepoint");
  document.getElementById("cancel").onclick = async () => {
    if (!confirm(`Cancel job ${job.name}?`)) return;
    await act(() => api(`/jobs/${id}?mode=cancel`, { method: "PATCH" }), "Cancelling…");
  };
}

function exceptionList(exceptions) {
  const entries = exceptions.exceptionHistory.entries;
  if (!entries.length && !exceptions["root-exception"]) return `<span class="muted">None.</span>`;
  return `<table><tr><th>Time</th><th>Task</th><th>Node</th><th>Exception</th></tr>
    ${entries.map(e => `<tr><td>${time(e.timestamp)}</td><td>${esc(e.taskName ?? "–")}</td><td>${esc(e.location ?? "–")}</td>
      <td>${esc(e.exceptionName)}</td></tr>`).join("")}</table>
    <pre>${esc(exceptions["root-exception"])}</pre>`;
}

async function savepoint(id, path, what) {
  await act(async () => {
    const trigger = await api(path, { method: "POST" });
    say(`${what}: in progress…`);
    for (;;) {
      const status = await api(`/jobs/${id}/savepoints/${trigger["request-id"]}`);
      if (status.status.id === "COMPLETED") {
        if (status.operation["failure-cause"]) throw new Error(status.operation["failure-cause"]["stack-trace"]);
        return say(`${what}: ${status.operation.location}`);
      }
      await new Promise(r => setTimeout(r, 500));
    }
  });
}

async function act(action, pending) {
  try { if (pending) say(pending); await action(); } catch (e) { say("Failed: " + e.message); }
  render();
}

function say(text) { const m = document.getElementById("message"); if (m) m.textContent = text; }

// The DAG: vertices in columns by their distance from the sources, edges from each input.
function graph(job, rates) {
  const nodes = job.plan.nodes, byId = new Map(job.vertices.map(v => [v.id, v]));
  const depth = new Map();
  const depthOf = (n) => depth.get(n.id) ?? (depth.set(n.id, 0), depth.set(n.id,
    n.inputs.length ? 1 + Math.max(...n.inputs.map(i => depthOf(nodes.find(x => x.id === i.id) ?? { id: i.id, inputs: [] }))) : 0), depth.get(n.id));
  nodes.forEach(depthOf);
  const rows = new Map(), place = new Map(), W = 240, H = 76;
  for (const n of nodes) {
    const d = depth.get(n.id), r = rows.get(d) ?? 0;
    rows.set(d, r + 1);
    place.set(n.id, { x: 20 + d * (W + 70), y: 20 + r * (H + 30) });
  }
  const width = 40 + (Math.max(...depth.values()) + 1) * (W + 70), height = 40 + Math.max(...rows.values()) * (H + 30);
  const edges = nodes.flatMap(n => n.inputs.filter(i => place.has(i.id)).map(i => {
    const a = place.get(i.id), b = place.get(n.id);
    const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x - 4, y2 = b.y + H / 2;
    return `<path class="edge" d="M${x1},${y1} C${x1 + 35},${y1} ${x2 - 35},${y2} ${x2},${y2}"/>`;
  }));
  const boxes = nodes.map(n => {
    const v = byId.get(n.id), p = place.get(n.id), rate = rates.get(n.id), level = v["backpressure-level"];
    const name = v.name.length > 34 ? v.name.slice(0, 33) + "…" : v.name;
    const lag = v.metrics["pending-records"] == null ? "" : ` · lag ${fmt(v.metrics["pending-records"])}`;
    const flow = rate ? `in ${fmt(rate.in)}/s · out ${fmt(rate.out)}/s` : `in ${fmt(v.metrics["read-records"])} · out ${fmt(v.metrics["write-records"])}`;
    return `<g class="vertex ${esc(level)}" data-vertex="${esc(v.id)}" transform="translate(${p.x},${p.y})">
      <title>${esc(v.name)}</title><rect width="${W}" height="${H}"></rect>
      <text class="name" x="10" y="20">${esc(name)}</text>
      <text x="10" y="40">parallelism ${v.parallelism} · ${flow}</text>
      <text x="10" y="60">busy ${Math.round(v["busy-ms-per-second"] / 10)}% · backpressure ${esc(level)}${lag}</text></g>`;
  });
  return `<svg width="${width}" height="${height}" role="img" aria-label="job graph">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#9aa5b1"/></marker></defs>
    ${edges.join("")}${boxes.join("")}</svg>`;
}

window.addEventListener("hashchange", () => { previous.clear(); render(); });
render();
timer = setInterval(render, 2000);
