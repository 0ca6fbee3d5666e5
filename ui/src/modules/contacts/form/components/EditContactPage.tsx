import { Button, Center, Loader } from "@mantine/core";
import { IconArrowLeft, IconUserQuestion } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { isIpcError } from "../../../../ipc/client";
import { ErrorState } from "../../../shell/components/ErrorState";
import { StatePanel } from "../../../shell/components/StatePanel";
import { useContactPolicy } from "../hooks/useContactPolicy";
import { useFreshContact } from "../hooks/useFreshContact";
import { ContactEditor } from "./ContactEditor";
import { FormPage } from "./FormPage";

/** `/contacts/:id/edit`: every field of a stored contact on one page. */
export function EditContactPage() {
  const { id = "" } = useParams();
  const contact = useFreshContact(id);
  const policy = useContactPolicy();

  let body;
  if (contact.isError && isIpcError(contact.error) && contact.error.code === "not_found") {
    body = (
      <StatePanel
        icon={<IconUserQuestion size={24} />}
        title="This contact does not exist (any more)"
        testId="edit-not-found"
        actions={
          <Button component={Link} to="/contacts" variant="light" leftSection={<IconArrowLeft size={16} />}>
            Back to contacts
          </Button>
        }
      >
        It may have been merged into another record or removed, or the link is out of date.
      </StatePanel>
    );
  } else if (contact.isError || policy.isError) {
    body = (
      <ErrorState
        error={contact.error ?? policy.error}
        onRetry={() => {
          if (contact.isError) void contact.refetch();
          if (policy.isError) void policy.refetch();
        }}
        retrying={contact.isRefetching || policy.isRefetching}
        testId="edit-error"
      />
    );
  } else if (contact.data === undefined || !contact.fresh || policy.data === undefined) {
    body = (
      <Center py={64}>
        <Loader aria-label="Loading" />
      </Center>
    );
  } else {
    // Keyed by id: the editor keeps the contact it loaded as the base of the edit.
    body = <ContactEditor key={id} detail={contact.data} smsEnabled={policy.data.smsEnabled} />;
  }

  return (
    <FormPage backTo={`/contacts/${id}`} backLabel="Back to the contact" testId="edit-contact-page">
      {body}
    </FormPage>
  );
}
