import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { BarChartData } from '../models/funnel.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A Chart.js bar chart; the canvas carries a text summary for screen readers (the table has the numbers). */
export function BarChart({ data, label, horizontal = false }: { data: BarChartData; label: string; horizontal?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: data.labels, datasets: data.datasets.map((set) => ({ ...set, backgroundColor: '#2f5fb3' })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [data, horizontal]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
