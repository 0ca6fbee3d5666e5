import type { KeyboardEvent, MouseEvent, PointerEvent } from "react";
import { memo } from "react";
import { contactTypeLabels } from "../../../contacts/utils/labels";
import { contactTypeColors } from "../../../contacts/utils/badgeColors";
import type { MapPerson } from "../../types/map";
import type { ChartNode } from "../types";
import type { LevelBadge } from "../utils/chartStyles";
import { fitText } from "../utils/geometry";
import classes from "./OrgCard.module.css";

/** "full" draws everything; "box" (zoomed out) the frame and a large name; "frame" (far out) the frame. */
export type OrgCardDetail = "full" | "box" | "frame";

/** How the card reacts to a dragged card above it. */
export type OrgCardDropState = "allowed" | "forbidden" | null;

export type OrgCardProps = {
  node: ChartNode;
  person: MapPerson;
  level: LevelBadge | null;
  detail: OrgCardDetail;
  photoUrl: string | null;
  highlighted: boolean;
  selected: boolean;
  dropState: OrgCardDropState;
  /** Faded because a level filter leaves the person out. */
  filteredOut: boolean;
  editable: boolean;
  onPointerDown: (event: PointerEvent<SVGGElement>, personId: string) => void;
  onActivate: (personId: string) => void;
  onToggle: (personId: string) => void;
  /** Right click, or Shift+F10 / the context-menu key on a focused card. */
  onMenu: (event: MouseEvent<SVGGElement> | KeyboardEvent<SVGGElement>, personId: string) => void;
};

const AVATAR_R = 20;
const TEXT_X = 62;

/** One person's card; memoised, because panning re-renders the chart on every pointer move. */
export const OrgCard = memo(function OrgCard({
  node,
  person,
  level,
  detail,
  photoUrl,
  highlighted,
  selected,
  dropState,
  filteredOut,
  editable,
  onPointerDown,
  onActivate,
  onToggle,
  onMenu,
}: OrgCardProps) {
  const { width, height } = node;
  const textWidth = width - TEXT_X - 14;
  const inactive = person.status === "inactive" || person.status === "archived";
  const stroke =
    dropState === "allowed"
      ? "var(--mantine-color-green-filled)"
      : dropState === "forbidden"
        ? "var(--mantine-color-red-filled)"
        : highlighted || selected
          ? "var(--mantine-primary-color-filled)"
          : undefined;
  const strokeWidth = stroke ? 3 : undefined;

  // Placeholders carry no personal data, not even in a label.
  const who = person.placeholder ? "someone outside your area" : person.displayName;
  const toggle =
    node.reportCount > 0 ? (
      <g
        data-testid="org-toggle"
        data-person-id={person.id}
        className={classes.toggle}
        transform={`translate(${width / 2 - 18} ${height + 4})`}
        role="button"
        aria-label={node.collapsed ? `Show ${node.hiddenCount} below ${who}` : `Hide reports of ${who}`}
        onPointerDown={(event) => event.stopPropagation()}
        onClick={(event) => {
          event.stopPropagation();
          onToggle(person.id);
        }}
      >
        <rect className={classes.toggleFrame} width={36} height={16} rx={8} />
        <text className={classes.toggleText} x={18} y={12} textAnchor="middle">
          {node.collapsed ? `+${node.hiddenCount}` : "−"}
        </text>
      </g>
    ) : null;

  if (person.placeholder) {
    return (
      <g
        data-testid="org-card"
        data-person-id={person.id}
        data-name=""
        data-placeholder="true"
        className={`${classes.card} ${classes.placeholder}`}
        transform={`translate(${node.x} ${node.y})`}
      >
        <rect className={classes.placeholderFrame} width={width} height={height} rx={10} />
        <circle className={classes.avatar} cx={32} cy={height / 2} r={AVATAR_R} opacity={0.5} />
        <text className={classes.initials} x={32} y={height / 2 + 5} textAnchor="middle">
          ?
        </text>
        <text className={classes.title} x={TEXT_X} y={height / 2 + 4}>
          Someone outside your area
        </text>
        {toggle}
      </g>
    );
  }

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onActivate(person.id);
    } else if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
      event.preventDefault();
      onMenu(event, person.id);
    }
  };
  const className = [classes.card, editable ? classes.editable : "", inactive || filteredOut ? classes.dimmed : ""]
    .filter(Boolean)
    .join(" ");

  return (
    <g
      data-testid="org-card"
      data-person-id={person.id}
      data-name={person.displayName}
      data-card="true"
      className={className}
      transform={`translate(${node.x} ${node.y})`}
      tabIndex={detail === "full" ? 0 : -1}
      role="button"
      aria-label={[person.displayName, person.jobTitle].filter(Boolean).join(", ")}
      onPointerDown={(event) => onPointerDown(event, person.id)}
      onClick={() => onActivate(person.id)}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(event, person.id);
      }}
      onKeyDown={onKeyDown}
    >
      <title>{[person.displayName, person.jobTitle, person.department].filter(Boolean).join(" · ")}</title>
      <rect className={classes.frame} width={width} height={height} rx={10} style={{ stroke, strokeWidth }} />
      {level ? (
        <rect x={0} y={8} width={4} height={height - 16} rx={2} style={{ fill: `var(--mantine-color-${level.color}-filled)` }} />
      ) : null}
      {detail === "frame" ? null : detail === "box" ? (
        <text className={classes.name} x={14} y={height / 2 + 5} style={{ fontSize: 20 }}>
          {fitText(person.displayName, width - 28, 20)}
        </text>
      ) : (
        <>
          <CardAvatar person={person} photoUrl={photoUrl} cy={height / 2} />
          <text className={classes.name} x={TEXT_X} y={24}>
            {fitText(person.displayName, textWidth, 14)}
          </text>
          <text className={classes.title} x={TEXT_X} y={42}>
            {fitText(person.jobTitle ?? person.department ?? "", textWidth, 12)}
          </text>
          <CardBadges person={person} level={level} y={54} maxWidth={textWidth} />
          {person.quality ? (
            <text className={classes.quality} x={width - 20} y={20} data-testid="org-quality">
              <title>{person.quality}</title>⚠
            </text>
          ) : null}
        </>
      )}
      {toggle}
    </g>
  );
});

