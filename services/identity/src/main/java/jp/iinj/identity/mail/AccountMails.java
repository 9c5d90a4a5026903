package jp.iinj.identity.mail;

import java.time.Duration;

import jp.iinj.identity.IdentityProperties;

import org.springframework.stereotype.Component;

/**
 * The texts of the mails the service sends. Links point at the portal's pages under {@code iinj.identity.public-url};
 * each mail also names the API call that does the same, and the token on a line of its own.
 */
@Component
public class AccountMails {

    private final MailSender sender;
    private final String publicUrl;

    public AccountMails(MailSender sender, IdentityProperties properties) {
        this.sender = sender;
        String url = properties.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public void sendSetPassword(String to, String displayName, String token, Duration validFor) {
        sender.send(new OutgoingMail(to, "IINJ platform: set your password",
                greeting(displayName)
                        + "An account on the IINJ network platform is ready for you. Choose your password here:\n\n"
                        + "  " + publicUrl + "/account/password?token=" + token + "\n\n"
                        + "The link can be used once and expires in " + human(validFor) + ".\n\n"
                        + passwordApi(token)));
    }

    public void sendPasswordReset(String to, String displayName, String token, Duration validFor) {
        sender.send(new OutgoingMail(to, "IINJ platform: reset your password",
                greeting(displayName)
                        + "Someone asked to reset the password of your IINJ platform account. If it was you, choose a new\n"
                        + "password here:\n\n"
                        + "  " + publicUrl + "/account/password?token=" + token + "\n\n"
                        + "The link can be used once and expires in " + human(validFor) + ". If it was not you, ignore\n"
                        + "this mail: your password stays as it is.\n\n"
                        + passwordApi(token)));
    }

    public void sendInvitation(String to, String memberId, String token, Duration validFor) {
        sender.send(new OutgoingMail(to, "IINJ platform: you are invited",
                "Hello,\n\n"
                        + "You are invited to act for member organisation " + memberId + " on the IINJ network platform.\n"
                        + "Accept here:\n\n"
                        + "  " + publicUrl + "/account/invitation?token=" + token + "\n\n"
                        + "The link can be used once and expires in " + human(validFor) + ".\n\n"
                        + "Without the portal: POST " + publicUrl + "/api/identity/invitations/" + token + "\n"
                        + "with {\"displayName\": \"…\", \"password\": \"…\"} (12 to 128 characters).\n\n"
                        + "Token: " + token + "\n"));
    }

    private String passwordApi(String token) {
        return "Without the portal: POST " + publicUrl + "/api/identity/password-resets/" + token + "\n"
                + "with {\"password\": \"…\"} (12 to 128 characters).\n\n"
                + "Token: " + token + "\n";
    }

    private static String greeting(String displayName) {
        return "Hello" + (displayName == null || displayName.isBlank() ? "" : " " + displayName.replaceAll("\\p{Cntrl}", " ").strip()) + ",\n\n";
    }

    private static String human(Duration duration) {
        if (duration.toDays() >= 1 && duration.toHours() % 24 == 0) {
            long days = duration.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
            long hours = duration.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return duration.toMinutes() + " minutes";
    }
}
