import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createGroupBuy, groupBuyInput, joinGroupBuy } from '../helpers/activities';
import { fetchMedia, jpegMarkers, photoWithGps, pixelFloodPng, pngImage, upload } from '../helpers/media';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** Issue 21: POST /media — images re-encoded without metadata, refused clearly when they are not images, kept to their uploader. */

const UPDATE_PROFILE = `mutation ($n: String, $a: ID) { updateProfile(nickname: $n, avatarMediaId: $a) { ... on User { id nickname avatarUrl } ... on ErrorResult { errorCode message } } }`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('POST /media', () => {
  let env: TestEnvironment;
  let mediaDir: string;
  let community: { communityId: string; joinCode: string; owner: { token: string } };
  let member: { token: string; client: any; memberId: string };

  beforeAll(async () => {
    env = await createTestEnvironment('media');
    mediaDir = env.server.services.config.media.dir;
    community = await env.createCommunity('media-owner');
    member = await env.join('media-member', community.joinCode);
  });
  afterAll(() => env.close());

  const mediaRows = async () => Number((await env.em().getConnection().execute('select count(*) as n from media'))[0].n);

  it('re-encodes a phone photo: orientation applied, every metadata block gone, a thumbnail beside it', async () => {
    const photo = await photoWithGps(64, 32);
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from('N\0'))).toBe(true); // the GPS latitude ref is in the input
    const answer = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: photo }] });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ id: expect.any(String), width: 32, height: 64 }); // rotated by its EXIF orientation
    const stored = Buffer.from(await (await fetchMedia(env.url, answer.body.url)).arrayBuffer());
    expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const markers = jpegMarkers(stored);
    expect(markers.filter((marker) => /^FFE[1-9A-F]$|^FFFE$/.test(marker))).toEqual([]); // no APP1 (Exif/XMP), APP2 (ICC) … nor comments
    expect(stored.includes(Buffer.from('QunyouPhone'))).toBe(false);
    const metadata = await sharp(stored).metadata();
    expect([metadata.exif, metadata.icc, metadata.xmp, metadata.orientation]).toEqual([undefined, undefined, undefined, undefined]);
    const thumbnail = await fetchMedia(env.url, answer.body.thumbnailUrl);
    expect(thumbnail.status).toBe(200);
    expect(jpegMarkers(Buffer.from(await thumbnail.arrayBuffer())).some((marker) => marker === 'FFE1')).toBe(false);
  });

  it('bounds the longest side to 2048 px and the thumbnail to 480 px; the type comes from the bytes, not the name', async () => {
    const wide = await pngImage(3000, 1000);
    const answer = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: wide, filename: 'wide.jpg', type: 'image/jpeg' }] });
    expect(answer.status).toBe(201);
    expect([answer.body.width, answer.body.height]).toEqual([2048, 683]);
    const thumbnail = await sharp(Buffer.from(await (await fetchMedia(env.url, answer.body.thumbnailUrl)).arrayBuffer())).metadata();
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['jpeg', 480, 160]);
    const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#123456' } }).webp().toBuffer();
    expect((await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: webp, filename: 'x.png' }] })).status).toBe(201);
  });

  it('takes an iPhone HEIC photo (HEVC) and stores it as a JPEG', async () => {
    // test/fixtures/iphone-96x64.heic: made with libheif's heif-enc (x265) from a 96 × 64 gradient.
    const heic = readFileSync(path.join(__dirname, '..', 'fixtures', 'iphone-96x64.heic'));
    const answer = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: heic, filename: 'IMG_0042.HEIC', type: 'image/heic' }] });
    expect([answer.status, answer.body.width, answer.body.height]).toEqual([201, 96, 64]);
    const stored = await sharp(Buffer.from(await (await fetchMedia(env.url, answer.body.url)).arrayBuffer())).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(['jpeg', 96, 64]);
  });

  it('refuses what is not an image, bombs, broken and oversized files, with a Chinese reason, and stores nothing', async () => {
    const rowsBefore = await mediaRows();
    const filesBefore = filesUnder(mediaDir).length;
    const jpeg = await photoWithGps(32, 32);
    const refusals: Array<[string, Buffer, number, string]> = [
      ['HTML behind a JPEG header', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]), 400, 'IMAGE_DAMAGED'],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a 1×1 PNG claiming 100k × 100k', await pixelFloodPng(), 413, 'IMAGE_TOO_LARGE'],
      ['a truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 400, 'IMAGE_DAMAGED'],
      ['11 MB', Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024)]), 413, 'FILE_TOO_LARGE'],
    ];
    for (const [what, bytes, status, code] of refusals) {
      const answer = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes }] });
      expect({ what, status: answer.status, code: answer.body.code }).toEqual({ what, status, code });
      expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const two = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: jpeg }, { bytes: jpeg }] });
    expect([two.status, two.body.code]).toEqual([400, 'ONE_FILE_ONLY']);
    const none = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [] });
    expect([none.status, none.body.code]).toEqual([400, 'FILE_REQUIRED']);
    const badPurpose = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'WALLPAPER', files: [{ bytes: jpeg }] });
    expect([badPurpose.status, badPurpose.body.code]).toEqual([400, 'BAD_PURPOSE']);
    const notMultipart = await fetch(`${env.url}/media`, { method: 'POST', headers: { authorization: `Bearer ${member.token}`, 'content-type': 'image/jpeg' }, body: jpeg });
    expect([notMultipart.status, ((await notMultipart.json()) as { code: string }).code]).toEqual([400, 'MULTIPART_REQUIRED']);
    expect(await mediaRows()).toBe(rowsBefore);
    expect(filesUnder(mediaDir).length).toBe(filesBefore);
  });

  it('needs a session, and a membership of the community', async () => {
    const jpeg = await photoWithGps(16, 16);
    const anonymous = await upload(env.url, null, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: jpeg }] });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await upload(env.url, `${member.token}x`, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: jpeg }] });
    expect(forged.status).toBe(401);
    const other = await env.createCommunity('media-other-owner');
    const outsider = await upload(env.url, member.token, { communityId: other.communityId, purpose: 'POST', files: [{ bytes: jpeg }] });
    expect([outsider.status, outsider.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('serves community media only through signed links that expire; avatars to anyone', async () => {
    const answer = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'EVIDENCE', files: [{ bytes: await photoWithGps(16, 16) }] });
    const { pathname, searchParams } = new URL(answer.body.url, env.url);
    expect(pathname).toMatch(new RegExp(`^/media/c/${community.communityId}/[A-Za-z0-9_-]{32}\\.jpg$`));
    const signed = await fetchMedia(env.url, answer.body.url);
    expect(signed.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect((await fetchMedia(env.url, pathname)).status).toBe(403);
    expect((await fetchMedia(env.url, `${pathname}?e=${searchParams.get('e')}&s=${'A'.repeat(32)}`)).status).toBe(403);
    expect((await fetchMedia(env.url, `${pathname}?e=${Number(searchParams.get('e')) + 3600}&s=${searchParams.get('s')}`)).status).toBe(403);
    // The same link, past its expiry.
    const storage = env.server.services.mediaStorage as any;
    const expires = Number(searchParams.get('e'));
    expect(storage.verify(pathname.slice('/media/'.length), expires, searchParams.get('s'), new Date(expires * 1000 - 1000))).toBe(true);
    expect(storage.verify(pathname.slice('/media/'.length), expires, searchParams.get('s'), new Date(expires * 1000 + 1000))).toBe(false);
    expect((await fetchMedia(env.url, '/media/c/1/../../../etc/passwd')).status).toBe(404);
  });

  it('an avatar: only the uploader’s own AVATAR image; everyone sees it in a 接龙 list', async () => {
    const avatar = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'AVATAR', files: [{ bytes: await photoWithGps(40, 40) }] });
    expect(avatar.status).toBe(201);
    expect(avatar.body.url).toMatch(/^\/media\/a\/[A-Za-z0-9_-]{32}\.jpg$/);
    const publicFetch = await fetchMedia(env.url, avatar.body.url);
    expect([publicFetch.status, publicFetch.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);

    const stranger = await env.join('media-stranger', community.joinCode);
    const post = await upload(env.url, member.token, { communityId: community.communityId, purpose: 'POST', files: [{ bytes: await photoWithGps(16, 16) }] });
    for (const [client, mediaId] of [
      [stranger.client, avatar.body.id], // someone else's
      [member.client, post.body.id], // not an avatar
      [member.client, '999999'], // unknown
    ]) {
      expect(await client.errorCode(UPDATE_PROFILE, { n: null, a: mediaId })).toBe('BAD_USER_INPUT');
    }
    expect(await member.client.errorCode(`mutation { updateProfile(avatarUrl: "https://thirdwx.qlogo.cn/x.jpg") { id } }`)).toBe('GRAPHQL_VALIDATION_FAILED');
    const strangerAfter = await stranger.client.data('{ me { avatarUrl } }');
    expect(strangerAfter.me.avatarUrl).toBeNull();

    const profile = (await member.client.data(UPDATE_PROFILE, { n: '小满妈妈', a: avatar.body.id })).updateProfile;
    expect(profile).toMatchObject({ nickname: '小满妈妈', avatarUrl: avatar.body.url });
    const groupBuy = await createGroupBuy((community.owner as any).client, community.communityId, groupBuyInput(new Date(), { images: [] }));
    expect((await joinGroupBuy(member.client, groupBuy.id, 1)).__typename).toBe('GroupBuyJoined');
    const list = await stranger.client.data(`query ($id: ID!) { groupBuy(id: $id) { entries { member { nickname avatarUrl } } } }`, { id: groupBuy.id });
    expect(list.groupBuy.entries).toEqual([{ member: { nickname: '小满妈妈', avatarUrl: avatar.body.url } }]);

    // Withdrawn (WeChat's image check said risky): the files are gone and the avatar falls back to the letter.
    expect(await env.server.services.media.withdraw(env.em(), Number(avatar.body.id))).toBe(true);
    expect(await env.server.services.media.withdraw(env.em(), Number(avatar.body.id))).toBe(false);
    expect((await fetchMedia(env.url, avatar.body.url)).status).toBe(404);
    expect((await member.client.data('{ me { avatarUrl } }')).me.avatarUrl).toBeNull();
    expect(await member.client.errorCode(UPDATE_PROFILE, { n: null, a: avatar.body.id })).toBe('BAD_USER_INPUT');
  });
});

