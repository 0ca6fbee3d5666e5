import { useCallback, useEffect, useRef, useState } from "react";
import { saveContactDraft } from "../ipc";
import { changedFields } from "../utils/compare";
import { markOwnDraft } from "../utils/draftSession";
import { toInput, wizardValues, type ContactFormValues } from "../utils/formValues";
import type { ContactFormApi } from "./useContactForm";

/** How long typing must pause before the draft is saved. */
export const DRAFT_SAVE_DEBOUNCE_MS = 800;

export type DraftStatus = { state: "idle" } | { state: "saving" } | { state: "saved"; at: Date } | { state: "failed" };

function worthKeeping(values: ContactFormValues, step: number): boolean {
  return step > 0 || changedFields(wizardValues(), values).length > 0;
}

/**
 * Keeps the wizard's draft in the database: after a pause in typing, at once when the step changes,
 * and when the wizard closes. `stop()` ends saving (the contact was created or the draft
 * discarded), so a late save cannot bring the draft back; `restart()` starts again for a new form.
 */
export function useDraftAutosave(form: ContactFormApi, step: number, enabled: boolean) {
  const [status, setStatus] = useState<DraftStatus>({ state: "idle" });
  const stepRef = useRef(step);
  const saved = useRef<{ values: ContactFormValues; step: number } | null>(null);
  const stopped = useRef(!enabled);
  const mounted = useRef(true);

  const save = useCallback(() => {
    if (stopped.current) return;
    const values = form.store.get().values;
    const currentStep = stepRef.current;
    if (!worthKeeping(values, currentStep)) return;
    if (saved.current && saved.current.values === values && saved.current.step === currentStep) return;
    saved.current = { values, step: currentStep };
    markOwnDraft();
    if (mounted.current) setStatus({ state: "saving" });
    saveContactDraft(currentStep, toInput(values)).then(
      () => {
        if (mounted.current && !stopped.current) setStatus({ state: "saved", at: new Date() });
      },
      () => {
        saved.current = null;
        if (mounted.current && !stopped.current) setStatus({ state: "failed" });
      },
    );
  }, [form]);

  useEffect(() => {
    stopped.current = !enabled;
  }, [enabled]);

  // Typing: saved after a pause.
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = form.store.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, DRAFT_SAVE_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [form, save]);

  // A step change: saved at once.
  useEffect(() => {
    if (stepRef.current === step) return;
    stepRef.current = step;
    save();
  }, [step, save]);

  // Closing the wizard (another screen, a duplicate candidate) keeps what was typed last; so does
  // closing the window, as far as the window still lets the save through.
  useEffect(() => {
    mounted.current = true;
    window.addEventListener("pagehide", save);
    return () => {
      window.removeEventListener("pagehide", save);
      mounted.current = false;
      save();
    };
  }, [save]);

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);
  const restart = useCallback(() => {
    stopped.current = false;
    saved.current = null;
    setStatus({ state: "idle" });
  }, []);

  return { status, stop, restart };
}
