/** A client-made id for a mutation the server answers once (a retry replays the first answer). */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
