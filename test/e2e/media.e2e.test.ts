import sharp from 'sharp';
import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';
import { H5App } from './helpers/h5-app';

// Issue 21 in the browser: a member sets an avatar and a nickname on 编辑资料; another member sees the avatar in the 接龙 list.
jest.setTimeout(180_000);

/** A photo as a phone would hand it over: a face-ish gradient with EXIF GPS in it. */
async function phonePhoto(): Promise<Buffer> {
  const width = 240;
  const height = 240;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inFace = (x - 120) ** 2 + (y - 110) ** 2 < 70 ** 2;
      pixels.set(inFace ? [250, 210, 170] : [60 + y / 3, 150, 200 - x / 3], (y * width + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 2/1' } })
    .jpeg()
    .toBuffer();
}

describe('media: avatar and nickname (H5)', () => {
  let env: E2eEnvironment;
  let communityId: string;
  let groupBuyId: string;

  beforeAll(async () => {
    env = await createE2eEnvironment();
    const ownerToken = await devLoginToken(env.server.baseUrl, 'owner');
    const owner = <T>(query: string, variables: Record<string, unknown>) => graphqlRequest<T>(env.server.baseUrl, query, variables, ownerToken);
    const { myMemberships } = await owner<{ myMemberships: Array<{ community: { id: string; joinCode: string } }> }>(`query { myMemberships { community { id joinCode } } }`, {});
    communityId = myMemberships.find((row) => row.community.joinCode === 'demo')!.community.id;
    const now = Date.now();
    const created = await owner<{ createGroupBuy: { id: string } }>(`mutation ($c: ID!, $i: GroupBuyInput!) { createGroupBuy(communityId: $c, input: $i) { id } }`, {
      c: communityId,
      i: {
        title: '云南蓝莓 2 盒装',
        description: '当季鲜果，次日达',
        images: [],
        priceFen: 3990,
        stock: 30,
        minParticipants: 1,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 24 * 3600_000).toISOString(),
        pickupNote: '周日到店自提',
      },
    });
    groupBuyId = created.createGroupBuy.id;
  });

  afterAll(async () => {
    await env?.close();
  });

  it('a member chooses an avatar and a nickname; another member sees them in the 接龙 list', async () => {
    const member: H5App = await env.newPhone();
    await member.openHome('demo');
    await member.loginAs('xiaoman');
    await member.memberCard().waitFor();
    await member.current.locator('.qy-member-card__edit').click();
    await member.current.locator('.qy-profile').waitFor();

    // The browser build asks 拍摄 / 从相册选择 first, as WeChat does; then the file picker opens.
    await member.current.locator('.qy-profile__avatar-button').click();
    const chooser = member.page.waitForEvent('filechooser');
    await member.page.getByText('从相册选择', { exact: true }).click();
    await (await chooser).setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    const avatarImage = member.current.locator('.qy-profile__avatar-button img');
    await avatarImage.waitFor();
    expect(await avatarImage.getAttribute('src')).toMatch(/\/media\/a\/[A-Za-z0-9_-]{32}\.jpg$/);
    await member.current.locator('.qy-field__input input').fill('小满妈妈');
    await member.screenshot('media-profile-edit');
    await member.current.locator('.qy-button', { hasText: '保存' }).click();
    await member.waitForToast('资料已保存');
    await member.memberCard().waitFor();
    await member.page.waitForFunction(`document.querySelector('.taro_page_show .qy-member-card__nickname')?.textContent === '小满妈妈'`);

    const token = await devLoginToken(env.server.baseUrl, 'xiaoman');
    const joined = await graphqlRequest<{ joinGroupBuy: { __typename: string } }>(
      env.server.baseUrl,
      `mutation ($g: ID!) { joinGroupBuy(groupBuyId: $g, quantity: 2, note: "要熟一点的", requestId: "e2e-media-join") { __typename } }`,
      { g: groupBuyId },
      token,
    );
    expect(joined.joinGroupBuy.__typename).toBe('GroupBuyJoined');

    const neighbour = await env.newPhone();
    await neighbour.openHome('demo');
    await neighbour.loginAs('neighbour');
    await neighbour.memberCard().waitFor();
    await neighbour.open(`/activity/pages/groupbuy-detail/index?id=${communityId}&groupBuyId=${groupBuyId}`);
    const row = neighbour.current.locator('.qy-entries__row', { hasText: '小满妈妈' });
    await row.waitFor();
    const avatar = row.locator('.qy-avatar img');
    await avatar.waitFor();
    expect(await avatar.getAttribute('src')).toMatch(/\/media\/a\/[A-Za-z0-9_-]{32}\.jpg$/);
    await neighbour.page.waitForFunction(`(() => { const image = document.querySelector('.taro_page_show .qy-entries__row .qy-avatar img'); return !!image && image.complete && image.naturalWidth > 0; })()`);
    await neighbour.scrollPageTo(`page.scrollTop + page.querySelector('.qy-entries').getBoundingClientRect().top - page.getBoundingClientRect().top - 12`);
    await neighbour.screenshot('media-groupbuy-entries-with-avatar');
  });
});
