import { Swiper, SwiperItem, View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import './index.css'
import { previewImages } from '@/platform/page'

/** The images, swiped; a tap opens the full-screen preview. */
export default function GroupBuyGallery({ images }: { images: string[] }) {
  if (images.length === 0) return <View className='qy-gallery qy-gallery--empty'>团</View>
  const preview = (current: string) => previewImages(current, images)
  return (
    <Swiper
      className='qy-gallery'
      indicatorDots={images.length > 1}
      indicatorColor='rgba(255,255,255,0.5)'
      indicatorActiveColor='#ffffff'
      circular={images.length > 1}
    >
      {images.map((url, index) => (
        <SwiperItem key={url}>
          <Image className='qy-gallery__image' src={url} mode='aspectFill' alt={`商品图片 ${index + 1}/${images.length}`} onClick={() => preview(url)} />
        </SwiperItem>
      ))}
    </Swiper>
  )
}
