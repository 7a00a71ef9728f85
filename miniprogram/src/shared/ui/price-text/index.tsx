import { View } from '@tarojs/components'
import { fenToYuan } from '@/shared/format/money'
import './index.css'

interface PriceTextProps {
  priceFen: number
  originalPriceFen?: number | null
  size?: 'medium' | 'large'
}

/** ¥12.8 with the original price struck through when it is higher. */
export default function PriceText({ priceFen, originalPriceFen, size = 'medium' }: PriceTextProps) {
  return (
    <View className={`qy-price qy-price--${size}`}>
      <View className='qy-price__now'>
        <View className='qy-price__symbol'>¥</View>
        {fenToYuan(priceFen)}
      </View>
      {originalPriceFen != null && originalPriceFen > priceFen && (
        <View className='qy-price__original'>¥{fenToYuan(originalPriceFen)}</View>
      )}
    </View>
  )
}
