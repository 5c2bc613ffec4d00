// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adverseEventTermFor, toleranceWindow } from '@/domain';
import { buildDsmbReport, type ReportRecord } from '@/domain/dsmb-report';
import DsmbReportPage from '@/features/review/DsmbReportPage';
import ExportsPage from '@/features/review/ExportsPage';
import { PosteriorChart } from '@/features/screening';
import { initI18n } from '@/i18n';
import { dsmbEn } from '@/i18n/dsmb.en';
import { dsmbFr } from '@/i18n/dsmb.fr';
import type { Role } from '@/schema/common';
import { resetSession, useSession } from '@/session/session-store';

// The DSMB report page puts the store's report in words: cohorts, participants with their terms and worst grades,
// the SAEs, the DLT determinations, and the decision with the dose-decision screen's chart and recommendation.
// The report is built here by the domain's builder from records, as the store builds it.

const signedInAs = (role: Role) =>
  useSession.setState({
    screen: 'unlocked',
    person: {
      userId: crypto.randomUUID(),
      username: 'dm',
      displayName: 'Claire Dubois',
      role,
      deviceId: crypto.randomUUID(),
    },
  });

let n = 0;
const record = (kind: string, patientId: string | null, data: Record<string, unknown>, id?: string) =>
  ({
    id: id ?? `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    kind,
    patientId,
    rev: 1,
    data,
    voided: false,
    createdAt: '2026-03-02T09:00:00+01:00',
    inConflict: false,
  }) satisfies ReportRecord;

/** A cohort-1 participant at 2 ×10⁶/kg (its own patientId), with the dossier's infusion date if given. */
function participant(trialNumber: string, initials: string, infusionDate?: string) {
  const p = record('participant', null, {
    trialNumber,
    initials,
    cohort: 1,
    doseLevel: 2,
    ...(infusionDate ? { infusionDate } : {}),
  });
  p.patientId = p.id;
  return p;
}

function sampleReport() {
  const p1 = participant('MSC-LES-41', 'AB', '2026-03-02');
  const p2 = participant('MSC-LES-42', 'CD');
  const startedAt = '2026-03-02T09:00:00+01:00';
  const infusionId = '00000000-0000-7000-8000-00000000aaaa';
  const sae = record('adverseEvent', p1.id, {
    term: adverseEventTermFor('hypotension'),
    grade: 3,
    onsetAt: '2026-03-04T08:00:00+01:00',
    serious: true,
    seriousness: ['hospitalisation'],
    awareAt: '2026-03-04T08:30:00+01:00',
    sponsorNotifiedAt: '2026-03-04T16:00:00+01:00',
    relatedness: 'possible',
  });
  const window = toleranceWindow({ infusionStartedAt: Date.parse(startedAt) })!;
  const determination = record('toleranceDetermination', p1.id, {
    windowStartsAt: window.startsAt,
    windowEndsAt: window.endsAt,
    events: [{ adverseEventId: sae.id, isDlt: true }],
    dlt: true,
    decidedAt: '2026-03-13T09:00:00+01:00',
  });
  const records: ReportRecord[] = [
    p1,
    p2,
    record('infusionEvent', p1.id, {
      infusionId,
      type: 'start',
      at: startedAt,
      plannedDurationMin: 60,
      volumeToInfuseMl: 100,
      rateMlPerHour: 100,
      doseLevel: 2,
      cellsToInfuse: 140_000_000,
      weightKg: 70,
      lotNumber: 'LOT-1',
    }),
    record('adverseEvent', p1.id, {
      term: adverseEventTermFor('fever'),
      grade: 1,
      onsetAt: '2026-03-02T12:00:00+01:00',
      serious: false,
    }),
    sae,
    determination,
    record('signature', p1.id, {
      signer: '00000000-0000-7000-8000-00000000bbbb',
      signerName: 'Dr Martin',
      role: 'physician',
      meaning: 'dlt-confirmation',
      signedAt: '2026-03-13T09:05:00+01:00',
      recordId: determination.id,
      recordRev: 1,
      contentHash: 'a'.repeat(64),
      method: 'pin',
    }),
  ];
  return buildDsmbReport({
    records,
    contentHashes: new Map([[determination.id, 'a'.repeat(64)]]),
    takenAt: '2026-04-01T08:00:00.000Z',
    lastSeq: 42,
    reportId: 'R-1',
    producedBy: { userId: 'u', name: 'Claire Dubois', role: 'data-manager' },
  });
}

const serve = (body: unknown, status = 200) =>
  vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(() => resetSession());
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('fr');
});

describe('the DSMB report page', () => {
  it('shows each cohort: participants, terms and worst grades, SAEs, DLTs, and the decision with its chart', async () => {
    signedInAs('data-manager');
    const report = sampleReport();
    const fetch = serve(report);
    render(<DsmbReportPage api={{ fetch: fetch as typeof globalThis.fetch, token: async () => 'T' }} />);
    const page = await screen.findByTestId('dsmb-report');
    expect(fetch).toHaveBeenCalledWith(
      '/api/reports/dsmb',
      expect.objectContaining({ headers: { authorization: 'Bearer T' } }),
    );
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe(
      'Rapport de tolérance pour le DSMB',
    );
    expect(screen.getByTestId('dsmb-produced-by').textContent).toBe(
      'Produit par Claire Dubois (Gestionnaire de données) — rapport n° R-1',
    );
    expect(screen.getByTestId('dsmb-as-of').textContent).toContain('séquence 42');
    // The configured rule in words, from the trial configuration.
    const rule = screen.getByTestId('dsmb-rule').textContent!;
    expect(rule).toContain('Beta(1, 1)');
    expect(rule).toContain('p > 0,3');
    expect(rule).toContain('P ≥ 0,7 → désescalade ; P ≤ 0,2 → escalade');
    expect(rule).toContain('Tout événement de grade ≥ 3');

    const cohort = screen.getByTestId('dsmb-cohort-1');
    expect(within(cohort).getByRole('heading', { level: 2 }).textContent).toBe(
      'Cohorte 1 — 2 ×10⁶ cellules/kg',
    );
    const row1 = within(screen.getByTestId('dsmb-row-MSC-LES-41'));
    expect(row1.getByRole('rowheader').textContent).toBe('MSC-LES-41 · AB');
    expect(screen.getByTestId('dsmb-row-MSC-LES-41').textContent).toMatch(/terminée3(1)Oui$/);
    expect(screen.getByTestId('dsmb-row-MSC-LES-42').textContent).toBe('MSC-LES-42 · CDnon perfusé————');

    const p1 = within(screen.getByTestId('dsmb-participant-MSC-LES-41'));
    const terms = p1
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(terms).toEqual([
      expect.stringMatching(/^Hypotension.*31$/),
      expect.stringMatching(/^Fièvre.*11$/),
    ]);
    expect(p1.getByTestId('dsmb-saes').textContent).toContain(
      'Hospitalisation ou prolongation d’hospitalisation',
    );
    expect(p1.getByTestId('dsmb-saes').textContent).toContain('(dans les 24 h)');
    expect(p1.getByTestId('dsmb-dlt-candidates').textContent).toContain(
      'grade ≥ 3 au moins possiblement lié — DLT selon le médecin',
    );
    expect(p1.getByTestId('dsmb-determination').textContent).toMatch(
      /^Détermination du médecin : Oui .* — signée par Dr Martin le /,
    );

    // The decision: the report's numbers, the dose-decision screen's chart and recommendation.
    const [c1] = report.cohorts;
    expect(c1!.counts).toEqual({ patients: 1, completed: 1, dlts: 1 });
    const decision = within(screen.getByTestId('dsmb-decision-1'));
    // One DLT among one evaluable: Beta(1 + 1, 1 + 0), P(p > 0.3) = 1 − 0.3² = 0.91.
    expect(c1!.recommendation.probabilityExcessive).toBeCloseTo(0.91, 10);
    expect(screen.getByTestId('dsmb-posterior-1').textContent).toContain('P(p > 0,3) = 0,91 ;');
    expect(decision.getByTestId('posterior-chart')).toBeTruthy();
    // The dose-decision screen's own chart of Beta(2, 1), the domain's curve: the same drawing.
    const screenChart = render(<PosteriorChart a={2} b={1} threshold={0.3} />).container;
    expect(decision.getByTestId('posterior-curve').getAttribute('d')).toBe(
      screenChart.querySelector('[data-testid="posterior-curve"]')!.getAttribute('d'),
    );
    expect(decision.getByTestId('recommendation').dataset.decision).toBe(c1!.recommendation.decision);
    expect(decision.getByText('Aucune décision enregistrée pour cette cohorte.')).toBeTruthy();
  });

  it('says when a participant has the dossier’s infusion date but no infusion recorded in Chevet', async () => {
    signedInAs('data-manager');
    const p = participant('MSC-LES-43', 'EF', '2026-03-02');
    const planned = participant('MSC-LES-44', 'GH', '2026-04-15');
    const report = buildDsmbReport({
      records: [p, planned],
      contentHashes: new Map(),
      takenAt: '2026-04-01T08:00:00.000Z',
      lastSeq: 1,
      reportId: 'R-2',
      producedBy: { userId: 'u', name: 'Claire Dubois', role: 'data-manager' },
    });
    render(
      <DsmbReportPage api={{ fetch: serve(report) as typeof globalThis.fetch, token: async () => 'T' }} />,
    );
    const detail = await screen.findByTestId('dsmb-participant-MSC-LES-43');
    // Not "not infused yet": the dossier says when; only the tolerance, which needs the infusion's record, is missing.
    expect(detail.textContent).toContain(
      'Perfusion du 02/03/2026 selon le dossier, mais non saisie dans Chevet : sa tolérance n’est pas calculée ici.',
    );
    expect(detail.textContent).not.toContain('Pas encore perfusé');
    // A date still ahead of the report is the planned one: not infused yet.
    expect(screen.getByTestId('dsmb-participant-MSC-LES-44').textContent).toContain('Pas encore perfusé.');
  });

  it('speaks English in English', async () => {
    signedInAs('physician');
    await i18next.changeLanguage('en');
    render(
      <DsmbReportPage
        api={{ fetch: serve(sampleReport()) as typeof globalThis.fetch, token: async () => 'T' }}
      />,
    );
    await screen.findByTestId('dsmb-report');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tolerance report for the DSMB');
    expect(screen.getByTestId('dsmb-row-MSC-LES-41').textContent).toMatch(/complete3(1)Yes$/);
  });

  it('refuses a nurse without asking the store, and says why the store refused', async () => {
    signedInAs('nurse');
    const fetch = serve({});
    render(<DsmbReportPage api={{ fetch: fetch as typeof globalThis.fetch, token: async () => 'T' }} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Le rapport DSMB est réservé aux data managers et aux médecins.',
    );
    expect(fetch).not.toHaveBeenCalled();
    cleanup();

    signedInAs('physician');
    render(
      <DsmbReportPage
        api={{ fetch: serve({ error: {} }, 403) as typeof globalThis.fetch, token: async () => 'T' }}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Votre rôle ne permet pas de produire le rapport DSMB.',
    );
  });

  it('is linked from the exports screen', () => {
    signedInAs('data-manager');
    render(<ExportsPage />, { wrapper: MemoryRouter });
    expect(screen.getByTestId('dsmb-report-link').getAttribute('href')).toBe('/dsmb-report');
  });

  it('has the same messages in French and English', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(dsmbEn).sort()).toEqual(keys(dsmbFr).sort());
  });
});
