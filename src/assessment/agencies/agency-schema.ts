// What an agency is, as the API shows and filters it.
import { z } from 'zod';

export const agencyLevels = ['national', 'subnational', 'local'] as const;
export type AgencyLevel = (typeof agencyLevels)[number];

export const agencySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string().nullable(),
    level: z.enum(agencyLevels),
    sector: z.string().describe('A sector key such as "health" or "finance"'),
    parentId: z.uuid().nullable(),
    parentName: z.string().nullable(),
    focalPointEmail: z.string().nullable(),
  })
  .meta({ id: 'Agency' });

export type Agency = z.infer<typeof agencySchema>;

export const agencyFilterSchema = z.object({
  level: z.enum(agencyLevels).optional().describe('Only agencies at this level of government'),
  sector: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be a sector key such as "health"')
    .optional()
    .describe('Only agencies of this sector'),
});

export type AgencyFilter = z.infer<typeof agencyFilterSchema>;
