import { graphql } from '@/shared/graphql/client'
import { AuditLogDocument, type AuditLogQuery } from './audit.generated'

export type AuditLogPage = AuditLogQuery['auditLog']
export type AuditEntry = AuditLogPage['edges'][number]['node']

export async function fetchAuditLog(communityId: string, action: string | null, after: string | null): Promise<AuditLogPage> {
  const data = await graphql(AuditLogDocument, { communityId, action, after })
  return data.auditLog
}
