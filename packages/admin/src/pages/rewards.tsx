import type { RewardsConfig } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { getSettings } from '../api/settings.js';
import { EmptyState } from '../components/empty-state.js';
import { projectId } from '../models/session.js';
import { KindTabs } from './kind-tabs.js';

function Table({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const trigger = (on: RewardsConfig['rules'][number]['on']) => (on.type === 'event' ? `event ${on.event} (${on.source})` : `${on.type} ${Object.values(on).slice(1).join(' ')}`.trim());

/** The rewards program, read-only: the collector has no admin API to change it yet (it lives in hearth.config.json). */
export function RewardsPage() {
  const [program, setProgram] = useState<RewardsConfig | null | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => void getSettings().then((s) => setProgram(s.rewards), (failure: Error) => setError(failure.message)), [projectId.value]);
  return (
    <>
      <h1>Rewards</h1>
      <KindTabs />
      <p class="hint">Read-only: the rewards program is configured under rewards in hearth.config.json.</p>
      {error && <p class="error" role="alert">{error}</p>}
      {program === undefined && !error && <p aria-busy="true">Loading the program…</p>}
      {program === null && <EmptyState title="No rewards program">Add rewards (rules, badges, tiers, catalog) to this project in hearth.config.json and restart the collector.</EmptyState>}
      {program && (
        <>
          <Table caption="Earning rules" headers={['Rule', 'On', 'Points', 'Caps']} rows={program.rules.map((r) => [r.title, trigger(r.on), String(r.points), Object.entries(r.caps).filter(([, v]) => v).map(([k, v]) => (v === true ? k : `${k} ${v}`)).join(', ') || 'none'])} />
          <Table caption="Badges" headers={['Badge', 'Unlocks at']} rows={program.badges.map((b) => [b.name, b.unlock.type === 'lifetimePoints' ? `${b.unlock.min} lifetime points` : `${b.unlock.count} × ${b.unlock.type === 'rule' ? `rule ${b.unlock.ruleId}` : `event ${b.unlock.event}`}`])} />
          <Table caption="Tiers" headers={['Tier', 'From points', 'Perks']} rows={program.tiers.map((t) => [t.name, String(t.minPoints), t.perks.join(', ')])} />
          <Table caption="Catalog" headers={['Item', 'Cost', 'Stock', 'Per user']} rows={program.catalog.map((c) => [c.name, String(c.cost), c.stock === undefined ? 'unlimited' : String(c.stock), c.perUserLimit === undefined ? 'no limit' : String(c.perUserLimit)])} />
        </>
      )}
    </>
  );
}
