import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './server-process';

export interface PrivateMariaDb {
  /** `mysql://root@127.0.0.1:<port>` (no database). */
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A MariaDB server of the test's own (own datadir under the OS temp folder, own port on loopback,
 * no grant tables), for what the shared server must not be put through: other global settings, a
 * kill. Started from Debian's mariadbd, which `npm test` installs (test/prepare-machine.sh).
 */
export async function startPrivateMariaDb(extraArgs: string[] = []): Promise<PrivateMariaDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qy-mariadb-'));
  const datadir = path.join(dir, 'data');
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
  const port = await freePort();
  const child = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${path.join(dir, 'mysqld.sock')}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      '--user=root',
      '--skip-grant-tables',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  const url = `mysql://root@127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}`);
    try {
      const connection = await mysql.createConnection(url);
      await connection.end();
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('mariadbd did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    port,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGKILL');
      }),
  };
}
