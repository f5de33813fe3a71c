// The READMEs' install commands and wiring snippets, extracted and applied to
// a fresh app, so that the adopter test follows the docs and nothing else.
//
// A snippet is a fenced block preceded by a marker comment:
//
//   <!-- adopter: legacy,nfs shell -->                     commands to run in the app
//   <!-- adopter: legacy packages/app/src/App.tsx routes --> code for a file's slot
//
// In a code snippet, `import` statements go to the file's imports (merged
// with the ones already there); `//` comment lines, which tell the reader
// where the code goes, are dropped; the rest goes where the template file
// has its `adopter:<slot>` marker, at that marker's indentation.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const MARKER =
  /<!--\s*adopter:\s*([\w,-]+)\s+(\S+)(?:\s+([\w-]+))?\s*-->\s*\n```\w*\n([\s\S]*?)\n```/g;
const IMPORT = /^import\s[^;]*?;[ \t]*$/gm;

/** Every marked snippet of the given markdown files. */
function extractSnippets(files) {
  const snippets = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(MARKER)) {
      snippets.push({
        systems: m[1].split(','),
        target: m[2],
        slot: m[3],
        code: m[4],
        source: path.basename(path.dirname(file)),
      });
    }
  }
  return snippets;
}

/** The commands of the shell snippets for a system, in README order. */
function shellCommands(snippets, system) {
  return snippets
    .filter(s => s.target === 'shell' && s.systems.includes(system))
    .flatMap(s =>
      s.code
        .split('\n')
        .map(l => l.trim())
        .filter(l => l && !l.startsWith('#')),
    );
}

function splitSnippet(code) {
  const imports = code.match(IMPORT) ?? [];
  const body = code
    .replace(IMPORT, '')
    .split('\n')
    .filter(l => !l.trim().startsWith('//'));
  while (body.length && !body[0].trim()) body.shift();
  while (body.length && !body[body.length - 1].trim()) body.pop();
  return { imports, body };
}

/** One import statement: `import D, { a, b as c } from 'm';` and its kin. */
function parseImport(statement) {
  const m =
    /^import\s+(type\s+)?([\s\S]*?)\s+from\s+'([^']+)';/.exec(statement) ?? [];
  const clause = m[2] ?? '';
  const named = /\{([\s\S]*)\}/.exec(clause);
  const head = clause
    .replace(/\{[\s\S]*\}/, '')
    .replace(/,\s*$/, '')
    .trim();
  return {
    module: m[3],
    type: Boolean(m[1]),
    namespace: head.startsWith('*') ? head : undefined,
    default: head && !head.startsWith('*') ? head : undefined,
    names: named
      ? named[1]
          .split(',')
          .map(n => n.trim())
          .filter(Boolean)
      : [],
  };
}

/** Merges every `import ... from` of a file into one statement per module. */
function mergeImports(text) {
  const statements = text.match(IMPORT) ?? [];
  const merged = new Map();
  for (const statement of statements) {
    if (!/\sfrom\s/.test(statement)) continue; // side-effect imports stay
    const i = parseImport(statement);
    const key = `${i.type ? 'type ' : ''}${i.module}`;
    const into = merged.get(key) ?? { ...i, names: [] };
    into.default ??= i.default;
    into.namespace ??= i.namespace;
    for (const n of i.names) if (!into.names.includes(n)) into.names.push(n);
    merged.set(key, into);
  }
  let out = text;
  for (const statement of statements) {
    if (/\sfrom\s/.test(statement)) out = out.replace(`${statement}\n`, '');
  }
  const block = [...merged.values()].map(i => {
    const parts = [i.default, i.namespace].filter(Boolean);
    if (i.names.length) parts.push(`{ ${i.names.join(', ')} }`);
    return `import ${i.type ? 'type ' : ''}${parts.join(', ')} from '${
      i.module
    }';`;
  });
  // After the file's leading comment lines.
  const lines = out.split('\n');
  let at = 0;
  while (at < lines.length && lines[at].startsWith('//')) at++;
  lines.splice(at, 0, ...block);
  return lines.join('\n');
}

/**
 * Applies the code snippets of a system to the app in `appDir`. Throws when
 * a snippet names a slot the template lacks, or a slot stays empty (the
 * README lost a step).
 */
function applySnippets(appDir, snippets, system) {
  const byFile = new Map();
  for (const s of snippets) {
    if (s.target === 'shell' || !s.systems.includes(system)) continue;
    if (!byFile.has(s.target)) byFile.set(s.target, []);
    byFile.get(s.target).push(s);
  }
  const applied = [];
  for (const [target, list] of byFile) {
    const file = path.join(appDir, target);
    if (!fs.existsSync(file)) {
      throw new Error(
        `README snippet (${list[0].source}) targets ${target}, which a ${system} app does not have`,
      );
    }
    let lines = fs.readFileSync(file, 'utf8').split('\n');
    const markerLine = slot =>
      lines.findIndex(l => new RegExp(`adopter:${slot}\\b`).test(l));
    for (const s of list) {
      const { imports, body } = splitSnippet(s.code);
      if (body.length) {
        const at = markerLine(s.slot);
        if (!s.slot || at < 0) {
          throw new Error(
            `README snippet (${s.source}) for ${target} names slot "${s.slot}", which the template lacks`,
          );
        }
        const indent = /^\s*/.exec(lines[at])[0];
        // Prettier ends a JSX expression statement with `;`, which inside
        // JSX children would be text.
        if (lines[at].includes('{/*')) {
          body[body.length - 1] = body[body.length - 1].replace(/;$/, '');
        }
        lines.splice(at, 0, ...body.map(l => (l ? indent + l : l)));
      }
      if (imports.length) {
        lines.splice(Math.max(markerLine('imports'), 0), 0, ...imports);
      }
      applied.push(`${target}${s.slot ? `#${s.slot}` : ''}`);
    }
    fs.writeFileSync(file, mergeImports(lines.join('\n')));
  }
  // Every slot of the template must have been filled.
  const empty = [];
  for (const file of listFiles(appDir)) {
    const rel = path.relative(appDir, file);
    for (const m of fs
      .readFileSync(file, 'utf8')
      .matchAll(/adopter:([\w-]+)/g)) {
      if (m[1] === 'imports') continue;
      if (!applied.includes(`${rel}#${m[1]}`)) empty.push(`${rel}#${m[1]}`);
    }
  }
  if (empty.length) {
    throw new Error(
      `no README snippet for ${empty.join(', ')} (${system} app)`,
    );
  }
  return applied;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p);
    return /\.(tsx?|js)$/.test(e.name) ? [p] : [];
  });
}

module.exports = {
  extractSnippets,
  shellCommands,
  applySnippets,
  mergeImports,
};
