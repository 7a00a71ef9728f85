import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import jwt from 'jsonwebtoken';
import { ManualClock } from '../../server/src/common/clock';
import {
  CANCEL_ENTRY,
  CANCEL_SIGNUP,
  CREATE_SIGNUP_FORM,
  createGroupBuy,
  groupBuyInput,
  joinGroupBuy,
  signupAnswers,
  signupFormInput,
  SUBMIT_SIGNUP,
} from '../helpers/activities';
import { GraphQLClient } from '../helpers/graphql-client';
import { createTestEnvironment, LoggedIn, TEST_SESSION_SECRET, TestEnvironment } from '../helpers/test-env';

const EXPORT_GROUP_BUY = `mutation ($g: ID!, $f: ExportFormat!) { exportGroupBuy(groupBuyId: $g, format: $f) { url filename expiresAt } }`;
const EXPORT_SIGNUPS = `mutation ($f: ID!, $x: ExportFormat!) { exportSignupSubmissions(formId: $f, format: $x) { url filename expiresAt } }`;
const SET_NICKNAME = `mutation ($n: String!) { updateProfile(nickname: $n) { ... on User { id } } }`;

type Row = Array<string | number | null>;

/** The first worksheet's rows as plain values, header first. */
function rowsOf(worksheet: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = [];
  worksheet.eachRow((row) => {
    // row.values is sparse (empty cells are holes) and 1-based.
    const values = Array.from(row.values as Array<ExcelJS.CellValue>).slice(1);
    rows.push(values.map((value) => (value === undefined || value === null ? null : (value as string | number))));
  });
  return rows;
}

async function readXlsx(body: Buffer): Promise<Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return rowsOf(workbook.worksheets[0]);
}

/** Parsed back with exceljs too, every cell kept as the text the file holds. */
async function readCsv(body: Buffer): Promise<Row[]> {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel shows the Chinese text
  const workbook = new ExcelJS.Workbook();
  const worksheet = await workbook.csv.read(Readable.from([body.subarray(3)]), { map: (value: string) => value } as never);
  return rowsOf(worksheet).map((row) => row.map((cell) => (cell === '' ? null : cell)));
}

