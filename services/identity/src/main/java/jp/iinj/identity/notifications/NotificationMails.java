package jp.iinj.identity.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.eventing.configuration.EventingProperties;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.MailSender;
import jp.iinj.identity.mail.OutgoingMail;
import jp.iinj.identity.preferences.LanguagePreferences;

/**
 * Turns other services' notification requests into mails: identity owns people's addresses and languages, so the
 * services name a member, a bureau or a person and never see an address. One mail per person and notification: the
 * pair is recorded before the mail goes (at most once, whatever the redelivery), and forgotten again if it could not
 * be sent, so that the retry sends it.
 */
@Service
public class NotificationMails implements InitializingBean {

    static final String SENT = "notification_mails";
    static final String SENT_AT = "sentAt";
    private static final Pattern KIND = Pattern.compile("^[a-z]+(-[a-z]+)*$");
    /**
     * A path on the portal, in the characters RFC 3986 allows unencoded: not {@code //host} or {@code /\host} (a
     * browser goes to another site under the platform's name), no line breaks (text of the sender's choosing in the
     * mail).
     */
    private static final Pattern PORTAL_PATH = Pattern.compile("^/(?!/)[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%#]*$");
    private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);

    private final AccountStore accounts;
    private final Accounts memberships;
    private final LanguagePreferences languages;
    private final MailSender sender;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String publicUrl;
    private final Duration retention;

    public NotificationMails(AccountStore accounts, Accounts memberships, LanguagePreferences languages,
                             MailSender sender, MongoTemplate mongo, Clock clock, IdentityProperties properties,
                             EventingProperties eventing) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.languages = languages;
        this.sender = sender;
        this.mongo = mongo;
        this.clock = clock;
        String url = properties.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        // as long as the library remembers event ids: longer than any topic keeps a request
        this.retention = eventing.consumers().processedRetention();
    }

    @Override
    public void afterPropertiesSet() {
        try {
            mongo.indexOps(SENT).createIndex(new Index(SENT_AT, Sort.Direction.ASC).named("sent_expiry").expire(retention));
        } catch (RuntimeException otherRetention) {
            // an index of another retention is in the way: the records stay longer, which is harmless
            log.warn("could not create the TTL index on {}.{} (drop it to change its retention): {}", SENT, SENT_AT,
                    otherRetention.toString());
        }
    }

    /** @return how many mails this call sent */
    public int send(NotificationRequestedV1 notification) {
        refuseImplausible(notification);
        List<Account> recipients = recipients(notification);
        int sent = 0;
        for (Account person : recipients) {
            if (claim(notification, person.id())) {
                try {
                    sender.send(mail(notification, person));
                    sent++;
                } catch (RuntimeException failed) {
                    forget(notification.notificationId(), person.id());
                    throw failed;
                }
            }
        }
        log.info("Notification {} ({}): {} of {} people mailed now", notification.notificationId(), notification.kind(),
                sent, recipients.size());
        return sent;
    }

    /** Active accounts only: a disabled account gets no mail, and a person who left no longer carries the member. */
    private List<Account> recipients(NotificationRequestedV1 notification) {
        List<Account> found;
        if (notification.recipientMemberId() != null) {
            // its people cannot open the portal for it while it is suspended, withdrawn or lapsed
            found = memberships.isActiveMember(notification.recipientMemberId())
                    ? accounts.findWithMember(notification.recipientMemberId()) : List.of();
        } else if (notification.recipientBureau() != null) {
            found = accounts.findWithRoleCovering(PlatformRole.REGIONAL_BODY, notification.recipientBureau());
        } else {
            found = accounts.findById(notification.recipientSubject()).map(List::of).orElse(List.of());
        }
        return found.stream().filter(account -> account.status() == AccountStatus.ACTIVE).toList();
    }

    /** The kind's wording and the link, nothing else: matching is anonymous until both sides agree. */
    private OutgoingMail mail(NotificationRequestedV1 notification, Account person) {
        NotificationTexts.Text text = NotificationTexts.of(notification.kind());
        String link = "\n\n  " + publicUrl + notification.link() + "\n";
        boolean english = languages.of(person.id()).filter("en"::equals).isPresent();
        return english
                ? new OutgoingMail(person.email(), text.subjectEn(), text.bodyEn() + link)
                : new OutgoingMail(person.email(), text.subjectJa(), text.bodyJa() + link);
    }

    private boolean claim(NotificationRequestedV1 notification, String accountId) {
        try {
            mongo.insert(new Document("_id", key(notification.notificationId(), accountId))
                    .append("notificationId", notification.notificationId())
                    .append("subject", accountId)
                    .append("kind", notification.kind())
                    .append(SENT_AT, Date.from(clock.instant())), SENT);
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    private void forget(String notificationId, String accountId) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(notificationId, accountId))), SENT);
    }

    /** Unambiguous: an account id is a UUID, without {@code :}. */
    private static String key(String notificationId, String accountId) {
        return notificationId + ":" + accountId;
    }

    static void refuseImplausible(NotificationRequestedV1 notification) {
        int recipients = (notification.recipientMemberId() == null ? 0 : 1)
                + (notification.recipientBureau() == null ? 0 : 1) + (notification.recipientSubject() == null ? 0 : 1);
        if (recipients != 1) {
            throw new PoisonEventException("notification " + notification.notificationId() + " names " + recipients
                    + " recipients; exactly one of member, bureau and subject must be set");
        }
        if (notification.notificationId() == null || notification.notificationId().isBlank()) {
            throw new PoisonEventException("notification without an id");
        }
        if (notification.link() == null || !PORTAL_PATH.matcher(notification.link()).matches()) {
            throw new PoisonEventException("notification " + notification.notificationId()
                    + " links to something that is not a portal path");
        }
        if (notification.kind() == null || !KIND.matcher(notification.kind()).matches()) {
            throw new PoisonEventException("notification " + notification.notificationId() + " has an implausible kind");
        }
    }
}
