import { z } from 'zod';
import { textSchema, uuidSchema } from './common';

// Data queries (issue 24 item 2): the data manager asks about one field of one record ("value implausible, please
// check"); a nurse or physician answers, or corrects the value with a reason (a normal revision or superseding
// observation of that record, linked from the answer); the data manager closes the query or re-opens it.
//
// A query is a THREAD of append-only `dataQuery` observations: the raise (its record id is the query's id) and
// each later message (answer, close, re-open) naming the query by `queryId`. Observations never conflict, so a
// tablet answering offline while the data manager closes online both keep their message; the query's status is
// derived from its thread (src/domain/data-query.ts), never stored.

export { DATA_QUERY_ACTIONS, DATA_QUERY_ROLES, mayQuery, type DataQueryAction } from './data-query-roles';

/** A dotted path into the target record's data: `sbp`, `facts.creatinine`, `answers.3`. */
export const fieldPathSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, 'a dotted field path');

const message = textSchema.trim().min(1).max(2000);

/** The record and revision a query is about, and the field in it. */
export const queryTargetSchema = z.strictObject({
  recordId: uuidSchema,
  kind: z.string().min(1).max(64),
  rev: z.number().int().positive(),
  field: fieldPathSchema,
});
export type QueryTarget = z.infer<typeof queryTargetSchema>;

/** The correction an answer made: the mutation that revised the target (or created the observation superseding it). */
export const queryCorrectionSchema = z.strictObject({ recordId: uuidSchema, mutationId: uuidSchema });
export type QueryCorrection = z.infer<typeof queryCorrectionSchema>;

export const dataQuerySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('raise'), target: queryTargetSchema, text: message }),
  z.strictObject({
    action: z.literal('answer'),
    queryId: uuidSchema,
    text: message,
    correction: queryCorrectionSchema.optional(),
  }),
  z.strictObject({ action: z.literal('close'), queryId: uuidSchema, text: message.optional() }),
  z.strictObject({ action: z.literal('reopen'), queryId: uuidSchema, text: message }),
]);
export type DataQuery = z.infer<typeof dataQuerySchema>;
export type DataQueryRaise = Extract<DataQuery, { action: 'raise' }>;
export type DataQueryMessage = Exclude<DataQuery, { action: 'raise' }>;
