import Taro from '@tarojs/taro'
import { IS_H5 } from './wechat'

export interface FoundCanvas {
  canvas: HTMLCanvasElement
  width: number
}

/** The screen's device pixel ratio, for a sharp canvas (2 when the platform does not say). */
export function devicePixelRatio(): number {
  return Taro.getSystemInfoSync().pixelRatio || 2
}

/** The canvas element behind a Taro <Canvas type="2d" id={id}>, once it is laid out; null when it is not on the page. */
export async function canvasNode(id: string): Promise<FoundCanvas | null> {
  await new Promise((resolve) => Taro.nextTick(() => resolve(null)))
  if (IS_H5) {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${id}"]`) ?? document.getElementById(id)?.querySelector('canvas') ?? null
    return canvas ? { canvas, width: canvas.parentElement?.clientWidth || canvas.clientWidth || 320 } : null
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((result) => {
        const found = result?.[0] as { node?: HTMLCanvasElement; width?: number } | undefined
        resolve(found?.node ? { canvas: found.node, width: found.width || 320 } : null)
      })
  })
}
