import { readFileSync } from 'fs';
import { join } from 'path';
import { compileAccessLogFormat } from './accessLog';
import { failurePatterns, matchesFilterPattern } from './filterPatterns';
import {
  assembleTraces,
  isFailureMessage,
  parseEventPrefix,
  parseExecutionLog,
} from './parser';

/*
 * Issue 11's secrets corpus (src/__fixtures__/secrets, described by its
 * manifest.json) through everything this package outputs: execution-log
 * traces (as CloudWatch events, as pasted text, and as the failures query
 * would select them) and access-log records of both formats. No planted
 * secret may appear in any serialized output. The backend's route test
 * seeds moto with the same files and greps its responses.
 */

interface Manifest {
  executionLog: {
    file: string;
    requests: Array<{
      requestId: string;
      extendedRequestId: string;
      status: number;
      failing: boolean;
    }>;
  };
  accessLogs: Array<{ file: string; kind: string; format: string }>;
  mustStayVisible: Array<{ value: string; why: string }>;
  secrets: Array<{
    name: string;
    kind: string;
    value: string;
    carriedBy: Record<string, string[]>;
  }>;
}

const DIR = join(__dirname, '__fixtures__', 'secrets');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const manifest: Manifest = JSON.parse(read('manifest.json'));
/** A corpus file's lines, without its `# ` header. */
const linesOf = (file: string) =>
  read(file)
    .split('\n')
    .filter(l => l !== '' && !l.startsWith('# '));

const executionLines = linesOf(manifest.executionLog.file);
const events = executionLines.map((message, i) => ({
  message,
  timestamp: Date.UTC(2026, 10, 30, 10, 15) + i * 10,
  logStreamName: `stream-${i % 3}`,
}));

/** Every output this package makes from the corpus, serialized. */
function outputs(): Record<string, string> {
  const out: Record<string, string> = {
    'assembleTraces(events)': JSON.stringify(assembleTraces(events)),
    'parseExecutionLog(text)': JSON.stringify(
      parseExecutionLog(executionLines.join('\n')),
    ),
  };
  for (const mode of ['any-term', 'exact-phrase'] as const) {
    const patterns = failurePatterns(mode);
    const selected = events.filter(
      e =>
        patterns.some(p => matchesFilterPattern(p, e.message)) &&
        isFailureMessage(e.message),
    );
    out[`failures (${mode})`] = JSON.stringify(assembleTraces(selected));
  }
  for (const log of manifest.accessLogs) {
    const compiled = compileAccessLogFormat(log.format);
    out[`${log.file} records`] = JSON.stringify(
      linesOf(log.file).map(l => compiled.parse(l)),
    );
  }
  return out;
}

describe('the secrets corpus', () => {
  it('plants every secret it lists, where it says', () => {
    const files: Record<string, string[]> = {
      [manifest.executionLog.file]: executionLines,
      ...Object.fromEntries(
        manifest.accessLogs.map(l => [l.file, linesOf(l.file)]),
      ),
    };
    const problems: string[] = [];
    for (const secret of manifest.secrets) {
      // Serializing must not change it, so a plain search finds it in JSON.
      if (JSON.stringify(secret.value) !== `"${secret.value}"`)
        problems.push(`${secret.name} changes when serialized`);
      for (const [file, ids] of Object.entries(secret.carriedBy))
        for (const id of ids)
          if (
            !files[file].some(l => l.includes(id) && l.includes(secret.value))
          )
            problems.push(`${secret.name} not on a line of ${id} in ${file}`);
    }
    expect(problems).toEqual([]);
    const kinds = new Set(manifest.secrets.map(s => s.kind));
    for (const kind of [
      'bearer-jwt',
      'sigv4-signature',
      'security-token',
      'access-key-id',
      'api-key-unmasked',
      'cookie',
      'set-cookie',
      'basic-auth',
      'pem-private-key',
      'password',
      'client-secret',
      'token',
      'security-token-truncated',
      'bearer-jwt-truncated',
      'pem-private-key-truncated',
      'password-truncated',
    ])
      expect(kinds).toContain(kind);
  });

  it('leaks no secret into any output', () => {
    const rendered = outputs();
    const leaks: string[] = [];
    for (const secret of manifest.secrets)
      for (const [output, text] of Object.entries(rendered))
        if (text.includes(secret.value))
          leaks.push(`${secret.name} (${secret.kind}) in ${output}`);
    const occurrences = manifest.secrets.reduce(
      (n, s) =>
        n + Object.values(s.carriedBy).reduce((m, ids) => m + ids.length, 0),
      0,
    );
    // eslint-disable-next-line no-console
    console.log(
      `secrets corpus: ${manifest.secrets.length} secrets planted (${
        new Set(manifest.secrets.map(s => s.kind)).size
      } kinds, ${occurrences} request-file carriers), ${
        Object.keys(rendered).length
      } outputs checked, ${leaks.length} leaked`,
    );
    expect(leaks).toEqual([]);
  });

  it('keeps what is not secret readable', () => {
    const all = Object.values(outputs()).join('\n');
    for (const { value } of manifest.mustStayVisible)
      expect(all).toContain(value);
  });

  it('reads its requests as the manifest says, failing ones selected by the failures patterns', () => {
    const traces = assembleTraces(events);
    for (const request of manifest.executionLog.requests) {
      const trace = traces.find(t => t.requestId === request.requestId);
      expect(trace).toMatchObject({
        status: request.status,
        extendedRequestId: request.extendedRequestId,
      });
      expect(trace?.failure !== undefined).toBe(request.failing);
      const selected = events.some(
        e =>
          parseEventPrefix(e.message).requestId === request.requestId &&
          failurePatterns('any-term').some(p =>
            matchesFilterPattern(p, e.message),
          ),
      );
      expect(selected).toBe(request.failing);
    }
    for (const log of manifest.accessLogs) {
      const compiled = compileAccessLogFormat(log.format);
      expect(compiled.kind).toBe(log.kind);
      expect(linesOf(log.file).map(l => compiled.parse(l)?.status)).toEqual(
        manifest.executionLog.requests.map(r => r.status),
      );
    }
  });
});
