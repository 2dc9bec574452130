// The core's grid index (crates/core/src/index.rs, `RegionIndex::covers`) written in plain JS with
// typed arrays, for the side-by-side benchmark (bench/index.html). Same grid size, same margin,
// same cells (inside / outside / boundary), same layout (a byte per cell for its kind, the slot of a
// boundary cell beside it, each boundary cell's edges copied into one run with the reference
// point's side of each edge), same crossing rule and the same exact orientation predicate:
// Shewchuk's orient2d, here from npm `robust-predicates` (what turf uses), in Rust from `robust`.
// `buildGrid(polygons, { exact: false })` swaps in a plain float determinant instead, to show what
// the exact predicate costs in JS.

import { orient2d } from 'robust-predicates';

const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
const rad = (d) => (d * Math.PI) / 180;
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

// Rust's robust::orient2d(a, b, c) is (ax - cx)(by - cy) - (ay - cy)(bx - cx); robust-predicates'
// orient2d has the opposite sign, so a and b are swapped to get the same value, exactly.
function exactOrient(ax, ay, bx, by, cx, cy) {
  return orient2d(bx, by, ax, ay, cx, cy);
}

function plainOrient(ax, ay, bx, by, cx, cy) {
  return (ax - cx) * (by - cy) - (ay - cy) * (bx - cx);
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

const OUTSIDE = 0;
const INSIDE = 1;
const BOUNDARY = 2;

/**
 * Builds the index of a list of polygons (GeoJSON coordinates: polygon → rings → [lon, lat]).
 * Returns { covers(lon, lat), countInside(points: Float64Array of lon, lat pairs), stats }.
 */
export function buildGrid(polygons, { exact = true } = {}) {
  const orient = exact ? exactOrient : plainOrient;
  const onSegment = (px, py, ax, ay, bx, by) =>
    orient(ax, ay, bx, by, px, py) === 0 &&
    px >= Math.min(ax, bx) && px <= Math.max(ax, bx) &&
    py >= Math.min(ay, by) && py <= Math.max(ay, by);
  // Does the segment c–p cross the edge a–b (half-open at the edge's ends)?
  const crosses = (cx, cy, px, py, ax, ay, bx, by) => {
    const sideA = orient(cx, cy, px, py, ax, ay) >= 0;
    const sideB = orient(cx, cy, px, py, bx, by) >= 0;
    if (sideA === sideB) return false;
    const tc = orient(ax, ay, bx, by, cx, cy);
    const tp = orient(ax, ay, bx, by, px, py);
    return (tc > 0 && tp < 0) || (tc < 0 && tp > 0);
  };
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

  // Edges per cell (bounding-box overlap, a superset of the cells an edge touches), in cell order
  // and, within a cell, in edge order.
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
  // One more kind, OUTSIDE, for points outside the grid.
  const kinds = new Uint8Array(cellCount + 1);
  const slotOfCell = new Uint32Array(cellCount);
  const slotCells = [...perCell.keys()].sort((a, b) => a - b);
  const slots = slotCells.length;
  const slotStart = new Uint32Array(slots + 1);
  const cellEdgeIds = new Uint32Array(slotCells.reduce((n, cell) => n + perCell.get(cell).length, 0));
  slotCells.forEach((cell, slot) => {
    const ids = perCell.get(cell);
    cellEdgeIds.set(ids, slotStart[slot]);
    slotStart[slot + 1] = slotStart[slot] + ids.length;
    kinds[cell] = BOUNDARY;
    slotOfCell[cell] = slot;
  });
  // Per slot: reference x, y, and 1 when the region covers it.
  const refs = new Float64Array(3 * slots);

  const offEdgePoint = (slot, cx, cy) => {
    let x = cx, y = cy;
    for (let step = 1; step < 64; step++) {
      let onEdge = false;
      for (let k = slotStart[slot]; k < slotStart[slot + 1] && !onEdge; k++) {
        const e = 4 * cellEdgeIds[k];
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
      const [rx, ry] = kinds[cell] === BOUNDARY ? offEdgePoint(slotOfCell[cell], cx, y) : [cx, y];
      const seen = new Set();
      let crossings = 0;
      for (const c of [prevCell, cell]) {
        if (kinds[c] !== BOUNDARY) continue;
        const slot = slotOfCell[c];
        for (let k = slotStart[slot]; k < slotStart[slot + 1]; k++) {
          const id = cellEdgeIds[k];
          if (seen.has(id)) continue;
          seen.add(id);
          const e = 4 * id;
          if (crosses(px, py, rx, ry, edges[e], edges[e + 1], edges[e + 2], edges[e + 3])) crossings++;
        }
      }
      const inside = prevInside !== (crossings % 2 === 1);
      if (kinds[cell] === BOUNDARY) {
        const slot = slotOfCell[cell];
        refs[3 * slot] = rx;
        refs[3 * slot + 1] = ry;
        refs[3 * slot + 2] = inside ? 1 : 0;
      } else kinds[cell] = inside ? INSIDE : OUTSIDE;
      px = rx; py = ry; prevInside = inside; prevCell = cell;
    }
  }

  // Each boundary cell's edges in one run: ax, ay, bx, by and orient(a, b, reference).
  const cellEdges = new Float64Array(5 * cellEdgeIds.length);
  for (let slot = 0; slot < slots; slot++) {
    const rx = refs[3 * slot], ry = refs[3 * slot + 1];
    for (let k = slotStart[slot]; k < slotStart[slot + 1]; k++) {
      const e = 4 * cellEdgeIds[k];
      const ax = edges[e], ay = edges[e + 1], bx = edges[e + 2], by = edges[e + 3];
      cellEdges.set([ax, ay, bx, by, orient(ax, ay, bx, by, rx, ry)], 5 * k);
    }
  }

  const { minX: gx, minY: gy, perX, perY, columns, rows } = g;
  // On an edge: covered. Else the reference's status, flipped by each edge the segment from it to
  // the point crosses; most edges are ruled out by the first predicate (same side as the reference).
  function coversInBoundaryCell(slot, x, y) {
    const cx = refs[3 * slot], cy = refs[3 * slot + 1];
    let inside = refs[3 * slot + 2] === 1;
    for (let k = 5 * slotStart[slot], end = 5 * slotStart[slot + 1]; k < end; k += 5) {
      const ax = cellEdges[k], ay = cellEdges[k + 1], bx = cellEdges[k + 2], by = cellEdges[k + 3];
      const tp = orient(ax, ay, bx, by, x, y);
      if (tp === 0) {
        if (x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return true;
        continue;
      }
      const tc = cellEdges[k + 4];
      if ((tc > 0 && tp < 0) || (tc < 0 && tp > 0)) {
        const sideA = orient(cx, cy, x, y, ax, ay) >= 0;
        const sideB = orient(cx, cy, x, y, bx, by) >= 0;
        if (sideA !== sideB) inside = !inside;
      }
    }
    return inside;
  }
  // The cell of a point, or the extra OUTSIDE kind past the grid's cells; `&`, not `&&`, so that
  // random points cost no mispredicted jumps (as in Rust's `Grid::cell_or`).
  function covers(x, y) {
    const column = (x - gx) * perX;
    const row = (y - gy) * perY;
    // NaN fails every comparison; in range, truncation is floor.
    const inGrid = (column >= 0) & (row >= 0) & (column < columns) & (row < rows);
    const cell = inGrid ? (row | 0) * columns + (column | 0) : cellCount;
    const kind = kinds[cell];
    if (kind === BOUNDARY) return coversInBoundaryCell(slotOfCell[cell], x, y);
    return kind === INSIDE;
  }
  function countInside(points) {
    let n = 0;
    for (let i = 0; i + 1 < points.length; i += 2) if (covers(points[i], points[i + 1])) n++;
    return n;
  }
  return { covers, countInside, stats: `grid ${columns}x${rows}, ${slots} boundary cells, ${edgeCount} edges${exact ? '' : ', plain float orientation'}` };
}
