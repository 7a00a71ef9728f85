import { graphql } from '@/shared/graphql/client'
import { type Connection, connectionFields } from '@/shared/graphql/connection'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { EXPORT_FILE_FIELDS, type ExportFile, type ExportFormat } from '@/features/exports/api'

/** Community health (admin): the dashboard's numbers, dormant members and the wake-up actions. */
export interface CommunityDayStats {
  date: string
  checkIns: number
  activeMembers: number
  newMembers: number
  pointsIssued: number
  pointsSpent: number
  couponsIssued: number
  couponsUsed: number
}

export interface CommunityStats {
  from: string
  to: string
  totalMembers: number
  newMembers: number
  activeMembers: number
  checkIns: number
  checkInRate: number
  retention7: number | null
  pointsIssued: number
  pointsSpent: number
  couponsIssued: number
  couponsUsed: number
  redemptionRate: number | null
  groupBuyParticipants: number
  groupBuyAmountFen: number
  signups: number
  pendingApplications: number
  /** joined through a personal invite */
  joinsByInvite: number
  days: CommunityDayStats[]
}

export interface DormantSummary {
  silent7: number
  silent15: number
  silent30: number
}

export interface DormantMember {
  lastActiveAt: string | null
  silentDays: number
  member: { id: string; nickname: string | null; avatarUrl: string | null }
}

export type DormantConnection = Connection<DormantMember> & { totalCount: number }

const STATS_FIELDS = `from to totalMembers newMembers activeMembers checkIns checkInRate retention7 pointsIssued pointsSpent
  couponsIssued couponsUsed redemptionRate groupBuyParticipants groupBuyAmountFen signups pendingApplications joinsByInvite
  days { date checkIns activeMembers newMembers pointsIssued pointsSpent couponsIssued couponsUsed }`

/** The dashboard in one request: the range's stats and the dormant buckets. */
export async function fetchDashboard(communityId: string, from: string, to: string): Promise<{ stats: CommunityStats; dormant: DormantSummary }> {
  const data = await graphql<{ communityStats: CommunityStats; dormantSummary: DormantSummary }>(
    `query CommunityDashboard($communityId: ID!, $from: String!, $to: String!) {
      communityStats(communityId: $communityId, from: $from, to: $to) { ${STATS_FIELDS} }
      dormantSummary(communityId: $communityId) { silent7 silent15 silent30 }
    }`,
    { communityId, from, to },
  )
  return { stats: data.communityStats, dormant: data.dormantSummary }
}

export async function exportCommunityStats(communityId: string, from: string, to: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql<{ exportCommunityStats: ExportFile }>(
    `mutation ExportCommunityStats($communityId: ID!, $from: String!, $to: String!, $format: ExportFormat!) {
      exportCommunityStats(communityId: $communityId, from: $from, to: $to, format: $format) { ${EXPORT_FILE_FIELDS} }
    }`,
    { communityId, from, to, format },
  )
  return data.exportCommunityStats
}

export async function fetchDormantMembers(communityId: string, days: number, after: string | null): Promise<DormantConnection> {
  const data = await graphql<{ dormantMembers: DormantConnection }>(
    `query DormantMembers($communityId: ID!, $days: Int!, $after: String) {
      dormantMembers(communityId: $communityId, days: $days, first: 50, after: $after) {
        totalCount ${connectionFields('lastActiveAt silentDays member { id nickname avatarUrl }')}
      }
    }`,
    { communityId, days, after },
  )
  return data.dormantMembers
}

export interface CouponsGranted {
  __typename: 'CouponsGranted'
  grantedCount: number
  template: { title: string }
}

export async function grantCoupon(communityId: string, templateId: string, memberIds: string[], requestId: string): Promise<CouponsGranted | ErrorResult> {
  const data = await graphql<{ grantCoupon: CouponsGranted | ErrorResult }>(
    `mutation GrantCoupon($communityId: ID!, $templateId: ID!, $memberIds: [ID!]!, $requestId: String!) {
      grantCoupon(communityId: $communityId, templateId: $templateId, memberIds: $memberIds, requestId: $requestId) {
        ${ERROR_RESULT_FIELDS} ... on CouponsGranted { grantedCount template { title } }
      }
    }`,
    { communityId, templateId, memberIds, requestId },
  )
  return data.grantCoupon
}

export interface MembersRemoved {
  __typename: 'MembersRemoved'
  removedCount: number
}

export async function removeMembers(communityId: string, memberIds: string[]): Promise<MembersRemoved | ErrorResult> {
  const data = await graphql<{ removeMembers: MembersRemoved | ErrorResult }>(
    `mutation RemoveMembers($communityId: ID!, $memberIds: [ID!]!) {
      removeMembers(communityId: $communityId, memberIds: $memberIds) { ${ERROR_RESULT_FIELDS} ... on MembersRemoved { removedCount } }
    }`,
    { communityId, memberIds },
  )
  return data.removeMembers
}

export interface AuditEntry {
  id: string
  action: string
  targetType: string | null
  targetId: string | null
  outcome: string
  createdAt: string
  detail: Record<string, unknown> | null
  actor: { id: string; nickname: string | null }
}
