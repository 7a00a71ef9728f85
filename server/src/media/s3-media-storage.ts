import { DeleteObjectsCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaSettings } from '../config';
import { linkWindow, MediaStorage } from './media-storage';

/**
 * Any S3-protocol store (Tencent COS, Aliyun OSS, MinIO) through the AWS SDK v3. Path-style addressing and
 * checksums only where the protocol requires them: the SDK's default CRC32 trailers are not understood by
 * every S3-compatible store. Community media are read through presigned GETs; avatars from
 * MEDIA_PUBLIC_BASE_URL (a CDN, or the bucket with a public-read policy on `a/`).
 */
export class S3MediaStorage implements MediaStorage {
  private readonly client: S3Client;

  constructor(
    private readonly settings: MediaSettings,
    private readonly s3: NonNullable<MediaSettings['s3']>,
  ) {
    this.client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async prepare(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.s3.bucket }));
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.s3.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }),
    );
  }

  async remove(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.client.send(new DeleteObjectsCommand({ Bucket: this.s3.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
  }

  publicUrl(key: string): string {
    return `${this.settings.publicBaseUrl}/${key}`;
  }

  signedUrl(key: string, now: Date): Promise<string> {
    const { windowStart, expiresAt } = linkWindow(now, this.settings.linkTtlSeconds);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }), {
      signingDate: windowStart,
      expiresIn: Math.round((expiresAt.getTime() - windowStart.getTime()) / 1000),
    });
  }
}
