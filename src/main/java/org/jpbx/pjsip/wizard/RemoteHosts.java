package org.jpbx.pjsip.wizard;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.Entry;

/** Splits {@code remote_hosts} into its {@code host[:port]} entries. */
final class RemoteHosts {
    private RemoteHosts() {}

    /**
     * The comma-separated entries, blanks around each trimmed, in order. An empty entry (as in
     * {@code a,,b} or a trailing comma) is skipped with a warning: Asterisk would turn it into a
     * contact {@code sip:} and a match on nothing, which then fail validation.
     */
    static List<String> parse(Entry remoteHosts, Reporter report) {
        List<String> hosts = new ArrayList<>();
        if (remoteHosts == null || remoteHosts.value().isEmpty()) return hosts;
        boolean empty = false;
        for (String part : remoteHosts.value().split(",", -1)) {
            String host = part.strip();
            if (host.isEmpty()) empty = true;
            else hosts.add(host);
        }
        if (empty) {
            report.warning(remoteHosts.location(), remoteHosts.key() + "=" + remoteHosts.value()
                    + " has an empty entry; it is skipped");
        }
        return List.copyOf(hosts);
    }
}
