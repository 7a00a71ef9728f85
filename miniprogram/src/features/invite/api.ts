import { graphql } from '@/shared/graphql/client'
import { MyInviteCodeDocument, MyInviteDocument, MyInviteInWeChatDocument, type MyInviteInWeChatQuery, type MyInviteQuery } from './invite.generated'

/** The caller's personal invite: `url` the mini-program path pages/index/index?c=<code>, its QR and counts. */
export type MyInvite = MyInviteQuery['myInvite'] | MyInviteInWeChatQuery['myInvite']

/**
 * The caller's personal invite. In WeChat (`h5Origin` null) its poster code is WeChat's 小程序码; in the browser
 * build a QR code of the H5 link at `h5Origin`.
 */
export async function fetchMyInvite(communityId: string, h5Origin: string | null): Promise<MyInvite> {
  if (h5Origin === null) return (await graphql(MyInviteInWeChatDocument, { communityId })).myInvite
  return (await graphql(MyInviteDocument, { communityId, h5Origin })).myInvite
}

/** The poster's code image, or why there is none (WeChat refused the 小程序码: the poster says so instead of a broken image). */
export function posterCodeOf(invite: MyInvite): { image: string } | { reason: string } {
  if ('qrCodeDataUrl' in invite) return { image: invite.qrCodeDataUrl }
  const code = invite.miniProgramCode
  if (code?.__typename === 'MiniProgramCode') return { image: code.imageDataUrl }
  return { reason: code?.__typename === 'MiniProgramCodeUnavailable' ? code.message : '暂时无法生成小程序码' }
}

/** Just the caller's invite code (share cards under 邀请制). */
export async function fetchMyInviteCode(communityId: string): Promise<string> {
  const data = await graphql(MyInviteCodeDocument, { communityId })
  return data.myInvite.code
}
