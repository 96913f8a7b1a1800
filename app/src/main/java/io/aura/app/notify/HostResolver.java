package io.aura.app.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a webhook's host name up. One look-up per delivery: its addresses are checked and the
 * connection goes to them, so nothing resolves the name a second time in between.
 */
@FunctionalInterface
public interface HostResolver {
    /** The JDK's resolver (the system's, with the JVM's cache). */
    HostResolver SYSTEM = name -> List.of(InetAddress.getAllByName(name));

    List<InetAddress> resolve(String name) throws UnknownHostException;
}
