import type { PropsWithChildren } from 'react'
import { makePageScrollersFocusable } from '@/platform/accessibility'
import './app.css'

makePageScrollersFocusable()

function App({ children }: PropsWithChildren) {
  // children is the page being shown
  return children
}

export default App
