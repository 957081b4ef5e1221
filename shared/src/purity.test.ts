import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// shared/ is pure domain logic run by the daemon, the extension and the CLI alike: time, tables and transports are
// passed in. This test reads the sources with the TypeScript compiler (its `ts.sys` does the file reading, so no
// Node typings leak into the shared program) and checks the habits STYLE.md asks for.

const NODE_BUILTINS = new Set(
  (
    'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns domain ' +
    'events fs http http2 https inspector module net os path perf_hooks process punycode querystring readline repl ' +
    'stream string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib'
  ).split(' '),
);

// Globals that reach outside the process or read the clock: called bare (`fetch(`), or used as an object (`chrome.`).
const AMBIENT_CALLS = new Set(['fetch', 'setTimeout', 'setInterval', 'setImmediate']);
const AMBIENT_OBJECTS = new Set(['chrome', 'browser', 'process', 'window', 'document', 'performance']);
const GLOBAL_HOLDERS = new Set(['globalThis', 'self', 'window']);

interface Finding {
  line: number;
  message: string;
}

function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => {
    walk(child, visit);
  });
}

const lineOf = (source: ts.SourceFile, node: ts.Node): number =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');
}

function moduleSpecifierOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    return node.moduleReference.expression;
  }
  const dynamic =
    ts.isCallExpression(node) &&
    (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(node.expression) && node.expression.text === 'require'));
  return dynamic ? node.arguments[0] : undefined;
}

/** Imports of `node:*` or of a Node builtin (`fs`, `path`, `fs/promises` …), static, dynamic or `require`d. */
function builtinImports(source: ts.SourceFile): Finding[] {
  const findings: Finding[] = [];
  walk(source, (node) => {
    const specifier = moduleSpecifierOf(node);
    if (specifier !== undefined && ts.isStringLiteralLike(specifier) && isNodeBuiltin(specifier.text)) {
      findings.push({ line: lineOf(source, node), message: `imports "${specifier.text}"` });
    }
  });
  return findings;
}

// A name the file declares itself (an injected `fetch` parameter, say) is not the global.
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  walk(source, (node) => {
    const declaration =
      ts.isVariableDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isBindingElement(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isImportSpecifier(node) ||
      ts.isImportClause(node) ||
      ts.isNamespaceImport(node);
    if (declaration && node.name !== undefined && ts.isIdentifier(node.name)) names.add(node.name.text);
  });
  return names;
}

function ambientUse(node: ts.Node, local: ReadonlySet<string>): string | undefined {
  const isGlobal = (expression: ts.Expression, names: ReadonlySet<string>): expression is ts.Identifier =>
    ts.isIdentifier(expression) && names.has(expression.text) && !local.has(expression.text);
  if (ts.isCallExpression(node) && isGlobal(node.expression, AMBIENT_CALLS))
    return `${node.expression.text}(`;
  if (ts.isPropertyAccessExpression(node)) {
    const { expression, name } = node;
    if (isGlobal(expression, AMBIENT_OBJECTS)) return `${expression.text}.`;
    if (ts.isIdentifier(expression) && expression.text === 'Date' && name.text === 'now') return 'Date.now';
    const held = new Set([...AMBIENT_CALLS, ...AMBIENT_OBJECTS]);
    if (isGlobal(expression, GLOBAL_HOLDERS) && held.has(name.text)) return `${expression.text}.${name.text}`;
  }
  const isDate = (expression: ts.Expression): boolean =>
    ts.isIdentifier(expression) && expression.text === 'Date';
  if (ts.isNewExpression(node) && isDate(node.expression) && (node.arguments ?? []).length === 0)
    return 'new Date()';
  if (ts.isCallExpression(node) && isDate(node.expression)) return 'Date()';
  return undefined;
}

/** Uses of the network, the clock, timers or a browser or Node global; comments and strings do not count. */
function ambientUses(source: ts.SourceFile): Finding[] {
  const local = declaredNames(source);
  const findings: Finding[] = [];
  walk(source, (node) => {
    const use = ambientUse(node, local);
    if (use !== undefined) findings.push({ line: lineOf(source, node), message: `uses ${use}` });
  });
  return findings;
}

