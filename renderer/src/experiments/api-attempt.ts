// Runs an API call for the experiments slices; on failure shows the server's message as a toast and gives undefined.
import type { AppState } from '../store/app-store';

export async function attempt<T>(get: () => AppState, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    get().showToast('error', (error as Error).message);
    return undefined;
  }
}
