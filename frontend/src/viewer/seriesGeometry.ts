import type { InstanceInfo } from './dicomJson';
import {
  GeometryError,
  add,
  dot,
  norm,
  parallel,
  pixelToPatient,
  scale,
  slicePlane,
  sub,
  type SlicePlane,
  type Vec3,
} from './geometry';

/**
 * A series of single-frame slices sorted along the slice normal, and — when the slices form a regular stack — the
 * voxel grid the server uses to rasterise contours (same convention as the backend's ImageGrid: i = column,
 * j = row, k = slice, origin = centre of voxel (0,0,0)).
 *
 * Display and index order: k increases along −normal, where normal = row direction × column direction. For the
 * usual axial orientation (1,0,0 / 0,1,0) the normal points to the patient's head, so slice 0 is the most cranial
 * one, as radiologists expect.
 */
export interface SliceInfo {
  readonly sopInstanceUid: string;
  readonly instanceNumber: number | undefined;
  readonly plane: SlicePlane;
  /** Position of the slice along the series normal: dot(Image Position (Patient), normal), mm. */
  readonly position: number;
}

export interface VoxelGrid {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly origin: Vec3;
  readonly rowDir: Vec3;
  readonly colDir: Vec3;
  readonly sliceDir: Vec3;
  /** mm along rowDir (between columns). */
  readonly sx: number;
  /** mm along colDir (between rows). */
  readonly sy: number;
  /** mm along sliceDir (between slices). */
  readonly sz: number;
}

export interface SeriesGeometry {
  readonly seriesInstanceUid: string;
  readonly frameOfReferenceUid: string | undefined;
  readonly slices: readonly SliceInfo[];
  readonly normal: Vec3;
  readonly rows: number;
  readonly columns: number;
  /** Mean distance between adjacent slices (mm), or the slice thickness for a one-slice series; null if unknown. */
  readonly sliceSpacing: number | null;
  /** The regular grid, or null when the stack is not regular (see gridProblem). */
  readonly grid: VoxelGrid | null;
  /** Why there is no grid (gap, uneven spacing, tilt …), in words. */
  readonly gridProblem: string | null;
  readonly indexOfSop: ReadonlyMap<string, number>;
}

/** Relative tolerance on slice spacing before a stack counts as irregular. */
const SPACING_RELATIVE_TOLERANCE = 0.01;
const SPACING_ABSOLUTE_TOLERANCE_MM = 0.01;
const SAME_VALUE_TOLERANCE = 1e-4;

function nearlyEqual(a: readonly number[], b: readonly number[], tol = SAME_VALUE_TOLERANCE): boolean {
  return a.length === b.length && a.every((x, n) => Math.abs(x - b[n]) <= tol);
}

/**
 * Sorts the instances of one series along the slice normal and derives its geometry.
 * Throws a GeometryError for what cannot be displayed as one stack (mixed orientations, sizes, multi-frame,
 * duplicated positions); irregular spacing only removes the grid (viewing still works, volume does not).
 */
