import { View } from '@tarojs/components'
import { useState } from 'react'
import { type ApplicationStatus } from '@/features/questionnaire/api'
import { fetchApplications } from '@/features/questionnaire/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import ApplicationCard from '@/features/questionnaire/admin/components/application-card'
import ReasonSheet from '@/features/questionnaire/admin/components/reason-sheet'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useApplicationReview } from '@/features/questionnaire/admin/hooks/useApplicationReview'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import StatusTabs from '@/shared/ui/status-tabs'
import { feeText } from '@/features/payment/labels'
import { APPLICATION_STATUS_TABS, REJECT_REASON_MAX } from '@/features/questionnaire/labels'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'

const EMPTY_TEXT: Record<ApplicationStatus, string> = {
  PENDING: '没有待审核的申请',
  APPROVED: '还没有通过的申请',
  REJECTED: '还没有拒绝过申请',
}

export default function ApplicationsPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const [status, setStatus] = useState<ApplicationStatus>('PENDING')
  const applications = useQuery(() => fetchApplications(communityId, status), [communityId, status], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await applications.refresh()
  })
  const review = useApplicationReview(() => void applications.refresh())

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <StatusTabs tabs={APPLICATION_STATUS_TABS} value={status} onChange={setStatus} />
          {applications.loading && <LoadingView />}
          {applications.error && <ErrorView message={applications.error.message} onRetry={applications.reload} />}
          {applications.data?.length === 0 && <EmptyView icon='审' tone='gray' title='暂无申请' description={EMPTY_TEXT[status]} />}
          {applications.data?.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              busy={review.busyId === application.id}
              onApprove={() => void review.approve(application)}
              onReject={() => review.startReject(application)}
            />
          ))}
          {review.rejecting && (
            <ReasonSheet
              title={`拒绝「${review.rejecting.member.nickname ?? '这位申请人'}」`}
              placeholder='写一句原因，申请人会看到，例如：本群仅限本小区业主加入'
              notice={
                review.rejecting.member.entryPayment?.status === 'PAID'
                  ? `对方已付入群费 ${feeText(review.rejecting.member.entryPayment.amountFen)}，拒绝后将原路退回，对方需重新加入`
                  : undefined
              }
              confirmText='确认拒绝'
              maxLength={REJECT_REASON_MAX}
              busy={review.busyId === review.rejecting.id}
              onConfirm={(reason) => void review.reject(reason)}
              onClose={review.cancelReject}
            />
          )}
        </View>
      )}
    </AdminGate>
  )
}
