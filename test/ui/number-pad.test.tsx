// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '@/i18n';
import { NumberPad, type PadField } from '@/ui/NumberPad';

const FIELDS: PadField[] = [
  { id: 'sbp', label: 'PAS', min: 40, max: 300 },
  { id: 'hr', label: 'FC', min: 20, max: 250 },
  { id: 'temperatureC', label: 'T°', min: 30, max: 43, decimals: 1 },
  { id: 'rr', label: 'FR', min: 4, max: 60 },
];

function Harness({ flagged }: { flagged?: Set<string> }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [active, setActive] = useState<string | undefined>('sbp');
  return (
    <>
      <NumberPad
        fields={FIELDS}
        values={values}
        active={active}
        flagged={flagged}
        onChange={(v, a) => {
          setValues(v);
          setActive(a);
        }}
      />
      <output data-testid="state">{JSON.stringify({ values, active })}</output>
    </>
  );
}

const tap = (...keys: string[]) =>
  keys.forEach((k) => fireEvent.click(screen.getByRole('button', { name: k })));
const state = () =>
  JSON.parse(screen.getByTestId('state').textContent!) as { values: Record<string, string>; active: string };

describe('the number pad', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(cleanup);

  it('fills a whole set with digits only: each field moves on when complete', () => {
    render(<Harness />);
    tap('1', '2', '0'); // PAS 120 → FC
    expect(state().active).toBe('hr');
    tap('8', '4'); // FC 84 → T°
    tap('3', '7', '2'); // 37,2 → FR
    expect(state().values).toMatchObject({ sbp: '120', hr: '84', temperatureC: '37,2' });
    expect(state().active).toBe('rr');
    tap('1', '6');
    expect(state().values.rr).toBe('16');
    expect(state().active).toBe('rr'); // the last field stays for the save
  });

  it('keys are buttons of at least 56 px, never an input that would open the system keyboard', () => {
    const { container } = render(<Harness />);
    expect(container.querySelectorAll('input, textarea')).toHaveLength(0);
    // happy-dom does not lay out: the rule lives in number-pad.css, checked here as written.
    expect(screen.getAllByRole('button', { name: /^[0-9]$/ })).toHaveLength(10);
  });

  it('refuses at once a value that can no longer be within bounds, and stays on it', () => {
    render(<Harness />);
    tap('3', '5');
    expect(state().active).toBe('sbp');
    expect(screen.getByRole('alert').textContent).toBe('Hors limites (40–300)');
    expect(screen.getByTestId('pad-field-sbp').getAttribute('aria-invalid')).toBe('true');
    tap('Effacer', '0', '0'); // 300: the maximum
    expect(state().values.sbp).toBe('300');
    expect(state().active).toBe('hr');
  });

  it('"Next" moves on early; the comma key and the hardware keyboard (point or comma) work', () => {
    render(<Harness />);
    tap('1', '2', '0', '2', '5');
    expect(state().active).toBe('hr'); // 25 could still become 250
    tap('Suivant ▸');
    expect(state().active).toBe('temperatureC');
    tap('3', '8', 'Virgule');
    expect(state().values.temperatureC).toBe('38,');
    fireEvent.keyDown(window, { key: '5' });
    expect(state().values.temperatureC).toBe('38,5');
    expect(state().active).toBe('rr');
    fireEvent.click(screen.getByTestId('pad-field-temperatureC'));
    fireEvent.keyDown(window, { key: 'Backspace' });
    fireEvent.keyDown(window, { key: 'Backspace' });
    fireEvent.keyDown(window, { key: '.' });
    expect(state().values.temperatureC).toBe('38,');
  });

  it('highlights a value past an alert threshold without refusing it', () => {
    render(<Harness flagged={new Set(['temperatureC'])} />);
    expect(screen.getByTestId('pad-field-temperatureC').className).toContain('pad-field-flagged');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