function isFunctionValue(expression: ts.Expression | undefined): boolean {
  let value = expression;
  while (value !== undefined && (ts.isParenthesizedExpression(value) || ts.isSatisfiesExpression(value))) {
    value = value.expression;
  }
  return value !== undefined && (ts.isArrowFunction(value) || ts.isFunctionExpression(value));
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

function docProblem(source: ts.SourceFile, node: ts.Node): string | undefined {
  const comment = ts.getLeadingCommentRanges(source.text, node.getFullStart())?.at(-1);
  const text = comment === undefined ? '' : source.text.slice(comment.pos, comment.end);
  if (comment === undefined || !text.startsWith('/**')) return 'no /** doc comment */ directly above';
  const between = source.text.slice(comment.end, node.getStart(source));
  if (between.trim() !== '' || between.split('\n').length > 2) return 'no /** doc comment */ directly above';
  if (text.slice(3, -2).trim() === '') return 'its doc comment is empty';
  return undefined;
}

/** Exported functions (declarations, arrow or function consts, `export { f }` of either) lacking a one-line doc. */
function undocumentedExports(source: ts.SourceFile): Finding[] {
  const functions = new Map<string, ts.Node>();
  const exported = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      if (!functions.has(name)) functions.set(name, statement);
      if (isExported(statement)) exported.add(name);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !isFunctionValue(declaration.initializer)) continue;
        functions.set(declaration.name.text, statement);
        if (isExported(statement)) exported.add(declaration.name.text);
      }
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined) {
      const clause = statement.exportClause;
      if (clause !== undefined && ts.isNamedExports(clause)) {
        for (const element of clause.elements) exported.add((element.propertyName ?? element.name).text);
      }
    }
  }
  return [...exported].flatMap((name) => {
    const node = functions.get(name);
    const problem = node === undefined ? undefined : docProblem(source, node);
    return node === undefined || problem === undefined
      ? []
      : [{ line: lineOf(source, node), message: `exported function ${name}: ${problem}` }];
  });
}

function sharedSources(testFile: string): { path: string; source: ts.SourceFile }[] {
  const srcDir = testFile.slice(0, testFile.lastIndexOf('/'));
  return ts.sys
    .readDirectory(srcDir, ['.ts'])
    .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => ({
      path: file.slice(srcDir.length + 1),
      source: parse(file, ts.sys.readFile(file) ?? ''),
    }));
}

function report(testFile: string, check: (source: ts.SourceFile) => Finding[]): string[] {
  return sharedSources(testFile).flatMap(({ path, source }) =>
    check(source).map(({ line, message }) => `${path}:${line}: ${message}`),
  );
}

describe('shared/src stays pure', () => {
  it('reads the shared sources, tests excepted', ({ task }) => {
    const paths = sharedSources(task.file.filepath).map(({ path }) => path);
    expect(paths).toContain('schema/parse-events.ts');
    expect(paths.some((path) => path.endsWith('.test.ts'))).toBe(false);
  });

  it('imports no Node builtin', ({ task }) => {
    expect(report(task.file.filepath, builtinImports)).toEqual([]);
  });

  it('touches no network, clock, timer, browser or process global', ({ task }) => {
    expect(report(task.file.filepath, ambientUses)).toEqual([]);
  });

  it('documents every exported function with a one-line doc comment directly above it', ({ task }) => {
    expect(report(task.file.filepath, undocumentedExports)).toEqual([]);
  });
});

const check = (rule: (source: ts.SourceFile) => Finding[], text: string): string[] =>
  rule(parse('snippet.ts', text)).map(({ line, message }) => `${line}: ${message}`);

