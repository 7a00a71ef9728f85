import { graphql } from '@/shared/graphql/client'
import { absoluteApiUrl } from '@/shared/graphql/config'
import {
  AdminGroupCodesDocument,
  type AdminGroupCodeFragment,
  CreateGroupCodeDocument,
  type CreateGroupCodeInput,
  GroupCodeH5QrDocument,
  GroupCodeMiniProgramCodeDocument,
  ReplaceGroupQrDocument,
} from './group-code-admin.generated'

export type AdminGroupCode = AdminGroupCodeFragment
export type AdminGroupCodeGroup = AdminGroupCode['groups'][number]
export type { CreateGroupCodeInput }

const withAbsoluteLinks = (code: AdminGroupCode): AdminGroupCode => ({ ...code, groups: code.groups.map((group) => ({ ...group, qrUrl: absoluteApiUrl(group.qrUrl) })) })

/** Admin */
export async function fetchGroupCodes(communityId: string): Promise<AdminGroupCode[]> {
  return (await graphql(AdminGroupCodesDocument, { communityId })).groupCodes.map(withAbsoluteLinks)
}

/** Admin */
export async function createGroupCode(communityId: string, input: CreateGroupCodeInput): Promise<AdminGroupCode> {
  return withAbsoluteLinks((await graphql(CreateGroupCodeDocument, { communityId, input })).createGroupCode)
}

/** Admin: the group's new QR; its scans start again. */
export async function replaceGroupQr(groupId: string, qrMediaId: string, qrExpiresOn: string): Promise<AdminGroupCode> {
  return withAbsoluteLinks((await graphql(ReplaceGroupQrDocument, { groupId, qrMediaId, qrExpiresOn })).replaceGroupQr)
}

/** Admin: the poster's code image of one live code (a QR code of the H5 page when `h5Origin` is given), or why there is none. */
export async function fetchGroupCodePoster(codeId: string, h5Origin: string | null): Promise<{ image: string } | { reason: string }> {
  if (h5Origin) return { image: (await graphql(GroupCodeH5QrDocument, { groupCodeId: codeId, h5Origin })).groupCodeById.qrCodeDataUrl }
  const code = (await graphql(GroupCodeMiniProgramCodeDocument, { groupCodeId: codeId })).groupCodeById.miniProgramCode
  if (code.__typename === 'MiniProgramCode') return { image: code.imageDataUrl }
  return { reason: code.__typename === 'MiniProgramCodeUnavailable' ? code.message : '暂时无法生成小程序码' }
}

/** YYYY-MM-DD `days` after today on this phone. */
export function dateAfter(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000)
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`
}

/** A QR that shows its last day today or tomorrow: the admin should replace it. */
export function expiresSoon(group: AdminGroupCodeGroup): boolean {
  return group.qrExpiresOn <= dateAfter(1)
}
