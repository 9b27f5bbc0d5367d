package io.incidentflow.notify.channel;

import io.incidentflow.notify.Channel;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotifyProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Mail, {@code spring.mail.*}); configured when {@code spring.mail.host} is set. */
@Component
public class EmailChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final MailProperties mailProperties;
    private final String from;

    public EmailChannel(JavaMailSender mail, MailProperties mailProperties, NotifyProperties properties) {
        this.mail = mail;
        this.mailProperties = mailProperties;
        this.from = properties.emailFrom();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return mailProperties.getHost() != null && !mailProperties.getHost().isBlank();
    }

    @Override
    public void send(Notification message) {
        try {
            mail.send(mime(message, mail.createMimeMessage().getSession()));
        } catch (MailException | MessagingException e) {
            throw new IllegalStateException("SMTP server " + mailProperties.getHost() + ":" + mailProperties.getPort()
                    + " did not take the email to " + message.getAddress() + ": " + e.getMessage(), e);
        }
    }

    /** The message key is the Message-ID, so a mail system can tell a resent message from a new one. */
    private MimeMessage mime(Notification message, Session session) throws MessagingException {
        String messageId = "<" + message.getMessageKey() + "@incidentflow>";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(new InternetAddress(from));
        mime.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(message.getAddress()));
        mime.setSubject(message.getSubject(), StandardCharsets.UTF_8.name());
        mime.setText(message.getBody(), StandardCharsets.UTF_8.name());
        return mime;
    }
}
