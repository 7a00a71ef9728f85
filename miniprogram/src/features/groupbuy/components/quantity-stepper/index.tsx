import { View } from '@tarojs/components'
import './index.css'

interface QuantityStepperProps {
  value: number
  min?: number
  max: number
  onChange: (value: number) => void
}

/** − n + within [min, max]. */
export default function QuantityStepper({ value, min = 1, max, onChange }: QuantityStepperProps) {
  const canDecrease = value > min
  const canIncrease = value < max
  return (
    <View className='qy-stepper'>
      <View
        className={`qy-stepper__button qy-stepper__minus ${canDecrease ? '' : 'is-disabled'}`}
        hoverClass={canDecrease ? 'is-pressed' : 'none'}
        onClick={canDecrease ? () => onChange(value - 1) : undefined}
      >
        −
      </View>
      <View className='qy-stepper__value'>{value}</View>
      <View
        className={`qy-stepper__button qy-stepper__plus ${canIncrease ? '' : 'is-disabled'}`}
        hoverClass={canIncrease ? 'is-pressed' : 'none'}
        onClick={canIncrease ? () => onChange(value + 1) : undefined}
      >
        +
      </View>
    </View>
  )
}
