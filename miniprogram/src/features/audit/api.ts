import { graphql } from '@/shared/graphql/client'
import { type Connection, connectionFields } from '@/shared/graphql/connection'
import { type AuditEntry } from '../health/api'

export async function fetchAuditLog(communityId: string, action: string | null, after: string | null): Promise<Connection<AuditEntry>> {
  const data = await graphql<{ auditLog: Connection<AuditEntry> }>(
    `query AuditLog($communityId: ID!, $action: String, $after: String) {
      auditLog(communityId: $communityId, action: $action, first: 30, after: $after) {
        ${connectionFields('id action targetType targetId outcome createdAt detail actor { id nickname }')}
      }
    }`,
    { communityId, action, after },
  )
  return data.auditLog
}
