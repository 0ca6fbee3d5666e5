import { Grid, Input, SegmentedControl, Select, TagsInput } from "@mantine/core";
import { memo, useMemo } from "react";
import type { LifecycleStage, Priority } from "../../../../ipc/bindings";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldFeedback } from "../hooks/useFieldFeedback";
import { useFieldProps } from "../hooks/useFieldProps";
import { useOwnerOptions } from "../hooks/useOwnerOptions";
import { lifecycleOptions, priorityWords, PRIORITIES } from "../utils/options";

export type ManagementFieldsProps = { form: ContactFormApi };

const priorityData = PRIORITIES.map((p) => ({ value: p, label: priorityWords[p] }));

/** Lifecycle stage, priority, owner and tags. */
export const ManagementFields = memo(function ManagementFields({ form }: ManagementFieldsProps) {
  const { set } = form;
  const lifecycleStage = useFormValue(form, (v) => v.lifecycleStage);
  const priorityValue = useFormValue(form, (v) => v.priority);
  const owner = useFormValue(form, (v) => v.owner);
  const tags = useFormValue(form, (v) => v.tags);
  const fieldProps = useFieldProps();
  const { feedback, field } = useFieldFeedback();
  const owners = useOwnerOptions();
  const ownerData = useMemo(() => {
    const list = (owners.data ?? []).map((o) => ({ value: o.username, label: o.displayName }));
    // An owner who is no longer offered (disabled since) stays visible until changed.
    if (owner && !list.some((o) => o.value === owner)) list.unshift({ value: owner, label: owner });
    return list;
  }, [owners.data, owner]);
  // A problem with one tag is shown at the tags field.
  const tagProblem = feedback.problems.find((p) => p.field.startsWith("tags."));
  const priority = field("priority", "Priority");

  return (
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          {...fieldProps("lifecycleStage", "Lifecycle stage")}
          data={lifecycleOptions}
          value={lifecycleStage}
          onChange={(value) => value && set("lifecycleStage", value as LifecycleStage)}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Input.Wrapper label="Priority" error={priority.error}>
          <SegmentedControl
            fullWidth
            data={priorityData}
            value={priorityValue}
            onChange={(value) => set("priority", value as Priority)}
            aria-label="Priority"
            data-testid="field-priority"
          />
        </Input.Wrapper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          {...fieldProps("owner", "Owner", undefined)}
          data={ownerData}
          value={owner}
          onChange={(value) => set("owner", value)}
          searchable
          clearable
          placeholder={owners.isPending ? "Loading…" : "Nobody yet"}
          nothingFoundMessage="No user by that name"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TagsInput
          {...fieldProps("tags", "Tags", "Press Enter or comma after each tag.")}
          error={tagProblem ? `Tag ${Number(tagProblem.field.split(".")[1]) + 1} ${tagProblem.message}` : undefined}
          value={tags}
          onChange={(tags) => set("tags", tags)}
          splitChars={[","]}
          clearable
          placeholder={tags.length ? undefined : "e.g. key account, newsletter"}
        />
      </Grid.Col>
    </Grid>
  );
});
