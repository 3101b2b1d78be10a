// The actor network (Cytoscape.js) with dilemmas and unbalanced triads highlighted and
// explained on click. Text from the data is only ever set with textContent.
(function () {
  "use strict";
  var el = document.getElementById("cy");
  if (!el || !window.cytoscape) return;
  var explain = document.getElementById("explain");
  var query = location.search;

  function node(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  fetch(el.dataset.src).then(function (r) { return r.json(); }).then(function (data) {
    var elements = data.nodes.map(function (n) { return { data: { id: n.id, label: n.name } }; });
    data.edges.forEach(function (e) {
      elements.push({ data: { id: e.source + "|" + e.target, source: e.source, target: e.target, sign: e.sign,
        weight: e.weight, kinds: e.ties.map(function (t) { return t.kind; }).join(", ") } });
    });
    var cy = cytoscape({
      container: el, elements: elements,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#34495e", width: 14, height: 14 } },
        { selector: "edge", style: { width: "mapData(weight, -1, 1, 1, 5)", "line-color": "#27ae60", opacity: 0.6 } },
        { selector: "edge[sign < 0]", style: { "line-color": "#c0392b", "line-style": "dashed", width: 3 } },
        { selector: ".faded", style: { opacity: 0.12 } },
        { selector: "node.hl", style: { "background-color": "#f39c12", width: 22, height: 22, "font-weight": "bold" } },
        { selector: "edge.hl", style: { opacity: 1, width: 6 } }
      ]
    });
    el.dataset.ready = "1";

    function highlight(ids) {
      cy.elements().removeClass("hl").addClass("faded");
      var nodes = cy.collection();
      ids.forEach(function (id) { nodes = nodes.union(cy.getElementById(id)); });
      nodes.removeClass("faded").addClass("hl");
      nodes.edgesWith(nodes).removeClass("faded").addClass("hl");
    }

    function show(title, sentence, evidence) {
      explain.textContent = "";
      explain.appendChild(node("h3", title));
      explain.appendChild(node("p", sentence, "explanation"));
      var list = node("ul", null, "sources");
      (evidence || []).forEach(function (r) {
        var li = node("li");
        if (r.document_id) {
          var a = node("a", (r.outlet || r.document_id) + " · " + r.local_id);
          a.href = "/documents/" + encodeURIComponent(r.document_id) + "#rec-" + encodeURIComponent(r.local_id);
          li.appendChild(a);
          r.evidence.forEach(function (e) { li.appendChild(node("blockquote", e.text)); });
        } else {
          li.appendChild(node("span", r.id + " (knowledge base: shared membership)", "muted"));
        }
        list.appendChild(li);
      });
      explain.appendChild(list);
    }

    document.querySelectorAll("button.dilemma").forEach(function (b) {
      b.addEventListener("click", function () {
        var d = data.dilemmas[Number(b.dataset.index)];
        highlight([d.actor].concat(d.partners));
        show(d.actor + ": " + d.partners.join(" / "), d.explanation, []);
        var params = new URLSearchParams(query);
        params.set("actor", d.actor);
        fetch("/dilemmas.json?" + params).then(function (r) { return r.json(); }).then(function (found) {
          var match = found.dilemmas.filter(function (x) { return x.partners.join() === d.partners.join(); })[0];
          if (match) show(d.actor + ": " + d.partners.join(" / "), match.explanation, match.evidence_records);
        });
      });
    });
    document.querySelectorAll("button.triad").forEach(function (b) {
      b.addEventListener("click", function () {
        var t = data.unbalanced_triads[Number(b.dataset.index)];
        highlight(t.nodes);
        show(t.nodes.join(" · ") + " (" + t.type + ")", t.explanation, []);
      });
    });
    cy.on("tap", "edge", function (e) {
      var d = e.target.data();
      highlight([d.source, d.target]);
      show(d.source + " – " + d.target, (d.sign > 0 ? "friendly" : "hostile") + " (weight " + d.weight + "): " + d.kinds, []);
    });
    cy.on("tap", "node", function (e) {
      var a = node("a", "Open " + e.target.data("label"));
      a.href = "/actors/" + encodeURIComponent(e.target.id());
      highlight([e.target.id()].concat(e.target.neighborhood("node").map(function (n) { return n.id(); })));
      explain.textContent = "";
      explain.appendChild(a);
    });
  });
})();
