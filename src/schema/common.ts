import { z } from 'zod';

// Ids are UUIDs (v7 for records and mutations: time-ordered, generated offline on the tablet).
export const uuidSchema = z.uuid();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();
export const reasonSchema = z.string().trim().min(3).max(1000);

export const roleSchema = z.enum(['nurse', 'physician', 'data-manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;
