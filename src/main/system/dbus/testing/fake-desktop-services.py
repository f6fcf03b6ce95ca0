"""Fake desktop services on a private D-Bus, for Attune's session-bus tests.

Session bus: org.freedesktop.ScreenSaver, org.gnome.ScreenSaver (ActiveChanged,
GetActive, GetSessionIdleTime) and org.gnome.Mutter.IdleMonitor (GetIdletime).
System bus (DBUS_SYSTEM_BUS_ADDRESS, a second private bus): a logind-like
org.freedesktop.login1 with one session object sending Lock / Unlock, and
user/self whose Display property names that session.

Commands on stdin, one per line; each is answered "ok <command>" on stdout
once done (signals are on the bus by then):
  screensaver freedesktop|gnome true|false   emit ActiveChanged and set GetActive
  logind lock|unlock                         emit Lock / Unlock on the session
  idle mutter|screensaver <ms>|off           what the idle methods answer (off: an error)
Prints "ready" once every name is owned. Debian: python3-dbus python3-gi.
"""
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

SESSION_PATH = sys.argv[1]

dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
session = dbus.SessionBus()
system = dbus.SystemBus()
idle = {"mutter": None, "screensaver": None}


class NotAvailable(dbus.DBusException):
    _dbus_error_name = "org.freedesktop.DBus.Error.NotSupported"


def answer(which):
    if idle[which] is None:
        raise NotAvailable("not available")
    return idle[which]


class FreedesktopScreenSaver(dbus.service.Object):
    active = False

    @dbus.service.signal("org.freedesktop.ScreenSaver", signature="b")
    def ActiveChanged(self, active):
        pass

    @dbus.service.method("org.freedesktop.ScreenSaver", out_signature="b")
    def GetActive(self):
        return self.active

    @dbus.service.method("org.freedesktop.ScreenSaver", out_signature="u")
    def GetSessionIdleTime(self):
        return dbus.UInt32(answer("screensaver"))


class GnomeScreenSaver(dbus.service.Object):
    active = False

    @dbus.service.signal("org.gnome.ScreenSaver", signature="b")
    def ActiveChanged(self, active):
        pass

    @dbus.service.method("org.gnome.ScreenSaver", out_signature="b")
    def GetActive(self):
        return self.active


class IdleMonitor(dbus.service.Object):
    @dbus.service.method("org.gnome.Mutter.IdleMonitor", out_signature="t")
    def GetIdletime(self):
        return dbus.UInt64(answer("mutter"))


class User(dbus.service.Object):
    """logind's /org/freedesktop/login1/user/self: its Display property names the graphical session."""

    @dbus.service.method("org.freedesktop.DBus.Properties", in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        if interface == "org.freedesktop.login1.User" and name == "Display":
            return dbus.Struct(("2", dbus.ObjectPath(SESSION_PATH)), signature="so")
        raise NotAvailable("no such property")


class Session(dbus.service.Object):
    @dbus.service.signal("org.freedesktop.login1.Session", signature="")
    def Lock(self):
        pass

    @dbus.service.signal("org.freedesktop.login1.Session", signature="")
    def Unlock(self):
        pass


names = [
    dbus.service.BusName("org.freedesktop.ScreenSaver", session),
    dbus.service.BusName("org.gnome.ScreenSaver", session),
    dbus.service.BusName("org.gnome.Mutter.IdleMonitor", session),
    dbus.service.BusName("org.freedesktop.login1", system),
]
screensavers = {
    "freedesktop": FreedesktopScreenSaver(session, "/org/freedesktop/ScreenSaver"),
    "gnome": GnomeScreenSaver(session, "/org/gnome/ScreenSaver"),
}
IdleMonitor(session, "/org/gnome/Mutter/IdleMonitor/Core")
login_session = Session(system, SESSION_PATH)
User(system, "/org/freedesktop/login1/user/self")


def run(line):
    words = line.split()
    if words[:1] == ["screensaver"]:
        saver = screensavers[words[1]]
        saver.active = words[2] == "true"
        saver.ActiveChanged(saver.active)
    elif words == ["logind", "lock"]:
        login_session.Lock()
    elif words == ["logind", "unlock"]:
        login_session.Unlock()
    elif words[:1] == ["idle"]:
        idle[words[1]] = None if words[2] == "off" else int(words[2])
    else:
        print("unknown " + line, flush=True)
        return
    # Signals leave through the connection's queue: flush both so they are on the bus before the answer.
    session.flush()
    system.flush()
    print("ok " + line, flush=True)


def on_stdin(source, condition):
    line = sys.stdin.readline()
    if not line:
        loop.quit()
        return False
    run(line.strip())
    return True


loop = GLib.MainLoop()
GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
print("ready", flush=True)
loop.run()
