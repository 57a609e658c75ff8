import type { PrimaryTool } from './cornerstone/tools';

/** Everything the keyboard can do in the viewer; the help overlay (?) is generated from SHORTCUTS. */
export type ViewerCommand =
  | { type: 'tool'; tool: PrimaryTool }
  | { type: 'preset'; preset: 'abdomen' | 'pancreas' | 'liver' | 'bone' }
  | { type: 'resetWindow' }
  | { type: 'resetView' }
  | { type: 'slice'; delta: number }
  | { type: 'sliceEdge'; edge: 'first' | 'last' }
  | { type: 'cine' }
  | { type: 'link' }
  | { type: 'nextPane' }
  | { type: 'newLesion' }
  | { type: 'nextLesion'; delta: number }
  | { type: 'interpolate' }
  | { type: 'deleteSelected' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'brushSize'; delta: number }
  | { type: 'help' }
  | { type: 'escape' };

export interface Shortcut {
  keys: string;
  description: string;
  command: ViewerCommand;
  editing?: boolean;
  match: (e: KeyLike) => boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

const plain = (key: string) => (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === key.toLowerCase();
const ctrl = (key: string, shift = false) => (e: KeyLike) =>
  !!(e.ctrlKey || e.metaKey) && !e.altKey && !!e.shiftKey === shift && e.key.toLowerCase() === key.toLowerCase();

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'W', description: 'Window/level (drag; Ctrl+drag works with any tool)', command: { type: 'tool', tool: 'windowLevel' }, match: plain('w') },
  { keys: 'P', description: 'Pan (or middle-button drag)', command: { type: 'tool', tool: 'pan' }, match: plain('p') },
  { keys: 'Z', description: 'Zoom (or right-button drag)', command: { type: 'tool', tool: 'zoom' }, match: plain('z') },
  { keys: 'L', description: 'Length measurement (not saved with the read)', command: { type: 'tool', tool: 'length' }, match: plain('l') },
  { keys: 'F', description: 'Freehand contour', command: { type: 'tool', tool: 'freehand' }, editing: true, match: plain('f') },
  { keys: 'S', description: 'Spline contour (click points, double-click to close)', command: { type: 'tool', tool: 'spline' }, editing: true, match: plain('s') },
  { keys: 'V', description: 'Livewire contour (click along the edge, double-click to close)', command: { type: 'tool', tool: 'livewire' }, editing: true, match: plain('v') },
  { keys: 'B', description: 'Brush (paints the active lesion)', command: { type: 'tool', tool: 'brush' }, editing: true, match: plain('b') },
  { keys: 'E', description: 'Eraser (erases the active lesion)', command: { type: 'tool', tool: 'eraser' }, editing: true, match: plain('e') },
  { keys: '[ / ]', description: 'Brush/eraser smaller / larger', command: { type: 'brushSize', delta: -1 }, editing: true, match: plain('[') },
  { keys: ']', description: '', command: { type: 'brushSize', delta: 1 }, editing: true, match: plain(']') },
  { keys: '1', description: 'Abdomen window W400/L50', command: { type: 'preset', preset: 'abdomen' }, match: plain('1') },
  { keys: '2', description: 'Pancreas window W350/L40', command: { type: 'preset', preset: 'pancreas' }, match: plain('2') },
  { keys: '3', description: 'Liver window W150/L30', command: { type: 'preset', preset: 'liver' }, match: plain('3') },
  { keys: '4', description: 'Bone window W1800/L400', command: { type: 'preset', preset: 'bone' }, match: plain('4') },
  { keys: '0', description: 'Window stored in the images', command: { type: 'resetWindow' }, match: plain('0') },
  { keys: 'R', description: 'Reset zoom and pan', command: { type: 'resetView' }, match: plain('r') },
  { keys: '↑ / ↓ (or wheel)', description: 'Previous / next slice', command: { type: 'slice', delta: -1 }, match: plain('ArrowUp') },
  { keys: '↓', description: '', command: { type: 'slice', delta: 1 }, match: plain('ArrowDown') },
  { keys: 'PgUp / PgDn', description: '10 slices back / forward', command: { type: 'slice', delta: -10 }, match: plain('PageUp') },
  { keys: 'PgDn', description: '', command: { type: 'slice', delta: 10 }, match: plain('PageDown') },
  { keys: 'Home / End', description: 'First / last slice', command: { type: 'sliceEdge', edge: 'first' }, match: plain('Home') },
  { keys: 'End', description: '', command: { type: 'sliceEdge', edge: 'last' }, match: plain('End') },
  { keys: 'Space', description: 'Cine play / stop', command: { type: 'cine' }, match: (e) => plain(' ')(e) },
  { keys: 'K', description: 'Link / unlink scrolling of the phases (by patient position)', command: { type: 'link' }, match: plain('k') },
  { keys: 'Tab', description: 'Next phase viewport', command: { type: 'nextPane' }, match: plain('Tab') },
  { keys: 'N', description: 'New lesion on the active phase', command: { type: 'newLesion' }, editing: true, match: plain('n') },
  { keys: ', / .', description: 'Previous / next lesion', command: { type: 'nextLesion', delta: -1 }, match: plain(',') },
  { keys: '.', description: '', command: { type: 'nextLesion', delta: 1 }, match: plain('.') },
  { keys: 'I', description: 'Interpolate the active lesion between drawn slices (accept proposals)', command: { type: 'interpolate' }, editing: true, match: plain('i') },
  { keys: 'Delete', description: "Delete the selected contour, or the active lesion's outline on the slice on screen", command: { type: 'deleteSelected' }, editing: true, match: (e) => plain('Delete')(e) || plain('Backspace')(e) },
  { keys: 'Ctrl+Z', description: 'Undo', command: { type: 'undo' }, editing: true, match: ctrl('z') },
  { keys: 'Ctrl+Y / Ctrl+Shift+Z', description: 'Redo', command: { type: 'redo' }, editing: true, match: (e) => ctrl('y')(e) || ctrl('z', true)(e) },
  { keys: '?', description: 'Show / hide this help', command: { type: 'help' }, match: (e) => e.key === '?' },
  { keys: 'Esc', description: 'Close help, cancel the contour being drawn', command: { type: 'escape' }, match: plain('Escape') },
];

/** The command for a key press, or null. Editing commands are ignored in read-only mode. */
export function commandForKey(e: KeyLike, readOnly: boolean): ViewerCommand | null {
  const s = SHORTCUTS.find((sc) => sc.match(e));
  if (!s) return null;
  if (readOnly && s.editing) return null;
  return s.command;
}

/** Rows for the help overlay (continuation rows without a description are folded into their first row). */
export function helpRows(readOnly: boolean): { keys: string; description: string }[] {
  return SHORTCUTS.filter((s) => s.description && (!readOnly || !s.editing)).map((s) => ({ keys: s.keys, description: s.description }));
}
