/** Small inline icons for the playback buttons: decorative (the buttons are named by their text). */
const paths = {
  restart: 'M4 3v10M13 3 6 8l7 5z',
  previous: 'M12 3 5 8l7 5z',
  play: 'M5 3l8 5-8 5z',
  pause: 'M5 3h2.5v10H5zM9.5 3H12v10H9.5z',
  next: 'M4 3l7 5-7 5z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg
      className="player-icon"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
