import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft, IconClockHour4, IconLogin2, IconShieldLock } from "@tabler/icons-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { AppInfo, DemoUser } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useSignIn } from "../hooks/useSignIn";
import { DemoUsersPanel } from "./DemoUsersPanel";
import { StartFooter } from "./StartFooter";
import { StartLayout } from "./StartLayout";

export type SignInScreenProps = {
  info: AppInfo;
  /** Why the user is here again (e.g. their account was locked while the app was locked). */
  notice?: string | null;
};

type Problem = { kind: "refused" | "locked" | "other"; message: string } | null;

function problemOf(error: unknown): Problem {
  if (isIpcError(error) && error.code === "account_locked") return { kind: "locked", message: error.message };
  if (isIpcError(error) && error.code === "sign_in_refused") return { kind: "refused", message: error.message };
  return { kind: "other", message: formatIpcError(error).message };
}

export function SignInScreen({ info, notice = null }: SignInScreenProps) {
  const [username, setUsername] = useState(info.lastUsername ?? "");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"password" | "code">("password");
  const [problem, setProblem] = useState<Problem>(notice ? { kind: "locked", message: notice } : null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const signIn = useSignIn();

  useEffect(() => {
    if (step === "code") codeRef.current?.focus();
  }, [step]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    if (!username.trim() || !password) {
      setProblem({ kind: "other", message: "Enter your user name and password." });
      return;
    }
    if (step === "code" && !code.trim()) {
      setProblem({ kind: "other", message: "Enter the code from your authenticator app, or a recovery code." });
      return;
    }
    setProblem(null);
    signIn.mutate(
      { username: username.trim(), password, code: step === "code" ? code.trim() : null },
      {
        onError: (error) => {
          if (isIpcError(error) && error.code === "totp_required") {
            setStep("code");
            return;
          }
          setProblem(problemOf(error));
          if (step === "code") {
            setCode("");
            codeRef.current?.focus();
          } else {
            setPassword("");
            passwordRef.current?.focus();
          }
        },
      },
    );
  };

  const backToPassword = () => {
    setStep("password");
    setCode("");
    setPassword("");
    setProblem(null);
  };

  const pick = (user: DemoUser) => {
    setStep("password");
    setUsername(user.username);
    setPassword(user.password);
    setCode("");
    setProblem(null);
    // Filled in: Enter (or Space) on the focused button signs in.
    submitRef.current?.focus();
  };

  const aside = info.isDemo && info.demoUsers.length > 0 ? <DemoUsersPanel users={info.demoUsers} onPick={pick} /> : undefined;

  return (
    <StartLayout footer={<StartFooter info={info} />} width={400} aside={aside} testId="sign-in-screen">
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <Stack gap="md">
          {step === "password" ? (
            <>
              <div>
                <Title order={2} size="h3">
                  Sign in
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {info.isDemo ? "Demo database: sign in as one of the demo users." : "Sign in with your Rapport account."}
                </Text>
              </div>
              <TextInput
                label="User name"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus={!username}
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                data-testid="sign-in-username"
              />
              <PasswordInput
                ref={passwordRef}
                label="Password"
                autoComplete="current-password"
                autoFocus={Boolean(username)}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                data-testid="sign-in-password"
              />
            </>
          ) : (
            <>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconShieldLock
                  size={28}
                  stroke={1.5}
                  color="var(--mantine-primary-color-filled)"
                  style={{ flexShrink: 0, marginTop: 2 }}
                  aria-hidden
                />
                <div>
                  <Title order={2} size="h3">
                    Two-step sign-in
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    Enter the 6-digit code your authenticator app shows for Rapport. Without your phone, enter one of your
                    recovery codes instead.
                  </Text>
                </div>
              </Group>
              <TextInput
                ref={codeRef}
                label="Code"
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={16}
                placeholder="123456 or ABCD-EFGH"
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: "0.1em" } }}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                data-testid="sign-in-code"
              />
            </>
          )}
          {problem ? (
            <Alert
              color={problem.kind === "locked" ? "orange" : "red"}
              icon={problem.kind === "locked" ? <IconClockHour4 size={18} /> : <IconAlertCircle size={18} />}
              role="alert"
              data-testid="sign-in-error"
              data-kind={problem.kind}
            >
              {problem.message}
            </Alert>
          ) : null}
          <Group justify={step === "code" ? "space-between" : "flex-end"}>
            {step === "code" ? (
              <Anchor component="button" type="button" size="sm" onClick={backToPassword} disabled={signIn.isPending}>
                <Group gap={4} wrap="nowrap" component="span">
                  <IconArrowLeft size={14} /> Back
                </Group>
              </Anchor>
            ) : null}
            <Button
              ref={submitRef}
              type="submit"
              leftSection={<IconLogin2 size={16} />}
              loading={signIn.isPending}
              data-testid="sign-in-submit"
            >
              {step === "code" ? "Verify" : "Sign in"}
            </Button>
          </Group>
        </Stack>
      </form>
    </StartLayout>
  );
}
