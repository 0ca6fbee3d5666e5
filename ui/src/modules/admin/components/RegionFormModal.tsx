import type { Region, RegionInput } from "../../../ipc/bindings";
import { useEditForm } from "../hooks/useEditForm";
import { useSaveRegion } from "../hooks/useSaveRegion";
import { CodeNameFields } from "./CodeNameFields";
import { FormModal } from "./FormModal";

export type RegionFormModalProps = {
  /** null: a new region. */
  region: Region | null;
  onClose: () => void;
};

const LABELS: Record<keyof RegionInput, string> = { code: "Code", name: "Name" };

export function RegionFormModal({ region, onClose }: RegionFormModalProps) {
  const save = useSaveRegion();
  const { input, change, errors, check, submit, pending } = useEditForm<RegionInput>({
    initial: { code: region?.code ?? "", name: region?.name ?? "" },
    labels: LABELS,
    save,
    onSaved: onClose,
  });

  const onSubmit = () => {
    const ok = check({
      code: input.code.trim() ? undefined : "Enter a short code",
      name: input.name.trim() ? undefined : "Enter the region's name",
    });
    if (!ok) return;
    submit(
      region?.id ?? null,
      { code: input.code.trim(), name: input.name.trim() },
      { title: region ? "Region saved" : "Region created", message: `${input.name.trim()} is saved.` },
    );
  };

  return (
    <FormModal
      title={region ? `Edit region ${region.name}` : "New region"}
      testIdPrefix="region"
      error={errors.general}
      submitLabel={region ? "Save changes" : "Create region"}
      pending={pending}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <CodeNameFields
        value={input}
        labels={LABELS}
        errors={errors.fields}
        onChange={change}
        codeExample="UKI"
        testIdPrefix="region"
      />
    </FormModal>
  );
}
