import { useSyncExternalStore } from 'react'
import { currentCommunityStore } from '@/features/community/current-community'
import { sessionStore } from '@/shared/session-token'

/** The session token (null when logged out); every page re-renders when it changes. */
export function useToken(): string | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get)
}

/** The id of the community the member last looked at. */
export function useCurrentCommunityId(): string | null {
  return useSyncExternalStore(currentCommunityStore.subscribe, currentCommunityStore.get)
}
