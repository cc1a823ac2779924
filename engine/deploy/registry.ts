// The registry and deployments as a node process sees them: the data home's database, opened for one node's work.
import { resolveHome, type HomePaths } from '../home';
import { openDatabase } from '../store/database';
import { DeploymentsRepo } from '../store/deployments.repo';
import { ModelsRepo } from '../store/models.repo';

export interface RegistryAccess {
  home: HomePaths;
  models: ModelsRepo;
  deployments: DeploymentsRepo;
}

/** Opens PIPEWRIGHT_HOME's database, runs `work`, and closes it again (also on failure). */
export async function withRegistry<T>(work: (registry: RegistryAccess) => T | Promise<T>): Promise<T> {
  const home = resolveHome();
  const db = openDatabase(home.database);
  try {
    return await work({ home, models: new ModelsRepo(db), deployments: new DeploymentsRepo(db) });
  } finally {
    db.close();
  }
}
