import { z } from 'zod';

export const loginBodySchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

const organizationViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  plan: z.enum(['free', 'pro', 'enterprise']),
  role: z.enum(['owner', 'admin', 'member']),
});

const userViewSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable() });

export const loginViewSchema = z.object({
  token: z.string(),
  token_type: z.literal('Bearer'),
  expires_at: z.iso.datetime(),
  user: userViewSchema,
});

export const meViewSchema = z.object({
  user: userViewSchema,
  /** The organization requests act for (first membership, or `X-Org-Id`). */
  organization_id: z.uuid(),
  organizations: z.array(organizationViewSchema),
});
export type MeView = z.infer<typeof meViewSchema>;
