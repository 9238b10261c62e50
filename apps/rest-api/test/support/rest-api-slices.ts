import { slice as agentsSlice } from '@parley/db-agents';
import { slice as callsSlice } from '@parley/db-calls';
import { slice as identitySlice } from '@parley/db-identity';
import { slice as knowledgeSlice } from '@parley/db-knowledge';

/**
 * Every schema slice rest-api reads or writes. A spec that boots the whole app migrates them all:
 * its call-events consumer and knowledge indexing worker run whatever the spec is about, and log
 * an error every second when their tables are missing.
 */
export const REST_API_SLICES = [identitySlice, agentsSlice, callsSlice, knowledgeSlice] as const;
