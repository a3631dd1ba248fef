package org.jpbx.pjsip.config;

import java.util.List;
import org.jpbx.pjsip.config.types.AclRules;

/** A global pjsip acl object: checked against every inbound request. */
public record Acl(PjsipObject object) {
    public String id() { return object.id(); }

    public List<String> namedAcls() { return object.getList("acl"); }

    public AclRules rules() { return object.getAcl("permit"); }

    public List<String> namedContactAcls() { return object.getList("contact_acl"); }

    public AclRules contactRules() { return object.getAcl("contact_permit"); }
}
