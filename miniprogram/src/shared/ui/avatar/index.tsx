import { View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import { initialOf } from '@/shared/format/format'
import { absoluteApiUrl } from '@/shared/graphql/config'
import './index.css'

interface AvatarProps {
  name: string | null | undefined
  url?: string | null
  size?: 'small' | 'medium' | 'large'
  className?: string
}

const PALETTE = ['#07c160', '#10aeff', '#fa9d3b', '#7d5cf3', '#f25c7a', '#13b5b1']

/** Stable color per name (FNV-1a), so the same member always looks the same. */
function colorOf(name: string): string {
  let hash = 0x811c9dc5
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  return PALETTE[hash % PALETTE.length]
}

export default function Avatar({ name, url, size = 'medium', className = '' }: AvatarProps) {
  const classes = `qy-avatar qy-avatar--${size} ${className}`
  // Our store's links: relative ones (the local driver) hang off the API origin. Decoration: the name is beside it.
  if (url) return <Image className={classes} src={absoluteApiUrl(url)} mode='aspectFill' alt='' />
  return (
    <View className={classes} style={{ background: colorOf(name ?? '') }}>
      {initialOf(name)}
    </View>
  )
}
