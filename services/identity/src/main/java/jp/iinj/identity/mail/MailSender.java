package jp.iinj.identity.mail;

/**
 * Sends mail to people. The local implementation, {@link FileMailSender}, writes each message to a file; a real
 * (SMTP or API) sender replaces it by being declared as a {@code MailSender} bean.
 */
public interface MailSender {

    void send(OutgoingMail mail);
}
