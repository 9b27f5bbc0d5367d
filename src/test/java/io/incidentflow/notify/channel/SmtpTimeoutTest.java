package io.incidentflow.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.IncidentFlowTest;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A hanging SMTP server cannot hold the thread that sends an email forever. */
@IncidentFlowTest
class SmtpTimeoutTest {

    @Autowired JavaMailSender mailSender;

    @Test
    void theMailSenderHasConnectReadAndWriteTimeouts() {
        Properties properties = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();

        assertThat(properties).containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtp.writetimeout", "30000");
    }

    @Test
    void thoseSettingsAreTheOnesJavaMailHonours() throws Exception {
        // The application's own keys, with short values, against a server that accepts and never says a word
        // (until the test is over): a misspelt key would make this wait for it instead of failing within the timeout.
        // The bound leaves room for a loaded machine (class loading of JavaMail takes seconds there).
        Properties shortened = new Properties();
        ((JavaMailSenderImpl) mailSender).getJavaMailProperties().stringPropertyNames()
                .forEach(key -> shortened.setProperty(key, "300"));
        CountDownLatch testOver = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    testOver.await(); // holds the connection open, silent
                } catch (Exception e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(silent.getLocalPort());
            sender.setJavaMailProperties(shortened);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("incidentflow@localhost");
            message.setTo("oncall@example.com");
            message.setText("hello");

            Instant start = Instant.now();
            assertThatThrownBy(() -> sender.send(message)).isInstanceOf(MailException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        } finally {
            testOver.countDown();
        }
    }
}
