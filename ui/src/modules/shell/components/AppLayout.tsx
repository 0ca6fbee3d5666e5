import { AppShell } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet } from "react-router";
import { DropOverlay } from "../../import/components/DropOverlay";
import { useFileDropWatcher } from "../../import/hooks/useFileDropWatcher";
import { useMayImport } from "../../import/hooks/useMayImport";
import { useAppInfo } from "../hooks/useAppInfo";
import classes from "./AppLayout.module.css";
import { GlobalSearch } from "./GlobalSearch";
import { HeaderBar } from "./HeaderBar";
import { NavBar } from "./NavBar";
import { StatusBar } from "./StatusBar";

export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { mayImport } = useMayImport();
  const locked = useAppInfo().data?.session?.locked ?? false;
  // Files dropped anywhere on the window go to the Import page (for roles that may import).
  const dragging = useFileDropWatcher(mayImport);
  return (
    <AppShell
      header={{ height: 52 }}
      footer={{ height: 28 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header>
        <HeaderBar navOpened={navOpened} onToggleNav={toggleNav} />
      </AppShell.Header>
      <AppShell.Navbar>
        <NavBar onNavigate={closeNav} />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <div className={classes.content}>
          <Outlet />
        </div>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
      <GlobalSearch />
      {dragging !== null && !locked ? <DropOverlay count={dragging} /> : null}
    </AppShell>
  );
}
