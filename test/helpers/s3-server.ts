import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** MEDIA_* variables that point the server's s3 driver at it. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** An S3-protocol server (s3rver) on loopback with one bucket, its files in a temporary folder. */
export async function startLocalS3(bucket = 'qunyou-media'): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'qunyou-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      MEDIA_STORAGE: 's3',
      MEDIA_S3_ENDPOINT: endpoint,
      MEDIA_S3_BUCKET: bucket,
      MEDIA_S3_REGION: 'us-east-1',
      MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
