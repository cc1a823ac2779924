// A button that opens the file chooser and imports the chosen pipeline files (JSON or YAML).
import { useRef } from 'react';
import { useAppStore } from '../../store/store-context';
import { importFiles, PIPELINE_FILE_ACCEPT } from './pipeline-files';

export function ImportButton({ label = 'Import…', testId = 'import-file' }: { label?: string; testId?: string }) {
  const store = useAppStore();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {label}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={PIPELINE_FILE_ACCEPT}
        multiple
        hidden
        data-testid={testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(store.getState, files);
        }}
      />
    </>
  );
}
