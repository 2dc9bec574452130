// The core's grid index (crates/core/src/index.rs, `RegionIndex::covers`) written in plain JS with
// typed arrays, for the side-by-side benchmark (bench/index.html). Same grid size, same margin,
// same cells (inside / outside / boundary with a reference point and the edges that touch it),
// same crossing rule. One difference: orientation is a plain float determinant here, where the
// Rust code uses exact predicates (`robust`); on the benchmark's random points they agree, and the
// benchmark checks that every runner reports the same inside count.

const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
const rad = (d) => (d * Math.PI) / 180;
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

function orient(ax, ay, bx, by, cx, cy) {
  return (ax - cx) * (by - cy) - (ay - cy) * (bx - cx);
}

function onSegment(px, py, ax, ay, bx, by) {
  return (
    orient(ax, ay, bx, by, px, py) === 0 &&
    px >= Math.min(ax, bx) && px <= Math.max(ax, bx) &&
    py >= Math.min(ay, by) && py <= Math.max(ay, by)
  );
}

/** Does the segment c–p cross the edge a–b (half-open at the edge's ends)? */
function crosses(cx, cy, px, py, ax, ay, bx, by) {
  const sideA = orient(cx, cy, px, py, ax, ay) >= 0;
  const sideB = orient(cx, cy, px, py, bx, by) >= 0;
  if (sideA === sideB) return false;
  const tc = orient(ax, ay, bx, by, cx, cy);
  const tp = orient(ax, ay, bx, by, px, py);
  return (tc > 0 && tp < 0) || (tc < 0 && tp > 0);
}

function makeGrid(minX, minY, maxX, maxY, cells) {
  const midCos = Math.cos(rad((minY + maxY) / 2));
  const aspect = ((maxX - minX) * midCos) / (maxY - minY);
  const columns = clamp(Math.round(Math.sqrt(cells * aspect)), 8, 4096);
  const rows = clamp(Math.round(cells / columns), 8, 4096);
  const cellWidth = (maxX - minX) / columns;
  const cellHeight = (maxY - minY) / rows;
  return { minX, minY, cellWidth, cellHeight, perX: 1 / cellWidth, perY: 1 / cellHeight, columns, rows };
}

/**
 * Builds the index of a list of polygons (GeoJSON coordinates: polygon → rings → [lon, lat]).
 * Returns { covers(lon, lat), countInside(points: Float64Array of lon, lat pairs), stats }.
 */
