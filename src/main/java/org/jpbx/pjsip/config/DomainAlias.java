package org.jpbx.pjsip.config;

/** A domain alias: the id is the alias, {@link #domain()} the domain it stands for. */
public record DomainAlias(PjsipObject object) {
    public String alias() { return object.id(); }

    public String domain() { return object.getString("domain"); }
}
