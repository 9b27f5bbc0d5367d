package io.incidentflow.notify;

import io.incidentflow.engine.EngineClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed, expiring tokens of personal links, one per message: {@code base64url(messageKey.expiry)}
 * {@code .} {@code base64url(HMAC-SHA256)}. A token is signed for one {@link Purpose}: an acknowledgement
 * link of a page cannot be used as a bridge join link, nor the other way round. The key is {@code incidentflow.notify.ack.signing-key}; without
 * one it is generated once and kept in table {@code app_secret}, so links survive restarts and work on
 * every node of a cluster.
 */
@Component
public class AckTokens {

    static final String KEY_NAME = "ack-signing-key";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final NotifyProperties properties;

    /** What a link does. The acknowledgement's signature has no prefix, so links sent before joins existed still work. */
    public enum Purpose {
        ACKNOWLEDGE(""), JOIN_BRIDGE("join-bridge:");

        private final String signedPrefix;

        Purpose(String signedPrefix) {
            this.signedPrefix = signedPrefix;
        }
    }

    /** What a valid token says: which message it acknowledges. */
    public record Claim(String messageKey, Instant expiresAt) {
    }

    /** A token that is forged, damaged or expired: answered 403, nothing changes. */
    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message) {
            super(message);
        }
    }

    public AckTokens(NotifyProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.properties = properties;
        String configured = properties.ack().signingKey();
        this.key = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
                : DECODER.decode(storedKey(jdbc, transactions));
    }

    public String issue(String messageKey) {
        return issue(Purpose.ACKNOWLEDGE, messageKey);
    }

    public String issue(Purpose purpose, String messageKey) {
        Instant expiresAt = EngineClock.now().plus(properties.ack().linkValidity());
        String claim = ENCODER.encodeToString((messageKey + "." + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return claim + "." + ENCODER.encodeToString(mac(purpose, claim));
    }

    /** @throws InvalidTokenException when the signature does not match or the link has expired */
    public Claim verify(String token) {
        return verify(Purpose.ACKNOWLEDGE, token);
    }

    /** @throws InvalidTokenException when the signature does not match the purpose or the link has expired */
    public Claim verify(Purpose purpose, String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2) {
            throw new InvalidTokenException("This link is damaged or incomplete: copy the whole link from the message.");
        }
        byte[] signature;
        String claim;
        try {
            signature = DECODER.decode(parts[1]);
            claim = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("This link is damaged or incomplete: copy the whole link from the message.");
        }
        if (!MessageDigest.isEqual(signature, mac(purpose, parts[0]))) {
            throw new InvalidTokenException("This link is not valid: its signature does not match. "
                    + "Use the link from the message you received.");
        }
        int dot = claim.lastIndexOf('.');
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(claim.substring(dot + 1)));
        if (!EngineClock.now().isBefore(expiresAt)) {
            throw new InvalidTokenException("This link expired at " + expiresAt + (purpose == Purpose.ACKNOWLEDGE
                    ? ". Acknowledge in IncidentFlow instead (POST /api/pages/{id}/acknowledgement)."
                    : ". The bridge's address is on the incident's timeline (BRIDGES_OPENED)."));
        }
        return new Claim(claim.substring(0, dot), expiresAt);
    }

    private byte[] mac(Purpose purpose, String claim) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal((purpose.signedPrefix + claim).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The generated key; the first node to start creates it, the others read it. */
    private static String storedKey(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (int attempt = 0; ; attempt++) {
            String stored = ownTransaction.execute(tx -> {
                List<String> found = jdbc.queryForList("select secret from app_secret where name = ?", String.class, KEY_NAME);
                if (!found.isEmpty()) {
                    return found.get(0);
                }
                byte[] generated = new byte[32];
                new SecureRandom().nextBytes(generated);
                String secret = ENCODER.encodeToString(generated);
                try {
                    jdbc.update("insert into app_secret (name, secret, created_at) values (?, ?, ?)", KEY_NAME, secret,
                            Timestamp.from(Instant.now()));
                    return secret;
                } catch (DataIntegrityViolationException raceLost) {
                    tx.setRollbackOnly();
                    return null;
                }
            });
            if (stored != null) {
                return stored;
            }
            if (attempt >= 3) {
                throw new IllegalStateException("Could not read or create the acknowledgement signing key in app_secret");
            }
        }
    }
}
