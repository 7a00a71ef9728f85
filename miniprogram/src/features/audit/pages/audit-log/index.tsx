import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import { fetchAuditLog } from '@/features/audit/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { AUDIT_FILTERS, auditActionLabel, auditTargetLabel } from '@/features/audit/labels'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import StatusTabs from '@/shared/ui/status-tabs'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { useCursorList } from '@/shared/hooks/useCursorList'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

/** 操作日志: every admin action — who, what, when, on what, and how it ended. */
export default function AuditLogPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const [filter, setFilter] = useState('ALL')
  const log = useCursorList((after) => fetchAuditLog(communityId, filter === 'ALL' ? null : filter, after), [communityId, filter], { enabled: admin.isAdmin })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.isAdmin) await log.refresh()
  })
  useReachBottom(() => void log.loadMore())

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <StatusTabs tabs={AUDIT_FILTERS} value={filter} onChange={setFilter} />
          {log.loading && <LoadingView />}
          {log.error && <ErrorView message={log.error.message} onRetry={log.reload} />}
          {!log.loading && !log.error && log.items?.length === 0 && <EmptyView icon='记' tone='gray' title='暂无记录' description='管理员的每一次操作都会记在这里。' />}
          {log.items?.map((entry) => (
            <View key={entry.id} className='qy-card qy-audit-row'>
              <View className='qy-audit-row__head'>
                <View className='qy-audit-row__action'>{auditActionLabel(entry.action)}</View>
                <View className={`qy-tag ${entry.outcome === 'OK' ? '' : 'qy-tag--warning'}`}>{entry.outcome === 'OK' ? '成功' : `未完成 · ${entry.outcome}`}</View>
              </View>
              <View className='qy-audit-row__meta'>
                {entry.actor.nickname || ANONYMOUS_NICKNAME} · {auditTargetLabel(entry)}
              </View>
              <View className='qy-muted'>{formatDateTime(entry.createdAt)}</View>
            </View>
          ))}
          {(log.items?.length ?? 0) > 0 && <ListFooter loadingMore={log.loadingMore} error={log.loadMoreError} hasNextPage={log.hasNextPage} onRetry={() => void log.loadMore()} />}
        </View>
      )}
    </AdminGate>
  )
}
