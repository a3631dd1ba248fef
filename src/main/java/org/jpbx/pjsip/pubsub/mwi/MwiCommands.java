package org.jpbx.pjsip.pubsub.mwi;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.store.ContactStoreException;
import org.jpbx.store.MailboxRecord;

/**
 * The mailbox commands of Asterisk's res_mwi_external (the module that keeps MWI counts for a
 * voicemail system outside Asterisk), with its words and output:
 * {@code mwi update mailbox <mailbox> [<new> [<old>]]}, {@code mwi show mailbox <mailbox>},
 * {@code mwi list all}, {@code mwi list like <regex>}, {@code mwi delete mailbox <mailbox>},
 * {@code mwi delete all} and {@code mwi delete like <regex>}.
 */
public final class MwiCommands {
    private MwiCommands() {}

    public static void register(CommandRegistry registry, Mailboxes mailboxes) {
        registry.register("mwi update mailbox", "mwi update mailbox <mailbox_id> [<new> [<old>]]\n"
                + "       Update a specific external MWI mailbox.", "Update a specific external MWI mailbox", (args, out) -> {
                    if (args.isEmpty() || args.size() > 3) throw CliException.usage();
                    String id = args.get(0);
                    int fresh = args.size() > 1 ? count(args.get(1), "NewMessages") : 0;
                    int old = args.size() > 2 ? count(args.get(2), "OldMessages") : 0;
                    try {
                        mailboxes.update(id, fresh, old);
                        out.println("Updated mailbox " + id + ".");
                    } catch (ContactStoreException e) {
                        out.println("Could not update mailbox " + id + ". " + e.getMessage());
                    }
                    out.flush();
                });
        registry.register("mwi show mailbox", "mwi show mailbox <mailbox_id>\n       Show a specific external MWI mailbox.",
                "Show a specific external MWI mailbox", (args, out) -> {
                    if (args.size() != 1) throw CliException.usage();
                    String id = args.getFirst();
                    if (!mailboxes.exists(id)) {
                        out.println("External MWI mailbox '" + id + "' not found.");
                    } else {
                        Mailboxes.Counts c = mailboxes.counts(id);
                        out.println("Mailbox: " + id);
                        out.println("NewMessages: " + c.newMessages());
                        out.println("OldMessages: " + c.oldMessages());
                    }
                    out.flush();
                });
        registry.register("mwi list all", "mwi list all\n       List all external MWI mailboxes.", "List all external MWI mailboxes",
                (args, out) -> {
                    if (!args.isEmpty()) throw CliException.usage();
                    list(out, mailboxes.list(null));
                });
        registry.register("mwi list like", "mwi list like <pattern>\n       List external MWI mailboxes matching a regular expression.",
                "List external MWI mailboxes matching regex", (args, out) -> {
                    if (args.size() != 1) throw CliException.usage();
                    list(out, mailboxes.list(matcher(args.getFirst())));
                });
        registry.register("mwi delete mailbox", "mwi delete mailbox <mailbox_id>\n       Delete a specific external MWI mailbox.",
                "Delete a specific external MWI mailbox", (args, out) -> {
                    if (args.size() != 1) throw CliException.usage();
                    mailboxes.delete(args.getFirst());
                    out.println("Deleted external MWI mailbox '" + args.getFirst() + "'.");
                    out.flush();
                });
        registry.register("mwi delete all", "mwi delete all\n       Delete all external MWI mailboxes.", "Delete all external MWI mailboxes",
                (args, out) -> {
                    if (!args.isEmpty()) throw CliException.usage();
                    mailboxes.deleteAll(null);
                    out.println("Deleted all external MWI mailboxes.");
                    out.flush();
                });
        registry.register("mwi delete like", "mwi delete like <pattern>\n       Delete external MWI mailboxes matching a regular expression.",
                "Delete external MWI mailboxes matching regex", (args, out) -> {
                    if (args.size() != 1) throw CliException.usage();
                    mailboxes.deleteAll(matcher(args.getFirst()));
                    out.println("Deleted external MWI mailboxes matching '" + args.getFirst() + "'.");
                    out.flush();
                });
    }

    private static int count(String text, String what) throws CliException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new CliException("Invalid " + what + ": '" + text + "'.", true);
    }

    /** Asterisk matches ids against the regular expression anywhere in them (regexec, unanchored). */
    private static Predicate<String> matcher(String regex) throws CliException {
        try {
            Pattern p = Pattern.compile(regex);
            return id -> p.matcher(id).find();
        } catch (PatternSyntaxException e) {
            throw new CliException("Invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    private static void list(PrintWriter out, List<MailboxRecord> rows) {
        out.print(String.format(Locale.ROOT, "%6s %6s %s%n", "New", "Old", "Mailbox"));
        for (MailboxRecord r : rows) out.print(String.format(Locale.ROOT, "%6d %6d %s%n", r.newMessages(), r.oldMessages(), r.mailbox()));
        out.flush();
    }
}
