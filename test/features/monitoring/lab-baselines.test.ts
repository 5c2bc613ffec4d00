import { describe, expect, it } from 'vitest';
import { labBaselinesFromEligibility } from '@/domain';
import { labDefaults } from '@/features/monitoring/queries';

describe('the pre-infusion lab baselines from the screening’s eligibility facts', () => {
  it('creatinine and ALT/AST (with their ULN) become baselines; blood counts are references only', () => {
    expect(
      labBaselinesFromEligibility({
        creatinineUmolL: 62,
        altUL: 80,
        altUln: 40,
        astUL: 30,
        neutrophilsGL: 2.1,
        plateletsGL: 180,
        haemoglobinGdL: 11.5,
      }),
    ).toEqual({
      creatinineIncreased: { baseline: 62 },
      alanineAminotransferaseIncreased: { baseline: 80, uln: 40 },
      aspartateAminotransferaseIncreased: { baseline: 30 },
      neutrophilCountDecreased: { reference: 2.1 },
      plateletCountDecreased: { reference: 180 },
      anemia: { reference: 11.5 },
    });
    expect(labBaselinesFromEligibility(undefined)).toEqual({});
    expect(labBaselinesFromEligibility({ cd4PerUL: 400 })).toEqual({});
  });

  it('prefill the lab rows; what the last lab check gave wins where it gave something', () => {
    const fr = (n: number) => String(n).replace('.', ',');
    const rows = labDefaults(
      {
        creatinineIncreased: { baseline: 62.5 },
        alanineAminotransferaseIncreased: { baseline: 80, uln: 40 },
      },
      { alanineAminotransferaseIncreased: { value: '', lln: '', uln: '45', baseline: '' } },
      fr,
    );
    expect(rows.creatinineIncreased).toEqual({ value: '', lln: '', uln: '', baseline: '62,5' });
    expect(rows.alanineAminotransferaseIncreased).toEqual({ value: '', lln: '', uln: '45', baseline: '80' });
  });
});
