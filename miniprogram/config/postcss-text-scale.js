/**
 * H5 only: every font size (and a line height given as a length) becomes `calc(<size> * var(--qy-text-scale, 1))`,
 * so one custom property enlarges the text and nothing else, the way WeChat's 关怀模式 / large-font setting does.
 * The browser suite sets `--qy-text-scale: 1.5` on <html> to look at every page at 1.5× text
 * (test/e2e/helpers/text-scale.ts). Unitless line heights and em/% sizes follow the scaled font by themselves.
 */
const LENGTH = /^-?\d*\.?\d+(px|rem)$/i

function textScale() {
  const scale = (decl) => {
    if (LENGTH.test(decl.value.trim())) decl.value = `calc(${decl.value.trim()} * var(--qy-text-scale, 1))`
  }
  return { postcssPlugin: 'qy-text-scale', Declaration: { 'font-size': scale, 'line-height': scale } }
}
textScale.postcss = true

module.exports = textScale
