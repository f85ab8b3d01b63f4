import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { COLORS, type SeriesChartData } from './format.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

interface KpiChartProps {
  data: SeriesChartData;
  /** Read by screen readers instead of the canvas; the table beside each chart has every number. */
  label: string;
  type?: 'bar' | 'line';
  stacked?: boolean;
}

/** A Chart.js bar or line chart with one colour per dataset and a legend when there are several. */
export function KpiChart({ data, label, type = 'bar', stacked = false }: KpiChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type,
      data: {
        labels: data.labels,
        datasets: data.datasets.map(({ label: name, data: values, color = COLORS.primary }) => ({
          label: name,
          data: values,
          backgroundColor: color,
          borderColor: color,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: data.datasets.length > 1 } },
        scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [data, type, stacked]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