export function buildGrid(polygons) {
  // Every ring segment, without zero-length ones (geo's lines_iter, filtered like the Rust code).
  const list = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        minX = Math.min(minX, ax); minY = Math.min(minY, ay);
        maxX = Math.max(maxX, ax); maxY = Math.max(maxY, ay);
        if (ax === bx && ay === by) continue;
        list.push(ax, ay, bx, by);
      }
    }
  }
  const edges = new Float64Array(list);
  const edgeCount = edges.length / 4;
  const maxAbsLat = Math.min(Math.max(Math.abs(minY), Math.abs(maxY)) + 1, 89);
  const thinX = 0.5 / (KM_PER_DEGREE * Math.cos(rad(maxAbsLat))) + 1e-6;
  const thinY = 0.5 / KM_PER_DEGREE + 1e-6;
  const g = makeGrid(minX - thinX, minY - thinY, maxX + thinX, maxY + thinY, clamp(edgeCount * 16, 16_384, 262_144));
  const cellCount = g.columns * g.rows;
  const cellClamped = (x, y) => [
    clamp(Math.floor((x - g.minX) * g.perX), 0, g.columns - 1),
    clamp(Math.floor((y - g.minY) * g.perY), 0, g.rows - 1),
  ];

  // Edges per cell (bounding-box overlap, a superset of the cells an edge touches).
  const perCell = new Map();
  for (let id = 0; id < edgeCount; id++) {
    const ax = edges[4 * id], ay = edges[4 * id + 1], bx = edges[4 * id + 2], by = edges[4 * id + 3];
    const [c0, r0] = cellClamped(Math.min(ax, bx), Math.min(ay, by));
    const [c1, r1] = cellClamped(Math.max(ax, bx), Math.max(ay, by));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * g.columns + c;
        let ids = perCell.get(cell);
        if (!ids) perCell.set(cell, (ids = []));
        ids.push(id);
      }
    }
  }
  // cells: 0 outside, 1 inside, 2 + slot a boundary cell.
  const cells = new Uint32Array(cellCount);
  const slotCells = [...perCell.keys()].sort((a, b) => a - b);
  const slots = slotCells.length;
  const edgeStart = new Uint32Array(slots + 1);
  const edgeIds = new Uint32Array(slotCells.reduce((n, cell) => n + perCell.get(cell).length, 0));
  slotCells.forEach((cell, slot) => {
    const ids = perCell.get(cell);
    edgeIds.set(ids, edgeStart[slot]);
    edgeStart[slot + 1] = edgeStart[slot] + ids.length;
    cells[cell] = 2 + slot;
  });
  const refX = new Float64Array(slots);
  const refY = new Float64Array(slots);
  const refInside = new Uint8Array(slots);

  const offEdgePoint = (slot, cx, cy) => {
    let x = cx, y = cy;
    for (let step = 1; step < 64; step++) {
      let onEdge = false;
      for (let k = edgeStart[slot]; k < edgeStart[slot + 1] && !onEdge; k++) {
        const e = 4 * edgeIds[k];
        onEdge = onSegment(x, y, edges[e], edges[e + 1], edges[e + 2], edges[e + 3]);
      }
      if (!onEdge) break;
      const nudge = g.cellWidth * 1e-6 * step;
      x = cx + nudge;
      y = cy + nudge * 0.618;
    }
    return [x, y];
  };

  // Walk each row from the outside left border, carrying inside/outside by counting crossings.
  for (let row = 0; row < g.rows; row++) {
    const y = g.minY + (row + 0.5) * g.cellHeight;
    let px = g.minX, py = y, prevInside = false, prevCell = row * g.columns;
    for (let column = 0; column < g.columns; column++) {
      const cell = row * g.columns + column;
      const cx = g.minX + (column + 0.5) * g.cellWidth;
      const [rx, ry] = cells[cell] >= 2 ? offEdgePoint(cells[cell] - 2, cx, y) : [cx, y];
      const seen = new Set();
      let crossings = 0;
      for (const c of [prevCell, cell]) {
        if (cells[c] < 2) continue;
        const slot = cells[c] - 2;
        for (let k = edgeStart[slot]; k < edgeStart[slot + 1]; k++) {
          const id = edgeIds[k];
          if (seen.has(id)) continue;
          seen.add(id);
          const e = 4 * id;
          if (crosses(px, py, rx, ry, edges[e], edges[e + 1], edges[e + 2], edges[e + 3])) crossings++;
        }
      }
      const inside = prevInside !== (crossings % 2 === 1);
      if (cells[cell] >= 2) {
        refX[cells[cell] - 2] = rx;
        refY[cells[cell] - 2] = ry;
        refInside[cells[cell] - 2] = inside ? 1 : 0;
      } else cells[cell] = inside ? 1 : 0;
      px = rx; py = ry; prevInside = inside; prevCell = cell;
    }
  }

  const { minX: gx, minY: gy, perX, perY, columns, rows } = g;
  function covers(x, y) {
    const column = Math.floor((x - gx) * perX);
    const row = Math.floor((y - gy) * perY);
    if (!(column >= 0 && row >= 0 && column < columns && row < rows)) return false;
    const c = cells[row * columns + column];
    if (c < 2) return c === 1;
    const slot = c - 2;
    const cx = refX[slot], cy = refY[slot];
    let odd = refInside[slot] === 1;
    for (let k = edgeStart[slot], end = edgeStart[slot + 1]; k < end; k++) {
      const e = 4 * edgeIds[k];
      const ax = edges[e], ay = edges[e + 1], bx = edges[e + 2], by = edges[e + 3];
      if (onSegment(x, y, ax, ay, bx, by)) return true;
      if (crosses(cx, cy, x, y, ax, ay, bx, by)) odd = !odd;
    }
    return odd;
  }
  function countInside(points) {
    let n = 0;
    for (let i = 0; i + 1 < points.length; i += 2) if (covers(points[i], points[i + 1])) n++;
    return n;
  }
  return { covers, countInside, stats: `grid ${columns}x${rows}, ${slots} boundary cells, ${edgeCount} edges` };
}
