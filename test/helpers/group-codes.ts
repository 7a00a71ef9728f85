import type { TestEnvironment } from './test-env';
import { pngImage, upload } from './media';

export const CREATE_GROUP_CODE = `mutation ($c: ID!, $i: CreateGroupCodeInput!) { createGroupCode(communityId: $c, input: $i) {
  id slug name path exhausted groups { id name scans qrExpiresOn switchAfterScans qrUrl } } }`;
export const GROUP_CODES = `query ($c: ID!) { groupCodes(communityId: $c) { id slug name exhausted groups { id name scans qrExpiresOn switchAfterScans } } }`;
export const VIEW_GROUP_CODE = `query ($s: String!) { groupCode(slug: $s) { name exhausted current { name qrUrl } } }`;
export const REPLACE_GROUP_QR = `mutation ($g: ID!, $m: ID!, $d: String!) { replaceGroupQr(groupId: $g, qrMediaId: $m, qrExpiresOn: $d) { id groups { id name scans qrExpiresOn } } }`;
export const GROUP_CODE_STATS = `query ($id: ID!, $days: Int) { groupCodeStats(groupCodeId: $id, days: $days) { day groupId groupName views } }`;

/** A GROUP_QR upload of `token`'s user in the community; its media id. */
export async function uploadGroupQr(env: TestEnvironment, token: string, communityId: string, purpose = 'GROUP_QR'): Promise<string> {
  const answer = await upload(env.url, token, { communityId, purpose, files: [{ bytes: await pngImage(64, 64), filename: 'qr.png', type: 'image/png' }] });
  if (answer.status !== 201) throw new Error(`upload failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** How many messages of a kind exist about a row. */
export async function messagesAbout(env: TestEnvironment, kind: string, refId: string | number): Promise<Array<{ memberId: number; state: string; dedupeKey: string }>> {
  return env
    .em()
    .getConnection()
    .execute(`select member_id as "memberId", state, dedupe_key as "dedupeKey" from notification_message where kind = ? and ref_id = ? order by id`, [kind, Number(refId)]);
}
