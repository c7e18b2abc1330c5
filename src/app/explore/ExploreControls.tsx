import { useId, useMemo, useState, type FormEvent } from 'react';
import { PROCEDURE_IDS, type ProcedureId } from '../../core/model/ids';
import { displayTitle } from '../../core/procedures';
import type { Scenario } from '../../core/model/scenario';
import { LAYERS } from './cells';
import { axesProblem, axisProblem, type Axis, type ExploreState } from './exploreUrl';
import { defaultValues, fieldChoices, type FieldChoice } from './fields';

const NONE = '';
const ORDINAL = ['first', 'second'] as const;

interface AxisControlProps {
  at: 0 | 1;
  axis: Axis | undefined;
  choices: readonly FieldChoice[];
  /** Why the committed values are refused, or null. */
  onCommit: (axis: Axis | null) => string | null;
}

/** One varied field: a select of the fields and the values as written (`0..7`, `false,true`, `2,4,8`). */
function AxisControl({ at, axis, choices, onCommit }: AxisControlProps) {
  const id = useId();
  const [draft, setDraft] = useState(axis?.text ?? '');
  const [shown, setShown] = useState(axis);
  const [problem, setProblem] = useState<string | null>(null);
  // The address (Back, Forward) or the other control changed the axis: the draft follows.
  if (shown !== axis) {
    setShown(axis);
    setDraft(axis?.text ?? '');
    setProblem(null);
  }
  const groups = useMemo(() => {
    const byGroup = new Map<string, FieldChoice[]>();
    for (const c of choices) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
    return [...byGroup];
  }, [choices]);
  const known = axis === undefined || choices.some((c) => c.path === axis.path);
  const ordinal = ORDINAL[at];

  const commit = (text: string) => {
    if (!axis || text.trim() === axis.text) return;
    setProblem(onCommit({ path: axis.path, text: text.trim() }));
  };
  const onSelect = (path: string) => {
    if (path === NONE) {
      setProblem(onCommit(null));
      return;
    }
    const choice = choices.find((c) => c.path === path);
    setProblem(onCommit({ path, text: choice?.values ?? defaultValues(choice?.kind ?? 'integer') }));
  };

  return (
    <fieldset className="explore-axis">
      <legend>
        {at === 0
          ? 'First field (the rows; a single row when it is alone)'
          : 'Second field (the columns, optional)'}
      </legend>
      <label htmlFor={`${id}-field`}>Field</label>
      <select id={`${id}-field`} value={axis?.path ?? NONE} onChange={(e) => onSelect(e.target.value)}>
        {at === 1 && <option value={NONE}>(none)</option>}
        {!known && axis && <option value={axis.path}>{axis.path}</option>}
        {groups.map(([group, items]) => (
          <optgroup key={group} label={group}>
            {items.map((c) => (
              <option key={c.path} value={c.path}>
                {c.path} ({c.kind === 'boolean' ? 'true/false' : 'integer'}
                {c.current === undefined ? ', not set' : `, now ${JSON.stringify(c.current)}`})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor={`${id}-values`}>Values of the {ordinal} field</label>
      <input
        id={`${id}-values`}
        type="text"
        value={draft}
        disabled={!axis}
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(e.currentTarget.value);
          }
        }}
      />
      <span id={`${id}-hint`} className={problem ? 'explore-problem' : 'explore-hint muted'}>
        {problem ?? 'a..b (integers) or a comma list; Enter applies'}
      </span>
    </fieldset>
  );
}

export interface ExploreControlsProps {
  scenario: Scenario;
  state: ExploreState;
  onChange: (state: ExploreState) => void;
  layer: string;
  onLayer: (id: string) => void;
}

/** The sweep's controls: the fields and their values, the procedures, the second layer. */
export function ExploreControls({ scenario, state, onChange, layer, onLayer }: ExploreControlsProps) {
  const id = useId();
  const choices = useMemo(() => fieldChoices(scenario), [scenario]);
  const [procedureProblem, setProcedureProblem] = useState<string | null>(null);

  /** Applies a new axis (null: none) at `at`, or says why not. */
  const commitAxis = (at: 0 | 1) => (axis: Axis | null) => {
    const axes = [...state.axes];
    if (axis) axes[at] = axis;
    else axes.splice(at, 1);
    const why = (axis && axisProblem(scenario, axis)) ?? axesProblem(axes);
    if (why) return why;
    onChange({ ...state, axes });
    return null;
  };

  const toggle = (procedure: ProcedureId, on: boolean) => {
    const next = PROCEDURE_IDS.filter((p) => (p === procedure ? on : state.procedures.includes(p)));
    if (next.length === 0) {
      setProcedureProblem('at least one procedure is mapped');
      return;
    }
    setProcedureProblem(null);
    onChange({ ...state, procedures: next });
  };

  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <form className="explore-controls" aria-label="Sweep" onSubmit={onSubmit}>
      <AxisControl at={0} axis={state.axes[0]} choices={choices} onCommit={commitAxis(0)} />
      <AxisControl at={1} axis={state.axes[1]} choices={choices} onCommit={commitAxis(1)} />
      <fieldset className="explore-procedures" aria-describedby={`${id}-procedures`}>
        <legend>Procedures (one map each)</legend>
        {PROCEDURE_IDS.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              checked={state.procedures.includes(p)}
              onChange={(e) => toggle(p, e.target.checked)}
            />
            {p} <span className="muted">{displayTitle(p)}</span>
          </label>
        ))}
        <span id={`${id}-procedures`} className={procedureProblem ? 'explore-problem' : 'visually-hidden'}>
          {procedureProblem ?? ''}
        </span>
      </fieldset>
      <div className="explore-layer">
        <label htmlFor={`${id}-layer`}>Show in the delivered cells</label>
        <select id={`${id}-layer`} value={layer} onChange={(e) => onLayer(e.target.value)}>
          {LAYERS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
