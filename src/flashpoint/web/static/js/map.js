// The event map: a basemap of countries (shipped TopoJSON, no tile server), events from
// /map.json clustered and coloured by type, popups with evidence built as DOM text nodes.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) return;
  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 40], 3);
  var palette = ["#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d",
                 "#2c3e50", "#f39c12", "#e84393", "#6c5ce7", "#00b894"];
  var colours = {};
  var cluster = L.markerClusterGroup({ chunkedLoading: true });
  map.addLayer(cluster);

  fetch(el.dataset.world).then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#999", weight: 0.6, fillColor: "#f2efe9", fillOpacity: 1 },
                           interactive: false }).addTo(map).bringToBack();
  });

  function colour(type) {
    if (!(type in colours)) colours[type] = palette[Object.keys(colours).length % palette.length];
    return colours[type];
  }

  function node(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function popup(p) {
    var box = node("div", null, "popup");
    box.appendChild(node("strong", p.type + " · " + (p.date || "undated")));
    box.appendChild(node("p", p.actors.join(", ") + " → " + p.recipients.join(", ") + (p.place ? " at " + p.place : "")));
    p.sources.forEach(function (s) {
      var a = node("a", (s.outlet || s.document_id) + " " + (s.published || ""));
      a.href = "/documents/" + encodeURIComponent(s.document_id);
      box.appendChild(a);
      s.evidence.forEach(function (t) { box.appendChild(node("blockquote", t)); });
    });
    return box;
  }

  function legend() {
    var box = document.getElementById("legend");
    box.textContent = "";
    Object.keys(colours).sort().forEach(function (t) {
      var item = node("span", t, "legend-item");
      var dot = node("span", null, "dot");
      dot.style.backgroundColor = colours[t];
      item.prepend(dot);
      box.appendChild(item);
    });
  }

  function load() {
    var form = document.getElementById("map-filter");
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) params.set(k, v); });
    history.replaceState(null, "", "/map" + (params.toString() ? "?" + params : ""));
    return fetch(el.dataset.src + "?" + params).then(function (r) { return r.json(); }).then(function (data) {
      cluster.clearLayers();
      var markers = data.features.map(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        var m = L.circleMarker([c[1], c[0]], { radius: 7, color: "#222", weight: 1, fillColor: colour(p.type), fillOpacity: 0.9 });
        m.bindPopup(function () { return popup(p); }, { maxWidth: 360 });
        return m;
      });
      cluster.addLayers(markers);
      document.getElementById("map-count").textContent = data.features.length + " of " + data.total + " placed events";
      el.dataset.loaded = String(data.features.length);
      legend();
    });
  }

  document.getElementById("map-filter").addEventListener("submit", function (e) { e.preventDefault(); load(); });
  load();
})();
