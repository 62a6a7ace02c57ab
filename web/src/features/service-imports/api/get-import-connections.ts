import { ConnectionListSchema, type ConnectionList } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { serviceImportKeys } from './service-import-keys';

/** Which services this server offers and which the user has connected (no tokens). */
export async function getImportConnections(): Promise<ConnectionList> {
  return ConnectionListSchema.parse(await api.get('/api/connections'));
}

export function getImportConnectionsQueryOptions() {
  return queryOptions({ queryKey: serviceImportKeys.connections(), queryFn: getImportConnections, staleTime: 30_000 });
}

/** The user's connected services, to import from. */
export function useImportConnections() {
  return useQuery(getImportConnectionsQueryOptions());
}