describe('spreadsheet exports', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date('2026-11-21T12:00:00.000Z'));
  let admin: LoggedIn;
  let communityId: string;
  let joinCode: string;
  let members: Array<LoggedIn & { memberId: string }>;

  beforeAll(async () => {
    env = await createTestEnvironment('exports', { clock });
    ({ owner: admin, communityId, joinCode } = await env.createCommunity('x-owner'));
    members = [];
    for (const [name, nickname] of [
      ['x-zhang', '张三'],
      ['x-li', '李四'],
      ['x-wang', '=SUM(A1:A9)'],
      ['x-zhao', '赵六'],
    ]) {
      const member = await env.join(name, joinCode);
      await member.client.data(SET_NICKNAME, { n: nickname });
      members.push(member);
    }
  });
  afterAll(() => env.close());

  const download = (url: string) => fetch(`${env.url}${url}`);
  const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

  describe('the 接龙 list', () => {
    let groupBuyId: string;
    const expectedRows: Row[] = [
      ['接龙号', '昵称', '数量', '单价（元）', '金额（元）', '备注', '已取货', '接龙时间'],
      [1, '张三', 2, 59.9, 119.8, '要大果', '是', '2026-11-21 20:00'],
      [3, '=SUM(A1:A9)', 1, 59.9, 59.9, '@SUM(1+1)', '否', '2026-11-21 20:00'],
      [4, '赵六', 3, 59.9, 179.7, null, '否', '2026-11-21 20:00'],
    ];

    beforeAll(async () => {
      groupBuyId = (await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { title: '丹东草莓/3斤装', stock: 20 }))).id;
      const zhang = await joinGroupBuy(members[0].client, groupBuyId, 2, '要大果');
      const li = await joinGroupBuy(members[1].client, groupBuyId, 5, '取消了');
      await joinGroupBuy(members[2].client, groupBuyId, 1, '@SUM(1+1)');
      await joinGroupBuy(members[3].client, groupBuyId, 3);
      await members[1].client.data(CANCEL_ENTRY, { e: li.entry.id });
      await admin.client.data(`mutation ($e: ID!) { setEntryPickedUp(entryId: $e, pickedUp: true) { __typename } }`, { e: zhang.entry.id });
    });

    it('XLSX: a link without auth, a Chinese file name, exactly the live entries by 接龙号', async () => {
      const file = (await admin.client.data(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'XLSX' })).exportGroupBuy;
      expect(file.url).toMatch(/^\/exports\/[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(file.filename).toBe('团购接龙-丹东草莓 3斤装-20261121.xlsx');
      expect(new Date(file.expiresAt).getTime()).toBe(clock.now().getTime() + 10 * 60 * 1000);

      const response = await download(file.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('团购接龙-丹东草莓 3斤装-20261121.xlsx')}`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await readXlsx(await body(response))).toEqual(expectedRows);
    });

    it('CSV: the same rows; text that would run as a formula is quoted', async () => {
      const file = (await admin.client.data(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'CSV' })).exportGroupBuy;
      expect(file.filename).toBe('团购接龙-丹东草莓 3斤装-20261121.csv');
      const response = await download(file.url);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = await readCsv(await body(response));
      expect(rows).toEqual(
        expectedRows.map((row, index) =>
          index === 0 ? row : row.map((cell) => (cell === null ? null : typeof cell === 'string' && /^[=@]/.test(cell) ? `'${cell}` : String(cell))),
        ),
      );
    });

    it('the file shows the rows as they are when downloaded', async () => {
      const file = (await admin.client.data(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'XLSX' })).exportGroupBuy;
      await joinGroupBuy(members[1].client, groupBuyId, 1, '又来了');
      const rows = await readXlsx(await body(await download(file.url)));
      expect(rows.map((row) => row[0])).toEqual(['接龙号', 1, 3, 4, 5]);
    });
  });

  describe('sign-ups', () => {
    it('confirmed then the waitlist, one column per field headed by its label; cancelled ones left out', async () => {
      const form = (await admin.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput({ capacity: 2, title: '拉花体验课' }) })).createSignupForm;
      const ids = form.fields.map((field: { id: string }) => field.id);
      const submit = (index: number, overrides: Record<number, Record<string, unknown>> = {}) =>
        members[index].client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(ids, `name-${index}`, overrides) });
      await submit(0);
      await submit(1, { 4: { values: [] }, 5: { value: null }, 6: { value: null } });
      await submit(2, { 2: { value: '3' }, 3: { value: '下午场' } });
      await submit(3, { 4: { values: ['烘焙'] } });
      await members[1].client.data(CANCEL_SIGNUP, { f: form.id });

      const header = ['序号', '昵称', '状态', '姓名', '手机号', '人数', '场次', '感兴趣的', '到店日期', '想说的话', '报名时间'];
      const xlsxFile = (await admin.client.data(EXPORT_SIGNUPS, { f: form.id, x: 'XLSX' })).exportSignupSubmissions;
      expect(xlsxFile.filename).toBe('报名名单-拉花体验课-20261121.xlsx');
      const xlsx = await readXlsx(await body(await download(xlsxFile.url)));
      expect(xlsx).toEqual([
        header,
        [1, '张三', '已报名', 'name-0', '13800138000', 2, '上午场', '拉花、手冲', '2026-12-05', '第一次来', '2026-11-21 20:00'],
        [2, '=SUM(A1:A9)', '已报名', 'name-2', '13800138000', 3, '下午场', '拉花、手冲', '2026-12-05', '第一次来', '2026-11-21 20:00'],
        [3, '赵六', '候补第 1 位', 'name-3', '13800138000', 2, '上午场', '烘焙', '2026-12-05', '第一次来', '2026-11-21 20:00'],
      ]);

      const csvFile = (await admin.client.data(EXPORT_SIGNUPS, { f: form.id, x: 'CSV' })).exportSignupSubmissions;
      const csv = await readCsv(await body(await download(csvFile.url)));
      expect(csv[0]).toEqual(header);
      expect(csv.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[5]])).toEqual([
        ['1', '张三', '已报名', '13800138000', '2'],
        ['2', `'=SUM(A1:A9)`, '已报名', '13800138000', '3'],
        ['3', '赵六', '候补第 1 位', '13800138000', '2'],
      ]);
    });
  });

  describe('links', () => {
    let groupBuyId: string;
    beforeAll(async () => {
      groupBuyId = (await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()))).id;
    });
    const issue = async () => (await admin.client.data(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'XLSX' })).exportGroupBuy as { url: string };
    const token = (url: string) => url.replace('/exports/', '');

    it('expire after ten minutes', async () => {
      const file = await issue();
      clock.advance(10 * 60 * 1000 + 1000);
      try {
        const response = await download(file.url);
        expect(response.status).toBe(410);
        expect(await response.text()).toBe('下载链接已过期，请重新导出');
      } finally {
        clock.set(new Date('2026-11-21T12:00:00.000Z'));
      }
    });

    it('refuse tampered, foreign-signed and session tokens; an export token is no session', async () => {
      const file = await issue();
      const [head, payload, signature] = token(file.url).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forgedPayload = Buffer.from(JSON.stringify({ ...claims, t: claims.t + 1 })).toString('base64url');
      for (const bad of [`${head}.${forgedPayload}.${signature}`, jwt.sign(claims, 'another-secret-0123456789abcdef0123'), admin.token, 'garbage']) {
        const response = await download(`/exports/${bad}`);
        expect(response.status).toBe(404);
        expect(await response.text()).toBe('下载链接无效');
      }
      const asSession = await new GraphQLClient(env.url, token(file.url)).request(`{ me { id } }`);
      expect(asSession.status).toBe(401);
      // Signed with the right secret but for the session audience: still not an export link.
      const { aud: _audience, ...withoutAudience } = claims;
      const sessionShaped = jwt.sign({ ...withoutAudience, iss: 'qunyou' }, TEST_SESSION_SECRET);
      expect((await download(`/exports/${sessionShaped}`)).status).toBe(404);
    });

    it('stop working for someone who is no longer an admin there', async () => {
      const coAdmin = await env.join('x-co-admin', joinCode);
      await admin.client.data(`mutation ($c: ID!, $m: ID!) { setMemberRole(communityId: $c, memberId: $m, role: ADMIN) { __typename } }`, { c: communityId, m: coAdmin.memberId });
      const file = (await coAdmin.client.data(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'CSV' })).exportGroupBuy;
      expect((await download(file.url)).status).toBe(200);
      await admin.client.data(`mutation ($c: ID!, $m: ID!) { setMemberRole(communityId: $c, memberId: $m, role: MEMBER) { __typename } }`, { c: communityId, m: coAdmin.memberId });
      const refused = await download(file.url);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toBe('你已不是该社群的管理员');
    });

    it('members cannot export', async () => {
      const result = await members[0].client.request(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'XLSX' });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const badFormat = await admin.client.request(EXPORT_GROUP_BUY, { g: groupBuyId, f: 'PDF' });
      expect(badFormat.status).toBe(400);
    });
  });
});
