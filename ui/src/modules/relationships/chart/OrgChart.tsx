import { Alert, Badge, Button, Group, Loader, Menu, Paper, Text } from "@mantine/core";
import type { ComboboxItem } from "@mantine/core";
import { IconArrowsMaximize, IconArrowsMinimize, IconExternalLink, IconSitemap, IconTrash, IconUserOff } from "@tabler/icons-react";
import type { KeyboardEvent, MouseEvent } from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { StatePanel } from "../../shell/components/StatePanel";
import type { MapGroup, MapPerson, Relationship, RelationshipKind } from "../types/map";
import { ChartCanvas } from "./components/ChartCanvas";
import { ChartEdges, EdgeMarkers } from "./components/ChartEdges";
import { ChartLegend } from "./components/ChartLegend";
import { ChartToolbar } from "./components/ChartToolbar";
import type { OrgCardDetail, OrgCardDropState } from "./components/OrgCard";
import { OrgCard } from "./components/OrgCard";
import { chartToSvg, svgToPngBlob } from "./exportChart";
import { useChartLayout } from "./hooks/useChartLayout";
import { NO_MANAGER_ZONE_TESTID, useChartPointer } from "./hooks/useChartPointer";
import { usePanPreview } from "./hooks/usePanPreview";
import { centreTransform, usePanZoom } from "./hooks/usePanZoom";
import type { ChartLayout, ExportKind } from "./types";
import { kindStyleOf, kindStyles, levelBadges } from "./utils/chartStyles";
import { curveBetween, intersects, nodeAt, toChart, visibleBox } from "./utils/geometry";
import type { BulkScene } from "./utils/drawBulk";
import { ancestorsOf } from "./utils/hierarchy";
import { initialCollapsed } from "./utils/initialCollapsed";
import { BULK_RELATIONSHIPS, curveLines, treeLines } from "./utils/lines";
import { isArrowKey, neighbour } from "./utils/neighbour";
import { showsOverview } from "./utils/overview";
import classes from "./OrgChart.module.css";

export type OrgChartProps = {
  people: MapPerson[];
  relationships: Relationship[];
  groups: MapGroup[];
  kinds: RelationshipKind[];
  mayEdit: boolean;
  /** Centre and highlight this person (a search result elsewhere on the page). */
  focusId?: string | null;
  /** Opens the contact (card click or Enter); never called for placeholders. */
  onOpenPerson: (id: string) => void;
  /** After a drag: the new manager, or null for "no manager". The core validates cycles. */
  onReparent: (personId: string, newManagerId: string | null) => void;
  onAddRelationship: (fromId: string, toId: string, kind: string) => void;
  onRemoveRelationship: (relationshipId: string) => void;
  /** A photo for the card (return null when the person has none); initials are shown otherwise. */
  photoUrl?: (personId: string) => string | null;
  /** The exported chart: an SVG string or a PNG blob, for the parent to save. */
  onExport?: (kind: ExportKind, data: string | Blob) => void;
  /** Heading of the exported image (e.g. the account's name). */
  exportTitle?: string;
};

/** The legend's width and margin, kept free when the chart is fitted. */
const LEGEND_ROOM = 170;

type ConnectState = { active: boolean; kind: string | null; sourceId: string | null };

/** The card menu, at a point relative to the canvas. */
type CardMenuState = { personId: string; x: number; y: number };

export function OrgChart(props: OrgChartProps) {
  if (props.people.length === 0) {
    return (
      <StatePanel icon={<IconSitemap size={24} />} title="Nobody to chart" testId="org-chart-empty">
        Nobody you can see works at this account&apos;s sites yet. People added to its sites in your area will
        appear here with their managers and colleagues.
      </StatePanel>
    );
  }
  return <OrgChartCanvas {...props} />;
}

