import { View } from '@tarojs/components'
import { Image, Input, Textarea } from '@/shared/ui/form-controls'
import FormField from '@/shared/ui/form-field'
import {
  GROUP_BUY_DESCRIPTION_MAX,
  GROUP_BUY_IMAGES_MAX,
  GROUP_BUY_PICKUP_NOTE_MAX,
  GROUP_BUY_TITLE_MAX,
} from '@/features/groupbuy/labels'
import type { GroupBuyForm as Form, GroupBuyFormErrors } from '@/features/groupbuy/admin/groupbuy-form'
import DateTimePicker from '@/shared/ui/datetime-picker'
import RowsEditor from '@/shared/ui/rows-editor'
import './index.css'

interface GroupBuyFormProps {
  form: Form
  errors: GroupBuyFormErrors
  onChange: (form: Form) => void
}

type TextKey = 'title' | 'description' | 'price' | 'originalPrice' | 'stock' | 'perMemberLimit' | 'minParticipants' | 'pickupNote'

/** What members see of a group-buy, its money (yuan here, fen when sent), stock and window. */
export default function GroupBuyForm({ form, errors, onChange }: GroupBuyFormProps) {
  const set = (key: TextKey) => (event: { detail: { value: string } }) => onChange({ ...form, [key]: event.detail.value })
  const previews = form.images.map((row) => (row.url ?? '').trim()).filter((url) => /^https?:\/\//.test(url))

  return (
    <View className='qy-gb-form'>
      <View className='qy-card'>
        <FormField label='团购标题' required error={errors.title} counter={`${form.title.trim().length}/${GROUP_BUY_TITLE_MAX}`}>
          <Input
            className='qy-field__input qy-gb-form__title'
            value={form.title}
            maxlength={GROUP_BUY_TITLE_MAX}
            placeholder='例如：阳光玫瑰青提 2 斤装'
            onInput={set('title')}
          />
        </FormField>
        <FormField label='商品介绍' error={errors.description} counter={`${form.description.length}/${GROUP_BUY_DESCRIPTION_MAX}`}>
          <Textarea
            className='qy-field__textarea'
            value={form.description}
            maxlength={GROUP_BUY_DESCRIPTION_MAX}
            placeholder='产地、规格、口感……'
            onInput={set('description')}
          />
        </FormField>
        <FormField label='商品图片' error={errors.images} hint={`填写图片链接，第一张作为封面，最多 ${GROUP_BUY_IMAGES_MAX} 张`}>
          <RowsEditor
            columns={[{ key: 'url', label: '图片链接', type: 'text', placeholder: 'https://…' }]}
            rows={form.images}
            onChange={(images) => onChange({ ...form, images })}
            newRow={() => ({ url: '' })}
            addLabel='添加图片'
            maxRows={GROUP_BUY_IMAGES_MAX}
          />
          {previews.length > 0 && (
            <View className='qy-gb-form__previews'>
              {previews.map((url, index) => (
                <Image key={`${url}-${index}`} className='qy-gb-form__preview' src={url} mode='aspectFill' alt={`图片预览 ${index + 1}`} />
              ))}
            </View>
          )}
        </FormField>
      </View>

      <View className='qy-card'>
        <View className='qy-gb-form__pair'>
          <FormField label='团购价（元）' required error={errors.price}>
            <Input className='qy-field__input qy-gb-form__price' type='digit' value={form.price} placeholder='19.9' onInput={set('price')} />
          </FormField>
          <FormField label='原价（元）' error={errors.originalPrice}>
            <Input className='qy-field__input qy-gb-form__original' type='digit' value={form.originalPrice} placeholder='选填' onInput={set('originalPrice')} />
          </FormField>
        </View>
        <View className='qy-gb-form__pair'>
          <FormField label='库存（份）' required error={errors.stock}>
            <Input className='qy-field__input qy-gb-form__stock' type='number' value={form.stock} placeholder='100' onInput={set('stock')} />
          </FormField>
          <FormField label='每人限购（份）' error={errors.perMemberLimit}>
            <Input className='qy-field__input qy-gb-form__limit' type='number' value={form.perMemberLimit} placeholder='不限' onInput={set('perMemberLimit')} />
          </FormField>
        </View>
        <FormField label='成团人数' required error={errors.minParticipants} hint='截团时参与人数达到这个数即成团，否则未成团'>
          <Input className='qy-field__input qy-gb-form__min' type='number' value={form.minParticipants} onInput={set('minParticipants')} />
        </FormField>
      </View>

      <View className='qy-card'>
        <FormField label='开团时间' required error={errors.starts}>
          <DateTimePicker value={form.starts} onChange={(starts) => onChange({ ...form, starts })} />
        </FormField>
        <FormField label='截团时间' required error={errors.ends} hint='到点自动截团并判定是否成团'>
          <DateTimePicker value={form.ends} onChange={(ends) => onChange({ ...form, ends })} />
        </FormField>
        <FormField label='取货说明' error={errors.pickupNote} counter={`${form.pickupNote.length}/${GROUP_BUY_PICKUP_NOTE_MAX}`}>
          <Textarea
            className='qy-field__textarea qy-gb-form__pickup'
            value={form.pickupNote}
            maxlength={GROUP_BUY_PICKUP_NOTE_MAX}
            placeholder='例如：周六 10:00–18:00 到店自提，取货时付款'
            onInput={set('pickupNote')}
          />
        </FormField>
      </View>
    </View>
  )
}
