package org.jpbx.pjsip.config;

import java.time.Duration;
import java.util.List;

/** An aor as the registrar reads it; everything else through {@link #object()}. */
public record Aor(PjsipObject object) {
    public String id() { return object.id(); }

    /** Permanent contact URIs. */
    public List<String> contacts() { return object.getList("contact"); }

    public int maxContacts() { return object.getInt("max_contacts"); }

    public boolean removeExisting() { return object.getBool("remove_existing"); }

    public boolean removeUnavailable() { return object.getBool("remove_unavailable"); }

    public Duration defaultExpiration() { return object.getDuration("default_expiration"); }

    public Duration minimumExpiration() { return object.getDuration("minimum_expiration"); }

    public Duration maximumExpiration() { return object.getDuration("maximum_expiration"); }

    public Duration qualifyFrequency() { return object.getDuration("qualify_frequency"); }

    public Duration qualifyTimeout() { return object.getDuration("qualify_timeout"); }

    public boolean supportPath() { return object.getBool("support_path"); }
}
