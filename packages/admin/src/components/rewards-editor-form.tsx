import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import { move, nextId, type RewardsDraft, type RewardsList } from '../models/rewards-draft.js';
import { newBadge, newCatalogItem, newRule, newTier } from '../models/rewards-items.js';
import { RewardsBadgeFields } from './rewards-badge-fields.js';
import { RewardsCatalogFields } from './rewards-catalog-fields.js';
import { RewardsErrorSummary } from './rewards-error-summary.js';
import { RewardsListSection } from './rewards-list-section.js';
import { RewardsProgramFields } from './rewards-program-fields.js';
import { RewardsRuleFields } from './rewards-rule-fields.js';
import { RewardsTierFields } from './rewards-tier-fields.js';

interface Props {
  draft: RewardsDraft;
  errors: FieldErrors;
  onChange: (next: RewardsDraft) => void;
  onSubmit: (event: Event) => void;
  /** True while a save is on its way: the button says so and cannot send twice. */
  saving: boolean;
}

/** The whole rewards program as one form: four ordered lists and the program-wide settings. */
export function RewardsEditorForm({ draft, errors, onChange, onSubmit, saving }: Props) {
  const set = (patch: Partial<RewardsDraft>) => onChange({ ...draft, ...patch });
  type Entry<K extends RewardsList> = RewardsDraft[K][number];
  const entriesOf = <K extends RewardsList>(list: K) => draft[list] as Entry<K>[];
  const put = <K extends RewardsList>(list: K, next: Entry<K>[]) => set({ [list]: next } as Partial<RewardsDraft>);
  /** Add, move and remove for one list; `make` builds a new entry from a free id. */
  const listProps = <K extends RewardsList>(list: K, prefix: string, make: (id: string) => Entry<K>) => {
    const entries = entriesOf(list);
    return {
      path: list,
      entries,
      error: errors[list],
      onAdd: () => put(list, [...entries, make(nextId(prefix, entries))]),
      onMove: (from: number, to: number) => put(list, move(entries, from, to)),
      onRemove: (index: number) =>
        put(
          list,
          entries.filter((_, i) => i !== index),
        ),
    };
  };
  const update = <K extends RewardsList>(list: K, index: number, next: Entry<K>) =>
    put(
      list,
      entriesOf(list).map((entry, i) => (i === index ? next : entry)),
    );
  const ruleIds = draft.rules.map((rule) => rule.id);

  return (
    <form onSubmit={onSubmit} noValidate class="rewards-editor">
      <RewardsErrorSummary errors={errors} />
      <RewardsListSection
        {...listProps('rules', 'rule', newRule)}
        title="Earning rules"
        noun="Earning rule"
        empty="No earning rules: nobody earns points yet."
        label={(rule) => rule.title}
      >
        {(rule, index) => (
          <RewardsRuleFields
            path={`rules.${index}`}
            rule={rule}
            errors={errorsUnder(errors, `rules.${index}`)}
            onChange={(next) => update('rules', index, next)}
          />
        )}
      </RewardsListSection>
      <RewardsListSection
        {...listProps('badges', 'badge', newBadge)}
        title="Badges"
        noun="Badge"
        empty="No badges."
        label={(badge) => badge.name}
      >
        {(badge, index) => (
          <RewardsBadgeFields
            path={`badges.${index}`}
            badge={badge}
            ruleIds={ruleIds}
            errors={errorsUnder(errors, `badges.${index}`)}
            onChange={(next) => update('badges', index, next)}
          />
        )}
      </RewardsListSection>
      <RewardsListSection {...listProps('tiers', 'tier', newTier)} title="Tiers" noun="Tier" empty="No tiers." label={(tier) => tier.name}>
        {(tier, index) => (
          <RewardsTierFields
            path={`tiers.${index}`}
            tier={tier}
            errors={errorsUnder(errors, `tiers.${index}`)}
            onChange={(next) => update('tiers', index, next)}
          />
        )}
      </RewardsListSection>
      <RewardsListSection
        {...listProps('catalog', 'item', newCatalogItem)}
        title="Catalog"
        noun="Catalog item"
        empty="Nothing to redeem yet."
        label={(item) => item.name}
      >
        {(item, index) => (
          <RewardsCatalogFields
            path={`catalog.${index}`}
            item={item}
            errors={errorsUnder(errors, `catalog.${index}`)}
            onChange={(next) => update('catalog', index, next)}
          />
        )}
      </RewardsListSection>
      <RewardsProgramFields draft={draft} errors={errors} set={set} />
      <div class="actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save program'}
        </button>
      </div>
    </form>
  );
}
