package jp.iinj.identity.notifications;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
import jp.iinj.identity.accounts.AccountStore;
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
public class NotificationMails {

    static final String SENT = "notification_mails";
    static final int MAX_RECIPIENTS = 1000;
    private static final Pattern KIND = Pattern.compile("^[a-z]+(-[a-z]+)*$");
    private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);

    private final AccountStore accounts;
    private final LanguagePreferences languages;
    private final MailSender sender;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String publicUrl;

    public NotificationMails(AccountStore accounts, LanguagePreferences languages, MailSender sender,
                             MongoTemplate mongo, Clock clock, IdentityProperties properties) {
        this.accounts = accounts;
        this.languages = languages;
        this.sender = sender;
        this.mongo = mongo;
        this.clock = clock;
        String url = properties.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** @return how many mails this call sent */
    public int send(NotificationRequestedV1 notification) {
        refuseImplausible(notification);
        int sent = 0;
        for (Account person : recipients(notification)) {
            if (claim(notification.notificationId(), person.id())) {
                try {
                    sender.send(mail(notification, person));
                    sent++;
                } catch (RuntimeException failed) {
                    forget(notification.notificationId(), person.id());
                    throw failed;
                }
            }
        }
        log.info("Notification {} ({}): {} mails", notification.notificationId(), notification.kind(), sent);
        return sent;
    }

    private List<Account> recipients(NotificationRequestedV1 notification) {
        List<Account> found;
        if (notification.recipientMemberId() != null) {
            found = accounts.findWithMember(notification.recipientMemberId());
        } else if (notification.recipientBureau() != null) {
            found = accounts.findWithAnyRole(List.of(PlatformRole.REGIONAL_BODY), MAX_RECIPIENTS).stream()
                    .filter(account -> account.bureaus().contains(notification.recipientBureau())).toList();
        } else {
            found = accounts.findById(notification.recipientSubject()).map(List::of).orElse(List.of());
        }
        return found.stream().filter(account -> account.status() == AccountStatus.ACTIVE).toList();
    }

    private OutgoingMail mail(NotificationRequestedV1 notification, Account person) {
        NotificationTexts.Text text = NotificationTexts.of(notification.kind());
        String link = publicUrl + notification.link();
        if ("en".equals(languages.of(person.id()).orElse("ja"))) {
            return new OutgoingMail(person.email(), text.subjectEn(), text.bodyEn() + "\n\n  " + link + "\n\n"
                    + "You receive this because you act for an organisation on the IINJ network platform.\n");
        }
        return new OutgoingMail(person.email(), text.subjectJa(), text.bodyJa() + "\n\n  " + link + "\n\n"
                + "IINJ ネットワーク・プラットフォームで組織を代表されているため、このメールをお送りしています。\n");
    }

    private boolean claim(String notificationId, String accountId) {
        try {
            mongo.insert(new Document("_id", notificationId + ":" + accountId).append("sentAt",
                    Date.from(clock.instant())), SENT);
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    private void forget(String notificationId, String accountId) {
        mongo.remove(Query.query(Criteria.where("_id").is(notificationId + ":" + accountId)), SENT);
    }

    private static void refuseImplausible(NotificationRequestedV1 notification) {
        int recipients = (notification.recipientMemberId() == null ? 0 : 1)
                + (notification.recipientBureau() == null ? 0 : 1) + (notification.recipientSubject() == null ? 0 : 1);
        if (notification.notificationId() == null || notification.notificationId().isBlank() || recipients != 1
                || notification.link() == null || !notification.link().startsWith("/") || notification.link().startsWith("//")
                || notification.kind() == null || !KIND.matcher(notification.kind()).matches()) {
            throw new PoisonEventException("notification without an id, with " + recipients + " recipients, or with an "
                    + "implausible kind or link");
        }
    }
}
