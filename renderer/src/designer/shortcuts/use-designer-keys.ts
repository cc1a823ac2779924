// Routes key presses and clipboard events on the window to the designer, except while the user types in a field or a
// dialog is open.
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';
import { placementPoint } from '../canvas/pointer';
import { isEditableTarget } from './editable-target';
import { shortcuts } from './shortcuts';

export function useDesignerKeys(): void {
  const store = useAppStore();
  const flow = useReactFlow();
  useEffect(() => {
    const active = (event: Event) => store.getState().document !== null && store.getState().dialog === null && !isEditableTarget(event.target);
    const onKeyDown = (event: KeyboardEvent) => {
      if (!active(event) || event.defaultPrevented) return;
      const shortcut = shortcuts.find((s) => s.matches(event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run({ state: store.getState, flow });
    };
    const onCopy = (event: ClipboardEvent) => {
      if (!active(event)) return;
      const text = event.type === 'cut' ? store.getState().cutSelection() : store.getState().copySelection();
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!active(event)) return;
      event.preventDefault();
      const result = store.getState().paste(event.clipboardData?.getData('text/plain') ?? null, placementPoint(flow));
      if (!result.ok) store.getState().showToast('error', `Cannot paste: ${result.reason}`);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, flow]);
}
