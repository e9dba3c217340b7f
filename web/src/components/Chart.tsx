// A React box around one ECharts instance; options change in place, size follows the box.
import { useEffect, useRef } from 'react';
import type { EChartsType } from 'echarts/core';

type Opts = Record<string, unknown>;

export function Chart({ option, onClick, height = 420, testId }: { option: Opts | null; onClick?: (p: { dataIndex: number; seriesIndex: number; data: unknown }) => void; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let live = true;
    let ro: ResizeObserver | null = null;
    import('./echarts').then(({ echarts }) => {
      if (!live || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current.on('click', (p) => click.current?.(p as never));
      if (latest.current) chart.current.setOption(latest.current, true);
      ro = new ResizeObserver(() => chart.current?.resize());
      ro.observe(box.current);
    });
    return () => {
      live = false;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current && option) chart.current.setOption(option, true);
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} data-testid={testId} />;
}
