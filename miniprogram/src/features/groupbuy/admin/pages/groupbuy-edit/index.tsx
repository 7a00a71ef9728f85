import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { fetchGroupBuy } from '@/features/groupbuy/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import GroupBuyForm from '@/features/groupbuy/admin/components/groupbuy-form'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/shared/hooks/useEditableCopy'
import { type GroupBuySaveMode, useGroupBuySave } from '@/features/groupbuy/admin/hooks/useGroupBuySave'
import { checkGroupBuyForm, emptyGroupBuyForm, groupBuyForm } from '@/features/groupbuy/admin/groupbuy-form'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import NoticeBar from '@/shared/ui/notice-bar'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { routes } from '@/shared/routes'
import './index.css'
import { redirectTo } from '@/platform/navigation'
import { setPageTitle } from '@/platform/page'

const DONE_TEXT: Record<GroupBuySaveMode, string> = { draft: '草稿已保存', publish: '已发布', update: '已保存' }

export default function GroupBuyEditPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const groupBuyId = useRouter().params.groupBuyId ?? null
  const source = useQuery(async () => (groupBuyId ? fetchGroupBuy(groupBuyId) : null), [groupBuyId], { enabled: admin.allowed })
  const [form, setForm] = useEditableCopy(source.data, (groupBuy) => (groupBuy ? groupBuyForm(groupBuy) : emptyGroupBuyForm()))
  const [showErrors, setShowErrors] = useState(false)
  const existing = source.data ?? null

  useEffect(() => {
    setPageTitle(groupBuyId ? '编辑团购' : '发布团购')
  }, [groupBuyId])

  const { saving, save } = useGroupBuySave(communityId, existing, (saved, mode) => {
    toastSuccess(DONE_TEXT[mode])
    setTimeout(() => redirectTo(routes.adminGroupBuyManage(communityId, saved.id)), 800)
  })

  const checked = form ? checkGroupBuyForm(form) : null
  const submit = (mode: GroupBuySaveMode) => {
    setShowErrors(true)
    if (!checked?.input) {
      void alertMessage('有内容没有填好，请按红色提示修改', '还不能保存')
      return
    }
    void save(checked.input, mode)
  }
  const editable = !existing || existing.status === 'DRAFT' || existing.status === 'OPEN'

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page qy-gb-edit'>
          {source.loading && <LoadingView />}
          {source.error && <ErrorView message={source.error.message} onRetry={source.reload} />}
          {groupBuyId && source.data === null && <EmptyView icon='团' tone='gray' title='没有找到这个团购' />}
          {existing && !editable && <NoticeBar tone='warning' title='团购已结束，不能再修改' />}
          {existing?.status === 'OPEN' && (
            <NoticeBar tone='info' title='团购进行中' description={`已接龙 ${existing.soldQuantity} 份，库存不能少于这个数。`} />
          )}
          {form && editable && (groupBuyId === null || existing) && (
            <>
              <GroupBuyForm form={form} errors={showErrors ? checked?.errors ?? {} : {}} onChange={setForm} />
              <View className='qy-gb-edit__actions'>
                {existing?.status === 'OPEN' ? (
                  <ActionButton loading={saving === 'update'} onClick={() => submit('update')}>
                    保存修改
                  </ActionButton>
                ) : (
                  <>
                    <ActionButton variant='secondary' loading={saving === 'draft'} disabled={saving === 'publish'} onClick={() => submit('draft')}>
                      保存草稿
                    </ActionButton>
                    <ActionButton className='qy-gb-edit__publish' loading={saving === 'publish'} disabled={saving === 'draft'} onClick={() => submit('publish')}>
                      立即发布
                    </ActionButton>
                  </>
                )}
              </View>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