describe('WeChat\'s image check on uploads (mediaCheckAsync)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('media_check');
  });
  afterAll(() => env.close());

  it('hands every upload to WeChat; a risky verdict withdraws it everywhere once and tells the uploader', async () => {
    const { communityId, joinCode } = await env.createCommunity('check-owner');
    const member = await env.join('check-member', joinCode);
    const avatar = await upload(env.url, member.token, { communityId, purpose: 'AVATAR', files: [{ bytes: await photoWithGps(40, 40) }] });
    const check = env.wechat.mediaChecks.at(-1)!;
    expect(check).toMatchObject({ media_url: avatar.body.url, media_type: 2, version: 2, scene: 1, openid: 'o-check-member' });
    expect((await member.client.data(UPDATE_PROFILE, { n: '阿青', a: avatar.body.id })).updateProfile.avatarUrl).toBe(avatar.body.url);
    const post = await upload(env.url, member.token, { communityId, purpose: 'POST', files: [{ bytes: await photoWithGps(16, 16) }] });
    expect(env.wechat.mediaChecks.at(-1)).toMatchObject({ scene: 3 });

    for (let i = 0; i < 2; i++) expect((await env.wechat.pushMediaCheck(env.url, check.traceId, 'risky')).status).toBe(200);
    expect((await fetchMedia(env.url, avatar.body.url)).status).toBe(404);
    expect((await member.client.data('{ me { avatarUrl } }')).me.avatarUrl).toBeNull();
    const [row] = await env.em().getConnection().execute('select status from media where id = ?', [Number(avatar.body.id)]);
    expect(row.status).toBe('WITHDRAWN');
    const inbox = await member.client.data(`query ($c: ID!) { myMessages(communityId: $c, first: 10) { edges { node { kind title } } } }`, { c: communityId });
    expect(inbox.myMessages.edges.filter((edge: any) => edge.node.kind === 'CONTENT_WITHDRAWN')).toHaveLength(1);
    // The other image stays.
    expect((await fetchMedia(env.url, post.body.url)).status).toBe(200);
  });
});

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('the upload limit is one budget for every process (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('media_limit', { env: { RATE_LIMIT_UPLOADS: '4/3600' } });
  });
  afterAll(() => env.close());

  it('refuses the fifth upload of the hour with 429 and Retry-After, whichever process it reaches', async () => {
    const peer = await env.startPeerProcess();
    try {
      const { communityId, joinCode } = await env.createCommunity('media-limit-owner');
      const member = await env.join('media-limit-member', joinCode);
      const bytes = await photoWithGps(16, 16);
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => upload(i % 2 ? peer.url : env.url, member.token, { communityId, purpose: 'POST', files: [{ bytes }] })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 201, 429, 429]);
      const refused = answers.find((answer) => answer.status === 429)!;
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const [{ n }] = await env.em().getConnection().execute('select count(*) as n from media');
      expect(Number(n)).toBe(4);
    } finally {
      await peer.stop();
    }
  });
});
