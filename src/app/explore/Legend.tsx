import { KIND_ORDER, KINDS } from './cells';

/** The maps' shared legend: each kind of cell by its colour and its mark (never colour alone). */
export function Legend() {
  return (
    <ul className="explore-legend" aria-label="Legend">
      {KIND_ORDER.map((id) => {
        const kind = KINDS[id];
        return (
          <li key={id}>
            <span
              className="explore-swatch"
              style={{ background: kind.fill, color: kind.ink }}
              aria-hidden="true"
            >
              {kind.mark}
            </span>
            <span>
              <span className="visually-hidden">Mark {kind.mark}: </span>
              {kind.label}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
