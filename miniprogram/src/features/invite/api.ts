import { graphql } from '@/shared/graphql/client'
import { MyInviteCodeDocument, MyInviteDocument, type MyInviteQuery } from './invite.generated'

/** The caller's personal invite: `url` the mini-program path pages/index/index?c=<code>, its QR and counts. */
export type MyInvite = MyInviteQuery['myInvite']

/** The caller's personal invite; the QR encodes the H5 link when `h5Origin` is given (the browser build). */
export async function fetchMyInvite(communityId: string, h5Origin: string | null): Promise<MyInvite> {
  const data = await graphql(MyInviteDocument, { communityId, h5Origin })
  return data.myInvite
}

/** Just the caller's invite code (share cards under 邀请制). */
export async function fetchMyInviteCode(communityId: string): Promise<string> {
  const data = await graphql(MyInviteCodeDocument, { communityId })
  return data.myInvite.code
}
