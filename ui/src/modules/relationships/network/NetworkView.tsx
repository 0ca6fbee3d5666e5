//! The network around a contact or an account: everyone reached along relationships a few steps
//! deep, across accounts, filtered by kind, level and territory, drawn in SVG with pan and zoom
//! (WebKitGTK, WebView2 and jsdom alike).
import { Alert, Button, Center, Group, Loader, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { IconFocus2, IconZoomIn, IconZoomOut } from "@tabler/icons-react";
import type { PointerEvent as ReactPointerEvent } from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { DRAG_THRESHOLD } from "../chart/hooks/useChartPointer";
import { centreTransform, usePanZoom } from "../chart/hooks/usePanZoom";
import { kindStyleOf, kindStyles } from "../chart/utils/chartStyles";
import { useNetwork } from "../hooks/useNetwork";
import type { MapPerson, NetworkSource } from "../types/map";
import { NetworkFilters } from "./components/NetworkFilters";
import { NetworkCanvas } from "./components/NetworkCanvas";
import { BULK_EDGES, NetworkEdges, NetworkMarkers } from "./components/NetworkEdges";
import { NetworkKindFilter } from "./components/NetworkKindFilter";
import { useNetworkLayout } from "./hooks/useNetworkLayout";
import { useRelationshipKinds } from "./hooks/useRelationshipKinds";
import type { NetworkLayout, NetworkNode } from "./layoutNetwork";
import type { NetworkFilters as Filters } from "./filterNetwork";
import { filterNetwork, levelOptions, NO_FILTERS, personFacts, territoryOptions } from "./filterNetwork";
import { inRect, visibleRect } from "./utils";

export type NetworkViewProps = {
  source: NetworkSource;
  /** The canvas's CSS height (the page under it decides what is left). */
  height?: string;
  onOpenPerson: (id: string) => void;
};

export type NetworkDepth = "1" | "2" | "3" | "4";

/** More people than this on screen are drawn as plain dots on the canvas (no labels, no clicks). */
const MAX_NODE_ELEMENTS = 1500;
/** Names show from this zoom on (smaller text is unreadable and costs the most to draw). */
const LABEL_SCALE = 0.5;

const NO_NODES: NetworkNode[] = [];

const NOBODY: ReadonlySet<string> = new Set();

export function NetworkView({ source, onOpenPerson, height = "65vh" }: NetworkViewProps) {
  const [depth, setDepth] = useState<NetworkDepth>("2");
  const [hiddenKinds, setHiddenKinds] = useState<Set<string>>(new Set());
  const [seenKinds, setSeenKinds] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);

  const queryKinds = hiddenKinds.size === 0 ? [] : seenKinds.filter((code) => !hiddenKinds.has(code));
  const network = useNetwork(source, Number(depth), queryKinds);
  const kindList = useRelationshipKinds();
  const data = network.data;

  // Kinds met in any network loaded so far: a kind filtered out stays in the filter to bring back.
  const newKinds = data ? [...new Set(data.relationships.map((r) => r.kind))].filter((k) => !seenKinds.includes(k)) : [];
  if (newKinds.length > 0) setSeenKinds([...seenKinds, ...newKinds]);

  const styles = useMemo(() => kindStyles(kindList.data ?? []), [kindList.data]);
  const filterKinds = useMemo(() => {
    const order = (kindList.data ?? []).map((kind) => kind.code);
    const rank = (code: string) => (code === "reports_to" ? -1 : order.includes(code) ? order.indexOf(code) : order.length);
    return [...seenKinds]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((code) => ({ code, style: kindStyleOf(styles, code) }));
  }, [kindList.data, seenKinds, styles]);

  // The person a contact's network is drawn around stays whatever the filters.
  const keep = useMemo(() => (source.kind === "contact" ? new Set([source.id]) : NOBODY), [source.kind, source.id]);
  const filtered = useMemo(() => (data ? filterNetwork(data, filters, keep) : undefined), [data, filters, keep]);
  const startIds = useMemo(() => data?.startIds ?? [], [data]);
  const starts = useMemo(() => new Set(startIds), [startIds]);
  const facts = useMemo(() => (data ? personFacts(data) : new Map<string, { territories: string[]; levels: string[] }>()), [data]);
  const levels = useMemo(() => (data ? levelOptions(data) : []), [data]);
  const territories = useMemo(() => (data ? territoryOptions(data) : []), [data]);
  const filtering = filters.level !== null || filters.territoryId !== null;

  const people = filtered?.people;
  const relationships = useMemo(
    () => filtered?.relationships.filter((relationship) => !hiddenKinds.has(relationship.kind)),
    [filtered, hiddenKinds],
  );
  const { layout, error: layoutError } = useNetworkLayout(startIds, people, filtered?.relationships);
  const personById = useMemo(() => new Map((people ?? []).map((person) => [person.id, person])), [people]);

  const { transform, setTransform, autoFit, fitTo, size, canvasRef, zoomBy } = usePanZoom();
  // A new layout (another depth or kind filter) is shown whole; so is a resized canvas until the
  // user moves the view themselves.
  const fittedLayout = useRef<NetworkLayout | null>(null);
  useEffect(() => {
    if (!layout || size.width === 0) return;
    if (fittedLayout.current === layout && !autoFit) return;
    fittedLayout.current = layout;
    fitTo(layout);
  }, [autoFit, layout, size, fitTo]);

  // Panning: a press on the background or a node that travels a few pixels moves the view.
  const pan = useRef<{ x: number; y: number; tx: number; ty: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  // A large network (drawn on the canvas) is dragged as one picture and drawn again on release.
  const layerRef = useRef<HTMLDivElement | null>(null);
  const dragAsPicture = useRef(false);
  const onPointerDown = useCallback(
    (event: ReactPointerEvent<SVGSVGElement>) => {
      if (event.button !== 0) return;
      pan.current = { x: event.clientX, y: event.clientY, tx: transform.x, ty: transform.y, moved: false };
      const onMove = (move: PointerEvent) => {
        const start = pan.current;
        if (!start) return;
        const dx = move.clientX - start.x;
        const dy = move.clientY - start.y;
        if (!start.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        start.moved = true;
        if (dragAsPicture.current && layerRef.current) {
          layerRef.current.style.transform = `translate(${dx}px, ${dy}px)`;
          return;
        }
        setTransform((previous) => ({ ...previous, x: start.tx + dx, y: start.ty + dy }));
      };
      const onUp = (up: PointerEvent) => {
        const start = pan.current;
        suppressClick.current = start?.moved ?? false;
        if (start?.moved && dragAsPicture.current && layerRef.current) {
          layerRef.current.style.transform = "";
          setTransform((previous) => ({ ...previous, x: start.tx + up.clientX - start.x, y: start.ty + up.clientY - start.y }));
        }
        pan.current = null;
        window.removeEventListener("pointermove", onMove);
        window.removeEventListener("pointerup", onUp);
      };
      window.addEventListener("pointermove", onMove);
      window.addEventListener("pointerup", onUp);
    },
    [transform.x, transform.y, setTransform],
  );

  const openNode = (person: MapPerson) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    if (person.placeholder) return;
    setSelectedId(person.id);
    onOpenPerson(person.id);
  };

  const searchData = useMemo(
    () =>
      (people ?? [])
        .filter((person) => !person.placeholder)
        .map((person) => ({ value: person.id, label: person.displayName })),
    [people],
  );
  const centreOn = (id: string | null) => {
    setSelectedId(id);
    const node = id ? layout?.nodeById.get(id) : undefined;
    if (node) setTransform(centreTransform(node, size, transform.k));
  };

  const visibleNodes = useMemo(() => {
    const shown = visibleRect(transform, size);
    return layout ? layout.nodes.filter((node) => inRect(node, shown)) : [];
  }, [layout, transform, size]);
  const asDots = visibleNodes.length > MAX_NODE_ELEMENTS;
  const onCanvas = asDots || (relationships?.length ?? 0) > BULK_EDGES;
  useEffect(() => {
    dragAsPicture.current = onCanvas;
  }, [onCanvas]);
  const showLabels = transform.k >= LABEL_SCALE;
  const activeEdgeId = hoveredEdge ?? selectedEdge;
  const activeEdge = activeEdgeId ? relationships?.find((relationship) => relationship.id === activeEdgeId) : undefined;
  const activeEnds = activeEdge && layout ? [layout.nodeById.get(activeEdge.fromId), layout.nodeById.get(activeEdge.toId)] : [];

  const toggleKind = (code: string) =>
    setHiddenKinds((previous) => {
      const next = new Set(previous);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  let body;
  if (network.isError && !data) {
    body = (
      <Alert color="red" title="The network could not be loaded" data-testid="network-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{formatIpcError(network.error).message}</Text>
          <Button size="xs" variant="light" onClick={() => void network.refetch()}>
            Retry
          </Button>
        </Stack>
      </Alert>
    );
  } else if (!data || !filtered || (!layout && !layoutError && filtered.relationships.length > 0)) {
    body = (
      <Center h={240} data-testid="network-loading">
        <Loader size="sm" />
      </Center>
    );
  } else if (data.relationships.length === 0) {
    body = (
      <Center h={240}>
        <Text c="dimmed" data-testid="network-empty">
          {source.kind === "contact"
            ? "No relationships recorded for this person"
            : "No relationships recorded for anyone at this account"}
        </Text>
      </Center>
    );
  } else if (filtered.relationships.length === 0) {
    body = (
      <Center h={240}>
        <Stack gap="xs" align="center" data-testid="network-filtered-empty">
          <Text c="dimmed">No relationships between people of this level and territory</Text>
          <Button size="xs" variant="light" onClick={() => setFilters(NO_FILTERS)}>
            Show everyone
          </Button>
        </Stack>
      </Center>
    );
  } else if (layoutError || !layout) {
    body = (
      <Alert color="red" title="The network could not be laid out">
        {layoutError?.message}
      </Alert>
    );
  } else {
    body = (
      <div
        ref={canvasRef}
        style={{ position: "relative", flex: 1, minHeight: 360, height, overflow: "hidden", touchAction: "none" }}
        data-testid="network-canvas"
      >
        <div ref={layerRef} style={{ position: "absolute", inset: 0 }}>
          {onCanvas ? (
            <NetworkCanvas
              layout={layout}
              relationships={relationships ?? []}
              styles={styles}
              transform={transform}
              size={size}
              dots={asDots ? visibleNodes : NO_NODES}
              starts={starts}
              personById={personById}
            />
          ) : null}
          <svg
            width="100%"
            height="100%"
            onPointerDown={onPointerDown}
            onClick={() => setSelectedEdge(null)}
            style={{ display: "block", position: "relative", cursor: "grab" }}
          >
            <NetworkMarkers styles={styles} />
            <g data-testid="network-viewport" transform={`translate(${transform.x} ${transform.y}) scale(${transform.k})`}>
              {onCanvas ? null : (
                <NetworkEdges
                  layout={layout}
                  relationships={relationships ?? []}
                  styles={styles}
                  activeEdgeId={activeEdgeId}
                  onHoverEdge={setHoveredEdge}
                  onSelectEdge={setSelectedEdge}
                />
              )}
              {asDots ? null : (
                visibleNodes.map((node) => {
                  const person = personById.get(node.id);
                  if (!person) return null;
                  const r = node.width / 2;
                  const centre = starts.has(node.id);
                  const fact = facts.get(node.id);
                  const selected = node.id === selectedId;
                  return (
                    <g
                      key={node.id}
                      transform={`translate(${node.x + r} ${node.y + r})`}
                      data-testid="network-node"
                      data-person-id={person.id}
                      data-name={person.placeholder ? "" : person.displayName}
                      data-placeholder={person.placeholder ? "true" : "false"}
                      data-centre={centre ? "true" : undefined}
                      data-territories={fact?.territories.join("|")}
                      data-levels={fact?.levels.join("|")}
                      onClick={(event) => {
                        event.stopPropagation();
                        openNode(person);
                      }}
                      style={{ cursor: person.placeholder ? "default" : "pointer" }}
                      role={person.placeholder ? undefined : "button"}
                      tabIndex={person.placeholder ? undefined : 0}
                      onKeyDown={(event) => {
                        if (person.placeholder || (event.key !== "Enter" && event.key !== " ")) return;
                        event.preventDefault();
                        onOpenPerson(person.id);
                      }}
                      aria-label={person.placeholder ? undefined : person.displayName}
                    >
                      <title>
                        {person.placeholder
                          ? person.displayName
                          : [person.displayName, person.jobTitle, ...(fact?.levels ?? []), ...(fact?.territories ?? [])]
                              .filter(Boolean)
                              .join(" · ")}
                      </title>
                      <circle
                        r={r}
                        style={{
                          fill: person.placeholder
                            ? "var(--mantine-color-gray-3)"
                            : centre
                              ? "var(--mantine-color-blue-filled)"
                              : "var(--mantine-color-body)",
                          stroke: selected
                            ? "var(--mantine-color-orange-filled)"
                            : person.placeholder
                              ? "var(--mantine-color-gray-5)"
                              : "var(--mantine-color-blue-filled)",
                          strokeWidth: selected || centre ? 4 : 1.5,
                        }}
                      />
                      {person.placeholder ? null : (
                        <text
                          textAnchor="middle"
                          dominantBaseline="central"
                          style={{ fontSize: 12, fontWeight: 600, fill: centre ? "white" : "var(--mantine-color-text)", pointerEvents: "none" }}
                        >
                          {person.initials}
                        </text>
                      )}
                      {person.placeholder || !showLabels ? null : (
                        <text
                          y={r + 14}
                          textAnchor="middle"
                          style={{ fontSize: 12, fill: "var(--mantine-color-text)", pointerEvents: "none" }}
                        >
                          {person.displayName}
                        </text>
                      )}
                    </g>
                  );
                })
              )}
              {activeEdge && activeEnds[0] && activeEnds[1] ? (
                <text
                  data-testid="network-edge-label"
                  x={(activeEnds[0].x + activeEnds[1].x) / 2 + activeEnds[0].width / 2}
                  y={(activeEnds[0].y + activeEnds[1].y) / 2 + activeEnds[0].height / 2 - 6}
                  textAnchor="middle"
                  style={{ fontSize: 12, fontWeight: 600, fill: "var(--mantine-color-text)", paintOrder: "stroke", stroke: "var(--mantine-color-body)", strokeWidth: 4, pointerEvents: "none" }}
                >
                  {kindStyleOf(styles, activeEdge.kind).label}
                </text>
              ) : null}
            </g>
          </svg>
        </div>
        <Group gap={4} style={{ position: "absolute", right: 8, bottom: 8 }}>
          <Button size="compact-xs" variant="default" aria-label="Zoom in" onClick={() => zoomBy(1.25)}>
            <IconZoomIn size={14} />
          </Button>
          <Button size="compact-xs" variant="default" aria-label="Zoom out" onClick={() => zoomBy(0.8)}>
            <IconZoomOut size={14} />
          </Button>
        </Group>
      </div>
    );
  }

  return (
    <Stack gap="sm" data-testid="network-view">
      <Group gap="md" wrap="wrap" align="center">
        <Group gap={6}>
          <Text size="sm">Steps</Text>
          <SegmentedControl
            size="xs"
            value={depth}
            onChange={(value) => setDepth(value as NetworkDepth)}
            data={["1", "2", "3", "4"]}
            data-testid="network-depth"
          />
        </Group>
        <Select
          size="xs"
          w={220}
          placeholder="Find a person"
          searchable
          clearable
          limit={30}
          data={searchData}
          value={selectedId}
          onChange={centreOn}
          data-testid="network-search"
          aria-label="Find a person"
        />
        <NetworkFilters levels={levels} territories={territories} filters={filters} onChange={setFilters} />
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFocus2 size={14} />}
          onClick={() => layout && fitTo(layout)}
          disabled={!layout}
          data-testid="network-fit"
        >
          Fit
        </Button>
        {network.isFetching && data ? <Loader size="xs" /> : null}
      </Group>
      <NetworkKindFilter kinds={filterKinds} hiddenKinds={hiddenKinds} onToggleKind={toggleKind} />
      {source.kind === "account" && data ? (
        <Text size="xs" c="dimmed" data-testid="network-account-caption">
          Filled circles are people at this account
          {filtering && filtered ? ` · ${filtered.people.length.toLocaleString()} of ${data.people.length.toLocaleString()} people match the filters` : ""}
        </Text>
      ) : filtering && filtered && data ? (
        <Text size="xs" c="dimmed">
          {filtered.people.length.toLocaleString()} of {data.people.length.toLocaleString()} people match the filters
        </Text>
      ) : null}
      {data?.truncated ? (
        <Text size="sm" c="orange" data-testid="network-truncated">
          This network stops at {data.people.length.toLocaleString()} people. Show fewer steps or fewer kinds to see
          everyone.
        </Text>
      ) : null}
      {body}
    </Stack>
  );
}
