package labkit.engine.child;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over an event line and its sequence number, with the secret of one forked JVM. */
public final class EventSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    public EventSignature(byte[] secret) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature of line {@code seq}, in hex. */
    public synchronized String sign(long seq, String json) {
        return HexFormat.of().formatHex(mac.doFinal((seq + "\n" + json).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is that of line {@code seq}; compared in constant time. */
    public boolean verifies(long seq, String json, String signature) {
        return MessageDigest.isEqual(sign(seq, json).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The secret as the grading process writes it to the child's standard input: hex, one line. */
    public static String encode(byte[] secret) {
        return HexFormat.of().formatHex(secret) + "\n";
    }

    /** Reads the secret line from {@code in} (at most 256 bytes), before any student class can read it. */
    static byte[] read(java.io.InputStream in) throws java.io.IOException {
        StringBuilder hex = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n' && hex.length() < 256; b = in.read()) {
            hex.append((char) b);
        }
        if (hex.length() == 0) {
            throw new IllegalStateException("no channel secret on standard input");
        }
        return HexFormat.of().parseHex(hex.toString().trim());
    }
}
