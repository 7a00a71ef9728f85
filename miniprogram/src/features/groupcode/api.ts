import { graphql } from '@/shared/graphql/client'
import { absoluteApiUrl } from '@/shared/graphql/config'
import { safeDecode } from '@/platform/share'
import { GroupCodeViewDocument, type GroupCodeViewQuery } from './group-code.generated'

export type GroupCodeView = NonNullable<GroupCodeViewQuery['groupCode']>

/** The live code's current group (its QR link made absolute); null for a link that leads nowhere. */
export async function fetchGroupCodeView(slug: string): Promise<GroupCodeView | null> {
  const { groupCode } = await graphql(GroupCodeViewDocument, { slug })
  if (!groupCode) return null
  return groupCode.current ? { ...groupCode, current: { ...groupCode.current, qrUrl: absoluteApiUrl(groupCode.current.qrUrl) } } : groupCode
}

/** The slug a page was opened with: `?s=<slug>` from links, or `?scene=g%3D<slug>` from the poster's 小程序码. */
export function slugFromParams(params: Partial<Record<string, string>>): string | null {
  if (params.s) return safeDecode(params.s).trim() || null
  if (params.scene) return /(?:^|&)g=([^&]+)/.exec(safeDecode(params.scene))?.[1] ?? null
  return null
}
