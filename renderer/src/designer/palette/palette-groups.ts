// The palette's content: node types grouped by category in registry order, filtered by a search text.
import { NODE_CATEGORIES, type NodeCategory, type NodeTypeDefinition } from '../../../../shared/nodes/node-type';

export interface PaletteGroup {
  category: NodeCategory;
  title: string;
  types: NodeTypeDefinition[];
}

const TITLES: Record<NodeCategory, string> = { data: 'Data', train: 'Train', evaluate: 'Evaluate', deploy: 'Deploy', utility: 'Utility' };

/** Non-empty groups, in category order; every word of `query` must match the title, id, description or category. */
export function paletteGroups(types: readonly NodeTypeDefinition[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (t: NodeTypeDefinition) => {
    const text = `${t.title} ${t.id} ${t.description} ${t.category}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return NODE_CATEGORIES.map((category) => ({ category, title: TITLES[category], types: types.filter((t) => t.category === category && matches(t)) })).filter(
    (g) => g.types.length > 0,
  );
}
