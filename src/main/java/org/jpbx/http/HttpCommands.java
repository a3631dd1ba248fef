package org.jpbx.http;

import java.net.InetSocketAddress;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/** {@code http show status}: where the HTTP server listens and what it serves, in Asterisk's layout. */
public final class HttpCommands {
    private HttpCommands() {}

    public static void register(CommandRegistry registry, HttpServer server) {
        registry.register("http show status", "http show status", "Display HTTP server status", (args, out) -> {
            if (!args.isEmpty()) throw CliException.usage();
            HttpConf c = server.conf();
            String prefix = c.prefix().isEmpty() ? "" : "/" + c.prefix();
            out.println("HTTP Server Status:");
            out.println("Prefix: " + prefix);
            out.println("Server: " + c.serverName());
            InetSocketAddress bound = server.boundAddress();
            if (bound == null) {
                out.println("Server Disabled");
                out.println();
            } else {
                String host = bound.getAddress().getHostAddress();
                out.println("Server Enabled and Bound to " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + bound.getPort());
                out.println();
            }
            out.println("Enabled URI's:");
            if (server.router().routes().isEmpty()) out.println("None.");
            for (HttpRoute r : server.router().routes()) {
                out.println(prefix + "/" + r.uri() + (r.subtree() ? "/..." : "") + " => " + r.description());
            }
            out.println();
            out.println("Enabled Redirects:");
            if (c.redirects().isEmpty()) out.println("  None.");
            for (HttpConf.Redirect r : c.redirects()) out.println("  " + r.from() + " => " + r.to());
        });
    }
}
