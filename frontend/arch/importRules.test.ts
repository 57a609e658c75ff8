import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, importEdges, importSpecifiers, ruleBreaches } from './importRules';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('frontend import rules', () => {
  it('src keeps them: no loop between folders, no screen importing another screen', () => {
    const breaches = ruleBreaches(importEdges(SRC));
    if (breaches.length > 0) throw new Error(`import rules broken:\n${breaches.join('\n')}`);
    expect(breaches).toEqual([]);
  }, 60_000); // parses every file of src: allow for a busy build machine

  it('reads static, re-export and dynamic imports', () => {
    const text = `import a from './a';\nimport type { B } from '../b/b';\nexport { c } from './c';\nconst d = () => import('../d/d');`;
    expect(importSpecifiers('x.ts', text)).toEqual(['./a', '../b/b', './c', '../d/d']);
  });

  it('names a screen importing another screen', () => {
    expect(ruleBreaches([{ from: 'board/BoardScreen.tsx', to: 'pi/common' }])).toEqual([
      "screen 'board' imports screen 'pi': board/BoardScreen.tsx -> pi/common",
    ]);
  });

  it('names the files of a loop between folders, also around three folders', () => {
    const breaches = ruleBreaches([
      { from: 'kit/a.ts', to: 'api/client' },
      { from: 'api/client.ts', to: 'auth/auth' },
      { from: 'auth/auth.ts', to: 'kit/a' },
      { from: 'viewer/x.ts', to: 'kit/a' },
    ]);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toContain('api -> auth -> kit -> api');
    expect(breaches[0]).toContain('auth/auth.ts -> kit/a');
  });

  it('finds one loop per tangle and none in a layered graph', () => {
    expect(folderCycles([['a', 'b'], ['b', 'c'], ['a', 'c']])).toEqual([]);
    expect(folderCycles([['a', 'b'], ['b', 'a'], ['c', 'a']])).toEqual([['a', 'b']]);
  });
});
