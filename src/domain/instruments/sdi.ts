import { SDI_ITEMS, sdiItemsSchema, type SdiItemId } from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import { checkInput } from './input-check';

// SLICC/ACR Damage Index (Gladman D et al., Arthritis Rheum 1996;39:363; shared/clinical/instruments.md): damage
// present ≥ 6 months unless stated, since lupus onset, whatever its cause. Items and their maxima: SDI_ITEMS.

export const SDI_MAX_TOTAL = 47;

const SDI_ITEM_IDS = SDI_ITEMS.map((item) => item.id);

/**
 * Renal damage: end-stage renal disease (3) replaces the GFR and proteinuria items rather than adding to them
 * ("… or end-stage renal disease", Gladman 1996), so the renal system never exceeds 3.
 */
function renalPoints(items: Record<SdiItemId, number>): number {
  return items.endStageRenalDisease > 0
    ? items.endStageRenalDisease
    : items.gfrBelow50 + items.proteinuria3_5;
}

/**
 * SDI total (0–47) from the points of each item; complete only when every item is answered (0 is an answer), since
 * an item left blank is not "no damage".
 */
export function scoreSdi(items: Partial<Record<SdiItemId, number>>): Scored<{ total: number }> {
  const checked = checkInput(sdiItemsSchema, items, { required: SDI_ITEM_IDS });
  if (!checked.ok) return incomplete(checked.missing);
  const points = checked.value as Record<SdiItemId, number>;
  const outsideRenal = SDI_ITEMS.filter((item) => item.system !== 'renal').reduce(
    (sum, item) => sum + points[item.id],
    0,
  );
  return complete({ total: outsideRenal + renalPoints(points) });
}
