// A modal confirmation (delete and other destructive actions); Escape cancels, the confirm button is explicit.
import { useEffect, useRef } from 'react';
import { useApp } from '../store/store-context';

export function ConfirmDialog() {
  const request = useApp((s) => s.confirm);
  const close = useApp((s) => s.askConfirm);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), [request]);
  if (!request) return null;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close(null)}>
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body">
        <h2 id="confirm-title">{request.title}</h2>
        <p id="confirm-body">{request.body}</p>
        <div className="modal-actions">
          <button type="button" ref={cancelRef} onClick={() => close(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              close(null);
              request.onConfirm();
            }}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