function OrgChartCanvas({
  people,
  relationships,
  groups,
  kinds,
  mayEdit,
  focusId = null,
  onOpenPerson,
  onReparent,
  onAddRelationship,
  onRemoveRelationship,
  photoUrl,
  onExport,
  exportTitle,
}: OrgChartProps) {
  const [collapsed, setCollapsed] = useState<Set<string>>(() => initialCollapsed(people, relationships));
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [selectedEdgeId, setSelectedEdgeId] = useState<string | null>(null);
  const [hiddenKinds, setHiddenKinds] = useState<Set<string>>(() => new Set());
  const [level, setLevel] = useState<string | null>(null);
  const [connect, setConnect] = useState<ConnectState>({ active: false, kind: null, sourceId: null });
  const [exportError, setExportError] = useState<string | null>(null);
  const [cardMenu, setCardMenu] = useState<CardMenuState | null>(null);
  const { transform, setTransform, autoFit, fitTo, size, canvasRef, canvas, zoomBy } = usePanZoom();
  // Room for the "no manager" drop zone under the chart and the legend at its bottom left.
  const reserveBottom = mayEdit ? 52 : 0;
  const reserveLeft = LEGEND_ROOM;

  const peopleById = useMemo(() => new Map(people.map((person) => [person.id, person])), [people]);
  const styles = useMemo(() => kindStyles(kinds), [kinds]);
  const levels = useMemo(() => levelBadges(groups), [groups]);
  const levelMembers = useMemo(
    () => new Map(groups.filter((group) => group.kind === "level").map((group) => [group.id, new Set(group.memberIds)])),
    [groups],
  );

  // Centre a requested person once a layout shows them (opening their branch first if needed).
  const onLayout = (next: ChartLayout) => {
    if (!pendingFocus) return;
    const target = next.nodeById.get(pendingFocus);
    if (target) {
      setTransform(centreTransform(target, size, transform.k));
      setPendingFocus(null);
      return;
    }
    const hiddenBy = ancestorsOf(next.managerOf, pendingFocus).filter((id) => collapsed.has(id));
    if (hiddenBy.length === 0) {
      setPendingFocus(null);
      return;
    }
    setCollapsed((previous) => {
      const expanded = new Set(previous);
      for (const id of hiddenBy) expanded.delete(id);
      return expanded;
    });
  };
  const { layout, error, pending } = useChartLayout(people, relationships, collapsed, onLayout);

  // Until the user moves the view, it shows the whole chart, also after a resize or a new layout.
  const [fittedTo, setFittedTo] = useState<{ layout: ChartLayout; size: typeof size } | null>(null);
  if (autoFit && !pendingFocus && layout && size.width > 0 && (fittedTo?.layout !== layout || fittedTo.size !== size)) {
    setFittedTo({ layout, size });
    fitTo(layout, reserveBottom, reserveLeft);
  }

  const requestFocus = (personId: string) => {
    setHighlightId(personId);
    const managerOf = layout?.managerOf;
    const ancestors = managerOf ? ancestorsOf(managerOf, personId) : [];
    const hiddenBy = ancestors.filter((id) => collapsed.has(id));
    const node = layout?.nodeById.get(personId);
    if (layout && node && hiddenBy.length === 0) {
      setTransform(centreTransform(node, size, transform.k));
      return;
    }
    if (hiddenBy.length > 0) {
      setCollapsed((previous) => {
        const next = new Set(previous);
        for (const id of hiddenBy) next.delete(id);
        return next;
      });
    }
    setPendingFocus(personId);
  };

  // A new focusId from the parent: adjust during render rather than in an effect.
  const [seenFocusId, setSeenFocusId] = useState<string | null>(null);
  if (focusId !== seenFocusId) {
    setSeenFocusId(focusId);
    if (focusId && peopleById.has(focusId)) requestFocus(focusId);
  }

  const { attach: attachStage, ...panPreview } = usePanPreview(transform);
  const pointer = useChartPointer({
    layout,
    transform,
    setTransform,
    canvas,
    panPreview,
    mayDrag: mayEdit && !connect.active,
    isPlaceholder: (id) => peopleById.get(id)?.placeholder ?? true,
    onReparent: (personId, managerId) => {
      // Mark the moved card, so it is easy to find once the new layout arrives.
      setHighlightId(personId);
      onReparent(personId, managerId);
    },
  });

  const connectKinds = useMemo<ComboboxItem[]>(
    () => kinds.filter((kind) => kind.code !== "reports_to").map((kind) => ({ value: kind.code, label: kind.label })),
    [kinds],
  );

  // Card handlers stay the same function across renders (cards are memoised); they read the
  // latest state through this ref.
  const live = useRef({ connect, onOpenPerson, onAddRelationship, takeSuppressedClick: pointer.takeSuppressedClick });
  useEffect(() => {
    live.current = { connect, onOpenPerson, onAddRelationship, takeSuppressedClick: pointer.takeSuppressedClick };
  });
  const onActivate = useCallback((personId: string) => {
    const current = live.current;
    if (current.takeSuppressedClick()) return;
    const state = current.connect;
    if (state.active) {
      if (!state.sourceId) {
        setConnect({ ...state, sourceId: personId });
      } else if (state.sourceId !== personId && state.kind) {
        current.onAddRelationship(state.sourceId, personId, state.kind);
        setConnect({ ...state, sourceId: null });
      }
      return;
    }
    current.onOpenPerson(personId);
  }, []);
  const onToggle = useCallback((personId: string) => {
    // Opening a branch keeps the view where it is rather than refitting the whole chart.
    setTransform((previous) => previous);
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(personId)) next.delete(personId);
      else next.add(personId);
      return next;
    });
  }, [setTransform]);

  const onMenu = useCallback(
    (event: MouseEvent<SVGGElement> | KeyboardEvent<SVGGElement>, personId: string) => {
      if (!canvas) return;
      const rect = canvas.getBoundingClientRect();
      const box = event.currentTarget.getBoundingClientRect();
      const x = "clientX" in event ? event.clientX : box.left + box.width / 2;
      const y = "clientY" in event ? event.clientY : box.top + box.height / 2;
      setCardMenu({ personId, x: x - rect.left, y: y - rect.top });
    },
    [canvas],
  );

  const fit = () => {
    if (layout) fitTo(layout, reserveBottom, reserveLeft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest("input, textarea, select")) return;
    const cardId = target.closest?.("[data-testid='org-card']")?.getAttribute("data-person-id");
    if (cardId && layout && isArrowKey(event.key)) {
      event.preventDefault();
      const next = neighbour(layout, cardId, event.key);
      if (next) moveFocusTo(next);
      return;
    }
    if (event.key === "+" || event.key === "=") zoomBy(1.25);
    else if (event.key === "-" || event.key === "_") zoomBy(0.8);
    else if (event.key === "0") fit();
    else if (event.key === "Escape") {
      setSelectedEdgeId(null);
      setConnect((previous) => ({ ...previous, active: false, sourceId: null }));
    } else return;
    event.preventDefault();
  };

  // Keyboard focus follows the arrow keys; a card outside the view is brought in first.
  const moveFocusTo = (personId: string) => {
    const node = layout?.nodeById.get(personId);
    if (!node || !canvas) return;
    const left = transform.x + node.x * transform.k;
    const top = transform.y + node.y * transform.k;
    const inView =
      left >= 0 && top >= 0 && left + node.width * transform.k <= size.width && top + node.height * transform.k <= size.height;
    if (!inView) setTransform(centreTransform(node, size, transform.k));
    window.requestAnimationFrame(() => {
      const cards = canvas.querySelectorAll<SVGGElement>("[data-testid='org-card']");
      for (const card of cards) if (card.getAttribute("data-person-id") === personId) card.focus();
    });
  };

  const onSvgClick = (event: MouseEvent<SVGSVGElement>) => {
    const element = event.target as Element;
    if (element.closest("[data-testid='org-card'], [data-testid='org-edge'], [data-testid='org-toggle']")) return;
    if (pointer.takeSuppressedClick()) return;
    // Boxes of the far-out view cannot be read or opened: a click centres the one clicked.
    if (layout && canvas && overview) {
      const rect = canvas.getBoundingClientRect();
      const node = nodeAt(layout, toChart(transform, event.clientX - rect.left, event.clientY - rect.top));
      if (node) {
        setHighlightId(node.id);
        setTransform(centreTransform(node, size, transform.k));
        return;
      }
    }
    setSelectedEdgeId(null);
    setHighlightId(null);
  };

  const runExport = async (kind: ExportKind) => {
    if (!layout || !onExport) return;
    setExportError(null);
    const svg = chartToSvg(layout, people, { relationships, kinds, groups, hiddenKinds, title: exportTitle });
    if (kind === "svg") {
      onExport("svg", svg);
      return;
    }
    try {
      onExport("png", await svgToPngBlob(svg));
    } catch (problem) {
      setExportError(problem instanceof Error ? problem.message : "The chart image could not be made.");
    }
  };

  const otherRelationships = useMemo(
    () => relationships.filter((relationship) => relationship.kind !== "reports_to" && !hiddenKinds.has(relationship.kind)),
    [relationships, hiddenKinds],
  );
  const showTree = !hiddenKinds.has("reports_to");
  const tree = useMemo(() => (layout && showTree ? treeLines(layout) : null), [layout, showTree]);
  const curves = useMemo(() => (layout ? curveLines(layout, otherRelationships) : []), [layout, otherRelationships]);
  const overview = layout !== null && showsOverview(layout, transform.k);
  const bulkCurves = overview || curves.length > BULK_RELATIONSHIPS;
  // The canvas draws every curve (painting dozens of SVG curves slowed each frame of a pan),
  // and far out the cards and tree lines too.
  const scene = useMemo<BulkScene | null>(
    () =>
      layout && (overview || curves.length > 0)
        ? {
            layout,
            tree: overview ? tree : null,
            curves,
            bulkCurves,
            cards: overview,
            isPlaceholder: (id) => peopleById.get(id)?.placeholder ?? false,
            styles,
          }
        : null,
    [layout, overview, tree, curves, bulkCurves, peopleById, styles],
  );
  const legendKinds = useMemo(() => {
    const present = new Set(relationships.map((relationship) => relationship.kind));
    const codes = ["reports_to", ...kinds.map((kind) => kind.code).filter((code) => code !== "reports_to")];
    for (const code of present) if (!codes.includes(code)) codes.push(code);
    return codes.filter((code) => present.has(code)).map((code) => ({ code, style: kindStyleOf(styles, code) }));
  }, [relationships, kinds, styles]);
  const markerColors = useMemo(() => [...new Set([...styles.values()].map((style) => style.color))], [styles]);

  const searchData = useMemo<ComboboxItem[]>(
    () =>
      people
        .filter((person) => !person.placeholder)
        .map((person) => ({
          value: person.id,
          label: person.jobTitle ? `${person.displayName} — ${person.jobTitle}` : person.displayName,
        })),
    [people],
  );
  const levelData = useMemo<ComboboxItem[]>(
    () =>
      groups
        .filter((group) => group.kind === "level")
        .sort((a, b) => a.position - b.position)
        .map((group) => ({ value: group.id, label: group.name })),
    [groups],
  );

  const box = visibleBox(transform, size.width || 1000, size.height || 800);
  const detail: OrgCardDetail = transform.k < 0.15 ? "frame" : transform.k < 0.45 ? "box" : "full";
  const highlighted = highlightId && layout ? layout.nodeById.get(highlightId) : undefined;
  const drag = pointer.drag;
  const dragTarget = drag?.target ?? null;
  const levelSet = level ? levelMembers.get(level) : undefined;

  const selectedMenu = selectedEdgeId && layout ? edgeMenuPosition(layout, relationships, selectedEdgeId) : null;
  const selectedRelationship = selectedEdgeId
    ? relationships.find((relationship) => relationship.id === selectedEdgeId)
    : undefined;
  const noTree = layout !== null && layout.treeEdges.length === 0 && layout.looseTop !== null;

  return (
    <div className={classes.root}>
      <ChartToolbar
        searchData={searchData}
        onSearchPick={requestFocus}
        levelData={levelData}
        level={level}
        onLevelChange={setLevel}
        onZoomIn={() => zoomBy(1.25)}
        onZoomOut={() => zoomBy(0.8)}
        onFit={fit}
        connect={
          mayEdit && connectKinds.length > 0
            ? {
                active: connect.active,
                kind: connect.kind ?? connectKinds[0].value,
                kinds: connectKinds,
                onToggle: () =>
                  setConnect((previous) => ({
                    active: !previous.active,
                    kind: previous.kind ?? connectKinds[0].value,
                    sourceId: null,
                  })),
                onKindChange: (kind) => setConnect((previous) => ({ ...previous, kind })),
              }
            : null
        }
        onExport={onExport ? (kind) => void runExport(kind) : null}
      />
      {exportError ? (
        <Alert color="red" variant="light" withCloseButton onClose={() => setExportError(null)}>
          {exportError}
        </Alert>
      ) : null}
      <div
        ref={canvasRef}
        className={`${classes.canvas} ${connect.active ? classes.connecting : ""}`}
        tabIndex={0}
        role="application"
        aria-label="Organisation chart. Plus and minus zoom, 0 fits the chart, arrow keys move between cards."
        onKeyDown={onKeyDown}
      >
        {/* The drawing moves as one during a pan (usePanPreview): the canvas under, the SVG over. */}
        <div ref={attachStage} className={classes.stage} data-testid="org-stage">
          {scene ? <ChartCanvas scene={scene} transform={transform} size={size} /> : null}
          <svg
            className={classes.svg}
            data-testid="org-chart"
            onPointerDown={pointer.onBackgroundPointerDown}
            onClick={onSvgClick}
          >
            <defs>
              <clipPath id="org-avatar-clip" clipPathUnits="objectBoundingBox">
                <circle cx={0.5} cy={0.5} r={0.5} />
              </clipPath>
              <EdgeMarkers colors={markerColors} />
            </defs>
            {layout ? (
              <g data-testid="org-viewport" transform={`translate(${transform.x} ${transform.y}) scale(${transform.k})`}>
                {layout.looseTop !== null ? (
                  <text className={classes.sectionTitle} x={24} y={layout.looseTop - 16}>
                    No manager recorded
                  </text>
                ) : null}
                <ChartEdges
                  tree={overview ? null : tree}
                  curves={bulkCurves ? null : curves}
                  styles={styles}
                  box={box}
                  selectedId={selectedEdgeId}
                  onSelect={setSelectedEdgeId}
                />
                {overview && highlighted ? (
                  <rect
                    data-testid="org-overview-highlight"
                    x={highlighted.x}
                    y={highlighted.y}
                    width={highlighted.width}
                    height={highlighted.height}
                    className={classes.overviewHighlight}
                  />
                ) : null}
                {overview ? null : layout.nodes.map((node) => {
                  if (!intersects(node, box)) return null;
                  const person = peopleById.get(node.id);
                  if (!person) return null;
                  const dropState: OrgCardDropState =
                    dragTarget?.type === "person" && dragTarget.personId === node.id
                      ? dragTarget.allowed
                        ? "allowed"
                        : "forbidden"
                      : null;
                  return (
                    <OrgCard
                      key={node.id}
                      node={node}
                      person={person}
                      level={levels.get(node.id) ?? null}
                      detail={detail}
                      photoUrl={photoUrl ? photoUrl(node.id) : null}
                      highlighted={highlightId === node.id}
                      selected={connect.sourceId === node.id || drag?.personId === node.id}
                      dropState={dropState}
                      filteredOut={levelSet !== undefined && !levelSet.has(node.id)}
                      editable={mayEdit && !connect.active}
                      onPointerDown={pointer.onCardPointerDown}
                      onActivate={onActivate}
                      onToggle={onToggle}
                      onMenu={onMenu}
                    />
                  );
                })}
              </g>
            ) : null}
          </svg>
        </div>
        {!layout && !error ? (
          <Group className={classes.status} gap={6}>
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              Arranging the chart…
            </Text>
          </Group>
        ) : pending ? (
          <Loader size="xs" className={classes.status} />
        ) : null}
        {error ? (
          <Alert className={classes.hint} color="red" variant="light" title="The chart could not be arranged">
            {error}
          </Alert>
        ) : null}
        {noTree && mayEdit && !error ? (
          <Paper className={classes.hint} withBorder shadow="xs" px="sm" py={6} radius="xl" data-testid="org-hint">
            <Text size="sm">Drag a person onto their manager to start the chart</Text>
          </Paper>
        ) : null}
        {connect.active ? (
          <Paper className={classes.hint} withBorder shadow="xs" px="sm" py={6} radius="xl" data-testid="org-connect-hint">
            <Text size="sm">
              {connect.sourceId
                ? `Now click the second person (from ${peopleById.get(connect.sourceId)?.displayName ?? "?"}). Esc stops.`
                : "Click the first person, then the second. Esc stops."}
            </Text>
          </Paper>
        ) : null}
        <div className={classes.legend}>
          <ChartLegend
            kinds={legendKinds}
            hiddenKinds={hiddenKinds}
            onToggleKind={(code) =>
              setHiddenKinds((previous) => {
                const next = new Set(previous);
                if (next.has(code)) next.delete(code);
                else next.add(code);
                return next;
              })
            }
          />
        </div>
        {mayEdit ? (
          <div
            className={`${classes.zone} ${dragTarget?.type === "no-manager" ? classes.zoneActive : ""}`}
            data-testid={NO_MANAGER_ZONE_TESTID}
          >
            {drag ? "Drop here: no manager" : "Drag a card here to remove their manager"}
          </div>
        ) : null}
        {selectedMenu && selectedRelationship ? (
          <Paper
            className={classes.edgeMenu}
            style={{
              left: transform.x + selectedMenu.x * transform.k,
              top: transform.y + selectedMenu.y * transform.k,
            }}
            withBorder
            shadow="md"
            p={6}
            radius="md"
            data-testid="org-edge-menu"
          >
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" color={kindStyleOf(styles, selectedRelationship.kind).color} tt="none">
                {kindStyleOf(styles, selectedRelationship.kind).label}
              </Badge>
              <Text size="xs" maw={220} truncate>
                {peopleById.get(selectedRelationship.fromId)?.displayName ?? "Someone"} →{" "}
                {peopleById.get(selectedRelationship.toId)?.displayName ?? "Someone"}
              </Text>
              {mayEdit ? (
                <Button
                  size="compact-xs"
                  color="red"
                  variant="light"
                  leftSection={<IconTrash size={12} />}
                  data-testid="org-remove-relationship"
                  onClick={() => {
                    onRemoveRelationship(selectedRelationship.id);
                    setSelectedEdgeId(null);
                  }}
                >
                  Remove
                </Button>
              ) : null}
            </Group>
          </Paper>
        ) : null}
        {cardMenu ? (
          <CardMenu
            menu={cardMenu}
            name={peopleById.get(cardMenu.personId)?.displayName ?? ""}
            hasManager={layout?.managerOf.has(cardMenu.personId) ?? false}
            reportCount={layout?.reportsOf.get(cardMenu.personId)?.length ?? 0}
            collapsed={collapsed.has(cardMenu.personId)}
            mayEdit={mayEdit}
            onClose={() => setCardMenu(null)}
            onOpen={() => onOpenPerson(cardMenu.personId)}
            onToggle={() => onToggle(cardMenu.personId)}
            onRemoveManager={() => onReparent(cardMenu.personId, null)}
          />
        ) : null}
        {drag ? (
          <div className={classes.ghost} style={{ left: drag.x + 14, top: drag.y + 14 }} data-testid="org-drag-ghost">
            {peopleById.get(drag.personId)?.displayName}
            {dragTarget?.type === "person" ? (
              <Text span size="xs" c={dragTarget.allowed ? "green" : "red"} ml={6}>
                {dragTarget.allowed
                  ? `→ reports to ${peopleById.get(dragTarget.personId)?.displayName ?? ""}`
                  : dragTarget.loop
                    ? "would report to their own report"
                    : "cannot report here"}
              </Text>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

type CardMenuProps = {
  menu: CardMenuState;
  name: string;
  hasManager: boolean;
  reportCount: number;
  collapsed: boolean;
  mayEdit: boolean;
  onClose: () => void;
  onOpen: () => void;
  onToggle: () => void;
  onRemoveManager: () => void;
};

function CardMenu({
  menu,
  name,
  hasManager,
  reportCount,
  collapsed,
  mayEdit,
  onClose,
  onOpen,
  onToggle,
  onRemoveManager,
}: CardMenuProps) {
  return (
    <Menu opened onChange={(opened) => !opened && onClose()} position="bottom-start" withinPortal={false} shadow="md">
      <Menu.Target>
        <div style={{ position: "absolute", left: menu.x, top: menu.y, width: 1, height: 1 }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="org-card-menu">
        <Menu.Label>{name}</Menu.Label>
        <Menu.Item leftSection={<IconExternalLink size={14} />} onClick={onOpen}>
          Open contact
        </Menu.Item>
        {reportCount > 0 ? (
          <Menu.Item
            leftSection={collapsed ? <IconArrowsMaximize size={14} /> : <IconArrowsMinimize size={14} />}
            onClick={onToggle}
          >
            {collapsed ? "Show reports" : "Hide reports"}
          </Menu.Item>
        ) : null}
        {mayEdit && hasManager ? (
          <Menu.Item
            color="red"
            leftSection={<IconUserOff size={14} />}
            onClick={onRemoveManager}
            data-testid="org-remove-manager"
          >
            Remove manager
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Where the Remove menu of a selected line goes, in chart coordinates. */
function edgeMenuPosition(
  layout: ChartLayout,
  relationships: Relationship[],
  relationshipId: string,
): { x: number; y: number } | null {
  const tree = layout.treeEdges.find((edge) => edge.relationshipId === relationshipId);
  if (tree) {
    const [, a, b] = tree.points;
    return { x: (a.x + b.x) / 2, y: a.y };
  }
  const relationship = relationships.find((candidate) => candidate.id === relationshipId);
  if (!relationship) return null;
  const from = layout.nodeById.get(relationship.fromId);
  const to = layout.nodeById.get(relationship.toId);
  if (!from || !to) return null;
  // Lanes are ignored here: the menu sits near the line, close enough for a second lane too.
  return curveBetween(from, to).mid;
}
