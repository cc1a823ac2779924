// While the user drags a connection over a port that refuses it, says why right at the pointer.
import { useConnection, ViewportPortal } from '@xyflow/react';
import { checkConnection } from '../../../../shared/graph/connection';
import { getNodeType } from '../../../../shared/nodes/index';
import { useApp } from '../../store/store-context';

export function ConnectionHint() {
  const connection = useConnection();
  const document = useApp((s) => s.document);
  if (!connection.inProgress || !connection.toHandle || connection.isValid !== false || !document) return null;
  const [from, to] = connection.fromHandle.type === 'source' ? [connection.fromHandle, connection.toHandle] : [connection.toHandle, connection.fromHandle];
  const verdict = checkConnection(document, getNodeType, { source: from.nodeId, sourceHandle: from.id, target: to.nodeId, targetHandle: to.id });
  if (verdict.ok) return null;
  return (
    <ViewportPortal>
      <div className="connection-hint" role="status" style={{ transform: `translate(${connection.to.x + 12}px, ${connection.to.y + 12}px)` }}>
        {verdict.reason}
      </div>
    </ViewportPortal>
  );
}
