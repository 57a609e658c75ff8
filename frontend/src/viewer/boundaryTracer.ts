import type { Mask2D, Point2 } from './rasterise';

/**
 * Pixel-edge boundary tracing: turns a binary slice into closed polygons that run along pixel edges, so that the
 * even–odd "pixel centre inside" rule (rasterise.ts) gives back exactly the same pixels.
 *
 * Every edge between a foreground pixel and background (or the image border) becomes a directed unit edge with the
 * foreground on its right (screen orientation, y down); the edges are linked into loops, and collinear runs merged
 * so vertices sit only at corners. Parity is a property of the edge set alone, so any linking reproduces the mask;
 * where two foreground pixels touch only diagonally the walk turns right, which keeps them in separate loops
 * (foreground 4-connected) and never makes a loop cross itself. Vertices lie on pixel corners, (i ± ½, j ± ½),
 * never on a pixel centre.
 */

export interface TracedPolygon {
  /** Vertices in pixel-index coordinates (x = column, y = row), not repeating the first. */
  points: Point2[];
  /** True for a hole (a background region enclosed by foreground). */
  isHole: boolean;
}

// directions: 0 = +x (east), 1 = +y (south, down the image), 2 = −x (west), 3 = −y (north)
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

export function traceBoundaries(mask: Mask2D): TracedPolygon[] {
  const { width, height, data } = mask;
  if (data.length !== width * height) throw new RangeError('mask data length does not match its size');
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[x + width * y]) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return [];

  // corner lattice local to the bounding box: corner (cx, cy) sits at pixel coordinates (minX+cx−½, minY+cy−½)
  const cw = maxX - minX + 2;
  const ch = maxY - minY + 2;
  const edges = new Uint8Array(cw * ch * 4); // 1 = edge exists, 2 = already traced
  const fg = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && data[x + width * y] !== 0;
  const setEdge = (cx: number, cy: number, dir: number) => {
    edges[(cx + cw * cy) * 4 + dir] = 1;
  };
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      if (!fg(x, y)) continue;
      const cx = x - minX;
      const cy = y - minY;
      if (!fg(x, y - 1)) setEdge(cx, cy, 0); // top edge, heading east
      if (!fg(x + 1, y)) setEdge(cx + 1, cy, 1); // right edge, heading south
      if (!fg(x, y + 1)) setEdge(cx + 1, cy + 1, 2); // bottom edge, heading west
      if (!fg(x - 1, y)) setEdge(cx, cy + 1, 3); // left edge, heading north
    }
  }

  const polygons: TracedPolygon[] = [];
  for (let start = 0; start < edges.length; start++) {
    if (edges[start] !== 1) continue;
    const points: Point2[] = [];
    let corner = start >> 2;
    let dir = start & 3;
    let edge = start;
    let area2 = 0;
    do {
      edges[edge] = 2;
      const cx = corner % cw;
      const cy = (corner - cx) / cw;
      const nx = cx + DX[dir];
      const ny = cy + DY[dir];
      area2 += cx * ny - nx * cy;
      corner = nx + cw * ny;
      // next edge leaving this corner: prefer right turn, then straight, then left
      let next = -1;
      for (const turn of [1, 0, 3]) {
        const d = (dir + turn) & 3;
        if (edges[corner * 4 + d] !== 0) {
          next = corner * 4 + d;
          break;
        }
      }
      if (next < 0) throw new Error('boundary tracer: open boundary (internal error)');
      const nextDir = next & 3;
      if (nextDir !== dir) points.push([minX + nx - 0.5, minY + ny - 0.5]);
      dir = nextDir;
      edge = next;
    } while (edge !== start);
    // foreground on the right walking with y down gives positive shoelace area for outer boundaries
    polygons.push({ points, isHole: area2 < 0 });
  }
  return polygons;
}