export function buildSeriesGeometry(instances: readonly InstanceInfo[]): SeriesGeometry {
  if (instances.length === 0) throw new GeometryError('the series has no image instances');
  const first = instances[0];
  const seriesUid = first.seriesInstanceUid;
  const sops = new Set<string>();
  for (const inst of instances) {
    if (inst.seriesInstanceUid !== seriesUid) {
      throw new GeometryError(`instance ${inst.sopInstanceUid} belongs to another series (${inst.seriesInstanceUid})`);
    }
    if (sops.has(inst.sopInstanceUid)) throw new GeometryError(`instance ${inst.sopInstanceUid} is listed twice`);
    sops.add(inst.sopInstanceUid);
    if (inst.numberOfFrames > 1) {
      throw new GeometryError(
        `instance ${inst.sopInstanceUid} is multi-frame (${inst.numberOfFrames} frames); only single-frame series are supported`,
      );
    }
    if (!nearlyEqual(inst.imageOrientationPatient, first.imageOrientationPatient)) {
      throw new GeometryError(`instance ${inst.sopInstanceUid} has a different Image Orientation (Patient) from the rest of the series`);
    }
    if (inst.rows !== first.rows || inst.columns !== first.columns) {
      throw new GeometryError(`instance ${inst.sopInstanceUid} is ${inst.columns}×${inst.rows}, the series is ${first.columns}×${first.rows}`);
    }
    if (!nearlyEqual(inst.pixelSpacing, first.pixelSpacing)) {
      throw new GeometryError(`instance ${inst.sopInstanceUid} has a different Pixel Spacing from the rest of the series`);
    }
    if (inst.frameOfReferenceUid !== first.frameOfReferenceUid) {
      throw new GeometryError(`instance ${inst.sopInstanceUid} has a different Frame of Reference from the rest of the series`);
    }
  }

  const unsorted: SliceInfo[] = instances.map((inst) => {
    const plane = slicePlane(inst.imageOrientationPatient, inst.imagePositionPatient, inst.pixelSpacing, inst.rows, inst.columns);
    return { sopInstanceUid: inst.sopInstanceUid, instanceNumber: inst.instanceNumber, plane, position: dot(plane.origin, plane.normal) };
  });
  // descending position = increasing k along −normal (cranial first for axial)
  const slices = [...unsorted].sort((a, b) => b.position - a.position);
  for (let k = 1; k < slices.length; k++) {
    if (Math.abs(slices[k].position - slices[k - 1].position) < SAME_VALUE_TOLERANCE) {
      throw new GeometryError(
        `instances ${slices[k - 1].sopInstanceUid} and ${slices[k].sopInstanceUid} lie at the same position along the slice normal`,
      );
    }
  }

  const { sliceSpacing, problem } = spacingOf(slices, first);
  const plane0 = slices[0].plane;
  const sliceDir: Vec3 = scale(plane0.normal, -1);
  let gridProblem = problem;
  if (!gridProblem && slices.length > 1) gridProblem = tiltProblem(slices, plane0.normal);
  const grid: VoxelGrid | null =
    gridProblem || sliceSpacing === null
      ? null
      : {
          nx: first.columns,
          ny: first.rows,
          nz: slices.length,
          origin: plane0.origin,
          rowDir: plane0.rowDir,
          colDir: plane0.colDir,
          sliceDir,
          sx: plane0.columnSpacing,
          sy: plane0.rowSpacing,
          sz: sliceSpacing,
        };
  return {
    seriesInstanceUid: seriesUid,
    frameOfReferenceUid: first.frameOfReferenceUid,
    slices,
    normal: plane0.normal,
    rows: first.rows,
    columns: first.columns,
    sliceSpacing,
    grid,
    gridProblem: gridProblem ?? (sliceSpacing === null ? 'the slice spacing of a one-slice series is unknown' : null),
    indexOfSop: new Map(slices.map((s, k) => [s.sopInstanceUid, k])),
  };
}

function spacingOf(slices: SliceInfo[], first: InstanceInfo): { sliceSpacing: number | null; problem: string | null } {
  if (slices.length === 1) {
    const t = first.spacingBetweenSlices ?? first.sliceThickness;
    return { sliceSpacing: t !== undefined && t > 0 ? t : null, problem: null };
  }
  const gaps = slices.slice(1).map((s, n) => slices[n].position - s.position);
  const mean = (slices[0].position - slices[slices.length - 1].position) / (slices.length - 1);
  // compare each gap with the median, so one missing slice is named as the culprit
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  const tol = Math.max(SPACING_ABSOLUTE_TOLERANCE_MM, SPACING_RELATIVE_TOLERANCE * median);
  const bad = gaps.findIndex((g) => Math.abs(g - median) > tol);
  if (bad >= 0) {
    return {
      sliceSpacing: mean,
      problem: `slice spacing is not uniform: ${gaps[bad].toFixed(3)} mm between slices ${bad + 1} and ${bad + 2}, ${median.toFixed(3)} mm elsewhere (missing slice?)`,
    };
  }
  return { sliceSpacing: mean, problem: null };
}

function tiltProblem(slices: SliceInfo[], normal: Vec3): string | null {
  const span = sub(slices[slices.length - 1].plane.origin, slices[0].plane.origin);
  const length = norm(span);
  if (!parallel(scale(span, 1 / length), normal, 0.1)) {
    return 'the slices are sheared (gantry tilt): positions do not advance along the slice normal';
  }
  return null;
}

/** Patient coordinates of voxel (i, j, k) of a grid; fractional indices allowed. */
export function gridToPatient(grid: VoxelGrid, i: number, j: number, k: number): Vec3 {
  return add(
    add(add(grid.origin, scale(grid.rowDir, i * grid.sx)), scale(grid.colDir, j * grid.sy)),
    scale(grid.sliceDir, k * grid.sz),
  );
}

/** Continuous voxel index of a patient point. */
export function patientToGrid(grid: VoxelGrid, p: Vec3): Vec3 {
  const d = sub(p, grid.origin);
  return [dot(d, grid.rowDir) / grid.sx, dot(d, grid.colDir) / grid.sy, dot(d, grid.sliceDir) / grid.sz];
}

export function voxelVolumeMm3(grid: VoxelGrid): number {
  return grid.sx * grid.sy * grid.sz;
}

/** Patient position of the centre of a slice's image (for labels and linked views). */
export function sliceCentre(slice: SliceInfo): Vec3 {
  const { plane } = slice;
  return pixelToPatient(plane, (plane.columns - 1) / 2, (plane.rows - 1) / 2);
}
