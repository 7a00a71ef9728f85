import { useEffect, useState } from 'react'
import { fetchMembers, type MemberFilters, type MemberListItem } from '@/features/members/api'
import { useCursorList } from '@/shared/hooks/useCursorList'

/** Typing pauses this long before the list asks the server again. */
const SEARCH_PAUSE_MS = 300

/**
 * The admin member list, 20 at a time by cursor (call loadMore from useReachBottom): the nickname
 * search typed into a box (sent once typing pauses) and the chosen filters.
 */
export function useMemberList(communityId: string, filters: Omit<MemberFilters, 'search'>, options: { enabled: boolean }) {
  const [keyword, setKeyword] = useState('')
  const [search, setSearch] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSearch(keyword.trim()), SEARCH_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [keyword])
  const { status, role, tierLevel, tag } = filters
  const list = useCursorList<MemberListItem>(
    (after) => fetchMembers(communityId, { search: search || undefined, status, role, tierLevel, tag }, after),
    [communityId, search, status, role, tierLevel, tag],
    options,
  )
  return { ...list, keyword, setKeyword, search }
}
