// Stops every prediction server recorded in a test home, so no test leaves a deploy.serve process running.
import { join } from 'node:path';
import { stopDeployment } from '../../engine/deploy/deployments';
import { openDatabase } from '../../engine/store/database';
import { DeploymentsRepo } from '../../engine/store/deployments.repo';

export async function stopAllDeployments(home: string): Promise<void> {
  const db = openDatabase(join(home, 'pipewright.db'));
  try {
    const repo = new DeploymentsRepo(db);
    for (const deployment of repo.running()) await stopDeployment(repo, deployment);
  } finally {
    db.close();
  }
}
