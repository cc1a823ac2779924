// Makes the API client available to components that call commands the store does not wrap (history, templates).
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../../../shared/api/channel';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
