import type { ReviewCatalogue } from './review.fr';

export const reviewEn: ReviewCatalogue = {
  nav: 'Exports',
  exports: {
    title: 'Data exports',
    intro:
      'Every revision of every record in the central store, with its audit trail. Each export is itself audited (who, when, what).',
    onlyReviewers: 'Exports are for data managers and physicians.',
    odm: {
      button: 'Download the CDISC ODM 1.3.2 export',
      description: 'One transactional XML file: metadata, revisions, audit and signatures.',
    },
    csv: {
      button: 'Download the CSV export',
      description: 'A ZIP archive: one file per record kind, one row per revision, and the data dictionary.',
    },
    done: 'Export downloaded: {{name}}',
    error: {
      offline: 'The central store cannot be reached: exports need the network.',
      unauthenticated: 'Your online session has expired: sign in again.',
      forbidden: 'Your role does not allow exports.',
      server: 'The server could not produce the export. Try again.',
    },
  },
};
