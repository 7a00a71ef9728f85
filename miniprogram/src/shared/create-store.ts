type Listener = () => void

export interface Store<T> {
  get(): T
  set(next: T): void
  subscribe(listener: Listener): () => void
}

/** A tiny external store for useSyncExternalStore: shared by every page of the app. */
export function createStore<T>(initial: T): Store<T> {
  let state = initial
  const listeners = new Set<Listener>()
  return {
    get: () => state,
    set(next) {
      if (Object.is(next, state)) return
      state = next
      listeners.forEach((listener) => listener())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
