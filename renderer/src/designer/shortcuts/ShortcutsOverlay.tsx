// The `?` overlay: every keyboard shortcut of the designer, read from the same table the key handler uses.
import { useApp } from '../../store/store-context';
import { Dialog } from '../../components/Dialog';
import { shortcuts } from './shortcuts';

export function ShortcutsOverlay() {
  const open = useApp((s) => s.dialog === 'shortcuts');
  const openDialog = useApp((s) => s.openDialog);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => openDialog(null)}>
      <table className="shortcuts-table">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys.replace(/Mod/g, navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl')}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
