import { View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import { useRef, useState } from 'react'
import { chooseImages } from '@/platform/media'
import { previewImages } from '@/platform/page'
import { type MediaPurpose, type UploadedImage, UploadFailed, uploadImage } from '@/features/media/api'
import { absoluteApiUrl } from '@/shared/graphql/config'
import './index.css'

interface Slot {
  key: number
  localPath: string
  percent: number
  image: UploadedImage | null
  error: string | null
}

interface ImagePickerProps {
  communityId: string
  purpose: MediaPurpose
  /** At most this many photos (9 for a post). */
  max: number
  /** The uploaded images, in order, each time one finishes or is removed. */
  onChange: (images: UploadedImage[]) => void
  label?: string
}

/**
 * Photos to go with what the member writes: pick (album or camera), compressed and uploaded at once with a
 * progress ring, a failed one retried with a tap, a finished one previewed full screen or removed.
 */
export default function ImagePicker({ communityId, purpose, max, onChange, label = '添加图片' }: ImagePickerProps) {
  const [slots, setSlots] = useState<Slot[]>([])
  const nextKey = useRef(1)
  const latest = useRef<Slot[]>([])

  const update = (change: (current: Slot[]) => Slot[]) => {
    latest.current = change(latest.current)
    setSlots(latest.current)
    onChange(latest.current.flatMap((slot) => (slot.image ? [slot.image] : [])))
  }
  const patch = (key: number, values: Partial<Slot>) => update((current) => current.map((slot) => (slot.key === key ? { ...slot, ...values } : slot)))

  const send = async (slot: Slot) => {
    patch(slot.key, { percent: 0, error: null })
    try {
      const image = await uploadImage(slot.localPath, { communityId, purpose }, (percent) => patch(slot.key, { percent }))
      patch(slot.key, { image, percent: 100 })
    } catch (error) {
      patch(slot.key, { error: error instanceof UploadFailed ? error.message : '上传失败，请重试' })
    }
  }

  const add = async () => {
    const paths = await chooseImages(max - latest.current.length)
    const added = paths.slice(0, max - latest.current.length).map((localPath) => ({ key: nextKey.current++, localPath, percent: 0, image: null, error: null }))
    update((current) => [...current, ...added])
    await Promise.all(added.map(send))
  }

  const remove = (key: number) => update((current) => current.filter((slot) => slot.key !== key))
  const uploadedUrls = slots.flatMap((slot) => (slot.image ? [absoluteApiUrl(slot.image.url)] : []))

  return (
    <View className='qy-image-picker'>
      {slots.map((slot, index) => (
        <View key={slot.key} className='qy-image-picker__slot'>
          <Image
            className='qy-image-picker__image'
            src={slot.image ? absoluteApiUrl(slot.image.thumbnailUrl) : slot.localPath}
            mode='aspectFill'
            alt={`第 ${index + 1} 张图片`}
            onClick={() => slot.image && previewImages(absoluteApiUrl(slot.image.url), uploadedUrls)}
          />
          {!slot.image && !slot.error && <View className='qy-image-picker__progress'>{slot.percent}%</View>}
          {slot.error && (
            <View className='qy-image-picker__failed' role='button' ariaLabel={`重试上传：${slot.error}`} onClick={() => void send(slot)}>
              <View>上传失败</View>
              <View className='qy-image-picker__retry'>点击重试</View>
            </View>
          )}
          <View className='qy-image-picker__remove' role='button' ariaLabel={`删除第 ${index + 1} 张图片`} onClick={() => remove(slot.key)}>
            ×
          </View>
        </View>
      ))}
      {slots.length < max && (
        <View className='qy-image-picker__add' role='button' ariaLabel={label} onClick={() => void add()}>
          <View className='qy-image-picker__plus'>+</View>
          <View className='qy-image-picker__add-label'>{label}</View>
        </View>
      )}
    </View>
  )
}
