import { Picker, View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import ImagePicker from '@/features/media/components/image-picker'
import FormField from '@/shared/ui/form-field'

export interface GroupDraft {
  key: number
  name: string
  qrMediaId: string | null
  qrExpiresOn: string
  switchAfterScans: string
}

interface GroupRowEditorProps {
  communityId: string
  index: number
  draft: GroupDraft
  onChange: (draft: GroupDraft) => void
  onRemove?: () => void
}

/** One WeChat group of a live code being written: its name, QR upload, the QR's expiry and the scans that switch to the next. */
export default function GroupRowEditor({ communityId, index, draft, onChange, onRemove }: GroupRowEditorProps) {
  const set = (values: Partial<GroupDraft>) => onChange({ ...draft, ...values })
  return (
    <View className='qy-card qy-group-codes__draft'>
      <View className='qy-group-codes__draft-head'>
        <View className='qy-group-codes__draft-title'>第 {index + 1} 个群</View>
        {onRemove && (
          <View className='qy-group-codes__link' onClick={onRemove}>
            删除
          </View>
        )}
      </View>
      <FormField label='群名称' required>
        <Input className='qy-field__input' value={draft.name} maxlength={40} placeholder='例如：读书会一群' label={`第 ${index + 1} 个群的群名称`} onInput={(event) => set({ name: event.detail.value })} />
      </FormField>
      <FormField label='群二维码' required hint='在微信群聊信息里保存群二维码图片后上传'>
        <ImagePicker communityId={communityId} purpose='GROUP_QR' max={1} label='上传群二维码' onChange={(images) => set({ qrMediaId: images[0]?.id ?? null })} />
      </FormField>
      <FormField label='二维码有效期至' required hint='微信群二维码 7 天内有效；到期当天起不再展示'>
        <Picker mode='date' value={draft.qrExpiresOn} onChange={(event) => set({ qrExpiresOn: String(event.detail.value) })}>
          <View className='qy-field__input qy-group-codes__date' ariaLabel={`第 ${index + 1} 个群的二维码有效期`}>
            {draft.qrExpiresOn}
          </View>
        </Picker>
      </FormField>
      <FormField label='扫码多少次后切换到下一个群' hint='默认 180（微信群满 200 人后不能扫码进群）'>
        <Input className='qy-field__input' type='number' value={draft.switchAfterScans} label={`第 ${index + 1} 个群的切换次数`} onInput={(event) => set({ switchAfterScans: event.detail.value })} />
      </FormField>
    </View>
  )
}
