import { Canvas as F2Canvas, Axis, type CanvasProps, Chart, Interval, jsx, Line, Point } from '@antv/f2'
import { Canvas, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { canvasNode, devicePixelRatio } from '@/platform/canvas'
import './index.css'

export interface DailyPoint {
  date: string
  value: number
}

interface DailyChartProps {
  /** Unique on the page: the canvas is found by it. */
  canvasId: string
  title: string
  data: DailyPoint[]
  kind: 'bar' | 'line'
  color: string
  /** Shown instead of the chart when every value is zero. */
  emptyText: string
}

const HEIGHT = 180

/** F2's createElement, called without JSX (the file's JSX is React's); its typings want JSX's inference. */
const h = jsx as unknown as (type: unknown, props: Record<string, unknown>) => { props: Record<string, unknown> }

/**
 * A small daily chart drawn by F2 (AntV's mobile chart library) on a Canvas 2D: the mini-program's
 * canvas node in WeChat, the <canvas> inside Taro's canvas element in H5. F2 is imported only by
 * this admin component, so it lives in the admin subpackage.
 */
export default function DailyChart({ canvasId, title, data, kind, color, emptyText }: DailyChartProps) {
  const chart = useRef<F2Canvas | null>(null)
  const empty = data.every((point) => point.value === 0)

  useEffect(() => {
    if (empty) return undefined
    let cancelled = false
    void canvasNode(canvasId).then((found) => {
      if (cancelled || !found) return
      const { canvas, width } = found
      const pixelRatio = devicePixelRatio()
      canvas.width = width * pixelRatio
      canvas.height = HEIGHT * pixelRatio
      const rows = data.map((point) => ({ date: point.date.slice(5), value: point.value }))
      const geometry =
        kind === 'bar'
          ? h(Interval, { x: 'date', y: 'value', color })
          : [h(Line, { x: 'date', y: 'value', color, shape: 'smooth' }), rows.length <= 31 ? h(Point, { x: 'date', y: 'value', color, size: 2 }) : null]
      const element = h(F2Canvas, {
        context: canvas.getContext('2d'),
        pixelRatio,
        width,
        height: HEIGHT,
        animate: false,
        children: h(Chart, {
          data: rows,
          scale: { value: { min: 0, nice: true, tickCount: 4 }, date: { tickCount: Math.min(rows.length, 5) } },
          children: [
            h(Axis, { field: 'date', tickCount: Math.min(rows.length, 5), style: { label: { fontSize: 11, fill: '#646a76', align: 'between' } } }),
            h(Axis, { field: 'value', tickCount: 4, style: { label: { fontSize: 11, fill: '#646a76' } } }),
            geometry,
          ],
        }),
      })
      chart.current?.destroy()
      chart.current = new F2Canvas(element.props as CanvasProps)
      void chart.current.render()
    })
    return () => {
      cancelled = true
    }
  }, [canvasId, data, kind, color, empty])

  useEffect(() => () => chart.current?.destroy(), [])

  return (
    <View className='qy-card qy-daily-chart'>
      <View className='qy-daily-chart__title'>{title}</View>
      {empty ? (
        <View className='qy-daily-chart__empty'>{emptyText}</View>
      ) : (
        <Canvas type='2d' id={canvasId} canvasId={canvasId} className='qy-daily-chart__canvas' style={{ height: `${HEIGHT}px` }} />
      )}
    </View>
  )
}
