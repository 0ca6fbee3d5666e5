import { Grid, Stack } from "@mantine/core";
import type { ContactDetail } from "../../../ipc/bindings";
import { AddressesCard } from "./AddressesCard";
import { AuthorityCard } from "./AuthorityCard";
import { ContactHeader } from "./ContactHeader";
import { ContactInfoCard } from "./ContactInfoCard";
import { HistoryCard } from "./HistoryCard";
import { LifecycleCard } from "./LifecycleCard";
import { NotesCard } from "./NotesCard";
import { PreferencesCard } from "./PreferencesCard";
import { RecordCard } from "./RecordCard";
import { SitesCard } from "./SitesCard";
import { TagsCard } from "./TagsCard";
import { VerificationCard } from "./VerificationCard";

export type ContactDetailViewProps = {
  contact: ContactDetail;
};

export function ContactDetailView({ contact }: ContactDetailViewProps) {
  return (
    <Stack gap="md" data-testid="contact-detail">
      <ContactHeader contact={contact} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ContactInfoCard contact={contact} />
            <AddressesCard addresses={contact.addresses} />
            <PreferencesCard contact={contact} />
            <NotesCard contact={contact} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <VerificationCard contact={contact} />
            <AuthorityCard contact={contact} />
            <LifecycleCard stage={contact.lifecycleStage} history={contact.lifecycleHistory} />
            <TagsCard tags={contact.tags} />
            <RecordCard contact={contact} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <SitesCard sites={contact.sites} />
        </Grid.Col>
        <Grid.Col span={12}>
          <HistoryCard contactId={contact.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
