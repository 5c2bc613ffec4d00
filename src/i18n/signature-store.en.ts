import type signatureStoreFr from './signature-store.fr';

// Issue 17 — who signed as the central store recorded it, and when (tablet time, time of receipt).
const signatureStoreEn: typeof signatureStoreFr = {
  signedAt: 'Signed {{at}} (tablet time)',
  receivedAt: 'received by the central store {{at}}',
  notReceived: 'not yet received by the central store',
  notBySigner:
    'The central store received this signature from another person than the signer it names: it is not a signature.',
};
export default signatureStoreEn;
