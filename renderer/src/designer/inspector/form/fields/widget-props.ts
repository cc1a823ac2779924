// What every form widget receives: its DOM id (the label points at it), the field, the value and a change callback.
import type { FieldSpec } from '../field-spec';

export interface WidgetProps {
  id: string;
  field: FieldSpec;
  /** The stored value, or undefined when the field uses its default. */
  value: unknown;
  invalid: boolean;
  /** Id of the description/error text, for aria-describedby. */
  describedBy: string;
  /** `undefined` removes the value (the default applies again). */
  onChange(value: unknown): void;
}

/** The value shown: the stored one, else the schema default. */
export function shown(props: Pick<WidgetProps, 'value' | 'field'>): unknown {
  return props.value === undefined ? props.field.default : props.value;
}
