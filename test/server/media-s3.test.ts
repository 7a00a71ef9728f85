import sharp from 'sharp';
import { fetchMedia, jpegMarkers, photoWithGps, upload } from '../helpers/media';
import { LocalS3, startLocalS3 } from '../helpers/s3-server';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** Issue 21: the s3 driver against an S3-protocol server on loopback (s3rver), as against COS, OSS or MinIO. */
describe('media on an S3-protocol store', () => {
  let s3: LocalS3;
  let env: TestEnvironment;
  beforeAll(async () => {
    s3 = await startLocalS3();
    env = await createTestEnvironment('media_s3', { env: s3.env });
  });
  afterAll(async () => {
    await env.close();
    await s3.stop();
  });

  it('stores the re-encoded image in the bucket, links community media presigned and avatars publicly, and deletes on withdrawal', async () => {
    const { communityId, joinCode } = await env.createCommunity('s3-owner');
    const member = await env.join('s3-member', joinCode);

    const post = await upload(env.url, member.token, { communityId, purpose: 'POST', files: [{ bytes: await photoWithGps(64, 32) }] });
    expect(post.status).toBe(201);
    const signed = new URL(post.body.url);
    expect(signed.origin).toBe(s3.endpoint);
    expect(signed.pathname).toMatch(new RegExp(`^/${s3.bucket}/c/${communityId}/[A-Za-z0-9_-]{32}\\.jpg$`));
    expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(signed.searchParams.get('X-Amz-Expires'))).toBe(7200);
    const stored = Buffer.from(await (await fetchMedia(env.url, post.body.url)).arrayBuffer());
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(jpegMarkers(stored)).not.toContain('FFE1');
    // Links handed out within one window are the same URL (cacheable).
    const again = await env.server.services.media.imageOf(await env.em().findOneOrFail('Media', Number(post.body.id)));
    expect(again.url).toBe(post.body.url);

    const avatar = await upload(env.url, member.token, { communityId, purpose: 'AVATAR', files: [{ bytes: await photoWithGps(40, 40) }] });
    expect(avatar.body.url).toMatch(new RegExp(`^${s3.endpoint}/${s3.bucket}/a/[A-Za-z0-9_-]{32}\\.jpg$`));
    expect((await fetch(avatar.body.url)).status).toBe(200);

    expect(await env.server.services.media.withdraw(env.em(), Number(post.body.id))).toBe(true);
    expect((await fetchMedia(env.url, post.body.url)).status).toBe(404);
    expect((await fetchMedia(env.url, post.body.thumbnailUrl)).status).toBe(404);
  });
});
