import { Anchor, type AnchorProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { MouseEvent, ReactNode } from "react";
import { openExternal } from "../../../ipc/opener";

export type ExternalLinkProps = AnchorProps & {
  href: string;
  children: ReactNode;
  title?: string;
  "data-testid"?: string;
  /** After the link was handed to the OS (opened or not): the contact page offers to log the email or call. */
  onOpened?: () => void;
};

/** A `mailto:`, `tel:` or web link handed to the OS (mail client, softphone, browser). */
export function ExternalLink({ href, children, onOpened, ...rest }: ExternalLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openExternal(href)
      .catch(() => {
        notifications.show({
          color: "red",
          title: "Nothing on this computer can open this link",
          message: href,
        });
      })
      // Offered even when no handler opened: the user may write or dial from another device.
      .finally(() => onOpened?.());
  };
  return (
    <Anchor href={href} onClick={onClick} {...rest}>
      {children}
    </Anchor>
  );
}
