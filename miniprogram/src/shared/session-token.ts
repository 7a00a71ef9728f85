import { readStorage, STORAGE_KEYS, writeStorage } from '@/platform/storage'
import { createStore } from '@/shared/create-store'

/** The session token, kept in storage (platform/storage.ts) and shared by every page; the user itself is fetched (`me`) or returned by `login`. */
export const sessionStore = createStore<string | null>(readStorage(STORAGE_KEYS.token))

export function getToken(): string | null {
  return sessionStore.get()
}

export function saveToken(token: string): void {
  writeStorage(STORAGE_KEYS.token, token)
  sessionStore.set(token)
}

/** Drops the token, but only if it is still the one that was rejected. */
export function dropToken(rejected: string | null = getToken()): void {
  if (rejected !== getToken()) return
  writeStorage(STORAGE_KEYS.token, null)
  sessionStore.set(null)
}
