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
  /** The running mariadbd (a new one after `restart`). */
  readonly child: ChildProcess;
  /** Kills mariadbd and removes its datadir. */
  stop(): Promise<void>;
  /** SIGKILL, as in a crash: the datadir stays, for `restart`. */
  kill(): Promise<void>;
  /** mariadbd again on the same datadir and port (InnoDB recovers what was committed); resolves once it accepts connections. */
  restart(): Promise<void>;
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
  const url = `mysql://root@127.0.0.1:${port}`;
  const start = async (): Promise<ChildProcess> => {
    const started = spawn(
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
    await acceptingConnections(url, started);
    return started;
  };
  const kill = (running: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (running.exitCode !== null || running.signalCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });

  let child = await start();
  return {
    url,
    port,
    get child() {
      return child;
    },
    stop: async () => {
      await kill(child);
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => kill(child),
    restart: async () => {
      await kill(child);
      child = await start();
    },
  };
}

async function acceptingConnections(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}`);
    try {
      const connection = await mysql.createConnection(url);
      await connection.end();
      return;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error('mariadbd did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
