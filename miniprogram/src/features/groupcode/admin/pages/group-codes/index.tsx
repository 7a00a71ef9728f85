import { Picker, View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useRef, useState } from 'react'
import { type AdminGroupCode, createGroupCode, dateAfter, fetchGroupCodes, replaceGroupQr } from '@/features/groupcode/admin/api'
import GroupCodeCard from '@/features/groupcode/admin/components/group-code-card'
import GroupRowEditor, { type GroupDraft } from '@/features/groupcode/admin/components/group-row-editor'
import ImagePicker from '@/features/media/components/image-picker'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { messageOf } from '@/shared/graphql/errors'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import FormField from '@/shared/ui/form-field'
import LoadingView from '@/shared/ui/loading-view'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import './index.css'

const emptyGroup = (key: number): GroupDraft => ({ key, name: '', qrMediaId: null, qrExpiresOn: dateAfter(7), switchAfterScans: '180' })

/** Admin 群活码: the live codes with each group's scans and expiry, a new code over several groups, a QR replaced, the poster. */
export default function AdminGroupCodesPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const codes = useQuery(() => fetchGroupCodes(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await codes.refresh()
  })
  const nextKey = useRef(2)
  const [creating, setCreating] = useState(false)
  const [name, setName] = useState('')
  const [groups, setGroups] = useState<GroupDraft[]>([emptyGroup(1)])
  const [saving, setSaving] = useState(false)
  const [replacing, setReplacing] = useState<{ groupId: string; qrMediaId: string | null; qrExpiresOn: string } | null>(null)

  const saved = (code: AdminGroupCode) => codes.setData((list) => [code, ...(list ?? []).filter((c) => c.id !== code.id)])

  const create = async () => {
    if (!name.trim()) return void alertMessage('请填写活码名称', '还不能保存')
    if (groups.some((g) => !g.name.trim() || !g.qrMediaId)) return void alertMessage('每个群都需要群名称和群二维码', '还不能保存')
    setSaving(true)
    try {
      const input = {
        name: name.trim(),
        groups: groups.map((g) => ({ name: g.name.trim(), qrMediaId: g.qrMediaId!, qrExpiresOn: g.qrExpiresOn, switchAfterScans: Number(g.switchAfterScans) || null })),
      }
      saved(await createGroupCode(communityId, input))
      setCreating(false)
      setName('')
      setGroups([emptyGroup(nextKey.current++)])
      toastSuccess('活码已创建')
    } catch (caught) {
      void alertMessage(messageOf(caught), '创建失败')
    } finally {
      setSaving(false)
    }
  }

  const replace = async () => {
    if (!replacing?.qrMediaId) return void alertMessage('请上传新的群二维码', '还不能保存')
    setSaving(true)
    try {
      saved(await replaceGroupQr(replacing.groupId, replacing.qrMediaId, replacing.qrExpiresOn))
      setReplacing(null)
      toastSuccess('二维码已更换，扫码次数从 0 开始')
    } catch (caught) {
      void alertMessage(messageOf(caught), '更换失败')
    } finally {
      setSaving(false)
    }
  }

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page qy-group-codes'>
          {replacing && (
            <View className='qy-card qy-group-codes__replace'>
              <View className='qy-section-title'>更换群二维码</View>
              <FormField label='新的群二维码' required>
                <ImagePicker communityId={communityId} purpose='GROUP_QR' max={1} label='上传新的群二维码' onChange={(images) => setReplacing({ ...replacing, qrMediaId: images[0]?.id ?? null })} />
              </FormField>
              <FormField label='二维码有效期至' required>
                <Picker mode='date' value={replacing.qrExpiresOn} onChange={(event) => setReplacing({ ...replacing, qrExpiresOn: String(event.detail.value) })}>
                  <View className='qy-field__input qy-group-codes__date' ariaLabel='新二维码的有效期'>
                    {replacing.qrExpiresOn}
                  </View>
                </Picker>
              </FormField>
              <ActionButton loading={saving} onClick={() => void replace()}>
                保存新二维码
              </ActionButton>
              <ActionButton variant='plain' onClick={() => setReplacing(null)}>
                取消
              </ActionButton>
            </View>
          )}

          {creating ? (
            <View className='qy-group-codes__form'>
              <View className='qy-section-title'>新建活码</View>
              <View className='qy-card'>
                <FormField label='活码名称' required hint='扫码的人会看到它'>
                  <Input className='qy-field__input' value={name} maxlength={40} placeholder='例如：读书会进群' label='活码名称' onInput={(event) => setName(event.detail.value)} />
                </FormField>
              </View>
              {groups.map((draft, index) => (
                <GroupRowEditor
                  key={draft.key}
                  communityId={communityId}
                  index={index}
                  draft={draft}
                  onChange={(changed) => setGroups((list) => list.map((g) => (g.key === draft.key ? changed : g)))}
                  onRemove={groups.length > 1 ? () => setGroups((list) => list.filter((g) => g.key !== draft.key)) : undefined}
                />
              ))}
              {groups.length < 20 && (
                <ActionButton variant='secondary' onClick={() => setGroups((list) => [...list, emptyGroup(nextKey.current++)])}>
                  再加一个群
                </ActionButton>
              )}
              <ActionButton loading={saving} onClick={() => void create()}>
                创建活码
              </ActionButton>
              <ActionButton variant='plain' onClick={() => setCreating(false)}>
                取消
              </ActionButton>
            </View>
          ) : (
            <ActionButton onClick={() => setCreating(true)}>新建活码</ActionButton>
          )}

          <View className='qy-section-title'>我的活码</View>
          {codes.loading && <LoadingView />}
          {codes.error && <ErrorView message={codes.error.message} onRetry={codes.reload} />}
          {codes.data?.length === 0 && <EmptyView title='还没有活码' description='一个活码可以放多个群，满员或过期自动切换到下一个群' />}
          {codes.data?.map((code) => (
            <GroupCodeCard key={code.id} code={code} onReplace={(groupId) => setReplacing({ groupId, qrMediaId: null, qrExpiresOn: dateAfter(7) })} />
          ))}
        </View>
      )}
    </AdminGate>
  )
}
