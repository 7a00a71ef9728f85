/**
 * Accessible names for Taro's form controls and images. The mini-program reads `aria-label` on the component
 * itself. Taro's H5 components are custom elements (taro-input-core, taro-textarea-core, taro-switch-core,
 * taro-image-core) around a native <input>/<textarea>/<img>: an `ariaLabel` lands on the wrapper, where screen
 * readers and axe do not look for a control's name, so on H5 the name goes through `nativeProps` (Taro's
 * documented way to pass attributes to the inner native element).
 */
export interface AccessibleNameProps {
  ariaLabel?: string
  nativeProps?: Record<string, unknown>
}

/** The name of an input, textarea or switch. */
export function controlName(name: string): AccessibleNameProps {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': name } } : { ariaLabel: name }
}

/** The text alternative of an image; '' marks an image as decoration (its meaning is in the text next to it). */
export function imageDescription(alt: string): AccessibleNameProps {
  if (process.env.TARO_ENV === 'h5') return { nativeProps: { alt } }
  return alt ? { ariaLabel: alt } : {}
}

/**
 * H5: Taro's pages scroll themselves (`.taro_page`, not the window); a keyboard can scroll them only when they
 * take focus (WCAG 2.1.1, axe's scrollable-region-focusable). Every page container gets tabindex=0 as the router
 * adds it. The mini-program has no such element.
 */
export function makePageScrollersFocusable(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof MutationObserver === 'undefined') return
  const makeFocusable = () => document.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'))
  makeFocusable()
  new MutationObserver(makeFocusable).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] })
}
