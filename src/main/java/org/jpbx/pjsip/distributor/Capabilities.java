package org.jpbx.pjsip.distributor;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * What this server can do, as it tells peers in Allow, Accept and Supported. Modules add to it
 * when they start, so an OPTIONS answer always lists exactly what is running.
 */
public final class Capabilities {
    private final Set<String> methods = new CopyOnWriteArraySet<>();
    private final Set<String> accept = new CopyOnWriteArraySet<>();
    private final Set<String> supported = new CopyOnWriteArraySet<>();
    private volatile String allowHeader = "";
    private volatile String acceptHeader = "";
    private volatile String supportedHeader = "";

    public void addMethod(String m) {
        methods.add(m);
        allowHeader = String.join(", ", methods);
    }

    public void addAccept(String mediaType) {
        accept.add(mediaType);
        acceptHeader = String.join(", ", accept);
    }

    public void addSupported(String optionTag) {
        supported.add(optionTag);
        supportedHeader = String.join(", ", supported);
    }

    public boolean supports(String optionTag) { return supported.contains(optionTag); }

    public String allow() { return allowHeader; }
    public String accept() { return acceptHeader; }
    public String supported() { return supportedHeader; }
}
