import type { ExportFile, ExportFormat } from '@/features/exports/api'
import { graphql } from '@/shared/graphql/client'
import {
  CommunityDashboardDocument,
  type CommunityDashboardQuery,
  type CommunityStatsFieldsFragment,
  DormantMembersDocument,
  type DormantMembersQuery,
  ExportCommunityStatsDocument,
  GrantCouponDocument,
  type GrantCouponMutation,
  RemoveMembersDocument,
  type RemoveMembersMutation,
} from './health.generated'

/** Community health (admin): the dashboard's numbers, dormant members and the wake-up actions. */
export type CommunityStats = CommunityStatsFieldsFragment
export type CommunityDayStats = CommunityStats['days'][number]
export type DormantSummary = CommunityDashboardQuery['dormantSummary']
export type DormantConnection = DormantMembersQuery['dormantMembers']
export type DormantMember = DormantConnection['edges'][number]['node']
/** CouponsGranted, or a refusal (stock, inactive template …) */
export type GrantCouponResult = GrantCouponMutation['grantCoupon']
export type RemoveMembersResult = RemoveMembersMutation['removeMembers']

/** The dashboard in one request: the range's stats and the dormant buckets. */
export async function fetchDashboard(communityId: string, from: string, to: string): Promise<{ stats: CommunityStats; dormant: DormantSummary }> {
  const data = await graphql(CommunityDashboardDocument, { communityId, from, to })
  return { stats: data.communityStats, dormant: data.dormantSummary }
}

export async function exportCommunityStats(communityId: string, from: string, to: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql(ExportCommunityStatsDocument, { communityId, from, to, format })
  return data.exportCommunityStats
}

export async function fetchDormantMembers(communityId: string, days: number, after: string | null): Promise<DormantConnection> {
  const data = await graphql(DormantMembersDocument, { communityId, days, after })
  return data.dormantMembers
}

export async function grantCoupon(communityId: string, templateId: string, memberIds: string[], requestId: string): Promise<GrantCouponResult> {
  const data = await graphql(GrantCouponDocument, { communityId, templateId, memberIds, requestId })
  return data.grantCoupon
}

export async function removeMembers(communityId: string, memberIds: string[]): Promise<RemoveMembersResult> {
  const data = await graphql(RemoveMembersDocument, { communityId, memberIds })
  return data.removeMembers
}
