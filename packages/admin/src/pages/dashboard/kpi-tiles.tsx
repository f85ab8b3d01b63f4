/** A headline figure with what it is made of, e.g. "Churn rate 33.33%: 1 of 3 customers lost". */
export interface Tile {
  label: string;
  value: string;
  detail?: string;
}

export function KpiTiles({ tiles, label }: { tiles: readonly Tile[]; label: string }) {
  return (
    <dl class="tiles" aria-label={label}>
      {tiles.map((tile) => (
        <div class="tile" key={tile.label}>
          <dt>{tile.label}</dt>
          <dd>
            <strong>{tile.value}</strong>
            {tile.detail && <span class="tile-detail">{tile.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
