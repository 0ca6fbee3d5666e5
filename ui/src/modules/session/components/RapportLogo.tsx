import { useId } from "react";

export type RapportLogoProps = {
  size?: number;
};

/** The app icon (icons/make-source.sh) drawn as SVG, so it stays sharp at any size. */
export function RapportLogo({ size = 48 }: RapportLogoProps) {
  const gradient = useId();
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label="Rapport logo">
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#0f766e" />
          <stop offset="1" stopColor="#312e81" />
        </linearGradient>
      </defs>
      <rect x="3.5" y="3.5" width="57" height="57" rx="11.25" fill={`url(#${gradient})`} />
      <g fill="#ffffff">
        <g opacity="0.55">
          <circle cx="25.3" cy="20.6" r="7" />
          <path d="M12.2 48.4 V41.9 C12.2 34.6 18 29.9 25.3 29.9 C32.6 29.9 38.4 34.6 38.4 41.9 V48.4 Z" />
        </g>
        <circle cx="38.1" cy="25" r="8.6" fill={`url(#${gradient})`} />
        <path
          d="M23.4 50.8 V45.3 C23.4 37.6 29.7 33.1 38.1 33.1 C46.5 33.1 52.8 37.6 52.8 45.3 V50.8 Z"
          fill={`url(#${gradient})`}
        />
        <circle cx="38.1" cy="25" r="7" />
        <path d="M24.9 48.4 V45.3 C24.9 38.6 30.6 34.6 38.1 34.6 C45.6 34.6 51.3 38.6 51.3 45.3 V48.4 Z" />
      </g>
    </svg>
  );
}
