import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface ActionButtonProps {
  children: ReactNode
  onClick?: () => void
  variant?: 'primary' | 'secondary' | 'plain' | 'danger'
  size?: 'normal' | 'small'
  loading?: boolean
  disabled?: boolean
  className?: string
}

/** The app's button: same look in WeChat and the browser (Taro's Button differs per platform). */
export default function ActionButton({
  children,
  onClick,
  variant = 'primary',
  size = 'normal',
  loading = false,
  disabled = false,
  className = '',
}: ActionButtonProps) {
  const inactive = disabled || loading
  const classes = ['qy-button', `qy-button--${variant}`, `qy-button--${size}`, inactive ? 'is-inactive' : '', className]
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      ariaRole='button'
      aria-disabled={inactive}
      hoverClass={inactive ? 'none' : 'is-pressed'}
      onClick={inactive ? undefined : onClick}
    >
      {loading && <View className='qy-button__spinner' />}
      {children}
    </View>
  )
}
