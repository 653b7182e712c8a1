// The browser benchmark's PEER, not part of the site (see index.html): the
// map the app's map page opens on, drawn the way a plain D3 + TopoJSON page
// would draw it, as an SVG with one <path> per unit. The benchmark reads
// the mark 'peer:first-map-shown' (set once the browser has rendered the
// frame with the map), as it reads 'tien-do:first-map-shown' in the app.
//
// Reproduced from the app (crates/core/src/choropleth.rs, boundaries.rs,
// figures/map.rs, src/pages/map.rs):
//   - the view: the first indicator that has values, in its latest period
//     (`default_view`; the benchmark's links ask for no indicator or
//     period);
//   - the rows: every unit of the period's unit set, its value from the
//     period's series (the first, should a code repeat; non-finite values
//     are "not published");
//   - the classes: the same quantile limits (`quantile_bins`, 5 classes,
//     fewer when values repeat) and the same ColorBrewer Blues colours (the
//     app's `colorous::BLUES.eval_rational(i + 2, count + 2)`, listed below
//     for 1 to 5 classes);
//   - the boundaries: the unit set's `boundaries` link resolved against the
//     data file, else the file shipped with the site; the first object;
//   - the built-in communes (a unit set with `builtin: "vn-commune-2025"`
//     and no boundaries link, src/pages/map.rs `MapView::new`): the site's
//     official commune file, geo/vn-communes-2025.topo.json (object
//     `communes`), each commune's value joined by its code from the
//     period's series (`commune_map`); with `&level=commune` in the query,
//     as the app's `?level=commune` (`show_former`), the 34 provinces'
//     borders over the communes in the ink (1.1 px), fetched with them
//     (without it the app draws none: the level the data chose is not the
//     level asked for);
//   - the colours: white paper, white borders of 0.8 px between units, the
//     archipelagos outlined in the ink (1 px), the "not published" hatch
//     (ground and line mixed from the paper and the ink as the app mixes
//     them, an 8 px tile).
// What differs, on purpose (a plain D3 page, not a copy of the app):
//   - the projection: d3.geoMercator fitted to every feature (islands
//     included) in the app's map size at a 1280 px window (665 x 900 CSS
//     px); the app uses an equirectangular projection scaled by the cosine
//     of the middle latitude, fitted to the mainland with a 3 % padding,
//     and draws Hoàng Sa and Trường Sa in an inset box with rings and
//     names, which this page does not;
//   - SVG (one <path> per feature) where the app paints a canvas;
//   - no legend, title, summary, ranking, tooltip or interaction.
(function () {
  'use strict';

  var WIDTH = 665;
  var HEIGHT = 900;
  var CLASSES = 5;
  // colorous::BLUES.eval_rational(i + 2, count + 2), i in 0..count, as
  // crates/core/src/choropleth.rs `quantile_bins` picks them.
  var BLUES = {
    1: ['#3182bd'],
    2: ['#6baed6', '#2171b5'],
    3: ['#6baed6', '#3182bd', '#08519c'],
    4: ['#9ecae1', '#6baed6', '#3182bd', '#08519c'],
    5: ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594']
  };
  // Palette::LIGHT and MapColours::of (crates/core/src/figures/).
  var PAPER = '#ffffff';
  var INK = '#1b1f24';
  var HATCH_GROUND = '#eeeeef'; // mix(paper, ink, 0.075)
  var HATCH_LINE = '#9d9fa1'; // mix(paper, ink, 0.43)
  var HATCH_TILE = 8;
  // crates/core/src/boundaries.rs `boundary_file`, relative to the site.
  var SHIPPED = {
    'vn-province-2025': '/tien-do/geo/vn-provinces-2025.topo.json',
    'vn-province-2008': '/tien-do/geo/vn-provinces-2008.topo.json'
  };
  // The built-in unit sets (`UnitSet::builtin`) and the site's file of each
  // (crates/core/src/boundaries.rs `commune_file(None)`).
  var BUILTIN = {
    'vn-commune-2025': '/tien-do/geo/vn-communes-2025.topo.json'
  };
  // Drawn over the built-in communes: the provinces' borders.
  var PROVINCES_2025 = SHIPPED['vn-province-2025'];
  var PROVINCE_BORDER = 1.1;

  var params = new URLSearchParams(location.search);
  var dataUrl = new URL(params.get('data') || '/tien-do/data/progress.json', location.href).href;
  var status = document.getElementById('status');

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  // `default_view`: the first indicator with values, in its latest period
  // (the last listed of the periods that have a series of it).
  function defaultView(data) {
    var has = new Set(data.series.map(function (s) { return s.indicator + '\u0000' + s.period; }));
    for (var i = 0; i < data.indicators.length; i++) {
      var id = data.indicators[i].id;
      var periods = data.periods.filter(function (p) { return has.has(id + '\u0000' + p.id); });
      if (periods.length) return { indicator: id, period: periods[periods.length - 1] };
    }
    return null;
  }

  // `UnitSet::boundaries_link`: relative, or http(s).
  function boundariesLink(set) {
    var url = (set.boundaries || '').trim();
    if (!url) return null;
    var lower = url.toLowerCase();
    var m = lower.search(/[:/?#]/);
    var hasScheme = m >= 0 && lower[m] === ':';
    var relative = !hasScheme && url.slice(0, 2) !== '//' && url[0] !== '\\';
    return relative || /^https?:\/\//.test(lower) ? url : null;
  }

  // `quantile_bins`: ascending limits, a colour per class.
  function quantileBins(values) {
    var sorted = values.slice().sort(d3.ascending);
    var n = sorted.length;
    if (!n) return null;
    var limits = [sorted[0]];
    for (var k = 1; k < CLASSES; k++) {
      var q = sorted[Math.min(Math.floor((k * n) / CLASSES), n - 1)];
      if (q > limits[limits.length - 1]) limits.push(q);
    }
    var max = sorted[n - 1];
    if (max > limits[limits.length - 1] || limits.length === 1) limits.push(max);
    return { limits: limits, colors: BLUES[limits.length - 1] };
  }

  // `Bins::class_of`.
  function colorOf(bins, v) {
    var classes = bins.colors.length;
    for (var i = 1; i < classes; i++) {
      if (v < bins.limits[i]) return bins.colors[i - 1];
    }
    return bins.colors[classes - 1];
  }

  // d3-geo is spherical: a polygon's exterior ring goes clockwise, and a
  // ring wound the other way (RFC 7946's order, the SYNTHETIC commune
  // file's) is the whole globe but the unit, which fills the whole SVG.
  // As a D3 page must, such features of a file it does not know are
  // rewound (the app's planar geometry takes either order). Its cost is
  // the measure 'peer:rewind'. The files shipped with the site are wound
  // for d3-geo already (checked with d3.geoArea: none of the 34 + 2
  // provinces, the 63 + 2, or the 3,321 official communes is inverted),
  // so, as a page that knows its file would, the peer does not check
  // them.
  function rewind(features) {
    performance.mark('peer:rewind:start');
    var rewound = 0;
    features.forEach(function (f) {
      if (!f.geometry || d3.geoArea(f) <= 2 * Math.PI) return;
      var polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      polygons.forEach(function (rings) {
        rings.forEach(function (ring) { ring.reverse(); });
      });
      rewound++;
    });
    performance.measure('peer:rewind', 'peer:rewind:start');
    return rewound;
  }

  // `values`: the value of each unit with one, by its code; `shipped`: a
  // file of the site's (not rewound); `provinces`: the borders to draw
  // over the units, if any.
  function draw(values, bins, topo, shipped, provinces) {
    var name = Object.keys(topo.objects)[0];
    var features = topojson.feature(topo, topo.objects[name]);
    if (!shipped) rewind(features.features);
    var projection = d3.geoMercator().fitSize([WIDTH, HEIGHT], features);
    var path = d3.geoPath(projection);
    var svg = d3.select('#map');
    svg.append('rect').attr('width', WIDTH).attr('height', HEIGHT).attr('fill', PAPER);
    var hatch = svg.append('defs').append('pattern')
      .attr('id', 'not-published')
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('width', HATCH_TILE)
      .attr('height', HATCH_TILE);
    hatch.append('rect').attr('width', HATCH_TILE).attr('height', HATCH_TILE).attr('fill', HATCH_GROUND);
    hatch.append('path').attr('d', 'M0,' + HATCH_TILE + 'L' + HATCH_TILE + ',0')
      .attr('stroke', HATCH_LINE).attr('stroke-width', 1);
    svg.append('g')
      .selectAll('path')
      .data(features.features)
      .join('path')
      .attr('d', path)
      .attr('fill-rule', 'evenodd')
      .attr('fill', function (f) {
        var v = values.get(f.properties && f.properties.code);
        return v === undefined || !bins ? 'url(#not-published)' : colorOf(bins, v);
      })
      .attr('stroke', function (f) {
        var part = f.properties && f.properties.part;
        return part && part !== 'mainland' ? INK : PAPER;
      })
      .attr('stroke-width', function (f) {
        var part = f.properties && f.properties.part;
        return part && part !== 'mainland' ? 1 : 0.8;
      });
    if (provinces) {
      var borders = topojson.feature(provinces, provinces.objects.provinces);
      svg.append('g')
        .selectAll('path')
        .data(borders.features.filter(function (f) {
          return !f.properties || !f.properties.part || f.properties.part === 'mainland';
        }))
        .join('path')
        .attr('d', path)
        .attr('fill', 'none')
        .attr('stroke', INK)
        .attr('stroke-width', PROVINCE_BORDER);
    }
    return features.features.length;
  }

  json(dataUrl)
    .then(function (data) {
      var view = defaultView(data);
      if (!view) throw new Error('no indicator has values');
      var set = data.unit_sets.find(function (u) { return u.id === view.period.unit_set; });
      if (!set) throw new Error('no unit set ' + view.period.unit_set);
      var series = data.series.find(function (s) {
        return s.indicator === view.indicator && s.period === view.period.id;
      });
      var position = new Map();
      (series ? series.units : []).forEach(function (code, i) {
        if (!position.has(code)) position.set(code, i);
      });
      function valueOf(code) {
        var i = position.get(code);
        var v = i === undefined ? null : series.values[i];
        return typeof v === 'number' && isFinite(v) ? v : undefined;
      }
      var link = boundariesLink(set);
      var builtin = !link && BUILTIN[set.builtin];
      var file = link ? new URL(link, dataUrl).href : builtin || SHIPPED[set.id];
      if (!file) throw new Error('no boundaries for ' + set.id);
      var files = [json(file)];
      if (builtin && params.get('level') === 'commune') files.push(json(PROVINCES_2025));
      return Promise.all(files).then(function (topos) {
        var topo = topos[0];
        // `map_data`: the value of each unit of the set (the first
        // position of its code in the series), finite values only; for the
        // built-in communes (`commune_map`), of each commune of the file.
        var values = new Map();
        var codes = builtin
          ? topo.objects[Object.keys(topo.objects)[0]].geometries.map(function (g) {
            return g.properties && g.properties.code;
          })
          : set.units.map(function (u) { return u.code; });
        codes.forEach(function (code) {
          var v = valueOf(code);
          if (v !== undefined && !values.has(code)) values.set(code, v);
        });
        var bins = quantileBins(Array.from(values.values()));
        var drawn = draw(values, bins, topo, !link, topos[1]);
        status.textContent = view.indicator + ', ' + view.period.id + ': ' + drawn + ' shapes, ' +
          values.size + ' of ' + (builtin ? codes.length : set.units.length) + ' units with a value';
        // After the browser has rendered the frame with the map.
        requestAnimationFrame(function () {
          setTimeout(function () { performance.mark('peer:first-map-shown'); }, 0);
        });
      });
    })
    .catch(function (e) {
      status.textContent = 'The peer could not draw its map: ' + e.message;
      throw e;
    });
})();
