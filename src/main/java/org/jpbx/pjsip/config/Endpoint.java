package org.jpbx.pjsip.config;

import java.util.List;
import java.util.Map;
import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.pjsip.config.types.CallerId;
import org.jpbx.pjsip.config.types.CodecList;

/** An endpoint as the SIP stack reads it; everything else through {@link #object()}. */
public record Endpoint(PjsipObject object) {
    public String id() { return object.id(); }

    public List<String> aors() { return object.getList("aors"); }

    public List<String> auth() { return object.getList("auth"); }

    public List<String> outboundAuth() { return object.getList("outbound_auth"); }

    /** The transport id, or "" for the first compatible transport. */
    public String transport() { return object.getString("transport"); }

    public String context() { return object.getString("context"); }

    public List<String> identifyBy() { return object.getList("identify_by"); }

    public CodecList codecs() { return object.getCodecs("allow"); }

    /** The permit/deny rules for source addresses, in order. */
    public AclRules acl() { return object.getAcl("permit"); }

    /** Named ACLs (acl.conf) for source addresses. */
    public List<String> namedAcls() { return object.getList("acl"); }

    public AclRules contactAcl() { return object.getAcl("contact_permit"); }

    public List<String> namedContactAcls() { return object.getList("contact_acl"); }

    public CallerId callerId() { return object.get("callerid", CallerId.class); }

    public String dtmfMode() { return object.getString("dtmf_mode"); }

    public boolean forceRport() { return object.getBool("force_rport"); }

    public boolean rewriteContact() { return object.getBool("rewrite_contact"); }

    public boolean allowUnauthenticatedOptions() { return object.getBool("allow_unauthenticated_options"); }

    public String fromUser() { return object.getString("from_user"); }

    public String fromDomain() { return object.getString("from_domain"); }

    public String outboundProxy() { return object.getString("outbound_proxy"); }

    @SuppressWarnings("unchecked")
    public Map<String, String> setVars() { return (Map<String, String>) object.get("set_var"); }
}
