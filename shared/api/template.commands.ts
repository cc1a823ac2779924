// Commands for pipeline templates: ordinary pipeline files in resources/templates/ that start a new pipeline.
import { z } from 'zod';
import { command } from './define';
import type { PipelineRecord } from './pipeline.commands';

/** One template as the "New from template" dialog lists it. */
export interface TemplateSummary {
  /** The file name without `.pipeline.json` (stable: `tabular-classification`). */
  id: string;
  name: string;
  description: string;
  nodeCount: number;
  /** Node types the template uses that this build does not have; the template cannot be used while any are missing. */
  missingNodeTypes: string[];
  /** Why the file could not be read as a pipeline, if it could not; such a template cannot be used. */
  error?: string;
}

export const templateCommands = {
  'template.list': command<TemplateSummary[]>()(() => z.object({}).strict()),
  /** Creates a pipeline from a template; the name defaults to the template's, made unique. */
  'template.create': command<PipelineRecord>()(() => 
    z
      .object({
        id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a template id (the file name without .pipeline.json)'),
        name: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
  ),
};
