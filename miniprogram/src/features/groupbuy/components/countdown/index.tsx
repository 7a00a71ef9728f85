import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { useNow } from '@/features/groupbuy/hooks/useNow'
import { countdownText } from '@/features/groupbuy/countdown'
import './index.css'

interface CountdownProps {
  /** epoch milliseconds */
  target: number
  /** "距截团" / "距开团" */
  label: string
  /** Once, when the time is up (refresh: the server has closed or opened it by then). */
  onEnd?: () => void
  size?: 'small' | 'large'
}

export default function Countdown({ target, label, onEnd, size = 'small' }: CountdownProps) {
  const [done, setDone] = useState(() => target <= Date.now())
  const now = useNow(!done)
  const left = target - now
  const onEndRef = useRef(onEnd)
  onEndRef.current = onEnd

  useEffect(() => setDone(target <= Date.now()), [target])
  useEffect(() => {
    if (left <= 0 && !done) setDone(true)
  }, [left, done])
  useEffect(() => {
    if (!done) return undefined
    // The server decides at the end instant; give it a moment past the client's clock.
    const timer = setTimeout(() => onEndRef.current?.(), 1200)
    return () => clearTimeout(timer)
  }, [done])

  return (
    <View className={`qy-countdown qy-countdown--${size}`}>
      <View className='qy-countdown__label'>{label}</View>
      <View className='qy-countdown__time'>{countdownText(left)}</View>
    </View>
  )
}
