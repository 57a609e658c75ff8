import { describe, expect, it } from 'vitest';
import { commandForKey, helpRows, SHORTCUTS } from './shortcuts';

describe('keyboard shortcuts', () => {
  it('maps tool keys case-insensitively and ignores them with Ctrl', () => {
    expect(commandForKey({ key: 'f' }, false)).toEqual({ type: 'tool', tool: 'freehand' });
    expect(commandForKey({ key: 'F', shiftKey: true }, false)).toEqual({ type: 'tool', tool: 'freehand' });
    expect(commandForKey({ key: 'f', ctrlKey: true }, false)).toBeNull();
  });

  it('distinguishes undo from redo', () => {
    expect(commandForKey({ key: 'z', ctrlKey: true }, false)).toEqual({ type: 'undo' });
    expect(commandForKey({ key: 'Z', ctrlKey: true, shiftKey: true }, false)).toEqual({ type: 'redo' });
    expect(commandForKey({ key: 'y', metaKey: true }, false)).toEqual({ type: 'redo' });
    expect(commandForKey({ key: 'z' }, false)).toEqual({ type: 'tool', tool: 'zoom' });
  });

  it('offers no editing command in read-only mode, neither by key nor in the help', () => {
    for (const key of ['f', 's', 'v', 'b', 'e', 'n', 'i', 'Delete']) expect(commandForKey({ key }, true)).toBeNull();
    expect(commandForKey({ key: 'z', ctrlKey: true }, true)).toBeNull();
    expect(commandForKey({ key: '2' }, true)).toEqual({ type: 'preset', preset: 'pancreas' });
    expect(helpRows(true).some((r) => /Freehand|Spline|Livewire|Brush|Eraser|Undo|Interpolate|New lesion/.test(r.description))).toBe(false);
  });

  it('lists every command with a description in the help, and no key twice', () => {
    const described = new Set(helpRows(false).map((r) => r.description));
    expect(described.size).toBe(helpRows(false).length);
    const seen = new Set<string>();
    for (const s of SHORTCUTS) {
      const key = JSON.stringify(s.command);
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    expect(helpRows(false).map((r) => r.keys)).toContain('?');
  });
});
