import { Grid, TagsInput, TextInput } from "@mantine/core";
import { todayIso } from "../../components/significantFields";
import { memo } from "react";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldFeedback } from "../hooks/useFieldFeedback";
import { useFieldProps } from "../hooks/useFieldProps";

export type AdditionalFieldsProps = { form: ContactFormApi };

/** Birthday and websites: kept for imported and older contacts, edited on the edit screen. */
export const AdditionalFields = memo(function AdditionalFields({ form }: AdditionalFieldsProps) {
  const { set } = form;
  const birthday = useFormValue(form, (v) => v.birthday);
  const websites = useFormValue(form, (v) => v.websites);
  const fieldProps = useFieldProps();
  const { feedback } = useFieldFeedback();
  const websiteProblem = feedback.problems.find((p) => p.field.startsWith("websites."));
  return (
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          {...fieldProps("birthday", "Birthday")}
          type="date"
          max={todayIso()}
          value={birthday ?? ""}
          onChange={(event) => set("birthday", event.currentTarget.value || null)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TagsInput
          {...fieldProps("websites", "Websites", "Full addresses starting with https://; Enter after each.")}
          error={
            websiteProblem
              ? `${websites[Number(websiteProblem.field.split(".")[1])] ?? "A website"} ${websiteProblem.message}`
              : undefined
          }
          value={websites}
          onChange={(websites) => set("websites", websites)}
          splitChars={[" ", ","]}
          clearable
        />
      </Grid.Col>
    </Grid>
  );
});