type CardAvatarProps = { person: MapPerson; photoUrl: string | null; cy: number };

function CardAvatar({ person, photoUrl, cy }: CardAvatarProps) {
  if (photoUrl) {
    return (
      <image
        href={photoUrl}
        x={32 - AVATAR_R}
        y={cy - AVATAR_R}
        width={AVATAR_R * 2}
        height={AVATAR_R * 2}
        clipPath="url(#org-avatar-clip)"
        preserveAspectRatio="xMidYMid slice"
      />
    );
  }
  return (
    <>
      <circle className={classes.avatar} cx={32} cy={cy} r={AVATAR_R} />
      <text className={classes.initials} x={32} y={cy + 5} textAnchor="middle">
        {person.initials}
      </text>
    </>
  );
}

type CardBadgesProps = { person: MapPerson; level: LevelBadge | null; y: number; maxWidth: number };

function CardBadges({ person, level, y, maxWidth }: CardBadgesProps) {
  const badges: { key: string; label: string; color: string }[] = [];
  if (person.contactType) {
    badges.push({ key: "type", label: contactTypeLabels[person.contactType], color: contactTypeColors[person.contactType] });
  }
  if (level) badges.push({ key: "level", label: level.name, color: level.color });
  let x = 62;
  const end = 62 + maxWidth;
  return (
    <>
      {badges.map((badge) => {
        const label = fitText(badge.label, Math.min(96, end - x - 12), 10);
        const width = Math.ceil(label.length * 6.2) + 12;
        if (x + width > end + 4) return null;
        const element = (
          <g key={badge.key} transform={`translate(${x} ${y})`} data-testid={`org-badge-${badge.key}`}>
            <rect width={width} height={16} rx={8} style={{ fill: `var(--mantine-color-${badge.color}-light)` }} />
            <text
              className={classes.badgeText}
              x={width / 2}
              y={11.5}
              textAnchor="middle"
              style={{ fill: `var(--mantine-color-${badge.color}-light-color)` }}
            >
              {label}
            </text>
          </g>
        );
        x += width + 6;
        return element;
      })}
    </>
  );
}
