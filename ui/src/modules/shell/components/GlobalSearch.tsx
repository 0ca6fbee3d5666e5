import { Group, Kbd, Loader, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Spotlight } from "@mantine/spotlight";
import { IconSearch, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useGlobalSearchResults } from "../hooks/useGlobalSearchResults";

const GLOBAL_SEARCH_DEBOUNCE_MS = 120;

/** Ctrl+K / ⌘K from anywhere (also while typing in another field): jump to a contact. */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [debounced] = useDebouncedValue(text, GLOBAL_SEARCH_DEBOUNCE_MS);
  const results = useGlobalSearchResults(debounced);
  const blank = text.trim().length === 0;
  const rows = blank ? [] : (results.data?.rows ?? []);

  let message: string | null = null;
  if (blank) message = "Type a name, email address, phone number or company.";
  else if (results.isError) message = formatIpcError(results.error).message;
  else if (results.isPending || (debounced !== text && rows.length === 0)) message = "Searching…";
  else if (rows.length === 0) message = `No contacts match “${text.trim()}”.`;

  return (
    <Spotlight.Root
      query={text}
      onQueryChange={setText}
      shortcut={["mod + K"]}
      tagsToIgnore={[]}
      scrollable
      maxHeight={440}
      size="lg"
    >
      <Spotlight.Search
        placeholder="Search contacts by name, email, phone, company…"
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={results.isFetching && !blank ? <Loader size={14} /> : null}
        aria-label="Search contacts"
        data-testid="global-search"
      />
      <Spotlight.ActionsList>
        {rows.map((row) => (
          <Spotlight.Action
            key={row.id}
            onClick={() => navigate(`/contacts/${encodeURIComponent(row.id)}`)}
            leftSection={<IconUser size={18} stroke={1.5} />}
            label={row.displayName}
            description={[row.company, row.email].filter(Boolean).join(" · ") || undefined}
            rightSection={
              <Text size="xs" c="dimmed" ff="monospace">
                {row.reference}
              </Text>
            }
            data-testid="global-search-result"
          />
        ))}
        {message ? <Spotlight.Empty>{message}</Spotlight.Empty> : null}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="md" justify="center">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> open
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Esc</Kbd> close
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
