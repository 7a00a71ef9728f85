import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorResultMessage, isErrorResult, messageOf, toApiError } from '@/shared/graphql/errors'
import { enterFromGroup, isGroupChoice, joinCommunity, type GroupCommunityChoice, type JoinCommunityResult, type JoinedCommunity } from '@/features/community/join-api'
import { isAdminRole } from '@/features/membership/labels'
import { isPaymentRequired } from '@/features/payment/api'
import { feeText } from '@/features/payment/labels'
import { openPage, routes } from '@/shared/routes'
import { groupDataForServer } from '@/features/session/group-data'
import { groupEntryKey } from '@/platform/wechat'
import { toastText } from '@/platform/feedback'

export interface EntryNotice {
  tone: 'success' | 'info' | 'warning' | 'error'
  title: string
  description?: string
  /** The group card came from a group no community has bound yet. */
  groupNotBound?: boolean
  /** Set when the member landed in this community and may bind the group to it. */
  bindableCommunityId?: string
  /** Set when the community asks an entry fee: the code opens the 支付入群费 page again. */
  payJoinCode?: string
}

interface Entry {
  key: string
  joinCode: string | null
  fromGroup: boolean
}

function pendingEntry(joinCode: string | null): Entry | null {
  const groupKey = groupEntryKey()
  if (!groupKey && !joinCode) return null
  return { key: `${groupKey ?? 'link'}|${joinCode ?? ''}`, joinCode, fromGroup: groupKey !== null }
}

/** A pending choice among the communities bound to the chat, with the group data to send again. */
interface GroupChoice {
  choices: GroupCommunityChoice[]
  encryptedData: string
  iv: string
}

function landedNotice(joined: JoinedCommunity, groupNotBound: boolean): EntryNotice | null {
  const { community, member, alreadyMember } = joined
  const bindable = groupNotBound && isAdminRole(member.role)
  if (bindable) {
    return {
      tone: 'info',
      title: '这个微信群还没有绑定社群',
      description: `绑定到「${community.name}」后，群成员点开卡片就能直接进入。`,
      groupNotBound,
      bindableCommunityId: community.id,
    }
  }
  if (member.status === 'APPLICANT' && community.joinPolicy === 'QUESTIONNAIRE') {
    return {
      tone: 'info',
      title: `申请加入「${community.name}」`,
      description: '这个社群需要先填写入群问卷。',
    }
  }
  if (member.status === 'APPLICANT') {
    return {
      tone: 'info',
      title: alreadyMember ? '入群申请审核中' : `已申请加入「${community.name}」`,
      description: '管理员审核通过后，就可以签到、攒积分、领福利啦。',
    }
  }
  if (alreadyMember) return null
  return { tone: 'success', title: `欢迎加入「${community.name}」`, description: '每天签到攒积分，积分可以兑换优惠券。' }
}

/**
 * Lands the member in the community they came for, once per entry: a link or QR code
 * (`?c=<joinCode>`) or, in WeChat, a group card. A card from a group nobody bound yet falls
 * back to the join code it carries.
 */
export function useEntry(token: string | null, joinCode: string | null, onLanded: (joined: JoinedCommunity) => void) {
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<EntryNotice | null>(null)
  const [groupChoice, setGroupChoice] = useState<GroupChoice | null>(null)
  const handledKey = useRef<string | null>(null)
  const onLandedRef = useRef(onLanded)
  onLandedRef.current = onLanded

  const land = useCallback((result: JoinCommunityResult, groupNotBound: boolean, joinCode?: string | null) => {
    if (isErrorResult(result)) {
      setNotice({ tone: 'warning', title: errorResultMessage(result), groupNotBound })
      return
    }
    if (isPaymentRequired(result)) {
      // 入群费: the 支付入群费 page (entry/ subpackage) pays and comes back here once the server confirms.
      if (!joinCode) return
      setNotice({ tone: 'info', title: `加入「${result.communityName}」需支付入群费 ${feeText(result.amountFen)}`, payJoinCode: joinCode })
      openPage(routes.entryFee(joinCode))
      return
    }
    onLandedRef.current(result)
    const next = landedNotice(result, groupNotBound)
    setNotice(next)
    if (!next) toastText(`已进入「${result.community.name}」`)
  }, [])

  const processEntry = useCallback(async () => {
    const entry = pendingEntry(joinCode)
    if (!token || !entry || handledKey.current === entry.key) return
    handledKey.current = entry.key
    setBusy(true)
    try {
      let result: JoinCommunityResult
      if (entry.fromGroup) {
        const { encryptedData, iv } = await groupDataForServer()
        const entered = await enterFromGroup(encryptedData, iv)
        if (isGroupChoice(entered)) {
          setGroupChoice({ choices: entered.choices, encryptedData, iv })
          return
        }
        result = entered
      } else {
        result = await joinCommunity(entry.joinCode!)
      }
      const groupNotBound = result.__typename === 'GroupNotBound'
      if (groupNotBound && entry.joinCode) result = await joinCommunity(entry.joinCode)
      land(result, groupNotBound, entry.joinCode)
    } catch (caught) {
      handledKey.current = null // try again after login or when the page shows again
      if (!toApiError(caught).isUnauthenticated) setNotice({ tone: 'error', title: messageOf(caught) })
    } finally {
      setBusy(false)
    }
  }, [token, joinCode, land])

  /** The member picked one of the chat's communities: enter it with the same group data. */
  const chooseCommunity = useCallback(
    async (communityId: string) => {
      if (!groupChoice) return
      setBusy(true)
      try {
        const result = await enterFromGroup(groupChoice.encryptedData, groupChoice.iv, communityId)
        setGroupChoice(null)
        if (!isGroupChoice(result)) land(result, false)
      } catch (caught) {
        setNotice({ tone: 'error', title: messageOf(caught) })
      } finally {
        setBusy(false)
      }
    },
    [groupChoice, land],
  )

  useEffect(() => {
    void processEntry()
  }, [processEntry])
  // A hot start from another group card changes the enter options, not the page.
  useDidShow(() => void processEntry())

  const dismissNotice = useCallback(() => setNotice(null), [])
  return { busy, notice, dismissNotice, groupChoices: groupChoice?.choices ?? null, chooseCommunity }
}
