import { useApp } from '../store';

/** The player's **States** toggle (CONTRACT.md §12): each entity's statechart beside the diagram. */
export function StatesToggle() {
  const on = useApp((s) => s.states);
  const set = useApp((s) => s.setStates);
  return (
    <button type="button" className="btn states-toggle" aria-pressed={on} onClick={() => set(!on)}>
      States
    </button>
  );
}
