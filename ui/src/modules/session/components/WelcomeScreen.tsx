import { Alert, Progress, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconBuildingSkyscraper, IconFlask } from "@tabler/icons-react";
import { useState } from "react";
import type { AppInfo, SetupResult } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useCreateDemoDatabase } from "../hooks/useCreateDemoDatabase";
import { ChoiceCard } from "./ChoiceCard";
import { SetupForm } from "./SetupForm";
import { StartFooter } from "./StartFooter";
import { StartLayout } from "./StartLayout";

export type WelcomeScreenProps = {
  info: AppInfo;
  onOrganisationCreated: (result: SetupResult) => void;
};

/** First start: no database yet. */
export function WelcomeScreen({ info, onOrganisationCreated }: WelcomeScreenProps) {
  const [step, setStep] = useState<"choose" | "setup">("choose");
  const demo = useCreateDemoDatabase();

  if (step === "setup") {
    return (
      <StartLayout footer={<StartFooter info={info} />} testId="welcome-screen">
        <SetupForm onCreated={onOrganisationCreated} onBack={() => setStep("choose")} />
      </StartLayout>
    );
  }

  return (
    <StartLayout footer={<StartFooter info={info} />} width={480} testId="welcome-screen">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            Welcome to Rapport
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            Rapport keeps its data in an encrypted database on this computer. How would you like to start?
          </Text>
        </div>
        <ChoiceCard
          icon={<IconFlask size={22} />}
          color="yellow"
          title="Explore the demo"
          onClick={() => demo.mutate()}
          loading={demo.isPending}
          testId="welcome-demo"
        >
          A made-up organisation with about 5,000 people and a demo user for each role. Nothing you do there touches
          real data.
        </ChoiceCard>
        <ChoiceCard
          icon={<IconBuildingSkyscraper size={22} />}
          title="Set up your organisation"
          onClick={() => setStep("setup")}
          disabled={demo.isPending}
          testId="welcome-setup"
        >
          An empty database for your own contacts, with you as its first site administrator.
        </ChoiceCard>
        {demo.isPending ? (
          <Stack gap={6} role="status" aria-live="polite" data-testid="welcome-demo-progress">
            <Progress value={100} animated striped size="sm" aria-label="Creating the demo database" />
            <Text size="sm" c="dimmed">
              Creating the demo organisation: about 5,000 people, their sites and histories. This takes a few
              seconds…
            </Text>
          </Stack>
        ) : null}
        {demo.isError ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title="The demo could not be created" data-testid="welcome-error">
            {formatIpcError(demo.error).message}
          </Alert>
        ) : null}
      </Stack>
    </StartLayout>
  );
}
