// The one canonical JSON and content hash live in src/schema, shared with the store, which recomputes every
// pushed signature's hash with the same function (wire-contract.md, "What the store enforces").
export { canonicalJson, contentHash, sha256Hex } from '@/schema/canonical-json';
