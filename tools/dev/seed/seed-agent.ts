import type { AgentsClient } from '@parley/db-agents';
import { DEMO_AGENT } from './demo-data';

/** The demo agent, reset to DEMO_AGENT on every seed; found by organization and name. */
export async function ensureDemoAgent(agents: AgentsClient, orgId: string): Promise<string> {
  const existing = await agents.agent.findFirst({
    where: { orgId, name: DEMO_AGENT.name },
    orderBy: { createdAt: 'asc' },
  });
  if (existing) {
    await agents.agent.update({ where: { id: existing.id }, data: { ...DEMO_AGENT, enabled: true } });
    return existing.id;
  }
  return (await agents.agent.create({ data: { ...DEMO_AGENT, orgId } })).id;
}
