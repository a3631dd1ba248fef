package org.jpbx.pjsip.pubsub.rls;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.jpbx.pjsip.pubsub.Body;
import org.jpbx.pjsip.pubsub.BodyContext;

/**
 * One level of a resource-list tree (the list subscribed to, or a list nested in it) and its part
 * of a NOTIFY: a multipart/related whose first part is the RLMI document of this level, followed
 * by one part per member included (RFC 4662 §5). Its RLMI version counts the documents written for
 * this level. Touched on the subscription's lane only, apart from the leaves' dirty flags.
 */
final class ListNode implements Member {
    private final String name;
    private String instanceId = Tokens.next();
    private final List<Member> members = new ArrayList<>();
    private long version = -1;

    ListNode(String name) { this.name = name; }

    @Override public String name() { return name; }

    @Override public String instanceId() { return instanceId; }

    void add(Member m) { members.add(m); }

    boolean isEmpty() { return members.isEmpty(); }

    List<Member> members() { return members; }

    @Override
    public boolean changed() {
        for (Member m : members) if (m.changed()) return true;
        return false;
    }

    /** The tree's membership as text (names, nesting), to tell whether a rebuilt tree differs. */
    String shape() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (Member m : members) {
            if (m instanceof ListNode n) b.append(n.shape());
            else b.append(m.name());
            b.append(',');
        }
        return b.append(')').toString();
    }

    /**
     * Continues {@code old}'s counting in this rebuilt tree: its RLMI version and instance id, and
     * those of every member still present under the same name (a leaf's body version too).
     */
    void adopt(ListNode old) {
        version = old.version;
        instanceId = old.instanceId;
        for (Member m : members) {
            for (Member o : old.members) {
                if (!o.name().equals(m.name())) continue;
                if (m instanceof Leaf l && o instanceof Leaf ol) l.adopt(ol);
                else if (m instanceof ListNode n && o instanceof ListNode on) n.adopt(on);
            }
        }
    }

    /** The next RLMI document of this level is numbered at least {@code last + 1}. */
    void versionAtLeast(long last) { version = Math.max(version, last); }

    /** Every leaf of the tree below, depth first. */
    void leaves(Consumer<Leaf> each) {
        for (Member m : members) {
            if (m instanceof Leaf l) each.accept(l);
            else ((ListNode) m).leaves(each);
        }
    }

    /** How one NOTIFY is written: the URIs of members (the list's URI with their name as user), Content-ID host, member state. */
    record Frame(String scheme, String hostPort, String cidHost, BodyContext context, boolean terminating) {
        String uriOf(String user) { return scheme + ":" + user + "@" + hostPort; }

        String newContentId() { return Tokens.next() + "@" + cidHost; }

        /** From the subscription's entity ({@code sip:list@host:port}). */
        static Frame of(BodyContext ctx, boolean terminating) {
            String entity = ctx.entity();
            int colon = entity.indexOf(':');
            String scheme = colon > 0 ? entity.substring(0, colon) : "sip";
            int at = entity.indexOf('@');
            String hostPort = at >= 0 ? entity.substring(at + 1) : entity.substring(colon + 1);
            return new Frame(scheme, hostPort, hostOf(hostPort), ctx, terminating);
        }

        private static String hostOf(String hostPort) {
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                return close < 0 ? hostPort : hostPort.substring(0, close + 1);
            }
            int colon = hostPort.indexOf(':');
            return colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
    }

    /**
     * This level as a multipart/related body: every member with {@code full}, else only those that
     * changed since the last NOTIFY. Leaves whose resource went away are reported terminated once
     * and dropped (closed) here.
     */
    Multipart write(Frame f, boolean full, List<String> enclosingBoundaries) {
        Multipart out = new Multipart(enclosingBoundaries);
        List<String> inner = new ArrayList<>(enclosingBoundaries);
        inner.add(out.boundary());
        version++;
        Rlmi rlmi = new Rlmi(f.uriOf(name), version, full, name);
        List<Multipart.Part> parts = new ArrayList<>(members.size());
        String state = f.terminating() ? "terminated" : "active";
        for (Iterator<Member> it = members.iterator(); it.hasNext(); ) {
            Member m = it.next();
            if (m instanceof Leaf l) {
                boolean changed = l.dirty.getAndSet(false);
                if (l.gone) {
                    rlmi.ended(f.uriOf(l.name()), l.displayName(), l.instanceId(), "noresource");
                    it.remove();
                    l.close();
                    continue;
                }
                if (!full && !changed) continue;
                Body body = l.body(changed, f.context(), f.uriOf(l.name()));
                if (body == null) continue;
                String cid = f.newContentId();
                rlmi.resource(f.uriOf(l.name()), l.displayName(), l.instanceId(), state, cid);
                parts.add(new Multipart.Part(cid, body.contentType(), body.text()));
            } else {
                ListNode n = (ListNode) m;
                if (!full && !n.changed()) continue;
                Multipart nested = n.write(f, full, inner);
                String cid = f.newContentId();
                rlmi.resource(f.uriOf(n.name()), n.name(), n.instanceId(), state, cid);
                parts.add(new Multipart.Part(cid, nested.contentType(), nested.text()));
            }
        }
        out.add(new Multipart.Part(f.newContentId(), Rlmi.CONTENT_TYPE, rlmi.text()));
        for (Multipart.Part p : parts) out.add(p);
        return out;
    }
}
