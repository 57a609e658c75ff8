import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The frontend's import rules, checked over the import statements of `src`:
 *  1. no two top-level folders of `src` import each other, directly or around a longer loop;
 *  2. no screen imports another screen's files (screens share code through the kit, the API client, the viewer and
 *     the reading workspace, never through each other).
 */
export const SCREENS = ['worklist', 'reader', 'pi', 'board', 'admin', 'archive', 'audit'] as const;

export interface Edge {
  from: string; // file, relative to src, forward slashes
  to: string;
}

/** The module specifiers a TypeScript file imports or re-exports, including `import('...')`. */
export function importSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Every relative import between files under `srcDir` (package imports are not the rules' business). */
export function importEdges(srcDir: string): Edge[] {
  const root = resolve(srcDir);
  return sourceFiles(root).flatMap((file) =>
    importSpecifiers(file, readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from: toPosix(relative(root, file)), to: toPosix(relative(root, resolve(dirname(file), spec))) })),
  );
}

/** The top-level folder of a path relative to src, or null for files directly in src (main.tsx, styles.css). */
export function folderOf(path: string): string | null {
  const slash = path.indexOf('/');
  return slash < 0 ? null : path.slice(0, slash);
}

/** Human-readable breaches of the rules; empty when the imports keep them. */
export function ruleBreaches(edges: readonly Edge[]): string[] {
  const breaches: string[] = [];
  const screens = new Set<string>(SCREENS);
  const between = new Map<string, Edge[]>(); // "a>b" -> the file imports that make folder a depend on b
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (!a || !b || a === b) continue;
    if (screens.has(a) && screens.has(b)) {
      breaches.push(`screen '${a}' imports screen '${b}': ${e.from} -> ${e.to}`);
    }
    const key = `${a}>${b}`;
    between.set(key, [...(between.get(key) ?? []), e]);
  }
  for (const cycle of folderCycles([...between.keys()].map((k) => k.split('>') as [string, string]))) {
    const steps = cycle.map((a, i) => {
      const b = cycle[(i + 1) % cycle.length];
      const files = between.get(`${a}>${b}`)!.map((e) => `${e.from} -> ${e.to}`);
      return `  ${a} -> ${b}: ${files.join(', ')}`;
    });
    breaches.push(`folders import each other in a loop ${[...cycle, cycle[0]].join(' -> ')}:\n${steps.join('\n')}`);
  }
  return breaches;
}

/** The elementary loops of a folder graph found by Tarjan's strongly connected components, one loop per component. */
export function folderCycles(arrows: readonly [string, string][]): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of arrows) next.set(a, [...(next.get(a) ?? []), b]);
  const nodes = [...new Set(arrows.flat())].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) connect(v);
  // within a component, walk a shortest loop from its first node back to itself so the message names real imports
  return components.map((component) => shortestLoop(component.sort()[0], new Set(component), next));
}

function shortestLoop(start: string, inside: Set<string>, next: Map<string, string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return path;
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
