import { Button, Grid, Group, Stack } from "@mantine/core";
import { IconMessagePlus } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { ContactDetail } from "../../../ipc/bindings";
import { reachOf } from "../../session/utils/permissions";
import { useAppInfo } from "../../shell/hooks/useAppInfo";
import { AddressesCard } from "./AddressesCard";
import { ApprovalsCard } from "./ApprovalsCard";
import { AuthorityCard } from "./AuthorityCard";
import { ContactActionModal, type OpenAction } from "./ContactActionModal";
import { ContactActionsMenu } from "./ContactActionsMenu";
import { contactPermissions, type ContactAction, type ContactPermissions } from "./contactActions";
import { ContactHeader } from "./ContactHeader";
import { ContactInfoCard } from "./ContactInfoCard";
import { ErasedContactView } from "./ErasedContactView";
import { FindingsCard } from "./FindingsCard";
import { HistoryCard } from "./HistoryCard";
import { LifecycleCard } from "./LifecycleCard";
import { NotesCard } from "./NotesCard";
import { PreferencesCard } from "./PreferencesCard";
import { RecordCard } from "./RecordCard";
import { SitesCard } from "./SitesCard";
import { StatusBanner } from "./StatusBanner";
import { TagsCard } from "./TagsCard";
import { VerificationCard } from "./VerificationCard";
import { ActivitySection } from "../../engagement/components/ActivitySection";
import { LogInteractionModal } from "../../engagement/components/LogInteractionModal";
import { LogOfferBanner } from "../../engagement/components/LogOfferBanner";
import { useLogDialog } from "../../engagement/hooks/useLogDialog";
import { RelationshipsCard } from "../../relationships/components/RelationshipsCard";

export type ContactDetailViewProps = {
  contact: ContactDetail;
};

export function ContactDetailView({ contact }: ContactDetailViewProps) {
  const user = useAppInfo().data?.session?.user;
  const navigate = useNavigate();
  const [open, setOpen] = useState<OpenAction | null>(null);
  const parts = { permissions: contactPermissions(contact, user), onAction: setOpen };

  // One tree for both states: the erasure dialog stays mounted and shows its report over the tombstone.
  return (
    <Stack gap="md" data-testid="contact-detail">
      {contact.erased ? <ErasedContactView contact={contact} /> : <LiveContact contact={contact} {...parts} />}
      <ContactActionModal
        contact={contact}
        open={open}
        seesArchived={reachOf(user, "archived") === "all"}
        onClose={() => setOpen(null)}
        onLostSight={() => {
          setOpen(null);
          navigate("/contacts");
        }}
      />
    </Stack>
  );
}

type LiveContactProps = {
  contact: ContactDetail;
  permissions: ContactPermissions;
  onAction(open: OpenAction): void;
};

function LiveContact({ contact, permissions, onAction }: LiveContactProps) {
  const can = (action: ContactAction) => permissions.actions.includes(action);
  const log = useLogDialog();
  const [offer, setOffer] = useState<{ channel: "email" | "call"; target: string } | null>(null);
  return (
    <>
      <ContactHeader
        contact={contact}
        actions={
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconMessagePlus size={16} />}
              onClick={() => log.openNew()}
              data-testid="contact-log-interaction"
            >
              Log interaction
            </Button>
            <ContactActionsMenu
              contactId={contact.id}
              permissions={permissions}
              onAction={(action) => onAction({ action })}
            />
          </Group>
        }
      />
      <StatusBanner
        contact={contact}
        onReactivate={can("reactivate") ? () => onAction({ action: "reactivate" }) : undefined}
      />
      {offer ? (
        <LogOfferBanner
          offer={{ channel: offer.channel, direction: "outbound" }}
          target={offer.target}
          onLog={() => {
            log.openNew({ channel: offer.channel, direction: "outbound" });
            setOffer(null);
          }}
          onDismiss={() => setOffer(null)}
        />
      ) : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ContactInfoCard contact={contact} onLinkOpened={(channel, target) => setOffer({ channel, target })} />
            <AddressesCard addresses={contact.addresses} />
            <PreferencesCard contact={contact} />
            <NotesCard contact={contact} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <FindingsCard
              contactId={contact.id}
              findings={contact.findings}
              score={contact.qualityScore}
              canEdit={permissions.edit}
              onVerify={() => onAction({ action: "verify" })}
            />
            <VerificationCard contact={contact} />
            <AuthorityCard contact={contact} />
            <ApprovalsCard approvals={contact.approvals} />
            <LifecycleCard stage={contact.lifecycleStage} history={contact.lifecycleHistory} />
            <RelationshipsCard contactId={contact.id} />
            <TagsCard tags={contact.tags} />
            <RecordCard contact={contact} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <ActivitySection contactId={contact.id} onLog={() => log.openNew()} onEdit={log.openEdit} />
        </Grid.Col>
        <Grid.Col span={12}>
          <SitesCard
            sites={contact.sites}
            onSetPrimary={can("primary") ? (siteId) => onAction({ action: "primary", siteId }) : undefined}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <HistoryCard contactId={contact.id} />
        </Grid.Col>
      </Grid>
      {log.state ? (
        <LogInteractionModal
          contact={contact}
          editing={log.state.editing}
          prefill={log.state.prefill}
          onClose={log.close}
        />
      ) : null}
    </>
  );
}
