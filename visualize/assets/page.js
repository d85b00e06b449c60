// Knowledge-graph page: filters, search, details panel on top of vis-network.
// All report-derived text reaches the DOM via textContent (never innerHTML);
// vis tooltips get DOM elements, canvas labels are drawn as text.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const typeName = Object.fromEntries(data.legend.nodes.map((t) => [t.type, t.name]));
  const edgeName = Object.fromEntries(data.legend.edges.map((t) => [t.type, t.name]));
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const neighbours = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    neighbours.get(e.from).push(e);
    neighbours.get(e.to).push(e);
  }
  const $ = (id) => document.getElementById(id);

  /** Build an element: el("li", {className: "x"}, "text", childEl, ...). */
  function el(tag, props, ...children) {
    const node = Object.assign(document.createElement(tag), props || {});
    for (const child of children) {
      if (child === null || child === undefined || child === "") continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const nodeName = (id) => (byId.has(id) ? byId.get(id).name : id);
  const typeLabel = (t) => (typeName[t] ? typeName[t] + " " + t : t);
  const edgeLabel = (t) => (edgeName[t] ? edgeName[t] + " " + t : t);

  function formatInvestment(n) {
    if (n.investment_original) return n.investment_original;
    const cny = n.investment_cny;
    if (typeof cny !== "number") return "";
    if (cny >= 1e8) return (cny / 1e8).toFixed(2).replace(/\.?0+$/, "") + " 亿元";
    return cny >= 1e4 ? Math.round(cny / 1e4) + " 万元" : cny + " 元";
  }

  const sourceText = (ev) => (ev.report ? "来源：" + ev.report : "");

  // ---- hover tooltips (DOM elements, so vis never parses data as HTML) ----
  function nodeTooltip(n) {
    const lines = [el("div", { className: "kg-tip-title" }, n.name), el("div", {}, typeLabel(n.type))];
    if (n.aliases.length) lines.push(el("div", {}, "别名：" + n.aliases.slice(0, 5).join("、") + (n.aliases.length > 5 ? "…" : "")));
    if (n.stage) lines.push(el("div", {}, "阶段：" + n.stage));
    const inv = formatInvestment(n);
    if (inv) lines.push(el("div", {}, "投资：" + inv));
    if (n.parks.length) lines.push(el("div", {}, "所属园区：" + n.parks.slice(0, 5).join("、") + (n.parks.length > 5 ? "…" : "")));
    if (n.type === "Gap") lines.push(el("div", {}, gapText(n)));
    return el("div", {}, ...lines);
  }

  function gapText(n) {
    return "缺失环节 · " + n.chains.join("、") + (n.tier ? " · " + n.tier : "") + (n.is_target ? " · 园区报告列为招引重点" : "");
  }

  function edgeTooltip(e) {
    const head = el("div", { className: "kg-tip-title" }, edgeLabel(e.type));
    const ends = el("div", {}, nodeName(e.from) + " → " + nodeName(e.to));
    const first = e.evidence[0];
    const quote = first ? el("div", {}, "“" + first.quote.slice(0, 80) + (first.quote.length > 80 ? "…" : "") + "”") : null;
    const source = first && first.report ? el("div", { className: "kg-source" }, sourceText(first)) : null;
    const more = e.evidence.length > 1 ? el("div", { className: "kg-source" }, "共 " + e.evidence.length + " 条证据，点击查看") : null;
    return el("div", {}, head, ends, quote, source, more);
  }

  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({}, n, { title: nodeTooltip(n) })));
  const edges = new vis.DataSet(data.edges.map((e) => Object.assign({}, e, { title: edgeTooltip(e) })));
  const network = new vis.Network($("kg-graph"), { nodes: nodes, edges: edges }, data.options);

  // ---- filters ----
  // Park/chain membership is computed once, in Python (visualize/select.py `scopes`), for every choice.
  const scopeOf = (choices) => new Map(choices.map((c) => [c.name, new Set(c.members.map((i) => data.nodes[i].id))]));
  const parkScopes = scopeOf(data.filters.parks);
  const chainScopes = scopeOf(data.filters.chains);
  const state = { types: new Set(data.filters.types), park: "", chain: "", focus: null };

  /** Ids within `depth` hops of `id` (ignoring direction), moving only through `allowed` ids. */
  function neighbourhood(id, depth, allowed) {
    const seen = new Set([id]);
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next = [];
      for (const cur of frontier) {
        for (const e of neighbours.get(cur)) {
          const other = e.from === cur ? e.to : e.from;
          if (!seen.has(other) && (!allowed || allowed.has(other))) { seen.add(other); next.push(other); }
        }
      }
      frontier = next;
    }
    return seen;
  }

  function inScope(id) {
    return (!state.park || parkScopes.get(state.park).has(id)) && (!state.chain || chainScopes.get(state.chain).has(id));
  }

  function visibleIds() {
    let ids = data.nodes.filter((n) => inScope(n.id)).map((n) => n.id);
    if (state.focus) {
      const near = neighbourhood(state.focus.id, state.focus.depth, new Set(ids));
      ids = ids.filter((id) => near.has(id));
    }
    return new Set(ids.filter((id) => state.types.has(byId.get(id).type) || (state.focus && id === state.focus.id)));
  }

  const hiddenNodes = new Map();
  const hiddenEdges = new Map();

  /** Push only the items whose hidden flag changes, so big graphs filter quickly. */
  function setHidden(dataset, items, state, isHidden) {
    const changes = [];
    for (const item of items) {
      const hide = isHidden(item);
      if ((state.get(item.id) || false) !== hide) {
        state.set(item.id, hide);
        changes.push({ id: item.id, hidden: hide });
      }
    }
    if (changes.length) dataset.update(changes);
  }

  function applyFilters(fit) {
    const shown = visibleIds();
    setHidden(nodes, data.nodes, hiddenNodes, (n) => !shown.has(n.id));
    setHidden(edges, data.edges, hiddenEdges, (e) => !(shown.has(e.from) && shown.has(e.to)));
    updateCount();
    if (fit && shown.size) network.fit({ nodes: Array.from(shown), animation: false });
  }

  function visibleCounts() {
    return {
      nodes: nodes.getIds({ filter: (n) => !n.hidden }).length,
      edges: edges.getIds({ filter: (e) => !e.hidden }).length,
    };
  }

  function updateCount() {
    const c = visibleCounts();
    $("kg-count").textContent = "显示 " + c.nodes + " / " + data.nodes.length + " 个节点 · "
      + c.edges + " / " + data.edges.length + " 条关系";
    $("kg-focus").hidden = !state.focus;
    if (state.focus) $("kg-focus-text").textContent = "聚焦：" + nodeName(state.focus.id) + "（" + state.focus.depth + " 层）";
  }

  /** Show only the neighbourhood of `id` (the in-page counterpart of `kg viz --focus NAME --depth N`). */
  function focusOn(id, depth) {
    if (!inScope(id)) { state.park = state.chain = ""; $("kg-park").value = $("kg-chain").value = ""; }
    state.focus = { id: id, depth: depth };
    applyFilters(true);
    network.selectNodes([id]);
    showNode(id);
  }

  function clearFocus() {
    state.focus = null;
    applyFilters(true);
  }

  function resize(mode) {
    const key = mode === "degree" ? "size_degree" : mode === "investment" ? "size_investment" : "value";
    nodes.update(data.nodes.map((n) => ({ id: n.id, value: n[key] })));
  }

  function swatch(entry) {
    const s = el("span", { className: "kg-swatch kg-shape-" + entry.shape + (entry.type === "Gap" ? " kg-hollow" : "") });
    s.style.background = entry.type === "Gap" ? "#fff" : entry.color;
    s.style.borderColor = entry.border;
    return s;
  }

  function buildControls() {
    const counts = {};
    data.nodes.forEach((n) => { counts[n.type] = (counts[n.type] || 0) + 1; });
    const legendByType = Object.fromEntries(data.legend.nodes.map((t) => [t.type, t]));
    for (const t of data.filters.types) {
      const box = el("input", { type: "checkbox", checked: true, value: t });
      box.addEventListener("change", () => {
        box.checked ? state.types.add(t) : state.types.delete(t);
        applyFilters(false);
      });
      const entry = legendByType[t] || { type: t, shape: "dot", color: "#bab0ac", border: "#bab0ac" };
      $("kg-types").append(el("label", {}, box, swatch(entry), typeLabel(t), el("span", { className: "kg-n" }, "(" + counts[t] + ")")));
    }
    if (counts.Gap) {
      const target = swatch({ type: "Gap", shape: "dot", color: "#fff", border: data.legend.gap_target });
      $("kg-types").append(el("div", { className: "kg-legend-row kg-hint" }, target, "红圈：园区报告列为招引重点的缺失环节"));
    }
    for (const e of data.legend.edges) {
      const line = el("span", { className: "kg-line" });
      line.style.borderTop = Math.max(e.width, 1.5) + "px " + (e.dashed ? "dashed " : "solid ") + e.color;
      $("kg-edge-legend").append(el("div", { className: "kg-legend-row" }, line, e.name));
    }
    data.filters.parks.forEach((p) => $("kg-park").append(el("option", { value: p.name }, p.name)));
    data.filters.chains.forEach((c) => $("kg-chain").append(el("option", { value: c.name }, c.name)));
    if (!data.filters.chains.length) {
      $("kg-chain").disabled = true;
      $("kg-chain").options[0].textContent = "无产业链数据";
    }
    $("kg-size").addEventListener("change", (ev) => resize(ev.target.value));
    $("kg-focus-clear").addEventListener("click", clearFocus);
    $("kg-park").addEventListener("change", (ev) => { state.park = ev.target.value; applyFilters(true); });
    $("kg-chain").addEventListener("change", (ev) => { state.chain = ev.target.value; applyFilters(true); });
    $("kg-reset").addEventListener("click", () => { resetFilters(); network.fit({ animation: false }); });
  }

  function resetFilters() {
    state.types = new Set(data.filters.types);
    state.park = state.chain = "";
    state.focus = null;
    $("kg-park").value = $("kg-chain").value = "";
    document.querySelectorAll("#kg-types input").forEach((b) => { b.checked = true; });
    applyFilters(false);
  }

  // ---- details panel ----
  function row(dl, term, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.append(el("dt", {}, term), el("dd", {}, Array.isArray(value) ? value.join("、") : value));
  }

  function nodeLink(id) {
    const b = el("button", { type: "button", className: "kg-link" }, nodeName(id));
    b.addEventListener("click", () => jumpTo(id));
    return b;
  }

  function showNode(id) {
    const n = byId.get(id);
    const dl = el("dl");
    row(dl, "类型", typeLabel(n.type));
    row(dl, "别名", n.aliases);
    row(dl, "阶段", n.stage);
    row(dl, "投资额", formatInvestment(n));
    row(dl, "所属园区", n.parks);
    row(dl, "产业链", n.chains);
    if (n.type === "Gap") { row(dl, "环节位置", n.tier); row(dl, "招引重点", n.is_target ? "是（园区报告列为目标）" : ""); }
    row(dl, "关系数", n.degree);
    row(dl, "来源报告", n.reports);
    const links = el("ul");
    for (const e of neighbours.get(id).slice(0, 50)) {
      const other = e.from === id ? e.to : e.from;
      const rel = el("button", { type: "button", className: "kg-link" }, edgeLabel(e.type));
      rel.addEventListener("click", () => { network.selectEdges([e.id]); showEdge(e.id); });
      links.append(el("li", {}, rel, e.from === id ? " → " : " ← ", nodeLink(other)));
    }
    const depth = el("select", { className: "kg-depth", title: "聚焦层数" },
      ...[1, 2, 3].map((d) => el("option", { value: String(d) }, d + " 层")));
    const focus = el("button", { type: "button", className: "kg-focus-btn" }, "只看邻域");
    focus.addEventListener("click", () => focusOn(id, Number(depth.value)));
    $("kg-details").replaceChildren(el("h3", {}, n.name), dl, el("div", { className: "kg-actions" }, focus, depth),
      links.children.length ? el("h2", {}, "关联") : "", links);
  }

  function showEdge(id) {
    const e = edgeById.get(id);
    const dl = el("dl");
    dl.append(el("dt", {}, "起点"), el("dd", {}, nodeLink(e.from)), el("dt", {}, "终点"), el("dd", {}, nodeLink(e.to)));
    row(dl, "出现次数", e.count);
    row(dl, "来源报告", e.reports);
    const quotes = e.evidence.map((ev) => el("li", {}, el("blockquote", {}, ev.quote),
      el("div", { className: "kg-source" }, ev.report ? sourceText(ev) : "来源：上列报告之一")));
    $("kg-details").replaceChildren(el("h3", {}, edgeLabel(e.type)), dl,
      quotes.length ? el("h2", {}, "证据") : "", el("ul", {}, ...quotes));
  }

  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ---- search ----
  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    for (const n of data.nodes) {
      const alias = n.aliases.find((a) => a.toLowerCase().includes(q));
      if (n.name.toLowerCase().includes(q) || alias) hits.push({ node: n, alias: n.name.toLowerCase().includes(q) ? null : alias });
      if (hits.length >= 30) break;
    }
    return hits;
  }

  function showResults() {
    const list = $("kg-results");
    const hits = search($("kg-search").value);
    list.replaceChildren(...hits.map(({ node, alias }) => {
      const li = el("li", { role: "option" }, el("span", {}, node.name),
        alias ? el("span", { className: "kg-alias" }, "别名：" + alias) : "",
        el("span", { className: "kg-type-tag" }, typeName[node.type] || node.type));
      li.dataset.id = node.id;
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); jumpTo(node.id); });
      return li;
    }));
    if (!hits.length && $("kg-search").value.trim()) list.append(el("li", { className: "kg-hint" }, "无匹配"));
    list.hidden = !list.children.length;
  }

  function jumpTo(id) {
    if (nodes.get(id).hidden) resetFilters();
    $("kg-results").hidden = true;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: data.large ? false : { duration: 400 } });
    showNode(id);
  }

  $("kg-search").addEventListener("input", showResults);
  $("kg-search").addEventListener("focus", showResults);
  $("kg-search").addEventListener("blur", () => { $("kg-results").hidden = true; });
  $("kg-search").addEventListener("keydown", (ev) => {
    const first = $("kg-results").querySelector("li[data-id]");
    if (ev.key === "Enter" && first) jumpTo(first.dataset.id);
    if (ev.key === "Escape") $("kg-results").hidden = true;
  });

  // ---- large graphs, readiness ----
  if (data.large) {
    const hub = data.nodes.reduce((a, b) => (b.degree > a.degree ? b : a));
    $("kg-notice-text").textContent = "图中共有 " + data.nodes.length + " 个节点（超过 " + data.threshold
      + "），布局稳定后已停止物理模拟。建议按园区/产业链筛选，或使用聚焦视图：点击节点后选「只看邻域」，"
      + "或用命令 kg viz --focus 名称 --depth 1 生成聚焦页面。";
    const go = el("button", { type: "button", id: "kg-notice-focus" }, "聚焦：" + hub.name);
    go.addEventListener("click", () => focusOn(hub.id, 1));
    $("kg-notice-text").after(go);
    $("kg-notice").hidden = false;
  }
  $("kg-notice-close").addEventListener("click", () => { $("kg-notice").hidden = true; });

  function ready() {
    network.setOptions({ physics: false });
    $("kg-status").hidden = true;
    window.kgReady = true;
  }
  network.on("stabilizationProgress", (p) => {
    $("kg-status").textContent = "布局计算中… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", ready);

  buildControls();
  updateCount();
  if (!data.nodes.length) ready();

  window.kgReady = window.kgReady || false;
  window.kgData = data;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgNetwork = network;
  window.kgVisible = visibleCounts;
  window.kgFocus = focusOn;
})();
