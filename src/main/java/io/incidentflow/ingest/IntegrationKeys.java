package io.incidentflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Integration keys: 32 random hex characters (like PagerDuty routing keys); only their SHA-256 is stored. */
public final class IntegrationKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** What lists show of a key: its first four characters. */
    public static String hint(String key) {
        return key.substring(0, Math.min(4, key.length())) + "…";
    }
}
