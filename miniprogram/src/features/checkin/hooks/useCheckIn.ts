import { useRef, useState } from 'react'
import { checkIn, type CheckInReward, isAlreadyCheckedIn } from '@/features/checkin/api'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { alertMessage } from '@/platform/feedback'

export interface CheckInOutcome {
  reward: CheckInReward
  /** Set when today's check-in had already happened: the server's message. */
  alreadyMessage: string | null
}

/** The 签到 tap: the mutation, its outcome for the result sheet, every failure as a message. */
export function useCheckIn(communityId: string, onCheckedIn: () => void) {
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null)
  // A second tap before the button re-renders as loading must not send a second request.
  const inFlight = useRef(false)

  const run = async () => {
    if (inFlight.current) return
    inFlight.current = true
    setPending(true)
    try {
      const result = await checkIn(communityId)
      if (isAlreadyCheckedIn(result)) {
        setOutcome({ reward: result.today, alreadyMessage: errorResultMessage(result) })
      } else if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '签到失败')
        return
      } else {
        setOutcome({ reward: result, alreadyMessage: null })
      }
      onCheckedIn()
    } catch (caught) {
      void alertMessage(messageOf(caught), '签到失败')
    } finally {
      inFlight.current = false
      setPending(false)
    }
  }

  return { pending, outcome, checkIn: run, dismiss: () => setOutcome(null) }
}
