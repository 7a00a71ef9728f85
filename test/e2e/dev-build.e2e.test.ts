import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The developer path: `npm run dev:h5 -w miniprogram` and `NODE_ENV=development npm start` build the H5
// app with NODE_ENV=development, where babel-preset-taro loads react-refresh. Built once, into a folder of
// the test's own so the production build that the other browser tests drive stays as it is.
jest.setTimeout(300_000);

const MINIPROGRAM = path.resolve(__dirname, '..', '..', 'miniprogram');

it('the H5 app builds with NODE_ENV=development', () => {
  const outputRoot = mkdtempSync(path.join(os.tmpdir(), 'qy-dev-h5-'));
  try {
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: MINIPROGRAM,
      env: { ...process.env, NODE_ENV: 'development', QY_OUTPUT_ROOT: outputRoot },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect({ status: build.status, log: build.status === 0 ? '' : `${build.stdout}\n${build.stderr}`.slice(-4000) }).toEqual({ status: 0, log: '' });
    expect(existsSync(path.join(outputRoot, 'index.html'))).toBe(true);
  } finally {
    rmSync(outputRoot, { recursive: true, force: true });
  }
});
