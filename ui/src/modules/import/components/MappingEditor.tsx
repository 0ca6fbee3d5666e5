import { Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text, Title, type ComboboxData } from "@mantine/core";
import { IconRestore } from "@tabler/icons-react";
import { useMemo } from "react";
import type { PreviewColumn } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useImportFields } from "../hooks/useImportFields";
import type { FileOptions } from "../types/importFile";
import { columnField, isOverridden, withColumnField } from "../utils/importRequest";
import classes from "./MappingEditor.module.css";

export type MappingEditorProps = {
  columns: PreviewColumn[];
  mapping: Record<string, string>;
  rememberMapping: boolean;
  /** The columns come from a check older than the current choices. */
  stale: boolean;
  onChange: (change: Partial<FileOptions>) => void;
};

/** Which field each column of the file feeds; a change checks the file again. */
export function MappingEditor({ columns, mapping, rememberMapping, stale, onChange }: MappingEditorProps) {
  const fields = useImportFields();
  const labels = useMemo(() => new Map((fields.data ?? []).map((field) => [field.key, field.label])), [fields.data]);
  const data = useMemo<ComboboxData>(() => {
    const known = (fields.data ?? []).map((field) => ({ value: field.key, label: field.label }));
    // A field the list does not know (an older saved mapping, say) is still shown as chosen.
    const unknown = [...new Set(columns.map((column) => columnField(mapping, column.header, column.field)))]
      .filter((key) => !labels.has(key))
      .map((key) => ({ value: key, label: key }));
    return [...known, ...unknown];
  }, [fields.data, labels, columns, mapping]);
  const overridden = Object.keys(mapping).length > 0;

  return (
    <Card data-testid="import-mapping">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} miw={0} flex="1 1 320px">
            <Title order={4}>Columns</Title>
            <Text size="sm" c="dimmed">
              Each column of the file feeds one contact field. Choose “Do not import” for a column that should
              not be imported.
            </Text>
          </Stack>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRestore size={14} />}
            onClick={() => onChange({ mapping: {} })}
            disabled={!overridden}
            data-testid="mapping-reset"
          >
            Reset to automatic
          </Button>
        </Group>
        {fields.isError ? (
          <Text size="sm" c="red" role="alert">
            The list of fields could not be read: {formatIpcError(fields.error).message}
          </Text>
        ) : null}
        <div className={classes.scroller} data-stale={stale || undefined}>
          <Table verticalSpacing={6} fz="sm" stickyHeader style={{ tableLayout: "fixed" }} miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">Column in the file</Table.Th>
                <Table.Th>Sample values</Table.Th>
                <Table.Th w={280}>Imports into</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {columns.map((column, index) => {
                const field = columnField(mapping, column.header, column.field);
                const samples = column.samples.join(", ");
                const changed = isOverridden(mapping, column.header);
                return (
                  <Table.Tr key={`${index}:${column.header}`} data-testid="mapping-row" data-header={column.header}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500} truncate="end" title={column.header}>
                          {column.header || <Text span c="dimmed" inherit>(no header)</Text>}
                        </Text>
                        {changed ? (
                          <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
                            Changed
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" truncate="end" title={samples || undefined}>
                        {samples || "No values in the first records"}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        data={data}
                        value={field}
                        onChange={(key) => key && onChange({ mapping: withColumnField(mapping, column.header, key) })}
                        searchable
                        allowDeselect={false}
                        nothingFoundMessage="No field with that name"
                        placeholder={fields.isPending ? "Loading fields…" : undefined}
                        aria-label={`Field for the column ${column.header}`}
                        maxDropdownHeight={280}
                        data-testid="mapping-select"
                        data-header={column.header}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
        <Checkbox
          label="Remember this mapping for files with these columns"
          description="Once this file is imported, the next file with the same column headers is mapped the same way."
          checked={rememberMapping}
          onChange={(event) => onChange({ rememberMapping: event.currentTarget.checked })}
          data-testid="mapping-remember"
        />
      </Stack>
    </Card>
  );
}
