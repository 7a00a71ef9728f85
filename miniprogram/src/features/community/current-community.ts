import { readStorage, STORAGE_KEYS, writeStorage } from '@/platform/storage'
import { createStore } from '@/shared/create-store'

/** The community the member is looking at, remembered across launches. */
export const currentCommunityStore = createStore<string | null>(readStorage(STORAGE_KEYS.currentCommunityId))

export function getCurrentCommunityId(): string | null {
  return currentCommunityStore.get()
}

export function setCurrentCommunityId(id: string | null): void {
  writeStorage(STORAGE_KEYS.currentCommunityId, id)
  currentCommunityStore.set(id)
}