describe('the purity rules themselves', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", '1: imports "node:fs"'],
    ["import fs from 'fs';", '1: imports "fs"'],
    ["import { readFile } from 'fs/promises';", '1: imports "fs/promises"'],
    ["import type { IncomingMessage } from 'http';", '1: imports "http"'],
    ["export * from 'node:path';", '1: imports "node:path"'],
    ["const c = await import('node:crypto');", '1: imports "node:crypto"'],
    ["const os = require('os');", '1: imports "os"'],
  ])('flags %s', (text, finding) => {
    expect(check(builtinImports, text)).toEqual([finding]);
  });

  it.each([
    ["import { z } from 'zod';"],
    ["import { x } from './path';"],
    ["import { y } from '../events/list';"],
  ])('allows %s', (text) => {
    expect(check(builtinImports, text)).toEqual([]);
  });

  it.each([
    ['const r = fetch(url);', '1: uses fetch('],
    ['const t = Date.now();', '1: uses Date.now'],
    ['const clock = Date.now;', '1: uses Date.now'],
    ['const d = new Date();', '1: uses new Date()'],
    ['const d = new Date;', '1: uses new Date()'],
    ['const s = Date();', '1: uses Date()'],
    ['const t = performance.now();', '1: uses performance.'],
    ['setTimeout(tick, 10);', '1: uses setTimeout('],
    ['const h = setInterval(tick, 10);', '1: uses setInterval('],
    ['chrome.runtime.sendMessage(m);', '1: uses chrome.'],
    ['await browser.storage.local.get();', '1: uses browser.'],
    ['const home = process.env.HOME;', '1: uses process.'],
    ['const here = window.location.href;', '1: uses window.'],
    ['const title = document.title;', '1: uses document.'],
    ['const r = globalThis.fetch(url);', '1: uses globalThis.fetch'],
  ])('flags %s', (text, finding) => {
    expect(check(ambientUses, text)).toEqual([finding]);
  });

  it.each([
    ['const d = new Date(ms);'],
    ['const r = deps.fetch(url);'],
    ['export function get(fetch: typeof f, url: string) { return fetch(url); }'],
    ['export function later({ setTimeout }: Timers) { setTimeout(go, 1); }'],
    ['// fetch( and Date.now() in a comment'],
    ["const s = 'new Date() and process.env in a string';"],
    ['const o = { process: 1, fetch: 2 }; o.process;'],
  ])('allows %s', (text) => {
    expect(check(ambientUses, text)).toEqual([]);
  });

  it.each([
    ['export function f() {}', '1: exported function f: no /** doc comment */ directly above'],
    ['// why\nexport function f() {}', '2: exported function f: no /** doc comment */ directly above'],
    [
      '/** Does f. */\n\nexport function f() {}',
      '3: exported function f: no /** doc comment */ directly above',
    ],
    [
      '/** Does f. */\n// why\nexport function f() {}',
      '3: exported function f: no /** doc comment */ directly above',
    ],
    ['/** */\nexport function f() {}', '2: exported function f: its doc comment is empty'],
    ['export const f = (x: number) => x;', '1: exported function f: no /** doc comment */ directly above'],
    [
      'const f = function () {};\nexport { f };',
      '1: exported function f: no /** doc comment */ directly above',
    ],
    ['export default function () {}', '1: exported function default: no /** doc comment */ directly above'],
  ])('flags %j', (text, finding) => {
    expect(check(undocumentedExports, text)).toEqual([finding]);
  });

  it.each([
    ['/** Does f. */\nexport function f() {}'],
    ['/**\n * Does f.\n *\n * Why it does it.\n */\nexport function f() {}'],
    ['/** Does f. */\nexport async function f() {}'],
    ['/** Doubles. */\nexport const f = (x: number) => x * 2;'],
    ['/** Does f. */\nfunction f() {}\nexport { f as g };'],
    ['export const limit = 10;\nexport type T = string;\nexport interface I { f(): void }'],
    ['function helper() {}\nexport const x = helper();'],
  ])('allows %j', (text) => {
    expect(check(undocumentedExports, text)).toEqual([]);
  });
});
