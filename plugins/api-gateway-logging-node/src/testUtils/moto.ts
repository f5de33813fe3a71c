import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A running moto server. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>`: the SDK clients' `endpoint`. */
  endpoint: string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

/** Dummy credentials moto accepts (it checks no signature). */
export const MOTO_CREDENTIALS = {
  accessKeyId: 'test',
  secretAccessKey: 'test',
};

/** The account moto puts resources in when nothing says otherwise. */
export const MOTO_DEFAULT_ACCOUNT = '123456789012';

/**
 * The `moto_server` to run: `MOTO_SERVER` if set, else the repository's
 * `.venv` (installed on first use by `scripts/ensure-moto.js`, shared with
 * `.ci/run` and `yarn dev`; about a minute), else `moto_server` on the PATH.
 */
export function ensureMoto(): string {
  if (process.env.MOTO_SERVER) return process.env.MOTO_SERVER;
  const script = findUp(path.join('scripts', 'ensure-moto.js'));
  if (!script) return 'moto_server';
  try {
    return execFileSync(process.execPath, [script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10 * 60 * 1000,
    }).trim();
  } catch (error) {
    throw new Error(
      `Could not install moto for the tests: ${String(
        error.stderr || error.message,
      ).trim()}`,
    );
  }
}

/** `relative` in the working directory or one above it. */
function findUp(relative: string): string | undefined {
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `moto_server exited with code ${child.exitCode}: ${output()}`,
      );
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`moto_server did not answer within 60 s: ${output()}`);
}

/** Starts moto on a free port and resolves once it answers. */
export async function startMoto(): Promise<MotoServer> {
  const binary = ensureMoto();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', chunk => {
    // Keep only the tail: moto logs every request.
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  try {
    await waitUntilAnswering(endpoint, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Clears every resource of every account and region. */
export async function resetMoto(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, {
    method: 'POST',
  });
  if (!response.ok) {
    throw new Error(`moto reset failed: HTTP ${response.status}`);
  }
}

/**
 * Static credentials whose resources moto puts in `accountId`: moto maps
 * the access key of an assumed role to the role's account (the role need
 * not exist). STS is called directly so no STS client is needed.
 */
export async function motoAccountCredentials(
  endpoint: string,
  accountId: string,
): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const body = new URLSearchParams({
    Action: 'AssumeRole',
    Version: '2011-06-15',
    RoleArn: `arn:aws:iam::${accountId}:role/backstage-test`,
    RoleSessionName: 'backstage-test',
  });
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // moto routes by the signing service in the Authorization header.
      authorization:
        'AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0',
    },
    body,
  });
  const xml = await response.text();
  const accessKeyId = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(xml)?.[1];
  const secretAccessKey = /<SecretAccessKey>([^<]+)<\/SecretAccessKey>/.exec(
    xml,
  )?.[1];
  if (!response.ok || !accessKeyId || !secretAccessKey) {
    throw new Error(
      `moto AssumeRole failed: HTTP ${response.status} ${xml.slice(0, 300)}`,
    );
  }
  return { accessKeyId, secretAccessKey };
}
