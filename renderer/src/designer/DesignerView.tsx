// The designer: pipelines and palette on the left, toolbar, canvas and bottom panel in the middle, inspector on the
// right. One ReactFlowProvider wraps it all, so panels outside the canvas can centre the view on a node.
import { ReactFlowProvider } from '@xyflow/react';
import { Sidebar } from '../components/Sidebar';
import { BottomPanel } from './BottomPanel';
import { BusyIndicator } from './canvas/BusyIndicator';
import { Canvas } from './canvas/Canvas';
import { workspaceItems } from './extensions';
import { FileDropZone } from './files/FileDropZone';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { ShortcutsOverlay } from './shortcuts/ShortcutsOverlay';
import { useDesignerKeys } from './shortcuts/use-designer-keys';
import { TemplatesDialog } from './templates/TemplatesDialog';
import { DesignerToolbar } from './toolbar/DesignerToolbar';

export function DesignerView() {
  return (
    <ReactFlowProvider>
      <DesignerLayout />
    </ReactFlowProvider>
  );
}

function DesignerLayout() {
  useDesignerKeys();
  return (
    <div className="designer">
      <div className="left-column">
        <Sidebar />
        <Palette />
      </div>
      <div className="center-column">
        <DesignerToolbar />
        <main className="workspace">
          <Canvas />
          <BusyIndicator />
          {workspaceItems.map((item) => (
            <item.component key={item.id} />
          ))}
        </main>
        <BottomPanel />
      </div>
      <Inspector />
      <TemplatesDialog />
      <ShortcutsOverlay />
      <FileDropZone />
    </div>
  );
}
