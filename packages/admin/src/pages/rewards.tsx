import type { RewardsConfig } from '@hearth/schema';
import { useEffect } from 'preact/hooks';
import { EmptyState } from '../components/empty-state.js';
import { RewardsEditorForm } from '../components/rewards-editor-form.js';
import { ConsoleLink } from '../shell/console-link.js';
import { useRewardsEditor } from './rewards-editor-state.js';
import './rewards-editor.css';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The saved program at a glance; its KPIs (points issued, redeemed, members per tier) are on the dashboard. */
function ProgramFigures({ program }: { program: RewardsConfig }) {
  const figures = [
    count(program.rules.length, 'earning rule', 'earning rules'),
    count(program.badges.length, 'badge', 'badges'),
    count(program.tiers.length, 'tier', 'tiers'),
    count(program.catalog.length, 'catalog item', 'catalog items'),
    program.referral ? 'referrals on' : 'referrals off',
    program.expiryMonths ? `points expire after ${count(program.expiryMonths, 'month', 'months')}` : 'points never expire',
  ];
  return (
    <p class="hint">
      Saved program: {figures.join(' · ')}. <ConsoleLink to="dashboard">Rewards KPIs on the dashboard</ConsoleLink>
    </p>
  );
}

/**
 * The rewards program, edited in place: checked by rewardsConfigSchema, saved whole, live at once.
 * From the templates gallery it opens on the template instead, replacing the program only on save.
 */
export function RewardsPage({ template = null }: { template?: RewardsConfig | null }) {
  const { record, loadError, draft, errors, outcome, saving, load, edit, save, start } = useRewardsEditor(template);
  useEffect(() => {
    // A refused save sends focus to the list of problems; each links to its field.
    if (outcome.kind === 'invalid' || (outcome.kind === 'failed' && Object.keys(errors).length > 0))
      document.getElementById('rw-errors-title')?.focus();
  }, [outcome]);

  return (
    <>
      <h1>Rewards</h1>
      <p role="status" class={`message${outcome.kind === 'saved' ? ' ok' : outcome.kind === 'none' ? '' : ' error'}`}>
        {outcome.text}
      </p>
      {outcome.kind === 'conflict' && (
        <div class="actions">
          <button type="button" onClick={() => void load()}>
            Reload the program
          </button>
        </div>
      )}
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!record && !loadError && <p aria-busy="true">Loading the program…</p>}
      {record?.program && <ProgramFigures program={record.program} />}
      {template && record && (
        <p class="hint" role="note">
          Started from a template. Saving replaces {record.program ? 'the saved program' : 'nothing: there is no program yet'}.
        </p>
      )}
      {record && !draft && (
        <EmptyState title="No rewards program">
          <p>This project has no rewards program: nobody earns points and the rewards widget stays hidden.</p>
          <button type="button" onClick={start}>
            Create a rewards program
          </button>
        </EmptyState>
      )}
      {record && draft && <RewardsEditorForm draft={draft} errors={errors} onChange={edit} onSubmit={save} saving={saving} />}
    </>
  );
}
