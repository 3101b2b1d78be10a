#!/usr/bin/env bash
# Copy the built JavaScript/CSS of the npm libraries the web UI uses into the package, so
# that `flashpoint serve` never fetches anything from a CDN. Run after changing
# package.json: `npm ci && scripts/vendor.sh`, then commit src/flashpoint/web/static/vendor/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
out=src/flashpoint/web/static/vendor
rm -rf "$out" && mkdir -p "$out/leaflet/images" "$out/markercluster" "$out/cytoscape" "$out/topojson" "$out/world-atlas"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$out/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$out/leaflet/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$out/markercluster/"
cp node_modules/cytoscape/dist/cytoscape.min.js "$out/cytoscape/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/topojson/"
cp node_modules/world-atlas/countries-110m.json "$out/world-atlas/"
for lib in leaflet leaflet.markercluster cytoscape topojson-client world-atlas; do
  dest="$out/$(case $lib in leaflet.markercluster) echo markercluster;; topojson-client) echo topojson;; *) echo $lib;; esac)"
  cp node_modules/$lib/LICENSE* "$dest/" 2>/dev/null || true
  node -e "const p=require('./node_modules/$lib/package.json');console.log(p.name+' '+p.version+' '+(p.license||''))" >> "$out/VERSIONS"
done
echo "vendored into $out:" && cat "$out/VERSIONS"
