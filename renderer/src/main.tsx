// Renderer entry: connects to the API (IPC or WebSocket), creates the store, mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/designer.css';
import { ApiProvider } from './api/api-context';
import { connectApi } from './api/connect';
import { App } from './shell/App';
import { createAppStore, type AppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';

// The transport reports its status from the start; the store exists a moment later.
const holder: { store?: AppStore } = {};
const api = connectApi((status) => holder.store?.getState().setConnection(status));
const store = (holder.store = createAppStore(api));
api.subscribe('pipeline.changed', () => void store.getState().refreshPipelines());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ApiProvider>
  </StrictMode>,
);
