// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '@/i18n';
import { DateInput } from '@/ui/DateInput';

// The visit forms' dates: day/month/year whatever the browser's locale (a native date field showed 12/01/2026 for
// the 1st of December on an English-locale tablet), the form holding the ISO date.

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="d">Date de l’évaluation</label>
      <DateInput id="d" value={value} onChange={setValue} />
      <output data-testid="held">{value}</output>
    </>
  );
}

const input = () => screen.getByLabelText('Date de l’évaluation') as HTMLInputElement;

beforeAll(async () => {
  await initI18n('fr');
});
afterEach(cleanup);

describe('DateInput', () => {
  it('shows the held ISO date day first', () => {
    render(<Harness initial="2026-12-01" />);
    expect(input().value).toBe('01/12/2026');
  });

  it('reads what the keypad types, holds it as ISO, and writes it out in full when left', () => {
    render(<Harness initial="" />);
    fireEvent.change(input(), { target: { value: '04052026' } });
    expect(screen.getByTestId('held').textContent).toBe('2026-05-04');
    expect(input().value).toBe('04052026');
    fireEvent.blur(input());
    expect(input().value).toBe('04/05/2026');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a text that is no date, says so once left, and hands it on for the form to refuse', () => {
    render(<Harness initial="2026-12-01" />);
    fireEvent.change(input(), { target: { value: '31/02/2026' } });
    fireEvent.blur(input());
    expect(input().value).toBe('31/02/2026');
    expect(screen.getByTestId('held').textContent).toBe('31/02/2026');
    expect(screen.getByRole('alert').textContent).toBe(
      'Date invalide : jour/mois/année, par exemple 01/12/2026.',
    );
  });
});
