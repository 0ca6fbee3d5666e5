import { Box, Button, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconFileImport, IconFolderOpen } from "@tabler/icons-react";
import { usePickImportFiles } from "../hooks/usePickImportFiles";
import classes from "./FilesEmptyState.module.css";

/** No file yet: where to drop files, and the button for the file dialog. */
export function FilesEmptyState() {
  const pick = usePickImportFiles();
  return (
    <Box p="md" maw={1100}>
      <div className={classes.dropArea} data-testid="import-empty">
        <Stack align="center" gap="md" maw={560}>
          <ThemeIcon size={72} radius="xl" variant="light" aria-hidden>
            <IconFileImport size={38} stroke={1.4} />
          </ThemeIcon>
          <Title order={3} ta="center" fw={600}>
            Drop CSV, TSV, vCard, Excel or OpenDocument files anywhere on the window
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Rapport detects the format and the text encoding, maps the columns to contact fields and shows what
            would be stored, updated or refused. Nothing is stored until you import, and a whole import can be
            undone later.
          </Text>
          <Button
            size="md"
            leftSection={<IconFolderOpen size={18} />}
            onClick={() => pick.mutate()}
            loading={pick.isPending}
            data-testid="import-choose-files"
          >
            Choose files…
          </Button>
        </Stack>
      </div>
    </Box>
  );
}
