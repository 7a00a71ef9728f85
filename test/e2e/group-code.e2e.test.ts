import sharp from 'sharp';
import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { graphqlRequest } from './helpers/graphql';
import type { H5App } from './helpers/h5-app';

// 群活码 on the H5 build with the demo data: the owner creates a live code over two groups (QR images uploaded
// through the file chooser), a visitor sees group A, and once A reached its threshold (1) the next visitor sees B.
jest.setTimeout(240_000);

/** A square stand-in for a WeChat group QR, in the group's colour. */
function qrImage(r: number, g: number, b: number): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 320, channels: 3, background: { r, g, b } } }).jpeg().toBuffer();
}

describe('群活码 (H5)', () => {
  let env: E2eEnvironment;
  let communityId: string;

  beforeAll(async () => {
    env = await createE2eEnvironment();
    const { communityPreview } = await graphqlRequest<{ communityPreview: { id: string } }>(env.server.baseUrl, 'query ($code: String!) { communityPreview(joinCode: $code) { id } }', { code: 'demo' });
    communityId = communityPreview.id;
  });
  afterAll(async () => {
    await env?.close();
  });

  const uploadQr = async (app: H5App, draft: number, photo: Buffer) => {
    await app.current.locator('.qy-group-codes__draft').nth(draft).locator('.qy-image-picker__add').click();
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByText('从相册选择', { exact: true }).click();
    await (await chooser).setFiles({ name: `qr-${draft}.jpg`, mimeType: 'image/jpeg', buffer: photo });
    await app.current.locator('.qy-group-codes__draft').nth(draft).locator('.qy-image-picker__image').waitFor();
  };

  it('the owner creates a code over two groups; a visitor sees group A, the next one group B', async () => {
    const owner = await env.newPhone();
    await owner.openHome('demo');
    await owner.loginAs('owner');
    await owner.memberCard().waitFor();
    await owner.open(`/admin/pages/community/index?id=${communityId}`);
    await owner.current.locator('.qy-nav-row', { hasText: '群活码' }).click();
    await owner.current.locator('.qy-group-codes').waitFor();
    await owner.current.locator('.qy-button', { hasText: '新建活码' }).click();
    await owner.current.locator('.qy-group-codes__form .qy-field__input input').first().fill('读书会进群');
    const drafts = owner.current.locator('.qy-group-codes__draft');
    await drafts.nth(0).locator('.qy-field__input input').nth(0).fill('读书会一群');
    await drafts.nth(0).locator('.qy-field__input input').nth(1).fill('1');
    await uploadQr(owner, 0, await qrImage(7, 193, 96));
    await owner.current.locator('.qy-button', { hasText: '再加一个群' }).click();
    await drafts.nth(1).locator('.qy-field__input input').nth(0).fill('读书会二群');
    await uploadQr(owner, 1, await qrImage(16, 174, 255));
    await owner.screenshot('group-code-create');
    await owner.current.locator('.qy-button', { hasText: '创建活码' }).click();
    await owner.waitForToast('活码已创建');
    await owner.current.locator('.qy-group-codes__code', { hasText: '读书会进群' }).waitFor();
    await owner.waitForToastGone();
    await owner.current.locator('.qy-button', { hasText: '活码海报' }).click();
    await owner.current.locator('.qy-group-codes__poster-image').waitFor();
    await owner.screenshot('group-code-admin-list');

    const { groupCodes } = await graphqlRequest<{ groupCodes: Array<{ name: string; path: string }> }>(
      env.server.baseUrl,
      'query ($c: ID!) { groupCodes(communityId: $c) { name path } }',
      { c: communityId },
      await (await import('./helpers/graphql')).devLoginToken(env.server.baseUrl, 'owner'),
    );
    const path = groupCodes.find((code) => code.name === '读书会进群')!.path;

    const first = await env.newPhone();
    await first.open(`/${path}`);
    await first.current.locator('.qy-group-code__group', { hasText: '读书会一群' }).waitFor();
    expect(await first.textOf('.qy-group-code__hint')).toBe('长按识别二维码加入群聊');
    await first.screenshot('group-code-visitor-a');

    const second = await env.newPhone();
    await second.open(`/${path}`);
    await second.current.locator('.qy-group-code__group', { hasText: '读书会二群' }).waitFor();
    await second.screenshot('group-code-visitor-b');
  });
});
